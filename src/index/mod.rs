//! The inverted index and its compact binary form.
//!
//! The index is built once (by the build script for the embedded corpus, or
//! by the command-line program at run time) and read in place: opening it
//! checks a fixed header, nothing else, so a page with 10,000 articles starts
//! without indexing anything.
//!
//! Layout (all integers little-endian u32 unless said otherwise):
//!
//! ```text
//! header    magic "RCPIDX08", then HEADER_FIELDS u32: the counts, then the
//!           offset of each section below, then the total length
//! doc_len   n_docs × u32          indexed length of each document, for BM25
//! terms     (n_terms+1) × u32 offsets into term_text, then the text:
//!           every term (stem or number, or two terms with a space between
//!           for a pair of words: see `pair_term`), sorted bytewise
//! df        n_terms × u32          documents containing the term
//! docs      (n_terms+1) × u32 offsets into the doc stream, then the stream:
//!           per document: varint doc delta, then its weighted tf and the
//!           byte length of its positions in the position stream, as one
//!           byte (tf << 4 | length) when both are below 16, else a zero
//!           byte and two varints
//! surface   (n_surface+1) × u32 offsets into surface_text, the text (every
//!           folded word form, sorted), then n_surface × u32 term ids:
//!           the forms a reader types, for prefix and typo matching
//! top       n_top × u32 term ids (sorted), (n_top+1) × u32 offsets into
//!           the top stream, then the stream: for each term found in more
//!           than TOP_MIN_DF documents, its TOP_LEN best documents by BM25,
//!           best first (ties: earlier document), each a varint doc and a
//!           varint weighted tf
//! sets      n_sets × u32 term ids (sorted), then for each of these terms
//!           (those in at least SET_MIN_DF documents and a SET_SHARE-th of
//!           them) its documents as a bitmap: ceil(n_docs / 64) u64 words,
//!           bit d % 64 of word d / 64 set for document d
//! skips     (n_sets+1) × u32 offsets into the skip stream, then the
//!           stream: for each term with a set, an entry per SKIP_EVERY
//!           postings after the first block, each three u32: the document
//!           of the posting before the block, where the block starts in the
//!           term's doc stream, and where its positions start
//! positions last, to the end: one part in the form of `crate::parts`,
//!           always stored as is, which holds (n_terms+1) × u32
//!           offsets into the position stream, then the stream: per
//!           document, varint position deltas
//! ```
//!
//! Ranking reads only the doc stream; positions are decoded for phrases and
//! word pairs, and only for the documents that hold both words, in place.
//! They were packed (Zstandard) in a large corpus's module once, and
//! unpacked whole by the first query that read any. On orangesum_10k that
//! saved 0.6 MB of a 24 MB module, but the reader's first phrase or pair of
//! words waited 60 to 100 ms for it, and V8 then spent about 25 ms of the
//! other core optimising a decoder that had finished, beside the bench's
//! next queries (more of which took over 1 ms: 19 and 16 in two probes,
//! against 11 and 12 with the positions in place). Read in place, that
//! first query takes 3 to 4 ms.

pub mod bm25;
mod build;

pub use build::{IndexBuilder, TITLE_WEIGHT, build_index, indexed_fields};

use std::ops::Range;

use crate::parts;

const MAGIC: &[u8; 8] = b"RCPIDX08";
const HEADER_FIELDS: usize = 25;

/// How many best documents a frequent term keeps (see `top_postings`): a
/// result list of up to this many places, for a word alone, is read from
/// them instead of scoring every document of the word.
pub const TOP_LEN: usize = 32;
/// Terms in at most this many documents keep no best documents: scoring
/// all of them is as quick.
pub const TOP_MIN_DF: u32 = 64;

/// A term in at least this many documents, and in at least one in
/// `SET_SHARE`, keeps its documents also as a bitmap (see `doc_set`): there
/// its n/8 bytes are fewer than its postings', and counting the documents of
/// a word's several forms ORs words instead of decoding postings (a prefix
/// like "présid" completes to forms in thousands of documents).
pub const SET_MIN_DF: u32 = 256;
pub const SET_SHARE: u32 = 16;

