//! Ranked search over the index: BM25 over stems, documents matching more of
//! the query's clauses first, phrases (with a little slop when quoted),
//! exclusions, OR, spelling variants of names, prefix matching of the word
//! being typed, typo tolerance scaled to word length, date and document
//! filters, paging, and snippets given as text spans.
//!
//! Ranking choices, measured (known-item queries of `examples/known_item.rs`:
//! MRR on 2,000 orangesum_10k articles, headline words / lead words; and
//! the judged queries of `tests/relevance.rs`):
//!
//! ```text
//! chosen: BM25 k1 1.2 b 0.75, title ×3, clauses first  0.934 / 0.956, all judged pass
//! TF-IDF (√tf, no length normalisation)                0.919 / 0.948, 2 judged fail
//! title weight 1 (no headline boost)                   0.891 / 0.954
//! score only (documents matching fewer words mixed in) 0.931 / 0.926
//! without the proximity phase                          0.935 / 0.955, 1 judged fails
//! title ×5, or b 0.5                                   ≤ +0.01: within noise, kept standard
//! ```
//!
//! Speed: a query touches only the doc-and-frequency stream of the terms it
//! names (positions are decoded for phrases, and only for documents holding
//! every word of the phrase); scores go straight from the postings to the
//! ranking (one word) or to per-clause sums in flat arrays indexed by
//! document number, reused between queries; only the page shown is sorted,
//! and proximity re-reads positions only for candidates that can still reach
//! it. The release build optimises for size, so the loops over postings
//! inline their helpers by hand (`Postings::advance`, `Sink::take`).
//! `examples/search_dump.rs` checks that a change here keeps every answer.

pub mod facets;
pub mod query;
mod snippet;

use crate::text::fnv::HashSet;
use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::corpus::{Document, Summaries, SummaryView};
use crate::index::{
    DocId, Index, PositionStream, Posting, Postings, Samples, TOP_LEN, TermId, bm25, gallop,
    prefix_key, sloppy_frequency,
};
use crate::text::dates::span::Span;
pub use facets::{FacetTable, FacetValue, Facets};
pub use query::{Clause, Query, QueryWord};
pub use snippet::{Highlighter, SnippetSpan, marked_words, passage};

/// Most hits on one page.
pub const MAX_PER_PAGE: usize = 100;

/// A word form reached by completing the word being typed.
const PREFIX_WEIGHT: f32 = 0.7;
/// A word form reached by typo tolerance.
const FUZZY_WEIGHT: f32 = 0.5;
/// At most this many word forms stand in for one typed word.
const MAX_EXPANSIONS: usize = 40;
/// Query words typed next to each other score more where they also stand
/// close together, in order, in the text: "prix Nobel de physique" ranks the
/// article about that prize above one that mentions "prix Nobel" and
/// "physique" apart. Words count as close up to this distance (two words
/// in between: "Nobel de physique"); an adjacent pair counts 1, then 1/2, 1/3.
const PROXIMITY_MAX_GAP: u32 = 3;
/// A close pair weighs like one more matching word.
const PROXIMITY_WEIGHT: f32 = 1.0;
/// The best-ranked documents re-scored with proximity (a second phase: the
/// bonus only raises scores, so the pages shown come from these).
const PROXIMITY_CANDIDATES: usize = 50;
/// Word clauses whose terms are remembered for proximity.
const PROXIMITY_CLAUSES: usize = 8;
/// A word's most frequent form streams past the others when they hold at
/// most 1/STREAM_RATIO as many postings (sorting theirs then costs little).
const STREAM_RATIO: u64 = 4;
/// Several words are scored only in the documents holding them all (see
/// `Scorer::conjunction`) when their postings are at least this many times
/// the work of finding those documents.
const CONJUNCTION_GAIN: u64 = 2;
/// … and when at most one document in this many of the words' holds them
/// all. (Otherwise skipping the others costs more than it saves: whether a
/// posting's document is one of them is then a coin toss for the processor's
/// branch prediction.)
const CONJUNCTION_SHARE: usize = 4;
/// Typo tolerance examines at most this many word forms for one word (those
/// sharing its first letter); a bound on the work, whatever the vocabulary.
const MAX_TYPO_SCAN: usize = 50_000;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct SearchOptions {
    /// 1-based page number.
    pub page: usize,
    pub per_page: usize,
    /// The last word may be incomplete (as-you-type).
    pub prefix: bool,
    /// Keep documents dated on or after this ("YYYY", "YYYY-MM" or "YYYY-MM-DD").
    pub date_from: Option<String>,
    /// Keep documents dated on or before this.
    pub date_to: Option<String>,
    /// Keep only these documents (ids).
    pub docs: Option<Vec<String>>,
    /// Keep only documents from these outlets.
    pub outlets: Option<Vec<String>>,
    /// Compute snippets for the hits (a result list that shows only titles
    /// can skip them).
    pub snippets: bool,
    /// Keep only documents where one of these speakers (ids) is quoted
    /// (a facet filter: needs the corpus's [`FacetTable`]).
    pub speakers: Option<Vec<String>>,
    /// Keep only documents quoting a source of one of these sides.
    pub sides: Option<Vec<String>>,
    /// Keep only documents published in one of these months ("2020-11")
    /// or years ("2020").
    pub months: Option<Vec<String>>,
    /// Count the facets of every matching document (see [`Facets`]).
    pub facets: bool,
    /// At most this many statements listed under each hit: those where the
    /// query's words occur (filled by the explorer, which holds the claims).
    pub statements: usize,
    /// Hits without their document's id, title, date, outlet and lead: for
    /// a caller that has them by `Hit::doc` (the JS boundary keeps each
    /// document's as a JS object; copying the strings was a tenth of a
    /// search). Not an option a page passes.
    #[serde(skip)]
    pub bare_hits: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            page: 1,
            per_page: 10,
            prefix: true,
            date_from: None,
            date_to: None,
            docs: None,
            outlets: None,
            snippets: true,
            speakers: None,
            sides: None,
            months: None,
            facets: false,
            statements: 0,
            bare_hits: false,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub score: f32,
    /// How many of the query's clauses the document matches.
    pub matched: usize,
    pub snippet: Vec<SnippetSpan>,
    pub outlet: Option<String>,
    /// The opening words of the text, for a document without a title.
    #[serde(default)]
    pub lead: Option<String>,
    /// Statements of the document where the query's words occur (at most
    /// `SearchOptions::statements`), in reading order.
    #[serde(default)]
    pub statements: Vec<HitStatement>,
    /// Statements in the whole document.
    #[serde(default)]
    pub statement_count: usize,
    /// The document's number in the corpus.
    #[serde(skip)]
    pub doc: DocId,
}

impl Hit {
    /// The hit with its document's id, title, date, outlet and lead.
    pub fn with_document(self, d: &SummaryView<'_>) -> Hit {
        Hit {
            id: d.id.to_owned(),
            title: d.title.map(str::to_owned),
            date: d.date.map(str::to_owned),
            outlet: d.outlet.map(str::to_owned),
            lead: d.lead.map(str::to_owned),
            ..self
        }
    }
}

/// A statement shown under a hit: who says it, and its words with the
/// query's words marked.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HitStatement {
    pub id: String,
    pub speaker: String,
    pub speaker_id: u32,
    pub side: Option<String>,
    /// direct, indirect, mixed or according_to.
    pub kind: String,
    pub text: Vec<SnippetSpan>,
    /// Byte offsets of the statement in the document's text.
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// Documents matching at least one clause, after filters.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    /// Clauses in the query (a hit with `matched == clauses` matches all).
    pub clauses: usize,
    /// Something to tell the reader (query shortened, nothing to search…).
    pub message: Option<String>,
    /// Counts over every matching document, when asked for.
    pub facets: Option<Facets>,
    /// The indexed terms the query matched, in order, by number in the
    /// index (`Index::term` names them): to mark them in other passages.
    /// Numbers, not names: most answers never need them.
    #[serde(skip)]
    pub terms: Vec<TermId>,
}

/// The documents a clause matches (in no particular order), with scores.
type Matches = Vec<(DocId, f32)>;

/// Per-document arrays reused from one query to the next (cleared after
/// use, only where they were written).
#[derive(Default)]
struct Scratch {
    /// Per-document arrays of the word clause being scored.
    word: WordPad,
    /// Sum of clause scores.
    total: Vec<f32>,
    /// Clauses matched.
    matched: Vec<u8>,
    /// Documents with a nonzero `total`, in the order first reached.
    touched: Vec<DocId>,
    /// Documents left out by an exclusion or a filter.
    dropped: Vec<bool>,
    /// A bit per document, to count the documents of several terms.
    seen: Vec<u64>,
    /// A bit per document: those holding every word of the query, when
    /// only they are scored (see `Scorer::conjunction`).
    only: Vec<u64>,
    /// A bit per document: those of one word.
    word_set: Vec<u64>,
    /// By word clause remembered for proximity: its term's postings in the
    /// documents scored, in document order, kept as the clause is scored
    /// for proximity to find its candidates' positions without a second
    /// walk down the postings. (A list written in order: a table by
    /// document would be written all over, and the memory it touches
    /// pushes what the next search reads out of the processor's caches.)
    found: Vec<Vec<Posting>>,
    /// BM25 length normalisation of each document, and the index it was
    /// computed for (its address and size).
    norms: Vec<f32>,
    norms_of: (usize, usize),
    /// Word form keys for typo tolerance, and the index they are for.
    keys: Vec<u64>,
    keys_of: (usize, usize),
    /// The index's forms and terms sampled, and the index they are for.
    samples: Samples,
    samples_of: (usize, usize),
    /// The numbers of the query's forms that the index has, as parsing
    /// found them (see `parse`).
    typed_forms: Vec<u32>,
}

impl Scratch {
    /// k1·(1 − b + b·len/avg) of every document, computed once per index.
    #[inline(never)]
    fn norms(&mut self, index: Index<'_>, n: usize) -> &[f32] {
        let key = (index.bytes_address(), index.byte_len());
        if self.norms_of != key || self.norms.len() != n {
            let avg = index.avg_doc_len();
            self.norms = (0..n as u32)
                .map(|d| bm25::norm(index.doc_len(d), avg))
                .collect();
            self.norms_of = key;
        }
        &self.norms
    }

    /// The first 8 bytes of every word form of the index as a big-endian
    /// number (so that comparing masked keys compares prefixes), computed
    /// once per index, on the first query that needs typo tolerance.
    fn surface_keys(&mut self, index: Index<'_>) -> &[u64] {
        let key = (index.bytes_address(), index.byte_len());
        if self.keys_of != key {
            self.keys = (0..index.surface_count())
                .map(|i| prefix_key(index.surface_bytes(i)))
                .collect();
            self.keys_of = key;
        }
        &self.keys
    }

    /// The index's word forms and terms sampled (see `Samples`), made on
    /// its first query; taken out while a query is scored (and put back).
    #[inline(never)]
    fn take_samples(&mut self, index: Index<'_>) -> Samples {
        let key = (index.bytes_address(), index.byte_len());
        if self.samples_of != key {
            self.samples = index.samples();
            self.samples_of = key;
        }
        std::mem::take(&mut self.samples)
    }

    #[inline(never)]
    fn fit(&mut self, n: usize) {
        for v in [&mut self.word.best, &mut self.total] {
            if v.len() != n {
                v.clear();
                v.resize(n, 0.0);
            }
        }
        if self.matched.len() != n {
            self.matched.clear();
            self.matched.resize(n, 0);
        }
        if self.dropped.len() != n {
            self.dropped.clear();
            self.dropped.resize(n, false);
        }
    }
}

