// Assembles the pages from www/ and wasm-bindgen's output:
//   dist/index.html   one self-contained file (styles, scripts and the wasm
//                     module inlined), for opening from file://
//   dist/web/         the same page as files (ES module + .wasm) for a server
//
// usage: node www/build-page.mjs NO_MODULES_DIR WEB_DIR OUT_DIR
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [noModulesDir, webDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node www/build-page.mjs NO_MODULES_DIR WEB_DIR OUT_DIR');
  process.exit(2);
}
const www = dirname(fileURLToPath(import.meta.url));
const read = (path) => readFileSync(path, 'utf8');
const template = read(join(www, 'index.html'));

// Inline script text must not close its own <script> element.
const scriptSafe = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

function page(style, scripts) {
  const out = template
    .replace('<!-- recoupe:style -->', () => style)
    .replace('<!-- recoupe:scripts -->', () => scripts);
  if (out.includes('recoupe:')) throw new Error('template placeholder left in the page');
  return out;
}

// Drops the wasm custom sections only debuggers read ("name", "producers"):
// a third of the module, and wasm-bindgen needs them until it has run.
function stripCustomSections(bytes) {
  const keep = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      size += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) break;
    }
    const end = at + size;
    if (end > bytes.length) throw new Error('truncated wasm section');
    if (id !== 0) keep.push(bytes.subarray(start, end));
    at = end;
  }
  return Buffer.concat(keep);
}

for (const dir of [noModulesDir, webDir]) {
  const path = join(dir, 'recoupe_bg.wasm');
  writeFileSync(path, stripCustomSections(readFileSync(path)));
}

// The no-modules glue declares each export as a function in the scope where
// it also reads the global `document` (for document.currentScript): the
// export named `document` would shadow it. Rename the local binding only;
// the exported name stays `document`.
function unshadowDocument(glue) {
  let count = 0;
  const out = glue
    .replace(/\bfunction document\(/g, () => { count += 1; return 'function exportedDocument('; })
    .replace(/exports\.document = document;/g, () => { count += 1; return 'exports.document = exportedDocument;'; });
  if (count !== 2) throw new Error(`unexpected wasm-bindgen glue: ${count} document bindings patched`);
  return out;
}

// 1. Single file.
const wasm = readFileSync(join(noModulesDir, 'recoupe_bg.wasm'));
const packed = gzipSync(wasm, { level: 9 });
const single = page(
  `<style>\n${read(join(www, 'style.css'))}</style>`,
  [
    `<script id="recoupe-wasm" type="application/octet-stream" data-encoding="gzip">${packed.toString('base64')}</script>`,
    `<script>\n${scriptSafe(unshadowDocument(read(join(noModulesDir, 'recoupe.js'))))}\n</script>`,
    `<script>\n${scriptSafe(read(join(www, 'app.js')))}\n</script>`,
    `<script>\n${scriptSafe(read(join(www, 'boot-inline.js')))}\n</script>`,
  ].join('\n'),
);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'index.html'), single);

// 2. Hosted files.
const web = join(outDir, 'web');
mkdirSync(web, { recursive: true });
for (const name of ['recoupe.js', 'recoupe_bg.wasm']) copyFileSync(join(webDir, name), join(web, name));
for (const name of ['style.css', 'app.js', 'boot.mjs']) copyFileSync(join(www, name), join(web, name));
writeFileSync(join(web, 'index.html'), page(
  '<link rel="stylesheet" href="style.css">',
  '<script src="app.js"></script>\n<script type="module" src="boot.mjs"></script>',
).replace("'unsafe-inline' ", ''));

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`dist/index.html: ${kb(Buffer.byteLength(single))} (${kb(gzipSync(single).length)} gzip); wasm ${kb(wasm.length)}`);