/// A term with a document set also keeps where every `SKIP_EVERY`-th of its
/// postings starts (see `Postings::advance_to`): a phrase walks the postings
/// of its rarest word and jumps ahead in the others' ("Haut-Karabakh"
/// reaches the few documents of "karabakh" without decoding the 1,352 of
/// "haut" before them). Twelve bytes per 64 postings.
pub const SKIP_EVERY: usize = 64;
/// Bytes of a skip entry.
const SKIP_ENTRY: usize = 12;

/// Whether this build reads the lists only a large corpus's index keeps
/// (see `Index::has_large_lists`): always natively; in a wasm module, when
/// the build script embedded an index that has some (it then sets
/// `large_lists`). Without them, the accessors answer as for an index
/// without such lists, and the code behind them is left out.
pub const LARGE_LISTS: bool = cfg!(any(not(target_arch = "wasm32"), large_lists));

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
    doc_offsets_at: usize,
    docs_at: usize,
    surface_offsets_at: usize,
    surface_text_at: usize,
    surface_terms_at: usize,
    n_top: u32,
    top_terms_at: usize,
    top_offsets_at: usize,
    top_data_at: usize,
    n_sets: u32,
    set_terms_at: usize,
    set_data_at: usize,
    skip_offsets_at: usize,
    skip_data_at: usize,
    /// The positions part, to the end.
    positions_at: usize,
}

impl Layout {
    /// The size of a term's document bitmap.
    fn set_bytes(&self) -> usize {
        (self.n_docs as usize).div_ceil(64) * 8
    }
}

/// Header fields, in order.
mod field {
    pub const N_DOCS: usize = 0;
    pub const N_TERMS: usize = 1;
    pub const N_SURFACE: usize = 2;
    pub const TOTAL_LEN_LOW: usize = 3;
    pub const TOTAL_LEN_HIGH: usize = 4;
    pub const DOC_LEN: usize = 5;
    pub const TERM_OFFSETS: usize = 6;
    pub const TERM_TEXT: usize = 7;
    pub const DF: usize = 8;
    pub const DOC_OFFSETS: usize = 9;
    pub const DOCS: usize = 10;
    pub const SURFACE_OFFSETS: usize = 11;
    pub const SURFACE_TEXT: usize = 12;
    pub const SURFACE_TERMS: usize = 13;
    pub const END: usize = 14;
    pub const N_TOP: usize = 15;
    pub const TOP_TERMS: usize = 16;
    pub const TOP_OFFSETS: usize = 17;
    pub const TOP_DATA: usize = 18;
    pub const N_SETS: usize = 19;
    pub const SET_TERMS: usize = 20;
    pub const SET_DATA: usize = 21;
    pub const POSITIONS: usize = 22;
    pub const SKIP_OFFSETS: usize = 23;
    pub const SKIP_DATA: usize = 24;
}

// The hot readers below are inlined by hand: the release build optimises for
// size ("z", for the page's weight), which otherwise leaves each a call per
// posting.
#[inline(always)]
pub(crate) fn read_u32(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at.saturating_add(4))
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .unwrap_or(0)
}

/// Where entry `i` of a table of u32 starting at `at` is; out-of-range
/// numbers (from corrupt data) land past the end and read as 0.
#[inline(always)]
fn slot(at: usize, i: u32) -> usize {
    at.saturating_add((i as usize).saturating_mul(4))
}

/// Reads a LEB128 varint; a truncated one reads as what was there.
#[inline(always)]
pub(crate) fn read_varint(bytes: &[u8], pos: &mut usize) -> u32 {
    // One byte is the common case (small deltas and counts); two, the
    // common one of the rest (a rarer term's gaps between documents, up to
    // 16,383): both without a call.
    if let Some(&b) = bytes.get(*pos) {
        if b < 0x80 {
            *pos += 1;
            return u32::from(b);
        }
        if let Some(&c) = bytes.get(*pos + 1)
            && c < 0x80
        {
            *pos += 2;
            return u32::from(b & 0x7F) | u32::from(c) << 7;
        }
    }
    read_long_varint(bytes, pos)
}

