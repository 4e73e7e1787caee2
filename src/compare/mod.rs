//! Claim comparison: every source's version side by side.
//!
//! The corpus is read as passages (sentences) with the facts the extractor
//! found in them; a passage speaks for the source of the statement it is in,
//! or for the outlet (its narration). Event frames (`data/frames_fr.txt`)
//! say which question a passage answers (when was it signed, where did they
//! meet, who attacked, how many died) and with which value. Passages of one
//! frame about the same event (same participants, compatible times) that
//! give different values are a conflict; the same fact stated by several
//! documents is an agreement; dated passages make a timeline, by the date
//! they speak of.
//!
//! Conflicts, agreements and the timeline are computed once, when the
//! explorer is built; `compare` answers a question at run time.

mod agreements;
pub(crate) mod conflicts;
pub mod frames;
mod lexicon;
mod query;
mod timeline;
pub mod units;

use serde::{Deserialize, Serialize};

use crate::claims::{Claims, Statement};
use crate::corpus::Document;
use crate::text::dates::span::Span;

pub use frames::Slot;
pub use query::{Column, CompareInput, Comparison, Item, Mark, Question, compare};

/// Who stands behind a passage.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A source the text quotes or reports (a statement's speaker).
    Speaker,
    /// The document's own narration.
    Outlet,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub kind: SourceKind,
    /// The speaker's canonical name, or the outlet (the document's id when
    /// the text does not name it).
    pub name: String,
    pub side: Option<String>,
    pub doc: String,
}

/// A passage as written, with where it is and who says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub doc: String,
    pub text: String,
    /// Byte offsets into the document's text.
    pub start: u32,
    pub end: u32,
    /// The statement the passage is, if any.
    pub statement: Option<String>,
    pub source: Source,
    /// The date the passage speaks of (ISO, maybe a range or partial).
    pub date: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// Normalised value ("2020-11-10", "Erevan", "Azerbaïdjan", "blessés:6").
    pub value: String,
    /// As a reader says it ("10 novembre 2020", "6 blessés").
    pub label: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub id: String,
    pub topic: String,
    pub slot: Slot,
    /// In plain French: what differs, and where.
    pub explanation: String,
    /// What a reader should keep in mind (counts of different things…).
    pub note: Option<String>,
    pub positions: Vec<Position>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: String,
    pub topic: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Statement,
    Narration,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    /// The date spoken of (ISO; a range "a/b"; "XXXX-…" when the year is unknown).
    pub date: String,
    pub label: String,
    pub kind: EntryKind,
    pub evidence: Evidence,
}

/// Everything compared across the corpus, built once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparisons {
    pub conflicts: Vec<Conflict>,
    pub agreements: Vec<Agreement>,
    pub timeline: Vec<TimelineEntry>,
}

/// Which timeline entries to list.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TimelineFilter {
    pub doc: Option<String>,
    /// Words of a speaker's name, or an outlet.
    pub speaker: Option<String>,
    /// ISO dates bounding the date spoken of.
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Comparisons {
    pub fn build(documents: &[Document], claims: &Claims) -> Comparisons {
        let corpus = Corpus::read(documents, claims);
        let conflicts = conflicts::find(&corpus);
        let agreements = agreements::find(&corpus, &conflicts);
        let timeline = timeline::build(&corpus);
        Comparisons {
            conflicts,
            agreements,
            timeline,
        }
    }

    pub fn timeline(&self, filter: &TimelineFilter) -> Vec<&TimelineEntry> {
        let speaker = filter.speaker.as_deref().map(crate::text::fold);
        // Read once, not for every entry (a pasted megabyte made it slow).
        let period = (filter.from.is_some() || filter.to.is_some()).then(|| {
            let from = filter.from.as_deref().unwrap_or("0001-01-01");
            let to = filter.to.as_deref().unwrap_or("9999-12-31");
            Span::parse(&format!("{from}/{to}"))
        });
        self.timeline
            .iter()
            .filter(|e| filter.doc.as_ref().is_none_or(|d| &e.evidence.doc == d))
            .filter(|e| {
                speaker
                    .as_ref()
                    .is_none_or(|s| crate::text::fold(&e.evidence.source.name).contains(s.as_str()))
            })
            .filter(|e| match &period {
                None => true,
                // An unreadable period holds no date.
                Some(None) => false,
                Some(Some(p)) => Span::parse(&e.date).is_some_and(|d| d.overlaps(p)),
            })
            .collect()
    }
}

/// The corpus as the comparison reads it: documents, claims, and every
/// passage with the frames found in it.
pub(crate) struct Corpus<'a> {
    pub documents: &'a [Document],
    pub claims: &'a Claims,
    pub units: Vec<units::Unit>,
    /// The frames of each unit (same order as `units`).
    pub frames: Vec<Vec<frames::Occurrence>>,
    /// Each document's statements, by document number.
    pub statements: Vec<Vec<usize>>,
}

