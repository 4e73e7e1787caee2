//! The document model and corpus loading.
//!
//! A document is the article a file holds, without the page around it: its
//! cleaned text (Markdown marks, HTML tags and lost spaces repaired away)
//! described as blocks (title, headings, body paragraphs, captions, a
//! dateline, and the boilerplate that was removed, kept so the page can show
//! it on request). Every offset the explorer reports (snippets, statements,
//! evidence) is a byte offset into the cleaned `text`; `source_char_offset`
//! turns it into a character offset in the file as stored, so what it shows
//! can always be found in the original.
//!
//! Reading: `load.rs` (files, formats, errors); `prepare.rs`, `markdown.rs`,
//! `html.rs` (each format to a cleaned text cut into paragraphs, with its
//! `sourcemap.rs` and the spacing repairs of `repair.rs`); `segment.rs`
//! (paragraphs to blocks, title, date, outlet) with `clean.rs` (what is
//! furniture, from the line signals of `signals.rs` and the word lists of
//! `lexicon.rs`), `dates.rs` and `outlet.rs`.

pub mod clean;
pub mod dates;
pub mod html;
pub mod lexicon;
pub mod load;
pub mod markdown;
pub mod outlet;
pub mod prepare;
pub mod repair;
pub mod segment;
pub mod signals;
pub mod sourcemap;
pub mod summaries;

use serde::{Deserialize, Serialize};

pub use load::{
    CorpusError, Format, Limits, RawDocument, read_corpus_dir, read_corpus_files, read_corpus_with,
};
pub use sourcemap::SourceMap;
pub use summaries::{Summaries, SummaryView, Texts};

/// Where a document's date comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The ` date YYYY-MM[-DD] ` header of a `.txt` file (or the front
    /// matter of a Markdown file).
    Header,
    /// The `date` field of a `.jsonl` line.
    Field,
    /// The page's metadata: `article:published_time`, JSON-LD
    /// `datePublished`, `<time datetime>`.
    Meta,
    /// A dateline opening the text ("21 juin 2012. -") or a publication
    /// stamp ("Publié le 12 mars 2024").
    Dateline,
    /// Nothing says when it was published.
    #[default]
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
    /// A dateline cut from the start of a paragraph ("22 mai 2012. -"): it
    /// dates the text and is not part of its first sentence.
    Dateline,
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

/// Why a block is boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// "- Avec AFP", "Source : Reuters".
    Credit,
    /// "Par Jean Dupont".
    Byline,
    /// "Lire aussi", "Sur le même sujet" and the headlines under them.
    Related,
    /// "Suivez … sur Telegram", "Abonnez-vous".
    CallToAction,
    /// "Partager", "Facebook Twitter".
    Share,
    /// "Publicité".
    Advert,
    /// A cookie-consent banner and its buttons.
    Consent,
    /// "Tous droits réservés".
    Copyright,
    /// "Mis à jour le …", "Temps de lecture", "Le 04/02/2024 à 8:15".
    Stamp,
    /// The site about itself: paywall, video player, "Signaler une erreur".
    Notice,
    /// An editors' slug ("dch/reb/shu").
    Slug,
    /// A line found in many documents of the corpus.
    Repeated,
    /// A short line among page furniture, or a line without words.
    Furniture,
}

/// A paragraph or line of a document: `start..end` are byte offsets into
/// `Document::text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: u32,
    pub end: u32,
}

/// A boilerplate block and why it was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Index into `Document::blocks`.
    pub block: u32,
    pub why: Reason,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// File name relative to the corpus folder, or the `id` of a `.jsonl` line.
    pub id: String,
    pub title: Option<String>,
    /// "YYYY-MM" or "YYYY-MM-DD", never guessed.
    pub date: Option<String>,
    pub date_source: DateSource,
    /// The publisher, where the page names it ("RT en français", "Le
    /// Monde"); the agency when the text is an agency's own dispatch
    /// ("PARIS (AFP) -") and no publisher is named.
    pub outlet: Option<String>,
    /// The cleaned text; every offset refers to it.
    pub text: String,
    /// Offset in characters of `text` within the source (the length of a
    /// header line), so offsets can be given in the file as stored.
    pub source_offset: u32,
    pub blocks: Vec<Block>,
    /// What an undated text says about its own day ("26 mars, année
    /// inconnue"); never a date.
    pub date_hint: Option<String>,
    /// News agencies credited for the text ("- Avec AFP", "(Reuters)").
    pub agencies: Vec<String>,
    pub format: Format,
    /// From `text` back to the file as stored (empty: `text` is the file
    /// after `source_offset` characters).
    pub source_map: SourceMap,
    /// Why each boilerplate block was removed.
    pub removed: Vec<Removal>,
    /// Byte offsets in `text` where a scraped page lost a space between two
    /// words ("informe|un", "ont|attaqué"), sorted. The text keeps what the
    /// source wrote; every reader that cuts it into words (index, snippets,
    /// extractor) reads through `text::tokenize_split` with these.
    pub lost_spaces: Vec<u32>,
}

impl Document {
    pub fn block_text(&self, block: &Block) -> &str {
        self.text
            .get(block.start as usize..block.end as usize)
            .unwrap_or("")
    }

    /// The lost spaces inside `start..end`, as offsets from `start` (for
    /// reading a block or a passage on its own).
    pub fn lost_spaces_in(&self, start: usize, end: usize) -> Vec<u32> {
        self.lost_spaces
            .iter()
            .filter(|&&p| (p as usize) > start && (p as usize) < end)
            .map(|&p| p - start as u32)
            .collect()
    }

