import { Resolver } from 'flexsearch';
import { createIndex, SEARCH_OPTIONS, FIELDS } from './config.mjs';
import { splitQuery, plainWords } from '../../harness/query-syntax.mjs';
import { run } from '../../harness/harness.mjs';

/** Exclusion through FlexSearch's Resolver: (any field) NOT (the word in any field). */
function searchExcluding(index, positive, excluded, limit) {
  let chain = null;
  for (const field of FIELDS) {
    const stage = { index, query: positive, field, suggest: true };
    chain = chain ? chain.or(stage) : new Resolver(stage);
  }
  for (const word of excluded) for (const field of FIELDS) chain = chain.not({ query: word, field });
  return chain.resolve({ limit, enrich: true });
}

run({
  async load(base) {
    const parts = await (await fetch(base + 'index.json')).json();
    const index = createIndex();
    for (const [key, data] of Object.entries(parts)) await index.import(key, data);
    return (input, limit) => {
      // No phrases (quotes dropped); -word through the Resolver.
      const { excluded } = splitQuery(input);
      const results = excluded.length
        ? searchExcluding(index, plainWords(input), excluded, limit)
        : index.search(plainWords(input), { ...SEARCH_OPTIONS, limit });
      return results.map((r) => ({ id: r.id, title: r.doc?.title }));
    };
  },
});
