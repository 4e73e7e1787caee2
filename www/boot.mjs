// Starts the hosted page: the wasm module is fetched beside this file.
import init, * as api from './recoupe.js';

try {
  await init({ module_or_path: new URL('recoupe_bg.wasm', import.meta.url) });
  window.RecoupeApp.start(api);
} catch (error) {
  window.RecoupeApp.fail(error);
}
