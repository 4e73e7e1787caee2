//! The query language a reader types: words, "phrases in quotes", -exclusions,
//! OR between alternatives. Words are analysed exactly as the index analyses
//! text (same tokeniser, folding, stemming, stop words); names are widened to
//! their other spellings from the alias table (`data/aliases_fr.txt`).

use crate::text::fnv::HashMap;
use std::sync::LazyLock;

use crate::text::{self, TokenKind};

/// Longest query read; the rest is ignored (and the answer says so).
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most clauses read from one query.
pub const MAX_CLAUSES: usize = 32;
/// Words a quoted phrase lets in between its own, in all: "soldats de la
/// paix" finds "soldats de maintien de la paix" (a noun and its
/// preposition, the commonest French insertion: "soldats russes de la
/// paix", "accord de cessez-le-feu"), but not the same words scattered
/// over a sentence. Matches with insertions score less (see search).
pub const PHRASE_SLOP: u32 = 2;
/// Longest run of typed words looked up in the alias table.
const MAX_ALIAS_WORDS: usize = 4;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// Folded surface form as typed ("deployes").
    pub folded: String,
    /// The index term (stem, or digits for a number).
    pub term: String,
    /// A number: matched exactly, never by prefix or typo.
    pub number: bool,
    /// The reader may still be typing it: match word forms that start with it.
    pub prefix: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    Word(QueryWord),
    /// Words in order at the given relative positions, with up to `slop`
    /// extra words in between in all: a quoted phrase, or a compound typed
    /// whole ("cessez-le-feu", "Haut-Karabakh", with `slop` 0).
    Phrase {
        words: Vec<(u32, QueryWord)>,
        slop: u32,
    },
    /// Alternatives joined by OR: a document scores for each it matches.
    Any(Vec<Clause>),
    /// Spellings of one name ("Latchine", "Latchin"): a document scores for
    /// the best it matches.
    Variants(Vec<Clause>),
}

