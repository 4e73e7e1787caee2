//! The explorer: a corpus with everything built from it (index, claims,
//! comparisons), in memory or in the binary form embedded in the wasm module.
//!
//! The build script and the command-line program build it from files with
//! [`Explorer::build`]; the wasm module opens the embedded form with
//! [`Explorer::from_parts`]. Both run the same code on the same documents.

use crate::text::fnv::{HashMap, HashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::claims::{self, Claims};
use crate::compare::{self, CompareInput, Comparisons, TimelineFilter};
use crate::corpus::{self, CorpusError, Document, RawDocument};
pub use crate::corpus::{DocumentSummary, Summaries, SummaryView};
use crate::index::{self, Index};
use crate::parts;
use crate::search::facets::FacetSource;
use crate::search::{self, FacetTable, HitStatement, SearchOptions, SearchResults, Shelf};
use crate::text::{self, Token};

/// File names of the embedded form (inside the build's output folder).
pub const SUMMARIES_FILE: &str = "summaries.bin";
pub const DOCUMENTS_FILE: &str = "documents.bin";
pub const INDEX_FILE: &str = "index.bin";
pub const CLAIMS_FILE: &str = "claims.bin";
pub const COMPARISONS_FILE: &str = "comparisons.bin";
/// Every part of the embedded form.
pub const PARTS: [&str; 5] = [
    SUMMARIES_FILE,
    DOCUMENTS_FILE,
    INDEX_FILE,
    CLAIMS_FILE,
    COMPARISONS_FILE,
];

pub struct Explorer {
    /// What result lists show of each document: read in place, a record
    /// decoded when a list or a filter reads it.
    summaries: Summaries,
    /// The documents with their texts: for snippets, reading, comparing.
    documents: Part<Vec<Document>>,
    index: Cow<'static, [u8]>,
    layout: index::Layout,
    claims: Part<Claims>,
    comparisons: Part<Comparisons>,
    /// What the result views need beside the index, built on first use.
    views: OnceLock<Views>,
}

/// Tables for the result views, derived from the documents and claims.
struct Views {
    facets: FacetTable,
    /// By document number: its statements, a range of `Claims::statements`.
    statements: Vec<Range<usize>>,
}

/// A part of the explorer that an embedded page decodes on first use: a
/// result list of titles needs neither the texts, nor 50,000 statements,
/// nor the corpus's conflicts. Large parts are stored packed
/// ([`parts::pack`]) and unpacked then.
enum Part<T> {
    Built(T),
    Embedded {
        bytes: &'static [u8],
        what: &'static str,
        decoded: OnceLock<Result<T, String>>,
    },
}

/// Decoding a part makes a few allocations per item, most of its text
/// copied: on wasm, whenever the heap runs out the allocator grows the
/// memory by as little as 64 KB, and each growth gives the page a new buffer
/// (thousands for a large corpus: orangesum_10k's documents opened in 330 to
/// 430 ms in V8, 100 ms with this). Taking and freeing `bytes` first (the
/// encoded size, a lower bound of what decoding takes, so no memory is
/// wasted) grows the memory once; the freed block then serves the decoding.
fn reserve_heap(bytes: usize) {
    if cfg!(target_arch = "wasm32") {
        drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes)));
    }
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
                    let bytes = parts::unpack(bytes)
                        .map_err(|e| format!("corrupt embedded {what}: {e}"))?;
                    reserve_heap(bytes.len());
                    postcard::from_bytes(&bytes)
                        .map_err(|e| format!("corrupt embedded {what}: {e}"))
                })
                .as_ref()
                .map_err(Clone::clone),
        }
    }
}

