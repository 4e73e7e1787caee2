//! Who is who in a document: every source it names, the names and functions
//! it gives them, and which phrase ("il", "son commandant", "le ministre russe
//! des Affaires étrangères", "Bakou", "le document") stands for which source.

use super::lexicon::{Gender, LEXICON, NounKind};
use super::np::{Det, Head, Np, span_text};
use super::tokens::Tok;
use crate::text::{fold, is_stopword};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    Group,
    Organisation,
    Media,
    Document,
    Country,
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Role {
    /// Index of the head noun's lexicon entry.
    pub entry: u16,
    /// Folded content words of the function ("porte-parole", "ministere").
    pub words: Vec<String>,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub canonical: String,
    pub kind: SpeakerKind,
    /// Folded names ("igor konachenkov").
    pub names: Vec<String>,
    pub roles: Vec<Role>,
    pub gender: Option<Gender>,
    pub plural: bool,
    pub country: Option<usize>,
    /// Every country a group speaks for ("La France, la Russie et les États-Unis").
    pub countries: Vec<usize>,
    /// Phrases the document used for it, as written.
    pub aliases: Vec<String>,
    /// Sentence of the last mention, for recency.
    pub last_seen: usize,
}

impl Entity {
    pub fn side(&self) -> Option<String> {
        if self.countries.len() > 1 {
            let names: Vec<&str> = self
                .countries
                .iter()
                .map(|&c| LEXICON.countries[c].name.as_str())
                .collect();
            return Some(names.join(", "));
        }
        self.country.map(|c| LEXICON.countries[c].name.clone())
    }

    fn add_alias(&mut self, alias: &str) {
        let alias = alias.trim();
        if !alias.is_empty() && !self.aliases.iter().any(|a| a == alias) && self.aliases.len() < 16
        {
            self.aliases.push(alias.to_owned());
        }
    }

    fn add_role(&mut self, role: Role) {
        if !self.roles.iter().any(|r| r.text == role.text) && self.roles.len() < 8 {
            self.roles.push(role);
        }
    }

    fn words(&self) -> impl Iterator<Item = &String> {
        self.roles.iter().flat_map(|r| r.words.iter())
    }
}

/// Content words of a phrase, folded, without stop words.
fn content_words(text: &str) -> Vec<String> {
    super::tokens::words_of(text)
        .into_iter()
        .filter(|w| !is_stopword(w) && w.len() > 1)
        .collect()
}

fn kind_of_noun(kind: NounKind) -> SpeakerKind {
    match kind {
        NounKind::Person => SpeakerKind::Person,
        NounKind::Group => SpeakerKind::Group,
        NounKind::Org => SpeakerKind::Organisation,
        NounKind::Media => SpeakerKind::Media,
        NounKind::Doc | NounKind::Info => SpeakerKind::Document,
    }
}

/// The sources of one document.
#[derive(Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
}

/// What a phrase says about its source, read off the tokens.
struct Reading {
    name: Option<String>,
    name_text: Option<String>,
    role: Option<Role>,
    role_text: Option<String>,
    acronym: Option<String>,
}

fn reading(text: &str, toks: &[Tok], np: &Np) -> Reading {
    let name_text = np.name.map(|(a, b)| span_text(text, toks, a, b).to_owned());
    let role_text = np.role.map(|(a, b)| span_text(text, toks, a, b).to_owned());
    let role = match (np.noun, &role_text) {
        (Some(noun), Some(t)) => Some(Role {
            entry: noun.entry,
            words: content_words(t),
            text: t.clone(),
        }),
        _ => None,
    };
    Reading {
        name: name_text
            .as_deref()
            .map(|n| fold(n).replace('\u{2019}', "'")),
        name_text,
        role,
        role_text,
        acronym: np
            .acronym
            .map(|(a, b)| span_text(text, toks, a, b).to_owned()),
    }
}

