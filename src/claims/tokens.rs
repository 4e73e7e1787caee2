//! The token stream the extractor reads: the words of `text::tokenize`, with
//! hyphenated compounds joined again ("porte-parole", "Haut-Karabakh") except
//! an inverted subject pronoun ("a-t-il", "dit-elle"), and the punctuation
//! between words, which carries the clause structure (commas, colons,
//! quotation marks).

use crate::text::dates::{DateToken, TokenClass};
use crate::text::sentence::{outer_quotations, sentences};
use crate::text::{TokenKind, fold, lower, tokenize_split};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// l' d' qu' n' s' …
    Elision,
    Punct(char),
    /// The opening mark of the document's quotation with this index.
    QuoteOpen(usize),
    QuoteClose(usize),
}

#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte offsets into the document's text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Folded form ("declare", "porte-parole"); the character for punctuation.
    pub folded: String,
    /// Lower case with accents ("déclaré"), for verb forms and auxiliaries.
    pub lower: String,
    pub cap: bool,
    /// Two letters or more, all capitals ("CGT", "ONU").
    pub all_caps: bool,
    /// Index of the document quotation this token is inside of (marks excluded).
    pub quote: Option<usize>,
    /// The pronoun of an inversion: "il" in "a-t-il", "elle" in "dit-elle".
    pub inv_pron: bool,
    /// First word of a sentence or of a quotation.
    pub initial: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }

    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number | Kind::Elision)
    }

    /// Punctuation `c` outside quotations: inside one, punctuation belongs to
    /// the quoted words and says nothing of the sentence around them.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c) && self.quote.is_none()
    }

    /// The word or elision `w` (folded).
    pub fn is(&self, w: &str) -> bool {
        matches!(self.kind, Kind::Word | Kind::Elision) && self.folded == w
    }
}

impl DateToken for Tok {
    fn folded(&self) -> &str {
        &self.folded
    }

    fn class(&self) -> TokenClass {
        match self.kind {
            Kind::Word => TokenClass::Word,
            Kind::Number => TokenClass::Number,
            Kind::Elision => TokenClass::Elision,
            Kind::Punct(',') if self.quote.is_none() => TokenClass::Comma,
            _ => TokenClass::Other,
        }
    }

    fn capitalized(&self) -> bool {
        self.cap
    }
}

/// A quotation of the document: marks at `open..close`, words at `inner_start..inner_end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    pub block: usize,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub toks: Vec<Tok>,
    pub start: usize,
    pub end: usize,
    /// Index of the block (paragraph) in the document's article blocks.
    pub block: usize,
}

const INVERSION_PRONOUNS: &[&str] = &["il", "elle", "ils", "elles", "on"];
const CLITIC_TAILS: &[&str] = &[
    "moi", "toi", "le", "la", "les", "lui", "leur", "nous", "vous", "y", "en", "je", "tu", "ce",
];

/// The sentences of the block `start..end` of `text`; its outermost
/// quotations are appended to `quotes` (token quote indices refer to it).
/// `lost_spaces` are the document's lost spaces inside the block, as offsets
/// from `start` (see `Document::lost_spaces_in`).
pub fn read_block(
    text: &str,
    start: usize,
    end: usize,
    lost_spaces: &[u32],
    block: usize,
    quotes: &mut Vec<Quote>,
) -> Vec<Sentence> {
    let Some(block_text) = text.get(start..end) else {
        return Vec::new();
    };
    let first_quote = quotes.len();
    for q in outer_quotations(block_text) {
        quotes.push(Quote {
            open: start + q.open,
            close: start + q.close,
            inner_start: start + q.inner_start,
            inner_end: start + q.inner_end,
            block,
        });
    }
    let block_quotes = &quotes[first_quote..];
    let toks = stream(block_text, lost_spaces, start, block_quotes, first_quote);
    let mut out: Vec<Sentence> = sentences(block_text)
        .into_iter()
        .map(|(s, e)| Sentence {
            toks: Vec::new(),
            start: start + s,
            end: start + e,
            block,
        })
        .collect();
    let mut k = 0;
    for t in toks {
        while k + 1 < out.len() && t.start >= out[k].end {
            k += 1;
        }
        if let Some(s) = out.get_mut(k) {
            s.toks.push(t);
        }
    }
    for s in &mut out {
        let mut after_open = true;
        for t in &mut s.toks {
            if matches!(t.kind, Kind::QuoteOpen(_)) {
                after_open = true;
            } else if t.is_wordlike() {
                t.initial = after_open;
                after_open = false;
            }
        }
    }
    out.retain(|s| !s.toks.is_empty());
    out
}

/// The folded words of a phrase as the stream reads them.
pub fn words_of(text: &str) -> Vec<String> {
    stream(text, &[], 0, &[], 0)
        .into_iter()
        .filter(Tok::is_wordlike)
        .map(|t| t.folded)
        .collect()
}

