//! One document, start to end: sentences, cues, speakers, quotations whose
//! speaker comes from context, facts.

use super::cues::{self, Cue, Direction, Source};
use super::lexicon::{LEXICON, frame};
use super::np::{self, DocWords, Head, Np, span_text};
use super::speakers::{Entity, Registry, SpeakerKind};
use super::tokens::{Kind, Quote, Sentence, Tok, read_block};
use super::{Accusation, Fact, StatementKind, dates, facts};
use crate::corpus::Document;

/// Sentences longer than this (in tokens) are read only this far: a run-on
/// "sentence" of a badly scraped page must not make the extractor slow.
const MAX_SENTENCE_TOKENS: usize = 400;
/// Blocks read per document, for the same reason.
const MAX_BLOCKS: usize = 2000;
/// A paragraph is read this far (a "paragraph" of megabytes is no article).
const MAX_BLOCK_BYTES: usize = 64 * 1024;
/// A document is read this far.
const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A statement of one document, its speaker an index into `entities`.
pub struct Found {
    pub speaker: usize,
    pub mention: String,
    pub cue: String,
    pub kind: StatementKind,
    pub start: usize,
    pub end: usize,
    pub date: Option<String>,
    pub accusation: Option<Accusation>,
    pub places: Vec<String>,
    sentence: usize,
    block: usize,
}

pub struct DocumentClaims {
    pub statements: Vec<Found>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
}

/// A source recently in focus, for pronouns.
struct Salient {
    entity: usize,
    block: usize,
    sentence: usize,
    /// A statement's speaker, not only a sentence's subject.
    speaker: bool,
}

struct Reader<'a> {
    text: &'a str,
    words: DocWords,
    registry: Registry,
    quotes: Vec<Quote>,
    salience: Vec<Salient>,
    found: Vec<Found>,
    /// Quotations standing alone with no speaker before them: they take the
    /// speaker of the statement that follows in their paragraph.
    pending: Vec<(usize, usize, usize, usize)>,
    /// Countries named lately, most recent last: "les deux pays" are the last two.
    recent_countries: Vec<usize>,
    current_sentence: usize,
}

/// The numbers and dates of a document's article text, without reading who
/// says what (for a question a reader types: the page need not carry the
/// statement reader to understand "le 10 novembre").
pub fn facts_only(doc: &Document) -> Vec<Fact> {
    let text = doc.text.as_str();
    let mut quotes = Vec::new();
    let mut facts = Vec::new();
    for (bi, b) in doc.article_blocks().take(MAX_BLOCKS).enumerate() {
        let start = b.start as usize;
        let mut end = (b.end as usize).min(start + MAX_BLOCK_BYTES);
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let lost_spaces = doc.lost_spaces_in(start, end);
        for mut s in read_block(text, start, end, &lost_spaces, bi, &mut quotes) {
            s.toks.truncate(MAX_SENTENCE_TOKENS);
            facts.extend(facts::sentence_facts(doc, &s.toks));
        }
    }
    facts
}

pub fn document(doc: &Document) -> DocumentClaims {
    let text = doc.text.as_str();
    let mut quotes = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut read = 0;
    for (bi, b) in doc.article_blocks().take(MAX_BLOCKS).enumerate() {
        let start = b.start as usize;
        let mut end = (b.end as usize).min(start + MAX_BLOCK_BYTES);
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        read += end - start;
        if read > MAX_DOCUMENT_BYTES {
            break;
        }
        let lost_spaces = doc.lost_spaces_in(start, end);
        sentences.extend(read_block(text, start, end, &lost_spaces, bi, &mut quotes));
    }
    for s in &mut sentences {
        s.toks.truncate(MAX_SENTENCE_TOKENS);
    }
    let mut words = DocWords::default();
    for s in &sentences {
        words.learn(&s.toks);
    }
    let mut reader = Reader {
        text,
        words,
        registry: Registry::default(),
        quotes,
        salience: Vec::new(),
        found: Vec::new(),
        pending: Vec::new(),
        recent_countries: Vec::new(),
        current_sentence: 0,
    };
    // First pass: names and their functions, wherever they appear.
    for (si, s) in sentences.iter().enumerate() {
        reader.learn(&s.toks, si);
    }
    let mut all_facts = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        reader.sentence(s, si);
        all_facts.extend(facts::sentence_facts(doc, &s.toks));
    }
    reader.resolve_pending();
    let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
    dates::attach_statement_dates(&mut reader.found, &all_facts, &sentence_starts);
    DocumentClaims {
        statements: reader.found,
        entities: reader.registry.entities,
        facts: all_facts,
    }
}