    /// The article's blocks (title, headings, body), in reading order.
    pub fn article_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_article())
    }

    /// Converts a byte offset into `text` to a character offset in the
    /// source as stored (header, markup and repaired spaces accounted for).
    pub fn source_char_offset(&self, byte: usize) -> usize {
        if let Some(c) = self.source_map.source_char(&self.text, byte) {
            return c;
        }
        let byte = byte.min(self.text.len());
        let mut b = byte;
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        self.source_offset as usize + self.text[..b].chars().count()
    }

    /// The character range in the source as stored of `text[start..end]`.
    pub fn source_char_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.source_char_offset(start), self.source_char_offset(end))
    }

    /// The opening words of the text, for a document without a title (at
    /// most `max_chars` characters, cut between words, "…" when cut).
    pub fn lead(&self, max_chars: usize) -> Option<String> {
        let block = self
            .article_blocks()
            .find(|b| b.kind == BlockKind::Body || b.kind == BlockKind::Heading)?;
        let text = self.block_text(block).trim();
        if text.is_empty() {
            return None;
        }
        if text.chars().count() <= max_chars {
            return Some(text.to_owned());
        }
        let cut = text
            .char_indices()
            .nth(max_chars)
            .map_or(text.len(), |(i, _)| i);
        let head = &text[..cut];
        // Back to the last space, unless that loses most of it.
        let head = match head.rfind(char::is_whitespace) {
            Some(at) if at > cut / 2 => &head[..at],
            _ => head,
        };
        Some(format!(
            "{}…",
            head.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':')
        ))
    }

    /// What a list shows of the document (a result, a source picker).
    pub fn summary(&self) -> DocumentSummary {
        DocumentSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            lead: if self.title.is_none() {
                self.lead(LEAD_CHARS)
            } else {
                None
            },
            date: self.date.clone(),
            date_source: self.date_source,
            outlet: self.outlet.clone(),
            date_hint: self.date_hint.clone(),
            agencies: self.agencies.clone(),
            length: self
                .article_blocks()
                .map(|b| (b.end - b.start) as usize)
                .sum(),
        }
    }

    /// The summary `recoupe extract` prints: what the explorer says about
    /// the document, with the text it removed and why.
    pub fn info(&self) -> DocumentInfo<'_> {
        let text_of = |kind: BlockKind| -> Vec<&str> {
            self.blocks
                .iter()
                .filter(|b| b.kind == kind)
                .map(|b| self.block_text(b))
                .collect()
        };
        DocumentInfo {
            id: &self.id,
            title: self.title.as_deref(),
            date: self.date.as_deref(),
            date_source: self.date_source,
            date_hint: self.date_hint.as_deref(),
            outlet: self.outlet.as_deref(),
            agencies: &self.agencies,
            format: self.format,
            paragraphs: self.article_blocks().count(),
            length: self
                .article_blocks()
                .map(|b| self.block_text(b).chars().count())
                .sum(),
            dateline: text_of(BlockKind::Dateline).first().copied(),
            captions: text_of(BlockKind::Caption),
            boilerplate: self
                .removed
                .iter()
                .filter_map(|r| {
                    let b = self.blocks.get(r.block as usize)?;
                    Some(RemovedText {
                        text: self.block_text(b),
                        why: r.why,
                    })
                })
                .collect(),
        }
    }
}

/// Characters of text shown for a document without a title.
pub const LEAD_CHARS: usize = 90;

/// A document in a list: what a result list or a source picker shows, with
/// none of its text. The embedded form keeps these apart from the texts, so
/// a search answers before any text is decoded.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    pub id: String,
    pub title: Option<String>,
    /// The opening words of the text, for a document without a title.
    #[serde(default)]
    pub lead: Option<String>,
    pub date: Option<String>,
    pub date_source: DateSource,
    pub outlet: Option<String>,
    /// What an undated text says of its own day ("26 mars, année inconnue").
    pub date_hint: Option<String>,
    /// News agencies credited for the text.
    pub agencies: Vec<String>,
    /// Bytes of article text.
    pub length: usize,
}

/// A document as `recoupe extract` describes it.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub date_source: DateSource,
    pub date_hint: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub agencies: &'a [String],
    pub format: Format,
    /// Article blocks (title, headings, body).
    pub paragraphs: usize,
    /// Characters of article text.
    pub length: usize,
    pub dateline: Option<&'a str>,
    pub captions: Vec<&'a str>,
    pub boilerplate: Vec<RemovedText<'a>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RemovedText<'a> {
    pub text: &'a str,
    pub why: Reason,
}

/// Turns the raw documents of a corpus into documents: cleaned text,
/// blocks, title, date, outlet.
///
/// Glued words are found last, with the whole corpus in hand: whether
/// "informeun" is two words depends on which words the corpus knows.
pub fn build_documents(raw: Vec<RawDocument>) -> Vec<Document> {
    let mut documents = segment::segment_corpus(raw);
    let vocabulary = crate::text::Vocabulary::from_texts(documents.iter().flat_map(|d| {
        d.title
            .as_deref()
            .into_iter()
            .chain(d.article_blocks().map(|b| d.block_text(b)))
    }));
    for doc in &mut documents {
        doc.lost_spaces = vocabulary.split_points(&doc.text);
    }
    documents
}
