//! The extractor's lexicons, read once from the data files under `data/`.
//!
//! Words are matched on their folded form (`text::fold`: no case, no accents),
//! except verb forms and auxiliaries, which keep their accents ("déclaré" is
//! a participle, "déclare" a present; "a" is an auxiliary, "à" a preposition).

use std::sync::LazyLock;

use crate::text::fnv::{HashMap, HashSet};
use crate::text::{Sections, data_lines, fold, lower};

/// How a reporting verb takes what it reports (see `data/reporting_verbs_fr.txt`).
pub mod frame {
    pub const QUE: u32 = 1;
    pub const QUOTE: u32 = 1 << 1;
    pub const INV: u32 = 1 << 2;
    pub const INF: u32 = 1 << 3;
    pub const DE: u32 = 1 << 4;
    pub const A: u32 = 1 << 5;
    pub const SUR: u32 = 1 << 6;
    pub const CONTRE: u32 = 1 << 7;
    pub const OBJ: u32 = 1 << 8;
    pub const OBJDE: u32 = 1 << 9;
    pub const COMME: u32 = 1 << 10;
    pub const ATTR: u32 = 1 << 11;
    pub const PRON: u32 = 1 << 12;
    pub const NOPRON: u32 = 1 << 13;
    pub const PASSIVE: u32 = 1 << 14;
    pub const ACCUSE: u32 = 1 << 15;
    pub const ONLY_INV: u32 = 1 << 16;
    pub const POUR: u32 = 1 << 17;

    pub fn parse(word: &str) -> Option<u32> {
        Some(match word {
            "que" => QUE,
            "quote" => QUOTE,
            "inv" => INV,
            "inf" => INF,
            "de" => DE,
            "a" => A,
            "sur" => SUR,
            "contre" => CONTRE,
            "obj" => OBJ,
            "objde" => OBJDE,
            "comme" => COMME,
            "attr" => ATTR,
            "pron" => PRON,
            "nopron" => NOPRON,
            "passive" => PASSIVE,
            "accuse" => ACCUSE,
            "only_inv" => ONLY_INV | INV,
            "pour" => POUR,
            _ => return None,
        })
    }
}

/// What a verb form is.
pub mod form {
    pub const FINITE: u8 = 1;
    pub const PARTICIPLE: u8 = 1 << 1;
    pub const PRESENT_PARTICIPLE: u8 = 1 << 2;
    pub const INFINITIVE: u8 = 1 << 3;
}

#[derive(Debug)]
pub struct Verb {
    pub lemma: String,
    /// Fixed words after the verb, folded ("en garde").
    pub tail: Vec<String>,
    pub frames: u32,
}

