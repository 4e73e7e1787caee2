// Engine for the self-contained script: the wasm module travels inside this
// file as base64 of its gzip form (a page opened from file:// may not fetch
// files); the browser's own DecompressionStream inflates it. `report(phase,
// fraction)` tells the page how far the start has gone (a large corpus takes
// seconds to unpack and compile).
const WASM_GZIP_BASE64 = '/* recoupe:wasm-base64 */';
const WASM_BYTES = Number('/* recoupe:wasm-size */');

function base64Bytes(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function loadEngine(report) {
  report('unpack', 0);
  const packed = base64Bytes(WASM_GZIP_BASE64);
  const reader = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
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
  await wasm_bindgen({ module_or_path: module });
  return wasm_bindgen;
}
