import * as pagefind from 'pagefind';

export async function build(docs, _write, outDir) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // The service takes records over a pipe: send them in batches.
  for (let i = 0; i < docs.length; i += 200) {
    const batch = docs.slice(i, i + 200).map(({ id, title, text }) =>
      index.addCustomRecord({ url: id, content: `${title}\n\n${text}`, language: 'fr', meta: { title, id } }));
    for (const { errors: e } of await Promise.all(batch)) {
      if (e.length) throw new Error(`pagefind: ${e.join('; ')}`);
    }
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}