impl<'a> Corpus<'a> {
    pub fn read(documents: &'a [Document], claims: &'a Claims) -> Corpus<'a> {
        let all: Vec<usize> = (0..documents.len()).collect();
        Corpus::read_some(documents, claims, &all)
    }

    /// The corpus with only the passages of documents `docs` (their numbers).
    pub fn read_some(documents: &'a [Document], claims: &'a Claims, docs: &[usize]) -> Corpus<'a> {
        let facts = units::facts_by_doc(claims);
        let mut statements = vec![Vec::new(); documents.len()];
        let doc_no: crate::text::fnv::HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        for (i, s) in claims.statements.iter().enumerate() {
            if let Some(&d) = doc_no.get(s.doc.as_str()) {
                statements[d].push(i);
            }
        }
        let mut all_units = Vec::new();
        let mut docs = docs.to_vec();
        docs.sort_unstable();
        docs.dedup();
        for n in docs {
            let Some(doc) = documents.get(n) else {
                continue;
            };
            let doc_facts = facts.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
            all_units.extend(units::document_units(n, doc, claims, doc_facts));
        }
        let mut corpus = Corpus {
            documents,
            claims,
            units: all_units,
            frames: Vec::new(),
            statements,
        };
        corpus.frames = corpus
            .units
            .iter()
            .map(|u| {
                let source_of = |at: usize| {
                    corpus.statements[u.doc].iter().copied().find(|&i| {
                        let s = &claims.statements[i];
                        (s.start as usize) <= at && at < s.end as usize
                    })
                };
                frames::occurrences(u, claims, &source_of)
            })
            .collect();
        corpus
    }

    /// The statement of document `doc` that holds byte offset `at`.
    pub fn statement_at(&self, doc: usize, at: usize) -> Option<&'a Statement> {
        let claims: &'a Claims = self.claims;
        self.statements
            .get(doc)?
            .iter()
            .map(|&i| &claims.statements[i])
            .find(|s| (s.start as usize) <= at && at < (s.end as usize).max(s.start as usize + 1))
    }

    /// Who says what is at byte `at` of unit `u`: the statement's speaker, or
    /// the outlet.
    pub fn source_at(&self, u: usize, at: usize) -> (Source, Option<&'a Statement>) {
        let unit = &self.units[u];
        let doc = &self.documents[unit.doc];
        match self.statement_at(unit.doc, at) {
            Some(s) => (
                Source {
                    kind: SourceKind::Speaker,
                    name: s.speaker.clone(),
                    side: s.side.clone(),
                    doc: doc.id.clone(),
                },
                Some(s),
            ),
            None => (
                Source {
                    kind: SourceKind::Outlet,
                    name: doc.outlet.clone().unwrap_or_else(|| doc.id.clone()),
                    side: None,
                    doc: doc.id.clone(),
                },
                None,
            ),
        }
    }

    /// The date unit `u` itself gives (the first date in it).
    pub fn own_time(&self, u: usize) -> Option<String> {
        self.units
            .get(u)?
            .dates
            .iter()
            .find_map(|&i| match &self.claims.facts[i].value {
                crate::claims::FactValue::Date(d) => Some(d.clone()),
                _ => None,
            })
    }

    /// The date unit `u` speaks of, for a reader: the one it gives, else the
    /// one the sentence before it in the same paragraph gives.
    pub fn time_of(&self, u: usize) -> Option<String> {
        let unit = self.units.get(u)?;
        self.own_time(u).or_else(|| {
            let prev = self.units.get(u.checked_sub(1)?)?;
            (prev.doc == unit.doc && prev.block == unit.block)
                .then(|| self.own_time(u - 1))
                .flatten()
        })
    }

    /// The passage of unit `u` as evidence, with the source of byte `at`.
    pub fn evidence(&self, u: usize, at: usize, date: Option<String>) -> Evidence {
        let unit = &self.units[u];
        let doc = &self.documents[unit.doc];
        let (source, statement) = self.source_at(u, at);
        Evidence {
            doc: doc.id.clone(),
            text: unit.text(doc).to_owned(),
            start: unit.start as u32,
            end: unit.end as u32,
            statement: statement.map(|s| s.id.clone()),
            source,
            date,
        }
    }
}

/// How a reader refers to a document in a sentence: its number when the
/// file is named "000_…", else its id.
pub fn doc_label(id: &str) -> String {
    let head: String = id.chars().take_while(|c| c.is_ascii_digit()).collect();
    if head.len() >= 2 && id[head.len()..].starts_with(['_', '-', '.']) {
        head
    } else {
        id.to_owned()
    }
}
