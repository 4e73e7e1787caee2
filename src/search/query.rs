//! The query language a reader types: words, "phrases in quotes", -exclusions,
//! OR between alternatives. Words are analysed exactly as the index analyses
//! text (same tokeniser, folding, stemming, stop words).

use crate::text::{self, TokenKind};

/// Longest query read; the rest is ignored (and the answer says so).
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most clauses read from one query.
pub const MAX_CLAUSES: usize = 32;

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
    /// Words at fixed relative positions: a quoted phrase or a compound
    /// ("cessez-le-feu", "Haut-Karabakh").
    Phrase(Vec<(u32, QueryWord)>),
    /// Alternatives joined by OR.
    Any(Vec<Clause>),
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

/// Parses a query. `prefix_last`: the last word is still being typed.
pub fn parse(input: &str, prefix_last: bool) -> Query {
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
    for (i, chunk) in chunks.into_iter().enumerate() {
        if !chunk.quoted && !chunk.negated && chunk.text == "OR" {
            pending_or = !query.clauses.is_empty();
            continue;
        }
        let is_last = i + 1 == n_chunks;
        let Some(clause) = analyse_chunk(&chunk, prefix_last && ends_open && is_last) else {
            continue;
        };
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
    }
    query
}

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

fn analyse_chunk(chunk: &Chunk, prefix: bool) -> Option<Clause> {
    let analyzed = text::analyze(&chunk.text);
    let words: Vec<(u32, QueryWord)> = analyzed
        .iter()
        .filter_map(|a| {
            let term = a.term.clone()?;
            Some((
                a.position,
                QueryWord {
                    folded: a.token.folded.clone(),
                    number: a.token.kind == TokenKind::Number,
                    prefix: false,
                    term,
                },
            ))
        })
        .collect();
    // A lone stop word is not worth searching, unless typing has only begun
    // ("pa" may become "paix").
    if words.is_empty() {
        let last = analyzed.last()?;
        if prefix && last.token.kind == TokenKind::Word && last.token.folded.chars().count() >= 2 {
            return Some(Clause::Word(QueryWord {
                folded: last.token.folded.clone(),
                term: text::stem(&last.token.folded),
                number: false,
                prefix: true,
            }));
        }
        return None;
    }
    let trailing_word = analyzed.last().is_some_and(|a| a.term.is_some());
    if words.len() == 1 {
        let (_, mut word) = words.into_iter().next()?;
        word.prefix = prefix && trailing_word && !word.number && !chunk.quoted;
        return Some(Clause::Word(word));
    }
    let base = words[0].0;
    Some(Clause::Phrase(
        words.into_iter().map(|(p, w)| (p - base, w)).collect(),
    ))
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
            Clause::Phrase(words) => {
                assert_eq!(words.len(), 2);
                assert_eq!(words[1].0, 3);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&q.clauses[1], Clause::Phrase(w) if w.len() == 2));
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
