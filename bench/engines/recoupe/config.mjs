export const DESCRIPTION =
  'this repository\'s engine built with CORPUS_DIR=<corpus> (index built at compile time, embedded in the ' +
  '.wasm, read in place), the hosted variant\'s module from www/build-page.mjs (custom sections stripped) ' +
  'with wasm-bindgen\'s --target web glue; search(query, {perPage: limit, snippets: false}), otherwise its ' +
  'defaults (prefix on the last word, no facets); the query passed as typed';