/// What scoring one word clause needs besides the index.
#[derive(Default)]
struct WordPad {
    /// Best score of the word's expansions in each document.
    best: Vec<f32>,
    /// Documents reached by the word's expansions (capacity reused).
    docs: Vec<DocId>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

struct Scorer<'a> {
    index: Index<'a>,
    n_docs: f32,
    /// BM25 length normalisation by document (see `Scratch::norms`).
    norms: Vec<f32>,
    /// Every term that matched something, for highlighting.
    /// (A list, sorted and deduplicated when read: cheaper than a set.)
    matched_terms: Vec<TermId>,
    /// When set, the word clause being scored keeps here its exact term,
    /// that term's idf and its postings (for proximity).
    /// The flag tells whether the term has postings at all. (Its postings
    /// are read again for the few documents proximity re-scores: cheaper
    /// than keeping every one of them.)
    recording: Option<(TermId, f32, bool)>,
    /// The index's forms and terms sampled, for the typed words' lookups
    /// (see `Scratch::samples`).
    samples: Samples,
    /// The query's forms the index has, by number, found while parsing:
    /// not looked up again (see `Scorer::term_of`).
    typed_forms: Vec<u32>,
}

impl<'a> Scorer<'a> {
    fn idf(&self, df: u32) -> f32 {
        bm25::idf(self.n_docs, df)
    }

    #[inline(always)]
    fn bm25(&self, tf: f32, doc: DocId, idf: f32) -> f32 {
        let norm = self.norms.get(doc as usize).copied().unwrap_or(bm25::K1);
        bm25::score(tf, norm, idf)
    }

    /// Terms a typed word stands for, with their weights.
    fn expand(&self, word: &QueryWord, scratch: &mut Scratch) -> Vec<(TermId, f32)> {
        let mut out: Vec<(TermId, f32)> = Vec::new();
        // A word being typed is looked up among the forms it begins. The
        // form itself, when the corpus has it, comes first there and names
        // its term (the index maps each form to the term its analysis
        // gives, as the query's does): the terms need no search of their own.
        let typed = self.typed_form(&word.folded);
        let forms = word.prefix.then(|| match typed {
            Some(at) => self.index.forms_under(at, &word.folded),
            None => self.samples.surface_prefix_range(&self.index, &word.folded),
        });
        let exact = match &forms {
            Some(forms)
                if !forms.is_empty()
                    && self.index.surface_bytes(forms.start) == word.folded.as_bytes() =>
            {
                Some(self.index.surface_term(forms.start))
            }
            _ => self.term_of(word),
        };
        if let Some(id) = exact {
            out.push((id, 1.0));
        }
        if word.number {
            return out;
        }
        let add = |id: TermId, w: f32, out: &mut Vec<(TermId, f32)>| {
            if let Some(e) = out.iter_mut().find(|e| e.0 == id) {
                e.1 = e.1.max(w);
            } else {
                out.push((id, w));
            }
        };
        let mut completed = false;
        if let Some(forms) = forms {
            let mut completions: Vec<TermId> = forms.map(|i| self.index.surface_term(i)).collect();
            completions.sort_unstable();
            completions.dedup();
            completions.sort_by_key(|&t| std::cmp::Reverse(self.index.df(t)));
            completed = !completions.is_empty();
            let wanted = completion_budget(word.folded.chars().count());
            for t in completions.into_iter().take(wanted) {
                add(t, PREFIX_WEIGHT, &mut out);
            }
        }
        // A word still being typed that completes to something is no typo.
        if exact.is_none() && !completed {
            for t in self.typo_candidates(&word.folded, scratch.surface_keys(self.index)) {
                add(t, FUZZY_WEIGHT, &mut out);
            }
        }
        out.truncate(MAX_EXPANSIONS);
        out
    }

    /// The number of form `folded` if parsing found it in the index.
    fn typed_form(&self, folded: &str) -> Option<u32> {
        self.typed_forms
            .iter()
            .copied()
            .find(|&at| self.index.surface_bytes(at) == folded.as_bytes())
    }

    /// A word's term in the index: its form's, when parsing found the form
    /// there (the term its analysis gives), else looked up.
    fn term_of(&self, word: &QueryWord) -> Option<TermId> {
        match self.typed_form(&word.folded) {
            Some(at) => Some(self.index.surface_term(at)),
            None => self.samples.find_term(&self.index, &word.term),
        }
    }

    /// Indexed word forms within the typo budget of `folded`: none for
    /// short words, one edit from 5 letters, two from 9. Out of line: the
    /// walk would make `expand`, which every word goes through, several
    /// times longer for V8 to optimise.
    #[inline(never)]
    fn typo_candidates(&self, folded: &str, keys: &[u64]) -> Vec<TermId> {
        let query: Vec<char> = folded.chars().collect();
        let budget = typo_budget(query.len());
        if budget == 0 {
            return Vec::new();
        }
        // Typos rarely hit the first letter: only forms sharing it are
        // examined, as a trie walk over the sorted forms.
        let mut first = String::new();
        first.push(query[0]);
        let mut found = TypoWalk::new(&query, budget).run(
            self.index,
            self.samples.surface_prefix_range(&self.index, &first),
            keys,
        );
        found.sort_by_key(|&(d, t)| (d, std::cmp::Reverse(self.index.df(t))));
        let mut out: Vec<TermId> = found.into_iter().map(|f| f.1).collect();
        let mut seen = HashSet::default();
        out.retain(|t| seen.insert(*t));
        out.truncate(MAX_EXPANSIONS);
        out
    }

    /// A word: the best of its expansions in each document.
    fn word_matches(&mut self, word: &QueryWord, scratch: &mut Scratch) -> Matches {
        let expansions = self.expand(word, scratch);
        // (Saturating: a corrupt index may claim any frequencies.)
        let most = expansions
            .iter()
            .fold(0u32, |sum, &(t, _)| sum.saturating_add(self.index.df(t)));
        let mut out = Vec::with_capacity(capacity_for(most));
        self.word_scores(
            &expansions,
            None,
            None,
            &mut scratch.word,
            &mut Sink::Matches(&mut out),
        );
        out
    }

    /// The scores of a word's expansions (see `expand`): the best of them
    /// in each document below the corpus's `n` (the length of the pad's
    /// arrays), handed to `sink` (in no particular order); with `only`, in
    /// the documents whose bit is set there alone (see `conjunction`).
    #[inline(never)]
    fn word_scores(
        &mut self,
        expansions: &[(TermId, f32)],
        only: Option<&[u64]>,
        found: Option<&mut Vec<Posting>>,
        pad: &mut WordPad,
        sink: &mut Sink,
    ) {
        let mut weighed = Vec::with_capacity(expansions.len());
        for &(term, weight) in expansions {
            let df = self.index.df(term);
            let idf = self.idf(df);
            weighed.push((term, weight, idf, df));
            self.matched_terms.push(term);
            if weight == 1.0
                && let Some(r) = &mut self.recording
            {
                r.0 = term;
                r.1 = idf;
                r.2 = self.index.postings(term).next().is_some();
            }
        }
        // The remembered term's postings are kept as they are read.
        let mut found = match (found, self.recording) {
            (Some(found), Some((term, _, true))) => Some((term, found)),
            _ => None,
        };
        // Usually one form is far more frequent than the others ("macron"
        // beside "macronien", "macronleaks"), or alone: the others are
        // scored first, and its postings then stream past them in document
        // order.
        let (big, big_df) = weighed
            .iter()
            .enumerate()
            .map(|(i, w)| (i, w.3))
            .max_by_key(|&(i, df)| (df, std::cmp::Reverse(i)))
            .unwrap_or((0, 0));
        let rest: u64 = weighed.iter().map(|w| u64::from(w.3)).sum::<u64>() - u64::from(big_df);
        // (A few documents of `only` come in any order: no streaming.)
        let streamed = only.is_none() && rest.saturating_mul(STREAM_RATIO) <= u64::from(big_df);
        let mut docs = std::mem::take(&mut pad.docs);
        docs.clear();
        let others = weighed
            .iter()
            .enumerate()
            .filter(|&(i, _)| !(streamed && i == big))
            .map(|(_, w)| w);
        self.best_of(others, only, &mut pad.best, &mut docs, found.as_mut());
        if !streamed {
            for &d in &docs {
                if let Some(slot) = pad.best.get_mut(d as usize) {
                    sink.take(d, *slot);
                    *slot = 0.0;
                }
            }
            pad.docs = docs;
            return;
        }
        docs.sort_unstable();
        let n = pad.best.len();
        let mut others = docs.iter().filter_map(|&d| {
            let slot = pad.best.get_mut(d as usize)?;
            let s = *slot;
            *slot = 0.0;
            Some((d, s))
        });
        let mut other = others.next();
        if let Some(&(term, weight, idf, _)) = weighed.get(big) {
            let mut keep = found.as_mut().filter(|f| f.0 == term);
            let mut postings = self.index.postings(term);
            while let Some(p) = postings.advance() {
                if let Some((_, found)) = &mut keep {
                    found.push(p);
                }
                while let Some((d, s)) = other
                    && d < p.doc
                {
                    sink.take(d, s);
                    other = others.next();
                }
                let mut s = positive(weight * self.bm25(p.weighted_tf as f32, p.doc, idf));
                if let Some((d, o)) = other
                    && d == p.doc
                {
                    s = s.max(o);
                    other = others.next();
                }
                if (p.doc as usize) < n {
                    sink.take(p.doc, s);
                }
            }
        }
        while let Some((d, s)) = other {
            sink.take(d, s);
            other = others.next();
        }
        drop(others);
        pad.docs = docs;
    }

