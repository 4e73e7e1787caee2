//! Cues in a sentence: reporting verbs in every tense and order ("a déclaré
//! que", "…, a-t-il ajouté", "expose le ministre", "n'exclut pas que") and
//! attribution markers ("selon X", "d'après X", "pour X,"), each with where
//! its speaker is and which words it reports.

use super::lexicon::{LEXICON, Verb, form, frame};
use super::np::{
    self, DocWords, Head, Np, is_auxiliary, is_determiner, is_infinitive, is_preposition,
    is_verbish,
};
use super::tokens::{Kind, Tok};
use crate::claims::lexicon::NounKind;
use crate::text::dates::CALENDAR;

/// Who a cue attributes its words to, before resolution.
#[derive(Clone, Debug)]
pub enum Source {
    /// A phrase in the sentence (a name, a function, a pronoun…).
    Phrase(Np),
    /// The subject of the sentence's main clause (a participle: "ajoutant que";
    /// a relative: "qui ajoute que" after a cue's speaker).
    MainSubject,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The reported words come before the cue ("…, a-t-il déclaré").
    Left,
    /// After it ("a déclaré que …").
    Right,
    /// Around it ("A, selon X, B").
    Around,
}

#[derive(Clone, Debug)]
pub struct Cue {
    /// The reporting verb, or `None` for a marker.
    pub verb: Option<u16>,
    /// The cue's own words (auxiliary, verb, inverted pronoun; or the marker and its phrase).
    pub group: (usize, usize),
    /// The cue with its speaker: reported words never overlap it.
    pub region: (usize, usize),
    pub source: Source,
    pub direction: Direction,
    /// Where the reported words start when they follow the cue.
    pub content_from: usize,
    /// Token range of the reported words, set once every cue of the sentence is known.
    pub content: Option<(usize, usize)>,
    /// The verb is in the third person plural ("qualifient", "ont déclaré"):
    /// an inverted or pronoun subject agrees with it.
    pub plural: bool,
}

impl Cue {
    pub fn verb(&self) -> Option<&'static Verb> {
        self.verb.map(|v| &LEXICON.verbs[v as usize])
    }
}

fn lex(section: &str, t: &Tok) -> bool {
    t.is_wordlike() && LEXICON.is(section, &t.folded)
}

/// An adverb or adverbial phrase at `i`: its end.
fn adverb_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.quote.is_some() || !t.is_wordlike() {
        return None;
    }
    for phrase in LEXICON.phrases_starting("adverbs", &t.folded) {
        if phrase.iter().enumerate().all(|(k, w)| {
            toks.get(i + k)
                .is_some_and(|x| x.quote.is_none() && x.is_wordlike() && x.folded == *w)
        }) {
            return Some(i + phrase.len());
        }
    }
    let w = t.folded.as_str();
    if t.is_word()
        && (LEXICON.is("adverbs", w)
            || LEXICON.is("negation", w)
            || (w.ends_with("ment") && w.len() > 6 && !t.cap))
    {
        return Some(i + 1);
    }
    None
}

/// A date or time expression at `i` ("ce samedi 14 novembre", "mardi soir",
/// "le 9 novembre 2020", "vers 13 heures"): its end.
fn time_at(toks: &[Tok], i: usize) -> Option<usize> {
    let mut k = i;
    let mut core = false;
    while let Some(t) = toks.get(k) {
        if t.quote.is_some() {
            break;
        }
        let w = t.folded.as_str();
        let timeword = CALENDAR.weekday(w).is_some()
            || CALENDAR.month(w).is_some()
            || CALENDAR.is_day_part(w)
            || CALENDAR.relative_day(w).is_some()
            || matches!(
                w,
                "heures"
                    | "heure"
                    | "h"
                    | "dernier"
                    | "derniere"
                    | "prochain"
                    | "prochaine"
                    | "meme"
                    | "1er"
            );
        if t.is_wordlike() && timeword {
            core = true;
            k += 1;
        } else if (t.kind == Kind::Number && t.folded.len() <= 4)
            || ([
                "ce", "cette", "le", "vers", "dans", "la", "du", "au", "en", "depuis",
            ]
            .iter()
            .any(|w| t.is(w))
                && k + 1 < toks.len()
                && k - i < 2)
        {
            k += 1;
        } else {
            break;
        }
    }
    (core && k > i).then_some(k)
}

/// A prepositional phrase that only says where, when or to whom ("à l'AFP",
/// "dans un communiqué", "par l'intermédiaire d'un porte-parole", "lors d'une
/// conférence de presse"): its end. It stops before a comma, "que", a colon,
/// a quotation or a new noun phrase.
fn circumstance_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.quote.is_some()
        || !is_preposition(t)
        || t.is("de")
        || t.is("d")
        || t.is("des")
        || t.is("du")
        || t.is("selon")
    {
        return None;
    }
    let mut k = i + 1;
    let mut words = 0;
    let mut last_was_prep = true;
    while let Some(w) = toks.get(k) {
        if w.quote.is_some() || !w.is_wordlike() || words >= 8 {
            // "au « 20 Heures » de TF1": a quoted title inside the phrase.
            if matches!(w.kind, Kind::QuoteOpen(_)) {
                let Some(close) = toks[k..]
                    .iter()
                    .position(|x| matches!(x.kind, Kind::QuoteClose(_)))
                else {
                    break;
                };
                k += close + 1;
                words += 1;
                last_was_prep = false;
                continue;
            }
            break;
        }
        // "depuis la Corrèze où il se trouvait en déplacement,": a relative
        // clause inside the circumstance runs to the comma.
        if (w.is("ou") || w.is("dont")) && words > 0 {
            let Some(comma) = toks[k..].iter().take(14).position(|x| x.is_punct(',')) else {
                break;
            };
            k += comma;
            words += 1;
            break;
        }
        // "dans un communiqué": after a determiner a verb form is a noun.
        let noun_after_det = k > 0 && is_determiner(&toks[k - 1]) && !is_auxiliary(w);
        if w.is("que")
            || w.is("qu")
            || (is_verbish(w) && !noun_after_det)
            || LEXICON.is("relatives", &w.folded)
            || w.is("ne")
            || w.is("n")
            || LEXICON.is("negation", &w.folded)
        {
            break;
        }
        // "sur BFMTV Stéphane Sabourin": a person's name starts the subject.
        if words > 0 && w.cap && LEXICON.is_first_name(&w.folded) {
            break;
        }
        if is_determiner(w)
            && !last_was_prep
            && !w.is("de")
            && !w.is("d")
            && !w.is("du")
            && !w.is("des")
        {
            break;
        }
        last_was_prep = is_preposition(w) || is_determiner(w);
        words += 1;
        k += 1;
    }
    (words > 0).then_some(k)
}

