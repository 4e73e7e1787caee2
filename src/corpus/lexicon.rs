//! The cleaner's word lists (`data/furniture_fr.txt`, `data/agencies.txt`),
//! loaded once, and how lines are matched against them: entries and lines
//! are compared in their key form (`text::key`: folded words, every run of
//! anything but letters and digits one space; "À lire aussi :" and "A LIRE
//! AUSSI" are both "a lire aussi").

use crate::text::fnv::HashMap;
use std::sync::LazyLock;

use crate::text::Sections;
pub use crate::text::key;

/// True when `phrase` (a key) opens `key` as whole words.
pub fn starts_with_phrase(key: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && key.starts_with(phrase)
        && (key.len() == phrase.len() || key.as_bytes()[phrase.len()] == b' ')
}

/// True when `phrase` occurs in `key` as whole words.
pub fn contains_phrase(key: &str, phrase: &str) -> bool {
    find_phrase(key, phrase, true)
}

/// True when `phrase` occurs in `key` starting at a word start (its last
/// word may be the start of a longer word: "cookie" in "cookies",
/// "consent" in "consentez").
pub fn contains_prefix_phrase(key: &str, phrase: &str) -> bool {
    find_phrase(key, phrase, false)
}

fn find_phrase(key: &str, phrase: &str, whole: bool) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let bytes = key.as_bytes();
    let mut from = 0;
    while let Some(i) = key[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let starts_word = start == 0 || bytes[start - 1] == b' ';
        let ends_word = !whole || end == key.len() || bytes[end] == b' ';
        if starts_word && ends_word {
            return true;
        }
        from = start + 1;
        while !key.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// A list of phrases (keys) found in a line's words by their first word,
/// without scanning the line once per phrase.
pub struct Phrases {
    words: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl Phrases {
    pub fn new(keys: &[String]) -> Phrases {
        let words: Vec<Vec<String>> = keys
            .iter()
            .map(|k| k.split(' ').map(str::to_owned).collect())
            .collect();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, w) in words.iter().enumerate() {
            if let Some(first) = w.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        Phrases { words, by_first }
    }

    /// The phrase `i` at `tokens[at..]`; with `prefix`, its last word may
    /// be the start of a longer word ("cookie" in "cookies").
    fn at(&self, i: usize, tokens: &[&str], at: usize, prefix: bool) -> bool {
        let p = &self.words[i];
        p.iter().enumerate().all(|(k, w)| {
            tokens.get(at + k).is_some_and(|t| {
                if prefix && k + 1 == p.len() {
                    t.starts_with(w.as_str())
                } else {
                    t == w
                }
            })
        })
    }

    /// The distinct phrases found in `tokens` (a key's words).
    pub fn count(&self, tokens: &[&str], prefix: bool) -> usize {
        let mut found: Vec<usize> = Vec::new();
        for at in 0..tokens.len() {
            let mut check = |i: usize| {
                if !found.contains(&i) && self.at(i, tokens, at, prefix) {
                    found.push(i);
                }
            };
            if let Some(ids) = self.by_first.get(tokens[at]) {
                ids.iter().copied().for_each(&mut check);
            }
            if prefix {
                // One-word phrases that are the start of this word.
                for (i, p) in self.words.iter().enumerate() {
                    if p.len() == 1 && p[0] != tokens[at] && tokens[at].starts_with(p[0].as_str()) {
                        check(i);
                    }
                }
            }
        }
        found.len()
    }

    pub fn any(&self, tokens: &[&str], prefix: bool) -> bool {
        (0..tokens.len()).any(|at| {
            self.by_first
                .get(tokens[at])
                .is_some_and(|ids| ids.iter().any(|&i| self.at(i, tokens, at, prefix)))
                || (prefix
                    && self
                        .words
                        .iter()
                        .any(|p| p.len() == 1 && tokens[at].starts_with(p[0].as_str())))
        })
    }
}

pub struct Furniture {
    pub related: Vec<String>,
    pub cta: Vec<String>,
    pub channels: Vec<String>,
    pub share: Vec<String>,
    pub advert: Vec<String>,
    pub consent: Vec<String>,
    pub consent_button: Vec<String>,
    pub consent_strong: Vec<String>,
    pub copyright: Vec<String>,
    pub notice: Vec<String>,
    pub stamp: Vec<String>,
    pub byline: Vec<String>,
    pub caption_open: Vec<String>,
    pub caption_mark: Vec<String>,
    /// The same lists, looked up by word.
    pub channel_set: Phrases,
    pub share_set: Phrases,
    pub copyright_set: Phrases,
    pub consent_set: Phrases,
    pub button_set: Phrases,
    pub consent_strong_set: Phrases,
    /// Calls in the imperative ("suivez", "abonnez-vous").
    pub imperative_set: Phrases,
    pub notice_set: Phrases,
}

pub static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let s = Sections::parse(crate::data_file!(include_str!(
        "../../data/furniture_fr.txt"
    )));
    let take = |name: &str| -> Vec<String> {
        let mut keys: Vec<String> = s
            .lines(name)
            .iter()
            .map(|e| key(e))
            .filter(|k| !k.is_empty())
            .collect();
        // Longest first, so "crédit photo" is tried before "crédit".
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        keys
    };
    let related = take("related");
    let cta = take("cta");
    let channels = take("channels");
    let share = take("share");
    let advert = take("advert");
    let consent = take("consent");
    let consent_button = take("consent_button");
    let consent_strong = take("consent_strong");
    let copyright = take("copyright");
    let notice = take("notice");
    let imperative: Vec<String> = cta
        .iter()
        .filter(|p| p.split(' ').next().is_some_and(|w| w.ends_with("ez")))
        .cloned()
        .collect();
    Furniture {
        channel_set: Phrases::new(&channels),
        share_set: Phrases::new(&share),
        copyright_set: Phrases::new(&copyright),
        consent_set: Phrases::new(&consent),
        button_set: Phrases::new(&consent_button),
        consent_strong_set: Phrases::new(&consent_strong),
        imperative_set: Phrases::new(&imperative),
        notice_set: Phrases::new(&notice),
        notice,
        related,
        cta,
        channels,
        share,
        advert,
        consent,
        consent_button,
        consent_strong,
        copyright,
        stamp: take("stamp"),
        byline: take("byline"),
        caption_open: take("caption_open"),
        caption_mark: take("caption_mark"),
    }
});

