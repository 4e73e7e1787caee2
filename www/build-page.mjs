// Assembles the explorer from www/ and wasm-bindgen's output (--target web):
//
//   dist/index.html            one self-contained file: opens from file://, offline
//   dist/recoupe-explorer.js   the <recoupe-explorer> widget in one script (wasm inlined)
//   dist/embed.html            a sample article page embedding the widget
//   dist/web/                  the hosted variant: page + script + recoupe_bg.wasm beside
//                              it, for `script-src 'self' 'wasm-unsafe-eval'` (no inline script)
//
// usage: node www/build-page.mjs WASM_BINDGEN_OUT_DIR DIST_DIR
import { readFileSync, writeFileSync, mkdirSync, rmSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { buildSync, transformSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const [bindgenDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node www/build-page.mjs WASM_BINDGEN_OUT_DIR DIST_DIR');
  process.exit(2);
}
const www = dirname(fileURLToPath(import.meta.url));
const read = (path) => readFileSync(path, 'utf8');

// Drops the wasm custom sections only debuggers read ("name", "producers"):
// a third of the module. (wasm-bindgen needed them; it has run.)
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

function fill(text, placeholder, value) {
  if (!text.includes(placeholder)) throw new Error(`placeholder ${placeholder} missing`);
  return text.split(placeholder).join(value);
}

const wasm = stripCustomSections(readFileSync(join(bindgenDir, 'recoupe_bg.wasm')));
// wasm-bindgen's glue is an ES module, which a page opened from file:// may
// not load, importing the JS snippets of src/wasm.rs. esbuild bundles them
// as one module; its closing export list becomes the object a closure
// returns, `wasm_bindgen` (`default` instantiates the module). (esbuild's
// own iife format makes a namespace object with getters: helper code the
// page would carry for nothing.) The module is always handed to `default`,
// so the glue's default path from import.meta.url is never taken.
function bundleGlue(dir) {
  const bundle = (entry) => buildSync({
    stdin: { contents: entry, resolveDir: dir, loader: 'js' },
    bundle: true,
    format: 'esm',
    define: { 'import.meta.url': 'undefined' },
    charset: 'utf8',
    write: false,
    logLevel: 'error',
  }).outputFiles[0].text;
  const exportList = /\nexport\s*\{([^}]*)\};?\s*$/;
  const exportsOf = (code) => {
    const found = code.match(exportList);
    if (!found) throw new Error('unexpected bundled glue: no export list at its end');
    return found[1].split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
      const [local, exported = local] = item.split(/\s+as\s+/);
      return { local, exported };
    });
  };
  // The page instantiates the module asynchronously: initSync, and what only
  // it uses, are left out.
  const wanted = exportsOf(bundle("export * from './recoupe.js'; export { default } from './recoupe.js';"))
    .map(({ exported }) => exported).filter((name) => name !== 'initSync');
  const bundled = bundle(`export { ${wanted.join(', ')} } from './recoupe.js';`);
  const fields = exportsOf(bundled).map(({ local, exported }) => `${JSON.stringify(exported)}: ${local}`);
  return `const wasm_bindgen = (() => {\n${bundled.replace(exportList, '\n')}\nreturn { ${fields.join(', ')} };\n})();`;
}
const glue = bundleGlue(bindgenDir);
// esbuild (www/package.json; ./build.sh installs it) minifies the widget
// script as one closure, so every name inside it may shrink. UTF-8 output:
// the page is UTF-8, and escaping the French strings would only grow them.
const minifyJs = (code) => transformSync(code, { minify: true, charset: 'utf8', legalComments: 'none' }).code;
const minifyCss = (code) => transformSync(code, { loader: 'css', minify: true, charset: 'utf8' }).code.trim();

/** Replaces the string literal holding `placeholder` (whichever quotes the
 *  minifier chose) by `literal`, exactly once. */
function fillLiteral(code, placeholder, literal) {
  const pattern = new RegExp(`(["'\`])/\\* recoupe:${placeholder} \\*/\\1`, 'g');
  const found = code.match(pattern);
  if (!found || found.length !== 1) throw new Error(`placeholder recoupe:${placeholder}: ${found ? found.length : 0} found`);
  return code.replace(pattern, () => literal);
}

// The reader of the wasm text is the page's own (www/explorer/wasm-text.js):
// the writer takes its table from it, and every build reads back what it wrote.
const wasmTextSource = read(join(www, 'explorer', 'wasm-text.js'));
const { WASM_TEXT_ESCAPED, wasmTextBytes } = new Function(
  `${wasmTextSource}\nreturn { WASM_TEXT_ESCAPED, wasmTextBytes };`)();

/** `bytes` as the single-quoted text wasmTextBytes reads (see wasm-text.js). */
function wasmText(bytes) {
  const rankOf = new Int8Array(128).fill(-1);
  WASM_TEXT_ESCAPED.forEach((value, rank) => { rankOf[value] = rank; });
  // UTF-8 written directly: at most 2 bytes for every 7 bits.
  const out = Buffer.alloc(Math.ceil((bytes.length * 8) / 7) * 2 + 2);
  let used = 0;
  let pending = -1; // the rank of an escaped value waiting for the next 7 bits
  const put = (seven) => {
    if (pending >= 0) {
      const c = 0x80 + pending * 128 + seven;
      out[used] = 0xc0 | (c >> 6);
      out[used + 1] = 0x80 | (c & 0x3f);
      used += 2;
      pending = -1;
    } else if (rankOf[seven] >= 0) {
      pending = rankOf[seven];
    } else {
      out[used] = seven;
      used += 1;
    }
  };
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      put((acc >>> bits) & 0x7f);
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) put((acc << (7 - bits)) & 0x7f);
  if (pending >= 0) put(0);
  const text = out.toString('utf8', 0, used);
  if (!Buffer.from(wasmTextBytes(text, bytes.length)).equals(bytes)) {
    throw new Error('the wasm text does not read back as the module');
  }
  return text;
}