/// Skips what may sit between a verb and what it reports or its inverted
/// subject: commas, adverbs, dates, circumstances.
pub fn skip_adverbials(toks: &[Tok], mut i: usize) -> usize {
    for _ in 0..12 {
        let Some(t) = toks.get(i) else { break };
        if t.quote.is_some() {
            break;
        }
        if t.is_punct(',') {
            i += 1;
        } else if let Some(e) = adverb_at(toks, i) {
            i = e;
        } else if let Some(e) = time_at(toks, i) {
            i = e;
        } else if let Some(e) = circumstance_at(toks, i) {
            i = e;
        } else {
            break;
        }
    }
    i
}

/// A verb hit: the reporting verb, its form, and the cue's token range.
struct Group {
    verb: u16,
    start: usize,
    /// Index of the verb itself.
    at: usize,
    end: usize,
    inv_pron: Option<usize>,
    participle: bool,
    present_participle: bool,
    infinitive: bool,
    pronominal: bool,
    passive: bool,
    /// Third person plural ("qualifient", "ont déclaré").
    plural: bool,
}

/// The auxiliary governing a participle at `p`: its index, skipping adverbs
/// and an inverted pronoun ("a-t-il déjà déclaré", "a quant à elle reconnu").
fn auxiliary_before(toks: &[Tok], p: usize) -> Option<(usize, Option<usize>)> {
    let mut k = p;
    let mut inv = None;
    for _ in 0..7 {
        if k == 0 {
            return None;
        }
        let prev = &toks[k - 1];
        if prev.quote.is_some() {
            return None;
        }
        if prev.inv_pron {
            inv = Some(k - 1);
            k -= 1;
            continue;
        }
        if is_auxiliary(prev) {
            return Some((k - 1, inv));
        }
        // Walk back over an adverb or adverbial phrase ending at k-1.
        let mut found = false;
        for back in (1..=4.min(k)).rev() {
            if adverb_at(toks, k - back) == Some(k) {
                k -= back;
                found = true;
                break;
            }
        }
        if !found {
            return None;
        }
    }
    None
}

/// Object clitics and negation before `k`: where the verb group starts, and
/// whether it is pronominal ("s'est dit", "se sont accusés").
fn clitics_before(toks: &[Tok], mut k: usize) -> (usize, bool) {
    let mut pronominal = false;
    while k > 0 {
        let t = &toks[k - 1];
        if t.quote.is_some()
            || !lex("object_clitics", t)
            || t.is("la")
            || t.is("les") && k >= 2 && is_preposition(&toks[k - 2])
        {
            break;
        }
        if t.is("se") || t.is("s") {
            pronominal = true;
        }
        k -= 1;
    }
    (k, pronominal)
}

fn tail_matches(toks: &[Tok], at: usize, tail: &[String]) -> Option<usize> {
    let mut k = at;
    for w in tail {
        let t = toks.get(k)?;
        if t.folded != *w {
            return None;
        }
        k += 1;
    }
    Some(k)
}

fn groups(toks: &[Tok]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.quote.is_some() || !t.is_word() {
            continue;
        }
        if out.last().is_some_and(|g| i < g.end) {
            continue;
        }
        // A pronominal use ("se dit victime") prefers the verb's pronominal
        // entry; and a verb with fixed words ("mettre en garde") its longest.
        let mut entries: Vec<(u16, u8)> = LEXICON.verb_forms(&t.lower).to_vec();
        let reflexive_before = i > 0 && (toks[i - 1].is("se") || toks[i - 1].is("s"))
            || (i > 1
                && (toks[i - 2].is("se") || toks[i - 2].is("s"))
                && is_auxiliary(&toks[i - 1]));
        entries.sort_by_key(|&(verb, _)| {
            let v = &LEXICON.verbs[verb as usize];
            (
                !(reflexive_before && v.has(frame::PRON)),
                std::cmp::Reverse(v.tail.len()),
            )
        });
        for &(verb, forms) in &entries {
            let v = &LEXICON.verbs[verb as usize];
            let Some(tail_end) = tail_matches(toks, i + 1, &v.tail) else {
                continue;
            };
            let aux = if forms & form::PARTICIPLE != 0 {
                auxiliary_before(toks, i)
            } else {
                None
            };
            let mut g = Group {
                verb,
                start: i,
                at: i,
                end: tail_end,
                inv_pron: None,
                participle: false,
                present_participle: false,
                infinitive: false,
                pronominal: false,
                passive: false,
                plural: false,
            };
            if let Some((a, inv)) = aux {
                let (s, pron) = clitics_before(toks, a);
                g.start = s;
                g.participle = true;
                g.inv_pron = inv;
                g.pronominal = pron;
                g.passive = LEXICON.is("auxiliaries_etre", &toks[a].lower) && !pron;
            } else if forms & form::FINITE != 0
                && !(forms & form::PARTICIPLE != 0
                    && toks.get(i.wrapping_sub(1)).is_some_and(is_determiner))
            {
                let (s, pron) = clitics_before(toks, i);
                g.start = s;
                g.pronominal = pron;
                if toks.get(tail_end).is_some_and(|n| n.inv_pron) {
                    g.inv_pron = Some(tail_end);
                    g.end = tail_end + 1;
                }
            } else if forms & form::PRESENT_PARTICIPLE != 0 {
                let (mut s, pron) = clitics_before(toks, i);
                if s > 0 && toks[s - 1].is("en") {
                    s -= 1;
                    if s > 0 && toks[s - 1].is("tout") {
                        s -= 1;
                    }
                }
                g.start = s;
                g.pronominal = pron;
                g.present_participle = true;
            } else if forms & form::INFINITIVE != 0 {
                let (s, pron) = clitics_before(toks, i);
                let before = s.checked_sub(1).map(|k| &toks[k]);
                if !before.is_some_and(|b| {
                    b.is("pour") || b.is("de") || b.is("d") || (b.is_word() && b.lower == "à")
                }) {
                    continue;
                }
                g.start = s;
                g.pronominal = pron;
                g.infinitive = true;
            } else {
                continue;
            }
            if v.has(frame::PRON) && !g.pronominal || v.has(frame::NOPRON) && g.pronominal {
                continue;
            }
            let finite = aux.map_or(i, |(a, _)| a);
            let w = toks[finite].lower.as_str();
            g.plural = w.ends_with("ent") || w == "ont" || w == "sont" || w.ends_with("ront");
            out.push(g);
            break;
        }
    }
    out
}