impl Reader<'_> {
    /// "les Présidents russe et azerbaïdjanais, Vladimir Poutine et Ilham
    /// Aliev": functions shared out, in order, between the names that follow.
    fn learn_distributive(&mut self, toks: &[Tok]) {
        for i in 0..toks.len() {
            let t = &toks[i];
            let Some(noun) = LEXICON.noun(&t.folded).filter(|n| {
                t.quote.is_none() && n.plural && n.kind == super::lexicon::NounKind::Person
            }) else {
                continue;
            };
            // The demonyms, joined by "et" or commas.
            let mut k = i + 1;
            let mut countries = Vec::new();
            while let Some(c) = toks
                .get(k)
                .and_then(|w| LEXICON.adjective_country(&w.folded))
            {
                countries.push(c);
                k += 1;
                if toks.get(k).is_some_and(|w| w.is("et") || w.is_punct(','))
                    && toks
                        .get(k + 1)
                        .is_some_and(|w| LEXICON.adjective_country(&w.folded).is_some())
                {
                    k += 1;
                }
            }
            if countries.len() < 2 || !toks.get(k).is_some_and(|w| w.is_punct(',')) {
                continue;
            }
            // The names, joined the same way.
            let mut names = Vec::new();
            k += 1;
            while let Some(end) = np::name_at(toks, k, &self.words) {
                names.push((k, end));
                k = end;
                if toks.get(k).is_some_and(|w| w.is("et") || w.is_punct(',')) {
                    k += 1;
                } else {
                    break;
                }
            }
            if names.len() != countries.len() {
                continue;
            }
            let head = LEXICON
                .noun_headwords
                .get(noun.entry as usize)
                .cloned()
                .unwrap_or_default();
            for (&(a, b), &c) in names.iter().zip(&countries) {
                let name = span_text(self.text, toks, a, b).to_owned();
                self.registry.learn_function(&name, &head, noun.entry, c);
            }
        }
    }

    fn learn(&mut self, toks: &[Tok], si: usize) {
        self.learn_distributive(toks);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if t.quote.is_none()
                && t.is_word()
                && (t.cap || np::is_determiner(t))
                && let Some(np) = np::parse(toks, i, &self.words, np::SUBJECT)
            {
                if np.head == Head::Coordination {
                    for p in &np.parts {
                        self.registry.learn(self.text, toks, p, si);
                    }
                } else {
                    self.registry.learn(self.text, toks, &np, si);
                }
                i = np.full_end.max(i + 1);
                continue;
            }
            i += 1;
        }
    }

    /// "« J'ai vu … » . « C'était la panique totale » , ont confié des
    /// témoins.": a quotation alone takes the next speaker of its paragraph.
    fn resolve_pending(&mut self) {
        for (start, end, si, block) in std::mem::take(&mut self.pending) {
            let next = self
                .found
                .iter()
                .filter(|f| f.block == block && f.sentence > si && f.sentence <= si + 2)
                .min_by_key(|f| f.sentence)
                .map(|f| f.speaker);
            if let Some(speaker) = next {
                self.found.push(Found {
                    speaker,
                    mention: String::new(),
                    cue: String::new(),
                    kind: StatementKind::Direct,
                    start,
                    end,
                    date: None,
                    accusation: None,
                    places: Vec::new(),
                    sentence: si,
                    block,
                });
            }
        }
        self.found.sort_by_key(|f| f.start);
    }

    /// Whether the words of quotation `q` are quoted again elsewhere.
    fn repeated(&self, q: usize) -> bool {
        let words =
            |q: &Quote| crate::text::key(self.text.get(q.inner_start..q.inner_end).unwrap_or(""));
        let mine = words(&self.quotes[q]);
        !mine.is_empty()
            && self
                .quotes
                .iter()
                .enumerate()
                .any(|(i, other)| i != q && words(other).contains(&mine))
    }

    fn resolve_pronoun(&self, np: &Np, block: usize) -> Option<usize> {
        for s in self.salience.iter().rev() {
            if block > s.block + 2 {
                break;
            }
            let e = &self.registry.entities[s.entity];
            if e.plural != np.plural {
                continue;
            }
            if matches!(e.kind, SpeakerKind::Document) {
                continue;
            }
            let gender_clash = match (np.gender, e.gender) {
                (Some(a), Some(b)) => a != b,
                _ => false,
            };
            if gender_clash {
                continue;
            }
            return Some(s.entity);
        }
        None
    }

    /// "les deux pays", "les deux camps": the two countries named last.
    fn pair_of_countries(&mut self, toks: &[Tok], np: &Np, si: usize) -> Option<usize> {
        let (a, b) = np.role?;
        let words: Vec<&str> = toks[a..b]
            .iter()
            .filter(|t| t.is_wordlike())
            .map(|t| t.folded.as_str())
            .collect();
        let pair_noun = [
            "pays",
            "parties",
            "camps",
            "belligerants",
            "voisins",
            "nations",
            "etats",
            "gouvernements",
        ];
        if !(words.first() == Some(&"deux") && words.len() == 2 && pair_noun.contains(&words[1])) {
            return None;
        }
        let mut last_two: Vec<usize> = Vec::new();
        for &c in self.recent_countries.iter().rev() {
            if !last_two.contains(&c) {
                last_two.push(c);
            }
            if last_two.len() == 2 {
                break;
            }
        }
        if last_two.len() < 2 {
            return None;
        }
        last_two.sort_unstable_by_key(|&c| LEXICON.countries[c].name.clone());
        Some(self.registry.pair(last_two[0], last_two[1], si))
    }

    /// Countries named in a sentence, in order.
    fn note_countries(&mut self, toks: &[Tok]) {
        for (k, t) in toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_word() && t.quote.is_none())
        {
            // A place ("dans le Haut-Karabakh", "au Mali") is where, not who.
            let located = (1..=2).any(|back| {
                k >= back
                    && ["dans", "au", "aux", "en", "vers", "depuis", "sur"]
                        .iter()
                        .any(|w| toks[k - back].is(w))
            }) || (k >= 1 && toks[k - 1].is_word() && toks[k - 1].lower == "à");
            let named = LEXICON
                .country(&t.folded)
                .or_else(|| {
                    if t.cap {
                        LEXICON.metonym(&t.folded)
                    } else {
                        None
                    }
                })
                .filter(|_| !located);
            let c = named.or_else(|| LEXICON.adjective_country(&t.folded));
            if let Some(c) = c {
                self.recent_countries.push(c);
            }
        }
        if self.recent_countries.len() > 16 {
            let cut = self.recent_countries.len() - 16;
            self.recent_countries.drain(..cut);
        }
    }

    fn resolve(&mut self, toks: &[Tok], np: &Np, si: usize, block: usize) -> Option<usize> {
        if np.head == Head::Noun
            && let Some(e) = self.pair_of_countries(toks, np, si)
        {
            return Some(e);
        }
        if np.head == Head::Pronoun && np.latter {
            // "ce dernier": the last name of the sentence, else of the text.
            let named = (0..np.start).rev().find_map(|k| {
                let t = &toks[k];
                let starts_name = t.is_word()
                    && t.cap
                    && t.quote.is_none()
                    && !(k > 0 && toks[k - 1].is_word() && toks[k - 1].cap);
                starts_name
                    .then(|| np::parse(toks, k, &self.words, np::CORE))
                    .flatten()
                    .filter(|m| m.head == Head::Name && m.end <= np.start)
            });
            if let Some(m) = named {
                return self.registry.resolve(self.text, toks, &m, si, &[]);
            }
            return self.salience.iter().rev().map(|x| x.entity).find(|&e| {
                matches!(
                    self.registry.entities[e].kind,
                    SpeakerKind::Person | SpeakerKind::Unknown
                )
            });
        }
        if np.head == Head::Pronoun {
            if toks[np.start].is("on") {
                return None;
            }
            // "Les scientifiques n'ont pas identifié d'yeux, mais ils estiment":
            // the sentence's own subject comes first.
            if let Some(subject) = self.main_subject(toks).filter(|m| {
                m.full_end <= np.start && m.head != Head::Pronoun && m.plural == np.plural
            }) {
                let agrees = match (subject.gender, np.gender) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                if agrees {
                    let last = self
                        .found
                        .last()
                        .filter(|f| block <= f.block + 2)
                        .map(|f| (f.speaker, si.saturating_sub(f.sentence)))
                        .into_iter()
                        .collect::<Vec<_>>();
                    if let Some(e) = self.registry.resolve(self.text, toks, &subject, si, &last) {
                        return Some(e);
                    }
                }
            }
            if let Some(e) = self.resolve_pronoun(np, block) {
                return Some(e);
            }
            // Nobody in focus agrees: a person named earlier in the sentence
            // ("C'est ce qu'a défendu Ambre : « … », a-t-elle expliqué").
            let named = (0..np.start).rev().find_map(|k| {
                let t = &toks[k];
                if t.quote.is_some() || !t.cap || !t.is_word() {
                    return None;
                }
                // A name's first word, not in a prepositional phrase ("au
                // micro de France Info").
                if k > 0
                    && (np::is_preposition(&toks[k - 1])
                        || (toks[k - 1].cap && toks[k - 1].is_word()))
                {
                    return None;
                }
                let m = np::parse(toks, k, &self.words, np::CORE)?;
                let agrees = match (m.gender, np.gender) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                (m.head == Head::Name && m.end <= np.start && agrees && m.plural == np.plural)
                    .then_some(m)
            });
            let named = named?;
            return self.registry.resolve(self.text, toks, &named, si, &[]);
        }
        // Who a definite function may rename: the speakers of the last
        // statements, most recent first, over the last paragraphs.
        // Statement speakers and persons in focus, most recent first; a name
        // of unknown kind only as a speaker.
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        if !np.det_is_possessive() {
            let mut recent: Vec<(usize, usize, bool)> = self
                .found
                .iter()
                .filter(|f| block <= f.block + 3)
                .map(|f| (f.speaker, f.sentence, true))
                .collect();
            recent.extend(
                self.salience
                    .iter()
                    .filter(|x| block <= x.block + 3)
                    .filter(|x| self.registry.entities[x.entity].kind == SpeakerKind::Person)
                    // A subject that said nothing is renamed only right after it.
                    .filter(|x| si <= x.sentence + 2)
                    .map(|x| (x.entity, x.sentence, x.speaker)),
            );
            recent.sort_by_key(|&(_, sentence, speaker)| (std::cmp::Reverse(sentence), !speaker));
            for (e, sentence, _) in recent {
                if !candidates.iter().any(|c| c.0 == e) {
                    candidates.push((e, si.saturating_sub(sentence)));
                }
            }
        }
        self.registry.resolve(self.text, toks, np, si, &candidates)
    }

    fn remember(&mut self, entity: usize, block: usize) {
        let sentence = self.current_sentence;
        self.salience.push(Salient {
            entity,
            block,
            sentence,
            speaker: false,
        });
        if self.salience.len() > 64 {
            self.salience.remove(0);
        }
    }

    /// The subject of the clause before token `pos` ("Si un habitant ironise
    /// en soulignant …", "…, mais Nordahl Lelandais a réfuté, affirmant …").
    fn subject_before(&self, toks: &[Tok], pos: usize) -> Option<Np> {
        let opens = |k: usize| {
            k == 0 || {
                let p = &toks[k - 1];
                (p.is_punct(',')
                    || LEXICON.is("subordinators", &p.folded)
                    || LEXICON.is("coordinators", &p.folded)
                    || p.is("que")
                    || p.is("qu"))
                    && p.quote.is_none()
            }
        };
        let mut best = None;
        let mut k = 0;
        while k < pos {
            if !opens(k) {
                k += 1;
                continue;
            }
            let Some(np) = np::parse(toks, k, &self.words, np::SUBJECT) else {
                k += 1;
                continue;
            };
            if np.full_end >= pos {
                break;
            }
            let next = cues::skip_adverbials(toks, np.full_end);
            let verb_follows = toks.get(next).is_some_and(|t| {
                np::is_verbish(t)
                    || (t.is_word()
                        && !t.cap
                        && !np::is_preposition(t)
                        && !np::is_determiner(t)
                        && !LEXICON.is("relatives", &t.folded))
                    || t.is("n")
                    || t.is("ne")
                    || t.is("s")
                    || t.is("se")
            });
            let speaker_like = match np.head {
                Head::Noun => np.noun.is_some_and(|n| {
                    !matches!(
                        n.kind,
                        super::lexicon::NounKind::Info | super::lexicon::NounKind::Doc
                    )
                }),
                _ => true,
            };
            if verb_follows && speaker_like {
                best = Some(np.clone());
            }
            // A phrase's own appositions hold no other subject.
            k = np.full_end.max(k + 1);
        }
        best
    }

    /// The subject opening the sentence (after a short introduction), if it can speak.
    fn main_subject(&self, toks: &[Tok]) -> Option<Np> {
        let mut starts = vec![0];
        for (k, t) in toks.iter().enumerate().take(10) {
            if t.is_punct(',') && t.quote.is_none() {
                starts.push(k + 1);
            }
        }
        starts.into_iter().find_map(|s| {
            let np = np::parse(toks, s, &self.words, np::SUBJECT)?;
            let next = cues::skip_adverbials(toks, np.full_end);
            let verb_follows = toks.get(next).is_some_and(|t| {
                np::is_verbish(t)
                    || (t.is_word() && !t.cap && !np::is_preposition(t) && !np::is_determiner(t))
                    || t.is("n")
                    || t.is("ne")
                    || t.is("s")
                    || t.is("se")
                    || t.is("l")
            });
            let speaker_like = match np.head {
                Head::Noun => np
                    .noun
                    .is_some_and(|n| !matches!(n.kind, super::lexicon::NounKind::Info)),
                _ => true,
            };
            (verb_follows && speaker_like).then_some(np)
        })
    }

    fn sentence(&mut self, s: &Sentence, si: usize) {
        self.current_sentence = si;
        let toks = &s.toks;
        let found_before = self.found.len();
        let cues = cues::find(toks, &self.words);
        // Speakers named by the cues' phrases first; a participle or a
        // coordinated verb then takes the nearest of them ("Tout en saluant
        // …, Ilham Aliev a accusé …").
        let mut speakers: Vec<Option<(usize, String)>> = Vec::with_capacity(cues.len());
        for cue in &cues {
            speakers.push(match (&cue.source, cue.content) {
                (Source::Phrase(np), Some(_)) => {
                    // "Il y qualifient": the verb's number wins over a slip in the pronoun.
                    let mut np = np.clone();
                    if np.head == Head::Pronoun && cue.plural {
                        np.plural = true;
                    }
                    self.resolve(toks, &np, si, s.block)
                        .map(|e| (e, span_text(self.text, toks, np.start, np.end).to_owned()))
                }
                _ => None,
            });
        }
        for k in 0..cues.len() {
            if !matches!(cues[k].source, Source::MainSubject) || cues[k].content.is_none() {
                continue;
            }
            // The nearest cue speaker before, the subject of the clause the
            // participle hangs on, a cue speaker after, the source in focus.
            let before = (0..k).rev().find_map(|j| speakers[j].as_ref().map(|x| x.0));
            let e = before
                .or_else(|| {
                    let np = self.subject_before(toks, cues[k].group.0)?;
                    self.resolve(toks, &np, si, s.block)
                })
                .or_else(|| (k + 1..cues.len()).find_map(|j| speakers[j].as_ref().map(|x| x.0)))
                .or_else(|| {
                    self.salience
                        .iter()
                        .rev()
                        .take(3)
                        .map(|x| x.entity)
                        .find(|&e| {
                            matches!(
                                self.registry.entities[e].kind,
                                SpeakerKind::Person
                                    | SpeakerKind::Organisation
                                    | SpeakerKind::Media
                            )
                        })
                });
            speakers[k] = e.map(|e| (e, String::new()));
        }
        for (cue, speaker) in cues.iter().zip(speakers) {
            let Some((a, b)) = cue.content else { continue };
            let Some((speaker, mention)) = speaker else {
                continue;
            };
            let Some((start, end, kind)) = self.content(toks, a, b, cue) else {
                continue;
            };
            let cue_text = span_text(self.text, toks, cue.group.0, cue.group.1).to_owned();
            let accusation = cue
                .verb()
                .filter(|v| v.has(frame::ACCUSE))
                .map(|_| self.accusation(toks, cue, speaker, a, b, si, s.block));
            let places = places_in(toks, a, b);
            // "Bakou parle de …, et rejette …": a second verb of the same
            // subject continues the statement.
            let coordinated = matches!(cue.source, Source::MainSubject)
                && cue.group.0 > 0
                && toks[cue.group.0 - 1].is("et");
            if coordinated
                && let Some(last) = self.found[found_before..].last_mut()
                && last.speaker == speaker
                && last.end <= start
            {
                // A quotation that becomes part of mixed words keeps its marks.
                if let Some(q) = self.quotes.iter().find(|q| q.inner_start == last.start) {
                    last.start = q.open;
                }
                last.end = end;
                if last.kind == StatementKind::Direct || kind != StatementKind::Indirect {
                    last.kind = StatementKind::Mixed;
                }
                continue;
            }
            self.found.push(Found {
                speaker,
                mention,
                cue: cue_text,
                kind,
                start,
                end,
                date: None,
                accusation,
                places,
                sentence: si,
                block: s.block,
            });
            self.remember(speaker, s.block);
        }
        self.interrupted_quotes(s, si);
        self.note_countries(toks);
        self.unattributed_quotes(s, si, found_before);
        // The sentence's subject stays in focus for the pronouns that follow.
        if let Some(np) = self.main_subject(toks) {
            let covered = self.found[found_before..]
                .iter()
                .any(|f| f.start <= toks[np.start].start && toks[np.start].start < f.end);
            if !covered && let Some(e) = self.resolve(toks, &np, si, s.block) {
                self.remember(e, s.block);
            }
        }
    }

    /// The reported words of a cue as a byte range, and the statement's kind.
    fn content(
        &self,
        toks: &[Tok],
        a: usize,
        b: usize,
        cue: &Cue,
    ) -> Option<(usize, usize, StatementKind)> {
        let marker = cue.verb.is_none();
        let significant: Vec<usize> = (a..b)
            .filter(|&k| !matches!(toks[k].kind, Kind::Punct(_)))
            .collect();
        let first = *significant.first()?;
        let last = *significant.last()?;
        let quote_of = |k: usize| match toks[k].kind {
            Kind::QuoteOpen(q) | Kind::QuoteClose(q) => Some(q),
            _ => None,
        };
        let opens: Vec<usize> = (a..b)
            .filter(|&k| matches!(toks[k].kind, Kind::QuoteOpen(_)))
            .collect();
        let (start, end, kind) = match (toks[first].kind, toks[last].kind) {
            (Kind::QuoteOpen(q1), Kind::QuoteClose(q2)) if q1 == q2 => {
                let q = &self.quotes[q1];
                (q.inner_start, q.inner_end, StatementKind::Direct)
            }
            (_, Kind::QuoteClose(ql))
                if cue.direction != Direction::Right
                    && self.quote_words(opens[0], last, toks) >= 4 =>
            {
                // Narration then quotation before an incise: the quoted words
                // ("L'accord … «est respecté dans son intégralité», a confirmé"),
                // unless only a word is quoted ("Une mesure «inacceptable», selon X").
                let qf = quote_of(*opens.first()?)?;
                // Words between the quotations taken (none for one quotation).
                let words_outside = (opens[0]..last)
                    .filter(|&k| toks[k].quote.is_none() && toks[k].is_wordlike())
                    .count();
                let kind = if words_outside <= 1 {
                    StatementKind::Direct
                } else {
                    StatementKind::Mixed
                };
                (self.quotes[qf].inner_start, self.quotes[ql].inner_end, kind)
            }
            _ => {
                let kind = if opens.is_empty() {
                    StatementKind::Indirect
                } else {
                    StatementKind::Mixed
                };
                (toks[first].start, toks[last].end, kind)
            }
        };
        if start >= end {
            return None;
        }
        let words = self.text.get(start..end)?.split_whitespace().count();
        if words < 2
            && !(cue
                .verb()
                .is_some_and(|v| v.has(frame::ATTR | frame::OBJDE)))
        {
            return None;
        }
        let kind = if marker && kind != StatementKind::Direct {
            StatementKind::AccordingTo
        } else {
            kind
        };
        Some((start, end, kind))
    }

    /// Words quoted between tokens `a` and `b`.
    fn quote_words(&self, a: usize, b: usize, toks: &[Tok]) -> usize {
        (a..=b.min(toks.len() - 1))
            .filter(|&k| toks[k].quote.is_some() && toks[k].is_wordlike())
            .count()
    }

    #[allow(clippy::too_many_arguments)]
    fn accusation(
        &mut self,
        toks: &[Tok],
        cue: &Cue,
        speaker: usize,
        a: usize,
        b: usize,
        si: usize,
        block: usize,
    ) -> Accusation {
        let accuser = self.registry.entities[speaker].canonical.clone();
        let mutual = (cue.group.0..b.min(toks.len()))
            .any(|k| toks[k].is("mutuellement") || toks[k].is("reciproquement"))
            || toks
                .get(cue.group.0)
                .is_some_and(|t| t.is("se") || t.is("s"));
        let mut accused = None;
        let mut accusation_from = a;
        if !mutual {
            if let Some(np) = np::parse(toks, a, &self.words, np::CORE) {
                if let Some(e) = self.resolve(toks, &np, si, block) {
                    accused = Some(self.registry.entities[e].canonical.clone());
                }
                accusation_from = np.full_end;
            }
            // "rejette la responsabilité sur la partie arménienne"
            if let Some(k) = (a..b).find(|&k| toks[k].is("sur"))
                && let Some(np) = np::parse(toks, k + 1, &self.words, np::CORE)
                && let Some(e) = self.resolve(toks, &np, si, block)
            {
                accused = Some(self.registry.entities[e].canonical.clone());
            }
        }
        let accusation = if accusation_from < b {
            self.text
                .get(toks[accusation_from].start..toks[b - 1].end)
                .unwrap_or("")
                .trim()
                .to_owned()
        } else {
            String::new()
        };
        Accusation {
            accuser,
            accused,
            accusation,
            mutual,
        }
    }

    /// Whether a statement found already overlaps quotation `quote`.
    fn overlaps_found(&self, quote: &Quote) -> bool {
        self.found
            .iter()
            .any(|f| f.start < quote.close && quote.open < f.end)
    }

    /// How many words the text has between byte offsets `start` and `end`.
    fn words_between(&self, start: usize, end: usize) -> usize {
        self.text
            .get(start..end)
            .map_or(0, |t| t.split_whitespace().count())
    }

    /// A quotation interrupted by its own incise, as agencies write it:
    /// "Je sais que c'est une dépense, a reconnu M. Bussereau. C'est une piste
    /// sérieuse" within one pair of marks. Both parts are the incise's
    /// speaker's.
    fn interrupted_quotes(&mut self, s: &Sentence, si: usize) {
        let toks = &s.toks;
        for (k, t) in toks.iter().enumerate() {
            let Kind::QuoteOpen(q) = t.kind else { continue };
            let quote = self.quotes[q];
            if self.overlaps_found(&quote) {
                continue;
            }
            let Some(close) = toks[k..]
                .iter()
                .position(|x| x.kind == Kind::QuoteClose(q))
                .map(|p| k + p)
            else {
                continue;
            };
            // The quoted words as a sentence of their own.
            let mut inner: Vec<Tok> = toks[k + 1..close].to_vec();
            for (i, x) in inner.iter_mut().enumerate() {
                x.quote = None;
                x.initial = i == 0;
            }
            let found = cues::find(&inner, &self.words);
            let Some((cue, np)) = found.iter().find_map(|c| match &c.source {
                Source::Phrase(np)
                    if c.verb.is_some()
                        && c.direction == Direction::Left
                        && c.group.0 >= 2
                        && inner[c.group.0 - 1].is_punct(',')
                        && incise_end(&inner, c.region.1).is_some() =>
                {
                    Some((c, np))
                }
                _ => None,
            }) else {
                continue;
            };
            let Some(speaker) = self.resolve(&inner, np, si, s.block) else {
                continue;
            };
            let cue_text = span_text(self.text, &inner, cue.group.0, cue.group.1).to_owned();
            let before = (quote.inner_start, inner[cue.group.0 - 2].end);
            let after_start = incise_end(&inner, cue.region.1)
                .and_then(|e| inner.get(e + 1))
                .map(|n| n.start);
            let mut parts = vec![before];
            if let Some(a) = after_start {
                parts.push((a, quote.inner_end));
            }
            for (start, end) in parts {
                if self.words_between(start, end) < 2 {
                    continue;
                }
                self.found.push(Found {
                    speaker,
                    mention: span_text(self.text, &inner, np.start, np.end).to_owned(),
                    cue: cue_text.clone(),
                    kind: StatementKind::Direct,
                    start,
                    end,
                    date: None,
                    accusation: None,
                    places: Vec::new(),
                    sentence: si,
                    block: s.block,
                });
            }
            self.remember(speaker, s.block);
        }
    }

    /// Quotations with no cue: a quotation standing as a sentence (or after a
    /// colon) continues the last speaker; a quotation right after a named
    /// subject ("le pape François « s'associe à la douleur »") is theirs.
    fn unattributed_quotes(&mut self, s: &Sentence, si: usize, found_before: usize) {
        let toks = &s.toks;
        for (k, t) in toks.iter().enumerate() {
            let Kind::QuoteOpen(q) = t.kind else { continue };
            let quote = self.quotes[q];
            if self.overlaps_found(&quote) {
                continue;
            }
            if self.words_between(quote.inner_start, quote.inner_end) < 3 {
                continue;
            }
            // What precedes the quotation in the sentence.
            let before: Vec<&Tok> = toks[..k].iter().filter(|t| t.quote.is_none()).collect();
            let after_colon = before.last().is_some_and(|t| t.is_punct(':'));
            let standalone = before.iter().all(|t| {
                !t.is_wordlike() || LEXICON.is("adverbs", &t.folded) || t.is("et") || t.is("mais")
            }) || after_colon;
            let close_at = toks
                .iter()
                .position(|t| t.kind == Kind::QuoteClose(q))
                .unwrap_or(toks.len());
            if standalone {
                // A quotation followed by an incise this reader could not
                // resolve ("…», est-il indiqué") is not the last speaker's.
                let incise_after = (toks.get(close_at + 1).is_some_and(|t| t.is_punct(','))
                    && toks.get(close_at + 2).is_some_and(np::is_verbish))
                    || toks[close_at..]
                        .iter()
                        .take(8)
                        .any(|t| t.inv_pron && t.quote.is_none());
                if incise_after {
                    continue;
                }
                // A quotation repeated elsewhere (a heading announcing it) is
                // counted where it is attributed.
                if self.repeated(q) {
                    continue;
                }
                let speaker = if after_colon {
                    let colon = k - 1;
                    self.found[found_before..]
                        .last()
                        .map(|f| f.speaker)
                        .or_else(|| self.colon_subject(toks, colon, si, s.block))
                } else {
                    self.context_speaker(s.block)
                };
                let Some(speaker) = speaker else {
                    if !after_colon {
                        self.pending
                            .push((quote.inner_start, quote.inner_end, si, s.block));
                    }
                    continue;
                };
                self.push_unattributed(
                    speaker,
                    quote.inner_start,
                    quote.inner_end,
                    StatementKind::Direct,
                    si,
                    s.block,
                    toks,
                );
                continue;
            }
            // A quoted predicate after a named subject.
            let Some(np) = self.predicate_subject(toks, k) else {
                continue;
            };
            let Some(speaker) = self.resolve(toks, &np, si, s.block) else {
                continue;
            };
            let end_tok = toks[close_at..]
                .iter()
                .position(|t| t.is_punct('.') || t.is_punct(';'))
                .map_or(toks.len(), |p| close_at + p);
            let (a, b) = cues::trim(toks, k, end_tok);
            if a >= b {
                continue;
            }
            let (start, end) = (toks[a].start, toks[b - 1].end);
            let kind = if b == close_at + 1 {
                StatementKind::Direct
            } else {
                StatementKind::Mixed
            };
            let (start, end) = if kind == StatementKind::Direct {
                (quote.inner_start, quote.inner_end)
            } else {
                (start, end)
            };
            self.push_unattributed(speaker, start, end, kind, si, s.block, toks);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_unattributed(
        &mut self,
        speaker: usize,
        start: usize,
        end: usize,
        kind: StatementKind,
        si: usize,
        block: usize,
        toks: &[Tok],
    ) {
        let places = places_in(toks, 0, toks.len());
        self.found.push(Found {
            speaker,
            mention: String::new(),
            cue: String::new(),
            kind,
            start,
            end,
            date: None,
            accusation: None,
            places,
            sentence: si,
            block,
        });
        self.remember(speaker, block);
    }

    /// The speaker a quotation with no cue continues: the last statement's,
    /// when it is in this paragraph or the one before.
    fn context_speaker(&self, block: usize) -> Option<usize> {
        let last = self.found.last()?;
        (block <= last.block + 1).then_some(last.speaker)
    }

    /// The source of a quotation after a colon, from the words before it: a
    /// document ("Un rapport de la Ligue arabe apporte la même conclusion :")
    /// or a named source; not a pronoun ("Il était inscrit sur l'une :") nor a
    /// bare function, which say nothing of who speaks.
    fn colon_subject(
        &mut self,
        toks: &[Tok],
        colon: usize,
        si: usize,
        block: usize,
    ) -> Option<usize> {
        let np = self.main_subject(&toks[..colon])?;
        let doc_kind = np
            .noun
            .is_some_and(|n| matches!(n.kind, super::lexicon::NounKind::Doc));
        if np.head == Head::Pronoun || !(doc_kind || np.name.is_some()) {
            return None;
        }
        // A document whose author is named: "Un rapport de la Ligue arabe".
        let np = if doc_kind {
            inner_author(toks, &np, &self.words).unwrap_or(np)
        } else {
            np
        };
        self.resolve(toks, &np, si, block)
    }

    /// A named subject right before the quotation at `k` (commas, adverbs and
    /// "est" may come between).
    fn predicate_subject(&self, toks: &[Tok], k: usize) -> Option<Np> {
        let clause_start = toks[..k]
            .iter()
            .rposition(|t| t.is_punct(',') && t.quote.is_none())
            .map_or(0, |p| p + 1);
        let clause_start = clause_start.min(k);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(
                toks[..k]
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.is_punct(','))
                    .map(|(p, _)| p + 1),
            )
            .collect();
        for s in starts.into_iter().filter(|&s| s <= clause_start) {
            let Some(np) = np::parse(toks, s, &self.words, np::SUBJECT) else {
                continue;
            };
            if np.name.is_none() || np.head == Head::Coordination {
                continue;
            }
            let mut j = np.full_end;
            while j < k
                && (toks[j].is_punct(',')
                    || toks[j].is("est")
                    || toks[j].is("etait")
                    || toks[j].is("se")
                    || toks[j].is("s")
                    || cues::skip_adverbials(toks, j) > j)
            {
                j = if toks[j].is_punct(',')
                    || toks[j].is("est")
                    || toks[j].is("etait")
                    || toks[j].is("se")
                    || toks[j].is("s")
                {
                    j + 1
                } else {
                    cues::skip_adverbials(toks, j)
                };
            }
            if j == k {
                return Some(np);
            }
        }
        None
    }
}

