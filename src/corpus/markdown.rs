//! Markdown files: the text a reader sees, without the marks. Headings
//! become heading paragraphs (the first `# Title` is the title), links keep
//! their text, images, link targets, emphasis marks, list and quote markers
//! and rules go. A YAML front matter (`---` … `---`) gives a title and a
//! date. The cleaned text maps back to the file as stored.

use std::ops::Range;

use super::DateSource;
use super::load::validate_date;
use super::prepare::{Hint, Paragraph, Prepared, close_paragraph, open_paragraph};
use super::repair::copy_repaired;
use super::sourcemap::TextBuilder;

/// The longest link target or inline tag looked for (bytes).
const MAX_LINK: usize = 2000;
/// The longest link text looked for (bytes).
const MAX_LINK_TEXT: usize = 300;

/// A line of the file: byte range without its line break.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    for l in src.split_inclusive('\n') {
        let content = l.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start: offset,
            end: offset + content.len(),
        });
        offset += l.len();
    }
    out
}

/// `base`: characters of the file before `src` (a date header).
pub fn prepare_markdown(src: &str, base: u32) -> Prepared {
    let all = lines(src);
    let text_of = |l: &Line| &src[l.start..l.end];
    let mut title = None;
    let mut date = None;
    let mut first = 0;
    // Front matter.
    if all.first().is_some_and(|l| text_of(l).trim_end() == "---")
        && let Some(close) = all
            .iter()
            .skip(1)
            .position(|l| matches!(text_of(l).trim_end(), "---" | "..."))
    {
        for l in &all[1..=close] {
            let Some((k, v)) = text_of(l).split_once(':') else {
                continue;
            };
            let v = v.trim().trim_matches(['"', '\'']).trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "title" | "titre" if !v.is_empty() => title = Some(v.to_owned()),
                "date" | "published" | "publié" => {
                    date = validate_date(v).map(|d| (d, DateSource::Header))
                }
                _ => {}
            }
        }
        first = close + 2;
    }

    let mut b = TextBuilder::new(src, base);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut open: Option<usize> = None; // start of the paragraph being read
    let mut in_fence = false;
    let mut heading_seen = false;
    let close = |b: &mut TextBuilder, open: &mut Option<usize>, paragraphs: &mut Vec<Paragraph>| {
        if let Some(start) = open.take() {
            close_paragraph(b, paragraphs, start, Hint::None);
        }
    };
    let lines = all.get(first..).unwrap_or(&[]);
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let raw = text_of(&l);
        let trimmed = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            close(&mut b, &mut open, &mut paragraphs);
            in_fence = !in_fence;
            i += 1;
            continue;
        }
        if trimmed.is_empty()
            || is_rule(trimmed)
            || is_link_definition(trimmed)
            || is_table_rule(trimmed)
        {
            close(&mut b, &mut open, &mut paragraphs);
            i += 1;
            continue;
        }
        // Setext heading: a line underlined with === or ---.
        let underlined = !in_fence
            && open.is_none()
            && lines.get(i + 1).is_some_and(|n| {
                let n = text_of(n).trim();
                !n.is_empty() && (n.chars().all(|c| c == '=') || n.chars().all(|c| c == '-'))
            });
        let atx = (!in_fence).then(|| atx_heading(raw)).flatten();
        let is_atx = atx.is_some();
        if let Some((level, range)) = atx.or(underlined.then(|| {
            let level = if text_of(&lines[i + 1]).trim().starts_with('=') {
                1
            } else {
                2
            };
            (level, lead..raw.len())
        })) {
            close(&mut b, &mut open, &mut paragraphs);
            let start = open_paragraph(&mut b, l.start);
            inline(&mut b, src, l.start + range.start..l.start + range.end);
            let hint = if level == 1 && !heading_seen && paragraphs.is_empty() {
                Hint::Title
            } else {
                Hint::Heading
            };
            if close_paragraph(&mut b, &mut paragraphs, start, hint) {
                heading_seen = true;
            }
            i += if is_atx { 1 } else { 2 };
            continue;
        }
        let (marker_len, hint) = if in_fence {
            (0, Hint::None)
        } else {
            block_marker(&raw[lead..])
        };
        let content = l.start + lead + marker_len..l.end;
        if hint != Hint::None || open.is_none() {
            close(&mut b, &mut open, &mut paragraphs);
            let start = open_paragraph(&mut b, l.start);
            inline(&mut b, src, content);
            if hint == Hint::None {
                open = Some(start);
            } else {
                // A list item or quote line is a paragraph of its own.
                close_paragraph(&mut b, &mut paragraphs, start, hint);
            }
        } else {
            // A continuation line of the same paragraph.
            b.emit("\n", l.start);
            inline(&mut b, src, content);
        }
        i += 1;
    }
    close(&mut b, &mut open, &mut paragraphs);
    let (text, map) = b.finish();
    Prepared {
        text,
        map,
        paragraphs,
        title,
        date,
        site_name: None,
    }
}

