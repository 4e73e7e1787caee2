//! The explorer: a corpus with everything built from it (index, claims,
//! comparisons), in memory or in the binary form embedded in the wasm module.
//!
//! The build script and the command-line program build it from files with
//! [`Explorer::build`]; the wasm module opens the embedded form with
//! [`Explorer::from_parts`]. Both run the same code on the same documents.

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::claims::{self, Claims};
use crate::compare::{self, CompareInput, Comparisons, TimelineFilter};
use crate::corpus::{self, CorpusError, Document, RawDocument};
use crate::index::{self, Index};
use crate::search::{self, SearchOptions, SearchResults};
use crate::text::{self, Token};

/// File names of the embedded form (inside the build's output folder).
pub const DOCUMENTS_FILE: &str = "documents.bin";
pub const INDEX_FILE: &str = "index.bin";
pub const CLAIMS_FILE: &str = "claims.bin";
pub const COMPARISONS_FILE: &str = "comparisons.bin";
/// Every part of the embedded form.
pub const PARTS: [&str; 4] = [DOCUMENTS_FILE, INDEX_FILE, CLAIMS_FILE, COMPARISONS_FILE];

pub struct Explorer {
    documents: Vec<Document>,
    index: Cow<'static, [u8]>,
    layout: index::Layout,
    claims: Part<Claims>,
    comparisons: Part<Comparisons>,
}

/// A part of the explorer that an embedded page decodes on first use:
/// a search needs neither 50,000 statements nor the corpus's conflicts.
enum Part<T> {
    Built(T),
    Embedded {
        bytes: &'static [u8],
        what: &'static str,
        decoded: OnceLock<Result<T, String>>,
    },
}

impl<T: DeserializeOwned> Part<T> {
    fn embedded(bytes: &'static [u8], what: &'static str) -> Part<T> {
        Part::Embedded {
            bytes,
            what,
            decoded: OnceLock::new(),
        }
    }

    fn get(&self) -> Result<&T, String> {
        match self {
            Part::Built(value) => Ok(value),
            Part::Embedded {
                bytes,
                what,
                decoded,
            } => decoded
                .get_or_init(|| {
                    postcard::from_bytes(bytes).map_err(|e| format!("corrupt embedded {what}: {e}"))
                })
                .as_ref()
                .map_err(Clone::clone),
        }
    }
}

/// A document in a list: what a result list or a source picker shows.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub date_source: corpus::DateSource,
    pub outlet: Option<String>,
    /// What an undated text says of its own day ("26 mars, année inconnue").
    pub date_hint: Option<String>,
    /// News agencies credited for the text.
    pub agencies: Vec<String>,
    /// Characters of article text.
    pub length: usize,
}

/// A document to read: its blocks as text, each with its kind.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub date_source: corpus::DateSource,
    pub outlet: Option<String>,
    pub date_hint: Option<String>,
    pub agencies: Vec<String>,
    pub blocks: Vec<BlockView>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BlockView {
    pub kind: corpus::BlockKind,
    pub text: String,
    /// Byte offset of the block in the document's text.
    pub start: u32,
}

impl Explorer {
    /// Builds an explorer from raw documents (files already read).
    pub fn build(raw: Vec<RawDocument>) -> Explorer {
        let documents = corpus::build_documents(raw);
        let index = index::build_index(&documents);
        let layout = Index::open(&index)
            .expect("a freshly built index opens")
            .layout();
        let claims = claims::extract(&documents);
        let comparisons = Comparisons::build(&documents, &claims);
        Explorer {
            documents,
            index: Cow::Owned(index),
            layout,
            claims: Part::Built(claims),
            comparisons: Part::Built(comparisons),
        }
    }

    /// Reads a corpus folder (or file) and builds its explorer; also returns
    /// the warnings (skipped files, duplicates).
    pub fn from_dir(path: &Path) -> Result<(Explorer, Vec<String>), CorpusError> {
        let read = corpus::read_corpus_dir(path)?;
        Ok((Explorer::build(read.documents), read.warnings))
    }

    /// The binary form: (file name, bytes) pairs.
    pub fn to_parts(&self) -> Vec<(&'static str, Vec<u8>)> {
        vec![
            (
                DOCUMENTS_FILE,
                postcard::to_allocvec(&self.documents).unwrap_or_default(),
            ),
            (INDEX_FILE, self.index.to_vec()),
            (CLAIMS_FILE, encode(self.claims.get().ok())),
            (COMPARISONS_FILE, encode(self.comparisons.get().ok())),
        ]
    }