/// A phrase that can be a speaker.
fn speakerish(np: &Np) -> bool {
    match np.head {
        Head::Noun => !matches!(np.kind(), Some(NounKind::Info) | None),
        Head::Pronoun => true,
        _ => true,
    }
}

/// Where a noun phrase may end before a verb: its end, commas and adverbs after it.
fn reaches(toks: &[Tok], from: usize, target: usize) -> bool {
    skip_adverbials(toks, from) == target || {
        let mut k = from;
        while k < target && (toks[k].is_punct(',') || adverb_at(toks, k).is_some()) {
            k = adverb_at(toks, k).unwrap_or(k + 1);
        }
        k == target
    }
}

/// The subject of a verb group starting at `g`, searched from `clause_start`.
fn subject(toks: &[Tok], clause_start: usize, g: usize, doc: &DocWords) -> Option<Np> {
    for s in clause_start..g {
        let t = &toks[s];
        if t.quote.is_some() || !t.is_wordlike() {
            continue;
        }
        if !np_start_ok(toks, s, clause_start) {
            continue;
        }
        let Some(np) = np::parse(toks, s, doc, np::SUBJECT) else {
            continue;
        };
        if np.full_end <= g && reaches(toks, np.full_end, g) && speakerish(&np) {
            return Some(np);
        }
    }
    None
}

/// Whether a subject may start at `s`: at the clause start, or after
/// punctuation, a conjunction, an adverb or a date, never inside another
/// phrase ("avec le ministre", "la région").
fn np_start_ok(toks: &[Tok], s: usize, clause_start: usize) -> bool {
    if s <= clause_start {
        return true;
    }
    let prev = &toks[s - 1];
    matches!(prev.kind, Kind::Punct(_) | Kind::QuoteClose(_))
        || lex("subordinators", prev)
        || lex("coordinators", prev)
        || prev.is("que")
        || prev.is("qu")
        || adverb_at(toks, s - 1) == Some(s)
        || (1..=4).any(|back| s >= back && time_at(toks, s - back) == Some(s))
}

/// A subject separated from its verb by a relative clause: "Trump, qui
/// souhaite en finir avec des réglementations …, argue que …".
fn subject_over_relative(toks: &[Tok], start: usize, g: usize, doc: &DocWords) -> Option<Np> {
    let comma_before_verb = (start..g)
        .rev()
        .find(|&c| toks[c].is_punct(',') && reaches(toks, c, g))?;
    (start..g).find_map(|s| {
        if !np_start_ok(toks, s, start) || toks[s].quote.is_some() {
            return None;
        }
        let np = np::parse(toks, s, doc, np::SUBJECT)?;
        let k = np.full_end;
        let relative = toks.get(k).is_some_and(|t| t.is_punct(','))
            && toks.get(k + 1).is_some_and(|t| {
                t.is("qui") || t.is("que") || t.is("qu") || t.is("dont") || t.is("ou")
            });
        (relative && k + 1 < comma_before_verb && speakerish(&np) && np.head != Head::Pronoun)
            .then_some(np)
    })
}

/// The antecedent of "qui" at `q`: a phrase ending just before it.
fn antecedent(toks: &[Tok], clause_start: usize, q: usize, doc: &DocWords) -> Option<Np> {
    let target = if q > 0 && toks[q - 1].is_punct(',') {
        q - 1
    } else {
        q
    };
    (clause_start..target).find_map(|s| {
        // "bloqué par Obama, qui estimait": the antecedent may sit in a
        // prepositional phrase, but not start inside another phrase.
        if s > clause_start && (is_determiner(&toks[s - 1]) && !is_preposition(&toks[s - 1])) {
            return None;
        }
        np::parse(toks, s, doc, np::SUBJECT)
            .filter(|np| (np.full_end == target || np.end == target) && speakerish(np))
    })
}

/// Whether a clause boundary (or nothing) precedes `g`: the sign of an incise.
fn boundary_before(toks: &[Tok], g: usize) -> bool {
    let mut k = g;
    while k > 0 && adverb_at(toks, k - 1) == Some(k) {
        k -= 1;
    }
    k == 0
        || matches!(
            toks[k - 1].kind,
            Kind::Punct(',')
                | Kind::Punct(';')
                | Kind::Punct(':')
                | Kind::Punct('-')
                | Kind::QuoteClose(_)
                | Kind::Punct(')')
        )
}

/// What may follow an inverted subject: the end, punctuation, a circumstance.
fn ends_incise(toks: &[Tok], k: usize) -> bool {
    match toks.get(k) {
        None => true,
        Some(t) => {
            matches!(t.kind, Kind::Punct(_) | Kind::QuoteOpen(_))
                || (is_preposition(t) && !t.is("de") && !t.is("d"))
                || t.is("cite")
                || t.is("citee")
                || t.is("interroge")
                || t.is("interrogee")
                || t.is("lorsqu")
                || t.is("lorsque")
                || t.is("quand")
                || t.is("alors")
                || (t.is_word() && t.lower == "à")
        }
    }
}

