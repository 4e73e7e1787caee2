// Engine for the self-contained script: the wasm module travels inside this
// file as base64 of its gzip form (a page opened from file:// may not fetch
// files); the browser's own DecompressionStream inflates it.
const WASM_GZIP_BASE64 = '/* recoupe:wasm-base64 */';

function base64Bytes(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function loadEngine() {
  const packed = base64Bytes(WASM_GZIP_BASE64);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  await wasm_bindgen({ module_or_path: bytes });
  return wasm_bindgen;
}
