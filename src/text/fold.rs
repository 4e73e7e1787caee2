//! Character-level normalisation shared by every reader of text: what counts
//! as a space, an apostrophe, a hyphen, an invisible character, and how a
//! character folds (case and diacritics) for matching.
//!
//! Everything here works one character at a time so that callers can keep
//! offsets into the text exactly as stored; there is no whole-string
//! normalisation pass whose offsets would no longer match the original.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// How a character takes part in a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    /// A letter or a digit.
    Alnum,
    /// ' ’ ‘ ʼ ′ and friends: elision or inner apostrophe.
    Apostrophe,
    /// - ‐ ‑ (not dashes used as punctuation: – — are `Punct`).
    Hyphen,
    /// Spaces of every width, including NBSP and the narrow NBSP French puts
    /// before « » ; : ! ?, and line breaks.
    Space,
    /// Characters a reader does not see and that must not split a word:
    /// zero-width joiners/spaces, soft hyphen, BOM, bidirectional controls.
    Invisible,
    /// A combining mark on its own (decomposed input): folds to nothing but
    /// belongs to the word it follows.
    Combining,
    /// Everything else: punctuation, symbols, emoji.
    Punct,
}

pub fn classify(c: char) -> CharClass {
    // Fast paths: ASCII and the Latin-1 letters of French text.
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => CharClass::Alnum,
            '\'' => CharClass::Apostrophe,
            '-' => CharClass::Hyphen,
            ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C' => CharClass::Space,
            _ => CharClass::Punct,
        };
    }
    if ('\u{C0}'..='\u{17F}').contains(&c) && c != '\u{D7}' && c != '\u{F7}' {
        return CharClass::Alnum;
    }
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{FF07}' => {
            CharClass::Apostrophe
        }
        '-' | '\u{2010}' | '\u{2011}' => CharClass::Hyphen,
        '\u{00AD}'
        | '\u{200B}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}' => CharClass::Invisible,
        c if c.is_whitespace() => CharClass::Space,
        c if c.is_alphanumeric() => CharClass::Alnum,
        c if is_combining_mark(c) => CharClass::Combining,
        _ => CharClass::Punct,
    }
}

/// Appends the folded form of `c` (lower case, no diacritics, ligatures
/// spelled out) to `out`; an invisible character folds to nothing, as a
/// combining mark does (a word keeps them inside it, its folded form not:
/// "Kara\u{200B}bakh" is "karabakh").
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            out.push('a')
        }
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => out.push('i'),
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => out.push('o'),
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
        'ç' | 'Ç' => out.push('c'),
        'ÿ' | 'Ÿ' | 'ý' | 'Ý' => out.push('y'),
        'ñ' | 'Ñ' => out.push('n'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        _ if classify(c) == CharClass::Invisible => {}
        _ => {
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// The folded form of a whole string, keeping only what `push_folded` keeps
/// and dropping invisible characters (used for names, titles, labels).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match classify(c) {
            CharClass::Invisible | CharClass::Combining => {}
            CharClass::Apostrophe => out.push('\''),
            CharClass::Hyphen => out.push('-'),
            CharClass::Space => out.push(' '),
            _ => push_folded(c, &mut out),
        }
    }
    out
}

/// The key in which lines and phrases are compared: folded words separated
/// by single spaces, every run of anything but letters and digits one
/// space ("À lire aussi :" and "A LIRE AUSSI" are both "a lire aussi").
pub fn key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lower case with accents kept, composed (NFC), apostrophes and hyphens
/// unified and invisible characters dropped as in [`fold`]: the key of the
/// words whose accents matter ("déclaré" is a participle, "déclare" a
/// present; "a" is an auxiliary, "à" a preposition).
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        match classify(c) {
            CharClass::Invisible => {}
            CharClass::Apostrophe => out.push('\''),
            CharClass::Hyphen => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True when the character begins with an upper-case letter (names, sentence
/// starts, glued words such as "auHaut").
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_ligatures() {
        assert_eq!(fold("Déployés"), "deployes");
        assert_eq!(fold("HADROUT"), "hadrout");
        assert_eq!(fold("Œuvre Ærø"), "oeuvre aero");
        assert_eq!(fold("Choïgou"), "choigou");
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for c in ('\u{0}'..='\u{17F}').chain(['œ', 'Ÿ', 'ẞ']) {
            let mut general = String::new();
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        general.push(d);
                    }
                });
            }
            let mut fast = String::new();
            push_folded(c, &mut fast);
            let special = matches!(
                c,
                'œ' | 'Œ' | 'æ' | 'Æ' | 'ß' | 'ẞ' | 'ø' | 'Ø' | 'đ' | 'Đ' | 'ł' | 'Ł' | 'ı'
            );
            if classify(c) == CharClass::Invisible {
                assert_eq!(fast, "", "{c:?}");
            } else if !special {
                assert_eq!(fast, general, "{c:?}");
            }
            let expected = if c == '\u{D7}' || c == '\u{F7}' {
                CharClass::Punct
            } else if c.is_alphanumeric() {
                CharClass::Alnum
            } else {
                classify(c)
            };
            assert_eq!(classify(c), expected, "{c:?}");
        }
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        // "é" written as e + combining acute accent.
        assert_eq!(fold("de\u{301}ploye\u{301}s"), fold("déployés"));
    }

    #[test]
    fn keys_fold_and_drop_punctuation() {
        assert_eq!(key("À lire aussi :"), "a lire aussi");
        assert_eq!(key("- Avec AFP"), "avec afp");
        assert_eq!(key("Suivez RT en français"), "suivez rt en francais");
    }

    #[test]
    fn lower_keeps_accents_and_unifies_marks() {
        assert_eq!(lower("Déclaré"), "déclaré");
        assert_eq!(lower("de\u{301}clare\u{301}"), "déclaré");
        assert_eq!(lower("Aujourd\u{2019}hui"), "aujourd'hui");
        assert_eq!(lower("dé\u{AD}claré"), "déclaré");
        assert_eq!(lower("porte\u{2011}parole"), "porte-parole");
    }

    #[test]
    fn invisible_characters_vanish_and_spaces_unify() {
        assert_eq!(fold("Ka\u{200B}ra\u{00AD}bakh"), "karabakh");
        assert_eq!(fold("2\u{202F}000"), "2 000");
        assert_eq!(fold("l\u{2019}accord"), "l'accord");
        // Inside a word too, where the tokeniser folds one character at a time.
        for c in [
            '\u{200B}', '\u{00AD}', '\u{202C}', '\u{2069}', '\u{FEFF}', '\u{200F}',
        ] {
            let mut out = String::new();
            push_folded(c, &mut out);
            assert_eq!(out, "", "{c:?}");
        }
    }
}