/// The subject after an incise verb ("…, a déclaré Sergueï Lavrov aux
/// journalistes"). After a clause boundary the incise is certain and the
/// subject may run on ("le candidat d'En marche !").
fn inverted_subject(
    toks: &[Tok],
    after: usize,
    doc: &DocWords,
    incise: bool,
    generic_ok: bool,
) -> Option<Np> {
    // After a clause boundary an unknown function still names the speaker
    // ("…, a indiqué le premier substitut du procureur").
    let np = np::parse(toks, after, doc, np::SUBJECT).or_else(|| {
        generic_ok
            .then(|| np::parse_generic(toks, after, doc))
            .flatten()
    })?;
    if np.head == Head::Pronoun || !speakerish(&np) {
        return None;
    }
    if !(incise || ends_incise(toks, np.full_end)) {
        return None;
    }
    // "…, informe un communiqué publié sur le site du ministère de la
    // Défense": a text speaks for its author, when the sentence names it.
    if np.kind() == Some(NounKind::Doc)
        && let Some(author) = source_inside(toks, &np, doc)
    {
        return Some(Np {
            full_end: np.full_end.max(author.full_end),
            ..author
        });
    }
    Some(np)
}

/// Frames that take a noun phrase right after the verb.
const OBJECT_FRAMES: u32 = frame::OBJ | frame::OBJDE | frame::CONTRE | frame::COMME | frame::ATTR;

/// Where the reported words start after a non-inverted verb, by its frames;
/// `None` when nothing reportable follows.
fn complement(toks: &[Tok], v: &Verb, after: usize) -> Option<usize> {
    let has = |f| v.has(f);
    // The verb's own preposition comes before any circumstance: "met en
    // garde face à …", "insiste sur …".
    if let Some(t) = toks.get(after) {
        if has(frame::CONTRE) && (t.is("contre") || t.is("face")) {
            return Some(after);
        }
        if has(frame::SUR) && t.is("sur") {
            return Some(after + 1);
        }
    }
    let k = skip_adverbials(toks, after);
    let t = toks.get(k)?;
    if LEXICON.is("relatives", &t.folded) && !(t.is("que") || t.is("qu")) {
        return None;
    }
    if (t.is("que") || t.is("qu")) && has(frame::QUE) {
        return Some(k + 1);
    }
    if t.is_punct(':') && (has(frame::QUOTE) || has(frame::QUE) || has(OBJECT_FRAMES)) {
        return Some(k + 1);
    }
    if matches!(t.kind, Kind::QuoteOpen(_))
        && (has(frame::QUOTE)
            || has(OBJECT_FRAMES)
            || has(frame::QUE)
            || has(frame::A | frame::DE | frame::SUR))
    {
        return Some(k);
    }
    // "affirme être prêt", "dit ne pas « être contre »", "assure n'avoir rien vu".
    let negated = (t.is("ne") || t.is("n"))
        && toks.get(k + 1).is_some_and(|n| {
            is_infinitive(n)
                || (LEXICON.is("negation", &n.folded)
                    && toks
                        .get(k + 2)
                        .is_some_and(|m| is_infinitive(m) || matches!(m.kind, Kind::QuoteOpen(_))))
        });
    if has(frame::INF) && (is_infinitive(t) || negated) {
        return Some(k);
    }
    if has(frame::DE | frame::OBJDE) && (t.is("de") || t.is("d") || t.is("du") || t.is("des")) {
        return Some(k);
    }
    if has(frame::A) && t.is_word() && (t.lower == "à" || t.is("au") || t.is("aux")) {
        return Some(k);
    }
    if has(frame::SUR) && t.is("sur") {
        return Some(k + 1);
    }
    if has(frame::POUR) && t.is("pour") {
        return Some(k + 1);
    }
    if has(frame::OBJ | frame::OBJDE | frame::COMME)
        && t.is_wordlike()
        && !is_verbish(t)
        && !t.is("que")
        && !t.is("qu")
        && !t.is("de")
        && !t.is("d")
        && !t.is_punct('.')
    {
        return Some(k);
    }
    if has(frame::ATTR) {
        if t.is("de") || t.is("d") {
            return Some(k + 1);
        }
        if t.is_word() && !is_determiner(t) && !is_verbish(t) {
            return Some(k);
        }
    }
    None
}

