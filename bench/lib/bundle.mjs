// Bundles each engine's page module (the engine's library, its French
// configuration and the shared harness) into one minified ES module, so every
// engine's code reaches the page the same way.
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundlePages(benchDir, engines, outDir) {
  await build({
    entryPoints: Object.fromEntries(engines.map((e) => [e, join(benchDir, 'engines', e, 'page.mjs')])),
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
}