// The writer and reader agree on the edge cases too (every build checks):
// nothing, one byte, runs of each value (escaped ones back to back, one at
// the very end), and every byte value.
for (const sample of [[], [0], [255], Array(64).fill(0), Array(64).fill(0x4e),
  Array(64).fill(0x27), Array(64).fill(0x5c), Array(64).fill(0xff), [...Array(256).keys()],
  [...Array(256).keys()].reverse()]) {
  for (let cut = 0; cut <= Math.min(sample.length, 9); cut += 1) {
    wasmText(Buffer.from(sample.slice(0, sample.length - cut)));
  }
}

/**
 * The module's raw deflate form (no gzip header or trailer: 18 bytes the page
 * does without; the page checks the size it inflates to). zopfli (./build.sh
 * installs it) finds a stream about 6% smaller than zlib's best, at about a
 * second a megabyte: worth it for a page of the seeds' size, where the budget
 * is counted in kilobytes. 15 iterations (its default) rather than 5: 80
 * bytes fewer for the seeds, for a second more; more found nothing further.
 * A large corpus's module takes zlib (zopfli would take minutes, for a page
 * that is large anyway).
 */
function deflateForPage(bytes) {
  const ZOPFLI_MAX_BYTES = 4 * 1024 * 1024;
  if (bytes.length <= ZOPFLI_MAX_BYTES) {
    const dir = mkdtempSync(join(tmpdir(), 'recoupe-page-'));
    try {
      const file = join(dir, 'module.wasm');
      writeFileSync(file, bytes);
      return execFileSync('zopfli', ['--deflate', '--i15', '-c', file], { maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      console.warn('zopfli not found (./build.sh installs it): the page is packed with zlib, a few KB larger');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return deflateRawSync(bytes, { level: 9 });
}

const css = minifyCss(read(join(www, 'explorer', 'style.css')));
// The explorer's sources, in order: one closure holds them all, so they share
// names without adding any to the page.
const EXPLORER_FILES = ['strings.js', 'dom.js', 'views/search.js', 'views/document.js',
  'views/conflicts.js', 'views/compare.js', 'views/timeline.js', 'element.js'];
const explorer = EXPLORER_FILES.map((f) => read(join(www, 'explorer', f))).join('\n');

/** The widget script: everything in one closure, so the only global name it
 *  adds is the custom element. */
function widgetScript(engine) {
  const code = minifyJs([
    '(() => {',
    "'use strict';",
    `const EXPLORER_CSS = ${JSON.stringify(css)};`,
    glue,
    engine,
    explorer,
    '})();',
  ].join('\n'));
  return `// recoupe-explorer: offline explorer for French news corpora (generated by www/build-page.mjs)\n${code}`;
}

const packed = deflateForPage(wasm);
let widgetInline = widgetScript(`${wasmTextSource}\n${read(join(www, 'explorer', 'engine-inline.js'))}`);
widgetInline = fillLiteral(widgetInline, 'wasm-text', `'${wasmText(packed)}'`);
widgetInline = fillLiteral(widgetInline, 'wasm-packed-size', String(packed.length));
widgetInline = fillLiteral(widgetInline, 'wasm-size', String(wasm.length));
const widgetHosted = widgetScript(read(join(www, 'explorer', 'engine-hosted.js')));

// Inline script text must not close its own <script> element.
const scriptSafe = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const SINGLE_FILE_CSP = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; "
  + "style-src 'unsafe-inline'; img-src data:";
const HOSTED_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "connect-src 'self'; img-src 'self' data:";
const csp = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

// The template's notes to its readers are left out of the pages (its
// placeholders, comments too, are filled below).
const template = read(join(www, 'index.html')).replace(/<!--(?! recoupe:)[\s\S]*?-->\n?/g, '');
function page(policy, style, scripts) {
  let out = fill(template, '<!-- recoupe:csp -->', csp(policy));
  out = fill(out, '<!-- recoupe:style -->', style);
  return fill(out, '<!-- recoupe:scripts -->', scripts);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'web'), { recursive: true });
const single = page(SINGLE_FILE_CSP, `<style>${minifyCss(read(join(www, 'page.css')))}</style>`,
  `<script>\n${scriptSafe(widgetInline)}</script>`);
writeFileSync(join(outDir, 'index.html'), single);
writeFileSync(join(outDir, 'recoupe-explorer.js'), widgetInline);
writeFileSync(join(outDir, 'embed.html'), read(join(www, 'embed.html')));

writeFileSync(join(outDir, 'web', 'index.html'), page(HOSTED_CSP,
  '<link rel="stylesheet" href="page.css">', '<script src="recoupe-explorer.js"></script>'));
writeFileSync(join(outDir, 'web', 'recoupe-explorer.js'), widgetHosted);
writeFileSync(join(outDir, 'web', 'recoupe_bg.wasm'), wasm);
writeFileSync(join(outDir, 'web', 'page.css'), read(join(www, 'page.css')));

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`dist/index.html: ${kb(Buffer.byteLength(single))} (${kb(gzipSync(single).length)} gzip); `
  + `wasm ${kb(wasm.length)} (${kb(packed.length)} packed)`);