/// Every cue of a sentence, with speakers found and reported words delimited.
pub fn find(toks: &[Tok], doc: &DocWords) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    for g in groups(toks) {
        let v = &LEXICON.verbs[g.verb as usize];
        if g.passive {
            if let Some(c) = passive_cue(toks, &g, v, doc) {
                cues.push(c);
            }
            continue;
        }
        let after = g.end;
        // 1. An inverted pronoun: "a-t-il déclaré", "précise-t-elle".
        if let Some(p) = g.inv_pron {
            let mut np =
                np::parse(toks, p, doc, np::CORE).unwrap_or_else(|| np::pronoun_np(toks, p));
            np.head = Head::Pronoun;
            let region_end = g.end.max(p + 1);
            let content_from = complement(toks, v, region_end).unwrap_or(region_end);
            // After a clause ("« … », a-t-il expliqué") the incise reports
            // what came before, whatever follows it ("…, avant d'ajouter : « … »").
            let incise = boundary_before(toks, g.start) && g.start > 0;
            let direction = if !incise
                && (content_from > region_end || complement(toks, v, region_end).is_some())
            {
                Direction::Right
            } else {
                Direction::Left
            };
            cues.push(Cue {
                verb: Some(g.verb),
                group: (g.start, region_end),
                region: (g.start, region_end),
                source: Source::Phrase(np),
                direction,
                content_from,
                content: None,
                plural: g.plural,
            });
            continue;
        }
        if g.infinitive || g.present_participle {
            // "ajoutant que", "en affirmant", "pour révéler qu'": the main subject speaks.
            if let Some(from) = complement(toks, v, after) {
                if v.has(frame::ONLY_INV) {
                    continue;
                }
                let k = skip_adverbials(toks, after);
                let reported = toks.get(k).is_some_and(|t| {
                    t.is("que")
                        || t.is("qu")
                        || t.is_punct(':')
                        || matches!(t.kind, Kind::QuoteOpen(_))
                        || t.is("de")
                        || t.is("d")
                });
                if g.infinitive && !reported {
                    continue;
                }
                // "pour révéler que", "a tenu à préciser que"; not "il a suffi de
                // confirmer que".
                let governed = g.start >= 1 && {
                    let before = &toks[g.start - 1];
                    before.is("pour")
                        || (g.start >= 2 && lex("infinitive_governors", &toks[g.start - 2]))
                };
                if g.infinitive && !governed {
                    continue;
                }
                // A participle opens its own phrase: after a comma, a
                // quotation, "en", or at the start ("Tout en saluant").
                let opens = g.start == 0
                    || toks[g.start].is("en")
                    || toks[g.start].is("tout")
                    || matches!(
                        toks[g.start - 1].kind,
                        Kind::Punct(',') | Kind::QuoteClose(_)
                    );
                if g.present_participle && !opens {
                    continue;
                }
                let gerund = toks[g.start].is("en") || toks[g.start].is("tout");
                let quoted = toks[from..]
                    .iter()
                    .take_while(|t| !t.is_punct('.') && !t.is_punct(','))
                    .any(|t| matches!(t.kind, Kind::QuoteOpen(_)));
                if g.present_participle && !gerund && !reported && !quoted {
                    // "…, signalant les personnes soupçonnées": not a report.
                    continue;
                }
                cues.push(Cue {
                    verb: Some(g.verb),
                    group: (g.start, g.end),
                    region: (g.start, g.end),
                    source: Source::MainSubject,
                    direction: Direction::Right,
                    content_from: from,
                    content: None,
                    plural: g.plural,
                });
            }
            continue;
        }
        // 2. An incise with its subject after the verb.
        let subject_at = skip_adverbials(toks, after);
        // "Comme le révèle Le Parisien, l'instruction arrive à son terme":
        // an attribution like "selon".
        let comme = g.start > 0
            && toks[g.start - 1].is("comme")
            && toks[g.start..g.at].iter().any(|t| t.is("le") || t.is("l"));
        if comme && v.has(frame::INV) {
            if let Some(np) = inverted_subject(toks, subject_at, doc, true, false) {
                let initial = clause_initial(toks, g.start - 1);
                cues.push(Cue {
                    verb: Some(g.verb),
                    group: (g.start - 1, g.end),
                    region: (g.start - 1, np.full_end),
                    direction: if initial {
                        Direction::Right
                    } else {
                        Direction::Left
                    },
                    content_from: np.full_end,
                    source: Source::Phrase(np),
                    content: None,
                    plural: g.plural,
                });
            }
            continue;
        }
        if v.has(frame::INV) {
            // An unknown function names the speaker only right after a
            // quotation, or for a verb that takes no object.
            let after_quote = g.start >= 1
                && (matches!(toks[g.start - 1].kind, Kind::QuoteClose(_))
                    || (g.start >= 2
                        && toks[g.start - 1].is_punct(',')
                        && matches!(toks[g.start - 2].kind, Kind::QuoteClose(_))));
            let generic_ok =
                after_quote || !v.has(OBJECT_FRAMES | frame::DE | frame::A | frame::SUR);
            if let Some(np) = inverted_subject(
                toks,
                subject_at,
                doc,
                boundary_before(toks, g.start),
                generic_ok,
            ) {
                let no_object = !v.has(OBJECT_FRAMES | frame::DE | frame::A | frame::SUR);
                let object_like = subject_at == after && !boundary_before(toks, g.start);
                let only_inv = v.has(frame::ONLY_INV);
                if boundary_before(toks, g.start)
                    || (no_object && !only_inv && object_like && ends_sentence(toks, np.full_end))
                {
                    let content_from = complement(toks, v, np.full_end);
                    cues.push(Cue {
                        verb: Some(g.verb),
                        group: (g.start, g.end),
                        region: (g.start, np.full_end),
                        direction: if content_from.is_some() && !boundary_before(toks, g.start) {
                            Direction::Right
                        } else {
                            Direction::Left
                        },
                        content_from: content_from.unwrap_or(np.full_end),
                        source: Source::Phrase(np),
                        content: None,
                        plural: g.plural,
                    });
                    continue;
                }
            }
        }
        if v.has(frame::ONLY_INV) {
            continue;
        }
        // 3. Subject before the verb.
        let clause_start = clause_start(toks, g.start, &cues);
        let mut source = subject(toks, clause_start, g.start, doc)
            .or_else(|| subject_over_relative(toks, 0, g.start, doc))
            .map(Source::Phrase);
        if source.is_none()
            && g.start > 0
            && (toks[g.start - 1].is("et")
                || toks[g.start - 1].is("mais")
                || toks[g.start - 1].is("puis"))
        {
            // "a immédiatement réagi et a nié": the same subject.
            source = Some(Source::MainSubject);
        }
        if source.is_none() && g.start > 0 && toks[g.start - 1].is("qui") {
            source = match antecedent(toks, clause_start, g.start - 1, doc) {
                Some(np) => Some(Source::Phrase(np)),
                None if !cues.is_empty() => Some(Source::MainSubject),
                None => None,
            };
        }
        let Some(source) = source else {
            // 4. An incise without a comma, known by its missing subject:
            // "… est mort à l'âge de 90 ans a annoncé dimanche l'agence PAP."
            if v.has(frame::INV)
                && !v.has(frame::ONLY_INV)
                && let Some(np) =
                    inverted_subject(toks, subject_at, doc, false, false).filter(|np| {
                        ends_sentence(toks, np.full_end)
                            || toks.get(np.full_end).is_some_and(|t| t.is_punct(','))
                    })
            {
                cues.push(Cue {
                    verb: Some(g.verb),
                    group: (g.start, g.end),
                    region: (g.start, np.full_end),
                    direction: Direction::Left,
                    content_from: np.full_end,
                    source: Source::Phrase(np),
                    content: None,
                    plural: g.plural,
                });
            }
            continue;
        };
        let Some(from) = complement(toks, v, after) else {
            continue;
        };
        // "n'en a divulgué aucun détail": a denied object is nothing said.
        let negated = (g.start..g.end).any(|k| toks[k].is("ne") || toks[k].is("n"));
        let object = !toks
            .get(from.wrapping_sub(1))
            .is_some_and(|t| t.is("que") || t.is("qu") || t.is_punct(':'))
            && !toks
                .get(from)
                .is_some_and(|t| matches!(t.kind, Kind::QuoteOpen(_)) || is_infinitive(t));
        if negated && object {
            continue;
        }
        // "comme il l'avait promis, …": the object is the pronoun, nothing
        // after the verb is reported (unless it says what of: "l'a qualifié de …").
        let object_clitic = (g.start..g.at)
            .any(|k| toks[k].is("l") || toks[k].is("le") || toks[k].is("la") || toks[k].is("les"));
        let introduced = toks.get(from.wrapping_sub(1)).is_some_and(|t| {
            t.is("que") || t.is("qu") || t.is("de") || t.is("d") || t.is_punct(':') || t.is("sur")
        }) || toks
            .get(from)
            .is_some_and(|t| t.is("de") || t.is("d") || matches!(t.kind, Kind::QuoteOpen(_)));
        if object_clitic && !introduced {
            continue;
        }
        let region_start = match &source {
            Source::Phrase(np) => np.start.min(g.start),
            Source::MainSubject => g.start,
        };
        cues.push(Cue {
            verb: Some(g.verb),
            group: (g.start, g.end),
            region: (region_start, g.end),
            source,
            direction: Direction::Right,
            content_from: from,
            content: None,
            plural: g.plural,
        });
    }
    markers(toks, doc, &mut cues);
    cues.sort_by_key(|c| c.region.0);
    // Regions must not overlap: a later cue inside an earlier one's region is dropped.
    let mut kept: Vec<Cue> = Vec::new();
    for c in cues {
        if kept
            .last()
            .is_some_and(|k| c.region.0 < k.region.1 && c.group.0 < k.region.1)
        {
            continue;
        }
        kept.push(c);
    }
    let mut kept = nest(toks, kept);
    delimit(toks, &mut kept);
    kept
}

