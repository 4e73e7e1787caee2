import { createDb, load, search, searchParams } from './config.mjs';
import { plainWords } from '../../harness/query-syntax.mjs';
import { run } from '../../harness/harness.mjs';

run({
  async load(base) {
    const db = createDb();
    load(db, await (await fetch(base + 'index.json')).json());
    return (input, limit) => {
      const answer = search(db, searchParams(plainWords(input), limit));
      const top = (r) => r.hits.map((h) => ({ id: h.id, title: h.document.title }));
      return answer instanceof Promise ? answer.then(top) : top(answer);
    };
  },
});
