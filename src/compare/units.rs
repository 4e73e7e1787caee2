//! The passages a comparison works on: each sentence of a document's
//! article text, read once into words (stems, spelling variants made one),
//! the countries, places and people it names, and the facts (dates, numbers)
//! the extractor found in it.

use crate::text::fnv::HashMap;

use crate::claims::lexicon::LEXICON;
use crate::claims::{Claims, FactKind};
use crate::corpus::{BlockKind, Document};
use crate::text::{self, TokenKind, aliases, sentence};

/// Longest sentence read, in words: bounds the work on hostile input.
const MAX_WORDS: usize = 400;
/// Most sentences read in one document.
const MAX_UNITS_PER_DOC: usize = 4000;

#[derive(Clone, Debug)]
pub struct Word {
    /// Byte offsets into the document's text.
    pub start: usize,
    pub end: usize,
    pub folded: String,
    /// Lower case with accents, for words whose accent matters ("à").
    pub lower: String,
    /// The index term, with spelling variants made one ("latchin" →
    /// "latchine"); `None` for stop words and elisions.
    pub term: Option<String>,
    pub kind: TokenKind,
    pub capitalized: bool,
    pub hyphen_joined: bool,
    /// A comma, semicolon, colon, bracket or dash stands between the
    /// previous word and this one.
    pub pause_before: bool,
    /// What two sources' words must share to say the same thing: the term,
    /// with synonyms made one ("couloir" = "corridor") and a country however
    /// it is named ("Bakou", "azerbaïdjanais" → the country).
    pub key: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    /// A country or party, named, by its adjective, its people or its capital.
    Country,
    /// A person: two or more capitalised words.
    Person,
}

#[derive(Clone, Debug)]
pub struct Entity {
    /// Canonical name: the country as the lexicon writes it, or the person's
    /// words as written.
    pub name: String,
    pub kind: EntityKind,
    /// Word span in the unit.
    pub first: usize,
    pub last: usize,
    /// How it was named: "azerbaïdjanais" (adjective), "Bakou" (capital).
    pub how: NamedBy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedBy {
    Name,
    Adjective,
    People,
    Capital,
    Person,
}

/// A place the sentence says something happens at: "à Erevan", "en
/// Arménie", "sur les Champs-Élysées".
#[derive(Clone, Debug)]
pub struct Place {
    /// As written, hyphens kept ("Haut-Karabakh").
    pub name: String,
    /// The country it is, or is the capital of, if known.
    pub country: Option<String>,
    /// Word index of the preposition, and the name's words.
    pub preposition: usize,
    pub first: usize,
    pub last: usize,
}

#[derive(Clone, Debug)]
pub struct Unit {
    /// The document's number.
    pub doc: usize,
    /// Sentence number in the document, in reading order.
    pub index: usize,
    /// Number of the block (paragraph) the sentence is in.
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub words: Vec<Word>,
    pub entities: Vec<Entity>,
    /// Indices into `Claims::facts` of the dates and numbers in the sentence.
    pub dates: Vec<usize>,
    pub numbers: Vec<usize>,
    pub places: Vec<Place>,
    /// The sentence tells a moment of a story that moves on (a first toll,
    /// an hour of a live report): its figures make a timeline.
    pub evolving: bool,
}

impl Unit {
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        doc.text.get(self.start..self.end).unwrap_or("")
    }

    /// The word index at or after byte offset `at`.
    pub fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.end <= at)
    }

    pub fn countries(&self) -> impl Iterator<Item = &str> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .map(|e| e.name.as_str())
    }
}

/// Facts of each document, by document id: indices into `Claims::facts`.
pub fn facts_by_doc(claims: &Claims) -> HashMap<&str, Vec<usize>> {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, f) in claims.facts.iter().enumerate() {
        by_doc.entry(f.doc.as_str()).or_default().push(i);
    }
    by_doc
}

/// The sentences of one document's article text (title, headings, body).
pub fn document_units(
    doc_no: usize,
    doc: &Document,
    claims: &Claims,
    facts: &[usize],
) -> Vec<Unit> {
    let mut out = Vec::new();
    for (block_no, block) in doc.article_blocks().enumerate() {
        if block.kind == BlockKind::Dateline {
            continue;
        }
        let (bs, be) = (block.start as usize, block.end as usize);
        let Some(block_text) = doc.text.get(bs..be) else {
            continue;
        };
        for (s, e) in sentence::sentences(block_text) {
            if out.len() >= MAX_UNITS_PER_DOC {
                return out;
            }
            let (start, end) = (bs + s, bs + e);
            let words = read_words(doc, start, end);
            if words.is_empty() {
                continue;
            }
            let mut words = words;
            let entities = find_entities(&words);
            set_keys(&mut words, &entities);
            let in_unit = |&&i: &&usize| {
                let f = &claims.facts[i];
                (f.start as usize) >= start && (f.end as usize) <= end
            };
            let dates = facts
                .iter()
                .filter(in_unit)
                .filter(|&&i| claims.facts[i].kind == FactKind::Date)
                .copied()
                .collect();
            let numbers = facts
                .iter()
                .filter(in_unit)
                .filter(|&&i| claims.facts[i].kind == FactKind::Number)
                .copied()
                .collect();
            let evolving = is_evolving(&words);
            let places = find_places(&words, &entities);
            out.push(Unit {
                doc: doc_no,
                index: out.len(),
                block: block_no,
                start,
                end,
                words,
                entities,
                dates,
                numbers,
                places,
                evolving,
            });
        }
    }
    out
}