    /// Opens the binary form, given by `part` (file name → its bytes). The
    /// index is read in place, never copied; claims and comparisons are
    /// decoded on first use.
    pub fn from_parts(
        part: impl Fn(&str) -> Result<&'static [u8], String>,
    ) -> Result<Explorer, String> {
        let documents: Vec<Document> = postcard::from_bytes(part(DOCUMENTS_FILE)?)
            .map_err(|e| format!("corrupt embedded documents: {e}"))?;
        let index = part(INDEX_FILE)?;
        let opened = Index::open(index).map_err(|e| e.to_string())?;
        if opened.doc_count() as usize != documents.len() {
            return Err("embedded index and documents disagree".to_owned());
        }
        Ok(Explorer {
            documents,
            index: Cow::Borrowed(index),
            layout: opened.layout(),
            claims: Part::embedded(part(CLAIMS_FILE)?, "claims"),
            comparisons: Part::embedded(part(COMPARISONS_FILE)?, "comparisons"),
        })
    }

    pub fn index(&self) -> Index<'_> {
        Index::with_layout(&self.index, self.layout)
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn summaries(&self) -> Vec<DocumentSummary> {
        self.documents
            .iter()
            .map(|d| DocumentSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                date: d.date.clone(),
                date_source: d.date_source,
                outlet: d.outlet.clone(),
                date_hint: d.date_hint.clone(),
                agencies: d.agencies.clone(),
                length: d.article_blocks().map(|b| (b.end - b.start) as usize).sum(),
            })
            .collect()
    }

    pub fn view(&self, id: &str) -> Option<DocumentView> {
        let d = self.document(id)?;
        Some(DocumentView {
            id: d.id.clone(),
            title: d.title.clone(),
            date: d.date.clone(),
            date_source: d.date_source,
            outlet: d.outlet.clone(),
            date_hint: d.date_hint.clone(),
            agencies: d.agencies.clone(),
            blocks: d
                .blocks
                .iter()
                .map(|b| BlockView {
                    kind: b.kind,
                    text: d.block_text(b).to_owned(),
                    start: b.start,
                })
                .collect(),
        })
    }

    /// The tokens of a document's text as the index and the extractor
    /// read them: glued runs cut where a space was lost ("informeun" →
    /// "informe" "un"), offsets into `Document::text`. `doc` is the
    /// document's number (its position in [`Explorer::documents`]).
    pub fn tokens(&self, doc: usize) -> Vec<Token> {
        self.documents
            .get(doc)
            .map(|d| text::tokenize_split(&d.text, &d.lost_spaces))
            .unwrap_or_default()
    }

    /// Statements, speakers and facts of the corpus.
    pub fn claims(&self) -> Result<&Claims, String> {
        self.claims.get()
    }

    /// The corpus's conflicts, agreements and timeline.
    pub fn comparisons(&self) -> Result<&Comparisons, String> {
        self.comparisons.get()
    }

    pub fn timeline(
        &self,
        filter: &TimelineFilter,
    ) -> Result<Vec<&compare::TimelineEntry>, String> {
        Ok(self.comparisons()?.timeline(filter))
    }

    /// Every source's version of a question, side by side. For a typed
    /// question, the documents read are the best search hits for it.
    pub fn compare(&self, input: &CompareInput) -> Result<compare::Comparison, String> {
        const CANDIDATE_DOCUMENTS: usize = 30;
        let candidates: Vec<usize> = match input {
            CompareInput::Text(text) => {
                let options = SearchOptions {
                    per_page: CANDIDATE_DOCUMENTS,
                    prefix: false,
                    snippets: false,
                    ..SearchOptions::default()
                };
                let ids: std::collections::HashMap<&str, usize> = self
                    .documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (d.id.as_str(), i))
                    .collect();
                self.search(text, &options)
                    .hits
                    .iter()
                    .filter_map(|h| ids.get(h.id.as_str()).copied())
                    .collect()
            }
            _ => Vec::new(),
        };
        compare::compare(
            &self.documents,
            self.claims()?,
            self.comparisons()?,
            &candidates,
            input,
        )
    }

    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        search::search(&self.documents, self.index(), query, options)
    }
}

/// The postcard form of a part (empty if it could not be built).
fn encode<T: Serialize>(value: Option<&T>) -> Vec<u8> {
    value
        .and_then(|v| postcard::to_allocvec(v).ok())
        .unwrap_or_default()
}
