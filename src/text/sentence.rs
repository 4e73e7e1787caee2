//! Sentences and quotations of a paragraph, with byte offsets into it.
//!
//! A quotation is a span between matching marks: « », “ ”, „ “ or a pair of
//! straight quotes; they nest (« … “ … ” … », or « … « … » … » as some
//! outlets write). A sentence never ends inside a quotation, so a quotation
//! of several sentences stays with the sentence that introduces or follows it.
//! A period after an abbreviation ("M.", "Mme", "av. J.-C.") or an initial
//! ("B. Obama") does not end a sentence either.

use crate::text::fnv::HashSet;
use std::sync::LazyLock;

use super::{data_lines, fold};

/// Deepest nesting of quotation marks followed; deeper marks are ignored, so
/// hostile input cannot grow the stack.
const MAX_DEPTH: usize = 8;

static ABBREVIATIONS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(crate::data_file!(include_str!(
        "../../data/abbreviations_fr.txt"
    )))
    .map(|w| fold(&w))
    .collect()
});

/// A quotation: `open..close` covers the marks, `inner_start..inner_end` the
/// quoted words (marks and surrounding spaces removed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub open: usize,
    pub close: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    /// True when the quotation sits inside another one.
    pub nested: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Guillemet,
    Curly,
    Low,
    Straight,
}

/// Every quotation of `text` whose marks match, in order of their opening
/// mark. Marks left open at the end of the text make no quotation.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new(); // (mark, open offset, mark length)
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let opener = match c {
            '«' => Some(Mark::Guillemet),
            '„' => Some(Mark::Low),
            '“' if !stack.iter().any(|s| s.0 == Mark::Low) => Some(Mark::Curly),
            '"' if !stack.iter().any(|s| s.0 == Mark::Straight) => {
                // A straight quote opens after a space or a bracket, before a word.
                let after_space =
                    prev.is_none_or(|p| p.is_whitespace() || "([«“'’-–—/".contains(p));
                let before_word = next.is_some_and(|n| !n.is_whitespace());
                (after_space && before_word).then_some(Mark::Straight)
            }
            _ => None,
        };
        if let Some(mark) = opener {
            if stack.len() < MAX_DEPTH {
                stack.push((mark, i, c.len_utf8()));
            }
            prev = Some(c);
            continue;
        }
        let closes = match c {
            '»' => Some(Mark::Guillemet),
            '”' => Some(Mark::Curly),
            '“' => Some(Mark::Low),
            '"' => Some(Mark::Straight),
            _ => None,
        };
        if let Some(mark) = closes {
            // Close the innermost matching opener; unmatched openers inside it
            // (a stray straight quote) are dropped.
            let matching = if mark == Mark::Curly {
                stack
                    .iter()
                    .rposition(|s| s.0 == Mark::Curly || s.0 == Mark::Low)
            } else {
                stack.iter().rposition(|s| s.0 == mark)
            };
            if let Some(k) = matching {
                let (_, open, len) = stack[k];
                stack.truncate(k);
                let close = i + c.len_utf8();
                let (inner_start, inner_end) = trim_span(text, open + len, i);
                found.push(Quotation {
                    open,
                    close,
                    inner_start,
                    inner_end,
                    nested: false,
                });
            }
        }
        prev = Some(c);
    }
    found.sort_by_key(|q| (q.open, std::cmp::Reverse(q.close)));
    let mut outer_end = 0;
    for q in &mut found {
        q.nested = q.open < outer_end;
        if !q.nested {
            outer_end = q.close;
        }
    }
    found
}

/// The outermost quotations only.
pub fn outer_quotations(text: &str) -> Vec<Quotation> {
    quotations(text).into_iter().filter(|q| !q.nested).collect()
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if lead + trail >= inner.len() {
        (start, start)
    } else {
        (start + lead, end - trail)
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Whether what follows a terminator at byte `at` starts a new sentence: a
/// space, then a capital letter, a digit, an opening mark or a dash.
fn starts_sentence(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return rest.is_empty();
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "«“„\"'([–—-".contains(c),
    }
}

/// The longest word (in characters) read back from a period: far longer than
/// any abbreviation, and a bound on the work, since a run without spaces
/// ("2.000.2.000.…" over a megabyte) was read back whole from every period.
const MAX_WORD_BEFORE: usize = 64;

/// Whether `c` continues a word read back from a period.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-' || c == '°'
}

/// The word ending at byte `end` (letters, digits, periods and hyphens), or
/// `Err` with its last [`MAX_WORD_BEFORE`] characters when it is longer.
fn word_before(text: &str, end: usize) -> Result<&str, &str> {
    let head = &text[..end];
    let mut start = 0;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if !is_word_char(c) {
            return Ok(&head[i + c.len_utf8()..]);
        }
        if n == MAX_WORD_BEFORE {
            return Err(&head[i + c.len_utf8()..]);
        }
        start = i;
    }
    Ok(&head[start..])
}

