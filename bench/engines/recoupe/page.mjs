import { run } from '../../harness/harness.mjs';

run({
  async load(base) {
    const glue = new URL(base + 'recoupe.js', location.href);
    const api = await import(glue.href);
    await api.default({ module_or_path: new URL('recoupe_bg.wasm', glue) });
    return (input, limit) => api.search(input, { perPage: limit }).hits.map((h) => ({ id: h.id, title: h.title }));
  },
});
