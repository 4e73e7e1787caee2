//! From raw text to a document: blocks (one a line), title and date.

use super::{Block, BlockKind, DateSource, Document, RawDocument};

/// Segments every raw document of a corpus.
pub fn segment_corpus(raw: Vec<RawDocument>) -> Vec<Document> {
    raw.into_iter().map(segment_document).collect()
}

fn segment_document(raw: RawDocument) -> Document {
    let blocks = line_blocks(&raw.text);
    let (date, date_source) = if let Some(d) = raw.header_date.clone() {
        (Some(d), DateSource::Header)
    } else if let Some(d) = raw.field_date.clone() {
        (Some(d), DateSource::Field)
    } else {
        (None, DateSource::None)
    };
    Document {
        id: raw.id,
        title: raw.field_title,
        date,
        date_source,
        outlet: None,
        text: raw.text,
        source_offset: raw.source_offset,
        blocks,
    }
}

/// One block a non-empty line, trimmed (offsets stay in the original text).
pub fn line_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let start = offset + lead;
            blocks.push(Block {
                kind: BlockKind::Body,
                start: start as u32,
                end: (start + trimmed.len()) as u32,
            });
        }
        offset += line.len();
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_trimmed_lines_with_original_offsets() {
        let text = "  Un.\r\n\r\nDeux \u{a0}\nTrois";
        let blocks = line_blocks(text);
        let got: Vec<_> = blocks
            .iter()
            .map(|b| &text[b.start as usize..b.end as usize])
            .collect();
        assert_eq!(got, ["Un.", "Deux", "Trois"]);
    }
}
