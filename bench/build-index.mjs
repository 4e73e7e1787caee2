// Builds one peer's index for one corpus ("build time" for the peers): reads
// the corpus, runs the engine's build, writes its files into OUT_DIR.
//
// usage: node bench/build-index.mjs ENGINE CORPUS_PATH OUT_DIR
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from './lib/corpus.mjs';

const [engine, corpusPath, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/build-index.mjs ENGINE CORPUS_PATH OUT_DIR');
  process.exit(2);
}
const { build } = await import(`./engines/${engine}/build.mjs`);
const docs = readCorpus(corpusPath);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const started = performance.now();
await build(docs, (name, data) => writeFileSync(join(outDir, name), data), outDir);
const seconds = (performance.now() - started) / 1000;
console.log(`${engine}: ${docs.length} documents indexed in ${seconds.toFixed(1)} s`);
