//! `compare(input)`: every source's version of one question, side by side.
//!
//! The question is a conflict, a statement, or a text a reader types (a
//! claim such as "l'accord a été signé le 10 novembre", or a topic such as
//! "Latchine"). It is read like any passage (words, countries, the frame it
//! asks about and the value it gives); the passages of the candidate
//! documents that speak to it are marked as agreeing, conflicting, or
//! related, and grouped by source.

use crate::text::fnv::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::frames::{self, FRAMES, Occurrence, Slot, Value};
use super::units::{self, EntityKind, Unit};
use super::{Comparisons, Corpus, Evidence, Source, SourceKind, doc_label};
use crate::claims::{self, Claims};
use crate::corpus::{Block, BlockKind, Document};
use crate::text;
use crate::text::dates::span as dates;

/// Most passages a comparison shows.
const MAX_ITEMS: usize = 60;
/// A related passage shares at least this many content words with the question.
const MIN_SHARED_KEYS: usize = 2;
/// Longest question read, in characters.
const MAX_QUESTION_CHARS: usize = 1000;

/// What to compare: free text (a claim or a topic), a statement, a conflict.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum CompareInput {
    Statement { statement: String },
    Conflict { conflict: String },
    Text(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Agrees,
    Conflicts,
    Related,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub mark: Mark,
    /// The value the passage gives for the question's slot, if any.
    pub value: Option<String>,
    pub label: Option<String>,
    pub evidence: Evidence,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub source: Source,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub text: String,
    pub slot: Option<Slot>,
    pub topic: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub question: Question,
    pub explanation: String,
    pub columns: Vec<Column>,
    pub conflicts: Vec<String>,
    pub agreements: Vec<String>,
}

/// Compares. `candidates` are the numbers of the documents worth reading
/// for a text question (the best search hits); conflicts and statements
/// bring their own.
pub fn compare(
    documents: &[Document],
    claims: &Claims,
    comparisons: &Comparisons,
    candidates: &[usize],
    input: &CompareInput,
) -> Result<Comparison, String> {
    match input {
        CompareInput::Conflict { conflict } => {
            let c = comparisons
                .conflicts
                .iter()
                .find(|c| &c.id == conflict)
                .ok_or_else(|| format!("no conflict with id {conflict:?}"))?;
            let items = c
                .positions
                .iter()
                .flat_map(|p| {
                    p.evidence.iter().map(|e| Item {
                        mark: Mark::Conflicts,
                        value: Some(p.value.clone()),
                        label: Some(p.label.clone()),
                        evidence: e.clone(),
                    })
                })
                .collect();
            Ok(Comparison {
                question: Question {
                    text: c.topic.clone(),
                    slot: Some(c.slot),
                    topic: c.topic.clone(),
                },
                explanation: match &c.note {
                    Some(note) => format!("{} {}", c.explanation, note),
                    None => c.explanation.clone(),
                },
                columns: columns(items),
                conflicts: vec![c.id.clone()],
                agreements: Vec::new(),
            })
        }
        CompareInput::Statement { statement } => {
            let s = claims
                .statements
                .iter()
                .find(|s| &s.id == statement)
                .ok_or_else(|| format!("no statement with id {statement:?}"))?;
            let doc_no = documents
                .iter()
                .position(|d| d.id == s.doc)
                .ok_or_else(|| format!("statement {statement:?} names no document"))?;
            let mut docs: Vec<usize> = candidates.to_vec();
            if !docs.contains(&doc_no) {
                docs.push(doc_no);
            }
            let corpus = Corpus::read_some(documents, claims, &docs);
            let question = corpus
                .units
                .iter()
                .position(|u| {
                    u.doc == doc_no && u.start <= s.start as usize && (s.start as usize) < u.end
                })
                .ok_or_else(|| format!("statement {statement:?} is not in its document's text"))?;
            Ok(compare_unit(
                &corpus,
                comparisons,
                Asked::Unit(question),
                &s.content,
            ))
        }
        CompareInput::Text(text) => {
            let shortened = text.chars().nth(MAX_QUESTION_CHARS).is_some();
            let text: String = text.chars().take(MAX_QUESTION_CHARS).collect();
            if text.trim().is_empty() {
                return Ok(empty(
                    &text,
                    "Écrivez une affirmation ou un sujet à comparer.",
                ));
            }
            let corpus = Corpus::read_some(documents, claims, candidates);
            let asked = read_question(&text);
            let mut comparison =
                compare_unit(&corpus, comparisons, Asked::Text(Box::new(asked)), &text);
            if shortened {
                // The reader is told the question was cut, not left to wonder.
                comparison.explanation.push_str(&format!(
                    " (Question raccourcie à ses {MAX_QUESTION_CHARS} premiers caractères.)"
                ));
            }
            Ok(comparison)
        }
    }
}

fn empty(text: &str, explanation: &str) -> Comparison {
    Comparison {
        question: Question {
            text: text.to_owned(),
            slot: None,
            topic: text.to_owned(),
        },
        explanation: explanation.to_owned(),
        columns: Vec::new(),
        conflicts: Vec::new(),
        agreements: Vec::new(),
    }
}

