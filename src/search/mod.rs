//! Ranked search over the index: BM25 over stems, documents matching more of
//! the query's clauses first, phrases, exclusions, OR, prefix matching of the
//! word being typed, typo tolerance scaled to word length, date and document
//! filters, paging, and snippets given as text spans.

pub mod query;
mod snippet;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::index::{DocId, Index, TermId};
pub use query::{Clause, Query, QueryWord};
pub use snippet::SnippetSpan;

/// Most hits on one page.
pub const MAX_PER_PAGE: usize = 100;

const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;
/// A word form reached by completing the word being typed.
const PREFIX_WEIGHT: f32 = 0.7;
/// A word form reached by typo tolerance.
const FUZZY_WEIGHT: f32 = 0.5;
/// At most this many word forms stand in for one typed word.
const MAX_EXPANSIONS: usize = 40;

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
}

/// What a clause matched in one document.
#[derive(Default, Clone)]
struct ClauseMatch {
    score: f32,
}

/// The scored matches of one clause, and the terms that made them.
struct ClauseResult {
    docs: HashMap<DocId, ClauseMatch>,
}

struct Scorer<'a> {
    index: Index<'a>,
    n_docs: f32,
    avg_len: f32,
    /// Every term that matched something, for highlighting.
    matched_terms: HashSet<TermId>,
}

