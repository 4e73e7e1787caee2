//! The inverted index and its compact binary form.
//!
//! The index is built once (by the build script for the embedded corpus, or
//! by the command-line program at run time) and read in place: opening it
//! parses a fixed header, nothing else, so a page with 10,000 articles starts
//! without indexing anything.
//!
//! Layout (all integers little-endian u32 unless said otherwise):
//!
//! ```text
//! header   magic "RCPIDX01", then the counts and section offsets below
//! doc_len  n_docs × u32          indexed length of each document, for BM25
//! terms    (n_terms+1) × u32 offsets into term_text, then the text:
//!          every term (stem or number), sorted bytewise
//! df       n_terms × u32          documents containing the term
//! post     (n_terms+1) × u32 offsets into postings, then the postings:
//!          per document: varint doc delta, varint weighted tf,
//!          varint n positions, n varint position deltas
//! surface  (n_surface+1) × u32 offsets into surface_text, the text (every
//!          folded word form, sorted), then n_surface × u32 term ids:
//!          the forms a reader types, for prefix and typo matching
//! ```

mod build;

pub use build::{IndexBuilder, build_index};

use std::ops::Range;

const MAGIC: &[u8; 8] = b"RCPIDX01";
const HEADER_FIELDS: usize = 12;

/// A term's number in the sorted term list.
pub type TermId = u32;
/// A document's number: its position in the corpus.
pub type DocId = u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFormatError(pub String);

impl std::fmt::Display for IndexFormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "corrupt index: {}", self.0)
    }
}

/// Read-only view of an index in its binary form.
#[derive(Clone, Copy)]
pub struct Index<'a> {
    bytes: &'a [u8],
    layout: Layout,
}

/// Where the sections of an index are, read from its header once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    n_docs: u32,
    n_terms: u32,
    n_surface: u32,
    total_len: u64,
    doc_len_at: usize,
    term_offsets_at: usize,
    term_text_at: usize,
    df_at: usize,
    post_offsets_at: usize,
    postings_at: usize,
    surface_offsets_at: usize,
    surface_text_at: usize,
    surface_terms_at: usize,
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .unwrap_or(0)
}