    /// The postings of `terms` (term, weight, idf, df) in the documents
    /// whose bit is set in `only` (all without it), scored into `best` (the
    /// best of the terms in each document; zero marks a document not yet
    /// reached), each document listed in `docs` when first reached; the
    /// postings of `found`'s term added to its list.
    #[inline(always)]
    fn best_of<'t>(
        &self,
        terms: impl Iterator<Item = &'t (TermId, f32, f32, u32)>,
        only: Option<&[u64]>,
        best: &mut [f32],
        docs: &mut Vec<DocId>,
        mut found: Option<&mut (TermId, &mut Vec<Posting>)>,
    ) {
        for &(term, weight, idf, _) in terms {
            let mut keep = found.as_deref_mut().filter(|f| f.0 == term);
            let mut postings = self.index.postings(term);
            while let Some(p) = postings.advance() {
                if only.is_some_and(|bits| !has_bit(bits, p.doc)) {
                    continue;
                }
                if let Some((_, found)) = &mut keep {
                    found.push(p);
                }
                raise(
                    best,
                    docs,
                    p.doc,
                    weight * self.bm25(p.weighted_tf as f32, p.doc, idf),
                );
            }
        }
    }

    /// The `top.k` best documents of a word alone (its expansions' best
    /// score in each), offered to `top`, and how many documents it matches.
    /// For a page of at most `TOP_LEN` places, a frequent expansion offers
    /// only the head of its list of best documents (see
    /// `Index::top_postings`): its first `top.k`, and those after them that
    /// score as much as the last. A document past them has `top.k` others
    /// scoring more for that expansion, so more in all (a document's score
    /// is its best expansion's): it reaches the page only through an
    /// expansion whose head holds it, where it is scored in full.
    #[inline(never)]
    fn word_top(&mut self, expansions: &[(TermId, f32)], scratch: &mut Scratch, top: &mut TopK) {
        let pad = &mut scratch.word;
        let mut docs = std::mem::take(&mut pad.docs);
        docs.clear();
        // The expansions read from their lists of best documents.
        let mut listed: Vec<(TermId, f32)> = Vec::new();
        for &(term, weight) in expansions {
            let idf = self.idf(self.index.df(term));
            self.matched_terms.push(term);
            let score = |doc: DocId, tf: u32| weight * self.bm25(tf as f32, doc, idf);
            let best = if top.k <= TOP_LEN {
                self.index.top_postings(term)
            } else {
                None
            };
            if let Some(best) = best {
                listed.push((term, weight));
                // Best first: the scores only fall (the weight keeps their
                // order, and may round two of them to one: the tie is read).
                let mut last = f32::INFINITY;
                for (read, (doc, tf)) in best.enumerate() {
                    let s = score(doc, tf);
                    if read >= top.k && s < last {
                        break;
                    }
                    last = s;
                    raise(&mut pad.best, &mut docs, doc, s);
                }
            } else {
                let mut postings = self.index.postings(term);
                while let Some(p) = postings.advance() {
                    raise(&mut pad.best, &mut docs, p.doc, score(p.doc, p.weighted_tf));
                }
            }
        }
        for &d in &docs {
            if let Some(slot) = pad.best.get_mut(d as usize) {
                top.offer(rank_key(1, *slot), d);
                *slot = 0.0;
            }
        }
        // Every matching document counts: with no list read, those offered;
        // one frequent term alone, its document frequency; else the union
        // of the listed expansions' documents and of those offered (which
        // hold every document of the other expansions, read in full).
        let n = pad.best.len();
        top.seen = match (listed.as_slice(), expansions) {
            ([], _) => top.seen,
            (_, [(term, _)]) => (self.index.df(*term) as usize).min(n),
            // One frequent form with a bitmap, the others rarer: its
            // documents, and those offered that it lacks (no bitmap of the
            // corpus's size to clear, fill and count).
            ([(term, _)], _) if n == self.index.doc_count() as usize => {
                match self.index.doc_set(*term) {
                    Some(set) => {
                        let lacks = |d: DocId| {
                            set.get(d as usize / 8)
                                .is_none_or(|byte| byte & (1 << (d % 8)) == 0)
                        };
                        self.index.df(*term) as usize
                            + docs
                                .iter()
                                .filter(|&&d| (d as usize) < n && lacks(d))
                                .count()
                    }
                    None => self.union_count(&listed, &docs, &mut scratch.seen),
                }
            }
            _ => self.union_count(&listed, &docs, &mut scratch.seen),
        };
        pad.docs = docs;
    }

    /// How many documents (below the corpus's size) contain one of the
    /// terms (see `add_documents`) or are in `more`.
    fn union_count(&self, terms: &[(TermId, f32)], more: &[DocId], seen: &mut Vec<u64>) -> usize {
        seen.clear();
        seen.resize(self.norms.len().div_ceil(64), 0);
        self.add_documents(terms, seen);
        for &doc in more {
            set_bit(seen, doc);
        }
        count_bits(seen)
    }

    /// Sets the bit of every document (below the corpus's size) that
    /// contains one of the terms: from a term's bitmap where it has one
    /// (see `Index::doc_set`), else from its postings.
    fn add_documents(&self, expansions: &[(TermId, f32)], bits: &mut [u64]) {
        for &(term, _) in expansions {
            if let Some(set) = self.index.doc_set(term) {
                for (word, set) in bits.iter_mut().zip(set.chunks_exact(8)) {
                    let mut le = [0u8; 8];
                    le.copy_from_slice(set);
                    *word |= u64::from_le_bytes(le);
                }
                continue;
            }
            let mut postings = self.index.postings(term);
            while let Some(p) = postings.advance() {
                set_bit(bits, p.doc);
            }
        }
        // Bits past the corpus's size are no documents here.
        let n = self.norms.len();
        if let Some(last) = bits.last_mut()
            && !n.is_multiple_of(64)
        {
            *last &= (1u64 << (n % 64)) - 1;
        }
    }

    /// For several words, each standing for its expansions: marks in
    /// `scratch.only` the documents holding every word and returns how many
    /// hold at least one, when at least `wanted` hold them all and reading
    /// the words' documents this way costs less than the scoring it saves;
    /// `None` otherwise.
    ///
    /// More clauses matched rank first, so the page and the candidates
    /// re-scored for proximity (at most `wanted`) then all come from those
    /// documents: scoring only them gives the same results.
    #[inline(never)]
    fn conjunction(
        &self,
        words: &[&[(TermId, f32)]],
        wanted: usize,
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let n = self.norms.len();
        let size = n.div_ceil(64);
        // The work saved: scoring every posting of the words' terms, but
        // those of the documents holding them all. The work added: a pass
        // over each bitmap (a word per 64 documents) and over the postings
        // of the terms without one.
        let (mut postings, mut added) = (0u64, (words.len() * size) as u64);
        for &(term, _) in words.iter().copied().flatten() {
            let df = u64::from(self.index.df(term));
            postings += df;
            added += if self.index.doc_set(term).is_some() {
                size as u64
            } else {
                df
            };
        }
        if postings < CONJUNCTION_GAIN.saturating_mul(added) {
            return None;
        }
        let Scratch {
            only,
            seen,
            word_set,
            ..
        } = scratch;
        only.clear();
        only.resize(size, u64::MAX);
        seen.clear();
        seen.resize(size, 0);
        for expansions in words {
            word_set.clear();
            word_set.resize(size, 0);
            self.add_documents(expansions, word_set);
            for ((all, any), word) in only.iter_mut().zip(seen.iter_mut()).zip(word_set.iter()) {
                *all &= word;
                *any |= word;
            }
        }
        let (all, any) = (count_bits(only), count_bits(seen));
        (all >= wanted && all.saturating_mul(CONJUNCTION_SHARE) <= any).then_some(any)
    }

    /// Words in order with at most `slop` extra words in between; a match
    /// with `k` extra words counts 1/(1+k) of an exact one.
    fn phrase_matches(&mut self, words: &[(u32, QueryWord)], slop: u32) -> Matches {
        let mut lists = Vec::with_capacity(words.len());
        for (offset, word) in words {
            let Some(term) = self.term_of(word) else {
                return Vec::new();
            };
            lists.push((*offset, term));
        }
        if lists.is_empty() {
            return Vec::new();
        }
        if let Some(out) = self.pair_matches(&lists, slop) {
            return out;
        }
        self.phrase_walk(&lists, slop)
    }

    /// `phrase_matches` from the words' positions: `lists` holds each
    /// word's offset in the phrase and term.
    fn phrase_walk(&mut self, lists: &[(u32, TermId)], slop: u32) -> Matches {
        // Documents holding every word: walk the rarest word's postings and
        // advance the others alongside (all are in document order), jumping
        // over the blocks of a frequent word's postings that come before the
        // document looked for.
        let mut order: Vec<usize> = (0..lists.len()).collect();
        order.sort_by_key(|&k| self.index.df(lists[k].1));
        let mut iters: Vec<_> = lists
            .iter()
            .map(|&(_, t)| {
                let mut it = self.index.postings_with_skips(t);
                let first = it.next();
                (it, first)
            })
            .collect();
        let idfs: Vec<f32> = lists
            .iter()
            .map(|&(_, t)| self.idf(self.index.df(t)))
            .collect();
        let streams: Vec<_> = iters.iter().map(|(it, _)| it.position_stream()).collect();
        let mut out = Vec::new();
        let mut positions: Vec<Vec<u32>> = vec![Vec::new(); lists.len()];
        let rarest = order[0];
        'docs: while let Some(lead) = iters[rarest].1 {
            let doc = lead.doc;
            for &k in &order[1..] {
                let (it, cur) = &mut iters[k];
                if cur.is_some_and(|p| p.doc < doc) {
                    *cur = it.advance_to(doc);
                }
                match *cur {
                    Some(p) if p.doc == doc => {}
                    Some(p) => {
                        // On to the rarest word's first document from there.
                        let (it, cur) = &mut iters[rarest];
                        *cur = it.advance_to(p.doc);
                        continue 'docs;
                    }
                    None => break 'docs,
                }
            }
            let freq = phrase_frequency(lists, &iters, &streams, &mut positions, slop);
            if freq > 0.0 {
                let score: f32 = idfs.iter().map(|&idf| self.bm25(freq, doc, idf)).sum();
                out.push((doc, positive(score)));
            }
            let (it, cur) = &mut iters[rarest];
            *cur = it.advance();
        }
        for &(_, t) in lists {
            self.matched_terms.push(t);
        }
        out
    }

    /// Two words side by side (a typed compound: no slop) read from their
    /// pair's list, when the index keeps it (see `index::pair_term`): the
    /// documents and frequencies the positions would give, scored alike.
    fn pair_matches(&mut self, lists: &[(u32, TermId)], slop: u32) -> Option<Matches> {
        let &[(at, first), (next, second)] = lists else {
            return None;
        };
        if !crate::index::LARGE_LISTS || slop != 0 || next != at + 1 || first == second {
            return None;
        }
        let term = crate::index::pair_term(self.index.term(first), self.index.term(second));
        let pair = self.samples.find_term(&self.index, &term)?;
        let idfs = [first, second].map(|t| self.idf(self.index.df(t)));
        let mut out = Vec::with_capacity(capacity_for(self.index.df(pair)));
        let mut postings = self.index.postings(pair);
        while let Some(p) = postings.advance() {
            let freq = p.weighted_tf as f32;
            let score: f32 = idfs.iter().map(|&idf| self.bm25(freq, p.doc, idf)).sum();
            out.push((p.doc, positive(score)));
        }
        self.matched_terms.extend([first, second]);
        Some(out)
    }

    fn clause_matches(&mut self, clause: &Clause, scratch: &mut Scratch) -> Matches {
        match clause {
            Clause::Word(w) => self.word_matches(w, scratch),
            Clause::Phrase { words, slop } => self.phrase_matches(words, *slop),
            Clause::Any(alternatives) => {
                let all: Vec<Matches> = alternatives
                    .iter()
                    .map(|a| self.clause_matches(a, scratch))
                    .collect();
                merge(all, |a, b| a + b)
            }
            Clause::Variants(spellings) => {
                let all: Vec<Matches> = spellings
                    .iter()
                    .map(|a| self.clause_matches(a, scratch))
                    .collect();
                merge(all, f32::max)
            }
        }
    }
}

/// Room for the matches of postings lists of `df` documents in all: reserved
/// at once rather than grown by doubling, within reason (a corrupt df).
fn capacity_for(df: u32) -> usize {
    (df as usize).min(1 << 20)
}

/// How many completions stand in for a word being typed, by its length: a
/// two-letter start names hundreds of words, and the reader's is among the
/// most frequent few; each completion costs a postings list.
fn completion_budget(letters: usize) -> usize {
    match letters {
        0..=2 => MAX_EXPANSIONS / 4,
        3 => MAX_EXPANSIONS / 2,
        _ => MAX_EXPANSIONS,
    }
}