/// Where an incise inside a quotation ends: the period closing its subject's
/// phrase ("… , a expliqué X, directeur du site. On a …"), if no verb comes
/// before it; `Some(len)` when the quotation ends with the incise.
fn incise_end(inner: &[Tok], from: usize) -> Option<usize> {
    // "…, affirme-t-elle, précisant que … . La suite": the same speaker goes on.
    let participle_tail = inner.get(from).is_some_and(|t| t.is_punct(','))
        && inner
            .get(from + 1)
            .is_some_and(|t| t.is_word() && t.folded.ends_with("ant"));
    for (k, t) in inner.iter().enumerate().skip(from) {
        // A period followed by a space ("fr. On"), not inside "1001pneus.fr".
        let spaced = inner.get(k + 1).is_none_or(|n| n.start > t.end);
        if t.is_punct('.') && spaced {
            return Some(k);
        }
        let stop = (np::is_verbish(t) && !participle_tail) || matches!(t.kind, Kind::QuoteOpen(_));
        if stop || k - from > 30 {
            return None;
        }
    }
    Some(inner.len())
}

/// "Un rapport de la Ligue arabe" → "la Ligue arabe".
fn inner_author(toks: &[Tok], np: &Np, words: &DocWords) -> Option<Np> {
    let (a, b) = np.role?;
    (a..b).find_map(|k| {
        let t = &toks[k];
        if !(t.is("de") || t.is("du") || t.is("des") || t.is("d")) {
            return None;
        }
        np::parse(toks, k + 1, words, np::CORE).filter(|n| n.name.is_some() || n.head != Head::Noun)
    })
}

