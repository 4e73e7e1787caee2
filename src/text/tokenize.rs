//! French tokenisation with offsets into the text as stored.
//!
//! A token is a word, a number or an elided article/pronoun ("l’", "qu’").
//! Hyphenated compounds ("cessez-le-feu", "Haut-Karabakh", "a-t-il") come out
//! as their parts, each marked as joined to the previous one, so a compound can
//! be matched whole (as a phrase of its parts) or by any part. Numbers written
//! with thousands separators ("2.000", "2 000", "2 000") come out as one
//! number token whose folded form is the plain digits ("2000").

use super::fold::{CharClass, classify, push_folded};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// An elided form before an apostrophe: l’ d’ qu’ jusqu’ …
    Elision,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    /// Lower case, no diacritics; digits only for numbers ("2000", "2.5").
    pub folded: String,
    pub kind: TokenKind,
    /// True for the second and later parts of a hyphenated compound.
    pub hyphen_joined: bool,
    /// The token starts with an upper-case letter.
    pub capitalized: bool,
}

/// Forms that French elides before a vowel. Everything else followed by an
/// apostrophe ("aujourd’hui", "O’Brien") stays one word.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu",
];

pub fn is_elision(folded: &str) -> bool {
    ELISIONS.contains(&folded)
}

/// A token lent to a callback by [`for_each_token`]: like [`Token`], but its
/// folded form borrows a buffer reused from one token to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'a> {
    pub start: usize,
    pub end: usize,
    pub folded: &'a str,
    pub kind: TokenKind,
    pub hyphen_joined: bool,
    pub capitalized: bool,
}

impl TokenRef<'_> {
    pub fn to_token(self) -> Token {
        Token {
            start: self.start,
            end: self.end,
            folded: self.folded.to_owned(),
            kind: self.kind,
            hyphen_joined: self.hyphen_joined,
            capitalized: self.capitalized,
        }
    }
}

/// Tokenises `text`. Never panics, whatever the input.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_split(text, &[])
}

/// Tokenises `text` as if a space stood at each byte offset of `splits`
/// (sorted): the places where a scraper lost the space between two words
/// ("informeun" → "informe" "un", "déploiementd’un" → "déploiement" "d’"
/// "un"). The offsets come from [`super::glue::Vocabulary::split_points`];
/// offsets that are not inside a word are ignored.
pub fn tokenize_split(text: &str, splits: &[u32]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    for_each_token(text, splits, |t| tokens.push(t.to_token()));
    tokens
}

thread_local! {
    /// The characters of the text being tokenised, reused between calls.
    static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The tokens of `tokenize_split(text, splits)`, handed one at a time to
/// `emit` without allocating each (the fast path for scanning many texts).
pub fn for_each_token(text: &str, splits: &[u32], mut emit: impl FnMut(TokenRef<'_>)) {
    CHARS.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut chars) => scan(text, splits, &mut chars, &mut emit),
        // Tokenising from inside `emit`: use a buffer of its own.
        Err(_) => scan(text, splits, &mut Vec::new(), &mut emit),
    })
}