/// How many edits a typed word of `n` letters may contain: none below 5
/// letters (too many short words are one letter apart), one up to 8, two
/// beyond ("Pachinyan" → "Pachinian").
fn typo_budget(n: usize) -> usize {
    match n {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The proximity bonus of the second phase (see `PROXIMITY_MAX_GAP`).
struct Proximity<'a> {
    /// By clause: its exact term and the term's idf.
    kept: &'a [Option<(TermId, f32)>],
    /// By clause: its exact term's positions.
    streams: Vec<Option<PositionStream<'a>>>,
    norms: &'a [f32],
}

impl<'a> Proximity<'a> {
    /// The terms `kept` by clause, with their positions read as streams.
    #[inline(never)]
    fn new(index: Index<'a>, kept: &'a [Option<(TermId, f32)>], norms: &'a [f32]) -> Proximity<'a> {
        Proximity {
            kept,
            streams: kept
                .iter()
                .map(|k| k.map(|(term, _)| index.postings(term).position_stream()))
                .collect(),
            norms,
        }
    }

    /// Adds the proximity bonus to the candidates `ranked` (best first) and
    /// leaves there the `shown` best, best first. Out of line: it runs only for
    /// several words, and kept in `run` it made that function, the one
    /// every search runs through, much longer for V8 to optimise.
    #[inline(never)]
    fn rescore(
        &self,
        ranked: &mut Vec<(DocId, u8, f32)>,
        pairs: &[(usize, usize)],
        found: &[Vec<Posting>],
        shown: usize,
    ) {
        let docs: Vec<DocId> = ranked.iter().map(|e| e.0).collect();
        let found = self.postings_of(&docs, found);
        let ceiling = self.ceiling(pairs);
        let mut buffers = (Vec::new(), Vec::new());
        // The `shown` best places once re-scored, worst on top: a candidate
        // that would stay below them even with the largest bonus is not
        // re-scored, nor is any after it (they rank lower to begin with):
        // none of them reaches the page.
        let mut placed = TopK::new(shown);
        for (at, entry) in ranked.iter().enumerate() {
            if let Some((worst_key, worst_doc)) = placed.worst {
                let best_key = rank_key(entry.1, entry.2 + ceiling);
                if best_key < worst_key || (best_key == worst_key && entry.0 > worst_doc) {
                    break;
                }
            }
            let score = entry.2 + self.bonus(entry.0, &found, at, pairs, &mut buffers);
            placed.offer(rank_key(entry.1, score), entry.0);
        }
        // The page is the `shown` best re-scored (more clauses matched
        // first, then score, ties in corpus order): no need to sort them all.
        *ranked = placed
            .into_sorted()
            .into_iter()
            .map(|(key, doc)| unrank(key, doc))
            .collect();
    }

    /// By clause, the posting of each candidate (in the order of `docs`)
    /// that holds the clause's term, from the postings kept as the clause
    /// was scored (see `Scratch::found`).
    fn postings_of(&self, docs: &[DocId], found: &[Vec<Posting>]) -> Vec<Vec<Option<Posting>>> {
        self.kept
            .iter()
            .enumerate()
            .map(|(clause, kept)| {
                let found = found.get(clause).filter(|_| kept.is_some());
                docs.iter()
                    .map(|&doc| {
                        let list = found?;
                        let at = list.binary_search_by_key(&doc, |p| p.doc).ok()?;
                        list.get(at).copied()
                    })
                    .collect()
            })
            .collect()
    }

    /// The positions of a clause's term in `posting`'s document, into
    /// `out`; false when the document does not hold the term.
    fn positions(&self, clause: usize, posting: Option<&Posting>, out: &mut Vec<u32>) -> bool {
        out.clear();
        let (Some(Some(stream)), Some(posting)) = (self.streams.get(clause), posting) else {
            return false;
        };
        out.extend(stream.positions(posting));
        true
    }

    /// More than any document's bonus can be: each pair's BM25-shaped
    /// term stays below idf·(k1 + 1) (with a margin for rounding).
    fn ceiling(&self, pairs: &[(usize, usize)]) -> f32 {
        let most: f32 = pairs
            .iter()
            .map(|&(a, b)| match (self.kept.get(a), self.kept.get(b)) {
                (Some(Some(x)), Some(Some(y))) => {
                    PROXIMITY_WEIGHT * x.1.min(y.1) * (bm25::K1 + 1.0)
                }
                _ => 0.0,
            })
            .sum();
        most * 1.001 + 1e-6
    }

    /// Σ over typed-adjacent word pairs of a BM25-shaped score of how often
    /// the second follows the first closely. `found`: the document's
    /// posting by clause (see `postings_of`). Out of line, as
    /// `phrase_frequency`: inside `rescore`, its loops made that function
    /// pass V8's threshold after a few searches of several words.
    #[inline(never)]
    fn bonus(
        &self,
        doc: DocId,
        found: &[Vec<Option<Posting>>],
        at: usize,
        pairs: &[(usize, usize)],
        buffers: &mut (Vec<u32>, Vec<u32>),
    ) -> f32 {
        let mut bonus = 0.0;
        let norm = self.norms.get(doc as usize).copied().unwrap_or(bm25::K1);
        let posting = |clause: usize| found.get(clause).and_then(|f| f.get(at)?.as_ref());
        let (first, second) = buffers;
        for &(a, b) in pairs {
            if !self.positions(a, posting(a), first) || !self.positions(b, posting(b), second) {
                continue;
            }
            // For each position of the first word, the second word's next
            // one after it: both lists ascend, so one walk down each.
            let mut freq = 0.0;
            let mut next = 0;
            for &p in first.iter() {
                while second.get(next).is_some_and(|&q| q <= p) {
                    next += 1;
                }
                if let Some(&q) = second.get(next)
                    && q - p <= PROXIMITY_MAX_GAP
                {
                    freq += 1.0 / (q - p) as f32;
                }
            }
            if freq > 0.0 {
                let idf = match (&self.kept[a], &self.kept[b]) {
                    (Some(x), Some(y)) => x.1.min(y.1),
                    _ => 0.0,
                };
                bonus += PROXIMITY_WEIGHT * idf * freq * (bm25::K1 + 1.0) / (freq + norm);
            }
        }
        bonus
    }
}

/// How many bits are set.
fn count_bits(bits: &[u64]) -> usize {
    bits.iter().map(|w| w.count_ones() as usize).sum()
}

/// Whether document `doc`'s bit is set (none past the end).
#[inline(always)]
fn has_bit(bits: &[u64], doc: DocId) -> bool {
    bits.get(doc as usize / 64)
        .is_some_and(|w| w & (1 << (doc % 64)) != 0)
}

/// Sets document `doc`'s bit (none past the end of `bits`).
#[inline(always)]
fn set_bit(bits: &mut [u64], doc: DocId) {
    if let Some(word) = bits.get_mut(doc as usize / 64) {
        *word |= 1 << (doc % 64);
    }
}

/// Keeps `score` as document `doc`'s best in `best` if it is better
/// (none past the corpus); zero marks a document not yet reached, which
/// is then listed in `docs`.
#[inline(always)]
fn raise(best: &mut [f32], docs: &mut Vec<DocId>, doc: DocId, score: f32) {
    let Some(best) = best.get_mut(doc as usize) else {
        return;
    };
    // Scores are positive.
    let s = positive(score);
    if *best == 0.0 {
        docs.push(doc);
        *best = s;
    } else if s > *best {
        *best = s;
    }
}

/// A score kept above zero (zero marks "no match" in the arrays; only a
/// corrupt frequency could make a score zero).
#[inline(always)]
fn positive(score: f32) -> f32 {
    if score > 0.0 {
        score
    } else {
        f32::MIN_POSITIVE
    }
}

/// A document's place in the ranking as one number: more clauses matched
/// first, then a higher score (a positive float's bits order like the
/// float), then the earlier document.
#[inline(always)]
fn rank_key(matched: u8, score: f32) -> u64 {
    let score = if score > 0.0 { score.to_bits() } else { 0 };
    (u64::from(matched) << 56) | (u64::from(score) << 24)
}

/// A document's place back as (document, clauses matched, score): what
/// `rank_key` packs, to the last bit of the score.
#[inline(always)]
fn unrank(key: u64, doc: DocId) -> (DocId, u8, f32) {
    (doc, (key >> 56) as u8, f32::from_bits((key >> 24) as u32))
}

/// Where a clause's scores go, document by document. (One type with a
/// `match` rather than a trait or closures: the scoring loops exist once in
/// the module, which the page's weight wants, and the size-optimised build
/// still inlines `take` in them.)
enum Sink<'s> {
    /// Collected as a list of matches.
    Matches(&'s mut Matches),
    /// Summed over the clauses, with how many clauses each document
    /// matches.
    Sums {
        matched: &'s mut [u8],
        total: &'s mut [f32],
        touched: &'s mut Vec<DocId>,
    },
}

impl Sink<'_> {
    /// Callers hand on only documents below the corpus's `n`.
    #[inline(always)]
    fn take(&mut self, doc: DocId, score: f32) {
        match self {
            Sink::Matches(out) => out.push((doc, score)),
            Sink::Sums {
                matched,
                total,
                touched,
            } => {
                let d = doc as usize;
                if let (Some(m), Some(t)) = (matched.get_mut(d), total.get_mut(d)) {
                    if *m == 0 {
                        touched.push(doc);
                    }
                    *m = m.saturating_add(1);
                    *t += score;
                }
            }
        }
    }
}

/// The `k` best documents offered, by rank key (ties: earlier document), and
/// how many were offered.
struct TopK {
    k: usize,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<(u64, std::cmp::Reverse<DocId>)>>,
    seen: usize,
    /// Once the heap holds `k`: its worst entry, so that most offers (worse
    /// than it) are turned away without touching the heap.
    worst: Option<(u64, DocId)>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK {
            k,
            heap: std::collections::BinaryHeap::with_capacity(k.min(1 << 16) + 1),
            seen: 0,
            worst: None,
        }
    }

    #[inline(always)]
    fn offer(&mut self, key: u64, doc: DocId) {
        self.seen += 1;
        if let Some((worst_key, worst_doc)) = self.worst
            && (key < worst_key || (key == worst_key && doc > worst_doc))
        {
            return;
        }
        self.enter(key, doc);
    }

    /// An offer that may enter the heap.
    #[inline(never)]
    fn enter(&mut self, key: u64, doc: DocId) {
        if self.k == 0 {
            return;
        }
        let entry = std::cmp::Reverse((key, std::cmp::Reverse(doc)));
        if self.heap.len() < self.k {
            self.heap.push(entry);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && entry < *worst
        {
            *worst = entry;
        }
        if self.heap.len() == self.k {
            self.worst = self
                .heap
                .peek()
                .map(|std::cmp::Reverse((key, std::cmp::Reverse(doc)))| (*key, *doc));
        }
    }

    /// Best first.
    #[inline(never)]
    fn into_sorted(self) -> Vec<(u64, DocId)> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|std::cmp::Reverse((key, std::cmp::Reverse(doc)))| (key, doc))
            .collect()
    }
}

/// Merges document-ordered match lists, combining scores of a document
/// found in several.
fn merge(lists: Vec<Matches>, combine: impl Fn(f32, f32) -> f32) -> Matches {
    let mut all: Matches = lists.into_iter().flatten().collect();
    all.sort_by_key(|m| m.0);
    let mut out: Matches = Vec::with_capacity(all.len());
    for (doc, s) in all {
        match out.last_mut() {
            Some(last) if last.0 == doc => last.1 = combine(last.1, s),
            _ => out.push((doc, s)),
        }
    }
    out
}

