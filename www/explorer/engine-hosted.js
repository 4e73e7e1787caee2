// Engine for the hosted script: the wasm module is the file beside this
// script, fetched and compiled as it streams in.
const SCRIPT_URL = document.currentScript ? document.currentScript.src : location.href;

async function loadEngine() {
  await wasm_bindgen({ module_or_path: new URL('recoupe_bg.wasm', SCRIPT_URL) });
  return wasm_bindgen;
}
