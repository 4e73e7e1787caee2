import { MiniSearch, OPTIONS } from './config.mjs';

export async function build(docs, write) {
  const index = new MiniSearch(OPTIONS);
  index.addAll(docs.map(({ id, title, text }) => ({ id, title, text })));
  write('index.json', JSON.stringify(index));
}
