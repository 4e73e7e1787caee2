// TEST ONLY, never shipped: the comparison functions of the JS API contract
// (/work/briefs/api_contract.md: conflicts, agreements, timeline, compare),
// for testing the views before the engine has them. The e2e runner puts
// this inside a copy of the page, where the build leaves the marker
// "// recoupe:engine-end"; it wraps the real engine and adds only the
// functions the engine lacks, so once the engine has them, they are tested.
// Its answers are built from the real engine's documents and statements,
// in the contract's shapes; the seeds' passages are located by their text.
{
  const realLoadEngine = loadEngine;
  // eslint-disable-next-line no-func-assign
  loadEngine = async (report) => {
    const api = await realLoadEngine(report);
    const missing = ['conflicts', 'agreements', 'timeline', 'compare'].filter((f) => typeof api[f] !== 'function');
    if (!missing.length) return api;
    const stub = contractStub(api);
    const out = { ...api };
    for (const f of missing) out[f] = stub[f];
    out.stubbed = missing;
    return out;
  };

  function contractStub(api) {
    const encoder = new TextEncoder();
    const outletOf = (doc) => {
      const d = api.documents().find((x) => x.id === doc);
      return { kind: 'outlet', name: (d && d.outlet) || doc, side: null, doc };
    };
    /** The passage `text` in `doc` as an Evidence (byte offsets), or null. */
    const evidence = (doc, text, source, date = null) => {
      const view = api.document(doc);
      for (const block of view.blocks) {
        const at = block.text.indexOf(text);
        if (at < 0) continue;
        const start = block.start + encoder.encode(block.text.slice(0, at)).length;
        const end = start + encoder.encode(text).length;
        const st = api.statements({ doc }).find((s) => s.start <= start && end <= s.end);
        const src = st ? { kind: 'speaker', name: st.speaker, side: st.side, doc } : source || outletOf(doc);
        return { doc, text, start, end, statement: st ? st.id : null, source: src, date };
      }
      return null;
    };
    const D = ['000_ac38b55d5438f45b.txt', '001_7305b549ad60f7f4.txt', '002_8ed4da36b7d67b1b.txt',
      '003_0bbafe396988a152.txt', '004_19e1015a1317bfd8.txt'];
    const position = (value, label, list) => ({
      value, label, evidence: list.map(([doc, text]) => evidence(doc, text, null, value)).filter(Boolean),
    });
    const conflicts = [
      {
        id: 'K1', topic: 'date de signature de la déclaration trilatérale', slot: 'date',
        explanation: '10 novembre (000) contre 9 novembre (002, 003, 004)',
        note: 'signée tard le 9 novembre, en vigueur le 10',
        positions: [
          position('2020-11-10', '10 novembre 2020', [[D[0], 'ont signé le 10 novembre une déclaration commune']]),
          position('2020-11-09', '9 novembre 2020', [[D[2], 'Le 9 novembre, le pays a'],
            [D[3], 'L\'accord du 9 novembre 2020 signé'], [D[4], 'Le 9 novembre, le Premier ministre arménien']]),
        ],
      },
      {
        id: 'K2', topic: 'lieu de la rencontre entre Sergueï Choïgou et Ilham Aliev', slot: 'place',
        explanation: 'Erevan contre Bakou (004)', note: 'une contradiction à l\'intérieur d\'un document',
        positions: [
          position('Erevan', 'Erevan', [[D[4], 'Au cours d\'une rencontre à Erevan avec le ministre russe de la Défense']]),
          position('Bakou', 'Bakou', [[D[4], 'à Bakou']]),
        ],
      },
    ].map((c) => ({ ...c, positions: c.positions.filter((p) => p.evidence.length) }));
    const agreements = [{
      id: 'A1', topic: 'échange de prisonniers prévu par l\'accord',
      evidence: [[D[0], 'les parties procèdent à un échange de prisonniers'],
        [D[2], 'échange de prisonniers avec Erevan'], [D[4], 'commencent à échanger des prisonniers de guerre']]
        .map(([doc, text]) => evidence(doc, text)).filter(Boolean),
    }];
    const fromConflict = (c) => {
      const columns = new Map();
      c.positions.forEach((p, i) => {
        for (const ev of p.evidence) {
          const key = ev.source.kind + ':' + ev.source.name + ':' + ev.doc;
          if (!columns.has(key)) columns.set(key, { source: ev.source, items: [] });
          columns.get(key).items.push({ mark: i === 0 ? 'conflicts' : 'agrees', value: p.value, label: p.label, evidence: ev });
        }
      });
      return {
        question: { text: c.topic, slot: c.slot, topic: c.topic }, explanation: c.explanation,
        columns: [...columns.values()], conflicts: [c.id], agreements: [],
      };
    };
    return {
      conflicts: () => conflicts,
      agreements: () => agreements,
      timeline: (filter = {}) => api.statements({ doc: filter.doc || undefined, speaker: filter.speaker || undefined })
        .filter((s) => s.date && (!filter.from || s.date >= filter.from) && (!filter.to || s.date <= filter.to))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((s) => ({
          date: s.date, label: s.date, kind: 'statement',
          evidence: { doc: s.doc, text: s.content, start: s.start, end: s.end, statement: s.id, date: s.date,
            source: { kind: 'speaker', name: s.speaker, side: s.side, doc: s.doc } },
        })),
      compare: (input) => {
        if (input && typeof input === 'object' && input.conflict) {
          const c = conflicts.find((k) => k.id === input.conflict);
          if (!c) throw new Error(`no conflict ${input.conflict}`);
          return fromConflict(c);
        }
        if (input && typeof input === 'object' && input.statement) {
          const s = api.statements({}).find((x) => x.id === input.statement);
          if (!s) throw new Error(`no statement ${input.statement}`);
          const base = fromConflict(conflicts[0]);
          base.question = { text: s.content, slot: null, topic: s.content };
          base.columns.unshift({
            source: { kind: 'speaker', name: s.speaker, side: s.side, doc: s.doc },
            items: [{ mark: 'related', value: null, label: null, evidence: {
              doc: s.doc, text: s.content, start: s.start, end: s.end, statement: s.id, date: s.date,
              source: { kind: 'speaker', name: s.speaker, side: s.side, doc: s.doc } } }],
          });
          return base;
        }
        const text = String(input || '');
        if (/novembre|sign/i.test(text)) return { ...fromConflict(conflicts[0]), question: { text, slot: 'date', topic: conflicts[0].topic } };
        return { question: { text, slot: null, topic: text }, explanation: 'Aucune source ne parle de cela.', columns: [], conflicts: [], agreements: [] };
      },
    };
  }
}