impl Clause {
    /// The terms of a plain word or phrase, in order (alias lookup key).
    fn terms(&self) -> Option<Vec<&str>> {
        match self {
            Clause::Word(w) => Some(vec![w.term.as_str()]),
            Clause::Phrase { words, .. } => {
                Some(words.iter().map(|(_, w)| w.term.as_str()).collect())
            }
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Scored clauses: a document matching more of them ranks higher.
    pub clauses: Vec<Clause>,
    /// A document matching any of these is left out.
    pub excluded: Vec<Clause>,
    /// Something the reader should know about how the query was read.
    pub notes: Vec<String>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// A piece of the query before analysis.
struct Chunk {
    text: String,
    quoted: bool,
    negated: bool,
}

/// The alias table: every spelling as a clause, grouped, and the groups by
/// the terms of each spelling.
struct Aliases {
    groups: Vec<Vec<Clause>>,
    /// Keyed by `alias_key` of the terms.
    by_terms: HashMap<String, usize>,
}

/// One string for a list of terms, to look them up without a list of
/// strings made for every lookup (terms hold no control characters, so the
/// separator keeps the lists apart).
fn alias_key<'t>(terms: impl IntoIterator<Item = &'t str>) -> String {
    let mut key = String::new();
    for (i, term) in terms.into_iter().enumerate() {
        if i > 0 {
            key.push('\u{1f}');
        }
        key.push_str(term);
    }
    key
}

static ALIASES: LazyLock<Aliases> = LazyLock::new(|| {
    let mut aliases = Aliases {
        groups: Vec::new(),
        by_terms: HashMap::default(),
    };
    for spellings in &text::aliases::SPELLINGS.groups {
        let group: Vec<Clause> = spellings
            .iter()
            .filter_map(|spelling| {
                let chunk = Chunk {
                    text: spelling.clone(),
                    quoted: false,
                    negated: false,
                };
                analyse_chunk(&chunk, false, &|_| None)
            })
            .collect();
        if group.len() < 2 {
            continue;
        }
        let id = aliases.groups.len();
        for clause in &group {
            if let Some(terms) = clause.terms() {
                aliases.by_terms.entry(alias_key(terms)).or_insert(id);
            }
        }
        aliases.groups.push(group);
    }
    aliases
});

/// `clause` widened to the other spellings of the name it is, if the alias
/// table knows it.
fn with_aliases(clause: Clause) -> Clause {
    // Looked up without a list or key made for a word (its key is its term):
    // names are few among the words typed.
    let group = match &clause {
        Clause::Word(w) => ALIASES.by_terms.get(w.term.as_str()),
        Clause::Phrase { words, .. } => ALIASES
            .by_terms
            .get(&alias_key(words.iter().map(|(_, w)| w.term.as_str()))),
        _ => None,
    };
    let (Some(&group), Some(terms)) = (group, clause.terms()) else {
        return clause;
    };
    let key: Vec<String> = terms.into_iter().map(str::to_owned).collect();
    let mut variants = vec![clause];
    for other in &ALIASES.groups[group] {
        if other.terms().is_some_and(|t| t != key) && !variants.contains(other) {
            variants.push(other.clone());
        }
    }
    if variants.len() == 1 {
        return variants.remove(0);
    }
    Clause::Variants(variants)
}

/// Parses a query. `prefix_last`: the last word is still being typed.
pub fn parse(input: &str, prefix_last: bool) -> Query {
    parse_known(input, prefix_last, &|_| None)
}

/// Parses a query (see `parse`), the terms of word forms `known` gives
/// looked up there (see `text::analyze_known`).
pub fn parse_known(
    input: &str,
    prefix_last: bool,
    known: &dyn Fn(&str) -> Option<String>,
) -> Query {
    let mut query = Query::default();
    let input = if input.chars().count() > MAX_QUERY_CHARS {
        query.notes.push(format!(
            "query shortened to its first {MAX_QUERY_CHARS} characters"
        ));
        let cut = input
            .char_indices()
            .nth(MAX_QUERY_CHARS)
            .map_or(input.len(), |c| c.0);
        &input[..cut]
    } else {
        input
    };
    let ends_open = !input.ends_with(|c: char| c.is_whitespace() || c == '"');
    let chunks = split_chunks(input);
    let n_chunks = chunks.len();
    let mut pending_or = false;
    // Clauses that came from one plain typed word each (alias runs).
    let mut plain: Vec<bool> = Vec::new();
    for (i, chunk) in chunks.into_iter().enumerate() {
        if !chunk.quoted && !chunk.negated && chunk.text == "OR" {
            pending_or = !query.clauses.is_empty();
            continue;
        }
        let is_last = i + 1 == n_chunks;
        let Some(clause) = analyse_chunk(&chunk, prefix_last && ends_open && is_last, known) else {
            continue;
        };
        let is_plain_word = !chunk.quoted && matches!(clause, Clause::Word(_));
        let clause = with_aliases(clause);
        if chunk.negated {
            query.excluded.push(clause);
            continue;
        }
        if pending_or {
            pending_or = false;
            if let Some(prev) = query.clauses.pop() {
                let merged = match prev {
                    Clause::Any(mut alts) => {
                        alts.push(clause);
                        Clause::Any(alts)
                    }
                    other => Clause::Any(vec![other, clause]),
                };
                query.clauses.push(merged);
                if let Some(p) = plain.last_mut() {
                    *p = false;
                }
                continue;
            }
        }
        if query.clauses.len() == MAX_CLAUSES {
            query
                .notes
                .push(format!("only the first {MAX_CLAUSES} words are searched"));
            break;
        }
        query.clauses.push(clause);
        plain.push(is_plain_word);
    }
    join_alias_runs(&mut query.clauses, &plain);
    query
}

/// Typed words that together spell a name of the alias table ("Nagorno
/// Karabakh", "Ben Laden") become one clause with its other spellings.
/// `plain[i]`: clause `i` is one word typed on its own.
#[inline(never)]
fn join_alias_runs(clauses: &mut Vec<Clause>, plain: &[bool]) {
    // A run is two words at least.
    if clauses.len() < 2 {
        return;
    }
    // Taken out one by one as they are placed (moved, not copied).
    let mut old: Vec<Option<Clause>> = std::mem::take(clauses).into_iter().map(Some).collect();
    fn plain_word<'c>(
        old: &'c [Option<Clause>],
        plain: &[bool],
        k: usize,
    ) -> Option<&'c QueryWord> {
        match &old[k] {
            Some(Clause::Word(w)) if plain.get(k) == Some(&true) => Some(w),
            _ => None,
        }
    }
    let mut i = 0;
    while i < old.len() {
        let mut joined = None;
        for len in (2..=MAX_ALIAS_WORDS.min(old.len() - i)).rev() {
            let Some(run) = (i..i + len)
                .map(|k| plain_word(&old, plain, k))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            if ALIASES
                .by_terms
                .contains_key(&alias_key(run.iter().map(|w| w.term.as_str())))
            {
                let words = run
                    .into_iter()
                    .enumerate()
                    .map(|(k, w)| {
                        let word = QueryWord {
                            prefix: false,
                            ..w.clone()
                        };
                        (k as u32, word)
                    })
                    .collect();
                joined = Some((len, with_aliases(Clause::Phrase { words, slop: 0 })));
                break;
            }
        }
        match joined {
            Some((len, clause)) => {
                clauses.push(clause);
                i += len;
            }
            None => {
                clauses.extend(old[i].take());
                i += 1;
            }
        }
    }
}

