import { createIndex } from './config.mjs';

export async function build(docs, write) {
  const index = createIndex();
  for (const { id, title, text } of docs) index.add({ id, title, text });
  const parts = {};
  await index.export((key, data) => {
    parts[key] = data;
  });
  write('index.json', JSON.stringify(parts));
}
