// Starts the single-file page: the wasm module is inlined in the page as
// base64 (gzip-compressed), because a page opened from file:// may not fetch
// files. Decompression uses the browser's own DecompressionStream.
(async function () {
  'use strict';
  try {
    const source = document.getElementById('recoupe-wasm');
    const text = source.textContent.trim();
    source.textContent = '';
    let packed;
    if (typeof Uint8Array.fromBase64 === 'function') {
      packed = Uint8Array.fromBase64(text);
    } else {
      const binary = atob(text);
      packed = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);
    }
    let bytes = packed;
    if (source.dataset.encoding === 'gzip') {
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    await wasm_bindgen({ module_or_path: bytes });
    window.RecoupeApp.start(wasm_bindgen);
  } catch (error) {
    window.RecoupeApp.fail(error);
  }
})();
