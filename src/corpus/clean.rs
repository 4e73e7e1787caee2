//! What is article text and what is the page around it.
//!
//! Each paragraph of a document gets a kind (title, heading, body, caption,
//! dateline, boilerplate) from general signals, combined:
//!
//! - patterns of page furniture (`data/furniture_fr.txt`): credits ("- Avec
//!   AFP", "Source : Reuters"), bylines, "Lire aussi", calls to follow or
//!   subscribe, share widgets, adverts, copyright lines, publication stamps,
//!   editors' slugs ("dch/reb/shu"), cookie-consent vocabulary;
//! - captions and photo credits ("©", "Photo :", "(image d'illustration)",
//!   "NOM / AFP");
//! - lines repeated across the documents of the corpus;
//! - where a paragraph stands: page furniture gathers before and after the
//!   article. The leading and trailing *zones* are the runs of paragraphs at
//!   either end that are furniture, captions or short lines without sentence
//!   structure; there, weaker signals suffice (one consent phrase, a line
//!   repeated in three documents), and a short line next to furniture
//!   ("Raconter l'actualité", "OK") goes with it. Between the zones only
//!   strong signals remove anything, so headings and short paragraphs of the
//!   article stay whole.

use super::lexicon::{self, FURNITURE, contains_phrase, key, starts_with_phrase};
use super::prepare::Hint;
use super::{BlockKind, Reason};

/// A paragraph as the cleaner sees it.
pub struct Para<'a> {
    pub text: &'a str,
    pub hint: Hint,
    /// Documents of the corpus in which the same line occurs (this one
    /// included); 1 when unknown.
    pub repeated: u32,
}

/// How many documents must share a line for it to count as furniture.
#[derive(Clone, Copy, Debug)]
pub struct Repetition {
    /// In the leading and trailing zones.
    pub zone: u32,
    /// Between them (short lines only).
    pub inner: u32,
}

impl Repetition {
    pub fn for_corpus(documents: usize) -> Repetition {
        Repetition {
            zone: 3,
            inner: (documents as u32 / 200).max(3),
        }
    }
}

/// What the cleaner knows of the document besides its paragraphs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The title given outside the text (`.jsonl` field, HTML, front
    /// matter): a first paragraph equal to it is the title block.
    pub known_title: Option<&'a str>,
    /// The first paragraph may be a headline (plain text and Markdown files
    /// have no other place for one).
    pub headline_first: bool,
}

struct Features {
    key: String,
    words: usize,
    sentence: bool,
    short: bool,
    reason: Option<Reason>,
    caption: bool,
    consentish: bool,
    /// Words of the consent vocabulary in the line.
    consent_words: usize,
    bare_related: bool,
}

/// Words as a reader counts them ("cessez-le-feu", "l'accord" are one).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The text without closing quotes, brackets and spaces at its end.
fn core_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '»' | '"' | '”' | ')' | ']' | '’' | '\'' | '*')
    })
}

/// Sentence structure: a complete sentence of some length, or a long run
/// of words (a paragraph cut short still reads as text).
pub fn is_sentence(text: &str, words: usize) -> bool {
    let ends = core_end(text).ends_with(['.', '!', '?', '…', ':', ';']);
    (words >= 5 && ends) || words >= 16
}

fn first_char(text: &str) -> Option<char> {
    text.chars().find(|c| !c.is_whitespace())
}

/// Words of the raw text that contain a letter or digit.
fn raw_words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Consumes `tokens` with the given phrases (keys) and filler words; true
/// when everything is consumed and at least one phrase matched.
fn made_of(tokens: &[&str], phrases: &[&[String]], fillers: &[&str]) -> (bool, usize) {
    let mut i = 0;
    let mut matched = 0;
    'outer: while i < tokens.len() {
        for list in phrases {
            for p in list.iter() {
                if let Some(n) = phrase_at(tokens, i, p) {
                    i += n;
                    matched += 1;
                    continue 'outer;
                }
            }
        }
        if fillers.contains(&tokens[i]) {
            i += 1;
            continue;
        }
        return (false, matched);
    }
    (matched > 0, matched)
}

