//! Who said what: attributed statements, their speakers, and facts.
//!
//! For every document the extractor reads the article's blocks (title,
//! headings, body; never captions or boilerplate) sentence by sentence, finds
//! the cues that attribute words to a source (reporting verbs in any tense
//! and order, "selon"/"d'après"/"pour" markers, quotations whose speaker comes
//! from context), resolves each speaker to a canonical source (names,
//! functions, pronouns, capitals standing for governments, documents), and
//! reads the numbers and dates the text states. Everything is rules and the
//! lexicons under `data/`: no model, no file access, the same in wasm.

mod cues;
mod dates;
mod extract;
mod facts;
pub mod lexicon;
mod np;
mod speakers;
mod tokens;

use crate::text::fnv::HashMap;

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::text::fold;

pub use speakers::SpeakerKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// The content is a quotation.
    Direct,
    /// Reported speech.
    Indirect,
    /// Reported speech that quotes a fragment.
    Mixed,
    /// "selon X", "d'après X", "pour X".
    AccordingTo,
}

/// Who accuses whom of what, for accusation cues ("a accusé l'Arménie d'avoir…").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Accusation {
    pub accuser: String,
    /// `None` when they accuse each other ("se sont mutuellement accusés").
    pub accused: Option<String>,
    pub accusation: String,
    pub mutual: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// "<doc>#<n>"
    pub id: String,
    pub doc: String,
    /// Canonical name of the source.
    pub speaker: String,
    /// Index in `Claims::speakers`.
    pub speaker_id: u32,
    /// The source as the text calls it here ("il", "son commandant").
    pub speaker_mention: String,
    /// The party the source speaks for.
    pub side: Option<String>,
    pub cue: String,
    pub kind: StatementKind,
    /// What is asserted: an exact substring of the document's text.
    pub content: String,
    /// Byte offsets of `content` in `Document::text`.
    pub start: u32,
    pub end: u32,
    /// Character offsets of `content` in the source as stored (header included).
    pub char_start: u32,
    pub char_end: u32,
    /// The date the statement speaks of or was made on, when the text says it.
    pub date: Option<String>,
    pub accusation: Option<Accusation>,
    /// Countries and capitals named in the content.
    pub places: Vec<String>,
}

/// A source across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    pub id: u32,
    pub name: String,
    pub kind: SpeakerKind,
    /// Every way the corpus names it.
    pub aliases: Vec<String>,
    /// Its functions as the texts give them.
    pub roles: Vec<String>,
    pub side: Option<String>,
    pub documents: Vec<String>,
    /// Ids of its statements.
    pub statements: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Number,
    Date,
}

/// A number or a date. Numbers that are whole print without a decimal point
/// (2000, not 2000.0); dates are ISO strings ("2020-11-14", "2020-10-09/2020-10-10",
/// "XXXX-03-24" when the year is unknown).
#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    Integer(i64),
    Decimal(f64),
    Date(String),
}

