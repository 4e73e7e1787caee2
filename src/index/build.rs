//! Building the index from documents and writing its binary form.

use crate::text::fnv::{HashMap, HashSet};

use super::{
    HEADER_FIELDS, MAGIC, PAIR_MIN_DF, PositionStream, Postings, SET_MIN_DF, SET_SHARE, SKIP_EVERY,
    TOP_LEN, TOP_MIN_DF, bm25, field, pair_term, sloppy_frequency,
};
use crate::corpus::{BlockKind, Document};
use crate::parts;
use crate::text::{self, TokenKind};

/// A title occurrence counts this many body occurrences: a word of the
/// headline says what the article is about.
pub const TITLE_WEIGHT: u32 = 3;
/// Positions left between fields and blocks, so a phrase (even a sloppy
/// one) never spans two.
const FIELD_GAP: u32 = 16;

/// One term's postings, encoded as documents are added (in doc order).
#[derive(Default)]
struct TermPostings {
    term: String,
    df: u32,
    last_doc: u32,
    docs: Vec<u8>,
    positions: Vec<u8>,
}

impl TermPostings {
    /// Adds a document after those added before (its number above theirs),
    /// with the term's weighted frequency and positions (in order) there.
    fn push(&mut self, doc: u32, weighted_tf: u32, positions: impl Iterator<Item = u32>) {
        let before = self.positions.len();
        let mut last = 0;
        for p in positions {
            push_varint(&mut self.positions, p - last);
            last = p;
        }
        let delta = if self.df == 0 {
            doc
        } else {
            doc - self.last_doc
        };
        push_varint(&mut self.docs, delta);
        push_tf_and_len(
            &mut self.docs,
            weighted_tf,
            (self.positions.len() - before) as u32,
        );
        self.df += 1;
        self.last_doc = doc;
    }
}

/// A folded form with no term (a stop word).
const NO_TERM: u32 = u32::MAX;

/// Accumulates documents, then writes the index.
pub struct IndexBuilder {
    doc_len: Vec<u32>,
    /// Term → its number here (order of first sight).
    term_ids: HashMap<String, u32>,
    postings: Vec<TermPostings>,
    /// Folded word form → its term's number (or `NO_TERM`): each form is
    /// stemmed once per corpus, not once per occurrence.
    forms: HashMap<String, u32>,
    /// Pairs of terms seen as the parts of a hyphenated compound, one right
    /// after the other (see `pair_postings`).
    compounds: HashSet<(u32, u32)>,
}

/// A text of a document that is indexed.
struct Field<'a> {
    text: &'a str,
    weight: u32,
    /// Byte offset in the document's text (`None`: the title metadata).
    offset: Option<u32>,
}

fn fields(doc: &Document) -> Vec<Field<'_>> {
    let mut fields = Vec::new();
    if let Some(title) = &doc.title {
        fields.push(Field {
            text: title,
            weight: TITLE_WEIGHT,
            offset: None,
        });
    }
    for block in doc.article_blocks() {
        let weight = match block.kind {
            BlockKind::Title if doc.title.is_some() => continue, // indexed as the title
            BlockKind::Title => TITLE_WEIGHT,
            _ => 1,
        };
        fields.push(Field {
            text: doc.block_text(block),
            weight,
            offset: Some(block.start),
        });
    }
    fields
}