/// The several-byte case of `read_varint`.
#[inline(never)]
fn read_long_varint(bytes: &[u8], pos: &mut usize) -> u32 {
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
        let f = |i: usize| read_u32(bytes, 8 + i * 4);
        let at = |i: usize| f(i) as usize;
        let layout = Layout {
            n_docs: f(field::N_DOCS),
            n_terms: f(field::N_TERMS),
            n_surface: f(field::N_SURFACE),
            total_len: u64::from(f(field::TOTAL_LEN_LOW))
                | (u64::from(f(field::TOTAL_LEN_HIGH)) << 32),
            doc_len_at: at(field::DOC_LEN),
            term_offsets_at: at(field::TERM_OFFSETS),
            term_text_at: at(field::TERM_TEXT),
            df_at: at(field::DF),
            doc_offsets_at: at(field::DOC_OFFSETS),
            docs_at: at(field::DOCS),
            surface_offsets_at: at(field::SURFACE_OFFSETS),
            surface_text_at: at(field::SURFACE_TEXT),
            surface_terms_at: at(field::SURFACE_TERMS),
            n_top: f(field::N_TOP),
            top_terms_at: at(field::TOP_TERMS),
            top_offsets_at: at(field::TOP_OFFSETS),
            top_data_at: at(field::TOP_DATA),
            n_sets: f(field::N_SETS),
            set_terms_at: at(field::SET_TERMS),
            set_data_at: at(field::SET_DATA),
            skip_offsets_at: at(field::SKIP_OFFSETS),
            skip_data_at: at(field::SKIP_DATA),
            positions_at: at(field::POSITIONS),
        };
        if at(field::END) != bytes.len() {
            return Err(IndexFormatError(format!(
                "{} bytes where the header says {}",
                bytes.len(),
                at(field::END)
            )));
        }
        // Every fixed-size table must fit before the section after it.
        let words = |n: u32, extra: usize| (n as usize).checked_add(extra)?.checked_mul(4);
        let tables = [
            (
                layout.doc_len_at,
                words(layout.n_docs, 0),
                layout.term_offsets_at,
            ),
            (
                layout.term_offsets_at,
                words(layout.n_terms, 1),
                layout.term_text_at,
            ),
            (
                layout.df_at,
                words(layout.n_terms, 0),
                layout.doc_offsets_at,
            ),
            (
                layout.doc_offsets_at,
                words(layout.n_terms, 1),
                layout.docs_at,
            ),
            (
                layout.surface_offsets_at,
                words(layout.n_surface, 1),
                layout.surface_text_at,
            ),
            (
                layout.surface_terms_at,
                words(layout.n_surface, 0),
                layout.top_terms_at,
            ),
            (
                layout.top_terms_at,
                words(layout.n_top, 0),
                layout.top_offsets_at,
            ),
            (
                layout.top_offsets_at,
                words(layout.n_top, 1),
                layout.top_data_at,
            ),
            (
                layout.set_terms_at,
                words(layout.n_sets, 0),
                layout.set_data_at,
            ),
            (
                layout.set_data_at,
                (layout.n_sets as usize).checked_mul(layout.set_bytes()),
                layout.skip_offsets_at,
            ),
            (
                layout.skip_offsets_at,
                words(layout.n_sets, 1),
                layout.skip_data_at,
            ),
            (layout.skip_data_at, Some(0), layout.positions_at),
            // The positions part's form byte. (What follows is read with
            // bounds checks: a table cut short, or a part in another form
            // than stored as is, reads as no positions.)
            (layout.positions_at, Some(1), bytes.len()),
        ];
        for (start, size, next) in tables {
            let end = size.and_then(|size| start.checked_add(size));
            if end.is_none_or(|end| end > next || next > bytes.len()) {
                return Err(IndexFormatError(
                    "sections overlap or run past the end".into(),
                ));
            }
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

    /// Whether the index keeps pairs of words (see `pair_term`).
    pub fn has_pairs(&self) -> bool {
        (0..self.layout.n_terms).any(|t| self.term_bytes(t).contains(&(PAIR_SEPARATOR as u8)))
    }

    /// Whether the index keeps any of the lists that only a large corpus
    /// needs (best documents, document sets and skips, pairs of words):
    /// the build script leaves the code reading them out of a module whose
    /// index has none (a small corpus's, as the seeds': their page counts
    /// its bytes). See `LARGE_LISTS`.
    pub fn has_large_lists(&self) -> bool {
        self.layout.n_top > 0 || self.layout.n_sets > 0 || self.has_pairs()
    }

    /// The size of the binary form.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Where the binary form is in memory: with `byte_len`, tells one
    /// opened index from another (to cache what is derived from it).
    pub fn bytes_address(&self) -> usize {
        self.bytes.as_ptr() as usize
    }

    #[inline]
    pub fn doc_len(&self, doc: DocId) -> u32 {
        read_u32(self.bytes, slot(self.layout.doc_len_at, doc))
    }

    pub fn avg_doc_len(&self) -> f32 {
        bm25::average_length(self.layout.total_len, self.layout.n_docs)
    }

    fn term_bytes(&self, id: TermId) -> &'a [u8] {
        entry(
            self.bytes,
            self.layout.term_offsets_at,
            self.layout.term_text_at,
            id,
        )
    }

    pub fn term(&self, id: TermId) -> &'a str {
        std::str::from_utf8(self.term_bytes(id)).unwrap_or("")
    }

    #[inline]
    pub fn df(&self, id: TermId) -> u32 {
        read_u32(self.bytes, slot(self.layout.df_at, id))
    }

    /// The id of an exact term.
    pub fn find_term(&self, term: &str) -> Option<TermId> {
        self.find_term_within(term, 0..self.layout.n_terms)
    }

    /// The id of an exact term, which if present is in `range` (see
    /// `Samples`).
    fn find_term_within(&self, term: &str, range: Range<u32>) -> Option<TermId> {
        let target = term.as_bytes();
        let (mut lo, mut hi) = (range.start, range.end.min(self.layout.n_terms));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.term_bytes(mid).cmp(target) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// A term's postings: documents in increasing order, with weighted
    /// term frequencies; positions are read on demand.
    pub fn postings(&self, id: TermId) -> Postings<'a> {
        Postings {
            data: entry(
                self.bytes,
                self.layout.doc_offsets_at,
                self.layout.docs_at,
                id,
            ),
            positions: TermPositions {
                part: self
                    .bytes
                    .get(self.layout.positions_at..)
                    .unwrap_or_default(),
                n_terms: self.layout.n_terms,
                term: id,
            },
            pos: 0,
            pos_at: 0,
            doc: 0,
            first: true,
            skips: &[],
        }
    }

    /// A frequent term's best documents by BM25 (at most `TOP_LEN`, best
    /// first, ties in corpus order), with their weighted frequencies;
    /// `None` for a term in at most `TOP_MIN_DF` documents. A document
    /// missing from the list ranks below every one in it for this term.
    pub fn top_postings(&self, id: TermId) -> Option<TopPostings<'a>> {
        if !LARGE_LISTS {
            return None;
        }
        // Most terms are rarer: they are not looked for in the table (a
        // word being typed has dozens of rare completions).
        if self.df(id) <= TOP_MIN_DF {
            return None;
        }
        let at = self.listed(self.layout.top_terms_at, self.layout.n_top, id)?;
        let data = entry(
            self.bytes,
            self.layout.top_offsets_at,
            self.layout.top_data_at,
            at,
        );
        Some(TopPostings { data, pos: 0 })
    }

    /// A frequent term's documents as a bitmap (see `SET_MIN_DF`): u64
    /// words, little-endian, bit d % 64 of word d / 64 for document d;
    /// `None` for the other terms.
    pub fn doc_set(&self, id: TermId) -> Option<&'a [u8]> {
        let at = self.set_at(id)?;
        let size = self.layout.set_bytes();
        let start = self.layout.set_data_at.saturating_add(at as usize * size);
        self.bytes.get(start..start.saturating_add(size))
    }

    /// A term's postings able to jump ahead (`Postings::advance_to`) over
    /// whole blocks, for a term with a document set; the others' step
    /// through (looking the term up costs a search of the set table).
    pub fn postings_with_skips(&self, id: TermId) -> Postings<'a> {
        let mut postings = self.postings(id);
        if let Some(at) = self.set_at(id) {
            postings.skips = entry(
                self.bytes,
                self.layout.skip_offsets_at,
                self.layout.skip_data_at,
                at,
            );
        }
        postings
    }

    /// Where term `id` is among the terms with a document set (and skip
    /// entries); `None` for the others.
    fn set_at(&self, id: TermId) -> Option<u32> {
        // Most terms are rarer: they are not looked for in the table.
        if !LARGE_LISTS || self.df(id) < SET_MIN_DF {
            return None;
        }
        self.listed(self.layout.set_terms_at, self.layout.n_sets, id)
    }

    /// Where term `id` is in a sorted table of `n` term ids at `table_at`.
    fn listed(&self, table_at: usize, n: u32, id: TermId) -> Option<u32> {
        let (mut lo, mut hi) = (0u32, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match read_u32(self.bytes, slot(table_at, mid)).cmp(&id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    pub fn surface_count(&self) -> u32 {
        self.layout.n_surface
    }

    /// The bytes of word form number `i` (UTF-8; no check).
    pub fn surface_bytes(&self, i: u32) -> &'a [u8] {
        entry(
            self.bytes,
            self.layout.surface_offsets_at,
            self.layout.surface_text_at,
            i,
        )
    }

    /// The folded word form number `i` in sorted order.
    pub fn surface(&self, i: u32) -> &'a str {
        std::str::from_utf8(self.surface_bytes(i)).unwrap_or("")
    }

    /// The term a word form is indexed under.
    pub fn surface_term(&self, i: u32) -> TermId {
        read_u32(self.bytes, slot(self.layout.surface_terms_at, i))
    }

    /// The text of the term word form `i` is indexed under.
    pub fn surface_term_text(&self, i: u32) -> &'a str {
        self.term(self.surface_term(i))
    }

    /// Word forms starting with `prefix`, as a range of surface numbers.
    pub fn surface_prefix_range(&self, prefix: &str) -> Range<u32> {
        self.surface_prefix_range_within(prefix, 0..self.layout.n_surface)
    }

    /// Word forms starting with `prefix`, the first of which (or where it
    /// would be) is in `range` (see `Samples`).
    fn surface_prefix_range_within(&self, prefix: &str, range: Range<u32>) -> Range<u32> {
        let p = prefix.as_bytes();
        let n = self.layout.n_surface;
        let lower = self.partition_surface(range.start, range.end.min(n), |s| s < p);
        self.forms_under(lower, prefix)
    }

    /// The word forms from number `from` on that start with `prefix`: all
    /// of them when `from` is where they begin.
    pub fn forms_under(&self, from: u32, prefix: &str) -> Range<u32> {
        let p = prefix.as_bytes();
        let n = self.layout.n_surface;
        // The forms under a prefix are usually few: the end is looked for
        // by galloping from the start (reading the table near it) rather
        // than by a second search over the whole table.
        let under = |i: u32| self.surface_bytes(i).starts_with(p);
        let upper = if from < n && under(from) {
            gallop(from, n, under)
        } else {
            from
        };
        from..upper
    }

    /// The word forms and the terms sampled, for the lookups of `Samples`.
    pub fn samples(&self) -> Samples {
        Samples {
            surfaces: Sample::of(self.layout.n_surface, |i| self.surface_bytes(i)),
            terms: Sample::of(self.layout.n_terms, |i| self.term_bytes(i)),
        }
    }

    /// First surface number in `lo..hi` for which `before` is false (they
    /// are sorted, and `before` holds below `lo`).
    fn partition_surface(&self, lo: u32, hi: u32, before: impl Fn(&[u8]) -> bool) -> u32 {
        let (mut lo, mut hi) = (lo, hi);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if before(self.surface_bytes(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// One document's entry in a term's postings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posting {
    pub doc: DocId,
    /// Occurrences, weighted by field (a title occurrence counts more).
    pub weighted_tf: u32,
    /// Where its positions are in the term's position stream.
    positions: (u32, u32),
}

/// The first 8 bytes of `bytes` as a big-endian number, zero-padded: keys
/// compare as the strings' first 8 bytes do, so a key below another's is a
/// string below the other's (equal keys tell nothing).
pub fn prefix_key(bytes: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    let n = bytes.len().min(8);
    k[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(k)
}

/// Entries of a sorted table sampled: one in `SAMPLE_STRIDE`.
const SAMPLE_STRIDE: u32 = 32;

/// Every `SAMPLE_STRIDE`th entry of a sorted table of strings (the word
/// forms, the terms) by its `prefix_key`. A binary search over a table
/// reads an entry per probe, each in a different part of a table of
/// megabytes and each compared byte by byte; the keys are a small array of
/// numbers, searched first, and leave a stride or so of entries to read.
#[derive(Default)]
struct Sample {
    keys: Vec<u64>,
}

impl Sample {
    fn of<'a>(n: u32, entry: impl Fn(u32) -> &'a [u8]) -> Sample {
        Sample {
            keys: (0..n)
                .step_by(SAMPLE_STRIDE as usize)
                .map(|i| prefix_key(entry(i)))
                .collect(),
        }
    }

    /// Where in the table of `n` entries the first entry not below
    /// `target` is: every entry before the range is below it, and the entry
    /// at its end (if any) is not.
    fn narrow(&self, target: &[u8], n: u32) -> Range<u32> {
        let key = prefix_key(target);
        // Samples below the target's key are entries below it; samples
        // above are entries above it.
        let below = self.keys.partition_point(|&k| k < key) as u32;
        let not_above = self.keys.partition_point(|&k| k <= key) as u32;
        let start = below.checked_sub(1).map_or(0, |s| s * SAMPLE_STRIDE + 1);
        let end = if (not_above as usize) < self.keys.len() {
            not_above * SAMPLE_STRIDE
        } else {
            n
        };
        start.min(n)..end.min(n)
    }
}

/// An index's word forms and terms sampled (see `Sample`): made once for
/// an index (`Index::samples`) and kept by the search, whose lookups of
/// typed words then go through them. Empty (the default), the lookups
/// search the whole tables.
#[derive(Default)]
pub struct Samples {
    surfaces: Sample,
    terms: Sample,
}

impl Samples {
    /// `Index::find_term`, narrowed first.
    pub fn find_term(&self, index: &Index<'_>, term: &str) -> Option<TermId> {
        let range = self.terms.narrow(term.as_bytes(), index.layout.n_terms);
        index.find_term_within(term, range)
    }

    /// The number of word form `form`, if the index has it.
    pub fn find_surface(&self, index: &Index<'_>, form: &str) -> Option<u32> {
        let n = index.layout.n_surface;
        let range = self.surfaces.narrow(form.as_bytes(), n);
        let at = index.partition_surface(range.start, range.end.min(n), |s| s < form.as_bytes());
        (at < n && index.surface_bytes(at) == form.as_bytes()).then_some(at)
    }

    /// The term the index records for word form `form`, if it has the form
    /// (its analysis gives that term: see `text::analyze_known`).
    pub fn term_of_form(&self, index: &Index<'_>, form: &str) -> Option<String> {
        let at = self.find_surface(index, form)?;
        Some(index.surface_term_text(at).to_owned())
    }

    /// `Index::surface_prefix_range`, narrowed first.
    pub fn surface_prefix_range(&self, index: &Index<'_>, prefix: &str) -> Range<u32> {
        let range = self
            .surfaces
            .narrow(prefix.as_bytes(), index.layout.n_surface);
        index.surface_prefix_range_within(prefix, range)
    }
}

/// Typed compounds ("Etats-Unis", "Notre-Dame") of two words each in at
/// least this many documents have a term of their own (see `pair_term`).
/// A phrase of two words reads the positions of every document holding
/// both: for two frequent words, thousands (the bench's `etats-unis` was
/// its slowest query); the pair's own list is read instead, a few bytes a
/// document. Rarer words are few documents to check: no pair is kept.
pub const PAIR_MIN_DF: u32 = 64;

/// The term under which two words standing side by side are indexed, when
/// the index keeps the pair (see `PAIR_MIN_DF`): both words' terms with a
/// space between, which no term holds. Its postings are the documents where
/// the second word follows the first, hyphenated or not ("Etats-Unis",
/// "Etats Unis"), each with the phrase's frequency there (`sloppy_frequency`
/// with no slop) as its frequency, and where each occurrence starts as its
/// positions: what a phrase of the two would find, without the positions of
/// the documents where they stand apart.
pub fn pair_term(first: &str, second: &str) -> String {
    let mut term = String::with_capacity(first.len() + 1 + second.len());
    term.push_str(first);
    term.push(PAIR_SEPARATOR);
    term.push_str(second);
    term
}

const PAIR_SEPARATOR: char = ' ';

/// A phrase's frequency in a document, from its words' positions there
/// (`words`: each word's offset in the phrase and term, first to last; only
/// the offsets count): the sum over the phrase's occurrences of
/// 1/(1 + extra words inside it), at most `slop` extra words in all. For
/// each position of the first word, the earliest fitting position of each
/// next word gives the fewest extra words (a later choice only widens the
/// gaps that follow).
#[inline]
pub fn sloppy_frequency(words: &[(u32, TermId)], positions: &[Vec<u32>], slop: u32) -> f32 {
    let mut freq = 0.0;
    let Some(firsts) = positions.first() else {
        return 0.0;
    };
    let mut last_end: Option<u32> = None;
    'starts: for &start in firsts {
        // Occurrences do not overlap: "paix paix paix" is not three phrases.
        if last_end.is_some_and(|e| start <= e) {
            continue;
        }
        let mut prev = start;
        let mut extra = 0u32;
        for k in 1..words.len() {
            let gap = words[k].0.saturating_sub(words[k - 1].0).max(1);
            let want = prev.saturating_add(gap);
            let list = &positions[k];
            let at = list.partition_point(|&p| p < want);
            let Some(&p) = list.get(at) else {
                continue 'starts;
            };
            extra += p - want;
            if extra > slop {
                continue 'starts;
            }
            prev = p;
        }
        freq += 1.0 / (1.0 + extra as f32);
        last_end = Some(prev);
    }
    freq
}

/// The first number after `from` (which is `under`) that is not `under`,
/// before `end`, where the numbers `under` are a run from `from`: a
/// galloping search, as such runs (the word forms under a prefix) are
/// usually short.
pub fn gallop(from: u32, end: u32, under: impl Fn(u32) -> bool) -> u32 {
    let mut step = 1u32;
    let mut lo = from; // known to be under
    loop {
        let probe = lo.saturating_add(step);
        if probe >= end || !under(probe) {
            let mut hi = probe.min(end);
            // lo is under, hi is not (or the end): bisect.
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if under(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi;
        }
        lo = probe;
        step = step.saturating_mul(2);
    }
}

/// Entry `i` of a table of offsets at `offsets_at` into a section at
/// `data_at`, in `bytes`: its bytes (empty when out of range).
#[inline]
fn entry(bytes: &[u8], offsets_at: usize, data_at: usize, i: u32) -> &[u8] {
    let start = read_u32(bytes, slot(offsets_at, i)) as usize;
    let end = read_u32(bytes, slot(offsets_at, i.saturating_add(1))) as usize;
    bytes
        .get(data_at.saturating_add(start)..data_at.saturating_add(end))
        .unwrap_or_default()
}

/// Where a term's position stream is: found when first read (ranking reads
/// none).
#[derive(Clone, Copy)]
struct TermPositions<'a> {
    part: &'a [u8],
    n_terms: u32,
    term: TermId,
}

impl<'a> TermPositions<'a> {
    fn stream(&self) -> &'a [u8] {
        let table = parts::stored(self.part).unwrap_or_default();
        let data_at = slot(0, self.n_terms.saturating_add(1));
        entry(table, 0, data_at, self.term)
    }
}