impl Serialize for FactValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            match self {
                FactValue::Integer(n) => s.serialize_i64(*n),
                FactValue::Decimal(x) => s.serialize_f64(*x),
                FactValue::Date(d) => s.serialize_str(d),
            }
        } else {
            // Binary forms (postcard) are not self-describing: tag the value.
            #[derive(Serialize)]
            enum Tagged<'a> {
                Integer(i64),
                Decimal(f64),
                Date(&'a str),
            }
            match self {
                FactValue::Integer(n) => Tagged::Integer(*n),
                FactValue::Decimal(x) => Tagged::Decimal(*x),
                FactValue::Date(d) => Tagged::Date(d),
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        enum Tagged {
            Integer(i64),
            Decimal(f64),
            Date(String),
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Plain {
            Integer(i64),
            Decimal(f64),
            Date(String),
        }
        if d.is_human_readable() {
            Ok(match Plain::deserialize(d)? {
                Plain::Integer(n) => FactValue::Integer(n),
                Plain::Decimal(x) => FactValue::Decimal(x),
                Plain::Date(s) => FactValue::Date(s),
            })
        } else {
            Ok(match Tagged::deserialize(d)? {
                Tagged::Integer(n) => FactValue::Integer(n),
                Tagged::Decimal(x) => FactValue::Decimal(x),
                Tagged::Date(s) => FactValue::Date(s),
            })
        }
    }
}

impl FactValue {
    pub fn number(x: f64) -> FactValue {
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            FactValue::Integer(x as i64)
        } else {
            FactValue::Decimal(x)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    pub doc: String,
    pub kind: FactKind,
    /// As written.
    pub text: String,
    pub value: FactValue,
    /// What is counted ("soldats de la paix", "%", "euros").
    pub unit: Option<String>,
    /// "exact", "approx", "more_than", "less_than", "at_most".
    pub qualifier: Option<String>,
    pub start: u32,
    pub end: u32,
    pub char_start: u32,
    pub char_end: u32,
    /// The statement the fact is stated in, if any.
    pub statement: Option<String>,
}

/// Everything extracted from a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    pub statements: Vec<Statement>,
    pub speakers: Vec<Speaker>,
    pub facts: Vec<Fact>,
}

/// The numbers and dates of a document, without its statements.
pub fn facts_of(doc: &Document) -> Vec<Fact> {
    extract::facts_only(doc)
}

/// Extracts statements, speakers and facts from every document.
pub fn extract(documents: &[Document]) -> Claims {
    let mut claims = Claims::default();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    // What any document tells of a source (side, functions), even one where
    // it says nothing: "le Premier ministre arménien, Nikol Pachinian".
    let mut known: HashMap<String, (Option<String>, Vec<String>)> = HashMap::default();
    for doc in documents {
        let found = extract::document(doc);
        // Local speaker index → corpus speaker index.
        let mut map: HashMap<usize, usize> = HashMap::default();
        for entity in &found.entities {
            let k = known.entry(fold(&entity.canonical)).or_default();
            if k.0.is_none() {
                k.0 = entity.side();
            }
            for r in &entity.roles {
                if !k.1.contains(&r.text) && k.1.len() < 8 {
                    k.1.push(r.text.clone());
                }
            }
        }
        for (local, entity) in found.entities.iter().enumerate() {
            if !found.statements.iter().any(|s| s.speaker == local) {
                continue;
            }
            let key = fold(&entity.canonical);
            let id = *by_name.entry(key).or_insert_with(|| {
                claims.speakers.push(Speaker {
                    id: claims.speakers.len() as u32,
                    name: entity.canonical.clone(),
                    kind: entity.kind,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    side: entity.side(),
                    documents: Vec::new(),
                    statements: Vec::new(),
                });
                claims.speakers.len() - 1
            });
            let speaker = &mut claims.speakers[id];
            for a in &entity.aliases {
                if !speaker.aliases.contains(a) && speaker.aliases.len() < 32 {
                    speaker.aliases.push(a.clone());
                }
            }
            for r in &entity.roles {
                if !speaker.roles.contains(&r.text) && speaker.roles.len() < 16 {
                    speaker.roles.push(r.text.clone());
                }
            }
            if speaker.side.is_none() {
                speaker.side = entity.side();
            }
            if !speaker.documents.contains(&doc.id) {
                speaker.documents.push(doc.id.clone());
            }
            map.insert(local, id);
        }
        let first = claims.statements.len();
        for (n, s) in found.statements.into_iter().enumerate() {
            let Some(&sid) = map.get(&s.speaker) else {
                continue;
            };
            let id = format!("{}#{}", doc.id, n + 1);
            claims.speakers[sid].statements.push(id.clone());
            let entity = &found.entities[s.speaker];
            claims.statements.push(Statement {
                id,
                doc: doc.id.clone(),
                speaker: claims.speakers[sid].name.clone(),
                speaker_id: sid as u32,
                speaker_mention: s.mention,
                side: entity.side(),
                cue: s.cue,
                kind: s.kind,
                content: doc.text.get(s.start..s.end).unwrap_or("").to_owned(),
                start: s.start as u32,
                end: s.end as u32,
                char_start: doc.source_char_offset(s.start) as u32,
                char_end: doc.source_char_offset(s.end) as u32,
                date: s.date,
                accusation: s.accusation,
                places: s.places,
            });
        }
        for mut f in found.facts {
            f.statement = claims.statements[first..]
                .iter()
                .find(|s| s.start as usize <= f.start as usize && f.end as usize <= s.end as usize)
                .map(|s| s.id.clone());
            claims.facts.push(f);
        }
    }
    for speaker in &mut claims.speakers {
        if let Some((side, roles)) = known.get(&fold(&speaker.name)) {
            if speaker.side.is_none() {
                speaker.side = side.clone();
            }
            for r in roles {
                if !speaker.roles.contains(r) && speaker.roles.len() < 16 {
                    speaker.roles.push(r.clone());
                }
            }
        }
    }
    for s in &mut claims.statements {
        if s.side.is_none() {
            s.side = claims.speakers[s.speaker_id as usize].side.clone();
        }
    }
    claims
}

/// A development aid: the cues of every sentence of `text` (one paragraph a
/// line), with their speakers and reported words.
#[doc(hidden)]
pub fn explain(text: &str) -> String {
    extract::explain(text)
}

/// Which statements to list: every field given must match.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct StatementFilter {
    pub doc: Option<String>,
    /// A speaker's id, or words of its name.
    pub speaker: Option<String>,
    pub kind: Option<StatementKind>,
    pub side: Option<String>,
    /// Words that must occur in the content (folded).
    pub text: Option<String>,
}