/// How often a document holds a phrase (see `sloppy_frequency`), the
/// document being the one each word's postings stand at (`iters`). Out of
/// line, for V8: it counts a function's run time by the size of the loops
/// it goes round, and optimises the function once that passes a threshold,
/// on a thread beside the page's. With this inside, the loop over a
/// phrase's documents made `phrase_matches` pass it after a few phrases,
/// and compiling it (6-11 ms) slowed the searches running meanwhile (two
/// cores, three threads); now neither function passes it that soon.
#[inline(never)]
fn phrase_frequency(
    lists: &[(u32, TermId)],
    iters: &[(Postings<'_>, Option<Posting>)],
    streams: &[PositionStream<'_>],
    positions: &mut [Vec<u32>],
    slop: u32,
) -> f32 {
    for (k, (_, cur)) in iters.iter().enumerate() {
        positions[k].clear();
        if let (Some(p), Some(stream)) = (cur, streams.get(k)) {
            positions[k].extend(stream.positions(p));
        }
    }
    sloppy_frequency(lists, positions, slop)
}

/// Finds the word forms within an edit budget of a typed word
/// (restricted Damerau-Levenshtein: insertions, deletions, substitutions,
/// swaps of neighbours) by walking the sorted forms like a trie: the row of
/// distances for a prefix is computed once for all forms sharing it, and a
/// prefix whose row already exceeds the budget skips every form under it.
struct TypoWalk<'q> {
    query: &'q [char],
    budget: usize,
    /// The query is ASCII: forms are compared byte by byte (a folded form
    /// is nearly always ASCII; a multi-byte letter then costs more edits,
    /// which only makes the match stricter).
    bytes: bool,
    /// Letters of the current form.
    form: Vec<char>,
    /// rows[k]: distances between the first k letters of `form` and each
    /// prefix of the query.
    rows: Vec<Vec<usize>>,
}

impl<'q> TypoWalk<'q> {
    fn new(query: &'q [char], budget: usize) -> TypoWalk<'q> {
        TypoWalk {
            query,
            budget,
            bytes: query.iter().all(char::is_ascii),
            form: Vec::new(),
            rows: vec![
                (0..=query.len())
                    .map(|j| j.min(budget + 1))
                    .chain([budget + 1])
                    .collect(),
            ],
        }
    }

    /// Computes rows[k] for the form's letter k (1-based); its minimum.
    /// Only the band of cells within `budget` of the diagonal can stay
    /// within budget; the cells around the band are set to "too far".
    /// Out of line, as the walk (see `run`'s phases).
    #[inline(never)]
    fn push_row(&mut self, k: usize) -> usize {
        let n = self.query.len();
        let far = self.budget + 1;
        let c = self.form[k - 1];
        if self.rows.len() <= k {
            self.rows.push(vec![far; n + 2]);
        }
        // Rows as slices: indexing them is plain (a Vec's Index is a call
        // per cell in the size-optimised build).
        let (done, rest) = self.rows.split_at_mut(k);
        let prev: &[usize] = &done[k - 1];
        let cur: &mut [usize] = &mut rest[0];
        let query: &[char] = self.query;
        let lo = k.saturating_sub(self.budget).max(1);
        let hi = (k + self.budget).min(n);
        cur[0] = k.min(far);
        if lo > 1 {
            cur[lo - 1] = far;
        }
        let mut row_min = if lo == 1 { cur[0] } else { far };
        for j in lo..=hi {
            let cost = usize::from(query[j - 1] != c);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if k > 1 && j > 1 && query[j - 1] == self.form[k - 2] && query[j - 2] == c {
                let two_back: &[usize] = &done[k - 2];
                v = v.min(two_back[j - 2] + 1);
            }
            let v = v.min(far);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < n {
            cur[hi + 1] = far;
        }
        row_min
    }

    /// (distance, term) of every form of `range` within the budget.
    /// `keys`: the first 8 bytes of every form (see `Scratch::surface_keys`),
    /// to step over the forms under a hopeless prefix without reading them.
    #[inline(never)]
    fn run(
        mut self,
        index: Index<'_>,
        range: std::ops::Range<u32>,
        keys: &[u64],
    ) -> Vec<(usize, TermId)> {
        let n = self.query.len();
        let mut found = Vec::new();
        let mut i = range.start;
        let mut valid = 0; // rows[..=valid] hold for the current form's prefix
        let mut scanned = 0;
        let mut previous: Vec<char> = Vec::new();
        let mut prefix: Vec<u8> = Vec::new();
        'forms: while i < range.end && scanned < MAX_TYPO_SCAN {
            scanned += 1;
            std::mem::swap(&mut self.form, &mut previous);
            self.form.clear();
            if self.bytes {
                self.form
                    .extend(index.surface_bytes(i).iter().map(|&b| char::from(b)));
            } else {
                self.form.extend(index.surface(i).chars());
            }
            let common = previous
                .iter()
                .zip(&self.form)
                .take_while(|(a, b)| a == b)
                .count();
            valid = valid.min(common);
            // The rows this form needs: all of them if its length is within
            // the budget of the word's; else only those of the letters it
            // shares with the next form (which the next form reuses, and
            // which may skip it and its like). A row past them could only
            // skip forms starting with more of this one's letters, and the
            // next (sorted) form is already not one of them.
            let m = self.form.len();
            let needed = if m.abs_diff(n) <= self.budget {
                m
            } else {
                self.shared_with_next(index, i, range.end, keys).min(m)
            };
            // Longer than the word by more than the budget: no form here or
            // after it with this prefix can fit, but siblings may.
            for k in valid + 1..=needed {
                if k > n + self.budget {
                    break;
                }
                let row_min = self.push_row(k);
                valid = k;
                if row_min > self.budget {
                    // Nothing starting with these k letters fits: skip them.
                    // Up to 8 bytes, by the forms' keys: a skip over a
                    // short prefix passes hundreds of forms unread.
                    if self.bytes && k <= 8 && keys.len() >= range.end as usize {
                        let mask = !(u64::MAX.checked_shr(8 * k as u32).unwrap_or(0));
                        let key = keys[i as usize] & mask;
                        i = gallop(i, range.end, |j| keys[j as usize] & mask == key);
                        continue 'forms;
                    }
                    prefix.clear();
                    if self.bytes {
                        prefix.extend(self.form[..k].iter().map(|&c| c as u8));
                    } else {
                        let mut buf = [0u8; 4];
                        for c in &self.form[..k] {
                            prefix.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                    }
                    i = skip_prefix(index, i, range.end, &prefix);
                    continue 'forms;
                }
            }
            if valid == m && m.abs_diff(n) <= self.budget && self.rows[m][n] <= self.budget {
                found.push((self.rows[m][n], index.surface_term(i)));
            }
            i += 1;
        }
        found
    }

    /// How many letters form `i` shares with the next form of the range
    /// (none at its end), from the forms' keys while they tell. A query
    /// beyond ASCII compares letters, not bytes: every letter, then.
    fn shared_with_next(&self, index: Index<'_>, i: u32, end: u32, keys: &[u64]) -> usize {
        let next = i + 1;
        if next >= end {
            return 0;
        }
        if !self.bytes {
            return usize::MAX;
        }
        if let (Some(a), Some(b)) = (keys.get(i as usize), keys.get(next as usize))
            && a != b
        {
            return ((a ^ b).leading_zeros() / 8) as usize;
        }
        let (a, b) = (index.surface_bytes(i), index.surface_bytes(next));
        a.iter().zip(b).take_while(|(x, y)| x == y).count()
    }
}

/// The first form after `from` (which starts with `prefix`) that does not
/// start with it, before `end`.
fn skip_prefix(index: Index<'_>, from: u32, end: u32, prefix: &[u8]) -> u32 {
    gallop(from, end, |i| index.surface_bytes(i).starts_with(prefix))
}

/// Does a document's date (possibly partial: "2020-11" is the whole
/// month) overlap the filter's range?
#[cfg(test)]
fn date_in_range(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    in_period(date, &period(from, to))
}

fn as_set(list: &Option<Vec<String>>) -> Option<HashSet<&str>> {
    list.as_ref()
        .map(|values| values.iter().map(String::as_str).collect())
}

/// The period `from`..`to` asks for: `None` when neither is given, `Some(None)`
/// when it cannot be read (then no date is in it). Read once per search, not
/// once per document.
fn period(from: Option<&str>, to: Option<&str>) -> Option<Option<Span>> {
    if from.is_none() && to.is_none() {
        return None;
    }
    let range = format!("{}/{}", from.unwrap_or("0001"), to.unwrap_or("9999"));
    Some(Span::parse(&range))
}

fn in_period(date: Option<&str>, period: &Option<Option<Span>>) -> bool {
    match period {
        None => true,
        Some(period) => date
            .and_then(Span::parse)
            .zip(period.as_ref())
            .is_some_and(|(d, p)| d.overlaps(p)),
    }
}

/// The documents as a search reads them: their summaries for filters and
/// hits, their texts for snippets only (`texts` may be empty when
/// `SearchOptions::snippets` is off: the texts of a large embedded corpus
/// are decoded on first need, and a result list of titles does not need
/// them).
#[derive(Clone, Copy)]
pub struct Shelf<'a> {
    pub summaries: &'a Summaries,
    pub texts: &'a [Document],
}

/// Runs a query over documents and their index.
pub fn search(
    docs: Shelf<'_>,
    index: Index<'_>,
    input: &str,
    options: &SearchOptions,
) -> SearchResults {
    search_faceted(docs, index, None, input, options)
}

/// Runs a query with the corpus's facets: the facet filters of `options`
/// apply, and the facets are counted when asked for.
pub fn search_faceted(
    docs: Shelf<'_>,
    index: Index<'_>,
    table: Option<&FacetTable>,
    input: &str,
    options: &SearchOptions,
) -> SearchResults {
    let search = |scratch: &mut Scratch| {
        let query = parse(input, options.prefix, index, scratch);
        run(docs, index, table, input, &query, options, scratch)
    };
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => search(&mut scratch),
        // Only reachable by searching from inside a search: use fresh arrays.
        Err(_) => search(&mut Scratch::default()),
    })
}

/// The query typed, its forms that the index has not stemmed again: the
/// index records their terms (see `text::analyze_known`).
/// The numbers of the forms found are kept in `scratch.typed_forms`, for
/// the scoring not to look them up again.
#[inline(never)]
fn parse(input: &str, prefix_last: bool, index: Index<'_>, scratch: &mut Scratch) -> Query {
    let samples = scratch.take_samples(index);
    let mut typed = std::mem::take(&mut scratch.typed_forms);
    typed.clear();
    let typed = RefCell::new(typed);
    let query = query::parse_known(input, prefix_last, &|form| {
        let at = samples.find_surface(&index, form)?;
        typed.borrow_mut().push(at);
        Some(index.surface_term_text(at).to_owned())
    });
    scratch.samples = samples;
    scratch.typed_forms = typed.into_inner();
    query
}

#[inline(never)]
fn run(
    docs: Shelf<'_>,
    index: Index<'_>,
    table: Option<&FacetTable>,
    input: &str,
    query: &Query,
    options: &SearchOptions,
    scratch: &mut Scratch,
) -> SearchResults {
    let per_page = options.per_page.clamp(1, MAX_PER_PAGE);
    let page = options.page.max(1);
    let mut results = SearchResults {
        page,
        per_page,
        clauses: query.clauses.len(),
        message: (!query.notes.is_empty()).then(|| query.notes.join("; ")),
        ..SearchResults::default()
    };
    if query.is_empty() {
        if !input.trim().is_empty() && results.message.is_none() {
            results.message = Some("nothing to search for in this query".to_owned());
        }
        return results;
    }
    let n = (index.doc_count() as usize).min(docs.summaries.len());
    scratch.fit(n);
    scratch.norms(index, n);
    // The scorer holds the norms while clauses are scored (they go back to
    // the scratch arrays right after).
    let norms = std::mem::take(&mut scratch.norms);
    let mut scorer = Scorer {
        index,
        n_docs: n.max(1) as f32,
        norms,
        matched_terms: Vec::new(),
        recording: None,
        samples: scratch.take_samples(index),
        typed_forms: std::mem::take(&mut scratch.typed_forms),
    };
    // Terms remembered for proximity, by clause (words typed side by side).
    let words = query
        .clauses
        .iter()
        .filter(|c| matches!(c, Clause::Word(_)))
        .count();
    // Outlets are filtered below with the other document fields.
    let facet_filter = facets::FacetFilter {
        outlets: None,
        speakers: options.speakers.as_deref(),
        sides: options.sides.as_deref(),
        dates: options.months.as_deref(),
    };
    let selector = table.and_then(|t| t.selector(&facet_filter));
    let filtered = options.date_from.is_some()
        || options.date_to.is_some()
        || options.docs.is_some()
        || options.outlets.is_some()
        || selector.is_some();
    let count_facets = options.facets && table.is_some();
    let shown = page.saturating_mul(per_page);
    let mut kept: Vec<Option<(TermId, f32)>> = Vec::new();
    let mut single: Option<Matches> = None;
    // One word, nothing to filter or exclude (the usual query): its scores
    // go straight to the ranking, without a list of matches in between.
    let alone = match query.clauses.as_slice() {
        [Clause::Word(word)] if query.excluded.is_empty() && !filtered && !count_facets => {
            Some(word)
        }
        _ => None,
    };
    let mut streamed: Option<TopK> = None;
    if let Some(word) = alone {
        let expansions = scorer.expand(word, scratch);
        let mut top = TopK::new(shown);
        scorer.word_top(&expansions, scratch, &mut top);
        kept.push(None);
        streamed = Some(top);
    }
    // Several clauses: the words' expansions first, to see whether the
    // documents holding them all are enough (see `Scorer::conjunction`).
    let mut expanded: Vec<Option<Vec<(TermId, f32)>>> = Vec::new();
    let mut union: Option<usize> = None;
    if streamed.is_none() && query.clauses.len() > 1 {
        expanded = query
            .clauses
            .iter()
            .map(|c| match c {
                Clause::Word(word) => Some(scorer.expand(word, scratch)),
                _ => None,
            })
            .collect();
        let words: Option<Vec<&[(TermId, f32)]>> = expanded.iter().map(Option::as_deref).collect();
        if let Some(words) = words
            && !filtered
            && query.excluded.is_empty()
            && !count_facets
        {
            union = scorer.conjunction(&words, shown.max(PROXIMITY_CANDIDATES), scratch);
        }
    }
    for (i, clause) in query.clauses.iter().enumerate() {
        if streamed.is_some() {
            break;
        }
        let record = words >= 2 && i < PROXIMITY_CLAUSES && matches!(clause, Clause::Word(_));
        scorer.recording = record.then_some((0, 0.0, false));
        // A word's scores are summed as they come; other clauses' lists
        // after.
        let matches = match clause {
            Clause::Word(word) if query.clauses.len() > 1 => {
                let expansions = match expanded.get_mut(i).and_then(Option::take) {
                    Some(expansions) => expansions,
                    None => scorer.expand(word, scratch),
                };
                let mut sums = Sink::Sums {
                    matched: &mut scratch.matched,
                    total: &mut scratch.total,
                    touched: &mut scratch.touched,
                };
                let only = union.is_some().then_some(scratch.only.as_slice());
                let found = if record {
                    if scratch.found.len() <= i {
                        scratch.found.resize_with(i + 1, Vec::new);
                    }
                    scratch.found[i].clear();
                    scratch.found.get_mut(i)
                } else {
                    None
                };
                scorer.word_scores(&expansions, only, found, &mut scratch.word, &mut sums);
                Vec::new()
            }
            _ => scorer.clause_matches(clause, scratch),
        };
        match scorer.recording.take() {
            Some((term, idf, true)) => kept.push(Some((term, idf))),
            _ => kept.push(None),
        }
        if query.clauses.len() == 1 {
            // One clause: its matches are the candidates, no sums needed.
            single = Some(matches);
            break;
        }
        let mut sums = Sink::Sums {
            matched: &mut scratch.matched,
            total: &mut scratch.total,
            touched: &mut scratch.touched,
        };
        for (doc, s) in matches {
            sums.take(doc, s);
        }
    }
    let excluded: Vec<DocId> = query
        .excluded
        .iter()
        .flat_map(|c| exact_matches(&mut scorer, c))
        .collect();
    let norms = std::mem::take(&mut scorer.norms);
    for &doc in &excluded {
        if let Some(flag) = scratch.dropped.get_mut(doc as usize) {
            *flag = true;
        }
    }
    // Filters read once per search (sets, a parsed period), when there are
    // any: the lists and dates come from the page, as long as it likes.
    let filter = filtered.then(|| DocFilter::new(docs, options, selector));
    let pairs: Vec<(usize, usize)> = (1..kept.len())
        .filter(|&i| kept[i - 1].is_some() && kept[i].is_some())
        .map(|i| (i - 1, i))
        .collect();
    // The best documents are kept as they come: the page shown, or more
    // when proximity re-scores them.
    let wanted = if pairs.is_empty() {
        shown
    } else {
        shown.max(PROXIMITY_CANDIDATES)
    };
    let mut best = streamed.unwrap_or_else(|| TopK::new(wanted));
    let dropped = &scratch.dropped;
    let mut admitted: Vec<DocId> = Vec::new();
    // Without filters, exclusions or facets every matching document is
    // offered as it is (the common case, kept to a tight loop).
    let plain = !filtered && excluded.is_empty() && !count_facets;
    let mut admit = |best: &mut TopK, doc: DocId, matched: u8, score: f32| {
        if !dropped[doc as usize] && filter.as_ref().is_none_or(|f| f.keeps(doc)) {
            best.offer(rank_key(matched, score), doc);
            if count_facets {
                admitted.push(doc);
            }
        }
    };
    let (matched, total) = (&mut scratch.matched, &mut scratch.total);
    match single {
        Some(matches) if plain => {
            each_match(matches, n, |doc, s| best.offer(rank_key(1, s), doc));
        }
        Some(matches) => each_match(matches, n, |doc, s| admit(&mut best, doc, 1, s)),
        None if plain => each_sum(matched, total, &scratch.touched, |doc, m, t| {
            best.offer(rank_key(m, t), doc);
        }),
        None => each_sum(matched, total, &scratch.touched, |doc, m, t| {
            admit(&mut best, doc, m, t);
        }),
    }
    scratch.touched.clear();
    // Only the documents holding every word were offered: all count.
    if let Some(union) = union {
        best.seen = union;
    }
    for &doc in &excluded {
        if let Some(flag) = scratch.dropped.get_mut(doc as usize) {
            *flag = false;
        }
    }
    results.total = best.seen;
    if let Some(table) = table.filter(|_| count_facets) {
        let filter = facets::FacetFilter {
            outlets: options.outlets.as_deref(),
            ..facet_filter
        };
        results.facets = Some(table.count(&admitted, &filter));
    }
    // In a stable order (the index's terms are sorted: so are their
    // numbers): equal searches give equal results.
    sort_unique(&mut scorer.matched_terms);
    let mut ranked: Vec<(DocId, u8, f32)> = best
        .into_sorted()
        .into_iter()
        .map(|(key, doc)| unrank(key, doc))
        .collect();
    if !pairs.is_empty() {
        Proximity::new(index, &kept, &norms).rescore(&mut ranked, &pairs, &scratch.found, shown);
    }
    scratch.norms = norms;
    let before_page = (page - 1).saturating_mul(per_page);
    results.hits = make_hits(
        docs,
        index,
        &scorer.matched_terms,
        query.clauses.len(),
        ranked,
        before_page,
        options,
    );
    results.terms = scorer.matched_terms;
    scratch.samples = scorer.samples;
    scratch.typed_forms = scorer.typed_forms;
    results
}

// `run`'s phases (below, and `Scorer::word_top`, `Scorer::conjunction`,
// `Proximity`, `make_hits`) are functions of their own. V8 first runs a
// wasm function as its baseline compiler made it, then, once it has run
// enough, compiles it again with its optimising compiler, in the
// background; that takes time growing faster than the function. With its
// phases inline, `run` took about 50 ms of it, while the searches typed
// meanwhile ran on a 2-core machine's other core, or waited for one (the
// slowest searches of the benchmark, bench/results.md). Apart, each phase
// is compiled on its own and quickly, and the filters only once a search
// has some.

/// Hands a single clause's matches (documents below `n`) to `offer`.
#[inline(never)]
fn each_match(matches: Matches, n: usize, mut offer: impl FnMut(DocId, f32)) {
    for (doc, s) in matches {
        if (doc as usize) < n {
            offer(doc, s);
        }
    }
}

/// Hands every document the clauses' scores `touched` to `offer`, with how
/// many clauses it matched and its total, and clears them for the next
/// search.
#[inline(never)]
fn each_sum(
    matched: &mut [u8],
    total: &mut [f32],
    touched: &[DocId],
    mut offer: impl FnMut(DocId, u8, f32),
) {
    for &doc in touched {
        let d = doc as usize;
        let (Some(m), Some(t)) = (matched.get_mut(d), total.get_mut(d)) else {
            continue;
        };
        offer(doc, *m, *t);
        *m = 0;
        *t = 0.0;
    }
}

/// Sorts `terms` and drops repeats.
#[inline(never)]
fn sort_unique(terms: &mut Vec<TermId>) {
    terms.sort_unstable();
    terms.dedup();
}

/// A search's filters on the documents' fields (ids, outlets, period,
/// facets), read once per search.
struct DocFilter<'s> {
    docs: Shelf<'s>,
    ids: Option<HashSet<&'s str>>,
    outlets: Option<HashSet<&'s str>>,
    period: Option<Option<Span>>,
    selector: Option<facets::FacetSelector<'s>>,
}