fn stream(
    block_text: &str,
    lost_spaces: &[u32],
    base: usize,
    quotes: &[Quote],
    first_quote: usize,
) -> Vec<Tok> {
    let words = tokenize_split(block_text, lost_spaces);
    let mut out = Vec::with_capacity(words.len() * 2);
    let mut cursor = 0;
    let mut i = 0;
    while i < words.len() {
        let mut j = i + 1;
        while j < words.len() && words[j].hyphen_joined && words[j].kind != TokenKind::Number {
            j += 1;
        }
        push_punct(
            block_text,
            cursor,
            words[i].start,
            base,
            quotes,
            first_quote,
            &mut out,
        );
        let group = &words[i..j];
        let numbers = group.iter().any(|w| w.kind == TokenKind::Number);
        if group.len() == 1 || numbers {
            for w in group {
                let mut t = word_tok(block_text, w.start, w.end, base, w.kind, w.capitalized);
                if w.kind == TokenKind::Number {
                    // "2.000", "2 000" → "2000": the tokenizer's reading.
                    t.folded = w.folded.clone();
                }
                out.push(t);
            }
        } else {
            let parts: Vec<&str> = group.iter().map(|w| w.folded.as_str()).collect();
            let last = parts[parts.len() - 1];
            let split_at = if INVERSION_PRONOUNS.contains(&last) || CLITIC_TAILS.contains(&last) {
                let mut head = parts.len() - 1;
                if head > 1 && parts[head - 1] == "t" {
                    head -= 1;
                }
                head
            } else {
                parts.len()
            };
            let head = &group[..split_at];
            // "dénonce t-il", written with a space: only the pronoun is left.
            let euphonic_only = split_at == 1 && parts[0] == "t" && split_at < parts.len();
            if !euphonic_only {
                out.push(word_tok(
                    block_text,
                    head[0].start,
                    head[head.len() - 1].end,
                    base,
                    TokenKind::Word,
                    head[0].capitalized,
                ));
            }
            if split_at < parts.len() {
                let tail = &group[group.len() - 1];
                let mut t = word_tok(block_text, tail.start, tail.end, base, tail.kind, false);
                t.inv_pron = INVERSION_PRONOUNS.contains(&last);
                out.push(t);
            }
        }
        cursor = group[group.len() - 1].end;
        i = j;
    }
    push_punct(
        block_text,
        cursor,
        block_text.len(),
        base,
        quotes,
        first_quote,
        &mut out,
    );
    for t in &mut out {
        if !matches!(t.kind, Kind::QuoteOpen(_) | Kind::QuoteClose(_)) {
            t.quote = quotes
                .iter()
                .position(|q| q.open < t.start && t.start < q.close)
                .map(|k| k + first_quote);
        }
    }
    out
}

fn word_tok(text: &str, start: usize, end: usize, base: usize, kind: TokenKind, cap: bool) -> Tok {
    let raw = &text[start..end];
    // `fold` drops invisible characters (soft hyphens, zero-width spaces).
    let folded = fold(raw);
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    Tok {
        start: base + start,
        end: base + end,
        kind: match kind {
            TokenKind::Word => Kind::Word,
            TokenKind::Number => Kind::Number,
            TokenKind::Elision => Kind::Elision,
        },
        folded: if kind == TokenKind::Elision {
            folded.trim_end_matches(['\'', '’']).to_owned()
        } else {
            folded
        },
        lower: lower(raw),
        cap,
        all_caps,
        quote: None,
        inv_pron: false,
        initial: false,
    }
}

fn push_punct(
    text: &str,
    from: usize,
    to: usize,
    base: usize,
    quotes: &[Quote],
    first_quote: usize,
    out: &mut Vec<Tok>,
) {
    let Some(gap) = text.get(from..to) else {
        return;
    };
    for (k, c) in gap.char_indices() {
        if c.is_whitespace()
            || c.is_alphanumeric()
            || matches!(c, '\'' | '’' | '\u{00AD}' | '\u{200B}')
        {
            continue;
        }
        let at = base + from + k;
        let kind = if let Some(q) = quotes.iter().position(|q| q.open == at) {
            Kind::QuoteOpen(q + first_quote)
        } else if let Some(q) = quotes.iter().position(|q| q.close == at + c.len_utf8()) {
            Kind::QuoteClose(q + first_quote)
        } else {
            Kind::Punct(match c {
                '\u{2026}' => '.',
                '!' | '?' => '.',
                '–' | '—' | '\u{2010}' | '\u{2011}' => '-',
                c => c,
            })
        };
        out.push(Tok {
            start: at,
            end: at + c.len_utf8(),
            kind,
            folded: c.to_string(),
            lower: c.to_string(),
            cap: false,
            all_caps: false,
            quote: None,
            inv_pron: false,
            initial: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        let mut quotes = Vec::new();
        read_block(text, 0, text.len(), &[], 0, &mut quotes)
            .into_iter()
            .flat_map(|s| s.toks)
            .map(|t| {
                if t.inv_pron {
                    format!("^{}", t.folded)
                } else {
                    t.folded
                }
            })
            .collect()
    }

    #[test]
    fn compounds_join_and_inversions_split() {
        assert_eq!(
            folded("le porte-parole a-t-il dit, ajoute-t-elle au Haut-Karabakh"),
            [
                "le",
                "porte-parole",
                "a",
                "^il",
                "dit",
                ",",
                "ajoute",
                "^elle",
                "au",
                "haut-karabakh"
            ]
        );
        assert_eq!(
            folded("le cessez-le-feu, dit-il"),
            ["le", "cessez-le-feu", ",", "dit", "^il"]
        );
    }

    #[test]
    fn quotation_marks_are_tokens_and_words_know_their_quotation() {
        let text = "Il a dit « oui, bien sûr » hier.";
        let mut quotes = Vec::new();
        let sentences = read_block(text, 0, text.len(), &[], 0, &mut quotes);
        let toks = &sentences[0].toks;
        assert_eq!(quotes.len(), 1);
        assert!(toks.iter().any(|t| t.kind == Kind::QuoteOpen(0)));
        let oui = toks.iter().find(|t| t.folded == "oui").expect("oui");
        assert_eq!(oui.quote, Some(0));
        assert!(oui.initial);
        let hier = toks.iter().find(|t| t.folded == "hier").expect("hier");
        assert_eq!(hier.quote, None);
    }
}
