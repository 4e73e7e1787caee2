//! The map from a document's cleaned text back to the file as stored.
//!
//! Cleaning rewrites text: Markdown marks and HTML tags go, entities are
//! decoded, a lost space is put back ("auHaut-Karabakh"). Evidence must still
//! be shown in the original document, so every piece of cleaned text remembers
//! where it came from. The map is a list of anchors: at byte `clean` of the
//! cleaned text, the source is at character `source`; after an anchor, one
//! cleaned character stands for one source character until the next anchor.
//! Text copied unchanged therefore costs nothing, and a `.txt` file that needs
//! no repair has a single anchor.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// `clean` is a byte offset into the cleaned text, `source` a character
/// (Unicode scalar) offset into the file as stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub clean: u32,
    pub source: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    anchors: Vec<Anchor>,
}

impl SourceMap {
    /// The map of text that is its source, `offset` characters in.
    pub fn identity(offset: u32) -> SourceMap {
        SourceMap {
            anchors: vec![Anchor {
                clean: 0,
                source: offset,
            }],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    pub fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }

    /// The source character offset of byte `byte` of `clean` (the cleaned text
    /// this map was built with). `None` when the map is empty.
    pub fn source_char(&self, clean: &str, byte: usize) -> Option<usize> {
        let mut byte = byte.min(clean.len());
        while !clean.is_char_boundary(byte) {
            byte -= 1;
        }
        let i = self
            .anchors
            .partition_point(|a| a.clean as usize <= byte)
            .checked_sub(1)?;
        let anchor = self.anchors[i];
        let from = (anchor.clean as usize).min(byte);
        let chars = clean.get(from..byte).map_or(0, |s| s.chars().count());
        Some(anchor.source as usize + chars)
    }
}

/// Builds a cleaned text piece by piece from a source string, keeping the
/// map. Source positions are byte offsets into `source`; the map records
/// character offsets plus `base` (the characters of the file before
/// `source`, e.g. a date header).
pub struct TextBuilder<'a> {
    source: &'a str,
    base: u32,
    text: String,
    anchors: Vec<Anchor>,
    /// The source character the next cleaned character maps to if nothing
    /// breaks the one-to-one run.
    expected: Option<usize>,
    /// A cached (byte, char) position in `source`, so that converting
    /// increasing byte offsets to characters is linear overall.
    cursor: (usize, usize),
}

impl<'a> TextBuilder<'a> {
    pub fn new(source: &'a str, base: u32) -> TextBuilder<'a> {
        TextBuilder {
            source,
            base,
            text: String::with_capacity(source.len()),
            anchors: Vec::new(),
            expected: None,
            cursor: (0, 0),
        }
    }

    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The cleaned text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Character offset of source byte `byte` (clamped to a char boundary).
    fn char_at(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.source.len());
        while !self.source.is_char_boundary(byte) {
            byte -= 1;
        }
        let (cb, cc) = self.cursor;
        let chars = if byte >= cb {
            cc + self.source[cb..byte].chars().count()
        } else if byte >= cb / 2 {
            cc - self.source[byte..cb].chars().count()
        } else {
            self.source[..byte].chars().count()
        };
        self.cursor = (byte, chars);
        chars
    }

    fn anchor_at(&mut self, source_char: usize) {
        if self.expected == Some(source_char) {
            return;
        }
        let anchor = Anchor {
            clean: self.text.len() as u32,
            source: self.base + source_char as u32,
        };
        match self.anchors.last_mut() {
            // Two anchors at the same place: the later one wins.
            Some(last) if last.clean == anchor.clean => *last = anchor,
            _ => self.anchors.push(anchor),
        }
    }

    /// Appends `source[range]` unchanged.
    pub fn copy(&mut self, range: Range<usize>) {
        let Some(piece) = self.source.get(range.clone()) else {
            return;
        };
        if piece.is_empty() {
            return;
        }
        let start = self.char_at(range.start);
        self.anchor_at(start);
        self.text.push_str(piece);
        self.expected = Some(self.char_at(range.end));
    }

    /// Appends `s`, which stands for the source text at byte `at` (a decoded
    /// entity, a restored space, a line break between HTML blocks).
    pub fn emit(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        let start = self.char_at(at);
        self.anchor_at(start);
        self.text.push_str(s);
        // Whatever comes next re-anchors unless it continues the source.
        self.expected = None;
    }

    /// Removes trailing characters of the cleaned text that satisfy `pred`
    /// (spaces before a block break); the map stays valid since anchors past
    /// the new end are dropped.
    pub fn trim_end_matches(&mut self, pred: impl Fn(char) -> bool) {
        let kept = self.text.trim_end_matches(pred).len();
        if kept == self.text.len() {
            return;
        }
        self.text.truncate(kept);
        while self
            .anchors
            .last()
            .is_some_and(|a| a.clean as usize >= kept)
        {
            self.anchors.pop();
        }
        self.expected = None;
    }

    pub fn ends_with(&self, c: char) -> bool {
        self.text.ends_with(c)
    }

    pub fn finish(self) -> (String, SourceMap) {
        let mut anchors = self.anchors;
        if anchors.is_empty() {
            anchors.push(Anchor {
                clean: 0,
                source: self.base,
            });
        }
        (self.text, SourceMap { anchors })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_text_maps_one_to_one() {
        let src = "Élan vital";
        let mut b = TextBuilder::new(src, 5);
        b.copy(0..src.len());
        let (text, map) = b.finish();
        assert_eq!(text, src);
        assert_eq!(map.anchors().len(), 1);
        assert_eq!(map.source_char(&text, 0), Some(5));
        assert_eq!(map.source_char(&text, "Élan ".len()), Some(10));
    }

    #[test]
    fn skipped_and_inserted_text_keep_positions() {
        // "**gras** et auHaut" → "gras et au Haut"
        let src = "**gras** et auHaut";
        let mut b = TextBuilder::new(src, 0);
        b.copy(2..6); // gras
        b.copy(8..14); // " et au"
        b.emit(" ", 14);
        b.copy(14..18); // Haut
        let (text, map) = b.finish();
        assert_eq!(text, "gras et au Haut");
        let at = |needle: &str| map.source_char(&text, text.find(needle).unwrap()).unwrap();
        assert_eq!(at("gras"), 2);
        assert_eq!(at(" et"), 8);
        assert_eq!(at("Haut"), 14);
        assert_eq!(map.source_char(&text, text.len()), Some(18));
    }

    #[test]
    fn trimming_drops_dangling_anchors() {
        let src = "a  b";
        let mut b = TextBuilder::new(src, 0);
        b.copy(0..1);
        b.emit(" ", 1);
        b.trim_end_matches(|c| c == ' ');
        b.copy(3..4);
        let (text, map) = b.finish();
        assert_eq!(text, "ab");
        assert_eq!(map.source_char(&text, 1), Some(3));
    }
}