/// The query cut into chunks: a word or a quoted phrase each, marked when
/// a `-` excludes it.
/// Out of line, as `join_alias_runs`: `parse_known` runs once per search
/// and stays short for V8 to optimise (see `search::run`'s phases).
#[inline(never)]
fn split_chunks(input: &str) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            match chars.peek() {
                Some(&n) if !n.is_whitespace() => negated = true,
                _ => continue,
            }
        }
        let quoted = chars.peek().is_some_and(|&c| is_quote(c));
        let mut text = String::new();
        if quoted {
            chars.next();
            for c in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                text.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                text.push(c);
                chars.next();
            }
        }
        // "2 000": a number whose thousands were typed with a space.
        if let Some(prev) = chunks.last_mut()
            && !quoted
            && !negated
            && !prev.quoted
            && is_digit_group(&prev.text, 1)
            && is_digit_group(&text, 3)
            && text.len() == 3
        {
            prev.text.push(' ');
            prev.text.push_str(&text);
            continue;
        }
        chunks.push(Chunk {
            text,
            quoted,
            negated,
        });
    }
    chunks
}

/// Digits whose last group (after a space) has `min`..=3 digits.
fn is_digit_group(s: &str, min: usize) -> bool {
    let last = s.rsplit(' ').next().unwrap_or("");
    (min..=3).contains(&last.len()) && s.bytes().all(|b| b.is_ascii_digit() || b == b' ')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„')
}

