import { createDb, insertMultiple, save } from './config.mjs';

export async function build(docs, write) {
  const db = createDb();
  await insertMultiple(db, docs.map(({ id, title, text }) => ({ id, title, text })), 500);
  write('index.json', JSON.stringify(await save(db)));
}