/// The number of tokens `phrase` (a key) takes at `tokens[i..]`, if it is
/// there.
pub fn phrase_at(tokens: &[&str], i: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for word in phrase.split(' ') {
        if tokens.get(i + n) != Some(&word) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

fn agency_keys() -> Vec<String> {
    let mut keys: Vec<String> = lexicon::AGENCIES
        .iter()
        .filter(|a| a.text)
        .flat_map(|a| a.keys.iter().cloned())
        .collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    keys
}

static TEXT_AGENCY_KEYS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(agency_keys);

/// "AFP", "avec AFP et Reuters", "(Avec agences)".
fn is_agency_list(tokens: &[&str]) -> bool {
    made_of(tokens, &[&TEXT_AGENCY_KEYS], &["avec", "et", "and", "with"]).0
}

/// A credit line for the text: "- Avec AFP", "Source : Reuters", "Le
/// Monde avec AFP", "(AFP)".
fn is_credit(text: &str, k: &str, words: usize) -> bool {
    if words > 10 || core_end(text).ends_with('.') && words > 4 {
        return false;
    }
    let tokens: Vec<&str> = k.split(' ').collect();
    if is_agency_list(&tokens) {
        return true;
    }
    if matches!(tokens.first(), Some(&"source") | Some(&"sources")) && words <= 8 {
        let after = text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split_once(|c: char| !c.is_alphanumeric())
            .map_or("", |(_, rest)| rest)
            .trim_start();
        return after.starts_with(':') || is_agency_list(&tokens[1..]);
    }
    // "Le Monde avec AFP": a short name, then the agencies.
    if let Some(at) = tokens.iter().position(|&t| t == "avec")
        && (1..=5).contains(&at)
        && tokens[0] != "par"
        && is_agency_list(&tokens[at..])
    {
        return true;
    }
    false
}

/// "Par Jean Dupont", "Propos recueillis par Anne Martin", "De notre
/// correspondant à Moscou".
fn is_byline(text: &str, k: &str, words: usize) -> bool {
    if words > 12 || core_end(text).ends_with(['.', '!', '?', ':']) && words > 6 {
        return false;
    }
    let raw = raw_words(text);
    FURNITURE.byline.iter().any(|p| {
        if !starts_with_phrase(k, p) {
            return false;
        }
        let n = p.split(' ').count();
        // "Par ailleurs" is a sentence; "Par Jean Dupont" a byline.
        p.starts_with("de no")
            || raw
                .get(n)
                .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
                .is_some_and(char::is_uppercase)
    })
}

/// "dch/reb/shu", "bur-kd-rap/mw/fjb": an editor's slug.
fn is_slug(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ')
        && t.contains('/')
        && t.len() <= 60
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '/' | '-'))
}

/// The phrase that opens `k` from `list`, with the rest of the text after
/// it starting with a separator (":", ">", "»", "|", "-", "→") or nothing.
fn opens_with<'a>(k: &str, list: &'a [String]) -> Option<&'a String> {
    list.iter().find(|p| starts_with_phrase(k, p))
}

fn separator_after(text: &str, phrase_words: usize) -> bool {
    // Skip the phrase's words in the raw text, then look at what follows.
    let mut rest = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    for _ in 0..phrase_words {
        rest = rest.trim_start_matches(|c: char| c.is_alphanumeric());
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && !is_separator(c));
        if rest.starts_with(is_separator) {
            return true;
        }
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    }
    rest.trim_start().is_empty() || rest.trim_start().starts_with(is_separator)
}

fn is_separator(c: char) -> bool {
    matches!(c, ':' | '>' | '»' | '|' | '→' | '-' | '–' | '—' | '►' | '▶')
}

