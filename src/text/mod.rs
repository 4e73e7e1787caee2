//! French text analysis: the one place that decides what a word is, how it is
//! folded and stemmed, and which words carry no topic. The index, the query
//! parser and the claim extractor all read text through this module, so the
//! same word is the same term everywhere. Dates are read here too
//! (`dates`: the cleaner's datelines and the extractor's date facts), and
//! every word list under `data/` is read with `data`.

pub mod aliases;
pub mod data;
pub mod dates;
pub mod fnv;
pub mod fold;
pub mod glue;
pub mod sentence;
pub mod tokenize;

use std::sync::LazyLock;

use fnv::HashSet;

pub use data::{Sections, data_lines};
pub use fold::{fold, key, lower};
pub use glue::Vocabulary;
pub use tokenize::{
    Token, TokenKind, TokenRef, for_each_token, is_elision, tokenize, tokenize_split,
};

// (FNV, not the standard hasher: every token of the corpus and of each query
// is looked up, and the words are short.)
static STOPWORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(crate::data_file!(include_str!(
        "../../data/stopwords_fr.txt"
    )))
    .map(|w| fold(&w))
    .collect()
});

/// A function word that carries no topic ("le", "de", "été"); `folded` is a
/// token's folded form.
pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.contains(folded)
}

thread_local! {
    static STEMMER: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French);
}

/// The Snowball French stem of a folded word. Stemming the folded form (not
/// the accented one) keeps "deployes" typed without accents equal to
/// "déployés" in the text.
pub fn stem(folded: &str) -> String {
    STEMMER.with(|s| s.stem(folded).into_owned())
}

/// The term a token is indexed and searched under, or `None` when the token
/// carries no topic (stop words, elisions).
pub fn term_of(token: &Token) -> Option<String> {
    term_for(token.kind, &token.folded)
}

/// The term of a token of this kind and folded form (see [`term_of`]).
pub fn term_for(kind: TokenKind, folded: &str) -> Option<String> {
    match kind {
        TokenKind::Elision => None,
        TokenKind::Number => Some(folded.to_owned()),
        TokenKind::Word if is_stopword(folded) => None,
        TokenKind::Word => Some(stem(folded)),
    }
}

/// A token as the index and the query see it: its position in the text
/// (stop words keep theirs, so phrases match across them) and its term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analyzed {
    pub token: Token,
    pub position: u32,
    pub term: Option<String>,
    /// An extra reading: a glued run as written ("informeun"), given at the
    /// position of its last part so that phrases over the parts and over
    /// the run both hold. Readers wanting one reading of the text skip it.
    pub glued: bool,
}

/// Tokens of `text` with positions and terms.
pub fn analyze(text: &str) -> Vec<Analyzed> {
    analyze_split(text, &[])
}

/// Tokens of `text` with positions and terms, as [`analyze`] gives them,
/// where `known` gives the term of a word form analysed before (the index
/// records the term of each of its forms): a lookup instead of stemming.
/// `known` answers as the analysis would, or not at all.
pub fn analyze_known(text: &str, known: &dyn Fn(&str) -> Option<String>) -> Vec<Analyzed> {
    tokenize(text)
        .into_iter()
        .enumerate()
        .map(|(i, token)| Analyzed {
            term: match token.kind {
                TokenKind::Word if !is_stopword(&token.folded) => {
                    known(&token.folded).or_else(|| term_of(&token))
                }
                _ => term_of(&token),
            },
            position: i as u32,
            token,
            glued: false,
        })
        .collect()
}

/// Tokens of `text` with positions and terms, reading a space at each of
/// `splits` (see [`tokenize_split`]); each glued run also comes whole, as
/// an extra reading marked `glued`.
pub fn analyze_split(text: &str, splits: &[u32]) -> Vec<Analyzed> {
    let parts = tokenize_split(text, splits);
    let wholes: Vec<Token> = if splits.is_empty() {
        Vec::new()
    } else {
        tokenize(text)
            .into_iter()
            .filter(|t| {
                splits
                    .iter()
                    .any(|&p| t.start < p as usize && (p as usize) < t.end)
            })
            .collect()
    };
    let mut out = Vec::with_capacity(parts.len() + wholes.len());
    let mut wholes = wholes.into_iter().peekable();
    for (i, token) in parts.into_iter().enumerate() {
        let end = token.end;
        out.push(Analyzed {
            term: term_of(&token),
            position: i as u32,
            token,
            glued: false,
        });
        while let Some(whole) = wholes.next_if(|w| w.end <= end) {
            if whole.end == end {
                out.push(Analyzed {
                    term: term_of(&whole),
                    position: i as u32,
                    token: whole,
                    glued: true,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_agree_with_and_without_accents() {
        assert_eq!(stem(&fold("déployés")), stem("deployes"));
        assert_eq!(stem("soldats"), stem("soldat"));
        assert_eq!(stem("observateurs"), stem("observateur"));
    }

    #[test]
    fn stop_words_are_folded() {
        assert!(is_stopword("a"));
        assert!(is_stopword("ete"));
        assert!(is_stopword("de"));
        assert!(!is_stopword("accord"));
    }

    #[test]
    fn glued_runs_come_as_parts_and_whole() {
        let text = "Conflit auHaut-Karabakh";
        let splits = [text.find("Haut").unwrap() as u32];
        let got: Vec<(&str, u32, bool)> = analyze_split(text, &splits)
            .iter()
            .map(|a| (&text[a.token.start..a.token.end], a.position, a.glued))
            .collect();
        assert_eq!(
            got,
            [
                ("Conflit", 0, false),
                ("au", 1, false),
                ("Haut", 2, false),
                ("auHaut", 2, true),
                ("Karabakh", 3, false),
            ]
        );
        assert_eq!(analyze("auHaut").len(), 1);
    }

    #[test]
    fn terms_skip_stop_words_and_keep_numbers() {
        let terms: Vec<_> = tokenize("L’accord de 2.000 soldats")
            .iter()
            .filter_map(term_of)
            .collect();
        assert_eq!(
            terms,
            vec![stem("accord"), "2000".to_owned(), stem("soldats")]
        );
    }
}
