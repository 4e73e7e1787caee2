//! Event frames (`data/frames_fr.txt`): the questions sources disagree on
//! (when an agreement was signed, where a meeting took place, who attacked,
//! how many died), found in a sentence with the value it gives.

use crate::text::fnv::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::units::{EntityKind, NamedBy, Unit, Word};
use crate::claims::lexicon::LEXICON;
use crate::claims::{Claims, FactValue};
use crate::text;

/// What sources are compared on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    Date,
    Place,
    Actor,
    Number,
}

#[derive(Debug, Default)]
pub struct Frame {
    pub name: String,
    pub slot: Option<Slot>,
    /// How the page names the question ("date de signature").
    pub topic: String,
    /// Trigger words, by stem.
    triggers: HashSet<String>,
    /// One of these (by stem) must be in the sentence.
    objects: HashSet<String>,
    /// Number frames: folded count word → its group's label ("blessés").
    counts: HashMap<String, String>,
    /// Number frames: one of these (by stem) must be in the sentence.
    context: HashSet<String>,
    /// Actor frames: the one held responsible comes after these words.
    agent_after: Vec<String>,
    /// Number frames: folded nouns for people that a count word may follow.
    people: HashSet<String>,
    /// Number frames: what a figure with no noun counts.
    default: Option<String>,
}

pub static FRAMES: LazyLock<Vec<Frame>> =
    LazyLock::new(|| parse(crate::data_file!(include_str!("../../data/frames_fr.txt"))));

fn stems(words: &str) -> HashSet<String> {
    words
        .split_whitespace()
        .map(|w| text::stem(&text::fold(w)))
        .collect()
}

