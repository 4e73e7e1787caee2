//! The comparison's word lists (`data/comparison_fr.txt`): hypothetical
//! markers and synonyms sources use for the same thing.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::text;

pub struct Comparison {
    /// Folded words that make a sentence hypothetical.
    pub hypothetical: HashSet<String>,
    /// Stem → the stem of its group's first word.
    pub synonyms: HashMap<String, String>,
    /// Stem of an event noun or verb → the verb's stem ("deploi" for both
    /// "déploiement" and "déployer").
    pub events: HashMap<String, String>,
    /// Phrases (folded words) that place a figure in a story that moves on.
    pub evolution: Vec<Vec<String>>,
    /// Phrases (folded words) that make a count a rate or an increment.
    pub rates: Vec<Vec<String>>,
}

pub static COMPARISON: LazyLock<Comparison> = LazyLock::new(|| {
    let mut c = Comparison {
        hypothetical: HashSet::new(),
        synonyms: HashMap::new(),
        events: HashMap::new(),
        evolution: Vec::new(),
        rates: Vec::new(),
    };
    let mut section = String::new();
    for line in text::data_lines(include_str!("../../data/comparison_fr.txt")) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_owned();
            continue;
        }
        match section.as_str() {
            "hypothetical" => c
                .hypothetical
                .extend(line.split_whitespace().map(text::fold)),
            "synonyms" => {
                let stems: Vec<String> = line
                    .split_whitespace()
                    .map(|w| super::units::conflate(&text::stem(&text::fold(w))))
                    .collect();
                if let Some(first) = stems.first() {
                    for s in &stems {
                        c.synonyms.insert(s.clone(), first.clone());
                    }
                }
            }
            "events" => {
                let mut words = line
                    .split_whitespace()
                    .map(|w| super::units::conflate(&text::stem(&text::fold(w))));
                if let (Some(noun), Some(verb)) = (words.next(), words.next()) {
                    c.events.insert(noun, verb.clone());
                    c.events.insert(verb.clone(), verb);
                }
            }
            "evolution" => c.evolution.push(
                text::tokenize(&line)
                    .into_iter()
                    .map(|t| t.folded)
                    .collect(),
            ),
            "rates" => c.rates.push(
                text::tokenize(&line)
                    .into_iter()
                    .map(|t| t.folded)
                    .collect(),
            ),
            _ => {}
        }
    }
    c
});

impl Comparison {
    /// Does one of `phrases` start at `words[at..]` (folded forms)?
    pub fn phrase_at<'w>(
        phrases: &[Vec<String>],
        words: impl Iterator<Item = &'w str> + Clone,
    ) -> bool {
        phrases
            .iter()
            .any(|p| !p.is_empty() && words.clone().take(p.len()).eq(p.iter().map(String::as_str)))
    }

    /// A match key that names an event (see `[events]`).
    pub fn is_event(&self, key: &str) -> bool {
        self.events.contains_key(key)
    }
}