impl<'s> DocFilter<'s> {
    #[inline(never)]
    fn new(
        docs: Shelf<'s>,
        options: &'s SearchOptions,
        selector: Option<facets::FacetSelector<'s>>,
    ) -> DocFilter<'s> {
        DocFilter {
            docs,
            ids: as_set(&options.docs),
            outlets: as_set(&options.outlets),
            period: period(options.date_from.as_deref(), options.date_to.as_deref()),
            selector,
        }
    }

    /// Whether document `doc` passes every filter.
    #[inline(never)]
    fn keeps(&self, doc: DocId) -> bool {
        // The document's summary is read only for a filter on its fields:
        // the facets' filters (the page's) have tables of their own.
        let on_fields = self.period.is_some() || self.ids.is_some() || self.outlets.is_some();
        (!on_fields
            || self.docs.summaries.get(doc as usize).is_some_and(|d| {
                in_period(d.date, &self.period)
                    && self.ids.as_ref().is_none_or(|ids| ids.contains(d.id))
                    && self
                        .outlets
                        .as_ref()
                        .is_none_or(|outlets| d.outlet.is_some_and(|o| outlets.contains(o)))
            }))
            && self
                .selector
                .as_ref()
                .is_none_or(|s| s.allows(doc as usize))
    }
}

