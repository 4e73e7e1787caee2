import { lunr } from './config.mjs';
import { run } from '../../harness/harness.mjs';

run({
  async load(base) {
    const [serialised, titles] = await Promise.all(
      ['index.json', 'titles.json'].map(async (name) => (await fetch(base + name)).json()),
    );
    const index = lunr.Index.load(serialised);
    return (input, limit) => {
      let results;
      try {
        // Lunr's own query syntax understands -word; it has no phrases.
        results = index.search(input.replace(/"/g, ' '));
      } catch (error) {
        if (error instanceof lunr.QueryParseError) return [];
        throw error;
      }
      return results.slice(0, limit).map((r) => ({ id: r.ref, title: titles[r.ref] }));
    };
  },
});