/// An incise after a clause that has its own reporting verb: either the verb
/// introduces a quotation the incise then claims ("Elle précise avoir réagi :
/// « … », affirme-t-elle"; the first cue's words stop at the colon), or the
/// whole clause is what the incise reports ("L'IGF a confirmé la transaction,
/// conclut l'agence"; the inner cue is part of the reported words).
fn nest(toks: &[Tok], cues: Vec<Cue>) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::with_capacity(cues.len());
    for c in cues {
        let incise = c.verb.is_some() && c.direction == Direction::Left;
        if incise && let Some(prev) = out.last_mut() {
            let inner = prev.verb.is_some()
                && prev.direction == Direction::Right
                && matches!(prev.source, Source::Phrase(_));
            if inner {
                let colon_quote = (prev.content_from..c.region.0).find(|&k| {
                    toks[k].is_punct(':')
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.kind, Kind::QuoteOpen(_)))
                });
                match colon_quote {
                    Some(k) => prev.content = Some(trim(toks, prev.content_from, k)),
                    None => {
                        out.pop();
                    }
                }
            }
        }
        out.push(c);
    }
    out
}

fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_none_or(|t| t.is_punct('.'))
}

/// "est décrit comme … par une voisine", "était qualifié de « marqué » par Météo-France".
fn passive_cue(toks: &[Tok], g: &Group, v: &Verb, doc: &DocWords) -> Option<Cue> {
    if !v.has(frame::PASSIVE) {
        return None;
    }
    let from = complement(toks, v, g.end)?;
    // The agent: "par" + a speaker phrase, before the clause ends.
    let mut k = from;
    let mut words_outside = 0;
    while k < toks.len() && !toks[k].is_punct('.') && !toks[k].is_punct(';') && words_outside < 25 {
        if toks[k].quote.is_none() {
            words_outside += 1;
        }
        if toks[k].is("par")
            && toks[k].quote.is_none()
            && let Some(np) = np::parse(toks, k + 1, doc, np::SUBJECT).filter(speakerish)
            && np.head != Head::Pronoun
        {
            return Some(Cue {
                verb: Some(g.verb),
                group: (g.start, g.end),
                region: (g.start, g.end),
                source: Source::Phrase(np.clone()),
                direction: Direction::Right,
                content_from: from,
                content: Some((from, k)),
                plural: g.plural,
            });
        }
        k += 1;
    }
    None
}

/// Where the clause of a verb group at `g` starts: after the previous cue's
/// region, a semicolon, a colon, or a subordinating "que".
fn clause_start(toks: &[Tok], g: usize, cues: &[Cue]) -> usize {
    let mut start = cues
        .iter()
        .filter(|c| c.region.1 <= g)
        .map(|c| c.region.1)
        .max()
        .unwrap_or(0);
    for k in (start..g).rev() {
        let t = &toks[k];
        if t.quote.is_some() {
            continue;
        }
        // A quotation closing right before the verb group ends the clause
        // ("« … » il a ajouté"); one inside an apposition does not.
        let closes_clause = matches!(t.kind, Kind::QuoteClose(_)) && k + 1 == g;
        if t.is_punct(';') || t.is_punct(':') || t.is("que") || t.is("qu") || closes_clause {
            start = k + 1;
            break;
        }
    }
    start
}