fn addresses_reader(k: &str) -> bool {
    ["vous", "votre", "vos"]
        .iter()
        .any(|w| k.split(' ').any(|t| t == *w))
}

/// Strong signals of furniture, true wherever the line stands.
fn strong_reason(text: &str, k: &str, words: usize, sentence: bool) -> Option<Reason> {
    let f = &*FURNITURE;
    if !text.chars().any(char::is_alphanumeric) {
        return Some(Reason::Furniture); // "* * *", "—", "•"
    }
    let quoted = first_char(text).is_some_and(|c| matches!(c, '«' | '"' | '“'));
    if let Some(p) = opens_with(k, &f.related) {
        let bare = k.len() == p.len();
        if bare || separator_after(text, p.split(' ').count()) || (words <= 16 && !sentence) {
            return Some(Reason::Related);
        }
    }
    if !quoted {
        if let Some(_p) = opens_with(k, &f.cta) {
            let channel = f.channel_set.any(&k.split(' ').collect::<Vec<_>>(), false);
            if (words <= 12 && !core_end(text).ends_with('.')) || (channel && words <= 30) {
                return Some(Reason::CallToAction);
            }
        }
        // "Pour ne rien manquer, abonnez-vous à notre newsletter."
        let tokens: Vec<&str> = k.split(' ').collect();
        let imperative = words <= 30 && f.imperative_set.any(&tokens, false);
        if imperative && f.channel_set.any(&tokens, false) {
            return Some(Reason::CallToAction);
        }
    }
    if words <= 10 {
        let tokens: Vec<&str> = k.split(' ').collect();
        let (all, matched) = made_of(
            &tokens,
            &[&f.share, &f.channels],
            &[
                "cet", "ce", "cette", "la", "le", "les", "l", "par", "sur", "et", "de", "du", "a",
            ],
        );
        let all = all || {
            // "0 commentaire", "12 commentaires"
            let words: Vec<&str> = tokens
                .iter()
                .copied()
                .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
                .collect();
            words.len() < tokens.len() && made_of(&words, &[&f.share], &[]).0
        };
        // A share verb, or several channels in a row ("Facebook Twitter").
        let verb = f.share_set.any(&tokens, false);
        if all && (verb || matched >= 2) && !k.contains(" et ") {
            return Some(Reason::Share);
        }
        if f.advert.iter().any(|a| k == a) {
            return Some(Reason::Advert);
        }
    }
    if words <= 25
        && f.copyright_set
            .any(&k.split(' ').collect::<Vec<_>>(), false)
    {
        return Some(Reason::Copyright);
    }
    if text.trim_start().starts_with('©')
        && text.chars().filter(char::is_ascii_digit).count() == 4
        && words <= 10
    {
        return Some(Reason::Copyright); // "© 2024 Le Quotidien"
    }
    if words <= 16
        && f.stamp
            .iter()
            .any(|s| starts_with_phrase(k, s) || (words <= 6 && contains_phrase(k, s)))
    {
        return Some(Reason::Stamp);
    }
    if is_stamp_line(text, words) {
        return Some(Reason::Stamp);
    }
    if words <= 40 {
        let tokens: Vec<&str> = k.split(' ').collect();
        let about_itself = addresses_reader(k)
            || contains_phrase(k, "cet article")
            || contains_phrase(k, "ce contenu")
            || words <= 8;
        if about_itself && f.notice_set.any(&tokens, false) && !quoted {
            return Some(Reason::Notice);
        }
    }
    if is_byline(text, k, words) {
        return Some(Reason::Byline);
    }
    if is_credit(text, k, words) {
        return Some(Reason::Credit);
    }
    if is_slug(text) {
        return Some(Reason::Slug);
    }
    None
}