/// A document to read: the fields of its summary (but its length), and its
/// blocks as text, each with its kind. The fields are its own rather than a
/// flattened summary: serde's flatten costs the seeds' page 1.4 KB.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    pub id: String,
    pub title: Option<String>,
    /// The opening words of the text, for a document without a title.
    #[serde(default)]
    pub lead: Option<String>,
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
    /// Why a boilerplate block was removed.
    #[serde(default)]
    pub removed: Option<corpus::Reason>,
    /// Where the source lost a space between two words ("informeun"),
    /// as byte offsets into `text`: a reading view may show it back.
    #[serde(default)]
    pub spaces: Vec<u32>,
}

impl Explorer {
    /// Builds an explorer from raw documents (files already read).
    pub fn build(raw: Vec<RawDocument>) -> Explorer {
        let documents = corpus::build_documents(raw);
        let index = index::build_index(&documents);
        // Build time only (the module opens the embedded form with
        // `from_parts`, which returns errors): an index just written by
        // `build_index` that does not open is a bug to stop on.
        #[allow(clippy::expect_used)]
        let layout = Index::open(&index)
            .expect("a freshly built index opens")
            .layout();
        // (Build time only, as above: summaries past 4 GB.)
        #[allow(clippy::expect_used)]
        let summaries = Summaries::build(documents.iter().map(Document::summary))
            .expect("the summaries fit their binary form");
        let claims = claims::extract(&documents);
        let comparisons = Comparisons::build(&documents, &claims);
        Explorer {
            summaries,
            documents: Part::Built(documents),
            index: Cow::Owned(index),
            layout,
            claims: Part::Built(claims),
            comparisons: Part::Built(comparisons),
            views: OnceLock::new(),
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
        // The summaries and the index are read in place: stored as they
        // are. The others are decoded on first use, and packed each on a
        // thread of its own (a large corpus's take seconds each; a wasm
        // module has no threads, and stores them).
        let documents = || parts::pack(&encode(self.documents.get().ok()));
        let claims = || parts::pack(&encode(self.claims.get().ok()));
        let comparisons = || parts::pack(&encode(self.comparisons.get().ok()));
        let (documents, claims, comparisons) = if cfg!(target_arch = "wasm32") {
            (documents(), claims(), comparisons())
        } else {
            std::thread::scope(|s| {
                let joined = |h: std::thread::ScopedJoinHandle<'_, Vec<u8>>| {
                    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
                };
                let (documents, claims) = (s.spawn(documents), s.spawn(claims));
                (joined(documents), joined(claims), comparisons())
            })
        };
        vec![
            (SUMMARIES_FILE, self.summaries.as_bytes().to_vec()),
            (DOCUMENTS_FILE, documents),
            (INDEX_FILE, self.index.to_vec()),
            (CLAIMS_FILE, claims),
            (COMPARISONS_FILE, comparisons),
        ]
    }

    /// Opens the binary form, given by `part` (file name → its bytes). The
    /// summaries and the index are read in place, never copied; texts,
    /// claims and comparisons are decoded on first use.
    pub fn from_parts(
        part: impl Fn(&str) -> Result<&'static [u8], String>,
    ) -> Result<Explorer, String> {
        let summaries = Summaries::open(part(SUMMARIES_FILE)?)?;
        let index = part(INDEX_FILE)?;
        let opened = Index::open(index).map_err(|e| e.to_string())?;
        if opened.doc_count() as usize != summaries.len() {
            return Err("embedded index and documents disagree".to_owned());
        }
        Ok(Explorer {
            summaries,
            documents: Part::embedded(part(DOCUMENTS_FILE)?, "documents"),
            index: Cow::Borrowed(index),
            layout: opened.layout(),
            claims: Part::embedded(part(CLAIMS_FILE)?, "claims"),
            comparisons: Part::embedded(part(COMPARISONS_FILE)?, "comparisons"),
            views: OnceLock::new(),
        })
    }