/// Information nouns hide their source: "selon les informations de la
/// Défense arménienne", "selon les renseignements confiés par une source",
/// "selon les informations que le procureur a confiées".
fn source_inside(toks: &[Tok], np: &Np, doc: &DocWords) -> Option<Np> {
    let mut k = np.start + 1;
    let limit = (np.full_end + 12).min(toks.len());
    while k < limit {
        let t = &toks[k];
        if t.quote.is_some() || t.is_punct(',') && k >= np.full_end {
            break;
        }
        let opens = t.is("de")
            || t.is("du")
            || t.is("des")
            || t.is("d")
            || t.is("par")
            || t.is("que")
            || t.is("qu");
        if opens {
            let mut s = k + 1;
            // "ce que rapportent des médias belges": skip the verb.
            if (t.is("que") || t.is("qu"))
                && toks
                    .get(s)
                    .is_some_and(|n| !LEXICON.verb_forms(&n.lower).is_empty())
            {
                s += 1;
            }
            if let Some(inner) = np::parse(toks, s, doc, np::AFTER_MARKER)
                && speakerish(&inner)
                && inner.head != Head::Pronoun
            {
                return Some(inner);
            }
        }
        k += 1;
    }
    None
}

/// "selon X", "d'après X", "pour X,", "de source X".
fn markers(toks: &[Tok], doc: &DocWords, cues: &mut Vec<Cue>) {
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.quote.is_some() {
            i += 1;
            continue;
        }
        let after = if t.is("selon") {
            Some(i + 1)
        } else if t.is("d") && toks.get(i + 1).is_some_and(|n| n.is("apres")) {
            Some(i + 2)
        } else if t.is("pour") && clause_initial(toks, i) {
            Some(i + 1)
        } else {
            None
        };
        let Some(after) = after else {
            i += 1;
            continue;
        };
        // "ce que rapportent des médias belges"
        let np = if toks.get(after).is_some_and(|n| n.is("ce"))
            && toks
                .get(after + 1)
                .is_some_and(|n| n.is("que") || n.is("qu"))
        {
            np::parse(toks, after + 3, doc, np::AFTER_MARKER)
        } else {
            np::parse(toks, after, doc, np::AFTER_MARKER)
        };
        let Some(mut np) = np else {
            i += 1;
            continue;
        };
        let full_end = np.full_end;
        let mut inner_source = false;
        // "selon les informations de X", "selon un communiqué du ministère":
        // the source is inside; a text with no author is its own source.
        if matches!(np.kind(), Some(NounKind::Info) | Some(NounKind::Doc)) {
            match source_inside(toks, &np, doc) {
                Some(inner) => {
                    np = inner;
                    inner_source = true;
                }
                None if np.kind() == Some(NounKind::Info) => {
                    i += 1;
                    continue;
                }
                None => {}
            }
        }
        // "selon ses sources", "selon les règles": not a source.
        // "selon ses sources" (the speaker's own); "selon sa tante" is a source.
        let own = np.det == np::Det::Possessive
            && (matches!(np.kind(), Some(NounKind::Doc) | Some(NounKind::Info))
                || np.role.is_some_and(|(a, b)| {
                    toks[a..b].iter().any(|t| t.is("sources") || t.is("source"))
                }));
        if own || !speakerish(&np) {
            i += 1;
            continue;
        }
        let mut region_end = full_end.max(np.full_end);
        // "les informations que le procureur a confiées à l'AFP ,": the
        // marker's phrase runs to the comma.
        if inner_source {
            let mut k = region_end;
            while k < toks.len()
                && k - region_end < 12
                && toks[k].quote.is_none()
                && !matches!(toks[k].kind, Kind::Punct(_) | Kind::QuoteOpen(_))
            {
                k += 1;
            }
            if toks.get(k).is_some_and(|t| t.is_punct(',')) {
                region_end = k;
            }
        }
        if t.is("pour")
            && !(toks
                .get(region_end)
                .is_some_and(|n| n.is_punct(',') || n.is_punct(':'))
                && matches!(
                    np.head,
                    Head::Name | Head::Pronoun | Head::Noun | Head::Coordination
                ))
        {
            i += 1;
            continue;
        }
        // "selon les déclarations de X au Journal du dimanche": where the
        // source spoke belongs to the marker.
        if let Some(e) = circumstance_at(toks, region_end)
            && toks
                .get(e)
                .is_none_or(|t| t.is_punct(',') || t.is_punct('.'))
        {
            region_end = e;
        }
        // "13 500 personnes selon la police, 100 000 selon les organisateurs":
        // a figure and its source, in the middle of a sentence.
        if let Some(figure) = figure_before(toks, i) {
            cues.push(Cue {
                verb: None,
                group: (i, region_end),
                region: (i, region_end),
                source: Source::Phrase(np),
                direction: Direction::Left,
                content_from: region_end,
                content: Some((figure, i)),
                plural: false,
            });
            i = region_end.max(i + 1);
            continue;
        }
        let initial = clause_initial(toks, i);
        let words_after = content_words(toks, region_end);
        let comma_before =
            i > 0 && (toks[i - 1].is_punct(',') || matches!(toks[i - 1].kind, Kind::QuoteClose(_)));
        if !initial && !comma_before && words_after >= 3 && !t.is("d") {
            // "des réglementations qui vont selon lui « trop loin » et …"
            i += 1;
            continue;
        }
        let direction = if (initial || t.is("pour")) && words_after >= 2 {
            Direction::Right
        } else if words_after >= 3 && !initial {
            Direction::Around
        } else {
            Direction::Left
        };
        cues.push(Cue {
            verb: None,
            group: (i, region_end),
            region: (i, region_end),
            source: Source::Phrase(np),
            direction,
            content_from: region_end,
            content: None,
            plural: false,
        });
        i = region_end.max(i + 1);
    }
}

/// A figure right before a marker ("13 500 à 14 000 personnes selon …",
/// "100 000 selon …", "entre 223 000 selon …"): where it starts. A number no
/// more than three words back with no punctuation in between, and the
/// words of its range or qualifier before it.
fn figure_before(toks: &[Tok], marker: usize) -> Option<usize> {
    let mut k = marker;
    let mut number = None;
    while k > 0 && marker - k < 4 {
        let t = &toks[k - 1];
        if t.quote.is_some()
            || matches!(
                t.kind,
                Kind::Punct(_) | Kind::QuoteOpen(_) | Kind::QuoteClose(_)
            )
        {
            break;
        }
        k -= 1;
        if t.kind == Kind::Number {
            number = Some(k);
            break;
        }
        // Only a counted noun may stand between the number and the marker.
        if !t.is_word() || !LEXICON.verb_forms(&t.lower).is_empty() {
            return None;
        }
    }
    let mut start = number?;
    // "13 500 à 14 000", "entre 223 000", "près de 2 000".
    while start > 0 {
        let t = &toks[start - 1];
        let joins = t.kind == Kind::Number
            || [
                "a", "et", "entre", "de", "pres", "plus", "moins", "environ", "quelque",
            ]
            .contains(&t.folded.as_str());
        if !joins || t.quote.is_some() {
            break;
        }
        start -= 1;
    }
    // The range's "entre"/"de" opens it only if a number follows them.
    while start < marker && toks[start].kind != Kind::Number && toks[start].is("et") {
        start += 1;
    }
    Some(start)
}