/// "Le 04/02/2024 à 8:15", "12 mars 2024, 10h32": a date and a time and
/// nothing else.
fn is_stamp_line(text: &str, words: usize) -> bool {
    if words > 14 {
        return false;
    }
    let dates = super::dates::find_dates(text);
    if dates.is_empty() {
        return false;
    }
    let mut rest = String::new();
    let mut at = 0;
    for m in &dates {
        rest.push_str(&text[at.min(m.start)..m.start]);
        rest.push(' ');
        at = m.end;
    }
    rest.push_str(&text[at.min(text.len())..]);
    has_clock_time(text)
        && key(&rest).split(' ').all(|w| {
            w.is_empty()
                || w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w,
                    "le" | "a"
                        | "h"
                        | "min"
                        | "mis"
                        | "jour"
                        | "publie"
                        | "modifie"
                        | "et"
                        | "utc"
                        | "gmt"
                        | "lundi"
                        | "mardi"
                        | "mercredi"
                        | "jeudi"
                        | "vendredi"
                        | "samedi"
                        | "dimanche"
                )
                || (w.contains('h') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        })
}

/// "8:15", "15h30", "11 h 40", "10h": a time of day.
fn has_clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        if !b[i].is_ascii_digit() || b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let mut j = i + 1;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        match b.get(j) {
            Some(b'h' | b'H') => !b.get(j + 1).is_some_and(u8::is_ascii_alphabetic),
            Some(b':') => b.get(j + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        }
    })
}

/// (consent words, button words, strong phrase) of a line.
fn consent_signals(k: &str) -> (usize, usize, bool) {
    let f = &*FURNITURE;
    let tokens: Vec<&str> = k.split(' ').collect();
    let spec = f.consent_set.count(&tokens, true);
    if spec == 0 {
        return (0, 0, false); // neither counts without a consent word
    }
    let buttons = f.button_set.count(&tokens, true);
    let strong = f.consent_strong_set.any(&tokens, true);
    (spec, buttons, strong)
}

/// A consent banner's buttons: "Accepter", "Continuer sans accepter",
/// "Tout accepter Tout refuser".
fn is_consent_button(k: &str, words: usize) -> bool {
    if words > 6 || k.is_empty() {
        return false;
    }
    let f = &*FURNITURE;
    let tokens: Vec<&str> = k.split(' ').collect();
    f.consent_strong_set.any(&tokens, true)
        || made_of(
            &tokens,
            &[&f.consent_button],
            &["et", "vos", "mes", "les", "choix"],
        )
        .0
}

/// An image caption or photo credit.
fn is_caption(text: &str, k: &str, words: usize) -> bool {
    let f = &*FURNITURE;
    let t = text.trim();
    if t.contains('©') || k.starts_with("c ") && t.starts_with("(c)") {
        return true;
    }
    // "Photo : …", "Crédit photo : …"
    if let Some(p) = opens_with(k, &f.caption_open) {
        let n = p.split(' ').count();
        let mut rest = t;
        for _ in 0..n {
            rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
            rest = rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '\'' || c == '’');
        }
        // "Crédit photo X" needs no colon; "Photo : X" does; "Crédits
        // images et vidéo : X" has it a few words on.
        let credit = p.starts_with("credit");
        let colon_soon = rest.split_once(':').is_some_and(|(before, _)| {
            credit
                && key(before).split(' ').all(|w| {
                    matches!(
                        w,
                        "photo"
                            | "photos"
                            | "image"
                            | "images"
                            | "video"
                            | "videos"
                            | "illustration"
                            | "illustrations"
                            | "infographie"
                            | "et"
                            | "de"
                            | "des"
                            | "couverture"
                    )
                })
        });
        if rest.trim_start().starts_with(':') || (credit && p.contains(' ')) || colon_soon {
            return true;
        }
    }
    // "… le 26 novembre 2020 (image d'illustration)"
    if let Some(inner) = t
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|i| &s[i + 1..]))
    {
        let mk = key(inner);
        if f.caption_mark.contains(&mk) {
            return true;
        }
    }
    // "… LUDOVIC MARIN / AFP", "AFP/Archives", "REUTERS/Yves Herman"
    if words <= 80 {
        let tail: String = t
            .split_whitespace()
            .rev()
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((left, right)) = tail.rsplit_once('/') {
            let l = key(left.rsplit(['.', ',', '(']).next().unwrap_or(left));
            let r = key(right);
            let lw = l.split(' ').next_back().unwrap_or("");
            let rw = r.split(' ').next().unwrap_or("");
            let is_agency = |w: &str| {
                lexicon::AGENCIES
                    .iter()
                    .any(|a| a.keys.iter().any(|k| k.split(' ').count() == 1 && k == w))
            };
            if is_agency(lw) || is_agency(rw) {
                return true;
            }
        }
    }
    false
}

