//! Spacing repairs around punctuation in scraped text: spaces lost after a
//! sentence stop, a comma or a number when a page was flattened ("fin.Le
//! début", "graves,mais", "8:15Mis à jour"), and spaces an annotation tool
//! put before commas and full stops ("Vincennes , une"). Each repair is
//! local, keeps the source map exact, and is applied by [`copy_repaired`]
//! while a cleaned text is built.
//!
//! Two words run together with no punctuation between them ("informeun",
//! "surTelegram") are another matter: whether they are two words depends on
//! the corpus's vocabulary, so `text::glue` finds them once the whole corpus
//! is read, and they become the document's `lost_spaces`.

use std::ops::Range;

use super::sourcemap::TextBuilder;

enum Edit {
    /// Insert a space before this byte.
    Space(usize),
    /// Drop these bytes.
    Drop(Range<usize>),
}

/// Appends `source[range]` to `out`, repairing spacing on the way.
pub fn copy_repaired(out: &mut TextBuilder<'_>, range: Range<usize>) {
    let source = out.source();
    let Some(piece) = source.get(range.clone()) else {
        return;
    };
    let edits = find_edits(piece, range.start);
    let mut at = range.start;
    for edit in edits {
        match edit {
            Edit::Space(pos) => {
                out.copy(at..pos);
                out.emit(" ", pos);
                at = pos;
            }
            Edit::Drop(r) => {
                out.copy(at..r.start);
                at = r.end;
            }
        }
    }
    out.copy(at..range.end);
}

/// The repaired form of a string (for titles and fields kept outside a
/// document's text).
pub fn repaired(s: &str) -> String {
    let mut b = TextBuilder::new(s, 0);
    copy_repaired(&mut b, 0..s.len());
    b.finish().0
}

/// True when text ending with `before` and text starting with `after`,
/// written one after the other (two HTML elements with no space between),
/// lost the space that separates them: "8:15" + "Mis à jour".
pub fn space_between(before: &str, after: &str) -> bool {
    let tail_start = before.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    let tail = &before[tail_start..];
    let head_end = after.char_indices().nth(3).map_or(after.len(), |(i, _)| i);
    let joined = format!("{tail}{}", &after[..head_end]);
    find_edits(&joined, 0)
        .iter()
        .any(|e| matches!(e, Edit::Space(p) if *p == tail.len()))
}

fn find_edits(piece: &str, base: usize) -> Vec<Edit> {
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut edits = Vec::new();
    let letter = |k: usize| chars.get(k).is_some_and(|c| c.1.is_alphabetic());
    let lower = |k: usize| chars.get(k).is_some_and(|c| c.1.is_lowercase());
    let upper = |k: usize| chars.get(k).is_some_and(|c| c.1.is_uppercase());
    for i in 1..chars.len() {
        let (pos, c) = chars[i];
        let prev = chars[i - 1].1;
        let after_stop = upper(i)
            && lower(i + 1)
            && matches!(prev, '.' | '!' | '?')
            && i >= 3
            && lower(i - 2)
            && lower(i - 3)
            && !in_address(&chars, i - 1);
        // "8:15Mis à jour": a time or a number glued to a word.
        let after_digit =
            upper(i) && lower(i + 1) && prev.is_ascii_digit() && number_token(&chars, i);
        let after_comma =
            prev == ',' && letter(i) && i >= 2 && lower(i - 2) && !in_address(&chars, i - 1);
        if after_stop || after_comma || after_digit {
            edits.push(Edit::Space(base + pos));
        } else if (c == ',' || c == '.') && (prev == ' ' || prev == '\t') {
            // "Vincennes , une" / "droit ." : drop the spaces before.
            let mut s = i - 1;
            while s > 0 && matches!(chars[s - 1].1, ' ' | '\t') {
                s -= 1;
            }
            let before_ok = s > 0
                && (chars[s - 1].1.is_alphanumeric() || matches!(chars[s - 1].1, ')' | '»' | '"'));
            let after_ok = chars
                .get(i + 1)
                .is_none_or(|n| n.1.is_whitespace() || matches!(n.1, '"' | '»' | ')'));
            if before_ok && after_ok {
                edits.push(Edit::Drop(base + chars[s].0..base + pos));
            }
        }
    }
    edits
}

/// True when the punctuation at `chars[p]` sits in a web or mail address or
/// a file name (no space back to the previous separator, and a dot, slash or
/// at sign in that run).
fn in_address(chars: &[(usize, char)], p: usize) -> bool {
    in_token(chars, p, &['/', '@', '.', ':'])
}

/// True when the run of non-spaces before `chars[i]` is a time or a year
/// ("8:15", "15h30", "2020"), not a name like "20Minutes", "A320Neo".
fn number_token(chars: &[(usize, char)], i: usize) -> bool {
    let mut s = i;
    while s > 0 && i - s < 20 && !chars[s - 1].1.is_whitespace() {
        s -= 1;
        let c = chars[s].1;
        if !(c.is_ascii_digit() || matches!(c, ':' | 'h' | 'H')) {
            return false;
        }
    }
    let token: String = chars[s..i].iter().map(|c| c.1).collect();
    let clock = token.contains([':', 'h', 'H']) && token.starts_with(|c: char| c.is_ascii_digit());
    clock || (token.len() == 4 && token.chars().all(|c| c.is_ascii_digit()))
}

/// True when the run of non-spaces before `chars[p]` holds one of `marks`.
fn in_token(chars: &[(usize, char)], p: usize, marks: &[char]) -> bool {
    let mut s = p;
    while s > 0 && p - s < 100 && !chars[s - 1].1.is_whitespace() {
        s -= 1;
        if marks.contains(&chars[s].1) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_inner_capitals_stay() {
        for s in [
            "YouTube et iPhone",
            "McDonald's",
            "la société BioNTech",
            "LeBron James",
            "DiCaprio",
            "MaPrimeRénov",
        ] {
            assert_eq!(repaired(s), s);
        }
    }

    #[test]
    fn sentence_and_comma_spaces() {
        assert_eq!(repaired("la fin.Le début"), "la fin. Le début");
        assert_eq!(repaired("pas graves,mais elle"), "pas graves, mais elle");
        assert_eq!(repaired("2,5 millions"), "2,5 millions");
        assert_eq!(
            repaired("voir lemonde.fr et M.Dupont"),
            "voir lemonde.fr et M.Dupont"
        );
        assert_eq!(
            repaired("Vincennes , une policière ."),
            "Vincennes, une policière."
        );
        assert_eq!(repaired("2 septembre 2016 . –"), "2 septembre 2016. –");
        assert_eq!(repaired("il dit ... rien"), "il dit ... rien");
        assert_eq!(repaired("à 8:15Mis à jour"), "à 8:15 Mis à jour");
        assert!(space_between("Le 04/02/2024 à 8:15", "Mis à jour"));
        assert!(!space_between("Le ", "Monde"));
        assert!(!space_between("Mc", "Donald"));
        assert_eq!(
            repaired("la 4G et 5Go, le A320Neo"),
            "la 4G et 5Go, le A320Neo"
        );
        assert_eq!(
            repaired("selon 20Minutes, 6Ter et 4Drive"),
            "selon 20Minutes, 6Ter et 4Drive"
        );
        assert_eq!(repaired("en 2020Le conflit"), "en 2020 Le conflit");
    }
}
