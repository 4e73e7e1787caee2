//! The document model and corpus loading.
//!
//! A document keeps its text exactly as stored (the file's text after any
//! header line, or the `text` field of a `.jsonl` line), and describes it as
//! blocks: body paragraphs, headings, captions, boilerplate. Every offset the
//! explorer reports (snippets, statements, evidence) is an offset into that
//! text, so what it shows can always be found in the original.

pub mod load;
pub mod segment;

use serde::{Deserialize, Serialize};

pub use load::{CorpusError, RawDocument, read_corpus_dir};

/// Where a document's date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The ` date YYYY-MM[-DD] ` header of a `.txt` file.
    Header,
    /// The `date` field of a `.jsonl` line.
    Field,
    /// A dateline opening the text ("21 juin 2012. -").
    Dateline,
    /// Nothing says when it was published.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A headline line opening the document.
    Title,
    /// A short line that introduces a section ("Le cessez-le-feu").
    Heading,
    /// Article text.
    Body,
    /// An image caption or credit attached to an image.
    Caption,
    /// Page furniture: credits, "follow us", consent banners.
    Boilerplate,
}

impl BlockKind {
    /// Text that belongs to the article: indexed, searched and read by the
    /// extractor.
    pub fn is_article(self) -> bool {
        matches!(
            self,
            BlockKind::Title | BlockKind::Heading | BlockKind::Body
        )
    }
}

/// A paragraph or line of a document: `start..end` are byte offsets into
/// `Document::text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// File name relative to the corpus folder, or the `id` of a `.jsonl` line.
    pub id: String,
    pub title: Option<String>,
    /// "YYYY-MM" or "YYYY-MM-DD", never guessed.
    pub date: Option<String>,
    pub date_source: DateSource,
    /// The outlet, where the text names it.
    pub outlet: Option<String>,
    /// The text as stored; every offset refers to it.
    pub text: String,
    /// Offset in characters of `text` within the source (the length of a
    /// header line), so offsets can be given in the file as stored.
    pub source_offset: u32,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn block_text(&self, block: &Block) -> &str {
        self.text
            .get(block.start as usize..block.end as usize)
            .unwrap_or("")
    }

    /// The article's blocks (title, headings, body), in reading order.
    pub fn article_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_article())
    }

    /// Converts a byte offset into `text` to a character offset in the
    /// source as stored (header included).
    pub fn source_char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let mut b = byte;
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        self.source_offset as usize + self.text[..b].chars().count()
    }
}

/// Turns the raw documents of a corpus into documents: blocks, title, date.
pub fn build_documents(raw: Vec<RawDocument>) -> Vec<Document> {
    segment::segment_corpus(raw)
}