impl<'a> Scorer<'a> {
    fn idf(&self, df: u32) -> f32 {
        let df = df as f32;
        (1.0 + (self.n_docs - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, tf: f32, doc: DocId, idf: f32) -> f32 {
        let len = self.index.doc_len(doc) as f32;
        let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len / self.avg_len);
        idf * tf * (BM25_K1 + 1.0) / (tf + norm)
    }

    /// Terms a typed word stands for, with their weights.
    fn expand(&self, word: &QueryWord) -> Vec<(TermId, f32)> {
        let mut out: Vec<(TermId, f32)> = Vec::new();
        let exact = self.index.find_term(&word.term);
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
        if word.prefix {
            let mut completions: Vec<TermId> = self
                .index
                .surface_prefix_range(&word.folded)
                .map(|i| self.index.surface_term(i))
                .collect();
            completions.sort_unstable();
            completions.dedup();
            completions.sort_by_key(|&t| std::cmp::Reverse(self.index.df(t)));
            for t in completions.into_iter().take(MAX_EXPANSIONS) {
                add(t, PREFIX_WEIGHT, &mut out);
            }
        }
        if exact.is_none() {
            for t in self.typo_candidates(&word.folded) {
                add(t, FUZZY_WEIGHT, &mut out);
            }
        }
        out.truncate(MAX_EXPANSIONS);
        out
    }

    /// Indexed word forms within the typo budget of `folded`: none for
    /// short words, one edit from 5 letters, two from 9.
    fn typo_candidates(&self, folded: &str) -> Vec<TermId> {
        let chars: Vec<char> = folded.chars().collect();
        let budget = match chars.len() {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => 2,
        };
        // Typos rarely hit the first letter: scanning only the forms that
        // share it keeps this fast on large vocabularies.
        let mut first = String::new();
        first.push(chars[0]);
        let mut found: Vec<(usize, TermId)> = Vec::new();
        for i in self.index.surface_prefix_range(&first) {
            let form = self.index.surface(i);
            let n = form.chars().count();
            if n.abs_diff(chars.len()) > budget {
                continue;
            }
            if let Some(d) = bounded_edit_distance(&chars, form, budget) {
                found.push((d, self.index.surface_term(i)));
            }
        }
        found.sort_by_key(|&(d, t)| (d, std::cmp::Reverse(self.index.df(t))));
        let mut out: Vec<TermId> = found.into_iter().map(|f| f.1).collect();
        let mut seen = HashSet::new();
        out.retain(|t| seen.insert(*t));
        out.truncate(MAX_EXPANSIONS);
        out
    }

    fn word_matches(&mut self, word: &QueryWord) -> ClauseResult {
        let mut docs: HashMap<DocId, ClauseMatch> = HashMap::new();
        for (term, weight) in self.expand(word) {
            let idf = self.idf(self.index.df(term));
            self.matched_terms.insert(term);
            for p in self.index.postings(term) {
                let s = weight * self.bm25(p.weighted_tf as f32, p.doc, idf);
                let m = docs.entry(p.doc).or_default();
                m.score = m.score.max(s);
            }
        }
        ClauseResult { docs }
    }

    fn phrase_matches(&mut self, words: &[(u32, QueryWord)]) -> ClauseResult {
        let mut docs = HashMap::new();
        let mut lists = Vec::new();
        for (offset, word) in words {
            let Some(term) = self.index.find_term(&word.term) else {
                return ClauseResult { docs };
            };
            let postings: HashMap<DocId, Vec<u32>> = self
                .index
                .postings(term)
                .map(|p| (p.doc, p.positions))
                .collect();
            lists.push((*offset, term, postings));
        }
        lists.sort_by_key(|l| l.2.len());
        let Some((first_offset, _, first)) = lists.first() else {
            return ClauseResult { docs };
        };
        for (&doc, positions) in first {
            let count = positions
                .iter()
                .filter(|&&p| {
                    let start = p as i64 - i64::from(*first_offset);
                    lists[1..].iter().all(|(off, _, list)| {
                        list.get(&doc).is_some_and(|ps| {
                            let want = start + i64::from(*off);
                            want >= 0 && ps.binary_search(&(want as u32)).is_ok()
                        })
                    })
                })
                .count();
            if count > 0 {
                let score: f32 = lists
                    .iter()
                    .map(|(_, t, _)| self.bm25(count as f32, doc, self.idf(self.index.df(*t))))
                    .sum();
                docs.insert(doc, ClauseMatch { score });
            }
        }
        for (_, t, _) in &lists {
            self.matched_terms.insert(*t);
        }
        ClauseResult { docs }
    }

    fn clause_matches(&mut self, clause: &Clause) -> ClauseResult {
        match clause {
            Clause::Word(w) => self.word_matches(w),
            Clause::Phrase(words) => self.phrase_matches(words),
            Clause::Any(alternatives) => {
                let mut docs: HashMap<DocId, ClauseMatch> = HashMap::new();
                for alt in alternatives {
                    for (doc, m) in self.clause_matches(alt).docs {
                        docs.entry(doc).or_default().score += m.score;
                    }
                }
                ClauseResult { docs }
            }
        }
    }
}

/// Restricted Damerau-Levenshtein distance, or `None` beyond `budget`.
fn bounded_edit_distance(a: &[char], b: &str, budget: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > budget {
        return None;
    }
    let mut prev2 = vec![usize::MAX; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > budget {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= budget).then_some(prev[m])
}

/// Does a document's date (possibly partial) overlap the filter's range?
fn date_in_range(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = date else { return false };
    // A partial date covers a range: "2020-11" is 2020-11-00 .. 2020-11-99.
    let low = format!(
        "{date}{}",
        &"-00-00"[..(10usize.saturating_sub(date.len())).min(6)]
    );
    let high = format!(
        "{date}{}",
        &"-99-99"[..(10usize.saturating_sub(date.len())).min(6)]
    );
    let from_ok = from.is_none_or(|f| high.as_str() >= f);
    let to_ok = to.is_none_or(|t| {
        let t_high = format!(
            "{t}{}",
            &"-99-99"[..(10usize.saturating_sub(t.len())).min(6)]
        );
        low.as_str() <= t_high.as_str()
    });
    from_ok && to_ok
}

/// Runs a query over documents and their index.
pub fn search(
    docs: &[Document],
    index: Index<'_>,
    input: &str,
    options: &SearchOptions,
) -> SearchResults {
    let query = query::parse(input, options.prefix);
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
    let mut scorer = Scorer {
        index,
        n_docs: index.doc_count().max(1) as f32,
        avg_len: index.avg_doc_len(),
        matched_terms: HashSet::new(),
    };
    let mut totals: HashMap<DocId, (usize, f32)> = HashMap::new();
    for clause in &query.clauses {
        for (doc, m) in scorer.clause_matches(clause).docs {
            let t = totals.entry(doc).or_default();
            t.0 += 1;
            t.1 += m.score;
        }
    }
    let highlight = std::mem::take(&mut scorer.matched_terms);
    let mut excluded = HashSet::new();
    for clause in &query.excluded {
        excluded.extend(exact_matches(&scorer, clause));
    }
    let doc_filter: Option<HashSet<&str>> = options
        .docs
        .as_ref()
        .map(|ids| ids.iter().map(String::as_str).collect());
    let mut ranked: Vec<(DocId, usize, f32)> = totals
        .into_iter()
        .filter(|(doc, _)| !excluded.contains(doc))
        .filter(|(doc, _)| {
            let Some(d) = docs.get(*doc as usize) else {
                return false;
            };
            date_in_range(
                d.date.as_deref(),
                options.date_from.as_deref(),
                options.date_to.as_deref(),
            ) && doc_filter
                .as_ref()
                .is_none_or(|ids| ids.contains(d.id.as_str()))
                && options
                    .outlets
                    .as_ref()
                    .is_none_or(|outlets| d.outlet.as_ref().is_some_and(|o| outlets.contains(o)))
        })
        .map(|(doc, (matched, score))| (doc, matched, score))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    results.total = ranked.len();
    let highlight_terms: HashSet<&str> = highlight.iter().map(|&t| index.term(t)).collect();
    results.hits = ranked
        .into_iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .filter_map(|(doc, matched, score)| {
            let d = docs.get(doc as usize)?;
            Some(Hit {
                id: d.id.clone(),
                title: d.title.clone(),
                date: d.date.clone(),
                score,
                matched,
                snippet: snippet::snippet(d, &highlight_terms),
            })
        })
        .collect();
    results
}

/// Documents an excluded clause matches: exact terms only, no typo or
/// prefix guessing (excluding by a guess would hide what the reader wants).
fn exact_matches(scorer: &Scorer<'_>, clause: &Clause) -> HashSet<DocId> {
    let index = scorer.index;
    match clause {
        Clause::Word(w) => index
            .find_term(&w.term)
            .map(|t| index.postings(t).map(|p| p.doc).collect())
            .unwrap_or_default(),
        Clause::Phrase(words) => {
            let mut sets = words.iter().map(|(_, w)| {
                index
                    .find_term(&w.term)
                    .map(|t| index.postings(t).map(|p| p.doc).collect::<HashSet<_>>())
                    .unwrap_or_default()
            });
            let first = sets.next().unwrap_or_default();
            sets.fold(first, |acc, s| acc.intersection(&s).copied().collect())
        }
        Clause::Any(alts) => alts.iter().flat_map(|a| exact_matches(scorer, a)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_is_bounded() {
        let a: Vec<char> = "pachinyan".chars().collect();
        assert_eq!(bounded_edit_distance(&a, "pachinian", 2), Some(1));
        assert_eq!(bounded_edit_distance(&a, "pachniian", 2), Some(2));
        assert_eq!(bounded_edit_distance(&a, "karabakh", 2), None);
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
    }
}