fn scan(
    text: &str,
    splits: &[u32],
    chars: &mut Vec<(usize, char)>,
    emit: &mut dyn FnMut(TokenRef<'_>),
) {
    chars.clear();
    chars.extend(text.char_indices());
    let chars = &chars[..];
    let mut folded = String::new();
    let mut i = 0;
    while i < chars.len() {
        let class = classify(chars[i].1);
        if class != CharClass::Alnum {
            i += 1;
            continue;
        }
        // A word: alnum runs joined by inner apostrophes and hyphens.
        let word_start = i;
        let mut j = i;
        loop {
            while j < chars.len()
                && matches!(
                    classify(chars[j].1),
                    CharClass::Alnum | CharClass::Invisible | CharClass::Combining
                )
            {
                j += 1;
            }
            // An apostrophe or hyphen continues the word only between letters/digits.
            if j + 1 < chars.len()
                && matches!(
                    classify(chars[j].1),
                    CharClass::Apostrophe | CharClass::Hyphen
                )
                && classify(chars[j + 1].1) == CharClass::Alnum
            {
                j += 1;
                continue;
            }
            break;
        }
        let end_byte = chars.get(j).map_or(text.len(), |c| c.0);
        if let Some(number_end) = number_extent(chars, word_start, j) {
            let end = chars.get(number_end).map_or(text.len(), |c| c.0);
            emit_number(chars, word_start, number_end, end, &mut folded, emit);
            i = number_end;
            continue;
        }
        split_word(
            text,
            chars,
            word_start,
            j,
            end_byte,
            splits,
            &mut folded,
            emit,
        );
        i = j;
    }
}

/// If the word at `chars[start..end]` is a run of digits that continues as a
/// number written with separators, the end of the whole number; also the end
/// of a plain all-digit word (so it is emitted as a number).
fn number_extent(chars: &[(usize, char)], start: usize, end: usize) -> Option<usize> {
    if !chars[start..end].iter().all(|c| c.1.is_ascii_digit()) {
        return None;
    }
    let digits_at = |from: usize| {
        let mut k = from;
        while k < chars.len() && chars[k].1.is_ascii_digit() {
            k += 1;
        }
        k - from
    };
    let ends_word =
        |k: usize| k >= chars.len() || !matches!(classify(chars[k].1), CharClass::Alnum);
    let mut end = end;
    let first_group = end - start;
    let mut grouped = false;
    // Thousands: "2.000", "2 000", "1.234.567"; the leading group has 1-3 digits.
    if first_group <= 3 {
        loop {
            if end + 4 > chars.len() {
                break;
            }
            let sep = chars[end].1;
            let sep_ok = sep == '.' || classify(sep) == CharClass::Space && sep != '\n';
            if sep_ok && digits_at(end + 1) == 3 && ends_word(end + 4) {
                end += 4;
                grouped = true;
            } else {
                break;
            }
        }
    }
    // Decimal comma: "2,5", "1,75".
    if end + 1 < chars.len() && chars[end].1 == ',' {
        let n = digits_at(end + 1);
        if n > 0 && ends_word(end + 1 + n) && (grouped || first_group <= 4) {
            end += 1 + n;
        }
    }
    Some(end)
}

fn emit_number(
    chars: &[(usize, char)],
    start: usize,
    end: usize,
    end_byte: usize,
    folded: &mut String,
    emit: &mut dyn FnMut(TokenRef<'_>),
) {
    let span = &chars[start..end];
    folded.clear();
    for (k, &(_, c)) in span.iter().enumerate() {
        if c.is_ascii_digit() {
            folded.push(c);
        } else if c == ',' && span[k + 1..].iter().all(|d| d.1.is_ascii_digit()) {
            folded.push('.');
        }
    }
    emit(TokenRef {
        start: chars[start].0,
        end: end_byte,
        folded: folded.as_str(),
        kind: TokenKind::Number,
        hyphen_joined: false,
        capitalized: false,
    });
}

/// Splits a word at elisions, hyphens and restored spaces (`splits`) and
/// emits its tokens.
#[allow(clippy::too_many_arguments)]
fn split_word(
    text: &str,
    chars: &[(usize, char)],
    start: usize,
    end: usize,
    end_byte: usize,
    splits: &[u32],
    folded: &mut String,
    emit: &mut dyn FnMut(TokenRef<'_>),
) {
    let mut part_start = start;
    let mut hyphen_joined = false;
    let mut k = start;
    folded.clear();
    let restored_space = |k: usize| {
        !splits.is_empty()
            && u32::try_from(chars[k].0).is_ok_and(|b| splits.binary_search(&b).is_ok())
    };
    while k <= end {
        let boundary = if k == end {
            Some(CharClass::Space)
        } else if k > part_start && restored_space(k) {
            // A lost space: end the part here without consuming the char.
            Some(CharClass::Punct)
        } else {
            match classify(chars[k].1) {
                c @ (CharClass::Apostrophe | CharClass::Hyphen) => Some(c),
                _ => None,
            }
        };
        let Some(boundary) = boundary else {
            push_folded(chars[k].1, folded);
            k += 1;
            continue;
        };
        if boundary == CharClass::Apostrophe {
            if is_elision(folded) {
                // The elided form keeps its apostrophe in the span ("l’").
                emit(TokenRef {
                    start: chars[part_start].0,
                    end: chars[k + 1].0,
                    folded: folded.as_str(),
                    kind: TokenKind::Elision,
                    hyphen_joined,
                    capitalized: chars[part_start].1.is_uppercase(),
                });
                folded.clear();
                part_start = k + 1;
                hyphen_joined = false;
            } else {
                folded.push('\'');
            }
            k += 1;
            continue;
        }
        let part_end = if k == end { end_byte } else { chars[k].0 };
        if part_start < k {
            let all_digits = folded.bytes().all(|b| b.is_ascii_digit());
            emit(TokenRef {
                start: chars[part_start].0,
                end: part_end,
                folded: folded.as_str(),
                kind: if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                hyphen_joined,
                capitalized: chars[part_start].1.is_uppercase(),
            });
        }
        folded.clear();
        hyphen_joined = boundary == CharClass::Hyphen;
        if boundary == CharClass::Punct {
            part_start = k;
        } else {
            part_start = k + 1;
            k += 1;
        }
    }
    debug_assert!(text.is_char_boundary(end_byte));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn elisions_with_both_apostrophes() {
        let toks = tokenize("L’accord d'Hadrout jusqu’au bout, aujourd'hui");
        let words: Vec<_> = toks.iter().map(|t| (t.folded.as_str(), t.kind)).collect();
        assert_eq!(
            words,
            vec![
                ("l", TokenKind::Elision),
                ("accord", TokenKind::Word),
                ("d", TokenKind::Elision),
                ("hadrout", TokenKind::Word),
                ("jusqu", TokenKind::Elision),
                ("au", TokenKind::Word),
                ("bout", TokenKind::Word),
                ("aujourd'hui", TokenKind::Word),
            ]
        );
        let text = "L’accord";
        assert_eq!(&text[toks[1].start..toks[1].end], "accord");
    }

    #[test]
    fn hyphenated_compounds_come_out_as_joined_parts() {
        let toks = tokenize("le cessez-le-feu au Haut-Karabakh");
        let parts: Vec<_> = toks
            .iter()
            .map(|t| (t.folded.as_str(), t.hyphen_joined))
            .collect();
        assert_eq!(
            parts,
            vec![
                ("le", false),
                ("cessez", false),
                ("le", true),
                ("feu", true),
                ("au", false),
                ("haut", false),
                ("karabakh", true),
            ]
        );
        assert!(toks[5].capitalized);
    }

    #[test]
    fn numbers_as_readers_write_them() {
        assert_eq!(folded("2.000 soldats"), ["2000", "soldats"]);
        assert_eq!(folded("2 000 soldats"), ["2000", "soldats"]);
        assert_eq!(folded("2\u{202F}000 soldats"), ["2000", "soldats"]);
        assert_eq!(folded("1.234.567"), ["1234567"]);
        assert_eq!(folded("2,5 km"), ["2.5", "km"]);
        assert_eq!(folded("en 2020 300 morts"), ["en", "2020", "300", "morts"]);
        assert_eq!(
            folded("la guerre de 1992-1994"),
            ["la", "guerre", "de", "1992", "1994"]
        );
        assert_eq!(
            folded("fin 2020. 300 blessés"),
            ["fin", "2020", "300", "blesses"]
        );
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "«Il a dit» — 2 000 véhicules";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        let toks = tokenize(text);
        let num = toks.iter().find(|t| t.kind == TokenKind::Number).unwrap();
        assert_eq!(&text[num.start..num.end], "2 000");
    }

    #[test]
    fn strange_input_does_not_panic() {
        for s in [
            "",
            "'",
            "-",
            "l'",
            "'l",
            "a-",
            "-a",
            "2.",
            "2,",
            "2 00",
            "\u{301}",
            "é\u{200B}",
            "1 000 000 000 000 000 000 000",
            "x'-'y",
            "🙂-🙂",
        ] {
            let _ = tokenize(s);
        }
    }

    #[test]
    fn invisible_characters_inside_a_word_are_not_part_of_its_form() {
        // A zero-width space, a soft hyphen, a bidi pop in scraped text: the
        // word is the one a reader sees, its span the text as stored.
        let text = "Kara\u{200B}bakh Ha\u{AD}drout \u{202E}Erevan\u{202C} de\u{301}ploiement";
        let toks = tokenize(text);
        assert_eq!(
            folded(text),
            ["karabakh", "hadrout", "erevan", "deploiement"]
        );
        assert_eq!(&text[toks[0].start..toks[0].end], "Kara\u{200B}bakh");
    }
}