impl Verb {
    pub fn has(&self, frame: u32) -> bool {
        self.frames & frame != 0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NounKind {
    Person,
    Group,
    Org,
    Media,
    Doc,
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

#[derive(Clone, Copy, Debug)]
pub struct Noun {
    pub kind: NounKind,
    pub gender: Option<Gender>,
    pub plural: bool,
    /// Index of the noun's entry: all its forms share it.
    pub entry: u16,
}

#[derive(Debug)]
pub struct Country {
    pub name: String,
    /// The masculine singular adjective ("arménien"), for names such as
    /// "ministère arménien de la Défense".
    pub adjective: Option<String>,
}

pub struct Lexicon {
    pub verbs: Vec<Verb>,
    verb_forms: HashMap<String, Vec<(u16, u8)>>,
    nouns: HashMap<String, Noun>,
    /// Folded masculine singular (or first) form of each noun entry.
    pub noun_lemmas: Vec<String>,
    /// The same form as written ("président").
    pub noun_headwords: Vec<String>,
    pub countries: Vec<Country>,
    /// Folded names, several words joined by a space.
    country_names: HashMap<String, usize>,
    metonyms: HashMap<String, usize>,
    /// Seats of power: folded name → (country, name as written in the data).
    seats: HashMap<String, (usize, String)>,
    adjectives: HashMap<String, usize>,
    peoples: HashMap<String, usize>,
    /// Longest country, metonym or people name, in words.
    pub longest_place: usize,
    /// First names with their gender, when they have one ("Dominique" has none).
    first_names: HashMap<String, Option<Gender>>,
    sections: HashMap<String, HashSet<String>>,
    /// Entries of several words of each section, as folded words, longest first.
    phrases: HashMap<String, Vec<Vec<String>>>,
    /// The same, by section and first word, for quick matching.
    phrase_starts: HashMap<String, HashMap<String, Vec<Vec<String>>>>,
    pub cardinals: HashMap<String, f64>,
    pub multipliers: HashMap<String, f64>,
    pub approximate: HashMap<String, f64>,
    /// (folded words, qualifier), longest first.
    pub qualifiers: Vec<(Vec<String>, String)>,
    pub qualifiers_after: Vec<(Vec<String>, String)>,
    /// Lines of the data files that could not be read (checked by a test).
    pub problems: Vec<String>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// "près_de" → ["pres", "de"]; "jusqu'à" → ["jusqu", "a"]: the words the
/// extractor's token stream gives for a phrase of a data file.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    super::tokens::words_of(&phrase.replace('_', " "))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            verbs: Vec::new(),
            verb_forms: HashMap::default(),
            nouns: HashMap::default(),
            noun_lemmas: Vec::new(),
            noun_headwords: Vec::new(),
            countries: Vec::new(),
            country_names: HashMap::default(),
            metonyms: HashMap::default(),
            seats: HashMap::default(),
            adjectives: HashMap::default(),
            peoples: HashMap::default(),
            longest_place: 1,
            first_names: HashMap::default(),
            sections: HashMap::default(),
            phrases: HashMap::default(),
            phrase_starts: HashMap::default(),
            cardinals: HashMap::default(),
            multipliers: HashMap::default(),
            approximate: HashMap::default(),
            qualifiers: Vec::new(),
            qualifiers_after: Vec::new(),
            problems: Vec::new(),
        };
        lex.load_verbs(crate::data_file!(include_str!(
            "../../data/reporting_verbs_fr.txt"
        )));
        lex.load_nouns(crate::data_file!(include_str!(
            "../../data/speaker_nouns_fr.txt"
        )));
        lex.load_countries(crate::data_file!(include_str!(
            "../../data/countries_fr.txt"
        )));
        lex.load_first_names(crate::data_file!(include_str!(
            "../../data/first_names.txt"
        )));
        lex.load_grammar(crate::data_file!(include_str!("../../data/grammar_fr.txt")));
        lex.load_numbers(crate::data_file!(include_str!("../../data/numbers_fr.txt")));
        lex
    }

    fn load_verbs(&mut self, source: &str) {
        for line in data_lines(source) {
            let mut fields = line.split('|').map(str::trim);
            let lemma_field = fields.next().unwrap_or("");
            let frame_words: Vec<&str> = fields.next().unwrap_or("").split_whitespace().collect();
            let frames = frame_words
                .iter()
                .filter_map(|w| frame::parse(w))
                .fold(0, |a, f| a | f);
            if frame_words.is_empty() || frame_words.iter().any(|w| frame::parse(w).is_none()) {
                self.problems
                    .push(format!("reporting_verbs_fr.txt: {line}"));
            }
            let extra: Vec<String> = fields
                .next()
                .unwrap_or("")
                .split_whitespace()
                .map(lower)
                .collect();
            let mut words = lemma_field.split_whitespace();
            let Some(head) = words.next() else { continue };
            let head = lower(head);
            let tail: Vec<String> = words.map(fold).collect();
            let index = self.verbs.len() as u16;
            self.verbs.push(Verb {
                lemma: lemma_field.to_owned(),
                tail,
                frames,
            });
            let mut forms: Vec<(String, u8)> = Vec::new();
            if let Some(stem) = head.strip_suffix("er") {
                forms.extend(first_group_forms(&head, stem));
            } else {
                forms.push((head.clone(), form::INFINITIVE));
            }
            for f in extra {
                let kind = extra_form_kind(&f, &head);
                forms.push((f, kind));
            }
            for (f, kind) in forms {
                let entry = self.verb_forms.entry(f).or_default();
                if let Some(existing) = entry.iter_mut().find(|e| e.0 == index) {
                    existing.1 |= kind;
                } else {
                    entry.push((index, kind));
                }
            }
        }
    }

    fn load_nouns(&mut self, source: &str) {
        for line in data_lines(source) {
            let mut fields = line.split('|').map(str::trim);
            let forms: Vec<&str> = fields.next().unwrap_or("").split_whitespace().collect();
            let kind = match fields.next().unwrap_or("") {
                "person" => NounKind::Person,
                "group" => NounKind::Group,
                "org" => NounKind::Org,
                "media" => NounKind::Media,
                "doc" => NounKind::Doc,
                "info" => NounKind::Info,
                _ => {
                    self.problems.push(format!("speaker_nouns_fr.txt: {line}"));
                    continue;
                }
            };
            if forms.len() != 4 {
                self.problems.push(format!("speaker_nouns_fr.txt: {line}"));
                continue;
            }
            let entry = self.noun_lemmas.len() as u16;
            let lemma = forms
                .iter()
                .find(|f| **f != "-")
                .map_or(String::new(), |f| fold(f));
            self.noun_lemmas.push(lemma);
            self.noun_headwords.push(
                forms
                    .iter()
                    .find(|f| **f != "-")
                    .map_or(String::new(), |f| f.replace('_', " ")),
            );
            for (slot, f) in forms.iter().enumerate() {
                if *f == "-" {
                    continue;
                }
                let gender = if slot % 2 == 0 {
                    Gender::Masculine
                } else {
                    Gender::Feminine
                };
                // Same form for both genders ("ministre"): the gender is unknown.
                let same_other = forms[slot ^ 1] == *f;
                let noun = Noun {
                    kind,
                    gender: (!same_other).then_some(gender),
                    plural: slot >= 2,
                    entry,
                };
                let key = fold(&f.replace('_', " "));
                // A singular reading wins over a plural one of the same form ("fils").
                self.nouns.entry(key).or_insert(noun);
            }
        }
    }

    fn load_countries(&mut self, source: &str) {
        for line in data_lines(source) {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let [names, capitals, seats, adjectives, peoples] = fields.as_slice() else {
                self.problems.push(format!("countries_fr.txt: {line}"));
                continue;
            };
            let names: Vec<&str> = names.split_whitespace().collect();
            let Some(first) = names.first() else { continue };
            let index = self.countries.len();
            let adjectives: Vec<&str> = adjectives.split_whitespace().collect();
            self.countries.push(Country {
                name: first.replace('_', " "),
                adjective: adjectives.first().map(|a| a.to_string()),
            });
            let key = |w: &str| fold(&w.replace('_', " "));
            for n in &names {
                self.country_names.insert(key(n), index);
            }
            for m in capitals.split_whitespace() {
                self.metonyms.insert(key(m), index);
            }
            for m in seats.split_whitespace() {
                self.seats.insert(key(m), (index, m.replace('_', " ")));
            }
            for a in adjectives {
                self.adjectives.insert(key(a), index);
            }
            for p in peoples.split_whitespace() {
                self.peoples.insert(key(p), index);
            }
        }
        self.longest_place = self
            .country_names
            .keys()
            .chain(self.metonyms.keys())
            .chain(self.seats.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
    }

    fn load_first_names(&mut self, source: &str) {
        for (section, lines) in Sections::parse(source).iter() {
            let gender = match section {
                "m" => Some(Gender::Masculine),
                "f" => Some(Gender::Feminine),
                "both" => None,
                _ => {
                    self.problems.push(format!("first_names.txt: [{section}]"));
                    continue;
                }
            };
            for name in lines.iter().flat_map(|l| l.split_whitespace()) {
                self.first_names.insert(fold(name), gender);
            }
        }
    }

    fn load_grammar(&mut self, source: &str) {
        for (section, lines) in Sections::parse(source).iter() {
            let exact = matches!(section, "auxiliaries" | "auxiliaries_etre");
            for w in lines.iter().flat_map(|l| l.split_whitespace()) {
                if exact {
                    self.sections
                        .entry(section.to_owned())
                        .or_default()
                        .insert(lower(w));
                    continue;
                }
                let words = phrase_words(w);
                match words.len() {
                    0 => {}
                    1 => {
                        let set = self.sections.entry(section.to_owned()).or_default();
                        set.insert(words.into_iter().next().unwrap_or_default());
                    }
                    _ => self
                        .phrases
                        .entry(section.to_owned())
                        .or_default()
                        .push(words),
                }
            }
        }
        for (section, list) in &mut self.phrases {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
            for p in list.iter() {
                self.phrase_starts
                    .entry(section.to_owned())
                    .or_default()
                    .entry(p[0].clone())
                    .or_default()
                    .push(p.clone());
            }
        }
    }

    fn load_numbers(&mut self, source: &str) {
        for (section, lines) in Sections::parse(source).iter() {
            for line in lines {
                let mut parts = line.split_whitespace();
                let (Some(word), Some(value)) = (parts.next(), parts.next()) else {
                    continue;
                };
                match section {
                    "cardinals" | "multipliers" | "approximate" => {
                        let Ok(v) = value.parse::<f64>() else {
                            continue;
                        };
                        let map = match section {
                            "cardinals" => &mut self.cardinals,
                            "multipliers" => &mut self.multipliers,
                            _ => &mut self.approximate,
                        };
                        map.insert(fold(word), v);
                    }
                    "qualifiers" => self.qualifiers.push((phrase_words(word), value.to_owned())),
                    "qualifiers_after" => self
                        .qualifiers_after
                        .push((phrase_words(word), value.to_owned())),
                    _ => {}
                }
            }
        }
        self.qualifiers
            .sort_by_key(|q| std::cmp::Reverse(q.0.len()));
        self.qualifiers_after
            .sort_by_key(|q| std::cmp::Reverse(q.0.len()));
    }

    /// The reporting verbs a form belongs to, with what the form is.
    pub fn verb_forms(&self, lower_form: &str) -> &[(u16, u8)] {
        self.verb_forms.get(lower_form).map_or(&[], Vec::as_slice)
    }

    pub fn noun(&self, folded: &str) -> Option<Noun> {
        self.nouns.get(folded).copied()
    }

    pub fn country(&self, folded_name: &str) -> Option<usize> {
        self.country_names.get(folded_name).copied()
    }

    pub fn metonym(&self, folded_name: &str) -> Option<usize> {
        self.metonyms.get(folded_name).copied()
    }

    /// A seat of power ("kremlin", "maison blanche"): its country and name.
    pub fn seat(&self, folded_name: &str) -> Option<(usize, &str)> {
        self.seats.get(folded_name).map(|(c, n)| (*c, n.as_str()))
    }

    pub fn adjective_country(&self, folded: &str) -> Option<usize> {
        self.adjectives.get(folded).copied()
    }

    pub fn people(&self, folded: &str) -> Option<usize> {
        self.peoples.get(folded).copied()
    }

    pub fn is_first_name(&self, folded: &str) -> bool {
        self.first_names.contains_key(folded)
    }

    /// The gender a first name tells, if any.
    pub fn first_name(&self, folded: &str) -> Option<Gender> {
        self.first_names.get(folded).copied().flatten()
    }

    /// Whether `word` (folded, or lower case for the exact sections) is in a
    /// section of `data/grammar_fr.txt`.
    pub fn is(&self, section: &str, word: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.contains(word))
    }

    /// The entries of several words of a section, longest first.
    pub fn phrases(&self, section: &str) -> &[Vec<String>] {
        self.phrases.get(section).map_or(&[], Vec::as_slice)
    }

    /// The phrases of a section starting with `first`, longest first.
    pub fn phrases_starting(&self, section: &str, first: &str) -> &[Vec<String>] {
        self.phrase_starts
            .get(section)
            .and_then(|m| m.get(first))
            .map_or(&[], Vec::as_slice)
    }
}

/// What a listed form is, from its ending: "dit" and "écrit" are both
/// present and participle, "révèle" a present, "reconnu" a participle.
fn extra_form_kind(f: &str, infinitive: &str) -> u8 {
    use form::*;
    if f == infinitive {
        return INFINITIVE;
    }
    if f.ends_with("ant") {
        return PRESENT_PARTICIPLE;
    }
    if f.ends_with("it") || f.ends_with("int") || f.ends_with("is") {
        return FINITE | PARTICIPLE;
    }
    let participle = [
        "é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "ies", "ise", "ises", "ite",
        "ites", "its", "inte", "intes", "ts",
    ];
    if participle.iter().any(|e| f.ends_with(e)) {
        PARTICIPLE
    } else {
        FINITE
    }
}

/// Third-person forms of a regular -er verb, with ç/ge before a and o.
fn first_group_forms(infinitive: &str, stem: &str) -> Vec<(String, u8)> {
    use form::*;
    let soft = |ending: &str| -> String {
        let starts_hard = ending.starts_with('a') || ending.starts_with('o');
        if starts_hard && stem.ends_with('c') {
            format!("{}ç{ending}", &stem[..stem.len() - 1])
        } else if starts_hard && stem.ends_with('g') {
            format!("{stem}e{ending}")
        } else {
            format!("{stem}{ending}")
        }
    };
    let mut forms = Vec::new();
    for ending in ["e", "ent", "ait", "aient", "a", "èrent"] {
        forms.push((soft(ending), FINITE));
    }
    for ending in ["a", "ont", "ait", "aient"] {
        forms.push((format!("{infinitive}{ending}"), FINITE));
    }
    for ending in ["é", "ée", "és", "ées"] {
        forms.push((soft(ending), PARTICIPLE));
    }
    forms.push((soft("ant"), PRESENT_PARTICIPLE));
    forms.push((infinitive.to_owned(), INFINITIVE));
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_are_generated_and_listed() {
        let lex = &*LEXICON;
        let kind = |f: &str| lex.verb_forms(f).first().map(|e| e.1).unwrap_or(0);
        assert_eq!(kind("déclaré"), form::PARTICIPLE);
        assert_eq!(kind("déclare"), form::FINITE);
        assert_eq!(kind("annonçait"), form::FINITE);
        assert_eq!(kind("jugeant"), form::PRESENT_PARTICIPLE);
        assert_ne!(kind("dit") & form::PARTICIPLE, 0);
        assert_ne!(kind("exclut") & form::FINITE, 0);
        assert!(lex.verb_forms("à").is_empty());
    }

    #[test]
    fn every_data_line_is_read() {
        assert!(
            LEXICON.problems.is_empty(),
            "unreadable lines: {:?}",
            LEXICON.problems
        );
    }

    #[test]
    fn nouns_countries_and_names() {
        let lex = &*LEXICON;
        assert_eq!(
            lex.noun("porte-parole").map(|n| n.kind),
            Some(NounKind::Person)
        );
        assert_eq!(
            lex.noun("procureure").and_then(|n| n.gender),
            Some(Gender::Feminine)
        );
        assert_eq!(lex.noun("ministre").and_then(|n| n.gender), None);
        let russia = lex.country("russie").expect("Russie");
        assert_eq!(lex.metonym("moscou"), Some(russia));
        assert_eq!(lex.adjective_country("russe"), Some(russia));
        assert_eq!(
            lex.seat("maison blanche").map(|s| s.0),
            lex.country("etats-unis")
        );
        assert_eq!(lex.first_name("oksana"), Some(Gender::Feminine));
        assert!(lex.is("auxiliaries", "a") && !lex.is("auxiliaries", "à"));
        assert!(lex.is("prepositions", "a"));
    }
}