/// Words (not punctuation) from `k` to the end of the sentence or the next cue-looking comma.
fn content_words(toks: &[Tok], k: usize) -> usize {
    let mut n = 0;
    let mut j = k;
    while let Some(t) = toks.get(j) {
        if t.is_punct('.') || t.is_punct(';') {
            break;
        }
        if t.is_wordlike() {
            n += 1;
        }
        j += 1;
    }
    n
}

/// Whether position `i` opens a clause: the start, after a comma or a colon,
/// or after a short introduction ("En 2016,", "Vers 18h00,", "Toujours").
fn clause_initial(toks: &[Tok], i: usize) -> bool {
    let mut k = i;
    while k > 0 && adverb_at(toks, k - 1) == Some(k) {
        k -= 1;
    }
    if k == 0 {
        return true;
    }
    let prev = &toks[k - 1];
    if prev.is_punct(',')
        || prev.is_punct(':')
        || prev.is_punct(';')
        || prev.is("et")
        || prev.is("mais")
        || matches!(prev.kind, Kind::QuoteClose(_))
    {
        // "A, selon X, B" is around, not initial, when A is a clause of its own.
        let before = toks[..k - 1]
            .iter()
            .rev()
            .take_while(|t| !t.is_punct('.'))
            .filter(|t| t.is_wordlike())
            .count();
        return before <= 4 || prev.is_punct(':') || prev.is_punct(';');
    }
    false
}

/// Sets every cue's reported words, now that all cue regions are known.
fn delimit(toks: &[Tok], cues: &mut [Cue]) {
    let n = cues.len();
    for i in 0..n {
        if cues[i].content.is_some() {
            continue;
        }
        let prev_end = if i > 0 { cues[i - 1].region.1 } else { 0 };
        let next_start = if i + 1 < n {
            cues[i + 1].region.0
        } else {
            toks.len()
        };
        let (from, mut to) = match cues[i].direction {
            Direction::Left => (prev_end, cues[i].region.0),
            Direction::Right => (cues[i].content_from, next_start),
            Direction::Around => (prev_end, next_start),
        };
        // "Selon X, le boson va permettre … : « Nous avons … »": the quotation
        // after a colon is a statement of its own (the same speaker's).
        if cues[i].verb.is_none()
            && cues[i].direction == Direction::Right
            && let Some(k) = (from + 1..to).find(|&k| {
                toks[k].is_punct(':')
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.kind, Kind::QuoteOpen(_)))
            })
        {
            to = k;
        }
        // "Alors que Bakou insiste sur X, Erevan défend Y": a cue in a
        // subordinate clause opening the sentence reports up to the comma
        // where the main clause starts.
        let opens_subordinate = toks
            .iter()
            .position(|t| t.is_wordlike())
            .is_some_and(|f| f < cues[i].region.0 && LEXICON.is("subordinators", &toks[f].folded));
        if cues[i].direction == Direction::Right
            && cues[i].verb.is_some()
            && opens_subordinate
            && let Some(k) = (from..to).find(|&k| {
                toks[k].is_punct(',')
                    && toks.get(k + 1).is_some_and(|n| {
                        n.quote.is_none()
                            && (n.cap || is_determiner(n) || lex("subject_pronouns", n))
                    })
            })
        {
            to = k;
        }
        // "ont mis en garde X contre Y et ont appelé …": a second verb of the
        // same subject ends the reported words (not inside a que-clause).
        if cues[i].verb.is_some()
            && cues[i].direction == Direction::Right
            && !(from > 0 && (toks[from - 1].is("que") || toks[from - 1].is("qu")))
            && let Some(k) = (from..to).find(|&k| {
                toks[k].quote.is_none()
                    && (toks[k].is("et") || toks[k].is("mais"))
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| is_auxiliary(n) || n.is("s") || n.is("se"))
            })
        {
            to = k;
        }
        let (from, to) = trim(toks, from, to);
        // "« … », a tweeté X, avec les photos à l'appui, rapporte Franceinfo":
        // a second incise reports the first; what lies between is no statement.
        let leftover = i > 0
            && cues[i].direction == Direction::Left
            && cues[i - 1].direction == Direction::Left
            && (toks.get(from).is_some_and(is_preposition)
                || toks[from..to].iter().filter(|t| t.is_wordlike()).count() < 3);
        if from < to && !leftover {
            cues[i].content = Some((from, to));
        }
    }
}

/// Trims punctuation and dangling connectors from a token range.
pub fn trim(toks: &[Tok], mut from: usize, mut to: usize) -> (usize, usize) {
    let dangling = |t: &Tok| {
        (matches!(t.kind, Kind::Punct(_)) && !t.is_punct(')') && !t.is_punct(']'))
            || t.is("et")
            || t.is("mais")
            || t.is("tandis")
            || t.is("alors")
            || t.is("qu")
            || t.is("que")
            || t.is("si")
            || t.is("or")
            || t.is("puis")
    };
    while from < to
        && (matches!(toks[from].kind, Kind::Punct(_))
            && !toks[from].is_punct('[')
            && !toks[from].is_punct('(')
            || toks[from].is("et")
            || toks[from].is("mais")
            || toks[from].is("or"))
    {
        from += 1;
    }
    while to > from && dangling(&toks[to - 1]) {
        to -= 1;
    }
    // Unbalanced trailing quote marks stay out unless their quotation is inside.
    (from, to)
}
