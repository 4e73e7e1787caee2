// Orama with its French text analysis as its stemming and stop-words
// documentation shows: tokenizer {stemming: true, stemmer and language from
// @orama/stemmers/french, stopWords from @orama/stopwords/french}.
import { create, insertMultiple, load, save, search } from '@orama/orama';
import { stemmer, language } from '@orama/stemmers/french';
import { stopwords } from '@orama/stopwords/french';

export function createDb() {
  return create({
    schema: { title: 'string', text: 'string' },
    components: { tokenizer: { stemming: true, stemmer, language, stopWords: stopwords } },
  });
}

export const searchParams = (term, limit) => ({
  term,
  properties: ['title', 'text'],
  boost: { title: 2 },
  limit,
});

export const DESCRIPTION =
  'schema {title, text: string}; tokenizer {stemming: true, stemmer + language from @orama/stemmers/french, ' +
  'stopWords from @orama/stopwords/french}; search {term, properties [title, text], boost {title: 2}, limit}; ' +
  'saved with save() + JSON.stringify, loaded with load() into a database created with the same French ' +
  'tokenizer (the persistence plugin\'s restore() recreates a database with the default English ' +
  'tokenizer, so its JSON format is used through save/load, which is what the plugin wraps); ' +
  'no query syntax (quotes dropped, -word dropped)';

export { insertMultiple, load, save, search };
