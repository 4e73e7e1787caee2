//! The documents' summaries in their binary form, read in place.
//!
//! A result list shows ten documents; a filter reads the date or outlet of
//! those a query matches. Decoding every summary when the explorer opens
//! (10,000 of them for orangesum_10k: 40,000 strings made and their UTF-8
//! checked) was most of the first answer's work in the page. Here each
//! summary is its own record behind a table of offsets, and a record is
//! decoded when it is read, its texts borrowed from the bytes.
//!
//! Layout (integers little-endian u32):
//!
//! ```text
//! count     the number of documents
//! offsets   (count+1) × u32: where each record starts, from the records'
//!           start, then their end
//! records   per document, its `DocumentSummary` in postcard's form:
//!           fields in order; a text as a varint length and its UTF-8
//!           bytes; an option as a byte 0 (none) or 1 and the value; an
//!           enum as the varint of its variant's number; a list as a
//!           varint count and its items; a number as a varint
//! ```
//!
//! The records are written with postcard (at build time) and read here by
//! hand: serde's derive for a summary of borrowed texts, with its options
//! and lists, is about 900 bytes more code in the seeds' page, which has
//! none to spare.

use std::borrow::{Borrow, Cow};

use serde::Serialize;

use super::{DateSource, DocumentSummary};

/// A summary read from the binary form: [`DocumentSummary`]'s fields, with
/// the texts borrowed from the bytes. (Shown to the page as a
/// `DocumentSummary`, through `to_owned_summary`: one serialisation less in
/// the seeds' page.)
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryView<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub lead: Option<&'a str>,
    pub date: Option<&'a str>,
    pub date_source: DateSource,
    pub outlet: Option<&'a str>,
    pub date_hint: Option<&'a str>,
    pub agencies: Texts<'a>,
    pub length: usize,
}

/// A list of texts as a record holds it, read as it is gone through (its
/// texts were checked when the record was read).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Texts<'a> {
    count: usize,
    bytes: &'a [u8],
}

impl<'a> Texts<'a> {
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        let mut reader = Reader {
            bytes: self.bytes,
            at: 0,
        };
        (0..self.count).map_while(move |_| reader.text())
    }
}

/// Reads a record, field by field (postcard's form: see the module's doc).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn varint(&mut self) -> Option<usize> {
        let mut value = 0usize;
        let mut shift = 0u32;
        loop {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(value);
            }
            shift += 7;
        }
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.varint()?;
        let end = self.at.checked_add(len)?;
        let bytes = self.bytes.get(self.at..end)?;
        self.at = end;
        std::str::from_utf8(bytes).ok()
    }

    /// `Some(None)` for an absent text; `None` when the record is corrupt.
    fn optional_text(&mut self) -> Option<Option<&'a str>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.text().map(Some),
            _ => None,
        }
    }

    fn date_source(&mut self) -> Option<DateSource> {
        // The variants' numbers, in their order of declaration.
        Some(match self.varint()? {
            0 => DateSource::Header,
            1 => DateSource::Field,
            2 => DateSource::Meta,
            3 => DateSource::Dateline,
            4 => DateSource::None,
            _ => return None,
        })
    }

    fn summary(&mut self) -> Option<SummaryView<'a>> {
        let summary = SummaryView {
            id: self.text()?,
            title: self.optional_text()?,
            lead: self.optional_text()?,
            date: self.optional_text()?,
            date_source: self.date_source()?,
            outlet: self.optional_text()?,
            date_hint: self.optional_text()?,
            agencies: {
                let count = self.varint()?;
                let start = self.at;
                for _ in 0..count {
                    self.text()?;
                }
                Texts {
                    count,
                    bytes: self.bytes.get(start..self.at)?,
                }
            },
            length: self.varint()?,
        };
        (self.at == self.bytes.len()).then_some(summary)
    }
}

impl SummaryView<'_> {
    /// The summary as an owned value.
    pub fn to_owned_summary(&self) -> DocumentSummary {
        DocumentSummary {
            id: self.id.to_owned(),
            title: self.title.map(str::to_owned),
            lead: self.lead.map(str::to_owned),
            date: self.date.map(str::to_owned),
            date_source: self.date_source,
            outlet: self.outlet.map(str::to_owned),
            date_hint: self.date_hint.map(str::to_owned),
            agencies: self.agencies.iter().map(str::to_owned).collect(),
            length: self.length,
        }
    }
}

/// Every document's summary, by document number.
#[derive(Clone, Debug, PartialEq)]
pub struct Summaries {
    bytes: Cow<'static, [u8]>,
    count: usize,
}

/// Bytes of a u32.
const WORD: usize = 4;