/// Reads a LEB128 varint; a truncated one reads as what was there.
pub(crate) fn read_varint(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut value: u32 = 0;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*pos) {
        *pos += 1;
        if shift < 32 {
            value |= u32::from(b & 0x7F) << shift;
        }
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

impl<'a> Index<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a>, IndexFormatError> {
        if bytes.len() < 8 + HEADER_FIELDS * 4 || &bytes[..8] != MAGIC {
            return Err(IndexFormatError("not a recoupe index".into()));
        }
        let field = |i: usize| read_u32(bytes, 8 + i * 4);
        let index = Layout {
            n_docs: field(0),
            n_terms: field(1),
            n_surface: field(2),
            total_len: u64::from(field(3)) | (u64::from(field(4)) << 32),
            doc_len_at: field(5) as usize,
            term_offsets_at: field(6) as usize,
            term_text_at: field(7) as usize,
            df_at: field(8) as usize,
            post_offsets_at: field(9) as usize,
            postings_at: field(10) as usize,
            surface_offsets_at: field(11) as usize,
            surface_text_at: 0,
            surface_terms_at: 0,
        };
        let surface_text_at = index.surface_offsets_at + (index.n_surface as usize + 1) * 4;
        let surface_terms_at = surface_text_at
            + read_u32(
                bytes,
                index.surface_offsets_at + index.n_surface as usize * 4,
            ) as usize;
        let layout = Layout {
            surface_text_at,
            surface_terms_at,
            ..index
        };
        if surface_terms_at + layout.n_surface as usize * 4 > bytes.len()
            || layout.postings_at > bytes.len()
        {
            return Err(IndexFormatError("sections run past the end".into()));
        }
        Ok(Index { bytes, layout })
    }

    /// The layout read by `open`, to reopen the same bytes without checks.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// Reopens bytes that `open` accepted with this layout. Reads of
    /// anything else return empty values, never panic.
    pub fn with_layout(bytes: &'a [u8], layout: Layout) -> Index<'a> {
        Index { bytes, layout }
    }

    pub fn doc_count(&self) -> u32 {
        self.layout.n_docs
    }

    pub fn term_count(&self) -> u32 {
        self.layout.n_terms
    }

    pub fn doc_len(&self, doc: DocId) -> u32 {
        read_u32(self.bytes, self.layout.doc_len_at + doc as usize * 4)
    }

    pub fn avg_doc_len(&self) -> f32 {
        if self.layout.n_docs == 0 {
            return 1.0;
        }
        (self.layout.total_len as f32 / self.layout.n_docs as f32).max(1.0)
    }

    fn slice(&self, offsets_at: usize, text_at: usize, i: u32) -> &'a [u8] {
        let start = read_u32(self.bytes, offsets_at + i as usize * 4) as usize;
        let end = read_u32(self.bytes, offsets_at + (i as usize + 1) * 4) as usize;
        self.bytes
            .get(text_at + start..text_at + end)
            .unwrap_or_default()
    }

    pub fn term(&self, id: TermId) -> &'a str {
        std::str::from_utf8(self.slice(self.layout.term_offsets_at, self.layout.term_text_at, id))
            .unwrap_or("")
    }

    pub fn df(&self, id: TermId) -> u32 {
        read_u32(self.bytes, self.layout.df_at + id as usize * 4)
    }

    /// The id of an exact term.
    pub fn find_term(&self, term: &str) -> Option<TermId> {
        let target = term.as_bytes();
        let (mut lo, mut hi) = (0u32, self.layout.n_terms);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self
                .slice(self.layout.term_offsets_at, self.layout.term_text_at, mid)
                .cmp(target)
            {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    pub fn postings(&self, id: TermId) -> Postings<'a> {
        let start = read_u32(self.bytes, self.layout.post_offsets_at + id as usize * 4) as usize;
        let end = read_u32(
            self.bytes,
            self.layout.post_offsets_at + (id as usize + 1) * 4,
        ) as usize;
        let data = self
            .bytes
            .get(self.layout.postings_at + start..self.layout.postings_at + end)
            .unwrap_or_default();
        Postings {
            data,
            pos: 0,
            doc: 0,
            first: true,
        }
    }

    pub fn surface_count(&self) -> u32 {
        self.layout.n_surface
    }

    /// The folded word form number `i` in sorted order.
    pub fn surface(&self, i: u32) -> &'a str {
        std::str::from_utf8(self.slice(
            self.layout.surface_offsets_at,
            self.layout.surface_text_at,
            i,
        ))
        .unwrap_or("")
    }

    /// The term a word form is indexed under.
    pub fn surface_term(&self, i: u32) -> TermId {
        read_u32(self.bytes, self.layout.surface_terms_at + i as usize * 4)
    }

    /// Word forms starting with `prefix`, as a range of surface numbers.
    pub fn surface_prefix_range(&self, prefix: &str) -> Range<u32> {
        let p = prefix.as_bytes();
        let lower = self.partition_surface(|s| s < p);
        let upper = self.partition_surface(|s| s < p || s.starts_with(p));
        lower..upper
    }

    /// First surface number for which `before` is false (they are sorted).
    fn partition_surface(&self, before: impl Fn(&[u8]) -> bool) -> u32 {
        let (mut lo, mut hi) = (0u32, self.layout.n_surface);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if before(self.slice(
                self.layout.surface_offsets_at,
                self.layout.surface_text_at,
                mid,
            )) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// One document's entry in a term's postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub doc: DocId,
    /// Occurrences, weighted by field (a title occurrence counts more).
    pub weighted_tf: u32,
    pub positions: Vec<u32>,
}

/// Iterator over a term's postings, decoded as it goes.
pub struct Postings<'a> {
    data: &'a [u8],
    pos: usize,
    doc: u32,
    first: bool,
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        if self.pos >= self.data.len() {
            return None;
        }
        let delta = read_varint(self.data, &mut self.pos);
        self.doc = if self.first {
            delta
        } else {
            self.doc.saturating_add(delta)
        };
        self.first = false;
        let weighted_tf = read_varint(self.data, &mut self.pos);
        let n = read_varint(self.data, &mut self.pos) as usize;
        let mut positions = Vec::with_capacity(n.min(4096));
        let mut p = 0u32;
        for _ in 0..n {
            if self.pos >= self.data.len() {
                break;
            }
            p = p.saturating_add(read_varint(self.data, &mut self.pos));
            positions.push(p);
        }
        Some(Posting {
            doc: self.doc,
            weighted_tf,
            positions,
        })
    }
}