/// The words of `doc.text[start..end]`, glued runs read as their parts.
pub fn read_words(doc: &Document, start: usize, end: usize) -> Vec<Word> {
    let Some(text) = doc.text.get(start..end) else {
        return Vec::new();
    };
    let splits = doc.lost_spaces_in(start, end);
    words_of(text, &splits, start)
}

/// The words of a free text (a claim typed by a reader), offsets from 0.
pub fn words_of_text(text: &str) -> Vec<Word> {
    words_of(text, &[], 0)
}

fn words_of(text: &str, splits: &[u32], base: usize) -> Vec<Word> {
    let mut previous_end = 0;
    let mut words: Vec<Word> = text::tokenize_split(text, splits)
        .into_iter()
        .take(MAX_WORDS)
        .map(|t| {
            let between = text.get(previous_end.min(t.start)..t.start).unwrap_or("");
            previous_end = t.end;
            (t, between.contains([',', ';', ':', '(', ')', '—', '–']))
        })
        .map(|(t, pause_before)| Word {
            start: base + t.start,
            end: base + t.end,
            lower: text::lower(&text[t.start..t.end]),
            term: text::term_of(&t),
            folded: t.folded,
            kind: t.kind,
            capitalized: t.capitalized,
            hyphen_joined: t.hyphen_joined,
            pause_before,
            key: None,
        })
        .collect();
    aliases::unify_terms(&mut words, |w| w.term.as_mut());
    words
}

/// Prepositions that introduce where something happens.
const PLACE_PREPOSITIONS: &[&str] = &["à", "en", "au", "aux", "dans", "sur"];
const ARTICLES: &[&str] = &["le", "la", "les", "l"];

/// Places: a preposition, maybe an article, then a capitalised name.
pub fn find_places(words: &[Word], entities: &[Entity]) -> Vec<Place> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !PLACE_PREPOSITIONS.contains(&w.lower.as_str()) {
            continue;
        }
        let mut first = i + 1;
        if words
            .get(first)
            .is_some_and(|n| ARTICLES.contains(&n.folded.as_str()))
        {
            first += 1;
        }
        let Some(next) = words.get(first) else {
            continue;
        };
        if !next.capitalized || next.kind != TokenKind::Word {
            continue;
        }
        // "à Emmanuel Macron" is a person; "le XXe arrondissement" a number.
        let person = entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.first <= first && first <= e.last)
            || LEXICON.is_first_name(&next.folded);
        let ordinal = next
            .folded
            .trim_end_matches(['e', 'r'])
            .chars()
            .all(|c| "ivxlc".contains(c));
        if person || ordinal {
            continue;
        }
        // The name: capitalised words and their hyphenated parts.
        let mut last = first;
        while last + 1 < words.len()
            && (words[last + 1].hyphen_joined || words[last + 1].capitalized)
            && words[last + 1].kind == TokenKind::Word
            && !words[last + 1].pause_before
        {
            last += 1;
        }
        let mut name = String::new();
        for (k, w) in words[first..=last].iter().enumerate() {
            if k > 0 {
                name.push(if w.hyphen_joined { '-' } else { ' ' });
            }
            let mut c = w.lower.chars();
            if let Some(f) = c.next() {
                name.extend(f.to_uppercase());
                name.extend(c);
            }
        }
        let country = entities
            .iter()
            .find(|e| e.kind == EntityKind::Country && e.first == first)
            .map(|e| e.name.clone());
        out.push(Place {
            name,
            country,
            preposition: i,
            first,
            last,
        });
    }
    out
}

