//! Snippets: the passage of a hit that shows why it matched, as plain text
//! spans with the matched words marked. Never markup: the page renders each
//! span as a text node.

use crate::text::fnv::HashSet;

use serde::{Deserialize, Serialize};

use crate::corpus::{BlockKind, Document};
use crate::text::{self, TokenKind};

/// Words shown around the matches.
const WINDOW_TOKENS: usize = 36;
/// A stem shares at least this many leading letters with its word (Snowball
/// French strips and rewrites endings only), so a word whose first letters
/// match no matched term is not stemmed at all.
const KEY_BYTES: usize = 3;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SnippetSpan {
    pub text: String,
    /// This span is a matched word.
    pub mark: bool,
}

/// Tells which words of a text are matched terms, stemming only the words
/// that may be.
pub struct Highlighter<'a> {
    terms: &'a HashSet<&'a str>,
    /// The first letters of every matched term (a short list: compared
    /// directly, no hashing).
    keys: Vec<&'a [u8]>,
    /// How many distinct words of the query a passage can show at most.
    wanted: usize,
}

impl<'a> Highlighter<'a> {
    /// `wanted`: the query's clauses (a passage showing that many distinct
    /// matched words is as good as any).
    pub fn new(terms: &'a HashSet<&'a str>, wanted: usize) -> Highlighter<'a> {
        let mut keys: Vec<&[u8]> = terms
            .iter()
            .map(|t| &t.as_bytes()[..t.len().min(KEY_BYTES)])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        Highlighter {
            terms,
            keys,
            wanted,
        }
    }

    fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a token of the text is a matched term.
    fn matches(&self, token: &text::TokenRef<'_>) -> bool {
        if token.kind == TokenKind::Elision {
            return false;
        }
        let f = token.folded.as_bytes();
        let may = self
            .keys
            .iter()
            .any(|k| f.starts_with(k) || k.starts_with(f));
        may && text::term_for(token.kind, token.folded)
            .is_some_and(|t| self.terms.contains(t.as_str()))
    }
}

/// A token of a block: byte range in the block's text, and whether it matched.
type MarkedToken = (usize, usize, bool);

/// A block considered for the snippet.
struct Candidate<'a> {
    /// (distinct matched words, matches) in its best window.
    strength: (usize, usize),
    text: &'a str,
    tokens: Vec<MarkedToken>,
    window_start: usize,
}

/// The best passage of `doc` for the matched terms: the block with the most
/// distinct matched words, cut to a window around them. `splits`: where the
/// index restored lost spaces in the document's text.
pub fn snippet(doc: &Document, highlighter: &Highlighter) -> Vec<SnippetSpan> {
    let mut best: Option<Candidate> = None;
    for block in doc.article_blocks() {
        if block.kind == BlockKind::Title && doc.title.is_some() {
            continue;
        }
        let text = doc.block_text(block);
        let local = doc.lost_spaces_in(block.start as usize, block.end as usize);
        let mut tokens: Vec<MarkedToken> = Vec::new();
        text::for_each_token(text, &local, |t| {
            let hit = !highlighter.is_empty() && highlighter.matches(&t);
            tokens.push((t.start, t.end, hit));
        });
        if !local.is_empty() && !highlighter.is_empty() {
            // A glued run is also a word as written ("informeun"): marked
            // whole when the query named it so.
            let mut wholes: Vec<MarkedToken> = Vec::new();
            text::for_each_token(text, &[], |t| {
                let glued = local
                    .iter()
                    .any(|&p| t.start < p as usize && (p as usize) < t.end);
                if glued && highlighter.matches(&t) {
                    wholes.push((t.start, t.end, true));
                }
            });
            for whole in wholes {
                // Before its parts, so that the whole is what gets marked.
                let at = tokens.partition_point(|t| t.0 < whole.0);
                tokens.insert(at, whole);
            }
        }
        let (start, marks, distinct) = densest_window(text, &tokens);
        // The first block stands in when nothing matched in the body.
        if best.as_ref().is_none_or(|b| (distinct, marks) > b.strength) {
            best = Some(Candidate {
                strength: (distinct, marks),
                text,
                tokens,
                window_start: start,
            });
        }
        if best
            .as_ref()
            .is_some_and(|b| b.strength.0 >= highlighter.wanted.max(1))
        {
            break; // every word of the query in one window: good enough
        }
    }
    let Some(best) = best else {
        return Vec::new();
    };
    let start = best.window_start;
    let end = (start + WINDOW_TOKENS).min(best.tokens.len());
    spans(
        best.text,
        &best.tokens[start..end],
        start > 0,
        end < best.tokens.len(),
    )
}