/// "la Défense arménienne" → "ministère arménien de la Défense".
fn ministry_name(toks: &[Tok], np: &Np) -> Option<String> {
    let (a, b) = np.role?;
    let head = toks
        .get(a..b)?
        .iter()
        .find(|t| t.is_word() && LEXICON.noun(&t.folded).is_some())?;
    if !head.cap || np.name.is_some() {
        return None;
    }
    let domain = match head.folded.as_str() {
        "defense" => "de la Défense",
        "diplomatie" => "des Affaires étrangères",
        "interieur" => "de l'Intérieur",
        _ => return None,
    };
    let country = np.country?;
    let adjective = LEXICON.countries[country].adjective.as_deref()?;
    Some(format!("ministère {adjective} {domain}"))
}

impl Registry {
    fn find_name(&self, name: &str) -> Option<usize> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let last = *words.last()?;
        // The same name, or a surname for a full name, or a full name for a surname.
        self.entities
            .iter()
            .position(|e| e.names.iter().any(|n| n == name))
            .or_else(|| {
                self.entities.iter().position(|e| {
                    e.names.iter().any(|n| {
                        let theirs: Vec<&str> = n.split_whitespace().collect();
                        (words.len() == 1 && theirs.len() > 1 && theirs.last() == Some(&last))
                            || (theirs.len() == 1 && words.len() > 1 && theirs[0] == last)
                    })
                })
            })
    }

    fn find_canonical(&self, canonical: &str) -> Option<usize> {
        let key = fold(canonical);
        self.entities.iter().position(|e| fold(&e.canonical) == key)
    }

    /// The one organisation of the document named `name` with its country's
    /// adjective ("ministère arménien de la Défense" for "ministère de la
    /// Défense"), if exactly one is known.
    fn same_organisation_with_its_country(&self, name: &str) -> Option<usize> {
        let key = fold(name);
        let mut found = self.entities.iter().enumerate().filter(|(_, e)| {
            let canonical = fold(&e.canonical);
            let words: Vec<&str> = canonical.split(' ').collect();
            let without: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| LEXICON.adjective_country(w).is_none())
                .collect();
            e.kind == SpeakerKind::Organisation
                && without.len() < words.len()
                && without.join(" ") == key
        });
        let first = found.next()?.0;
        found.next().is_none().then_some(first)
    }

    /// The entity named `canonical`, or a new one of `kind` completed by `fill`.
    fn find_or_add(
        &mut self,
        canonical: String,
        kind: SpeakerKind,
        sentence: usize,
        fill: impl FnOnce(&mut Entity),
    ) -> usize {
        if let Some(i) = self.find_canonical(&canonical) {
            return i;
        }
        let mut e = Self::new_entity(canonical, kind, sentence);
        fill(&mut e);
        self.push(e)
    }

    fn push(&mut self, entity: Entity) -> usize {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    fn new_entity(canonical: String, kind: SpeakerKind, sentence: usize) -> Entity {
        Entity {
            canonical,
            kind,
            names: Vec::new(),
            roles: Vec::new(),
            gender: None,
            plural: false,
            country: None,
            countries: Vec::new(),
            aliases: Vec::new(),
            last_seen: sentence,
        }
    }

    /// Registers what a phrase teaches (a name with its function) without
    /// resolving anything: the first pass over a document, so that "son
    /// commandant" can find a commander named later.
    pub fn learn(&mut self, text: &str, toks: &[Tok], np: &Np, sentence: usize) {
        let r = reading(text, toks, np);
        if r.name.is_some() {
            if np.head == Head::Noun || np.head == Head::Name {
                let idx = self.named(&r, np, sentence);
                self.entities[idx].last_seen = 0;
            }
        } else if np.kind() == Some(NounKind::Doc) && np.det == Det::Indefinite {
            // "une déclaration commune": a document later called "le document".
            if let Some(t) = &r.role_text
                && self.find_canonical(t).is_none()
            {
                let mut e = Self::new_entity(t.clone(), SpeakerKind::Document, 0);
                if let Some(role) = r.role.clone() {
                    e.add_role(role);
                }
                e.add_alias(t);
                self.push(e);
            }
        }
    }

    /// A person's function and country learnt from a shared-out phrase ("les
    /// Présidents russe et azerbaïdjanais, Vladimir Poutine et Ilham Aliev").
    pub fn learn_function(&mut self, name_text: &str, head: &str, entry: u16, country: usize) {
        let name = fold(name_text);
        let idx = match self.find_name(&name) {
            Some(i) => i,
            None => {
                let mut e = Self::new_entity(name_text.to_owned(), SpeakerKind::Person, 0);
                e.names.push(name.clone());
                self.push(e)
            }
        };
        let adjective = LEXICON.countries[country]
            .adjective
            .clone()
            .unwrap_or_default();
        let text = format!("{head} {adjective}");
        let e = &mut self.entities[idx];
        e.country.get_or_insert(country);
        e.add_role(Role {
            entry,
            words: content_words(&text),
            text,
        });
    }

    /// Two countries speaking together ("les deux pays").
    pub fn pair(&mut self, a: usize, b: usize, sentence: usize) -> usize {
        let canonical = format!(
            "{} et {}",
            LEXICON.countries[a].name, LEXICON.countries[b].name
        );
        if let Some(i) = self.find_canonical(&canonical) {
            return i;
        }
        let mut e = Self::new_entity(canonical, SpeakerKind::Group, sentence);
        e.plural = true;
        e.countries = vec![a, b];
        self.push(e)
    }

    /// The entity of a named phrase, created when new.
    fn named(&mut self, r: &Reading, np: &Np, sentence: usize) -> usize {
        let name = r.name.clone().unwrap_or_default();
        let name_text = r.name_text.clone().unwrap_or_default();
        let noun_kind = np.kind();
        let idx = match self.find_name(&name) {
            Some(i) => {
                let e = &mut self.entities[i];
                // A fuller name replaces a surname ("Trump" → "Donald Trump").
                if name.split_whitespace().count() > fold(&e.canonical).split_whitespace().count()
                    && e.kind != SpeakerKind::Country
                    && !matches!(
                        noun_kind,
                        Some(NounKind::Org) | Some(NounKind::Doc) | Some(NounKind::Media)
                    )
                {
                    e.canonical = name_text.clone();
                }
                if !e.names.contains(&name) {
                    e.names.push(name.clone());
                }
                // "Chevallier", then "Philippe Chevallier": a person.
                if e.kind == SpeakerKind::Unknown
                    && LEXICON.is_first_name(name.split_whitespace().next().unwrap_or(""))
                {
                    e.kind = SpeakerKind::Person;
                }
                i
            }
            None => {
                let kind = match noun_kind {
                    Some(k) => kind_of_noun(k),
                    None if LEXICON.is_first_name(name.split_whitespace().next().unwrap_or("")) => {
                        SpeakerKind::Person
                    }
                    None => SpeakerKind::Unknown,
                };
                // "le gouvernement Assad", "le sondage Odoxa": the body and its name.
                let canonical = match (noun_kind, &r.role_text) {
                    (Some(NounKind::Org) | Some(NounKind::Doc), Some(role))
                        if !name_text.chars().all(|c| !c.is_lowercase())
                            && name.split_whitespace().count() == 1 =>
                    {
                        format!("{role} {name_text}")
                    }
                    _ => name_text.clone(),
                };
                let mut e = Self::new_entity(canonical, kind, sentence);
                e.names.push(name.clone());
                self.push(e)
            }
        };
        let e = &mut self.entities[idx];
        if let Some(role) = r.role.clone() {
            if e.kind == SpeakerKind::Unknown
                && let Some(k) = noun_kind
            {
                e.kind = kind_of_noun(k);
            }
            e.add_role(role);
        }
        if let Some(acr) = &r.acronym {
            let a = fold(acr);
            if !e.names.contains(&a) {
                e.names.push(a);
            }
        }
        if e.gender.is_none() {
            e.gender = np.gender;
        }
        if e.country.is_none() {
            e.country = np.country;
        }
        e.last_seen = e.last_seen.max(sentence);
        idx
    }

    /// The source a phrase stands for; `last_speaker` is the speaker of the
    /// previous statement (a definite function with no holder is taken as a
    /// second way of naming them: "a déclaré Sergueï Lavrov … expose le
    /// ministre russe des Affaires étrangères"). Pronouns are resolved by the caller.
    pub fn resolve(
        &mut self,
        text: &str,
        toks: &[Tok],
        np: &Np,
        sentence: usize,
        candidates: &[(usize, usize)],
    ) -> Option<usize> {
        let alias = span_text(text, toks, np.start, np.end).to_owned();
        let idx = self.resolve_inner(text, toks, np, sentence, candidates)?;
        let e = &mut self.entities[idx];
        e.add_alias(&alias);
        e.last_seen = e.last_seen.max(sentence);
        Some(idx)
    }

    fn resolve_inner(
        &mut self,
        text: &str,
        toks: &[Tok],
        np: &Np,
        sentence: usize,
        candidates: &[(usize, usize)],
    ) -> Option<usize> {
        match np.head {
            Head::Pronoun => None,
            Head::Coordination => {
                let parts: Vec<usize> = np
                    .parts
                    .iter()
                    .filter_map(|p| self.resolve_inner(text, toks, p, sentence, &[]))
                    .collect();
                if parts.is_empty() {
                    return None;
                }
                let names: Vec<String> = parts
                    .iter()
                    .map(|&p| self.entities[p].canonical.clone())
                    .collect();
                let canonical = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} et {last}", rest.join(", "))
                    }
                    _ => names.join(""),
                };
                if let Some(i) = self.find_canonical(&canonical) {
                    return Some(i);
                }
                let mut e = Self::new_entity(canonical, SpeakerKind::Group, sentence);
                e.plural = true;
                e.country = np.country;
                for &p in &parts {
                    let n = self.entities[p].canonical.clone();
                    e.add_alias(&n);
                    if let Some(c) = self.entities[p].country
                        && !e.countries.contains(&c)
                    {
                        e.countries.push(c);
                    }
                }
                Some(self.push(e))
            }
            Head::Country | Head::Metonym => {
                let c = np.country?;
                let canonical = LEXICON.countries[c].name.clone();
                Some(
                    self.find_or_add(canonical, SpeakerKind::Country, sentence, |e| {
                        e.country = Some(c);
                    }),
                )
            }
            Head::Seat => {
                let (a, b) = np.name?;
                let key = super::tokens::words_of(span_text(text, toks, a, b)).join(" ");
                let (c, name) = LEXICON.seat(&key)?;
                Some(
                    self.find_or_add(name.to_owned(), SpeakerKind::Organisation, sentence, |e| {
                        e.country = Some(c)
                    }),
                )
            }
            Head::People => {
                let (a, b) = np.name?;
                let canonical = span_text(text, toks, a, b).to_owned();
                Some(
                    self.find_or_add(canonical, SpeakerKind::Group, sentence, |e| {
                        e.country = np.country;
                        e.plural = true;
                    }),
                )
            }
            Head::Name => {
                let r = reading(text, toks, np);
                Some(self.named(&r, np, sentence))
            }
            Head::Noun => {
                let r = reading(text, toks, np);
                if r.name.is_some() {
                    return Some(self.named(&r, np, sentence));
                }
                let noun = np.noun?;
                // "le ministère de la Défense" after "le ministère arménien de
                // la Défense": the one the article already named.
                if np.country.is_none()
                    && let Some(plain) = ministry_name(toks, np).or_else(|| r.role_text.clone())
                    && let Some(idx) = self.same_organisation_with_its_country(&plain)
                {
                    return Some(idx);
                }
                if let Some(name) = ministry_name(toks, np) {
                    let idx = self.find_or_add(name, SpeakerKind::Organisation, sentence, |e| {
                        e.country = np.country;
                    });
                    if let Some(role) = r.role.clone() {
                        self.entities[idx].add_role(role);
                    }
                    return Some(idx);
                }
                let role = r.role.clone()?;
                let role_text = r.role_text.clone().unwrap_or_default();
                if let Some(acr) = &r.acronym {
                    let key = fold(acr);
                    let idx = self.find_name(&key).unwrap_or_else(|| {
                        let mut e =
                            Self::new_entity(role_text.clone(), kind_of_noun(noun.kind), sentence);
                        e.names.push(key);
                        e.country = np.country;
                        self.entities.push(e);
                        self.entities.len() - 1
                    });
                    self.entities[idx].add_role(role);
                    return Some(idx);
                }
                let kind = kind_of_noun(noun.kind);
                // A document: "le document", "le texte" is the last one introduced.
                if noun.kind == NounKind::Doc
                    && np.det == Det::Definite
                    && let Some(i) = self
                        .entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.kind == SpeakerKind::Document)
                        .map(|(i, _)| i)
                        .next_back()
                {
                    return Some(i);
                }
                // The same function already held by someone: "son commandant",
                // "le ministère", "la procureure de Grasse" again.
                if np.det != Det::Indefinite {
                    let words = &role.words;
                    let head_word = LEXICON
                        .noun_lemmas
                        .get(role.entry as usize)
                        .cloned()
                        .unwrap_or_default();
                    let matches: Vec<usize> = self
                        .entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| {
                            e.roles.iter().any(|er| er.entry == role.entry)
                                && words.iter().all(|w| {
                                    *w == head_word
                                        || e.words().any(|x| x == w)
                                        || fold(&e.canonical).contains(w.as_str())
                                        || e.country.is_some_and(|c| {
                                            LEXICON.adjective_country(w) == Some(c)
                                        })
                                })
                        })
                        .map(|(i, _)| i)
                        .collect();
                    // The most recent before, else the first named after (cataphora).
                    let best = matches
                        .iter()
                        .copied()
                        .filter(|&i| self.entities[i].last_seen <= sentence)
                        .max_by_key(|&i| self.entities[i].last_seen)
                        .or_else(|| matches.first().copied());
                    if let Some(i) = best {
                        return Some(i);
                    }
                    // A definite function nobody holds yet: another name for
                    // the source in focus (the first candidate of its kind).
                    if np.det == Det::Definite || np.det == Det::Possessive {
                        let of_kind = candidates.iter().copied().find(|&(c, _)| {
                            let e = &self.entities[c];
                            match kind {
                                SpeakerKind::Person => {
                                    e.kind == SpeakerKind::Person && !e.names.is_empty()
                                }
                                SpeakerKind::Organisation | SpeakerKind::Media => matches!(
                                    e.kind,
                                    SpeakerKind::Organisation
                                        | SpeakerKind::Media
                                        | SpeakerKind::Unknown
                                ),
                                _ => false,
                            }
                        });
                        if let Some((c, distance)) = of_kind {
                            let e = &self.entities[c];
                            // A bare function ("l'agence", "le candidat") may rename
                            // anyone; a qualified one ("la police russe") only a
                            // source with no other function.
                            let bare = role.words.len() <= 1;
                            let conflicting =
                                !bare && e.roles.iter().any(|er| er.entry != role.entry);
                            let plural_ok = e.plural == noun.plural;
                            let same_side = np
                                .country
                                .is_none_or(|c| e.country.is_none_or(|ec| ec == c));
                            // A qualified function renames only a speaker of the
                            // last sentences ("… a déclaré Sergueï Lavrov. « … »,
                            // expose le ministre russe des Affaires étrangères").
                            let near = bare || distance <= 2;
                            if !conflicting && plural_ok && same_side && near {
                                let e = &mut self.entities[c];
                                e.add_role(role);
                                if e.country.is_none() {
                                    e.country = np.country;
                                }
                                return Some(c);
                            }
                        }
                    }
                }
                let canonical = role_text;
                if (np.det != Det::Indefinite || noun.kind != NounKind::Person)
                    && let Some(i) = self.find_canonical(&canonical)
                {
                    return Some(i);
                }
                let mut e = Self::new_entity(canonical, kind, sentence);
                e.gender = np.gender;
                e.plural = np.plural;
                e.country = np.country;
                e.add_role(role);
                Some(self.push(e))
            }
        }
    }
}
