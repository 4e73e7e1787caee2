// MiniSearch set up for French as its README suggests: a processTerm that
// lowercases, removes diacritics and drops French stop words (the Snowball
// list, as packaged in @orama/stopwords); prefix and fuzzy search (0.2) as in
// its search-as-you-type examples; the title boosted.
import MiniSearch from 'minisearch';
import { stopwords } from '@orama/stopwords/french';

const fold = (term) => term.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const STOP_WORDS = new Set(stopwords.map(fold));

export const OPTIONS = {
  fields: ['title', 'text'],
  storeFields: ['title'],
  processTerm: (term) => {
    const folded = fold(term);
    return STOP_WORDS.has(folded) ? null : folded;
  },
  searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
};

export const DESCRIPTION =
  'fields title+text, storeFields [title]; processTerm: lowercase, NFD diacritics removal, ' +
  'Snowball French stop words; searchOptions {boost: {title: 2}, prefix: true, fuzzy: 0.2}; ' +
  'index serialised with JSON.stringify, loaded with MiniSearch.loadJSON; no phrases (quotes dropped); ' +
  '-word through the AND_NOT query combination';

export { MiniSearch };