/// Iterator over a term's postings, decoded as it goes.
#[derive(Clone)]
pub struct Postings<'a> {
    data: &'a [u8],
    positions: TermPositions<'a>,
    pos: usize,
    pos_at: u32,
    doc: u32,
    first: bool,
    /// Skip entries (see `SKIP_EVERY`), when asked for and kept.
    skips: &'a [u8],
}

impl<'a> Postings<'a> {
    /// A doc stream without its positions (the builder ranking a term's
    /// documents): positions read from it are empty.
    fn of_docs(data: &'a [u8]) -> Postings<'a> {
        Postings {
            data,
            positions: TermPositions {
                part: &[],
                n_terms: 0,
                term: 0,
            },
            pos: 0,
            pos_at: 0,
            doc: 0,
            first: true,
            skips: &[],
        }
    }

    /// The positions of a posting this iterator returned, in order.
    pub fn positions(&self, posting: &Posting) -> Positions<'a> {
        self.position_stream().positions(posting)
    }

    /// The term's positions, found once for the postings of many
    /// documents (see `positions`).
    pub fn position_stream(&self) -> PositionStream<'a> {
        PositionStream(self.positions.stream())
    }
}

/// A term's position stream (see `Postings::position_stream`).
#[derive(Clone, Copy)]
pub struct PositionStream<'a>(&'a [u8]);

