import { MiniSearch, OPTIONS } from './config.mjs';
import { splitQuery, plainWords } from '../../harness/query-syntax.mjs';
import { run } from '../../harness/harness.mjs';

run({
  async load(base) {
    const index = MiniSearch.loadJSON(await (await fetch(base + 'index.json')).text(), OPTIONS);
    return (input, limit) => {
      // No phrases; exclusion through the AND_NOT query combination (the
      // positive words as their own OR query: a plain string inside the
      // combination would inherit AND_NOT between its own words).
      const { excluded } = splitQuery(input);
      const positive = plainWords(input);
      const query = excluded.length
        ? { combineWith: 'AND_NOT', queries: [{ combineWith: 'OR', queries: [positive] }, ...excluded] }
        : positive;
      // Its results carry the id and the stored title: taken as they are.
      return index.search(query).slice(0, limit);
    };
  },
});
