//! The comparison's word lists (`data/comparison_fr.txt`): hypothetical
//! markers and synonyms sources use for the same thing.

use crate::text::fnv::{HashMap, HashSet};
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
    let data = text::Sections::parse(crate::data_file!(include_str!(
        "../../data/comparison_fr.txt"
    )));
    let key = |w: &str| super::units::conflate(&text::stem(&text::fold(w)));
    let phrases = |section: &str| -> Vec<Vec<String>> {
        data.lines(section)
            .iter()
            .map(|line| text::tokenize(line).into_iter().map(|t| t.folded).collect())
            .collect()
    };
    let mut c = Comparison {
        hypothetical: data
            .lines("hypothetical")
            .iter()
            .flat_map(|l| l.split_whitespace().map(text::fold))
            .collect(),
        synonyms: HashMap::default(),
        events: HashMap::default(),
        evolution: phrases("evolution"),
        rates: phrases("rates"),
    };
    for line in data.lines("synonyms") {
        let stems: Vec<String> = line.split_whitespace().map(key).collect();
        if let Some(first) = stems.first() {
            for s in &stems {
                c.synonyms.insert(s.clone(), first.clone());
            }
        }
    }
    for line in data.lines("events") {
        let mut words = line.split_whitespace().map(key);
        if let (Some(noun), Some(verb)) = (words.next(), words.next()) {
            c.events.insert(noun, verb.clone());
            c.events.insert(verb.clone(), verb);
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