fn read_u32(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at.checked_add(WORD)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

impl Summaries {
    /// The binary form of `summaries`. `None` when it cannot be written (a
    /// corpus past 4 GB of summaries).
    pub fn build<S: Borrow<DocumentSummary>>(
        summaries: impl IntoIterator<Item = S>,
    ) -> Option<Summaries> {
        let mut records = Vec::new();
        let mut offsets = vec![0u32];
        for summary in summaries {
            records = postcard::to_extend(summary.borrow(), records).ok()?;
            offsets.push(u32::try_from(records.len()).ok()?);
        }
        let count = offsets.len() - 1;
        let mut bytes = Vec::with_capacity(WORD * (count + 2) + records.len());
        bytes.extend_from_slice(&u32::try_from(count).ok()?.to_le_bytes());
        for offset in offsets {
            bytes.extend_from_slice(&offset.to_le_bytes());
        }
        bytes.extend_from_slice(&records);
        Some(Summaries {
            bytes: Cow::Owned(bytes),
            count,
        })
    }

    /// Opens the binary form: checks that the table of offsets and the
    /// records fill the bytes. A record (and its offsets) is checked when
    /// it is read.
    pub fn open(bytes: &'static [u8]) -> Result<Summaries, String> {
        let fits = || {
            let count = read_u32(bytes, 0)?;
            let end = read_u32(bytes, WORD.checked_mul(count.checked_add(1)?)?)?;
            let records_at = WORD.checked_mul(count.checked_add(2)?)?;
            (records_at.checked_add(end)? == bytes.len()).then_some(count)
        };
        let count = fits().ok_or("corrupt embedded summaries: their table and records disagree")?;
        Ok(Summaries {
            bytes: Cow::Borrowed(bytes),
            count,
        })
    }

    /// The binary form.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Document `doc`'s record (`None` past the end).
    fn record(&self, doc: usize) -> Option<&[u8]> {
        if doc >= self.count {
            return None;
        }
        let start = read_u32(&self.bytes, WORD * (1 + doc))?;
        let end = read_u32(&self.bytes, WORD * (2 + doc))?;
        // (Within the bytes: `open` checked the table's end.)
        let records_at = WORD * (self.count + 2);
        self.bytes.get(records_at + start..records_at + end)
    }

    /// Document `doc`'s summary (`None` past the end, or if its record is
    /// corrupt).
    pub fn get(&self, doc: usize) -> Option<SummaryView<'_>> {
        Reader {
            bytes: self.record(doc)?,
            at: 0,
        }
        .summary()
    }

    /// Every summary, in document order (a corrupt record is left out).
    pub fn iter(&self) -> impl Iterator<Item = SummaryView<'_>> {
        (0..self.count).filter_map(|doc| self.get(doc))
    }

    /// The number of the document with id `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        (0..self.count).find(|&doc| self.get(doc).is_some_and(|d| d.id == id))
    }
}

/// As the list of `DocumentSummary` (the page's `documents()`).
impl Serialize for Summaries {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|s| s.to_owned_summary()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, title: Option<&str>, agencies: &[&str]) -> DocumentSummary {
        DocumentSummary {
            id: id.to_owned(),
            title: title.map(str::to_owned),
            lead: title.is_none().then(|| "Le début du texte…".to_owned()),
            date: Some("2020-11-10".to_owned()),
            date_source: DateSource::default(),
            outlet: Some("Le Monde".to_owned()),
            date_hint: None,
            agencies: agencies.iter().map(|&a| a.to_owned()).collect(),
            length: 1234,
        }
    }

    fn leak(bytes: &[u8]) -> &'static [u8] {
        Box::leak(bytes.to_vec().into_boxed_slice())
    }

    #[test]
    fn reads_back_what_was_written() {
        let written = vec![
            summary("a.md", Some("Cessez-le-feu"), &["AFP"]),
            summary("é/b.html", None, &[]),
            summary("c.txt", Some("Trêve"), &["AFP", "Reuters"]),
        ];
        let built = Summaries::build(&written).unwrap();
        let opened = Summaries::open(leak(built.as_bytes())).unwrap();
        assert_eq!(opened.len(), 3);
        for (doc, summary) in written.iter().enumerate() {
            assert_eq!(opened.get(doc).unwrap().to_owned_summary(), *summary);
        }
        assert_eq!(opened.get(3), None);
        assert_eq!(opened.position("é/b.html"), Some(1));
        assert_eq!(opened.position("b.html"), None);
        assert_eq!(opened.iter().count(), 3);
    }

    #[test]
    fn serializes_as_the_list_of_summaries() {
        let written = vec![
            summary("a.md", Some("Un"), &[]),
            summary("b.md", None, &["AFP"]),
        ];
        let built = Summaries::build(&written).unwrap();
        assert_eq!(
            serde_json::to_value(&built).unwrap(),
            serde_json::to_value(&written).unwrap()
        );
    }

    #[test]
    fn refuses_a_corrupt_table_and_skips_a_corrupt_record() {
        let built =
            Summaries::build(&[summary("a.md", Some("Un"), &[]), summary("b.md", None, &[])])
                .unwrap();
        let bytes = built.as_bytes();
        assert!(Summaries::open(leak(&bytes[..3])).is_err());
        assert!(Summaries::open(leak(&bytes[..bytes.len() - 1])).is_err());
        let mut huge = bytes.to_vec();
        huge[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Summaries::open(leak(&huge)).is_err());
        // A record whose bytes are not a summary reads as none.
        let mut garbled = bytes.to_vec();
        let first_record = 4 * 4;
        garbled[first_record] = 0xff;
        let opened = Summaries::open(leak(&garbled)).unwrap();
        assert_eq!(opened.get(0), None);
        assert!(opened.get(1).is_some());
        assert_eq!(opened.iter().count(), 1);
        // So does one whose offsets are out of order or out of range.
        for offset in [u32::MAX, 1 << 20] {
            let mut swapped = bytes.to_vec();
            swapped[8..12].copy_from_slice(&offset.to_le_bytes());
            let opened = Summaries::open(leak(&swapped)).unwrap();
            assert_eq!((opened.get(0), opened.get(1)), (None, None));
        }
        // A record with a byte left over reads as none; a number of several
        // varint bytes reads back.
        let mut longer = vec![summary("a.md", None, &[])];
        longer[0].length = usize::MAX;
        let built = Summaries::build(&longer).unwrap();
        let mut trailing = built.as_bytes().to_vec();
        trailing.push(0);
        let end = u32::try_from(trailing.len() - 12).unwrap();
        trailing[8..12].copy_from_slice(&end.to_le_bytes());
        assert_eq!(Summaries::open(leak(&trailing)).unwrap().get(0), None);
        assert_eq!(
            Summaries::open(leak(built.as_bytes()))
                .unwrap()
                .get(0)
                .unwrap()
                .length,
            usize::MAX
        );
    }
}