/// A typed question read as a passage of its own: its words and the frame
/// it asks about, with the facts the extractor finds in it.
struct TypedQuestion {
    unit: Unit,
    frames: Vec<Occurrence>,
}

fn read_question(text: &str) -> TypedQuestion {
    let doc = Document {
        id: "question".to_owned(),
        text: text.to_owned(),
        blocks: vec![Block {
            kind: BlockKind::Body,
            start: 0,
            end: text.len() as u32,
        }],
        ..Document::default()
    };
    let claims = Claims {
        facts: claims::facts_of(&doc),
        ..Claims::default()
    };
    let facts: Vec<usize> = (0..claims.facts.len()).collect();
    let mut unit = units::document_units(0, &doc, &claims, &facts)
        .into_iter()
        .reduce(|mut a, b| {
            a.end = b.end;
            a.words.extend(b.words);
            a.entities.extend(b.entities);
            a.dates.extend(b.dates);
            a.numbers.extend(b.numbers);
            a
        })
        .unwrap_or(Unit {
            doc: 0,
            index: 0,
            block: 0,
            start: 0,
            end: 0,
            words: Vec::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            numbers: Vec::new(),
            places: Vec::new(),
            evolving: false,
        });
    unit.doc = usize::MAX;
    let frames = frames::occurrences(&unit, &claims, &|_| None);
    TypedQuestion { unit, frames }
}

enum Asked {
    /// A passage of the corpus (a statement's sentence).
    Unit(usize),
    Text(Box<TypedQuestion>),
}

fn compare_unit(
    corpus: &Corpus<'_>,
    comparisons: &Comparisons,
    asked: Asked,
    text: &str,
) -> Comparison {
    let (q_unit, q_frames): (&Unit, &[Occurrence]) = match &asked {
        Asked::Unit(u) => (&corpus.units[*u], &corpus.frames[*u]),
        Asked::Text(t) => (&t.unit, &t.frames),
    };
    let q_keys: HashSet<&str> = q_unit
        .words
        .iter()
        .filter_map(|w| w.key.as_deref())
        .collect();
    let q_frame = q_frames.first();
    let slot = q_frame.and_then(|o| FRAMES[o.frame].slot);
    let mut items: Vec<(usize, Item)> = Vec::new();
    for (u, unit) in corpus.units.iter().enumerate() {
        if matches!(asked, Asked::Unit(q) if q == u) {
            continue;
        }
        let shared = unit
            .words
            .iter()
            .filter_map(|w| w.key.as_deref())
            .filter(|k| q_keys.contains(k))
            .collect::<HashSet<_>>()
            .len();
        // The same question: a passage of the same frame about the same
        // parties (or any, when the question names none).
        let same_frame = q_frame.and_then(|q| {
            corpus.frames[u]
                .iter()
                .find(|o| {
                    o.frame == q.frame
                        && (shares_parties(q_unit, unit) || shared >= MIN_SHARED_KEYS)
                })
                .map(|o| (q, o))
        });
        let item = if let Some((q, o)) = same_frame {
            let (value, label) = value_label(&o.value);
            let mark = if agrees(&q.value, &o.value) {
                Mark::Agrees
            } else {
                Mark::Conflicts
            };
            let evidence = corpus.evidence(u, o.value_start, evidence_date(corpus, u, &o.value));
            Item {
                mark,
                value: Some(value),
                label: Some(label),
                evidence,
            }
        } else if shared >= MIN_SHARED_KEYS.max(q_keys.len().min(3))
            || (q_keys.len() == 1 && shared == 1)
        {
            Item {
                mark: Mark::Related,
                value: None,
                label: None,
                evidence: corpus.evidence(u, unit.start, corpus.time_of(u)),
            }
        } else {
            continue;
        };
        let rank = match item.mark {
            Mark::Conflicts | Mark::Agrees => 1000 + shared,
            Mark::Related => shared,
        };
        items.push((rank, item));
    }
    items.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.evidence.doc.cmp(&b.1.evidence.doc))
            .then(a.1.evidence.start.cmp(&b.1.evidence.start))
    });
    items.truncate(MAX_ITEMS);
    let items: Vec<Item> = items.into_iter().map(|i| i.1).collect();

    let touched: HashSet<(&str, u32)> = items
        .iter()
        .map(|i| (i.evidence.doc.as_str(), i.evidence.start))
        .collect();
    let conflicts: Vec<String> = comparisons
        .conflicts
        .iter()
        .filter(|c| {
            c.positions
                .iter()
                .flat_map(|p| &p.evidence)
                .any(|e| touched.contains(&(e.doc.as_str(), e.start)))
        })
        .map(|c| c.id.clone())
        .collect();
    let agreements: Vec<String> = comparisons
        .agreements
        .iter()
        .filter(|a| {
            a.evidence.iter().any(|e| {
                items.iter().any(|i| {
                    i.evidence.doc == e.doc
                        && i.evidence.start <= e.start
                        && e.end <= i.evidence.end
                })
            })
        })
        .map(|a| a.id.clone())
        .collect();

    let topic = match q_frame {
        Some(q) => FRAMES[q.frame].topic.clone(),
        None => text.trim().to_owned(),
    };
    let explanation = explain(q_frame, &items);
    Comparison {
        question: Question {
            text: text.to_owned(),
            slot,
            topic,
        },
        explanation,
        columns: columns(items),
        conflicts,
        agreements,
    }
}

