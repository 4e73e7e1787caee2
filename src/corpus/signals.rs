//! Signals of one paragraph, on its own: sentence structure, furniture
//! patterns (credits, bylines, "Lire aussi", calls to the reader, share
//! widgets, adverts, copyright, stamps, slugs, site notices), captions and
//! photo credits, consent vocabulary, menus and rubric labels. `clean.rs`
//! combines them with where the paragraph stands in its document and in the
//! corpus.

use super::Reason;
use super::clean::Para;
use super::lexicon::{self, FURNITURE, contains_phrase, key, starts_with_phrase};
use super::prepare::Hint;
use crate::text::dates::{CALENDAR, find_dates};

/// What one paragraph looks like, on its own.
pub(super) struct Features {
    pub(super) key: String,
    pub(super) words: usize,
    pub(super) sentence: bool,
    pub(super) short: bool,
    pub(super) reason: Option<Reason>,
    pub(super) caption: bool,
    pub(super) consentish: bool,
    /// Words of the consent vocabulary in the line.
    pub(super) consent_words: usize,
    pub(super) bare_related: bool,
}

/// Words as a reader counts them ("cessez-le-feu", "l'accord" are one).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The text without closing quotes, brackets and spaces at its end.
pub(super) fn core_end(text: &str) -> &str {
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
    let dates = find_dates(text);
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
                )
                || CALENDAR.weekday(w).is_some()
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

pub(super) fn features(p: &Para) -> Features {
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
pub(super) fn starts_list_item(text: &str) -> bool {
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
pub(super) fn is_attribution(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    matches!(chars.next(), Some('—' | '–' | '-' | '―'))
        && chars
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_uppercase)
}

/// "INTERNATIONAL", "FAITS DIVERS": a rubric label in capitals.
pub(super) fn is_rubric(text: &str, words: usize) -> bool {
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
pub(super) fn is_menu(text: &str, words: usize) -> bool {
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
pub(super) fn headline_like(text: &str, f: &Features) -> bool {
    let end = core_end(text);
    (2..=30).contains(&f.words)
        && f.words < 16
        && !end.ends_with(['.', ',', ';', ':'])
        && first_char(text)
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“'))
}
