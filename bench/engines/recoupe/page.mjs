import { run } from '../../harness/harness.mjs';

// Questions typed into the comparison view: claims and topics a reader of
// French news would check across sources, the same on every corpus.
const TYPED_CLAIMS = [
  'le gouvernement a annoncé une réforme',
  'la police a interpellé 12 personnes',
  'Emmanuel Macron',
  'le bilan est de 3 morts',
  'les élections ont eu lieu le 15 mars',
];
const SAMPLED = 10;

/** `count` items spread evenly over `list` (the same ones every run). */
function spread(list, count) {
  if (list.length <= count) return list;
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
}

run({
  async load(base) {
    const glue = new URL(base + 'recoupe.js', location.href);
    // The module's download starts with the glue's, as in the hosted
    // variant, whose glue is in the same script as the loader.
    const compiling = WebAssembly.compileStreaming(fetch(new URL('recoupe_bg.wasm', glue)));
    const api = await import(glue.href);
    // Where the load goes: module downloaded and compiled as it streams in
    // (as the hosted variant does), then instantiated (the data segments,
    // corpus included, copied into memory). The explorer opens on the
    // first query.
    const phases = { glue: performance.now() };
    const module = await compiling;
    phases.compiled = performance.now();
    await api.default({ module_or_path: module });
    phases.instantiated = performance.now();
    // A result list of titles, as the peers give: no snippets (facets and
    // statements under hits are off by default). The hits carry id and
    // title: taken as they are (as MiniSearch's results; the other peers'
    // results are mapped to them).
    const search = (input, limit) => api.search(input, { perPage: limit, snippets: false }).hits;
    // The comparison side, which the peers do not have. The first use of
    // each is timed on its own (conflicts decodes the comparisons part,
    // statements the claims part); the statements and conflicts compared
    // are sampled after that, untimed.
    search.phases = phases;
    search.operations = {
      first: [
        ['conflicts()', () => api.conflicts()],
        ['timeline()', () => api.timeline()],
        ['compare(typed claim)', () => api.compare(TYPED_CLAIMS[0])],
        ['statements()', () => api.statements()],
      ],
      sample() {
        const statements = spread(api.statements(), SAMPLED).map((s) => s.id);
        const conflicts = spread(api.conflicts(), SAMPLED).map((c) => c.id);
        return [
          ['conflicts()', [() => api.conflicts()]],
          ['timeline()', [() => api.timeline()]],
          ['compare(typed claim)', TYPED_CLAIMS.map((claim) => () => api.compare(claim))],
          ['compare({statement})', statements.map((statement) => () => api.compare({ statement }))],
          ['compare({conflict})', conflicts.map((conflict) => () => api.compare({ conflict }))],
        ];
      },
    };
    return search;
  },
});