fn features(p: &Para) -> Features {
    let k = key(p.text);
    let words = word_count(p.text);
    let sentence = is_sentence(p.text, words);
    let reason = strong_reason(p.text, &k, words, sentence);
    let caption = p.hint == Hint::Caption || is_caption(p.text, &k, words);
    let (spec, buttons, strong) = consent_signals(&k);
    let consentish = spec >= 1 && (spec + buttons >= 2 || strong);
    let quoted = first_char(p.text).is_some_and(|c| matches!(c, '«' | '"' | '“'));
    let banner = consentish && addresses_reader(&k) && (spec + buttons >= 3 || strong) && !quoted;
    let reason =
        reason.or_else(|| (banner || is_consent_button(&k, words)).then_some(Reason::Consent));
    let bare_related = reason == Some(Reason::Related)
        && FURNITURE.related.iter().any(|r| {
            k == *r
                || k.strip_prefix(r.as_str())
                    .is_some_and(|rest| word_count(rest) <= 1)
        });
    Features {
        short: !sentence && words <= 20,
        key: k,
        words,
        sentence,
        reason,
        caption,
        consentish,
        consent_words: spec,
        bare_related,
    }
}

/// "- premier point", "• second", "1. troisième": an item of a list.
fn starts_list_item(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '·' | '▪' | '►' | '+') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// "— Charles Michel, premier ministre belge": who said the quote above.
fn is_attribution(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    matches!(chars.next(), Some('—' | '–' | '-' | '―'))
        && chars
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_uppercase)
}