/// The texts of a document that are indexed, with their weight: the title,
/// then the article blocks (captions and boilerplate are not article text).
pub fn indexed_fields(doc: &Document) -> Vec<(&str, u32)> {
    fields(doc)
        .into_iter()
        .map(|f| (f.text, f.weight))
        .collect()
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder::new()
    }
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder {
            doc_len: Vec::new(),
            term_ids: HashMap::default(),
            postings: Vec::new(),
            forms: HashMap::default(),
            compounds: HashSet::default(),
        }
    }

    /// The number of the term a token is indexed under, if any.
    fn term_id(&mut self, kind: TokenKind, folded: &str) -> Option<u32> {
        if kind == TokenKind::Elision {
            return None;
        }
        if let Some(&id) = self.forms.get(folded) {
            return (id != NO_TERM).then_some(id);
        }
        let id = match text::term_for(kind, folded) {
            None => NO_TERM,
            Some(term) => match self.term_ids.get(&term) {
                Some(&id) => id,
                None => {
                    let id = self.postings.len() as u32;
                    self.term_ids.insert(term.clone(), id);
                    self.postings.push(TermPostings {
                        term,
                        ..TermPostings::default()
                    });
                    id
                }
            },
        };
        self.forms.insert(folded.to_owned(), id);
        (id != NO_TERM).then_some(id)
    }

    pub fn add(&mut self, doc: &Document) {
        let doc_id = self.doc_len.len() as u32;
        // Glued words ("informeun") are read as their parts, and whole.
        let splits = &doc.lost_spaces;
        let mut position = 0u32;
        let mut length = 0u32;
        // (term, position, weight) of every indexed token of the document.
        let mut occurrences: Vec<(u32, u32, u32)> = Vec::new();
        let mut compounds: Vec<(u32, u32)> = Vec::new();
        for field in fields(doc) {
            let local: Vec<u32> = match field.offset {
                Some(offset) => splits
                    .iter()
                    .filter_map(|&p| p.checked_sub(offset))
                    .filter(|&p| (p as usize) < field.text.len())
                    .collect(),
                None => Vec::new(),
            };
            let mut next = 0u32;
            // The term and position of the last indexed token, for compounds.
            let mut last: Option<(u32, u32)> = None;
            let mut compound = |term: u32, pos: u32, hyphen_joined: bool| {
                if let Some((first, at)) = last
                    && hyphen_joined
                    && at + 1 == pos
                    && first != term
                {
                    compounds.push((first, term));
                }
                last = Some((term, pos));
            };
            if local.is_empty() {
                text::for_each_token(field.text, &[], |token| {
                    let pos = position.saturating_add(next);
                    next += 1;
                    if let Some(term) = self.term_id(token.kind, token.folded) {
                        length += 1;
                        occurrences.push((term, pos, field.weight));
                        compound(term, pos, token.hyphen_joined);
                    }
                });
            } else {
                // Glued runs: their parts, and each run whole as well.
                for analyzed in text::analyze_split(field.text, &local) {
                    let pos = position.saturating_add(analyzed.position);
                    next = next.max(analyzed.position + 1);
                    let token = &analyzed.token;
                    if let Some(term) = self.term_id(token.kind, &token.folded) {
                        length += u32::from(!analyzed.glued);
                        occurrences.push((term, pos, field.weight));
                        if !analyzed.glued {
                            compound(term, pos, token.hyphen_joined);
                        }
                    }
                }
            }
            position = position.saturating_add(next).saturating_add(FIELD_GAP);
        }
        self.compounds.extend(compounds);
        self.doc_len.push(length);
        // Positions come in order; a stable sort keeps them so per term.
        occurrences.sort_by_key(|o| o.0);
        for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
            let weighted_tf: u32 = group.iter().map(|o| o.2).sum();
            self.postings[group[0].0 as usize].push(doc_id, weighted_tf, group.iter().map(|o| o.1));
        }
    }

    pub fn finish(self) -> Vec<u8> {
        let mut terms = self.postings;
        let pairs = pair_postings(&terms, &self.compounds);
        terms.extend(pairs);
        // Sorted terms; `renumber[old]` is a term's number in that order.
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_by(|&a, &b| terms[a as usize].term.cmp(&terms[b as usize].term));
        let mut renumber = vec![0u32; terms.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let mut sorted: Vec<TermPostings> = Vec::with_capacity(terms.len());
        let mut slots: Vec<Option<TermPostings>> = terms.drain(..).map(Some).collect();
        for &old in &order {
            if let Some(t) = slots[old as usize].take() {
                sorted.push(t);
            }
        }
        let terms = sorted;
        let mut surface: Vec<(&String, u32)> = self
            .forms
            .iter()
            .filter(|(_, id)| **id != NO_TERM)
            .map(|(form, &id)| (form, renumber[id as usize]))
            .collect();
        surface.sort_by(|a, b| a.0.cmp(b.0));

        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.resize(8 + HEADER_FIELDS * 4, 0);
        let mut header = [0u32; HEADER_FIELDS];
        header[field::N_DOCS] = self.doc_len.len() as u32;
        header[field::N_TERMS] = terms.len() as u32;
        header[field::N_SURFACE] = surface.len() as u32;
        let total: u64 = self.doc_len.iter().map(|&l| u64::from(l)).sum();
        header[field::TOTAL_LEN_LOW] = total as u32;
        header[field::TOTAL_LEN_HIGH] = (total >> 32) as u32;

        header[field::DOC_LEN] = out.len() as u32;
        for &l in &self.doc_len {
            push_u32(&mut out, l);
        }
        let (offsets, text) = section(&mut out, terms.iter().map(|t| t.term.as_bytes()));
        header[field::TERM_OFFSETS] = offsets;
        header[field::TERM_TEXT] = text;
        header[field::DF] = out.len() as u32;
        for t in &terms {
            push_u32(&mut out, t.df);
        }
        let (offsets, docs) = section(&mut out, terms.iter().map(|t| t.docs.as_slice()));
        header[field::DOC_OFFSETS] = offsets;
        header[field::DOCS] = docs;
        let (offsets, text) = section(&mut out, surface.iter().map(|(s, _)| s.as_bytes()));
        header[field::SURFACE_OFFSETS] = offsets;
        header[field::SURFACE_TEXT] = text;
        header[field::SURFACE_TERMS] = out.len() as u32;
        for (_, id) in &surface {
            push_u32(&mut out, *id);
        }
        let top = top_lists(&terms, &self.doc_len, total);
        header[field::N_TOP] = top.len() as u32;
        header[field::TOP_TERMS] = out.len() as u32;
        for (id, _) in &top {
            push_u32(&mut out, *id);
        }
        let (offsets, data) = section(&mut out, top.iter().map(|(_, list)| list.as_slice()));
        header[field::TOP_OFFSETS] = offsets;
        header[field::TOP_DATA] = data;
        let n = self.doc_len.len() as u32;
        let sets: Vec<(u32, &TermPostings)> = (0u32..)
            .zip(&terms)
            .filter(|(_, t)| t.df >= SET_MIN_DF && t.df.saturating_mul(SET_SHARE) >= n)
            .collect();
        header[field::N_SETS] = sets.len() as u32;
        header[field::SET_TERMS] = out.len() as u32;
        for (id, _) in &sets {
            push_u32(&mut out, *id);
        }
        header[field::SET_DATA] = out.len() as u32;
        for (_, term) in &sets {
            let mut words = vec![0u64; (n as usize).div_ceil(64)];
            for p in Postings::of_docs(&term.docs) {
                if let Some(word) = words.get_mut(p.doc as usize / 64) {
                    *word |= 1 << (p.doc % 64);
                }
            }
            for word in words {
                out.extend_from_slice(&word.to_le_bytes());
            }
        }
        let skips: Vec<Vec<u8>> = sets
            .iter()
            .map(|(_, term)| skip_entries(&term.docs))
            .collect();
        let (offsets, data) = section(&mut out, skips.iter().map(Vec::as_slice));
        header[field::SKIP_OFFSETS] = offsets;
        header[field::SKIP_DATA] = data;
        // Last, as a part stored as is (see the module's notes).
        header[field::POSITIONS] = out.len() as u32;
        let mut positions = Vec::new();
        section(&mut positions, terms.iter().map(|t| t.positions.as_slice()));
        out.extend_from_slice(&parts::store(&positions));
        header[field::END] = out.len() as u32;
        for (i, h) in header.iter().enumerate() {
            out[8 + i * 4..12 + i * 4].copy_from_slice(&h.to_le_bytes());
        }
        out
    }
}

