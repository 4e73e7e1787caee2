import { buildIndex } from './config.mjs';

export async function build(docs, write) {
  write('index.json', JSON.stringify(buildIndex(docs)));
  write('titles.json', JSON.stringify(Object.fromEntries(docs.map((d) => [d.id, d.title]))));
}