/// "INTERNATIONAL", "FAITS DIVERS": a rubric label in capitals.
fn is_rubric(text: &str, words: usize) -> bool {
    words <= 3
        && text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// "Monde Politique Économie Culture", "Accueil > Monde > Europe": a menu
/// or a breadcrumb, not a sentence nor a headline (French headlines are
/// written in sentence case).
fn is_menu(text: &str, words: usize) -> bool {
    // Separators standing between words: "Accueil > Monde > Europe" (not
    // the slashes of a date or an address).
    let separators = text
        .split_whitespace()
        .filter(|w| matches!(*w, ">" | "›" | "»" | "|" | "/" | ">>"))
        .count();
    if separators >= 2 && words <= 14 && !text.contains('«') {
        return true;
    }
    words >= 4
        && !text.contains(|c: char| c.is_ascii_digit() || matches!(c, '(' | ',' | '.' | ':' | '%'))
        && text
            .split_whitespace()
            .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
            .all(char::is_uppercase)
}

/// A first paragraph that reads as a headline: a few words, no final full
/// stop, comma or colon, starting with a capital, a digit or a quote.
fn headline_like(text: &str, f: &Features) -> bool {
    let end = core_end(text);
    (2..=30).contains(&f.words)
        && f.words < 16
        && !end.ends_with(['.', ',', ';', ':'])
        && first_char(text)
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“'))
}

/// The kind of each paragraph, and why boilerplate was removed.
pub fn classify(paras: &[Para], rep: Repetition, ctx: Context) -> Vec<(BlockKind, Option<Reason>)> {
    let n = paras.len();
    let feats: Vec<Features> = paras.iter().map(features).collect();
    let mut out: Vec<(BlockKind, Option<Reason>)> = vec![(BlockKind::Body, None); n];
    let dateline = |i: usize| paras[i].hint == Hint::Dateline;
    let known_title_key = ctx.known_title.map(key);

    // The title: a first paragraph that is the known title, or reads as a
    // headline where the format has no other place for one.
    // (Only the opening of the page, furniture aside, can hold it.)
    let opening = |j: usize| {
        let f = &feats[j];
        f.reason.is_some() || f.caption || dateline(j) || f.short || f.consentish
    };
    let opening_end = (0..n).find(|&j| !opening(j)).map_or(n, |j| j + 1);
    // sentence_after[i]: an article sentence comes at or after paragraph i.
    let mut sentence_after = vec![false; n + 1];
    for i in (0..n).rev() {
        let g = &feats[i];
        sentence_after[i] =
            sentence_after[i + 1] || (g.sentence && g.reason.is_none() && !g.caption);
    }
    let title_at = (0..opening_end).find(|&i| {
        let f = &feats[i];
        if f.reason.is_some() || f.caption || dateline(i) || f.consent_words > 0 {
            return false;
        }
        if paras[i].hint == Hint::Title || known_title_key.as_deref() == Some(f.key.as_str()) {
            return true;
        }
        ctx.headline_first
            && headline_like(paras[i].text, f)
            && !is_menu(paras[i].text, f.words)
            && !is_rubric(paras[i].text, f.words)
            && sentence_after[i + 1]
    });

    // Zones: furniture, captions, datelines, short lines and consent text at
    // either end of the document.
    // A sentence repeated across the corpus needs more documents than a
    // short line: two wire stories may share a paragraph.
    let repeated = |i: usize| {
        let need = if feats[i].short { rep.zone } else { rep.inner };
        paras[i].repeated >= need
    };
    let in_zone = |i: usize| {
        let f = &feats[i];
        f.reason.is_some()
            || f.caption
            || dateline(i)
            || f.short
            || f.consentish
            || repeated(i)
            || Some(i) == title_at
    };
    let lead_end = (0..n).find(|&i| !in_zone(i)).unwrap_or(n);
    let trail_start = (0..n).rev().find(|&i| !in_zone(i)).map_or(0, |i| i + 1);
    let has_core = lead_end < n;
    let zone = |i: usize| has_core && (i < lead_end || i >= trail_start);

    for i in 0..n {
        let f = &feats[i];
        // A dateline is a dateline, however much it looks like a stamp.
        let mut reason = if dateline(i) { None } else { f.reason };
        if reason.is_none() && Some(i) != title_at && !dateline(i) {
            let repeated_here = (zone(i) && !f.caption && repeated(i))
                || (f.short && paras[i].repeated >= rep.inner);
            if repeated_here {
                reason = Some(Reason::Repeated);
            }
        }
        if let Some(r) = reason {
            out[i] = (BlockKind::Boilerplate, Some(r));
        }
    }

    // "À lire aussi" alone: the headlines under it point elsewhere.
    for i in 0..n {
        if !feats[i].bare_related {
            continue;
        }
        for j in i + 1..n.min(i + 9) {
            let g = &feats[j];
            if out[j].0 == BlockKind::Boilerplate {
                continue;
            }
            if !g.short || matches!(paras[j].hint, Hint::Heading | Hint::Title) || dateline(j) {
                break;
            }
            out[j] = (BlockKind::Boilerplate, Some(Reason::Related));
        }
    }

    // In the zones, a short line or consent text next to furniture is
    // furniture.
    let eligible = |i: usize, out: &[(BlockKind, Option<Reason>)]| {
        zone(i)
            && out[i].0 != BlockKind::Boilerplate
            && (feats[i].short || feats[i].consentish)
            && !feats[i].caption
            && !dateline(i)
            && Some(i) != title_at
            && !matches!(
                paras[i].hint,
                Hint::Heading | Hint::Title | Hint::ListItem | Hint::Quote
            )
            && !is_attribution(paras[i].text)
            && !starts_list_item(paras[i].text)
    };
    let chained = |i: usize| {
        let why = if feats[i].consentish {
            Reason::Consent
        } else {
            Reason::Furniture
        };
        (BlockKind::Boilerplate, Some(why))
    };
    for i in 1..n {
        if out[i - 1].0 == BlockKind::Boilerplate && eligible(i, &out) {
            out[i] = chained(i);
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if out[i + 1].0 == BlockKind::Boilerplate && eligible(i, &out) {
            out[i] = chained(i);
        }
    }

    // A rubric label or a menu where the furniture is (after the chain: a
    // list of names in capitals must not spread to its neighbours).
    for i in 0..n {
        let f = &feats[i];
        if zone(i)
            && out[i].0 != BlockKind::Boilerplate
            && !f.caption
            && !dateline(i)
            && Some(i) != title_at
            && (is_rubric(paras[i].text, f.words) || is_menu(paras[i].text, f.words))
        {
            out[i] = (BlockKind::Boilerplate, Some(Reason::Furniture));
        }
    }
    // Above the headline, short lines are the page's: a rubric, a kicker,
    // a breadcrumb.
    if let Some(t) = title_at {
        for i in 0..t {
            if out[i].0 != BlockKind::Boilerplate
                && feats[i].short
                && !feats[i].caption
                && !dateline(i)
            {
                out[i] = (BlockKind::Boilerplate, Some(Reason::Furniture));
            }
        }
    }
    // Between the zones, a short line with furniture on both sides
    // ("France Télévisions" between a byline and a photo credit).
    let non_article = |j: usize, out: &[(BlockKind, Option<Reason>)]| {
        out[j].0 == BlockKind::Boilerplate || feats[j].caption
    };
    for i in 1..n.saturating_sub(1) {
        if out[i].0 != BlockKind::Boilerplate
            && feats[i].short
            && feats[i].words <= 4
            && !feats[i].caption
            && !dateline(i)
            && Some(i) != title_at
            && paras[i].hint == Hint::None
            && non_article(i - 1, &out)
            && non_article(i + 1, &out)
        {
            out[i] = (BlockKind::Boilerplate, Some(Reason::Furniture));
        }
    }

    // What is left is the article.
    for i in 0..n {
        if out[i].0 == BlockKind::Boilerplate {
            continue;
        }
        let f = &feats[i];
        out[i].0 = if dateline(i) {
            BlockKind::Dateline
        } else if f.caption {
            BlockKind::Caption
        } else if Some(i) == title_at {
            BlockKind::Title
        } else if paras[i].hint == Hint::Heading
            || paras[i].hint == Hint::Title
            || f.words <= 12 && !core_end(paras[i].text).ends_with(['.', ',', ';', ':', '…']) && {
                // A heading introduces the text that follows it.
                let next =
                    (i + 1..n).find(|&j| out[j].0 != BlockKind::Boilerplate && !feats[j].caption);
                next.is_some_and(|j| feats[j].sentence && feats[j].words > f.words)
            }
        {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str], headline_first: bool) -> Vec<(BlockKind, Option<Reason>)> {
        let paras: Vec<Para> = lines
            .iter()
            .map(|t| Para {
                text: t,
                hint: Hint::None,
                repeated: 1,
            })
            .collect();
        classify(
            &paras,
            Repetition::for_corpus(1),
            Context {
                known_title: None,
                headline_first,
            },
        )
    }

    fn kinds(lines: &[&str]) -> Vec<BlockKind> {
        run(lines, true).into_iter().map(|k| k.0).collect()
    }

    const BODY1: &str =
        "Le ministère de la Défense a déclaré que la situation restait tendue dans la région.";
    const BODY2: &str =
        "Selon le communiqué, deux soldats ont été blessés lors des combats de la nuit dernière.";

    #[test]
    fn furniture_of_other_outlets() {
        use BlockKind::*;
        let page = [
            "Le gouvernement annonce un plan pour l'hôpital",
            "Par Jean Dupont",
            "Mis à jour le 12/03/2024 à 10h32",
            "Temps de lecture : 3 min",
            "Emmanuel Macron à l'Élysée, le 3 mars 2024. LUDOVIC MARIN / AFP",
            BODY1,
            "À lire également : Le budget de la santé en hausse",
            BODY2,
            "Publicité",
            "Le contexte",
            BODY1,
            "Abonnez-vous à notre newsletter",
            "Partager",
            "Facebook Twitter Email",
            "© Le Quotidien 2024 - Tous droits réservés",
        ];
        assert_eq!(
            kinds(&page),
            [
                Title,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Caption,
                Body,
                Boilerplate,
                Body,
                Boilerplate,
                Heading,
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn consent_banners_in_several_wordings() {
        use BlockKind::*;
        let page = [
            BODY1,
            BODY2,
            "Nous respectons votre vie privée",
            "Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site.",
            "Accepter",
            "Continuer sans accepter",
            "Ce site utilise des cookies pour améliorer votre expérience.",
            "OK",
        ];
        assert_eq!(
            kinds(&page),
            [
                Body,
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn article_text_about_cookies_and_sources_stays() {
        use BlockKind::*;
        let page = [
            BODY1,
            "La CNIL a infligé une amende à Google pour avoir déposé des cookies sans le consentement des internautes.",
            "Par ailleurs, le ministre a refusé d'accepter la proposition.",
            "Suivez les consignes des autorités, a martelé le préfet.",
            "« Suivez-moi ! », a lancé le candidat à ses partisans réunis à Lyon dimanche.",
            "Source de tensions, le dossier revient sur la table.",
            BODY2,
        ];
        assert_eq!(kinds(&page), [Body; 7]);
        let page = [
            BODY1,
            "Crédit Agricole : le bénéfice net de la banque a progressé de 12 % au premier trimestre.",
            "Crédit d'impôt : ce qui change pour les ménages en 2024",
            BODY2,
        ];
        assert_eq!(kinds(&page), [Body, Body, Heading, Body]);
        // An article that opens or ends on cookies is still an article.
        let page = [
            "Les éditeurs de sites internet ont reçu le soutien du rapporteur public dans un litige sur les cookies, ces traceurs qui pistent les internautes.",
            BODY1,
            "Les salles de sport doivent fermer leurs portes, mais le ministère consent à une exception.",
        ];
        assert_eq!(kinds(&page), [Body; 3]);
    }

    #[test]
    fn headings_stay_between_paragraphs() {
        use BlockKind::*;
        let page = [
            BODY1,
            "Le cessez-le-feu",
            BODY2,
            "Participation d'observateurs militaires russes?",
            BODY1,
        ];
        assert_eq!(kinds(&page), [Body, Heading, Body, Heading, Body]);
        // A body sentence is never a title.
        assert_eq!(kinds(&[BODY1, BODY2])[0], Body);
    }

    #[test]
    fn lists_at_the_end_of_an_article_stay() {
        let page = [
            BODY1,
            "Nationalités des passagers :",
            "Français (15)",
            "Égyptiens (30)",
            "Britanniques (1)",
        ];
        assert!(kinds(&page).iter().all(|k| *k != BlockKind::Boilerplate));
    }

    #[test]
    fn related_headlines_under_a_bare_marker_go() {
        use BlockKind::*;
        let page = [
            "Sur le même sujet",
            "Tour de France : Sagan remporte la 11e étape",
            "Tour de France : Dumoulin remporte le contre-la-montre",
            BODY1,
            BODY2,
        ];
        assert_eq!(
            kinds(&page),
            [Boilerplate, Boilerplate, Boilerplate, Body, Body]
        );
    }
}
