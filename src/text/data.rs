//! The format of the word lists and tables under `data/`: one entry a line,
//! `#` comments and blank lines ignored, and `[name]` lines that open a
//! section. Every module that reads a data file reads it through here.

/// A data file's text as the program embeds it: `data_file!(include_str!(…))`.
/// Its `#` comment lines are blanked at compile time: they are notes for
/// whoever edits the file, and the page would carry them (about 6 KB of the
/// seeds' page, compressed). The lines stay where they were, so a line
/// number still points into the file.
#[macro_export]
macro_rules! data_file {
    ($source:expr) => {{
        const SOURCE: &str = $source;
        const BLANKED: [u8; SOURCE.len()] =
            $crate::text::data::blank_comment_lines(SOURCE.as_bytes());
        // Whole lines become ASCII spaces: still UTF-8, so the fallback
        // is never taken.
        const TEXT: &str = match ::core::str::from_utf8(&BLANKED) {
            Ok(text) => text,
            Err(_) => SOURCE,
        };
        TEXT
    }};
}

/// `source` with every byte of its `#` comment lines (but the line breaks)
/// made a space; `N` is its length.
pub const fn blank_comment_lines<const N: usize>(source: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    let mut in_comment = false;
    let mut at_line_start = true;
    while i < N && i < source.len() {
        let b = source[i];
        if b == b'\n' {
            in_comment = false;
            at_line_start = true;
            out[i] = b;
        } else {
            if at_line_start && b == b'#' {
                in_comment = true;
            }
            if b != b' ' && b != b'\t' {
                at_line_start = false;
            }
            out[i] = if in_comment { b' ' } else { b };
        }
        i += 1;
    }
    out
}

/// The lines of a data file: trimmed, without blank lines and `#` comments.
pub fn data_lines(source: &str) -> impl Iterator<Item = String> + '_ {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
}

/// A data file cut at its `[section]` lines, sections in the order of the
/// file. Lines before the first section belong to the section named "";
/// a name used twice is one section.
pub struct Sections {
    sections: Vec<(String, Vec<String>)>,
}

impl Sections {
    pub fn parse(source: &str) -> Sections {
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        let mut current: Option<usize> = None;
        for line in data_lines(source) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = Some(section_index(&mut sections, name.trim()));
                continue;
            }
            let at = match current {
                Some(at) => at,
                None => *current.insert(section_index(&mut sections, "")),
            };
            sections[at].1.push(line);
        }
        Sections { sections }
    }

    /// The lines of section `name` (none when the file has no such section).
    pub fn lines(&self, name: &str) -> &[String] {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&[], |(_, lines)| lines.as_slice())
    }

    /// Every section with its lines, in the order of the file.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.sections
            .iter()
            .map(|(name, lines)| (name.as_str(), lines.as_slice()))
    }
}

fn section_index(sections: &mut Vec<(String, Vec<String>)>, name: &str) -> usize {
    match sections.iter().position(|(n, _)| n == name) {
        Some(at) => at,
        None => {
            sections.push((name.to_owned(), Vec::new()));
            sections.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_are_blanked_at_compile_time() {
        const TEXT: &str =
            crate::data_file!("# note é\n  un # pas un commentaire\n\t# autre\ndeux\n");
        assert_eq!(
            TEXT,
            "         \n  un # pas un commentaire\n\t       \ndeux\n"
        );
        assert_eq!(
            data_lines(TEXT).collect::<Vec<_>>(),
            ["un # pas un commentaire", "deux"]
        );
    }

    #[test]
    fn lines_skip_comments_and_blanks() {
        let got: Vec<String> = data_lines("# comment\n\n  un  \ndeux\n").collect();
        assert_eq!(got, ["un", "deux"]);
    }

    #[test]
    fn sections_keep_file_order_and_merge_repeated_names() {
        let s = Sections::parse("avant\n[b]\n1\n[ a ]\n2\n# note\n[b]\n3\n");
        let names: Vec<&str> = s.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["", "b", "a"]);
        assert_eq!(s.lines(""), ["avant"]);
        assert_eq!(s.lines("b"), ["1", "3"]);
        assert_eq!(s.lines("a"), ["2"]);
        assert!(s.lines("c").is_empty());
    }
}
