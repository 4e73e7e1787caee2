//! Building the index from documents and writing its binary form.

use std::collections::{BTreeMap, HashMap};

use super::{HEADER_FIELDS, MAGIC};
use crate::corpus::{BlockKind, Document};
use crate::text;

/// A title occurrence counts this many body occurrences.
pub const TITLE_WEIGHT: u32 = 3;
/// Positions left between fields and blocks, so a phrase never spans two.
const FIELD_GAP: u32 = 16;

#[derive(Default)]
struct TermPostings {
    /// (doc, weighted tf, positions), in doc order.
    docs: Vec<(u32, u32, Vec<u32>)>,
}

/// Accumulates documents, then writes the index.
#[derive(Default)]
pub struct IndexBuilder {
    doc_len: Vec<u32>,
    terms: HashMap<String, TermPostings>,
    surface: BTreeMap<String, String>,
}

/// The texts of a document that are indexed, with their weight: the title,
/// then the article blocks (captions and boilerplate are not article text).
pub fn indexed_fields(doc: &Document) -> Vec<(&str, u32)> {
    let mut fields = Vec::new();
    if let Some(title) = &doc.title {
        fields.push((title.as_str(), TITLE_WEIGHT));
    }
    for block in doc.article_blocks() {
        if block.kind == BlockKind::Title && doc.title.is_some() {
            continue; // already indexed as the title
        }
        fields.push((doc.block_text(block), 1));
    }
    fields
}

impl IndexBuilder {
    pub fn add(&mut self, doc: &Document) {
        let doc_id = self.doc_len.len() as u32;
        let mut position = 0u32;
        let mut length = 0u32;
        let mut per_term: HashMap<String, (u32, Vec<u32>)> = HashMap::new();
        for (field, weight) in indexed_fields(doc) {
            let mut last = position;
            for analyzed in text::analyze(field) {
                let pos = position + analyzed.position;
                last = pos;
                let Some(term) = analyzed.term else { continue };
                length += 1;
                if analyzed.token.kind == text::TokenKind::Word {
                    self.surface
                        .entry(analyzed.token.folded.clone())
                        .or_insert_with(|| term.clone());
                } else {
                    self.surface
                        .entry(term.clone())
                        .or_insert_with(|| term.clone());
                }
                let entry = per_term.entry(term).or_default();
                entry.0 += weight;
                entry.1.push(pos);
            }
            position = last + FIELD_GAP;
        }
        self.doc_len.push(length);
        for (term, (wtf, positions)) in per_term {
            self.terms
                .entry(term)
                .or_default()
                .docs
                .push((doc_id, wtf, positions));
        }
    }

    pub fn finish(self) -> Vec<u8> {
        let mut terms: Vec<(String, TermPostings)> = self.terms.into_iter().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, p) in &mut terms {
            p.docs.sort_by_key(|d| d.0);
        }
        let term_ids: HashMap<&str, u32> = terms
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (t.as_str(), i as u32))
            .collect();

        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.resize(8 + HEADER_FIELDS * 4, 0);
        let mut header = [0u32; HEADER_FIELDS];
        header[0] = self.doc_len.len() as u32;
        header[1] = terms.len() as u32;
        header[2] = self.surface.len() as u32;
        let total: u64 = self.doc_len.iter().map(|&l| u64::from(l)).sum();
        header[3] = total as u32;
        header[4] = (total >> 32) as u32;

        header[5] = out.len() as u32;
        for &l in &self.doc_len {
            push_u32(&mut out, l);
        }
        // Term text.
        header[6] = out.len() as u32;
        let mut offset = 0u32;
        push_u32(&mut out, 0);
        for (t, _) in &terms {
            offset += t.len() as u32;
            push_u32(&mut out, offset);
        }
        header[7] = out.len() as u32;
        for (t, _) in &terms {
            out.extend_from_slice(t.as_bytes());
        }
        header[8] = out.len() as u32;
        for (_, p) in &terms {
            push_u32(&mut out, p.docs.len() as u32);
        }
        // Postings.
        let mut postings = Vec::new();
        let mut post_offsets = vec![0u32];
        for (_, p) in &terms {
            let mut prev = 0;
            for (i, (doc, wtf, positions)) in p.docs.iter().enumerate() {
                push_varint(&mut postings, if i == 0 { *doc } else { doc - prev });
                prev = *doc;
                push_varint(&mut postings, *wtf);
                push_varint(&mut postings, positions.len() as u32);
                let mut last = 0;
                for &pos in positions {
                    push_varint(&mut postings, pos - last);
                    last = pos;
                }
            }
            post_offsets.push(postings.len() as u32);
        }
        header[9] = out.len() as u32;
        for o in post_offsets {
            push_u32(&mut out, o);
        }
        header[10] = out.len() as u32;
        out.extend_from_slice(&postings);
        // Surface forms.
        header[11] = out.len() as u32;
        let mut offset = 0u32;
        push_u32(&mut out, 0);
        for s in self.surface.keys() {
            offset += s.len() as u32;
            push_u32(&mut out, offset);
        }
        for s in self.surface.keys() {
            out.extend_from_slice(s.as_bytes());
        }
        for t in self.surface.values() {
            push_u32(&mut out, term_ids[t.as_str()]);
        }
        for (i, h) in header.iter().enumerate() {
            out[8 + i * 4..12 + i * 4].copy_from_slice(&h.to_le_bytes());
        }
        out
    }
}

/// Indexes documents in order (a document's number is its position).
pub fn build_index(docs: &[Document]) -> Vec<u8> {
    let mut builder = IndexBuilder::default();
    for doc in docs {
        builder.add(doc);
    }
    builder.finish()
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
    use super::super::Index;
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
        let postings: Vec<_> = index.postings(soldat).collect();
        assert_eq!(postings[0].doc, 0);
        assert_eq!(postings[0].positions, vec![1]);
        assert_eq!(postings[1].doc, 1);
        assert_eq!(postings[1].weighted_tf, 2);
        let range = index.surface_prefix_range("deploy");
        assert_eq!(range.len(), 1);
        assert_eq!(index.surface(range.start), "deployes");
        assert!(index.find_term("absent").is_none());
    }

    #[test]
    fn garbage_is_rejected_not_panicked_on() {
        assert!(Index::open(b"").is_err());
        assert!(Index::open(b"RCPIDX01").is_err());
        let mut bytes = build_index(&[doc("a", "texte")]);
        bytes.truncate(bytes.len() - 3);
        assert!(Index::open(&bytes).is_err());
    }
}
