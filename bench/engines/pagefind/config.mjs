export const DESCRIPTION =
  'Node API: createIndex({forceLanguage: "fr"}), one addCustomRecord({url: id, content: title + text, ' +
  'language: "fr", meta: {title, id}}) per document, writeFiles(); in the page: the bundle\'s pagefind.js, ' +
  'init(), search(query), then data() of the top results for meta.id and meta.title (Pagefind\'s ' +
  'documented way to read a result); "quoted phrases" passed through (Pagefind supports them), -word dropped';