/// The postings of the compounds' pairs of terms kept as terms of their own
/// (see `pair_term`): those whose words are both in `PAIR_MIN_DF` documents
/// or more. Each pair's documents are those where its words stand side by
/// side, found from the words' own postings and positions.
fn pair_postings(terms: &[TermPostings], compounds: &HashSet<(u32, u32)>) -> Vec<TermPostings> {
    let mut kept: Vec<(u32, u32)> = compounds
        .iter()
        .copied()
        .filter(|&(a, b)| terms[a as usize].df.min(terms[b as usize].df) >= PAIR_MIN_DF)
        .collect();
    kept.sort_unstable();
    let mut positions = [Vec::new(), Vec::new()];
    let mut pairs = Vec::new();
    for (a, b) in kept {
        let (first, second) = (&terms[a as usize], &terms[b as usize]);
        let mut pair = TermPostings {
            term: pair_term(&first.term, &second.term),
            ..TermPostings::default()
        };
        let mut seconds = Postings::of_docs(&second.docs);
        let mut next = seconds.advance();
        for p in Postings::of_docs(&first.docs) {
            while let Some(q) = next
                && q.doc < p.doc
            {
                next = seconds.advance();
            }
            let Some(q) = next.filter(|q| q.doc == p.doc) else {
                continue;
            };
            positions[0].clear();
            positions[0].extend(PositionStream(&first.positions).positions(&p));
            positions[1].clear();
            positions[1].extend(PositionStream(&second.positions).positions(&q));
            let freq = sloppy_frequency(&[(0, a), (1, b)], &positions, 0);
            if freq > 0.0 {
                let [at_first, at_second] = &positions;
                let starts = at_first
                    .iter()
                    .copied()
                    .filter(|&at| at_second.binary_search(&(at + 1)).is_ok());
                pair.push(p.doc, freq as u32, starts);
            }
        }
        if pair.df > 0 {
            pairs.push(pair);
        }
    }
    pairs
}

