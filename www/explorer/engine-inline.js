// Engine for the self-contained script: the wasm module travels inside this
// file as text of its deflated form (a page opened from file:// may not fetch
// files); the browser's own DecompressionStream inflates it. `report(phase,
// fraction)` tells the page how far the start has gone (a large corpus takes
// seconds to unpack and compile).
// The module's raw deflate form (gzip's, without its 18 bytes of header and
// trailer) as text (www/explorer/wasm-text.js reads it).
const WASM_TEXT = '/* recoupe:wasm-text */';
const WASM_PACKED_BYTES = Number('/* recoupe:wasm-packed-size */');
const WASM_BYTES = Number('/* recoupe:wasm-size */');

async function loadEngine(report) {
  report('unpack', 0);
  const packed = wasmTextBytes(WASM_TEXT, WASM_PACKED_BYTES);
  const reader = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const bytes = new Uint8Array(WASM_BYTES);
  let filled = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.length > bytes.length) throw new Error('the embedded module is larger than announced');
    bytes.set(value, filled);
    filled += value.length;
    report('unpack', filled / bytes.length);
  }
  if (filled !== bytes.length) throw new Error('the embedded module is truncated');
  report('compile', null);
  const module = await WebAssembly.compile(bytes);
  await wasm_bindgen.default({ module_or_path: module });
  return wasm_bindgen;
}