fn is_rule(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

fn is_table_rule(t: &str) -> bool {
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// "[1]: https://…"
fn is_link_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.split_once("]:")
            .is_some_and(|(label, _)| !label.contains(']'))
}

/// "## Titre ##" → (2, range of "Titre" in the line).
fn atx_heading(line: &str) -> Option<(usize, Range<usize>)> {
    let lead = line.len() - line.trim_start().len();
    if lead > 3 {
        return None;
    }
    let rest = &line[lead..];
    let level = rest.bytes().take_while(|&c| c == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let after = &rest[level..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None; // "#hashtag"
    }
    let content_start = lead + level + (after.len() - after.trim_start().len());
    let mut content = line[content_start..].trim_end();
    let closing = content.trim_end_matches('#');
    if closing.len() < content.len() && (closing.is_empty() || closing.ends_with(' ')) {
        content = closing.trim_end();
    }
    Some((level, content_start..content_start + content.len()))
}

/// A list or quote marker opening a line: its length and what it makes.
fn block_marker(line: &str) -> (usize, Hint) {
    if let Some(rest) = line.strip_prefix('>') {
        let n = 1 + (rest.len() - rest.trim_start().len());
        return (n, Hint::Quote);
    }
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(m) {
            return (
                m.len() + rest.len() - rest.trim_start().len(),
                Hint::ListItem,
            );
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            // Keep the number: "1. Le premier point" reads as a list.
            return (0, Hint::ListItem);
        }
    }
    (0, Hint::None)
}

/// Copies `src[range]` without inline marks: images go, links keep their
/// text, emphasis and code marks and backslash escapes go, inline HTML tags
/// go.
fn inline(b: &mut TextBuilder, src: &str, range: Range<usize>) {
    let s = &src[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    let mut run = 0; // start of pending text
    let mut i = 0;
    let mut next_gt: Option<Option<usize>> = None;
    let flush = |b: &mut TextBuilder, from: usize, to: usize| {
        if to > from {
            copy_repaired(b, base + from..base + to);
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                flush(b, run, i);
                run = i + 1;
                i += 2;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                if let Some((_, end)) = link_at(s, i + 1) {
                    flush(b, run, i);
                    run = end;
                    i = end;
                } else {
                    i += 1;
                }
            }
            b'[' => {
                if let Some((text, end)) = link_at(s, i) {
                    flush(b, run, i);
                    flush(b, text.start, text.end);
                    run = end;
                    i = end;
                } else {
                    i += 1;
                }
            }
            b'*' | b'_' | b'~' | b'`' => {
                let mark = bytes[i];
                let n = bytes[i..].iter().take_while(|&&c| c == mark).count();
                let prev = s[..i].chars().next_back();
                let next = s[i + n..].chars().next();
                // "_" inside a word ("snake_case") is not a mark; "~" needs two.
                let inner_underscore = mark == b'_'
                    && prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                let flanking = next.is_some_and(|c| !c.is_whitespace())
                    || prev.is_some_and(|c| !c.is_whitespace());
                if !inner_underscore && flanking && (mark != b'~' || n >= 2) {
                    flush(b, run, i);
                    run = i + n;
                }
                i += n;
            }
            b'<' => {
                // The next ">" (remembered: "<<<<…" must not rescan the line).
                if next_gt.is_none_or(|g| g.is_some_and(|g| g < i)) {
                    next_gt = Some(s[i..].find('>').map(|e| i + e));
                }
                let close = next_gt
                    .flatten()
                    .filter(|&g| g - i <= MAX_LINK)
                    .map(|g| g + 1);
                let tag_like = bytes
                    .get(i + 1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/');
                match close {
                    Some(end)
                        if tag_like && (!s[i..end].contains(' ') || s[i..end].contains('=')) =>
                    {
                        flush(b, run, i);
                        let inner = &s[i + 1..end - 1];
                        // "<https://…>": an autolink keeps its address.
                        if inner.contains("://") || inner.contains('@') {
                            flush(b, i + 1, end - 1);
                        }
                        run = end;
                        i = end;
                    }
                    _ => i += 1,
                }
            }
            _ => i += s[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    flush(b, run, bytes.len());
}

/// `[text](target)` or `[text][ref]` at `s[i]` == '[': the text's range
/// and the end of the link.
fn link_at(s: &str, i: usize) -> Option<(Range<usize>, usize)> {
    let bytes = s.as_bytes();
    let mut depth = 0;
    let mut j = i;
    let close = loop {
        // A link's text is short; looking further would make "[[[[…" slow.
        if j > i + MAX_LINK_TEXT {
            return None;
        }
        match bytes.get(j)? {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
    };
    let (open, shut) = match bytes.get(close + 1) {
        Some(b'(') => (b'(', b')'),
        Some(b'[') => (b'[', b']'),
        _ => return None,
    };
    let _ = open;
    let target = &s[close + 2..];
    let end = target.bytes().take(MAX_LINK).position(|c| c == shut)? + close + 2 + 1;
    Some((i + 1..close, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Prepared) -> Vec<(&str, Hint)> {
        p.paragraphs
            .iter()
            .map(|q| (&p.text[q.start..q.end], q.hint))
            .collect()
    }

    #[test]
    fn marks_go_and_text_stays() {
        let src = "---\ntitle: \"Un titre\"\ndate: 2021-03-26\n---\n\n# Le titre\n\n\
                   Le **ministre** a [déclaré](https://ex.fr/a) que _tout_ va bien.\n\
                   Suite de la ligne.\n\n![photo](a.jpg)\n\n## Le contexte\n\n\
                   - premier point\n- second point\n\n> Une citation.\n\n---\n\nFin `code` snake_case.\n";
        let p = prepare_markdown(src, 0);
        assert_eq!(p.title.as_deref(), Some("Un titre"));
        assert_eq!(p.date, Some(("2021-03-26".into(), DateSource::Header)));
        assert_eq!(
            texts(&p),
            [
                ("Le titre", Hint::Title),
                (
                    "Le ministre a déclaré que tout va bien.\nSuite de la ligne.",
                    Hint::None
                ),
                ("Le contexte", Hint::Heading),
                ("premier point", Hint::ListItem),
                ("second point", Hint::ListItem),
                ("Une citation.", Hint::Quote),
                ("Fin code snake_case.", Hint::None),
            ]
        );
        let at = p.text.find("déclaré").unwrap();
        let src_char = p.map.source_char(&p.text, at).unwrap();
        let src_byte = src.char_indices().nth(src_char).unwrap().0;
        assert!(src[src_byte..].starts_with("déclaré"));
    }

    #[test]
    fn setext_headings_and_odd_input() {
        let p = prepare_markdown("Titre\n=====\n\nTexte.\n", 0);
        assert_eq!(texts(&p), [("Titre", Hint::Title), ("Texte.", Hint::None)]);
        for s in ["[", "![", "[a](", "**", "<", "---", "```\ncode", "# ", "\\"] {
            let _ = prepare_markdown(s, 0);
        }
    }
}
