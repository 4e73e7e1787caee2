//! French text analysis: the one place that decides what a word is, how it is
//! folded and stemmed, and which words carry no topic. The index, the query
//! parser and the claim extractor all read text through this module, so the
//! same word is the same term everywhere.

pub mod fold;
pub mod sentence;
pub mod tokenize;

use std::collections::HashSet;
use std::sync::LazyLock;

pub use fold::fold;
pub use tokenize::{Token, TokenKind, tokenize};

static STOPWORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../data/stopwords_fr.txt"))
        .map(|w| fold(&w))
        .collect()
});

/// The lines of a data file: trimmed, without blank lines and `#` comments.
pub fn data_lines(source: &str) -> impl Iterator<Item = String> + '_ {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
}

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
    match token.kind {
        TokenKind::Elision => None,
        TokenKind::Number => Some(token.folded.clone()),
        TokenKind::Word if is_stopword(&token.folded) => None,
        TokenKind::Word => Some(stem(&token.folded)),
    }
}

/// A token as the index and the query see it: its position in the text
/// (stop words keep theirs, so phrases match across them) and its term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analyzed {
    pub token: Token,
    pub position: u32,
    pub term: Option<String>,
}

/// Tokens of `text` with positions and terms.
pub fn analyze(text: &str) -> Vec<Analyzed> {
    tokenize(text)
        .into_iter()
        .enumerate()
        .map(|(i, token)| Analyzed {
            term: term_of(&token),
            position: i as u32,
            token,
        })
        .collect()
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