fn parse(source: &str) -> Vec<Frame> {
    let data = text::Sections::parse(source);
    let mut frames = Vec::new();
    for (name, lines) in data.iter() {
        let mut frame = Frame {
            name: name.to_owned(),
            ..Frame::default()
        };
        for line in lines {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "slot" => {
                    frame.slot = match value {
                        "date" => Some(Slot::Date),
                        "place" => Some(Slot::Place),
                        "actor" => Some(Slot::Actor),
                        "number" => Some(Slot::Number),
                        _ => None,
                    }
                }
                "topic" => frame.topic = value.to_owned(),
                "triggers" => frame.triggers = stems(value),
                "objects" => frame.objects = stems(value),
                "context" => frame.context = stems(value),
                "agent_after" => {
                    frame.agent_after = value.split_whitespace().map(text::fold).collect()
                }
                "people" => frame.people = value.split_whitespace().map(text::fold).collect(),
                "default" => frame.default = Some(value.to_owned()),
                "counts" => {
                    for group in value.split('|') {
                        let Some((label, words)) = group.split_once('=') else {
                            continue;
                        };
                        for w in words.split_whitespace() {
                            frame.counts.insert(text::fold(w), label.trim().to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
        if frame.slot.is_some() {
            frames.push(frame);
        }
    }
    frames
}

/// A count in a number frame: "6 blessés".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub value: f64,
    /// What is counted, as the frame's group names it ("blessés").
    pub what: String,
    /// The fact's qualifier ("approx", "more_than"…).
    pub qualifier: Option<String>,
}

/// The value a passage gives for a frame's slot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// ISO date (or "XXXX-MM-DD" with the year unknown).
    Date(String),
    /// A place's name as the text writes it, with its country if known.
    Place {
        name: String,
        country: Option<String>,
    },
    /// The country held responsible.
    Actor(String),
    Counts(Vec<Count>),
}

/// A frame found in a passage, with the value it gives.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub frame: usize,
    /// The trigger word's index in the unit (or the first count's).
    pub trigger: usize,
    pub value: Value,
    /// Byte offsets of the value (or the trigger) in the document.
    pub value_start: usize,
    pub value_end: usize,
}

/// Words that give a date another role than the event's own: "à partir du
/// 10 novembre" (taking effect), "depuis", "jusqu'au".
const DATE_ROLE_WORDS: &[&str] = &[
    "partir", "depuis", "jusqu", "des", "avant", "apres", "compter", "ici",
];

/// The frames of a unit, with their values. `source_of` tells which source
/// speaks at a byte offset (a statement's number, `None` for narration): a
/// sentence may carry several sources' figures ("30 000 selon les
/// organisateurs, 12 000 selon la police").
pub fn occurrences(
    unit: &Unit,
    claims: &Claims,
    source_of: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let stems: HashSet<&str> = unit
        .words
        .iter()
        .filter_map(|w| w.term.as_deref())
        .collect();
    for (f, frame) in FRAMES.iter().enumerate() {
        if !frame.objects.is_empty() && !frame.objects.iter().any(|o| stems.contains(o.as_str())) {
            continue;
        }
        if !frame.context.is_empty() && !frame.context.iter().any(|o| stems.contains(o.as_str())) {
            continue;
        }
        match frame.slot {
            Some(Slot::Number) => out.extend(counts(unit, claims, f, frame, source_of)),
            Some(slot) => {
                let Some(trigger) = unit
                    .words
                    .iter()
                    .position(|w| w.term.as_ref().is_some_and(|t| frame.triggers.contains(t)))
                else {
                    continue;
                };
                let found = match slot {
                    Slot::Date => date_near(unit, claims, trigger),
                    Slot::Place => place_near(unit, trigger),
                    Slot::Actor => actor_of(unit, trigger, frame),
                    Slot::Number => None,
                };
                if let Some((value, value_start, value_end)) = found {
                    out.push(Occurrence {
                        frame: f,
                        trigger,
                        value,
                        value_start,
                        value_end,
                    });
                }
            }
            None => {}
        }
    }
    out
}

/// The date fact nearest the trigger that dates the event itself.
fn date_near(unit: &Unit, claims: &Claims, trigger: usize) -> Option<(Value, usize, usize)> {
    unit.dates
        .iter()
        .filter_map(|&i| {
            let fact = &claims.facts[i];
            let at = unit.word_at(fact.start as usize);
            // The two words before the date say its role.
            let role = unit.words[at.saturating_sub(2)..at]
                .iter()
                .any(|w| DATE_ROLE_WORDS.contains(&w.folded.as_str()));
            let FactValue::Date(iso) = &fact.value else {
                return None;
            };
            (!role).then(|| (at.abs_diff(trigger), iso.clone(), fact.start, fact.end))
        })
        .min_by_key(|c| c.0)
        .map(|(_, iso, s, e)| (Value::Date(iso), s as usize, e as usize))
}

/// "à Erevan", "en Arménie": the place nearest the trigger, within a few
/// words of it.
fn place_near(unit: &Unit, trigger: usize) -> Option<(Value, usize, usize)> {
    const WINDOW: usize = 10;
    unit.places
        .iter()
        .filter(|p| p.preposition.abs_diff(trigger) <= WINDOW)
        .min_by_key(|p| p.preposition.abs_diff(trigger))
        .map(|p| {
            (
                Value::Place {
                    name: p.name.clone(),
                    country: p.country.clone(),
                },
                unit.words[p.first].start,
                unit.words[p.last].end,
            )
        })
}

/// Who is held responsible: after "par"/"sur" ("tués par les forces
/// azerbaïdjanaises", "la responsabilité sur la partie arménienne"), else
/// the country the subject before an action verb belongs to ("des
/// détachements azerbaïdjanais ont attaqué").
fn actor_of(unit: &Unit, trigger: usize, frame: &Frame) -> Option<(Value, usize, usize)> {
    let countries: Vec<_> = unit
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .collect();
    // After an agent word that follows the trigger.
    let after = unit.words[trigger + 1..]
        .iter()
        .take(6)
        .position(|w| frame.agent_after.contains(&w.folded))
        .map(|k| trigger + 1 + k);
    if let Some(a) = after
        && let Some(e) = countries.iter().find(|e| e.first > a && e.first <= a + 4)
    {
        return Some((
            Value::Actor(e.name.clone()),
            unit.words[e.first].start,
            unit.words[e.last].end,
        ));
    }
    // The subject: the nearest country named before the verb, in the same
    // clause (no comma in between), by its adjective or people ("des
    // détachements azerbaïdjanais", "les Arméniens"), not a capital standing
    // for a government's words.
    let trigger_word = &unit.words[trigger];
    if is_noun_trigger(trigger_word) {
        return None;
    }
    countries
        .iter()
        .filter(|e| e.last < trigger && trigger - e.last <= 6)
        .filter(|e| matches!(e.how, NamedBy::Adjective | NamedBy::People | NamedBy::Name))
        .max_by_key(|e| e.last)
        .map(|e| {
            (
                Value::Actor(e.name.clone()),
                unit.words[e.first].start,
                unit.words[e.last].end,
            )
        })
}

/// Nouns among the triggers ("responsabilité", "responsable") have no
/// subject to read the actor from.
fn is_noun_trigger(w: &Word) -> bool {
    LEXICON.noun(&w.folded).is_some() || w.folded.starts_with("responsab")
}

/// Number frames: the numbers of the sentence that count what the frame
/// counts ("six de ses soldats ont été blessés", "quatre victimes"), one
/// occurrence for each source that gives some.
fn counts(
    unit: &Unit,
    claims: &Claims,
    f: usize,
    frame: &Frame,
    source_of: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Occurrence> {
    let mut by_source: Vec<(Option<usize>, Occurrence)> = Vec::new();
    for &i in &unit.numbers {
        let fact = &claims.facts[i];
        let value = match fact.value {
            FactValue::Integer(n) => n as f64,
            FactValue::Decimal(x) => x,
            FactValue::Date(_) => continue,
        };
        let at = unit.word_at(fact.end as usize);
        // The counted word: the fact's unit, or a count word just after
        // ("six de ses soldats ont été blessés").
        let unit_word = fact
            .unit
            .as_deref()
            .and_then(|u| u.split_whitespace().next())
            .map(text::fold);
        // A number of something else ("67 ans") is not a count of people.
        let counts_people = unit_word
            .as_deref()
            .is_none_or(|u| frame.people.contains(u));
        let what = unit_word
            .as_deref()
            .and_then(|u| frame.counts.get(u))
            .or(if fact.unit.is_none() {
                frame.default.as_ref()
            } else {
                None
            })
            .or_else(|| {
                counts_people
                    .then(|| {
                        unit.words[at..]
                            .iter()
                            .take(4)
                            .find_map(|w| frame.counts.get(&w.folded))
                    })
                    .flatten()
            });
        let Some(what) = what else { continue };
        // "1 179 morts en 24 heures", "300 nouveaux cas": a rate, not a total.
        let after_unit = unit.word_at(fact.end as usize);
        let rate = |from: usize| {
            super::lexicon::Comparison::phrase_at(
                &super::lexicon::COMPARISON.rates,
                unit.words[from.min(unit.words.len())..]
                    .iter()
                    .map(|w| w.folded.as_str()),
            )
        };
        if (at..after_unit + 6).any(rate) || (first_word(unit, fact.start as usize)..at).any(rate) {
            continue;
        }
        let count = Count {
            value,
            what: what.clone(),
            qualifier: fact.qualifier.clone().filter(|q| q != "exact"),
        };
        let source = source_of(fact.start as usize);
        let first = first_word(unit, fact.start as usize);
        match by_source.iter_mut().find(|(s, _)| *s == source) {
            Some((_, o)) => {
                if let Value::Counts(c) = &mut o.value {
                    c.push(count);
                }
                o.value_start = o.value_start.min(fact.start as usize);
                o.value_end = o.value_end.max(fact.end as usize);
            }
            None => by_source.push((
                source,
                Occurrence {
                    frame: f,
                    trigger: first,
                    value: Value::Counts(vec![count]),
                    value_start: fact.start as usize,
                    value_end: fact.end as usize,
                },
            )),
        }
    }
    by_source.into_iter().map(|(_, o)| o).collect()
}

fn first_word(unit: &Unit, at: usize) -> usize {
    unit.word_at(at)
}
