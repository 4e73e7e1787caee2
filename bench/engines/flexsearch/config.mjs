// FlexSearch 0.8 Document index configured as its encoder documentation
// shows for a language: the Latin "balance" charset (case and accent
// normalisation, light phonetics) stacked with the French language pack
// (French stop words, stemmer and elision handling), the "forward" tokenizer
// for search-as-you-type, only the title stored.
import { Document, Encoder, Charset } from 'flexsearch';
import FrenchPreset from 'flexsearch/lang/fr';

export const FIELDS = ['title', 'text'];

export function createIndex() {
  const encoder = new Encoder(Charset.LatinBalance, FrenchPreset);
  return new Document({
    document: {
      id: 'id',
      index: FIELDS.map((field) => ({ field, tokenize: 'forward', encoder })),
      store: ['title'],
    },
  });
}

export const SEARCH_OPTIONS = { merge: true, enrich: true, suggest: true };

export const DESCRIPTION =
  'Document index, fields title+text, tokenize "forward", encoder new Encoder(Charset.LatinBalance, ' +
  'French language pack flexsearch/lang/fr), store [title]; search {limit, merge: true, enrich: true, ' +
  'suggest: true}; index exported with export() into one JSON of key→data, loaded with import(); ' +
  'no phrases (quotes dropped); -word through the Resolver: (title OR text) NOT word, per field';
