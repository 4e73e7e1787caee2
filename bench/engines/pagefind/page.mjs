import { splitQuery } from '../../harness/query-syntax.mjs';
import { run } from '../../harness/harness.mjs';

run({
  async load(base) {
    const pagefind = await import(new URL(base + 'pagefind.js', location.href).href);
    await pagefind.init();
    return async (input, limit) => {
      // Pagefind understands "quoted phrases"; it has no exclusion.
      const { words, phrases } = splitQuery(input);
      const query = [...phrases.map((p) => `"${p}"`), ...words].join(' ');
      const answer = await pagefind.search(query);
      const data = await Promise.all(answer.results.slice(0, limit).map((r) => r.data()));
      // The id travels in the record's metadata (Pagefind rewrites urls).
      return data.map((d) => ({ id: d.meta?.id, title: d.meta?.title }));
    };
  },
});