/// Whether the period at byte `at` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, at: usize) -> bool {
    let word = match word_before(text, at) {
        Ok(word) => word,
        // Too long to be one; its last part after a period may be ("…2.000.M.").
        Err(tail) => {
            return tail
                .rfind('.')
                .map(|p| &tail[p + 1..])
                .is_some_and(|last| !last.is_empty() && ABBREVIATIONS.contains(&fold(last)));
        }
    };
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next();
    // An initial: one capital letter ("B." in "B. Obama", "J." in "J.-C.").
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    let last = word.rsplit('.').next().unwrap_or(word);
    ABBREVIATIONS.contains(&fold(word)) || (!last.is_empty() && ABBREVIATIONS.contains(&fold(last)))
}

/// The sentences of `text` as byte ranges, trimmed of surrounding spaces.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let quotes = outer_quotations(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut q = 0;
    let mut i = 0;
    let bytes_len = text.len();
    while i < bytes_len {
        while q < quotes.len() && quotes[q].open < i {
            q += 1;
        }
        // Skip over a quotation whole; it may end the sentence after its mark.
        if q < quotes.len() && quotes[q].open == i {
            let quote = quotes[q];
            q += 1;
            let inner = &text[quote.inner_start..quote.inner_end];
            if inner.chars().last().is_some_and(is_terminator) && starts_sentence(text, quote.close)
            {
                push_trimmed(text, start, quote.close, &mut out);
                start = quote.close;
            }
            i = quote.close;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if is_terminator(c) {
            // The whole run of terminators and closing brackets.
            let mut end = i + len;
            while let Some(n) = text[end..].chars().next() {
                if is_terminator(n) || n == ')' || n == ']' {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            let abbreviation = c == '.' && end == i + 1 && is_abbreviation(text, i);
            if !abbreviation && starts_sentence(text, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        i += len;
    }
    push_trimmed(text, start, bytes_len, &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let (s, e) = trim_span(text, start, end);
    if s < e {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text)
            .into_iter()
            .map(|q| &text[q.inner_start..q.inner_end])
            .collect()
    }

    #[test]
    fn quotations_of_every_style() {
        assert_eq!(quoted("Il a dit «oui» puis « non »."), ["oui", "non"]);
        assert_eq!(quoted("“Bien” et \"mal\""), ["Bien", "mal"]);
        assert_eq!(quoted("„Gut“ dit-il"), ["Gut"]);
    }

    #[test]
    fn nested_quotations_are_marked() {
        let text = "« pourraient être incriminés pour « favoritisme » » et";
        let q = quotations(text);
        assert_eq!(q.len(), 2);
        assert!(!q[0].nested && q[1].nested);
        assert_eq!(
            &text[q[0].inner_start..q[0].inner_end],
            "pourraient être incriminés pour « favoritisme »"
        );
    }

    #[test]
    fn unmatched_marks_make_no_quotation() {
        assert!(quotations("« jamais fermé").is_empty());
        assert!(quotations("fermé » sans ouvrir").is_empty());
        // A stray straight quote inside guillemets does not swallow the closing mark.
        assert_eq!(
            quoted("a relevé que « \"ce n'est que tard »."),
            ["\"ce n'est que tard"]
        );
    }

    #[test]
    fn sentences_do_not_end_inside_quotations() {
        let text = "«Je suis là. Tu es là.», a-t-il dit. Puis il est parti.";
        assert_eq!(
            split(text),
            ["«Je suis là. Tu es là.», a-t-il dit.", "Puis il est parti."]
        );
        let text = "Il ajoute que « c'est fini. On part. » L'archevêque appelle.";
        assert_eq!(
            split(text),
            [
                "Il ajoute que « c'est fini. On part. »",
                "L'archevêque appelle."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        let text = "M. Moscovici a vu B. Obama. Il y avait 2.000 soldats. Fin.";
        assert_eq!(
            split(text),
            [
                "M. Moscovici a vu B. Obama.",
                "Il y avait 2.000 soldats.",
                "Fin."
            ]
        );
        assert_eq!(
            split("Il est parti (...) hier. Oui"),
            ["Il est parti (...) hier.", "Oui"]
        );
        assert_eq!(
            split("Valence . Il a agi seul."),
            ["Valence .", "Il a agi seul."]
        );
    }

    #[test]
    fn a_long_run_without_spaces_is_read_once() {
        // "2.000." a hundred thousand times: every period used to read the
        // whole run back (minutes); the words read back are bounded now.
        let run = "2.000.".repeat(100_000);
        let found = sentences(&run);
        assert_eq!(found, [(0, run.len())]);
        // At the end of a long word, after a period, an abbreviation is
        // still one ("M." here), as it was when the word was read whole.
        let text = format!("{}.M. Dupont est venu. Fin.", "a".repeat(200));
        assert_eq!(split(&text).len(), 2, "{:?}", split(&text));
        let text = format!("{}.Mme. Fin.", "a".repeat(200));
        assert_eq!(split(&text).len(), 1);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in [
            "",
            "«",
            "»",
            "\"",
            "««««««««««««",
            "....",
            "…",
            "a.\u{301}B",
            "« « » » » «",
        ] {
            let _ = sentences(s);
            let _ = quotations(s);
        }
    }
}