/// The best documents of each term found in more than `TOP_MIN_DF`
/// documents (see `Index::top_postings`), encoded, by term number (sorted
/// terms): ranked by BM25 exactly as search scores a word alone.
fn top_lists(terms: &[TermPostings], doc_len: &[u32], total_len: u64) -> Vec<(u32, Vec<u8>)> {
    let n = doc_len.len() as u32;
    let average = bm25::average_length(total_len, n);
    let norms: Vec<f32> = doc_len
        .iter()
        .map(|&len| bm25::norm(len, average))
        .collect();
    let mut lists = Vec::new();
    for (id, term) in terms.iter().enumerate() {
        if term.df <= TOP_MIN_DF {
            continue;
        }
        let idf = bm25::idf(n.max(1) as f32, term.df);
        let mut scored: Vec<(f32, u32, u32)> = Postings::of_docs(&term.docs)
            .map(|p| (p.doc, p.weighted_tf))
            .map(|(doc, tf)| {
                let norm = norms.get(doc as usize).copied().unwrap_or(bm25::K1);
                (bm25::score(tf as f32, norm, idf), doc, tf)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut list = Vec::new();
        for &(_, doc, tf) in scored.iter().take(TOP_LEN) {
            push_varint(&mut list, doc);
            push_varint(&mut list, tf);
        }
        lists.push((id as u32, list));
    }
    lists
}

/// A term's skip entries (see `Index` and `Postings::advance_to`): before
/// every `SKIP_EVERY`-th posting after the first block, the document of the
/// posting before it, where it starts in `docs`, and where its positions
/// start.
fn skip_entries(docs: &[u8]) -> Vec<u8> {
    let mut entries = Vec::new();
    let mut postings = Postings::of_docs(docs);
    let (mut count, mut last_doc) = (0usize, 0u32);
    while postings.pos < docs.len() {
        if count > 0 && count % SKIP_EVERY == 0 {
            push_u32(&mut entries, last_doc);
            push_u32(&mut entries, postings.pos as u32);
            push_u32(&mut entries, postings.pos_at);
        }
        let Some(posting) = postings.advance() else {
            break;
        };
        last_doc = posting.doc;
        count += 1;
    }
    entries
}

/// Writes a table of offsets then the entries it points to; returns where
/// each starts.
fn section<'a>(out: &mut Vec<u8>, entries: impl Iterator<Item = &'a [u8]> + Clone) -> (u32, u32) {
    let offsets_at = out.len() as u32;
    let mut offset = 0u32;
    push_u32(out, 0);
    for e in entries.clone() {
        offset += e.len() as u32;
        push_u32(out, offset);
    }
    let data_at = out.len() as u32;
    for e in entries {
        out.extend_from_slice(e);
    }
    (offsets_at, data_at)
}

/// Indexes documents in order (a document's number is its position).
pub fn build_index(docs: &[Document]) -> Vec<u8> {
    let mut builder = IndexBuilder::new();
    for doc in docs {
        builder.add(doc);
    }
    builder.finish()
}

/// A posting's weighted frequency and the byte length of its positions:
/// one byte (high and low nibble) when both are below 16, as nearly always;
/// else a zero byte and two varints.
fn push_tf_and_len(out: &mut Vec<u8>, weighted_tf: u32, pos_len: u32) {
    if (1..16).contains(&weighted_tf) && (1..16).contains(&pos_len) {
        out.push((weighted_tf << 4 | pos_len) as u8);
    } else {
        out.push(0);
        push_varint(out, weighted_tf);
        push_varint(out, pos_len);
    }
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Index, Posting};
    use super::*;
    use crate::corpus::{Block, DateSource};

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: None,
            date: None,
            date_source: DateSource::None,
            outlet: None,
            text: text.into(),
            source_offset: 0,
            blocks: vec![Block {
                kind: BlockKind::Body,
                start: 0,
                end: text.len() as u32,
            }],
            ..Document::default()
        }
    }

    #[test]
    fn postings_jump_ahead_to_the_postings_a_walk_reaches() {
        // "paix" in most of 900 documents (a set, so skip entries), with
        // varying frequencies and positions; "karabakh" in a few.
        let docs: Vec<Document> = (0..900)
            .map(|i| {
                let mut text = String::from("un texte ");
                if i % 7 != 3 {
                    text.push_str(&"la paix encore ".repeat(1 + i % 5));
                }
                if i % 97 == 5 {
                    text.push_str("Haut-Karabakh");
                }
                doc(&format!("d{i}"), &text)
            })
            .collect();
        let bytes = build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        let paix = index.find_term("paix").unwrap();
        assert!(index.doc_set(paix).is_some());
        let walked: Vec<Posting> = index.postings(paix).collect();
        assert!(walked.len() > 4 * SKIP_EVERY);
        let positions = |p: &Posting| index.postings(paix).positions(p).collect::<Vec<_>>();
        for from in [0usize, 1, 63, 64, 65, 200, 500] {
            for target in [0u32, 1, 3, 64, 65, 300, 301, 640, 641, 899, 900, 5000] {
                let mut it = index.postings_with_skips(paix);
                let mut cur = None;
                for _ in 0..from {
                    cur = it.advance();
                }
                let got = if cur.is_some_and(|p| p.doc >= target) {
                    cur
                } else {
                    it.advance_to(target)
                };
                let want = walked
                    .iter()
                    .skip(from.saturating_sub(1))
                    .find(|p| p.doc >= target);
                assert_eq!(got.as_ref(), want, "from {from}, to {target}");
                if let (Some(got), Some(want)) = (got, want) {
                    assert_eq!(positions(&got), positions(want));
                    // And the walk goes on from there as it would have.
                    let rest: Vec<Posting> = std::iter::from_fn(|| it.advance()).collect();
                    let at = walked.iter().position(|p| p == want).unwrap();
                    assert_eq!(rest, walked[at + 1..]);
                }
            }
        }
        // A rare term has no skip entries: it steps through.
        let karabakh = index.find_term("karabakh").unwrap();
        let mut it = index.postings_with_skips(karabakh);
        assert_eq!(it.advance_to(100).map(|p| p.doc), Some(102));
        // Broken skip entries never make a walk panic or run on.
        let field_at = |f: usize| super::super::read_u32(&bytes, 8 + f * 4) as usize;
        for i in field_at(field::SKIP_OFFSETS)..field_at(field::POSITIONS) {
            let mut broken = bytes.clone();
            broken[i] ^= 0xA5;
            let Ok(index) = Index::open(&broken) else {
                continue;
            };
            for target in [1u32, 300, 899, 5000] {
                let mut it = index.postings_with_skips(paix);
                let _ = it.advance_to(target);
                assert!(std::iter::from_fn(|| it.advance()).count() <= bytes.len());
            }
        }
    }

    #[test]
    fn round_trip() {
        let docs = vec![
            doc("a", "Les soldats de la paix sont déployés."),
            doc("b", "Un soldat, deux soldats."),
        ];
        let bytes = build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        assert_eq!(index.doc_count(), 2);
        let soldat = index.find_term(&text::stem("soldats")).unwrap();
        assert_eq!(index.df(soldat), 2);
        let mut postings = index.postings(soldat);
        let first = postings.next().unwrap();
        assert_eq!(first.doc, 0);
        assert_eq!(postings.positions(&first).collect::<Vec<_>>(), vec![1]);
        let second = postings.next().unwrap();
        assert_eq!(second.doc, 1);
        assert_eq!(second.weighted_tf, 2);
        assert_eq!(postings.positions(&second).collect::<Vec<_>>(), vec![1, 3]);
        assert!(postings.next().is_none());
        let range = index.surface_prefix_range("deploy");
        assert_eq!(range.len(), 1);
        assert_eq!(index.surface(range.start), "deployes");
        assert!(index.find_term("absent").is_none());
    }

    #[test]
    fn sampled_lookups_find_what_whole_lookups_find() {
        // Forms sharing long beginnings (keys of 8 bytes tie), short ones,
        // and enough of them for many strides of the samples.
        let stems = ["anticonstitutionnel", "constitution", "paix", "pa", "zone"];
        let mut text = String::new();
        for (i, stem) in stems.iter().enumerate() {
            for j in 0..120 {
                let suffix: String = format!("{:x}", j * 7 + i)
                    .chars()
                    .map(|c| (b'a' + c.to_digit(16).unwrap() as u8) as char)
                    .collect();
                text.push_str(&format!("{stem}{suffix} "));
            }
        }
        let bytes = build_index(&[doc("a", &text)]);
        let index = Index::open(&bytes).unwrap();
        let samples = index.samples();
        let mut probes: Vec<String> = ["", "a", "zzzz", "anticonstitutionnelz", "pa", "paix"]
            .map(String::from)
            .to_vec();
        for i in 0..index.surface_count() {
            let form = index.surface(i).to_owned();
            for end in (1..form.len()).filter(|&e| form.is_char_boundary(e)) {
                probes.push(form[..end].to_owned());
            }
            probes.push(format!("{form}z"));
            probes.push(form);
        }
        for t in 0..index.term_count() {
            probes.push(index.term(t).to_owned());
        }
        assert!(index.surface_count() > 200);
        for probe in &probes {
            assert_eq!(
                samples.surface_prefix_range(&index, probe),
                index.surface_prefix_range(probe),
                "{probe}"
            );
            assert_eq!(
                samples.find_term(&index, probe),
                index.find_term(probe),
                "{probe}"
            );
        }
    }

    #[test]
    fn glued_words_are_indexed_by_parts_and_whole() {
        let mut docs = vec![
            doc("a", "Le communiqué informeun lecteur."),
            doc("b", "Les informations du communiqué."),
        ];
        // Where the corpus's vocabulary finds the lost space (see text::glue).
        docs[0].lost_spaces = vec![docs[0].text.find("un lecteur").unwrap() as u32];
        let bytes = build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        for word in ["informe", "informeun", "lecteur"] {
            let term = index.find_term(&text::stem(word)).unwrap();
            assert_eq!(index.postings(term).next().unwrap().doc, 0, "{word}");
        }
        // "informe" and "lecteur" stay one word apart ("un" between).
        let positions = |word: &str| {
            let term = index.find_term(&text::stem(word)).unwrap();
            let mut p = index.postings(term);
            let first = p.next().unwrap();
            p.positions(&first).collect::<Vec<_>>()
        };
        assert_eq!(positions("informe"), [2]);
        assert_eq!(positions("informeun"), [3]);
        assert_eq!(positions("lecteur"), [4]);
    }

    #[test]
    fn positions_in_another_form_than_stored_read_as_none() {
        let bytes = build_index(&[doc("a", "Les soldats de la paix.")]);
        let index = Index::open(&bytes).unwrap();
        let soldat = index.find_term(&text::stem("soldats")).unwrap();
        let positions = |index: &Index| {
            let mut p = index.postings(soldat);
            let posting = p.next().unwrap();
            p.positions(&posting).collect::<Vec<_>>()
        };
        assert_eq!(positions(&index), vec![1]);
        let mut packed = bytes.clone();
        // The form byte of a part packed with Zstandard (see `crate::parts`).
        packed[index.layout.positions_at] = 2;
        let packed = Index::open(&packed).unwrap();
        assert!(positions(&packed).is_empty());
    }

    #[test]
    fn garbage_is_rejected_not_panicked_on() {
        assert!(Index::open(b"").is_err());
        assert!(Index::open(b"RCPIDX04").is_err());
        let bytes = build_index(&[doc("a", "texte")]);
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() - 3);
        assert!(Index::open(&cut).is_err());
        // Flipping any byte never makes reading panic.
        for i in 0..bytes.len() {
            let mut broken = bytes.clone();
            broken[i] ^= 0xA5;
            if let Ok(index) = Index::open(&broken) {
                for t in 0..index.term_count().min(64) {
                    let _ = index.term(t);
                    let mut p = index.postings(t);
                    while let Some(posting) = p.next() {
                        let _ = index.doc_len(posting.doc);
                        let _ = p.positions(&posting).count();
                    }
                }
                let _ = index.surface_prefix_range("t");
                let samples = index.samples();
                let _ = samples.surface_prefix_range(&index, "t");
                let _ = samples.find_term(&index, "t");
            }
        }
    }
}