    pub fn index(&self) -> Index<'_> {
        Index::with_layout(&self.index, self.layout)
    }

    /// The documents with their texts, decoded on first use (none if the
    /// embedded part is corrupt: [`Explorer::texts`] says why).
    pub fn documents(&self) -> &[Document] {
        self.texts().unwrap_or(&[])
    }

    /// The documents with their texts, or why they cannot be read.
    pub fn texts(&self) -> Result<&[Document], String> {
        let documents = self.documents.get()?;
        // Hits, facets and statements number documents by the summaries.
        if documents.len() != self.summaries.len() {
            return Err("embedded documents and summaries disagree".to_owned());
        }
        Ok(documents)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents().get(self.number(id)?)
    }

    /// A document's number (its position in the corpus), by id.
    fn number(&self, id: &str) -> Option<usize> {
        self.summaries.position(id)
    }

    /// What a list shows of every document: read without the texts.
    pub fn summaries(&self) -> &Summaries {
        &self.summaries
    }

    pub fn view(&self, id: &str) -> Option<DocumentView> {
        let number = self.number(id)?;
        let d = self.documents().get(number)?;
        let summary = self.summaries.get(number)?.to_owned_summary();
        Some(DocumentView {
            id: summary.id,
            title: summary.title,
            lead: summary.lead,
            date: summary.date,
            date_source: summary.date_source,
            outlet: summary.outlet,
            date_hint: summary.date_hint,
            agencies: summary.agencies,
            blocks: d
                .blocks
                .iter()
                .enumerate()
                .map(|(i, b)| BlockView {
                    kind: b.kind,
                    text: d.block_text(b).to_owned(),
                    start: b.start,
                    removed: d
                        .removed
                        .iter()
                        .find(|r| r.block as usize == i)
                        .map(|r| r.why),
                    spaces: d.lost_spaces_in(b.start as usize, b.end as usize),
                })
                .collect(),
        })
    }

    /// The tokens of a document's text as the index and the extractor
    /// read them: glued runs cut where a space was lost ("informeun" →
    /// "informe" "un"), offsets into `Document::text`. `doc` is the
    /// document's number (its position in [`Explorer::documents`]).
    pub fn tokens(&self, doc: usize) -> Vec<Token> {
        self.documents()
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
                self.search(text, &options)
                    .hits
                    .iter()
                    .map(|h| h.doc as usize)
                    .collect()
            }
            _ => Vec::new(),
        };
        compare::compare(
            self.texts()?,
            self.claims()?,
            self.comparisons()?,
            &candidates,
            input,
        )
    }

    /// Ranked search, with the facets and statements of
    /// [`SearchOptions`] when asked for.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        // A plain search (the command line, a comparison's candidates)
        // needs no claims: they are only read for what a result view asks.
        let needs_views = options.facets
            || options.statements > 0
            || options.speakers.is_some()
            || options.sides.is_some()
            || options.months.is_some();
        if !needs_views {
            return search::search(self.shelf(options), self.index(), query, options);
        }
        self.search_with_views(query, options)
    }

    /// `search` when a result view is asked for (facets, statements, their
    /// filters). Out of line: a plain search stays short for V8 to
    /// optimise (see `search::run`).
    #[inline(never)]
    fn search_with_views(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let views = self.views();
        let mut results = search::search_faceted(
            self.shelf(options),
            self.index(),
            Some(&views.facets),
            query,
            options,
        );
        self.hit_statements(&mut results, options, views);
        results
    }

    /// The documents as a search reads them: the texts are decoded only
    /// for snippets.
    fn shelf(&self, options: &SearchOptions) -> Shelf<'_> {
        Shelf {
            summaries: &self.summaries,
            texts: if options.snippets {
                self.documents()
            } else {
                &[]
            },
        }
    }

    fn views(&self) -> &Views {
        self.views.get_or_init(|| {
            let number: HashMap<&str, usize> = (0..self.summaries.len())
                .filter_map(|doc| Some((self.summaries.get(doc)?.id, doc)))
                .collect();
            // Without its claims (a corrupt part), the facets still count
            // outlets and months.
            let said: &[claims::Statement] = self.claims().map_or(&[], |c| &c.statements);
            let mut statements = vec![0..0; self.summaries.len()];
            for (k, s) in said.iter().enumerate() {
                if let Some(range) = number
                    .get(s.doc.as_str())
                    .and_then(|&d| statements.get_mut(d))
                {
                    // A document's statements are consecutive.
                    if range.start == range.end {
                        *range = k..k + 1;
                    } else if range.end == k {
                        range.end = k + 1;
                    }
                }
            }
            let sources = said.iter().filter_map(|s| {
                Some(FacetSource {
                    doc: *number.get(s.doc.as_str())?,
                    speaker_id: s.speaker_id,
                    speaker: &s.speaker,
                    side: s.side.as_deref(),
                })
            });
            Views {
                facets: FacetTable::new(&self.summaries, sources),
                statements,
            }
        })
    }

    /// Fills each hit's statements: those where the query's words occur,
    /// those of a source the query names, and those of the sources the
    /// facet filters name; most marked words first.
    fn hit_statements(&self, results: &mut SearchResults, options: &SearchOptions, views: &Views) {
        let Ok(claims) = self.claims() else {
            return;
        };
        let index = self.index();
        let terms: HashSet<&str> = results.terms.iter().map(|&t| index.term(t)).collect();
        let highlighter = search::Highlighter::new(&terms, results.clauses);
        let named = |s: &claims::Statement| {
            options
                .speakers
                .as_ref()
                .is_some_and(|ids| ids.iter().any(|id| id.parse() == Ok(s.speaker_id)))
                || options
                    .sides
                    .as_ref()
                    .is_some_and(|sides| s.side.as_ref().is_some_and(|side| sides.contains(side)))
        };
        // Speakers the query names ("Lavrov"), by id.
        let mut named_by_query: HashMap<u32, bool> = HashMap::default();
        for hit in &mut results.hits {
            let range = views
                .statements
                .get(hit.doc as usize)
                .cloned()
                .unwrap_or(0..0);
            hit.statement_count = range.len();
            if options.statements == 0 {
                continue;
            }
            let (Some(doc), Some(statements)) = (
                self.documents().get(hit.doc as usize),
                claims.statements.get(range),
            ) else {
                continue;
            };
            let mut found: Vec<(usize, HitStatement)> = Vec::new();
            for s in statements {
                let (text, marks) =
                    search::passage(doc, s.start as usize, s.end as usize, &highlighter);
                let by_query = *named_by_query
                    .entry(s.speaker_id)
                    .or_insert_with(|| search::marked_words(&s.speaker, &highlighter) > 0);
                if marks == 0 && !by_query && !named(s) {
                    continue;
                }
                found.push((
                    marks,
                    HitStatement {
                        id: s.id.clone(),
                        speaker: s.speaker.clone(),
                        speaker_id: s.speaker_id,
                        side: s.side.clone(),
                        kind: kind_name(s.kind).to_owned(),
                        text,
                        start: s.start,
                        end: s.end,
                    },
                ));
            }
            found.sort_by_key(|f| std::cmp::Reverse(f.0));
            found.truncate(options.statements);
            found.sort_by_key(|f| f.1.start);
            hit.statements = found.into_iter().map(|f| f.1).collect();
        }
    }
}

fn kind_name(kind: claims::StatementKind) -> &'static str {
    match kind {
        claims::StatementKind::Direct => "direct",
        claims::StatementKind::Indirect => "indirect",
        claims::StatementKind::Mixed => "mixed",
        claims::StatementKind::AccordingTo => "according_to",
    }
}

/// The postcard form of a part (empty if it could not be built).
fn encode<T: Serialize>(value: Option<&T>) -> Vec<u8> {
    value
        .and_then(|v| postcard::to_allocvec(v).ok())
        .unwrap_or_default()
}