/// Does a sentence place its figures at a moment of a moving story: an
/// evolution phrase ("premier bilan", "s'est alourdi") or a clock time
/// ("13h40")?
fn is_evolving(words: &[Word]) -> bool {
    let phrases = &super::lexicon::COMPARISON.evolution;
    let clock = |w: &Word| {
        let f = w.folded.as_str();
        let (h, m) = f.split_once('h').unwrap_or(("", "x"));
        !h.is_empty()
            && h.len() <= 2
            && h.bytes().all(|b| b.is_ascii_digit())
            && m.len() <= 2
            && m.bytes().all(|b| b.is_ascii_digit())
    };
    words.iter().any(clock)
        || phrases.iter().any(|p| {
            !p.is_empty()
                && words
                    .windows(p.len())
                    .any(|w| w.iter().zip(p).all(|(a, b)| &a.folded == b))
        })
}

/// Snowball keeps some forms of one verb apart ("passent" / "pass",
/// "deploy" / "deploi"); for matching sources' words, they are one.
pub fn conflate(stem: &str) -> String {
    let mut s = stem.to_owned();
    if s.len() >= 7 && s.ends_with("ent") {
        s.truncate(s.len() - 3);
    }
    if s.ends_with('y') {
        s.pop();
        s.push('i');
    }
    s
}

/// Match keys: countries however named, then synonyms, then the term.
pub fn set_keys(words: &mut [Word], entities: &[Entity]) {
    let lexicon = &*super::lexicon::COMPARISON;
    for w in words.iter_mut() {
        // Numbers match as numbers, in digits or words ("trois" = "3"):
        // alike sentences with other figures are other facts. "un"/"une"
        // are articles more often than counts.
        let cardinal = LEXICON
            .cardinals
            .get(&w.folded)
            .filter(|&&v| v > 1.0 && w.kind == TokenKind::Word);
        if w.kind == TokenKind::Number || cardinal.is_some() {
            let value = cardinal.map_or_else(|| w.folded.clone(), |v| format!("{v}"));
            w.key = Some(format!("nombre:{value}"));
            continue;
        }
        w.key = w.term.as_ref().map(|t| {
            let t = conflate(t);
            let t = lexicon.synonyms.get(&t).cloned().unwrap_or(t);
            lexicon.events.get(&t).cloned().unwrap_or(t)
        });
    }
    for e in entities {
        let prefix = match e.kind {
            EntityKind::Country => "pays",
            EntityKind::Person => "personne",
        };
        for (k, w) in words[e.first..=e.last].iter_mut().enumerate() {
            w.key = (k == 0).then(|| format!("{prefix}:{}", e.name));
        }
    }
}

/// Countries (by name, adjective, people or capital) and people (two or more
/// capitalised words) named in a sentence.
fn find_entities(words: &[Word]) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((len, name, how)) = country_at(words, i) {
            out.push(Entity {
                name,
                kind: EntityKind::Country,
                first: i,
                last: i + len - 1,
                how,
            });
            i += len;
            continue;
        }
        // A person: capitalised words in a row (not at a sentence start
        // alone), at least two.
        let mut j = i;
        while j < words.len()
            && words[j].capitalized
            && words[j].kind == TokenKind::Word
            && !text::is_stopword(&words[j].folded)
            && country_at(words, j).is_none()
        {
            j += 1;
        }
        if j - i >= 2 && j - i <= 4 {
            let name = folded_words(&words[i..j]);
            out.push(Entity {
                name,
                kind: EntityKind::Person,
                first: i,
                last: j - 1,
                how: NamedBy::Person,
            });
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The folded forms of `words`, joined by spaces (a name's key).
fn folded_words(words: &[Word]) -> String {
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&w.folded);
    }
    out
}

/// A country named at word `i`: (words used, canonical name, how).
fn country_at(words: &[Word], i: usize) -> Option<(usize, String, NamedBy)> {
    let lex = &*LEXICON;
    for len in (1..=lex.longest_place.clamp(1, 4)).rev() {
        if i + len > words.len() {
            continue;
        }
        // Several words of one name: "Haut Karabakh", "États Unis".
        if words[i + 1..i + len]
            .iter()
            .any(|w| w.kind != TokenKind::Word)
        {
            continue;
        }
        let key = folded_words(&words[i..i + len]);
        let found = if let Some(c) = lex.country(&key) {
            Some((c, NamedBy::Name))
        } else if let Some((c, _)) = lex.seat(&key).filter(|_| words[i].capitalized) {
            // "l'Élysée", "le Kremlin": the seat of a country's power.
            Some((c, NamedBy::Capital))
        } else if words[i].capitalized {
            lex.metonym(&key)
                .map(|c| (c, NamedBy::Capital))
                .or_else(|| lex.people(&key).map(|c| (c, NamedBy::People)))
        } else if len == 1 {
            lex.adjective_country(&key).map(|c| (c, NamedBy::Adjective))
        } else {
            None
        };
        if let Some((c, how)) = found
            && let Some(country) = lex.countries.get(c)
        {
            return Some((len, country.name.clone(), how));
        }
    }
    None
}