fn shares_parties(a: &Unit, b: &Unit) -> bool {
    let names = |u: &Unit| -> HashSet<String> {
        u.entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::Person))
            .map(|e| e.name.clone())
            .collect()
    };
    let na = names(a);
    na.is_empty() || !na.is_disjoint(&names(b))
}

/// Does a passage's value agree with the question's? A date without a year
/// agrees with any year's same day; a place with the country it is in.
fn agrees(question: &Value, passage: &Value) -> bool {
    match (question, passage) {
        (Value::Date(q), Value::Date(p)) => dates::overlap(q, p),
        (
            Value::Place {
                name: q,
                country: qc,
            },
            Value::Place {
                name: p,
                country: pc,
            },
        ) => {
            let (q, p) = (text::fold(q), text::fold(p));
            q == p
                || qc.as_deref().is_some_and(|c| text::fold(c) == p)
                || pc.as_deref().is_some_and(|c| text::fold(c) == q)
        }
        (Value::Actor(q), Value::Actor(p)) => text::fold(q) == text::fold(p),
        (Value::Counts(q), Value::Counts(p)) => q.iter().all(|c| {
            p.iter()
                .filter(|d| d.what == c.what)
                .all(|d| d.value == c.value)
        }),
        _ => false,
    }
}

fn value_label(v: &Value) -> (String, String) {
    match v {
        Value::Date(d) => (d.clone(), dates::label(d)),
        Value::Place { name, .. } => (text::fold(name), name.clone()),
        Value::Actor(c) => (text::fold(c), c.clone()),
        Value::Counts(counts) => {
            let label = counts
                .iter()
                .map(|c| format!("{} {}", super::conflicts::number_label(c.value), c.what))
                .collect::<Vec<_>>()
                .join(", ");
            (label.clone(), label)
        }
    }
}

fn evidence_date(corpus: &Corpus<'_>, u: usize, v: &Value) -> Option<String> {
    match v {
        Value::Date(d) => Some(d.clone()),
        _ => corpus.time_of(u),
    }
}

/// One column a source: a speaker across documents, or a document's
/// narration.
fn columns(items: Vec<Item>) -> Vec<Column> {
    let mut order: Vec<(SourceKind, String, String)> = Vec::new();
    let mut by_source: HashMap<(SourceKind, String, String), Column> = HashMap::default();
    for item in items {
        let s = &item.evidence.source;
        let key = match s.kind {
            SourceKind::Speaker => (s.kind.clone(), text::fold(&s.name), String::new()),
            SourceKind::Outlet => (s.kind.clone(), text::fold(&s.name), s.doc.clone()),
        };
        by_source
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                Column {
                    source: item.evidence.source.clone(),
                    items: Vec::new(),
                }
            })
            .items
            .push(item);
    }
    order
        .into_iter()
        .filter_map(|k| by_source.remove(&k))
        .collect()
}

/// "9 novembre 2020 (002, 003, 004) contre 10 novembre 2020 (000)".
fn explain(q: Option<&Occurrence>, items: &[Item]) -> String {
    if items.is_empty() {
        return "Aucun passage du corpus ne parle de cette question.".to_owned();
    }
    if q.is_none() {
        let docs: HashSet<&str> = items.iter().map(|i| i.evidence.doc.as_str()).collect();
        return format!(
            "{} passage{} dans {} document{} en parlent.",
            items.len(),
            if items.len() > 1 { "s" } else { "" },
            docs.len(),
            if docs.len() > 1 { "s" } else { "" }
        );
    }
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for i in items.iter().filter(|i| i.mark != Mark::Related) {
        let Some(label) = &i.label else { continue };
        let who = doc_label(&i.evidence.doc);
        match groups.iter_mut().find(|g| &g.0 == label) {
            Some(g) => {
                if !g.1.contains(&who) {
                    g.1.push(who);
                }
            }
            None => groups.push((label.clone(), vec![who])),
        }
    }
    if groups.is_empty() {
        return "Aucun passage ne donne de valeur pour cette question ; des passages proches sont listés."
            .to_owned();
    }
    let agree = items.iter().filter(|i| i.mark == Mark::Agrees).count();
    let conflict = items.iter().filter(|i| i.mark == Mark::Conflicts).count();
    let summary = groups
        .iter()
        .map(|(label, docs)| format!("{label} ({})", docs.join(", ")))
        .collect::<Vec<_>>()
        .join(" contre ");
    format!(
        "{summary}. {agree} passage(s) vont dans le sens de la question, {conflict} la contredisent."
    )
}