/// The hits of the page: `ranked` holds every place up to its end, the
/// first `before_page` before it. With snippets when asked. Out of line, as
/// `Proximity::rescore`: it keeps `run` short for V8 to optimise.
#[inline(never)]
fn make_hits(
    docs: Shelf<'_>,
    index: Index<'_>,
    matched_terms: &[TermId],
    clauses: usize,
    ranked: Vec<(DocId, u8, f32)>,
    before_page: usize,
    options: &SearchOptions,
) -> Vec<Hit> {
    let highlight: HashSet<&str> = if options.snippets {
        matched_terms.iter().map(|&t| index.term(t)).collect()
    } else {
        HashSet::default()
    };
    let highlighter = snippet::Highlighter::new(&highlight, clauses);
    ranked
        .into_iter()
        .skip(before_page)
        .filter_map(|(doc, matched, score)| {
            // A bare hit reads no summary (the page adds its document's
            // fields).
            let summary = if options.bare_hits {
                if doc as usize >= docs.summaries.len() {
                    return None;
                }
                None
            } else {
                Some(docs.summaries.get(doc as usize)?)
            };
            let snippet = match docs.texts.get(doc as usize) {
                Some(text) if options.snippets => snippet::snippet(text, &highlighter),
                _ => Vec::new(),
            };
            let hit = Hit {
                id: String::new(),
                title: None,
                date: None,
                score,
                matched: usize::from(matched),
                snippet,
                outlet: None,
                lead: None,
                statements: Vec::new(),
                statement_count: 0,
                doc,
            };
            Some(match summary {
                Some(d) => hit.with_document(&d),
                None => hit,
            })
        })
        .collect()
}

