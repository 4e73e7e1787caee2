//! Noun phrases that can name a source: a person's name, a function or body
//! ("le porte-parole du ministère", "la procureure de Grasse"), a country or
//! a capital standing for its government, a pronoun, and their appositions
//! ("le porte-parole du ministère, Igor Konachenkov,") and coordinations
//! ("La France, la Russie et les États-Unis").

use crate::text::fnv::HashSet;

use super::lexicon::{Gender, LEXICON, Noun, NounKind, form};
use super::tokens::{Kind, Tok};
use crate::text::dates::CALENDAR;

/// What a document teaches the parser: words written with a capital in the
/// middle of a sentence (so "Trump" opening a sentence is still a name).
#[derive(Default)]
pub struct DocWords {
    pub capitalised: HashSet<String>,
}

impl DocWords {
    pub fn learn(&mut self, toks: &[Tok]) {
        for t in toks {
            if t.is_word() && t.cap && !t.initial {
                self.capitalised.insert(t.folded.clone());
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    Noun,
    Name,
    Pronoun,
    Country,
    /// A capital standing for a government ("Bakou", "Moscou").
    Metonym,
    /// A seat of power ("le Kremlin", "l'Élysée", "la Maison Blanche").
    Seat,
    /// A people ("les Russes").
    People,
    Coordination,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Det {
    None,
    Definite,
    Indefinite,
    Possessive,
}

#[derive(Clone, Debug)]
pub struct Np {
    /// Token range of the phrase itself (determiner included, appositions excluded).
    pub start: usize,
    pub end: usize,
    /// One past the last token of the phrase with its appositions.
    pub full_end: usize,
    pub head: Head,
    pub det: Det,
    /// The function, without its determiner ("porte-parole du ministère").
    pub role: Option<(usize, usize)>,
    /// A proper name ("Igor Konachenkov").
    pub name: Option<(usize, usize)>,
    /// An acronym in brackets after the phrase ("(Insee)").
    pub acronym: Option<(usize, usize)>,
    pub noun: Option<Noun>,
    pub country: Option<usize>,
    pub gender: Option<Gender>,
    pub plural: bool,
    pub parts: Vec<Np>,
    /// "ce dernier", "cette dernière": the person named last.
    pub latter: bool,
}

impl Np {
    pub fn kind(&self) -> Option<NounKind> {
        self.noun.map(|n| n.kind)
    }

    /// "son commandant", "leur porte-parole": a function relative to someone else.
    pub fn det_is_possessive(&self) -> bool {
        self.det == Det::Possessive
    }
}

/// How much of a phrase to read.
#[derive(Clone, Copy)]
pub struct Mode {
    pub appositions: bool,
    pub coordination: bool,
    /// Accept stressed pronouns ("selon lui") instead of subject pronouns.
    pub stressed: bool,
}

pub const SUBJECT: Mode = Mode {
    appositions: true,
    coordination: true,
    stressed: false,
};
pub const AFTER_MARKER: Mode = Mode {
    appositions: true,
    coordination: true,
    stressed: true,
};
pub const CORE: Mode = Mode {
    appositions: false,
    coordination: false,
    stressed: false,
};

fn lex_is(section: &str, t: &Tok) -> bool {
    t.is_wordlike() && LEXICON.is(section, &t.folded)
}

pub fn is_determiner(t: &Tok) -> bool {
    lex_is("determiners", t)
}

pub fn is_preposition(t: &Tok) -> bool {
    lex_is("prepositions", t) && !(t.is_word() && t.lower == "a")
}

pub fn is_auxiliary(t: &Tok) -> bool {
    t.is_word() && LEXICON.is("auxiliaries", &t.lower)
}

/// A reporting verb form or an auxiliary: where a noun phrase must stop.
pub fn is_verbish(t: &Tok) -> bool {
    t.is_word() && (is_auxiliary(t) || !LEXICON.verb_forms(&t.lower).is_empty())
}

/// A word that looks like an infinitive ("avoir", "renégocier").
pub fn is_infinitive(t: &Tok) -> bool {
    if !t.is_word() {
        return false;
    }
    if LEXICON
        .verb_forms(&t.lower)
        .iter()
        .any(|e| e.1 & form::INFINITIVE != 0)
    {
        return true;
    }
    let w = t.folded.as_str();
    matches!(
        w,
        "etre" | "avoir" | "faire" | "dire" | "pouvoir" | "devoir" | "vouloir"
    ) || ((w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
        && w.len() > 4
        && !t.cap
        && LEXICON.noun(w).is_none()
        && !LEXICON.is("adverbs", w)
        && !matches!(
            w,
            "premier"
                | "dernier"
                | "hier"
                | "hiver"
                | "quartier"
                | "dossier"
                | "cahier"
                | "chantier"
                | "metier"
                | "papier"
                | "pompier"
                | "policier"
                | "officier"
                | "conseiller"
                | "ouvrier"
                | "entier"
                | "particulier"
                | "plusieurs"
                | "leur"
                | "leurs"
                | "contre"
                | "entre"
                | "notre"
                | "votre"
                | "autre"
                | "autres"
                | "centre"
                | "lettre"
                | "ordre"
                | "titre"
                | "nombre"
                | "membre"
                | "libre"
                | "propre"
                | "pire"
                | "empire"
                | "sire"
                | "avenir"
                | "plaisir"
                | "desir"
                | "loisir"
                | "soir"
                | "espoir"
                | "pouvoir"
                | "devoir"
                | "couloir"
                | "territoire"
                | "victoire"
                | "histoire"
                | "memoire"
                | "gloire"
                | "offre"
                | "ministre"
                | "maire"
                | "fer"
                | "mer"
                | "cher"
                | "super"
        ))
}

fn is_name_particle(t: &Tok) -> bool {
    lex_is("name_particles", t)
}

/// A capitalised word that can be (part of) a proper name here.
fn name_word(toks: &[Tok], i: usize, doc: &DocWords, first: bool) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !(t.is_word() && t.cap) || t.quote.is_some() {
        return false;
    }
    let w = t.folded.as_str();
    if CALENDAR.month(w).is_some() || CALENDAR.weekday(w).is_some() {
        return false;
    }
    if !first {
        return !LEXICON.is("not_names", w) || t.all_caps;
    }
    if LEXICON.is("not_names", w) || is_determiner(t) || is_verbish(t) {
        return false;
    }
    if !t.initial || t.all_caps {
        return true;
    }
    // A capitalised word opening a sentence is a name when the document
    // writes it with a capital elsewhere, when a name continues it, or when
    // the lexicons know it.
    let next_is_name = toks
        .get(i + 1)
        .is_some_and(|n| n.is_word() && n.cap && !LEXICON.is("not_names", &n.folded));
    doc.capitalised.contains(w)
        || next_is_name
        || LEXICON.is_first_name(w)
        || LEXICON.country(w).is_some()
        || LEXICON.metonym(w).is_some()
        || LEXICON.people(w).is_some()
}

/// The proper name starting at `i`: capitalised words, with particles
/// ("al", "de", "Le") and initials ("B. Obama") inside.
pub fn name_at(toks: &[Tok], i: usize, doc: &DocWords) -> Option<usize> {
    if !name_word(toks, i, doc, true) {
        return None;
    }
    let mut end = i + 1;
    let mut words = 1;
    while end < toks.len() && words < 6 {
        // A first name after other words starts another name ("… des
        // Finances Michel Sapin"), unless the name so far is first names too.
        let starts_other = LEXICON.is_first_name(&toks[end].folded)
            && toks[i..end]
                .iter()
                .any(|t| t.is_word() && !LEXICON.is_first_name(&t.folded));
        if name_word(toks, end, doc, false) && !starts_other {
            end += 1;
            words += 1;
            continue;
        }
        // A number inside a name: "France 3 Alsace", "France 24".
        if toks[end].kind == Kind::Number
            && toks[end].folded.len() <= 3
            && toks[end - 1].cap
            && toks[end].quote.is_none()
        {
            end += 1;
            words += 1;
            continue;
        }
        // An initial: "B. Obama".
        if toks[end].is_punct('.')
            && toks[end - 1].folded.chars().count() == 1
            && name_word(toks, end + 1, doc, false)
        {
            end += 2;
            words += 1;
            continue;
        }
        // "Charles de Gaulle", not "la boutique Arnys de François Fillon":
        // "de" comes before a surname, never before a first name ("ben" may:
        // "Mohammed ben Salmane").
        if is_name_particle(&toks[end])
            && (!toks[end].cap || toks[end].folded.len() <= 3)
            && name_word(toks, end + 1, doc, false)
            && !(["de", "du", "des", "d"].contains(&toks[end].folded.as_str())
                && LEXICON.is_first_name(&toks[end + 1].folded))
            && !lex_is("not_names", &toks[end + 1])
        {
            end += 2;
            words += 2;
            continue;
        }
        break;
    }
    Some(end)
}

fn folded_span(toks: &[Tok], a: usize, b: usize) -> String {
    toks[a..b]
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.folded.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A country, capital or people named by the words `a..b`.
fn place_of(toks: &[Tok], a: usize, b: usize) -> Option<(Head, usize)> {
    if toks[a..b]
        .iter()
        .any(|t| !t.is_wordlike() || t.quote != toks[a].quote)
    {
        return None;
    }
    let key = folded_span(toks, a, b);
    if let Some(c) = LEXICON.country(&key) {
        return Some((Head::Country, c));
    }
    if let Some(c) = LEXICON.metonym(&key) {
        return Some((Head::Metonym, c));
    }
    if let Some((c, _)) = LEXICON.seat(&key) {
        return Some((Head::Seat, c));
    }
    LEXICON.people(&key).map(|c| (Head::People, c))
}

/// The longest place name starting at `i` (several words: "Maison Blanche",
/// "Quai d'Orsay").
fn place_at(toks: &[Tok], i: usize) -> Option<(Head, usize, usize)> {
    if !toks.get(i).is_some_and(|t| t.is_word() && t.cap) {
        return None;
    }
    let max = LEXICON.longest_place.min(toks.len() - i);
    (1..=max)
        .rev()
        .find_map(|n| place_of(toks, i, i + n).map(|(h, c)| (h, c, i + n)))
}

fn determiner_kind(t: &Tok) -> Det {
    if lex_is("possessive", t) {
        Det::Possessive
    } else if lex_is("definite", t) {
        Det::Definite
    } else {
        Det::Indefinite
    }
}

/// Reads the phrase starting at `i`.
pub fn parse(toks: &[Tok], i: usize, doc: &DocWords, mode: Mode) -> Option<Np> {
    let first = parse_one(toks, i, doc, mode)?;
    let mut np = if mode.coordination {
        coordination(toks, first, doc, mode)
    } else {
        first
    };
    if mode.appositions && matches!(np.head, Head::Name | Head::Noun) {
        appositions(toks, &mut np, doc);
    }
    Some(np)
}

fn pronoun(t: &Tok, stressed: bool) -> Option<(Option<Gender>, bool)> {
    if !t.is_word() {
        return None;
    }
    let section = if stressed {
        "stressed_pronouns"
    } else {
        "subject_pronouns"
    };
    if !LEXICON.is(section, &t.folded) {
        return None;
    }
    Some(pronoun_features(&t.folded))
}

/// The gender and number a personal pronoun tells ("elles": feminine plural).
fn pronoun_features(folded: &str) -> (Option<Gender>, bool) {
    match folded {
        "elle" => (Some(Gender::Feminine), false),
        "elles" => (Some(Gender::Feminine), true),
        "ils" | "eux" => (Some(Gender::Masculine), true),
        _ => (Some(Gender::Masculine), false),
    }
}

/// The pronoun at `i` as a phrase of its own.
pub fn pronoun_np(toks: &[Tok], i: usize) -> Np {
    let (gender, plural) = toks
        .get(i)
        .map_or((None, false), |t| pronoun_features(&t.folded));
    let mut np = empty(i, Head::Pronoun);
    np.end = i + 1;
    np.full_end = i + 1;
    np.gender = gender;
    np.plural = plural;
    np
}

fn empty(start: usize, head: Head) -> Np {
    Np {
        start,
        end: start,
        full_end: start,
        head,
        det: Det::None,
        role: None,
        name: None,
        acronym: None,
        noun: None,
        country: None,
        gender: None,
        plural: false,
        parts: Vec::new(),
        latter: false,
    }
}

fn parse_one(toks: &[Tok], i: usize, doc: &DocWords, mode: Mode) -> Option<Np> {
    let t = toks.get(i)?;
    if t.quote.is_some() {
        return None;
    }
    if pronoun(t, mode.stressed).is_some() {
        return Some(pronoun_np(toks, i));
    }
    // "ce dernier", "cette dernière", "ces derniers": the one named last.
    if (t.is("ce") || t.is("cette") || t.is("ces"))
        && toks.get(i + 1).is_some_and(|n| {
            ["dernier", "derniere", "derniers", "dernieres"].contains(&n.folded.as_str())
        })
        && !toks
            .get(i + 2)
            .is_some_and(|n| n.is_word() && LEXICON.noun(&n.folded).is_some())
    {
        let w = toks[i + 1].folded.as_str();
        let mut np = empty(i, Head::Pronoun);
        np.end = i + 2;
        np.full_end = i + 2;
        np.latter = true;
        np.plural = w.ends_with('s');
        np.gender = Some(if w.starts_with("derniere") {
            Gender::Feminine
        } else {
            Gender::Masculine
        });
        return Some(np);
    }
    let mut k = i;
    let mut det = Det::None;
    // "l'un des responsables": the phrase is the one after "des".
    if t.is("l")
        && toks.get(i + 1).is_some_and(|n| n.is("un") || n.is("une"))
        && toks.get(i + 2).is_some_and(|n| n.is("des") || n.is("d"))
    {
        k = i + 3;
        det = Det::Indefinite;
    } else if t.is("d") && toks.get(i + 1).is_some_and(|n| n.is("autres")) {
        // "d'autres sources"
        det = Det::Indefinite;
        k += 1;
    } else if is_determiner(t) && !["de", "d", "du", "au", "aux"].contains(&t.folded.as_str()) {
        det = determiner_kind(t);
        k += 1;
    }
    // "M. Bussereau", "Mme Martin", "Dr Lee": the title tells the gender and
    // is not part of the name.
    let mut honorific_gender = None;
    if let Some(h) = toks.get(k).filter(|h| h.is_word() && h.cap) {
        let gender = if lex_is("honorifics_m", h) {
            Some(Some(Gender::Masculine))
        } else if lex_is("honorifics_f", h) {
            Some(Some(Gender::Feminine))
        } else if lex_is("honorifics", h) {
            Some(None)
        } else {
            None
        };
        if let Some(g) = gender {
            let after = if toks.get(k + 1).is_some_and(|d| d.is_punct('.')) {
                k + 2
            } else {
                k + 1
            };
            if toks.get(after).is_some_and(|n| n.is_word() && n.cap) {
                k = after;
                honorific_gender = g;
            }
        }
    }
    // Up to two words before the head: numbers ("les trois magistrats") and
    // adjectives ("le même chauffeur", "une autre source", "premier ministre").
    let mut head_at = None;
    for skip in 0..3 {
        let h = k + skip;
        let Some(w) = toks.get(h) else { break };
        if w.quote.is_some() {
            break;
        }
        if w.is_word() && LEXICON.noun(&w.folded).is_some() {
            head_at = Some(h);
            break;
        }
        // "Premier ministre", "Haut représentant": a capitalised adjective before a function.
        let noun_next = toks
            .get(h + 1)
            .is_some_and(|n| n.is_word() && LEXICON.noun(&n.folded).is_some());
        if w.is_word() && w.cap && !(noun_next && place_at(toks, h).is_none() && det != Det::None) {
            head_at = Some(h);
            break;
        }
        let prenominal = w.is_word() && lex_is("prenominal", w);
        let modifier = prenominal
            || (w.is_word() && !w.cap && LEXICON.cardinals.contains_key(w.folded.as_str()))
            || w.kind == Kind::Number;
        // Without a determiner only a prenominal adjective may come first
        // ("ancien président", "Premier ministre").
        if !modifier || (det == Det::None && !prenominal) {
            break;
        }
    }
    let h = head_at?;
    let mut np = empty(i, Head::Noun);
    np.det = det;
    let ht = &toks[h];
    // "France Info", "France 24", "Radio France": a country inside a longer
    // name is not the country.
    let place = place_at(toks, h).filter(|&(_, _, end)| {
        !toks.get(end).is_some_and(|n| {
            n.quote.is_none()
                && ((n.is_word() && n.cap && !is_name_particle(n)) || n.kind == Kind::Number)
        })
    });
    if let Some((head, country, end)) = place {
        np.head = head;
        np.country = Some(country);
        np.name = Some((h, end));
        np.end = end;
        np.plural = head == Head::People;
    } else if let Some(noun) = LEXICON.noun(&ht.folded) {
        // A function or body, with its adjectives and complements.
        np.noun = Some(noun);
        np.gender = noun.gender;
        np.plural = noun.plural;
        let end = modifiers(toks, h + 1, doc, &mut np);
        np.role = Some((k, end));
        np.end = end;
        // A name right after the function: "le maire Gaël Perdriau", "le
        // syndicat CGT" (not after a text: in "les déclarations de la
        // secrétaire d'État Brune Poirson" the name is the secrétaire's).
        let nameable = !matches!(noun.kind, NounKind::Doc | NounKind::Info) || end == h + 1;
        if let Some(name_end) = name_at(toks, end, doc).filter(|_| nameable) {
            if place_at(toks, end).is_none_or(|(h, _, _)| h != Head::Metonym) {
                np.name = Some((end, name_end));
                np.end = name_end;
                if np.gender.is_none() {
                    np.gender = LEXICON.first_name(&toks[end].folded);
                }
            }
        } else if toks.get(end).is_some_and(|t| {
            t.cap && t.quote.is_none() && (t.is("le") || t.is("la") || t.is("les") || t.is("l"))
        }) && matches!(noun.kind, NounKind::Media | NounKind::Org)
        {
            // "le quotidien français Le Figaro": an outlet's name with its article.
            if let Some(name_end) = name_at(toks, end + 1, doc) {
                np.name = Some((end, name_end));
                np.end = name_end;
            }
        } else if let Some(Kind::QuoteOpen(q)) = toks.get(end).map(|t| t.kind) {
            // "le magazine « Ici Paris »": a title in quotation marks.
            let close = toks[end..]
                .iter()
                .position(|t| t.kind == Kind::QuoteClose(q))
                .map(|p| end + p);
            let titled = matches!(noun.kind, NounKind::Media | NounKind::Org | NounKind::Doc);
            if let Some(close) =
                close.filter(|&c| titled && c > end + 1 && c - end <= 6 && toks[end + 1].cap)
            {
                np.name = Some((end + 1, close));
                np.end = close + 1;
            }
        }
    } else if let Some(end) = name_at(toks, h, doc) {
        np.head = Head::Name;
        np.name = Some((h, end));
        np.end = end;
        np.gender = LEXICON.first_name(&toks[h].folded);
        // "Le Canard enchaîné", "La France insoumise": one lower-case word after a name with an article.
        if det != Det::None
            && toks.get(end).is_some_and(|w| {
                w.is_word()
                    && !w.cap
                    && w.quote.is_none()
                    && !is_verbish(w)
                    && !is_preposition(w)
                    && !lex_is("coordinators", w)
                    && !lex_is("relatives", w)
                    && !lex_is("object_clitics", w)
                    && !lex_is("adverbs", w)
                    && !is_infinitive(w)
            })
        {
            np.end = end + 1;
            np.name = Some((h, end + 1));
        }
    } else {
        return None;
    }
    if np.head == Head::Noun && np.country.is_none() {
        np.country = country_in(toks, np.start, np.end);
    }
    if honorific_gender.is_some() {
        np.gender = honorific_gender;
    }
    np.full_end = np.end;
    acronym_after(toks, &mut np);
    Some(np)
}

/// A determiner and an unknown noun with its complements ("le premier
/// substitut du procureur"), read as a person's function: only where the
/// sentence leaves no doubt that a speaker is named.
pub fn parse_generic(toks: &[Tok], i: usize, doc: &DocWords) -> Option<Np> {
    let t = toks.get(i)?;
    if t.quote.is_some() || !lex_is("definite", t) || lex_is("possessive", t) {
        return None;
    }
    let mut h = i + 1;
    while toks
        .get(h)
        .is_some_and(|w| w.is_word() && lex_is("prenominal", w))
        && h < i + 3
    {
        h += 1;
    }
    let w = toks.get(h)?;
    if !w.is_word()
        || w.cap
        || is_verbish(w)
        || is_preposition(w)
        || is_determiner(w)
        || LEXICON.is("adverbs", &w.folded)
    {
        return None;
    }
    let mut np = empty(i, Head::Noun);
    np.det = determiner_kind(t);
    let end = modifiers(toks, h + 1, doc, &mut np);
    // Qualified ("du procureur", "adjoint"), so that it reads as a function.
    if end == h + 1 {
        return None;
    }
    np.role = Some((i + 1, end));
    let end = match name_at(toks, end, doc) {
        Some(name_end) => {
            np.name = Some((end, name_end));
            name_end
        }
        None => end,
    };
    np.noun = Some(Noun {
        kind: NounKind::Person,
        gender: None,
        plural: t.is("les") || t.is("des"),
        entry: u16::MAX,
    });
    np.plural = t.is("les") || t.is("des");
    np.end = end;
    np.full_end = end;
    if np.country.is_none() {
        np.country = country_in(toks, i, end);
    }
    Some(np)
}

/// The country a demonym or a country name inside `a..b` points at.
pub fn country_in(toks: &[Tok], a: usize, b: usize) -> Option<usize> {
    (a..b).find_map(|k| {
        let t = &toks[k];
        if !t.is_word() {
            return None;
        }
        LEXICON
            .adjective_country(&t.folded)
            .or_else(|| place_at(toks, k).map(|(_, c, _)| c))
    })
}

/// Adjectives and complements after a head noun; returns the phrase's end.
fn modifiers(toks: &[Tok], mut k: usize, doc: &DocWords, np: &mut Np) -> usize {
    let mut end = k;
    let mut complements = 0;
    let mut adjectives = 0;
    while k < toks.len() {
        let t = &toks[k];
        if t.quote.is_some() || !t.is_wordlike() {
            break;
        }
        // A plain adjective ("russe", "proche", "civile").
        if t.is_word() && !t.cap && adjectives < 3 && is_adjective_like(t) {
            if let Some(c) = LEXICON.adjective_country(&t.folded) {
                np.country.get_or_insert(c);
            }
            adjectives += 1;
            k += 1;
            end = k;
            continue;
        }
        // A complement: "de la police", "du ministère", "des Affaires étrangères",
        // "à l'ONU", "et des Finances".
        let mut c = k;
        if t.is("et")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is("de") || n.is("des") || n.is("du") || n.is("d"))
        {
            c += 1;
        }
        let prep = &toks[c];
        let de = prep.is("de") || prep.is("du") || prep.is("des") || prep.is("d");
        let a =
            prep.is_word() && (prep.lower == "à" || prep.folded == "au" || prep.folded == "aux");
        if complements >= 4 || !(de || a) {
            break;
        }
        let mut j = c + 1;
        if toks
            .get(j)
            .is_some_and(|n| n.is("la") || n.is("l") || n.is("les") || n.is("le"))
        {
            j += 1;
        }
        let Some(w) = toks.get(j) else { break };
        if w.quote.is_some() || !w.is_word() || is_infinitive(w) || is_verbish(w) {
            break;
        }
        if a && !(w.cap || LEXICON.noun(&w.folded).is_some()) {
            break;
        }
        if is_determiner(w)
            || lex_is("relatives", w)
            || lex_is("object_clitics", w)
            || is_preposition(w)
        {
            break;
        }
        // The complement's own words: a name, or a noun with its adjectives.
        let mut e = if LEXICON.noun(&w.folded).is_some() && w.cap {
            // "secrétaire d'État Brune Poirson": a capitalised function word
            // ("État", "Défense") is the complement, not the start of a name.
            j + 1
        } else if let Some(name_end) = name_at(toks, j, doc) {
            name_end
        } else if let Some(name_end) = name_at(toks, j + 1, doc).filter(|_| {
            !LEXICON.is_first_name(&toks[j + 1].folded) && LEXICON.noun(&w.folded).is_some()
        }) {
            // "de la compagnie Flydubai"
            name_end
        } else {
            j + 1
        };
        while e < toks.len()
            && e - j < 4
            && toks[e].is_word()
            && toks[e].quote.is_none()
            && is_adjective_like(&toks[e])
        {
            e += 1;
        }
        if let Some(country) = country_in(toks, j, e) {
            np.country.get_or_insert(country);
        }
        complements += 1;
        adjectives = 0;
        k = e;
        end = e;
    }
    end
}

/// A lower-case word that may qualify a noun: not a grammatical word, not a verb.
fn is_adjective_like(t: &Tok) -> bool {
    t.is_word()
        && !t.cap
        && !is_verbish(t)
        && !is_determiner(t)
        && !is_preposition(t)
        && !lex_is("relatives", t)
        && !lex_is("coordinators", t)
        && !lex_is("object_clitics", t)
        && !lex_is("subject_pronouns", t)
        && !lex_is("adverbs", t)
        && !lex_is("negation", t)
        && !lex_is("subordinators", t)
        && !t.folded.ends_with("ment")
        && !is_infinitive(t)
        && LEXICON
            .noun(&t.folded)
            .is_none_or(|n| n.kind == NounKind::Person && !n.plural)
        && !matches!(
            t.folded.as_str(),
            "ce" | "cela"
                | "ceci"
                | "ca"
                | "tout"
                | "tous"
                | "toute"
                | "toutes"
                | "aussi"
                | "deja"
                | "encore"
                | "pour"
                | "sans"
        )
}

/// "(Insee)", "( LR )" after a phrase.
fn acronym_after(toks: &[Tok], np: &mut Np) {
    let k = np.end;
    if toks.get(k).is_some_and(|t| t.is_punct('('))
        && toks.get(k + 1).is_some_and(|t| t.is_word() && t.cap)
        && toks.get(k + 2).is_some_and(|t| t.is_punct(')'))
    {
        np.acronym = Some((k + 1, k + 2));
        np.end = k + 3;
        np.full_end = k + 3;
    }
}

fn coordination(toks: &[Tok], first: Np, doc: &DocWords, mode: Mode) -> Np {
    let inner = Mode {
        appositions: false,
        coordination: false,
        stressed: mode.stressed,
    };
    let mut parts = vec![first];
    let mut k = parts[0].full_end;
    while let Some(t) = toks.get(k) {
        let (joiner_end, last) = if t.is_punct(',') {
            (k + 1, false)
        } else if t.is("et") || t.is("ou") {
            (k + 1, true)
        } else {
            break;
        };
        let Some(next) = parse_one(toks, joiner_end, doc, inner) else {
            break;
        };
        let compatible = |a: &Np, b: &Np| {
            let placeish = |n: &Np| {
                matches!(
                    n.head,
                    Head::Country | Head::Metonym | Head::Seat | Head::People
                )
            };
            (placeish(a) && placeish(b))
                || (a.head == Head::Name && b.head == Head::Name)
                || (a.head == Head::Noun && b.head == Head::Noun)
                || (a.head == Head::Name && b.head == Head::Noun && b.det != Det::None)
                || (a.head == Head::Noun && b.head == Head::Name)
        };
        if next.head == Head::Pronoun || !compatible(&parts[0], &next) {
            break;
        }
        k = next.full_end;
        parts.push(next);
        if last {
            // A list is only a coordination when it ends with "et"/"ou".
            let mut np = empty(parts[0].start, Head::Coordination);
            np.end = k;
            np.full_end = k;
            np.plural = true;
            np.country = parts.iter().find_map(|p| p.country);
            np.parts = parts;
            return np;
        }
    }
    parts.swap_remove(0)
}

/// ", le porte-parole du ministère," after a name; ", Igor Konachenkov," after a function.
fn appositions(toks: &[Tok], np: &mut Np, doc: &DocWords) {
    let mut k = np.full_end;
    for _ in 0..3 {
        if !toks.get(k).is_some_and(|t| t.is_punct(',')) {
            break;
        }
        let mut seg = k + 1;
        // ", alors ministre du budget,", ", aujourd'hui président,"
        while toks.get(seg).is_some_and(|t| {
            t.is_word()
                && (LEXICON.is("adverbs", &t.folded) || t.is("alors"))
                && !t.is("lui")
                && !t.is("elle")
        }) && seg < k + 3
        {
            seg += 1;
        }
        let Some(first) = toks.get(seg) else { break };
        if first.quote.is_some() {
            break;
        }
        let mut seg_end = None;
        // A function after a name must be closed by punctuation: in
        // "Interrogé par Marianne, l'ancien chargé de mission assure", the
        // function is the next clause's subject, not Marianne's title.
        let mut role_to_name = false;
        let mut found: Option<Np> = None;
        if let Some(inner) = parse_one(toks, seg, doc, CORE) {
            let name_for_role = inner.head == Head::Name
                && np.name.is_none()
                && np.head == Head::Noun
                && np.kind() == Some(NounKind::Person);
            let role_for_name = inner.head == Head::Noun
                && np.head == Head::Name
                && !inner.plural
                && matches!(
                    inner.kind(),
                    Some(NounKind::Person) | Some(NounKind::Org) | Some(NounKind::Media)
                );
            if name_for_role || role_for_name {
                role_to_name = role_for_name;
                seg_end = Some(inner.end);
                found = Some(inner);
            }
        }
        // A participle or prepositional phrase: ", éliminé au deuxième tour,", ", à Lyon ,".
        let locative = first.is_word()
            && (first.lower == "à"
                || [
                    "au", "aux", "en", "dans", "chez", "depuis", "lors", "pendant", "sur", "pres",
                    "aupres", "vers",
                ]
                .contains(&first.folded.as_str()));
        let present_participle = first.is_word()
            && !first.cap
            && first.folded.ends_with("ant")
            && first.folded.len() > 4;
        if seg_end.is_none() && (looks_like_participle(first) || locative || present_participle) {
            let mut e = seg + 1;
            while e < toks.len()
                && e - seg < 24
                && !toks[e].is_punct(',')
                && !toks[e].is_punct('.')
                && !is_auxiliary(&toks[e])
            {
                // A short quotation inside ("des meurtres « odieux »") is part of it.
                if (matches!(toks[e].kind, Kind::QuoteOpen(_)) || toks[e].quote.is_some())
                    && toks[e..]
                        .iter()
                        .take_while(|t| !matches!(t.kind, Kind::QuoteClose(_)))
                        .count()
                        > 6
                {
                    break;
                }
                e += 1;
            }
            if toks.get(e).is_some_and(|t| t.is_punct(',')) {
                seg_end = Some(e);
            }
        }
        // After a name, any short description before the verb: "Eric
        // Drouet, Gilet jaune de Melun dit que", "X, figure du mouvement, a".
        // (Not a name itself: "au Sacré-cœur de Montmartre, Benjamin Cauchy
        // affirme" is a place, then the subject.)
        let names_someone = first.cap
            && (LEXICON.is_first_name(&first.folded)
                || toks.get(seg + 1).is_some_and(|n| n.cap && n.is_word()));
        if seg_end.is_none() && np.head == Head::Name && !first.is_punct('(') && !names_someone {
            let mut e = seg;
            while e < toks.len()
                && e - seg < 9
                && toks[e].quote.is_none()
                && !matches!(toks[e].kind, Kind::QuoteOpen(_) | Kind::Punct(_))
                && !is_verbish(&toks[e])
                && !lex_is("relatives", &toks[e])
                && !lex_is("subject_pronouns", &toks[e])
            {
                e += 1;
            }
            let closed = toks.get(e).is_some_and(|t| t.is_punct(','));
            let verb_next = toks
                .get(e)
                .is_some_and(|t| t.is_word() && !LEXICON.verb_forms(&t.lower).is_empty());
            if e > seg && (closed || verb_next) {
                seg_end = Some(e);
            }
        }
        let Some(mut e) = seg_end else { break };
        // A function may go on to the comma: "élu au Conseil régional et
        // membre de l'équipe de campagne en 2017,", "conseiller régional La
        // France insoumise (LFI),".
        let mut j = e;
        while j < toks.len()
            && j - e < 20
            && !toks[j].is_punct(',')
            && !toks[j].is_punct('.')
            && !toks[j].is_punct(';')
            && !toks[j].is_punct(':')
            && toks[j].quote.is_none()
            && !matches!(toks[j].kind, Kind::QuoteOpen(_))
            && !is_verbish(&toks[j])
            && !toks[j].is("qui")
            && !toks[j].is("que")
        {
            j += 1;
        }
        if j > e && toks.get(j).is_some_and(|t| t.is_punct(',')) {
            e = j;
        }
        // The apposition must end the phrase: a comma, the end, or a bracket.
        let closes = toks.get(e).is_none_or(|t| {
            t.is_punct(',') || t.is_punct('.') || t.is_punct(')') || t.is_punct(':')
        }) || (!role_to_name
            && toks.get(e).is_some_and(|t| is_verbish(t) || t.is("qui")));
        if !closes {
            break;
        }
        // Only now, closed, does the apposition say something of the phrase.
        if let Some(inner) = found {
            if role_to_name {
                if np.role.is_none() {
                    np.role = inner.role;
                    np.noun = inner.noun;
                    // "une représentante" tells a person's gender; "organisme"
                    // says nothing of how the text refers to a body.
                    if np.gender.is_none() && inner.kind() == Some(NounKind::Person) {
                        np.gender = inner.gender;
                    }
                    if np.country.is_none() {
                        np.country = inner.country;
                    }
                }
            } else {
                np.name = inner.name;
                if np.gender.is_none() {
                    np.gender = inner.gender;
                }
            }
        }
        np.full_end = e;
        k = e;
    }
}

fn looks_like_participle(t: &Tok) -> bool {
    t.is_word()
        && !t.cap
        && t.folded.chars().count() > 3
        && !is_auxiliary(t)
        && !lex_is("relatives", t)
        && !lex_is("stressed_pronouns", t)
        && [
            "é", "ée", "és", "ées", "i", "ie", "is", "u", "ue", "us", "it", "ite", "its",
        ]
        .iter()
        .any(|s| t.lower.ends_with(s))
}

/// The words of a token range as written in `text` (from the first token's
/// start to the last one's end).
pub fn span_text<'a>(text: &'a str, toks: &[Tok], a: usize, b: usize) -> &'a str {
    if a >= b || b > toks.len() {
        return "";
    }
    text.get(toks[a].start..toks[b - 1].end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::read_block;

    fn np_of(
        text: &str,
        at_word: &str,
        mode: Mode,
    ) -> (String, Option<String>, Option<String>, Head) {
        let mut quotes = Vec::new();
        let sentences = read_block(text, 0, text.len(), &[], 0, &mut quotes);
        let toks = &sentences[0].toks;
        let mut doc = DocWords::default();
        doc.learn(toks);
        let i = toks.iter().position(|t| t.folded == at_word).expect("word");
        let np = parse(toks, i, &doc, mode).expect("a phrase");
        (
            span_text(text, toks, np.start, np.full_end).to_owned(),
            np.role.map(|(a, b)| span_text(text, toks, a, b).to_owned()),
            np.name.map(|(a, b)| span_text(text, toks, a, b).to_owned()),
            np.head,
        )
    }

    #[test]
    fn functions_with_complements_and_names() {
        let (_, role, name, _) = np_of(
            "De son côté, le porte-parole du ministère, Igor Konachenkov, a indiqué",
            "le",
            SUBJECT,
        );
        assert_eq!(role.as_deref(), Some("porte-parole du ministère"));
        assert_eq!(name.as_deref(), Some("Igor Konachenkov"));
        let (_, role, name, _) = np_of(
            "Le ministre russe de la Défense Sergueï Choïgou a tenu",
            "le",
            SUBJECT,
        );
        assert_eq!(role.as_deref(), Some("ministre russe de la Défense"));
        assert_eq!(name.as_deref(), Some("Sergueï Choïgou"));
        let (_, role, _, _) = np_of("selon la procureure de Grasse.", "la", AFTER_MARKER);
        assert_eq!(role.as_deref(), Some("procureure de Grasse"));
    }

    #[test]
    fn names_with_appositions_and_places() {
        let (full, role, name, head) = np_of(
            "Ghaith al Ghaith, le PDG de la compagnie Flydubai, a annoncé",
            "ghaith",
            SUBJECT,
        );
        assert_eq!(name.as_deref(), Some("Ghaith al Ghaith"));
        assert_eq!(role.as_deref(), Some("PDG de la compagnie Flydubai"));
        assert_eq!(full, "Ghaith al Ghaith, le PDG de la compagnie Flydubai");
        assert_eq!(head, Head::Name);
        let (_, _, _, head) = np_of("Selon Bakou, rien.", "bakou", AFTER_MARKER);
        assert_eq!(head, Head::Metonym);
    }

    #[test]
    fn coordinations_end_with_et() {
        let (full, _, _, head) = np_of(
            "La France, la Russie et les États-Unis ont mis en garde",
            "la",
            SUBJECT,
        );
        assert_eq!(head, Head::Coordination);
        assert_eq!(full, "La France, la Russie et les États-Unis");
    }
}