impl<'a> PositionStream<'a> {
    /// The positions of one of the term's postings, in order.
    pub fn positions(&self, posting: &Posting) -> Positions<'a> {
        let (start, len) = posting.positions;
        let start = start as usize;
        Positions {
            data: self
                .0
                .get(start..start.saturating_add(len as usize))
                .unwrap_or_default(),
            pos: 0,
            last: 0,
        }
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    /// Out of line: one copy serves the colder walks (phrases, proximity,
    /// exclusions); ranking's loops call `advance`, inlined.
    fn next(&mut self) -> Option<Posting> {
        self.advance()
    }
}

impl Postings<'_> {
    /// The next posting (what `next` gives), inlined into the caller: the
    /// release build optimises for size, which would otherwise leave a call
    /// per posting in the loops that rank.
    #[inline(always)]
    pub fn advance(&mut self) -> Option<Posting> {
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
        // Frequency and positions' length, packed (see `push_tf_and_len`).
        let packed = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        let (weighted_tf, pos_len) = if packed != 0 {
            (u32::from(packed >> 4), u32::from(packed & 0x0F))
        } else {
            let tf = read_varint(self.data, &mut self.pos);
            (tf, read_varint(self.data, &mut self.pos))
        };
        let start = self.pos_at;
        self.pos_at = self.pos_at.saturating_add(pos_len);
        Some(Posting {
            doc: self.doc,
            weighted_tf,
            positions: (start, pos_len),
        })
    }

    /// The first posting of a document at or after `target` (`None` past
    /// the last): with skip entries, the blocks whose documents all come
    /// before `target` are jumped over, not decoded.
    pub fn advance_to(&mut self, target: DocId) -> Option<Posting> {
        let n = self.skips.len() / SKIP_ENTRY;
        // Entries with a document before the target (they are in document
        // order): the last one is the furthest block that can be jumped to.
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if read_u32(self.skips, mid * SKIP_ENTRY) < target {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if let Some(at) = lo.checked_sub(1).map(|j| j * SKIP_ENTRY) {
            let start = read_u32(self.skips, at + 4) as usize;
            // Only ahead: a block already entered is walked on.
            if start > self.pos {
                self.doc = read_u32(self.skips, at);
                self.pos = start;
                self.pos_at = read_u32(self.skips, at + 8);
                self.first = false;
            }
        }
        while let Some(posting) = self.advance() {
            if posting.doc >= target {
                return Some(posting);
            }
        }
        None
    }
}

/// A term's best documents (see `Index::top_postings`): (document,
/// weighted tf), best first.
pub struct TopPostings<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Iterator for TopPostings<'_> {
    type Item = (DocId, u32);

    #[inline(always)]
    fn next(&mut self) -> Option<(DocId, u32)> {
        if self.pos >= self.data.len() {
            return None;
        }
        let doc = read_varint(self.data, &mut self.pos);
        Some((doc, read_varint(self.data, &mut self.pos)))
    }
}

/// A posting's positions, decoded as they are read.
pub struct Positions<'a> {
    data: &'a [u8],
    pos: usize,
    last: u32,
}

impl Iterator for Positions<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.pos >= self.data.len() {
            return None;
        }
        self.last = self
            .last
            .saturating_add(read_varint(self.data, &mut self.pos));
        Some(self.last)
    }
}