/// Which facts to list.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FactFilter {
    pub doc: Option<String>,
    pub kind: Option<FactKind>,
    pub statement: Option<String>,
    /// Words that must occur in the fact's text or unit (folded).
    pub text: Option<String>,
}

/// The words a filter asks for, folded once, each once: a filter is tried
/// on every statement, and a pasted megabyte folded again for each one made
/// a single call take seconds.
struct Words(Option<Vec<String>>);

impl Words {
    fn of(needle: &Option<String>) -> Words {
        Words(needle.as_deref().map(|n| {
            let mut words: Vec<String> = fold(n).split_whitespace().map(str::to_owned).collect();
            words.sort_unstable();
            words.dedup();
            words
        }))
    }

    /// Every word is in `haystack` (folded); no words asked: true.
    fn all_in(&self, haystack: &str) -> bool {
        match &self.0 {
            None => true,
            Some(words) => {
                let h = fold(haystack);
                words.iter().all(|w| h.contains(w.as_str()))
            }
        }
    }
}

impl Claims {
    pub fn statements(&self, filter: &StatementFilter) -> Vec<&Statement> {
        let speaker_id = filter.speaker.as_deref().map(str::parse::<u32>);
        let speaker_words = Words::of(&filter.speaker);
        let side = filter.side.as_deref().map(fold);
        let text = Words::of(&filter.text);
        self.statements
            .iter()
            .filter(|s| filter.doc.as_ref().is_none_or(|d| &s.doc == d))
            .filter(|s| filter.kind.is_none_or(|k| s.kind == k))
            .filter(|s| match speaker_id {
                None => true,
                Some(Ok(id)) => id == s.speaker_id,
                Some(Err(_)) => speaker_words.all_in(&s.speaker),
            })
            .filter(|s| {
                side.as_ref().is_none_or(|side| {
                    s.side
                        .as_deref()
                        .is_some_and(|x| fold(x).contains(side.as_str()))
                })
            })
            .filter(|s| text.all_in(&s.content))
            .collect()
    }

    pub fn facts(&self, filter: &FactFilter) -> Vec<&Fact> {
        let text = Words::of(&filter.text);
        self.facts
            .iter()
            .filter(|f| filter.doc.as_ref().is_none_or(|d| &f.doc == d))
            .filter(|f| filter.kind.is_none_or(|k| f.kind == k))
            .filter(|f| {
                filter
                    .statement
                    .as_ref()
                    .is_none_or(|id| f.statement.as_ref() == Some(id))
            })
            .filter(|f| text.all_in(&format!("{} {}", f.text, f.unit.as_deref().unwrap_or(""))))
            .collect()
    }
}