/// A passage of `doc` (`start..end`: byte offsets into its text) as spans
/// with the matched words marked, cut to a window around them when long;
/// and how many words of the window are marked.
pub fn passage(
    doc: &Document,
    start: usize,
    end: usize,
    highlighter: &Highlighter,
) -> (Vec<SnippetSpan>, usize) {
    let Some(text) = doc.text.get(start..end) else {
        return (Vec::new(), 0);
    };
    let local = doc.lost_spaces_in(start, end);
    let mut tokens: Vec<MarkedToken> = Vec::new();
    text::for_each_token(text, &local, |t| {
        let hit = !highlighter.is_empty() && highlighter.matches(&t);
        tokens.push((t.start, t.end, hit));
    });
    if tokens.is_empty() {
        let whole = (!text.is_empty()).then(|| SnippetSpan {
            text: text.to_owned(),
            mark: false,
        });
        return (whole.into_iter().collect(), 0);
    }
    let (first, marks, _) = densest_window(text, &tokens);
    let last = (first + WINDOW_TOKENS).min(tokens.len());
    (
        spans(text, &tokens[first..last], first > 0, last < tokens.len()),
        marks,
    )
}

/// How many words of `text` are matched terms (a speaker's name, say).
pub fn marked_words(text: &str, highlighter: &Highlighter) -> usize {
    if highlighter.is_empty() {
        return 0;
    }
    let mut n = 0;
    text::for_each_token(text, &[], |t| {
        if highlighter.matches(&t) {
            n += 1;
        }
    });
    n
}

/// The window of `WINDOW_TOKENS` tokens with the most distinct matched
/// words: (first token, marks, distinct marked words).
fn densest_window(text: &str, tokens: &[MarkedToken]) -> (usize, usize, usize) {
    let marked: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].2).collect();
    if marked.is_empty() {
        return (0, 0, 0);
    }
    let mut best = (0, 0, 0);
    for (k, &first) in marked.iter().enumerate() {
        let in_window: Vec<usize> = marked[k..]
            .iter()
            .copied()
            .take_while(|&i| i < first + WINDOW_TOKENS)
            .collect();
        let distinct: HashSet<String> = in_window
            .iter()
            .map(|&i| text::fold(&text[tokens[i].0..tokens[i].1]))
            .collect();
        let key = (distinct.len(), in_window.len());
        if key > (best.2, best.1) {
            // Start a little before the first match, for context.
            let start = first.saturating_sub(WINDOW_TOKENS / 4);
            best = (start, in_window.len(), distinct.len());
        }
    }
    best
}

/// Turns a window of tokens into text spans; `clipped_*` say whether the
/// block goes on before or after it.
fn spans(
    text: &str,
    tokens: &[MarkedToken],
    clipped_before: bool,
    clipped_after: bool,
) -> Vec<SnippetSpan> {
    let mut out = Vec::new();
    let Some(first) = tokens.first() else {
        return out;
    };
    let from = if clipped_before { first.0 } else { 0 };
    let to = if clipped_after {
        tokens.last().map_or(text.len(), |t| t.1)
    } else {
        text.len()
    };
    let push = |s: &str, mark: bool, out: &mut Vec<SnippetSpan>| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if !last.mark && !mark => last.text.push_str(s),
            _ => out.push(SnippetSpan {
                text: s.to_owned(),
                mark,
            }),
        }
    };
    if clipped_before {
        push("… ", false, &mut out);
    }
    let mut cursor = from;
    for &(start, end, hit) in tokens {
        if !hit || start < cursor {
            continue;
        }
        push(&text[cursor..start], false, &mut out);
        push(&text[start..end], true, &mut out);
        cursor = end;
    }
    push(&text[cursor..to], false, &mut out);
    if clipped_after {
        push(" …", false, &mut out);
    }
    out
}
