// Lunr with lunr-languages' French support (lunr.stemmer.support + lunr.fr:
// French trimmer, stop words and Snowball stemmer), as the lunr-languages
// README shows; the title boosted.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import french from 'lunr-languages/lunr.fr.js';

stemmerSupport(lunr);
french(lunr);

export function buildIndex(docs) {
  return lunr(function () {
    this.use(lunr.fr);
    this.ref('id');
    this.field('title', { boost: 2 });
    this.field('text');
    for (const { id, title, text } of docs) this.add({ id, title, text });
  });
}

export const DESCRIPTION =
  'lunr.fr from lunr-languages (stemmer support, French trimmer, stop words, stemmer); ' +
  'fields title (boost 2) + text; index serialised with JSON.stringify, loaded with ' +
  'lunr.Index.load; titles in a separate id→title JSON (Lunr stores no fields); ' +
  'queries in Lunr syntax (-word excludes; no phrases: quotes dropped)';

export { lunr };