/// An agency: the name shown and the keys of its spellings.
pub struct Agency {
    pub name: String,
    pub keys: Vec<String>,
    /// Credited for text (not only for photos).
    pub text: bool,
}

pub static AGENCIES: LazyLock<Vec<Agency>> = LazyLock::new(|| {
    let s = Sections::parse(crate::data_file!(include_str!("../../data/agencies.txt")));
    let mut out = Vec::new();
    for (section, text) in [("text", true), ("photo", false)] {
        for line in s.lines(section) {
            let names: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(first) = names.first() else { continue };
            out.push(Agency {
                name: (*first).to_owned(),
                keys: names
                    .iter()
                    .map(|n| key(n))
                    .filter(|k| !k.is_empty())
                    .collect(),
                text,
            });
        }
    }
    out
});

/// The agency whose spelling is exactly `k` (a key).
pub fn agency_named(k: &str) -> Option<&'static Agency> {
    AGENCIES.iter().find(|a| a.keys.iter().any(|s| s == k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_or_prefixes() {
        assert!(starts_with_phrase("lire aussi le", "lire aussi"));
        assert!(!starts_with_phrase("lire aussitot", "lire aussi"));
        assert!(contains_phrase(
            "ce site utilise des cookies",
            "utilise des cookies"
        ));
        assert!(!contains_phrase("des cookies", "cookie"));
        assert!(contains_prefix_phrase("des cookies", "cookie"));
        assert!(!contains_prefix_phrase("biscookies", "cookie"));
    }

    #[test]
    fn phrase_sets_match_like_the_scans() {
        let set = Phrases::new(&["cookie".into(), "tout accepter".into(), "vos choix".into()]);
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert_eq!(set.count(&words("des cookies et vos choix"), true), 2);
        assert_eq!(set.count(&words("des cookies et vos choix"), false), 1);
        assert!(set.any(&words("tout acceptertout refuser"), true));
        assert!(!set.any(&words("tout acceptertout refuser"), false));
        assert!(!set.any(&words("biscookies"), true));
    }

    #[test]
    fn lists_load() {
        assert!(FURNITURE.consent.iter().any(|c| c == "cookie"));
        assert_eq!(
            agency_named("agence france presse").map(|a| a.name.as_str()),
            Some("AFP")
        );
    }
}