/// Countries and capitals named in tokens `a..b`.
fn places_in(toks: &[Tok], a: usize, b: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in toks.iter().take(b.min(toks.len())).skip(a) {
        if !t.is_word() || !t.cap {
            continue;
        }
        let c = LEXICON
            .country(&t.folded)
            .or_else(|| LEXICON.metonym(&t.folded));
        if let Some(c) = c {
            let name = if LEXICON.metonym(&t.folded).is_some() {
                t.lower.clone()
            } else {
                LEXICON.countries[c].name.clone()
            };
            let name = if LEXICON.metonym(&t.folded).is_some() {
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())
                    .unwrap_or_default()
            } else {
                name
            };
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// One body block per non-blank line: `explain` reads a text as given,
/// without the ingestion's cleaning.
fn line_blocks(text: &str) -> Vec<crate::corpus::Block> {
    let mut blocks = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        if !trimmed.trim().is_empty() {
            blocks.push(crate::corpus::Block {
                kind: crate::corpus::BlockKind::Body,
                start: (at + lead) as u32,
                end: (at + trimmed.len()) as u32,
            });
        }
        at += line.len();
    }
    blocks
}

/// See `claims::explain`.
pub fn explain(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut quotes = Vec::new();
    let blocks = line_blocks(text);
    let mut sentences = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        sentences.extend(read_block(
            text,
            b.start as usize,
            b.end as usize,
            &[],
            bi,
            &mut quotes,
        ));
    }
    let mut words = DocWords::default();
    for s in &sentences {
        words.learn(&s.toks);
    }
    for s in &sentences {
        let _ = writeln!(out, "## {}", &text[s.start..s.end]);
        for c in cues::find(&s.toks, &words) {
            let who = match &c.source {
                Source::Phrase(np) => format!(
                    "{:?} «{}» role={:?} name={:?}",
                    np.head,
                    span_text(text, &s.toks, np.start, np.full_end),
                    np.role.map(|(a, b)| span_text(text, &s.toks, a, b)),
                    np.name.map(|(a, b)| span_text(text, &s.toks, a, b))
                ),
                Source::MainSubject => "main subject".to_owned(),
            };
            let content = c
                .content
                .map(|(a, b)| span_text(text, &s.toks, a, b))
                .unwrap_or("-");
            let _ = writeln!(
                out,
                "  cue «{}» {:?} who={} content=«{}»",
                span_text(text, &s.toks, c.group.0, c.group.1),
                c.direction,
                who,
                content
            );
        }
    }
    let doc = crate::corpus::Document {
        id: "explain".to_owned(),
        text: text.to_owned(),
        blocks,
        ..Default::default()
    };
    let found = document(&doc);
    for f in &found.statements {
        let _ = writeln!(
            out,
            "=> [{}] {:?} «{}»",
            found.entities[f.speaker].canonical,
            f.kind,
            &text[f.start..f.end]
        );
    }
    out
}