fn analyse_chunk(
    chunk: &Chunk,
    prefix: bool,
    known: &dyn Fn(&str) -> Option<String>,
) -> Option<Clause> {
    let mut analyzed = text::analyze_known(&chunk.text, known);
    let trailing_word = analyzed.last().is_some_and(|a| a.term.is_some());
    // A lone stop word is not worth searching, unless typing has only begun
    // ("pa" may become "paix").
    let lone = match analyzed.last() {
        Some(last) if !analyzed.iter().any(|a| a.term.is_some()) => {
            let begun = prefix
                && last.token.kind == TokenKind::Word
                && last.token.folded.chars().count() >= 2;
            if !begun {
                return None;
            }
            analyzed.pop()
        }
        _ => None,
    };
    if let Some(last) = lone {
        return Some(Clause::Word(QueryWord {
            term: text::stem(&last.token.folded),
            folded: last.token.folded,
            number: false,
            prefix: true,
        }));
    }
    // The words' texts are moved out of the analysis, not copied.
    let words: Vec<(u32, QueryWord)> = analyzed
        .into_iter()
        .filter_map(|a| {
            Some((
                a.position,
                QueryWord {
                    number: a.token.kind == TokenKind::Number,
                    folded: a.token.folded,
                    prefix: false,
                    term: a.term?,
                },
            ))
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    if words.len() == 1 {
        let (_, mut word) = words.into_iter().next()?;
        word.prefix = prefix && trailing_word && !word.number && !chunk.quoted;
        return Some(Clause::Word(word));
    }
    let base = words[0].0;
    Some(Clause::Phrase {
        words: words.into_iter().map(|(p, w)| (p - base, w)).collect(),
        slop: if chunk.quoted { PHRASE_SLOP } else { 0 },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(c: &Clause) -> &QueryWord {
        match c {
            Clause::Word(w) => w,
            other => panic!("not a word: {other:?}"),
        }
    }

    #[test]
    fn words_phrases_exclusions_or() {
        let q = parse(
            "\"soldats de la paix\" cessez-le-feu -Hadrout Erevan OR Bakou",
            false,
        );
        assert_eq!(q.clauses.len(), 3);
        match &q.clauses[0] {
            Clause::Phrase { words, slop } => {
                assert_eq!(words.len(), 2);
                assert_eq!(words[1].0, 3);
                assert_eq!(*slop, PHRASE_SLOP);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&q.clauses[1], Clause::Phrase { words, slop: 0 } if words.len() == 2));
        assert!(matches!(&q.clauses[2], Clause::Any(a) if a.len() == 2));
        assert_eq!(word(&q.excluded[0]).folded, "hadrout");
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        let q = parse("soldats dep", true);
        assert!(!word(&q.clauses[0]).prefix);
        assert!(word(&q.clauses[1]).prefix);
        let q = parse("soldats dep ", true);
        assert!(!word(&q.clauses[1]).prefix);
    }

    #[test]
    fn numbers_match_as_written() {
        for q in ["2.000", "2 000", "2000"] {
            let parsed = parse(q, false);
            assert_eq!(parsed.clauses.len(), 1, "{q}");
            assert_eq!(word(&parsed.clauses[0]).term, "2000");
        }
    }

    #[test]
    fn names_bring_their_other_spellings() {
        let spelled = |c: &Clause| -> Vec<Vec<String>> {
            match c {
                Clause::Variants(v) => v
                    .iter()
                    .map(|c| c.terms().unwrap().into_iter().map(str::to_owned).collect())
                    .collect(),
                other => panic!("{other:?}"),
            }
        };
        let q = parse("Nagorno-Karabakh", false);
        let variants = spelled(&q.clauses[0]);
        assert_eq!(variants[0], [text::stem("nagorno"), text::stem("karabakh")]);
        assert!(variants.contains(&vec![text::stem("haut"), text::stem("karabakh")]));
        // The same name typed as two words, among other words.
        let q = parse("accord Nagorno Karabakh Bakou", false);
        assert_eq!(q.clauses.len(), 3);
        assert!(spelled(&q.clauses[1]).contains(&vec![text::stem("haut"), text::stem("karabakh")]));
        assert!(matches!(&q.clauses[2], Clause::Variants(_)));
        let q = parse("-Kyiv", false);
        assert!(matches!(&q.excluded[0], Clause::Variants(v) if v.len() >= 2));
        assert!(matches!(
            &parse("Karabakh", false).clauses[0],
            Clause::Word(_)
        ));
    }

    #[test]
    fn strange_queries() {
        assert!(parse("", true).is_empty());
        assert!(parse("   ", true).is_empty());
        assert!(parse("?!;,.«»", true).is_empty());
        assert!(parse("-", true).is_empty());
        assert!(parse("\"", true).is_empty());
        assert!(parse("OR OR", true).is_empty());
        let long = "mot ".repeat(5000);
        let q = parse(&long, true);
        assert!(q.clauses.len() <= MAX_CLAUSES);
        assert!(!q.notes.is_empty());
    }
}