/// Documents an excluded clause matches: exact terms only, no typo or
/// prefix guessing (excluding by a guess would hide what the reader wants);
/// a phrase by its words in order, as when it is searched.
fn exact_matches(scorer: &mut Scorer<'_>, clause: &Clause) -> Vec<DocId> {
    let index = scorer.index;
    match clause {
        Clause::Word(w) => scorer
            .term_of(w)
            .map(|t| index.postings(t).map(|p| p.doc).collect())
            .unwrap_or_default(),
        Clause::Phrase { words, slop } => {
            // Excluded words are not highlighted.
            let highlighted = scorer.matched_terms.len();
            let docs = scorer
                .phrase_matches(words, *slop)
                .into_iter()
                .map(|m| m.0)
                .collect();
            scorer.matched_terms.truncate(highlighted);
            docs
        }
        Clause::Any(alts) | Clause::Variants(alts) => {
            alts.iter().flat_map(|a| exact_matches(scorer, a)).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scorer over an index of `n` documents, as a search makes one.
    fn test_scorer<'a>(index: Index<'a>, n: usize, scratch: &mut Scratch) -> Scorer<'a> {
        Scorer {
            index,
            n_docs: n as f32,
            norms: scratch.norms(index, n).to_vec(),
            matched_terms: Vec::new(),
            recording: None,
            samples: scratch.take_samples(index),
            typed_forms: Vec::new(),
        }
    }

    /// Options for page `page` of `per_page` hits, without snippets.
    fn page_options(page: usize, per_page: usize) -> SearchOptions {
        SearchOptions {
            page,
            per_page,
            snippets: false,
            ..SearchOptions::default()
        }
    }

    /// Document `d{i}`: `text` as its body.
    fn body_document(i: usize, text: String) -> Document {
        use crate::corpus::{Block, BlockKind};
        Document {
            id: format!("d{i}"),
            blocks: vec![Block {
                kind: BlockKind::Body,
                start: 0,
                end: text.len() as u32,
            }],
            text,
            ..Document::default()
        }
    }

    /// A typed compound of two frequent words reads their pair's list: the
    /// documents and scores the words' positions give, whether the text
    /// hyphenates them or not, in the compound's order only; a phrase with
    /// slop, or rare words, read the positions.
    #[test]
    fn a_compound_of_frequent_words_reads_its_pair_as_positions_would() {
        let text = |i: usize| match i {
            0..30 => "Les Etats-Unis et la Chine.".to_owned(),
            30..45 => "Les Etats Unis ont voté, les Etats Unis aussi : Etats Unis.".to_owned(),
            45..80 => "Les Etats membres se sont unis contre lui.".to_owned(),
            _ => "Des Unis-Etats, ou des unis et des états.".to_owned(),
        };
        let docs: Vec<Document> = (0..84).map(|i| body_document(i, text(i))).collect();
        let bytes = crate::index::build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        assert!(index.has_pairs());
        let mut scratch = Scratch::default();
        let mut scorer = test_scorer(index, docs.len(), &mut scratch);
        let phrase = |typed: &str| match query::parse(typed, false).clauses.as_slice() {
            [Clause::Phrase { words, .. }] => words.clone(),
            other => panic!("{typed}: {other:?}"),
        };
        for (typed, holding) in [("Etats-Unis", 45), ("Unis-Etats", 4)] {
            let words = phrase(typed);
            let lists: Vec<(u32, TermId)> = words
                .iter()
                .map(|(at, w)| (*at, scorer.term_of(w).unwrap()))
                .collect();
            let from_pair = scorer.pair_matches(&lists, 0).expect("the pair is kept");
            assert_eq!(from_pair, scorer.phrase_walk(&lists, 0), "{typed}");
            assert_eq!(from_pair.len(), holding, "{typed}");
            assert_eq!(scorer.phrase_matches(&words, 0), from_pair);
            if typed == "Etats-Unis" {
                // Thrice in a document scores more than once.
                assert!(from_pair[30].1 > from_pair[0].1);
            }
            assert_eq!(scorer.pair_matches(&lists, query::PHRASE_SLOP), None);
        }
        // Words in fewer than PAIR_MIN_DF documents keep no pair.
        let few = crate::index::build_index(&docs[..40]);
        assert!(!Index::open(&few).unwrap().has_pairs());
    }

    /// A page of a word alone read from the top lists is the page the full
    /// scoring gives: same documents, scores and total, with prefix
    /// completions and typo forms among the expansions.
    #[test]
    fn a_page_from_the_top_lists_is_the_page_scored_in_full() {
        let docs: Vec<Document> = (0..420)
            .map(|i| {
                // A rare form, in documents of its own.
                if i >= 400 {
                    return body_document(i, format!("paillote {}", "mot ".repeat(i % 3)));
                }
                let mut text = "paix ".repeat(1 + i % 7);
                text.push_str(["paisible ", "guerre ", "paiement ", "traité "][i % 4]);
                // Lengths vary, and repeat: equal scores are frequent.
                text.push_str(&"mot ".repeat(i % 11 * 3));
                if i % 5 == 0 {
                    text.push_str("paisibles paix");
                }
                body_document(i, text)
            })
            .collect();
        let bytes = crate::index::build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        for word in ["paix", "paisible", "traite"] {
            let term = index.find_term(&crate::text::stem(word)).unwrap();
            assert!(index.top_postings(term).is_some(), "{word} has a top list");
        }
        // "pai" completes to forms with and without a document bitmap, and
        // to a form too rare for a top list (read in full): the total
        // counts their union from all three.
        let with_set = |word: &str| {
            let term = index.find_term(&crate::text::stem(word)).unwrap();
            index.doc_set(term).is_some()
        };
        assert!(with_set("paix") && !with_set("paisible") && !with_set("paiement"));
        let paillote = index.find_term(&crate::text::stem("paillote")).unwrap();
        assert!(index.top_postings(paillote).is_none());
        let summaries = Summaries::build(docs.iter().map(Document::summary)).unwrap();
        let shelf = || Shelf {
            summaries: &summaries,
            texts: &docs,
        };
        let page_of = |query: &str, page: usize, per_page: usize| {
            let results = search(shelf(), index, query, &page_options(page, per_page));
            let hits: Vec<(String, u32)> = results
                .hits
                .iter()
                .map(|h| (h.id.clone(), h.score.to_bits()))
                .collect();
            (results.total, hits)
        };
        for query in [
            "paix", "pai", "paisible", "traité", "guerre", "paixs", "paisibl",
        ] {
            // More places than a top list holds: every document is scored.
            let (total, full) = page_of(query, 1, TOP_LEN + 8);
            assert!(total > 0, "{query}");
            for (page, per_page) in [(1, 1), (1, 10), (1, TOP_LEN), (2, 10), (3, 1)] {
                let (listed_total, listed) = page_of(query, page, per_page);
                assert_eq!(listed_total, total, "{query} total");
                let from = ((page - 1) * per_page).min(full.len());
                let to = (page * per_page).min(full.len());
                assert_eq!(listed, full[from..to], "{query}, page {page} of {per_page}");
            }
        }
    }

    /// Several words, with enough documents holding them all, are scored
    /// in those alone (see `Scorer::conjunction`): the pages are those of
    /// every document scored (as with a filter), proximity included, from
    /// one search to the next.
    #[test]
    fn several_words_scored_where_all_are_give_the_full_pages() {
        let docs: Vec<Document> = (0..1200)
            .map(|i| {
                let mut text = String::new();
                if i % 10 != 0 {
                    text.push_str(&"conseil ".repeat(1 + i % 3));
                }
                // The second word next to the first, or apart, or not at all.
                match i % 10 {
                    // (Often enough to rank above the word itself.)
                    1 => text.push_str(&"constitutionnel ".repeat(3)),
                    3 if i % 20 == 3 => text.push_str("mot constitution "),
                    3 => text.push_str("constitution conseil "),
                    7 => text.push_str("paix "),
                    _ => {}
                }
                text.push_str(&"mot ".repeat(i % 13));
                body_document(i, text)
            })
            .collect();
        let bytes = crate::index::build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        let summaries = Summaries::build(docs.iter().map(Document::summary)).unwrap();
        let shelf = || Shelf {
            summaries: &summaries,
            texts: &docs,
        };
        // The words of the first query take that way.
        let mut scratch = Scratch::default();
        let scorer = test_scorer(index, docs.len(), &mut scratch);
        let query = query::parse("conseil constitution", true);
        let words: Vec<Vec<(TermId, f32)>> = query
            .clauses
            .iter()
            .map(|c| match c {
                Clause::Word(w) => scorer.expand(w, &mut scratch),
                _ => Vec::new(),
            })
            .collect();
        let words: Vec<&[(TermId, f32)]> = words.iter().map(Vec::as_slice).collect();
        assert_eq!(
            scorer.conjunction(&words, PROXIMITY_CANDIDATES, &mut scratch),
            Some(1080)
        );
        let every: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
        let page = |query: &str, page: usize, filtered: bool| {
            let options = SearchOptions {
                docs: filtered.then(|| every.clone()),
                ..page_options(page, 10)
            };
            let results = search(shelf(), index, query, &options);
            let hits: Vec<(String, usize, u32)> = results
                .hits
                .iter()
                .map(|h| (h.id.clone(), h.matched, h.score.to_bits()))
                .collect();
            (results.total, hits)
        };
        // Each page also as a search on its own (a thread's first: nothing
        // left from another search) finds it.
        for query in [
            "conseil constitutionnel",
            "conseil constitution",
            "conseil paix",
            "conseil constitution",
            "constitution conseil",
            "mot constitution",
        ] {
            for number in [1, 3] {
                let full = page(query, number, true);
                assert!(full.0 > 0 && !full.1.is_empty(), "{query}");
                assert_eq!(page(query, number, false), full, "{query}, page {number}");
                let alone = std::thread::scope(|s| s.spawn(|| page(query, number, false)).join());
                assert_eq!(alone.ok(), Some(full), "{query}, page {number} alone");
            }
        }
    }

    #[test]
    fn pages_of_words_side_by_side_are_the_ranking_re_scored_for_proximity() {
        // Two words, close together or apart, in documents of all lengths:
        // proximity re-scores the same 50 candidates for a page of 50 as
        // for any of the first five pages of 10, and each page is its part
        // of the ranking.
        let docs: Vec<Document> = (0..400)
            .map(|i| {
                let mut text = "mot ".repeat(i % 17);
                match i % 5 {
                    0 => text.push_str("conseil constitution "),
                    1 => text.push_str("conseil mot constitution "),
                    2 => text.push_str("constitution mot mot mot mot conseil "),
                    3 => text.push_str(&"conseil ".repeat(1 + i % 3)),
                    _ => text.push_str("constitution "),
                }
                text.push_str(&"mot ".repeat(i % 7));
                body_document(i, text)
            })
            .collect();
        let bytes = crate::index::build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        let summaries = Summaries::build(docs.iter().map(Document::summary)).unwrap();
        let shelf = Shelf {
            summaries: &summaries,
            texts: &docs,
        };
        let hits = |query: &str, page: usize, per_page: usize| {
            search(shelf, index, query, &page_options(page, per_page))
                .hits
                .into_iter()
                .map(|h| (h.doc, h.matched, h.score))
                .collect::<Vec<_>>()
        };
        for query in [
            "conseil constitution",
            "constitution conseil",
            "mot conseil",
        ] {
            let ranking = hits(query, 1, PROXIMITY_CANDIDATES);
            assert_eq!(ranking.len(), PROXIMITY_CANDIDATES, "{query}");
            for pair in ranking.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let order = b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0));
                assert_eq!(
                    order,
                    std::cmp::Ordering::Less,
                    "{query}: {a:?} before {b:?}"
                );
            }
            for page in 1..=PROXIMITY_CANDIDATES / 10 {
                let part = &ranking[(page - 1) * 10..page * 10];
                assert_eq!(hits(query, page, 10), part, "{query}, page {page}");
            }
        }
        // The same words typed the other way round score alike, but for the
        // bonus of the documents where they stand in the order typed.
        let typed: std::collections::HashMap<DocId, f32> =
            hits("conseil constitution", 1, PROXIMITY_CANDIDATES)
                .into_iter()
                .map(|(doc, _, score)| (doc, score))
                .collect();
        let (mut closer, mut apart) = (0, 0);
        for (doc, _, score) in hits("constitution conseil", 1, PROXIMITY_CANDIDATES) {
            let Some(&other) = typed.get(&doc) else {
                continue;
            };
            match doc % 5 {
                0 | 1 => {
                    assert!(other > score, "document {doc}: {other} against {score}");
                    closer += 1;
                }
                2 => {
                    assert_eq!(other, score, "document {doc}");
                    apart += 1;
                }
                _ => {}
            }
        }
        assert!(closer > 0 && apart > 0, "{closer} closer, {apart} apart");
    }

    /// An index of a few documents with forms of every kind (numbers,
    /// elided, hyphenated, glued, accented): its documents and bytes.
    fn forms_index() -> (usize, Vec<u8>) {
        let texts = [
            "Les casques bleus déployés à Hadrout, jusqu’au 10 novembre 2020.",
            "Le cessez-le-feu au Haut-Karabakh : 2 000 soldats, l'armée informeun.",
            "Déploiement, déployer, déployait ; Pachinian et Aliev ont signé à Latchine.",
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| body_document(i, (*t).to_owned()))
            .collect();
        (docs.len(), crate::index::build_index(&docs))
    }

    /// A word being typed takes its exact term from the form the index
    /// keeps for it, without searching the terms: that is the term the
    /// query's analysis gives it, for every form of the corpus (numbers,
    /// elided, hyphenated, glued and accented ones included).
    #[test]
    fn a_typed_form_stands_for_the_term_its_analysis_gives() {
        let (n, bytes) = forms_index();
        let index = Index::open(&bytes).unwrap();
        let mut scratch = Scratch::default();
        let scorer = test_scorer(index, n, &mut scratch);
        assert!(index.surface_count() > 20);
        for i in 0..index.surface_count() {
            let form = index.surface(i);
            let query = query::parse(form, true);
            let Some(Clause::Word(word)) = query.clauses.first() else {
                continue;
            };
            let searched = QueryWord {
                prefix: false,
                ..word.clone()
            };
            assert_eq!(
                scorer.expand(word, &mut scratch).first(),
                scorer.expand(&searched, &mut scratch).first(),
                "{form}"
            );
        }
    }

    #[test]
    fn typed_forms_the_index_has_parse_as_when_stemmed() {
        let (_, bytes) = forms_index();
        let index = Index::open(&bytes).unwrap();
        let mut scratch = Scratch::default();
        // The index answers for its forms (and only for them).
        let samples = index.samples();
        assert_eq!(
            samples.term_of_form(&index, "deployes"),
            Some(crate::text::stem("deployes"))
        );
        assert_eq!(samples.term_of_form(&index, "deployons"), None);
        let mut inputs: Vec<String> = [
            "déployés soldats",
            "Deployes",
            "l'armée",
            "jusqu’au 10 novembre",
            "2 000",
            "2000 soldats",
            "le",
            "cessez-le-feu",
            "Haut-Karabakh",
            "Latchine Latchin",
            "\"casques bleus\"",
            "-Aliev Pachinian",
            "Aliev OR Pachinian",
            "déployons inconnus",
            "pa",
        ]
        .map(String::from)
        .to_vec();
        inputs.extend((0..index.surface_count()).map(|i| index.surface(i).to_owned()));
        for input in &inputs {
            for prefix in [false, true] {
                assert_eq!(
                    parse(input, prefix, index, &mut scratch),
                    query::parse(input, prefix),
                    "{input}"
                );
            }
        }
    }

    fn typo_matches(word: &str, forms: &[&str], budget: usize) -> Vec<(String, usize)> {
        use crate::corpus::{Block, BlockKind, DateSource};
        let text = forms.join(" ");
        let doc = Document {
            id: "d".into(),
            title: None,
            date: None,
            date_source: DateSource::None,
            outlet: None,
            blocks: vec![Block {
                kind: BlockKind::Body,
                start: 0,
                end: text.len() as u32,
            }],
            text,
            source_offset: 0,
            ..Document::default()
        };
        let bytes = crate::index::build_index(&[doc]);
        let index = Index::open(&bytes).unwrap();
        let query: Vec<char> = word.chars().collect();
        let mut scratch = Scratch::default();
        let keys = scratch.surface_keys(index).to_vec();
        let walk = |keys: &[u64]| {
            let mut found: Vec<(String, usize)> = TypoWalk::new(&query, budget)
                .run(index, 0..index.surface_count(), keys)
                .into_iter()
                .map(|(d, t)| (index.term(t).to_owned(), d))
                .collect();
            found.sort();
            found
        };
        let found = walk(&keys);
        assert_eq!(found, walk(&[]), "the keys only save work");
        found
    }

    /// The walk finds every form within the budget and only those, as the
    /// distance computed form by form does (swaps of neighbours counting
    /// one edit), over forms sharing long prefixes in every way.
    #[test]
    fn typo_walk_finds_what_a_distance_form_by_form_finds() {
        fn distance(a: &[u8], b: &[u8]) -> usize {
            let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in d[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut v = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(d[i - 2][j - 2] + 1);
                    }
                    d[i][j] = v;
                }
            }
            d[a.len()][b.len()]
        }
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut random = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        for _ in 0..30 {
            // Three letters, so that forms share prefixes; "x" first, so
            // that no form is a stop word or a number.
            let word = |random: &mut dyn FnMut(u64) -> u64| {
                let len = 1 + random(10) as usize;
                let mut w = String::from("x");
                w.extend((0..len).map(|_| char::from(b'k' + random(3) as u8)));
                w
            };
            let forms: Vec<String> = (0..300).map(|_| word(&mut random)).collect();
            let text = forms.join(" ");
            let bytes = crate::index::build_index(&[body_document(0, text)]);
            let index = Index::open(&bytes).unwrap();
            let mut scratch = Scratch::default();
            let keys = scratch.surface_keys(index).to_vec();
            for _ in 0..10 {
                let typed = word(&mut random);
                let query: Vec<char> = typed.chars().collect();
                let budget = 1 + random(2) as usize;
                let range = 0..index.surface_count();
                let mut got = TypoWalk::new(&query, budget).run(index, range.clone(), &keys);
                got.sort_unstable();
                let mut want: Vec<(usize, TermId)> = range
                    .map(|i| (distance(index.surface_bytes(i), typed.as_bytes()), i))
                    .filter(|&(d, _)| d <= budget)
                    .map(|(d, i)| (d, index.surface_term(i)))
                    .collect();
                want.sort_unstable();
                assert_eq!(got, want, "{typed} within {budget}");
            }
        }
    }

    #[test]
    fn typo_walk_finds_forms_within_the_budget() {
        let forms = [
            "pachinian",
            "pachniian",
            "pachinyan",
            "karabakh",
            "pacha",
            "pachinianes",
        ];
        let got = typo_matches("pachinyan", &forms, 2);
        let expect = |w: &str, d: usize| (crate::text::stem(w), d);
        assert!(got.contains(&expect("pachinyan", 0)));
        assert!(got.contains(&expect("pachinian", 1)));
        assert!(got.contains(&expect("pachniian", 2)));
        assert!(!got.iter().any(|(t, _)| *t == crate::text::stem("karabakh")));
        assert!(!got.iter().any(|(t, _)| *t == crate::text::stem("pacha")));
        // Swapped neighbours count one edit.
        let got = typo_matches("hadruot", &["hadrout", "hadr"], 1);
        assert_eq!(got, [(crate::text::stem("hadrout"), 1)]);
        // Long forms sharing long prefixes, and letters beyond ASCII.
        let forms = [
            "gouvernement",
            "gouvernemental",
            "gouverneur",
            "gouvernementaux",
            "gouvernance",
            "goutte",
            "gouverner",
            "gouvernes",
            "gouvernemnt",
            "gouvernementale",
            "gouvernementales",
            "gourou",
            "gouda",
        ];
        let got = typo_matches("gouvernemnt", &forms, 2);
        assert!(got.contains(&(crate::text::stem("gouvernement"), 1)));
        assert!(!got.iter().any(|(t, _)| *t == crate::text::stem("goutte")));
        let got = typo_matches("москвa", &["москва", "моск"], 1);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn partial_dates_overlap_ranges() {
        assert!(date_in_range(Some("2020-11"), Some("2020-11-10"), None));
        assert!(date_in_range(Some("2020-11"), None, Some("2020-11")));
        assert!(!date_in_range(Some("2020-10"), Some("2020-11-01"), None));
        assert!(!date_in_range(None, Some("2020"), None));
        assert!(date_in_range(None, None, None));
        assert!(date_in_range(
            Some("2020-11-14"),
            Some("2020"),
            Some("2020")
        ));
        assert!(!date_in_range(Some("2021-01-01"), None, Some("2020")));
    }

    #[test]
    fn sloppy_phrases_count_less() {
        // "soldats de la paix": soldats at 0, paix at 3 in the query.
        let words = [(0, 0), (3, 1)];
        let exact = sloppy_frequency(&words, &[vec![10], vec![13]], 2);
        let sloppy = sloppy_frequency(&words, &[vec![10], vec![15]], 2);
        let too_far = sloppy_frequency(&words, &[vec![10], vec![16]], 2);
        assert_eq!(exact, 1.0);
        assert!(sloppy > 0.0 && sloppy < exact);
        assert_eq!(too_far, 0.0);
        // Out of order is no match; two occurrences count twice.
        assert_eq!(sloppy_frequency(&words, &[vec![13], vec![10]], 2), 0.0);
        assert_eq!(
            sloppy_frequency(&words, &[vec![1, 10], vec![4, 13]], 0),
            2.0
        );
    }
}
