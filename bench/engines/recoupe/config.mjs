export const DESCRIPTION =
  'this repository\'s engine built with CORPUS_DIR=<corpus> (index built at compile time, embedded in the ' +
  '.wasm, read in place), wasm-bindgen --target web, custom sections stripped by www/build-page.mjs; ' +
  'search(query, {perPage: limit}) with its defaults (prefix on the last word); the query passed as typed';
