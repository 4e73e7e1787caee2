// Engine for the hosted script: the wasm module is the file beside this
// script, compiled as it streams in; the bytes are counted on the way for
// the progress indication.
const SCRIPT_URL = document.currentScript ? document.currentScript.src : location.href;

async function loadEngine(report) {
  report('download', 0);
  const response = await fetch(new URL('recoupe_bg.wasm', SCRIPT_URL));
  if (!response.ok) throw new Error(`recoupe_bg.wasm: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  let body = response.body;
  if (body && total) {
    let seen = 0;
    body = body.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        seen += chunk.length;
        report(seen < total ? 'download' : 'compile', seen < total ? seen / total : null);
        controller.enqueue(chunk);
      },
    }));
  }
  const streamed = new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
  const module = await WebAssembly.compileStreaming(streamed);
  report('compile', null);
  await wasm_bindgen.default({ module_or_path: module });
  return wasm_bindgen;
}
