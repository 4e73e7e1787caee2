//! From a file's text to a cleaned text cut into paragraphs, format by
//! format: plain text and `.jsonl` texts here, Markdown in `markdown.rs`,
//! HTML in `html.rs`. Every format ends as the same [`Prepared`] value, which
//! `segment.rs` turns into a document.

use super::DateSource;
use super::repair::copy_repaired;
use super::sourcemap::{SourceMap, TextBuilder};

/// What the markup says a paragraph is; the cleaner has the last word
/// (a heading that reads "Lire aussi" is still furniture).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Hint {
    #[default]
    None,
    /// The page's headline (`<h1>`, a Markdown `# Title`).
    Title,
    Heading,
    Caption,
    ListItem,
    Quote,
    /// A dateline cut from the start of a paragraph ("22 mai 2012. -").
    Dateline,
}

/// A paragraph: byte range into the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub hint: Hint,
}

#[derive(Clone, Debug, Default)]
pub struct Prepared {
    pub text: String,
    pub map: SourceMap,
    pub paragraphs: Vec<Paragraph>,
    /// A title the file gives outside its text (HTML `<title>`, Markdown
    /// front matter).
    pub title: Option<String>,
    pub date: Option<(String, DateSource)>,
    /// The publisher the markup names (`og:site_name`).
    pub site_name: Option<String>,
}

impl Prepared {
    /// The text of each paragraph, in order.
    #[cfg(test)]
    pub(super) fn paragraph_texts(&self) -> Vec<&str> {
        self.paragraphs
            .iter()
            .map(|q| &self.text[q.start..q.end])
            .collect()
    }
}

/// Opens a paragraph at the end of `b`, a blank line after the text so far
/// (standing for source byte `at`); returns where it starts.
pub fn open_paragraph(b: &mut TextBuilder, at: usize) -> usize {
    if !b.is_empty() {
        b.emit("\n\n", at);
    }
    b.len()
}

/// Closes the paragraph opened at `start`: trailing spaces go, and it is
/// kept only if text is left. Returns whether it was kept.
pub fn close_paragraph(
    b: &mut TextBuilder,
    paragraphs: &mut Vec<Paragraph>,
    start: usize,
    hint: Hint,
) -> bool {
    b.trim_end_matches(char::is_whitespace);
    let kept = b.len() > start;
    if kept {
        paragraphs.push(Paragraph {
            start,
            end: b.len(),
            hint,
        });
    }
    kept
}

/// A plain text (`.txt` after its header, a `.jsonl` text field): spacing
/// repaired, one paragraph a line (or a group of lines, when the text is
/// hard-wrapped). `base`: characters of the file before `text`.
pub fn prepare_plain(text: &str, base: u32) -> Prepared {
    let mut b = TextBuilder::new(text, base);
    copy_repaired(&mut b, 0..text.len());
    let (text, map) = b.finish();
    let paragraphs = line_paragraphs(&text, 0..text.len());
    Prepared {
        text,
        map,
        paragraphs,
        ..Prepared::default()
    }
}

/// A trimmed non-empty line: byte range, and whether a blank line (or the
/// start) precedes it.
struct Line {
    start: usize,
    end: usize,
    after_blank: bool,
}

fn lines_of(text: &str, range: std::ops::Range<usize>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = range.start;
    let mut blank = true;
    for line in text[range].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blank = true;
        } else {
            let start = offset + lead;
            out.push(Line {
                start,
                end: start + trimmed.len(),
                after_blank: blank,
            });
            blank = false;
        }
        offset += line.len();
    }
    out
}

/// Ends like a sentence or a heading that is complete.
fn ends_closed(line: &str) -> bool {
    let t = line
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '"' | '”' | ')' | '’'));
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn starts_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// A line that starts a list item or a quoted reply: never joined to the
/// line before it.
fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—' | '>' | '►' | '▶' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// Hard-wrapped text (lines cut at a fixed width, paragraphs separated by
/// blank lines): most lines that run on into the next are of similar, medium
/// length, and none is long.
fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    let width = |l: &Line| text[l.start..l.end].chars().count();
    if lines.iter().any(|l| width(l) > 120) {
        return false;
    }
    let running: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[1].after_blank)
        .map(|w| width(&w[0]))
        .collect();
    running.len() >= 3
        && running.iter().filter(|&&n| (40..=100).contains(&n)).count() * 5 >= running.len() * 4
}

/// The paragraphs of `text[range]`: one a line, except that a line broken
/// in the middle of a sentence is joined to the next (and every line of a
/// hard-wrapped paragraph).
pub fn line_paragraphs(text: &str, range: std::ops::Range<usize>) -> Vec<Paragraph> {
    let lines = lines_of(text, range);
    let wrapped = is_hard_wrapped(text, &lines);
    let mut out: Vec<Paragraph> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let this = &text[line.start..line.end];
        let join = i > 0 && !line.after_blank && !starts_item(this) && {
            let prev = &text[lines[i - 1].start..lines[i - 1].end];
            (wrapped && !ends_closed_short(prev)) || (!ends_closed(prev) && starts_lower(this))
        };
        match out.last_mut() {
            Some(p) if join => p.end = line.end,
            _ => out.push(Paragraph {
                start: line.start,
                end: line.end,
                hint: Hint::None,
            }),
        }
    }
    out
}

/// In hard-wrapped text a short line that ends a sentence ends its
/// paragraph (the last line of a paragraph with no blank line after it).
fn ends_closed_short(line: &str) -> bool {
    ends_closed(line) && line.chars().count() < 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_a_line_with_offsets_kept() {
        let p = prepare_plain("  Un.\r\n\r\nDeux \u{a0}\nTrois", 0);
        assert_eq!(p.paragraph_texts(), ["Un.", "Deux", "Trois"]);
    }

    #[test]
    fn lines_broken_mid_sentence_are_joined() {
        let p = prepare_plain(
            "Le ministre a\ndéclaré que tout va bien.\nUne autre ligne.",
            0,
        );
        assert_eq!(
            p.paragraph_texts(),
            [
                "Le ministre a\ndéclaré que tout va bien.",
                "Une autre ligne."
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Les dirigeants de la Russie, de l'Azerbaïdjan et de l'Arménie\n\
                    ont signé le 10 novembre une déclaration commune sur une\n\
                    cessation complète des hostilités dans le Haut-Karabakh.\n\
                    \n\
                    Selon le document, plusieurs secteurs passent sous le contrôle\n\
                    de l'Azerbaïdjan et les parties procèdent à un échange.\n";
        let p = prepare_plain(text, 0);
        assert_eq!(p.paragraphs.len(), 2);
        assert!(p.paragraph_texts()[1].ends_with("échange."));
    }

    #[test]
    fn short_lines_of_a_page_stay_apart() {
        let p = prepare_plain("Titre de l'article\n- Avec AFP\nPhoto : X\nSuivez-nous", 0);
        assert_eq!(p.paragraphs.len(), 4);
    }
}
