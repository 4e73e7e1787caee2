//! Who published a document, where its page says so, and which agencies it
//! credits.
//!
//! A journalist filters by the publisher ("what does RT say, what does Le
//! Monde say"), so `outlet` is the publisher the page names: the HTML
//! `og:site_name`, "Suivez RT en français sur Telegram", "RT en français
//! utilise des cookies", "© Le Quotidien 2024", "Lire la suite sur Le
//! Figaro", "Le Monde avec AFP". Agencies credited for the text ("- Avec
//! AFP", "(Reuters)", "Source : AFP") are listed apart in `agencies`; an
//! agency becomes the outlet only when the text is its own dispatch ("PARIS
//! (AFP) -") and no publisher is named. Photo credits ("© AFP") say who
//! took a picture, not who wrote the text, and are not read here.

use super::lexicon::{self, key};
use super::signals::phrase_at;

/// Publisher names found in furniture lines (boilerplate and captions), best
/// evidence first.
pub fn publisher_in(lines: &[&str]) -> Option<String> {
    type Finder = fn(&[&str]) -> Option<String>;
    let finders: [Finder; 5] = [
        follow_us,
        uses_cookies,
        copyright_holder,
        read_more_on,
        name_with_agency,
    ];
    for (k, find) in finders.iter().enumerate() {
        // "franceinfo avec AFP": a credit line may write the name in lower case.
        let any_case = k == finders.len() - 1;
        for line in lines {
            if let Some(name) = find(&words(line)).and_then(|n| clean_name(&n, any_case)) {
                return Some(name);
            }
        }
    }
    None
}

/// Text agencies named in credit lines and datelines, in order, once each.
pub fn agencies_in(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let k = key(line);
        let tokens: Vec<&str> = k.split(' ').collect();
        let mut i = 0;
        while i < tokens.len() {
            let found = lexicon::AGENCIES.iter().filter(|a| a.text).find_map(|a| {
                a.keys
                    .iter()
                    .find_map(|s| phrase_at(&tokens, i, s).map(|n| (a, n)))
            });
            match found {
                Some((a, n)) => {
                    // "agences" is a credit, not a name to show.
                    if a.name != "agences" && !out.contains(&a.name) {
                        out.push(a.name.clone());
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

fn is(word: &str, k: &str) -> bool {
    key(word) == k
}

/// "Suivez RT en français sur Telegram" → "RT en français".
fn follow_us(w: &[&str]) -> Option<String> {
    if !is(w.first()?, "suivez") {
        return None;
    }
    let sur = w.iter().rposition(|x| is(x, "sur"))?;
    (sur >= 2).then(|| w[1..sur].join(" "))
}

/// "RT en français utilise des cookies" → "RT en français".
fn uses_cookies(w: &[&str]) -> Option<String> {
    let at = w.iter().position(|x| is(x, "utilise"))?;
    let next = w.get(at + 2)?;
    (at >= 1 && key(next).starts_with("cookie")).then(|| w[..at].join(" "))
}

/// "© Le Quotidien 2024 - Tous droits réservés" → "Le Quotidien".
fn copyright_holder(w: &[&str]) -> Option<String> {
    let joined = w.join(" ");
    let k = key(&joined);
    if !(k.contains("droits reserves") || k.contains("all rights reserved")) {
        return None;
    }
    let after = joined.split_once('©')?.1;
    let name: Vec<&str> = after
        .split_whitespace()
        .take_while(|x| {
            !x.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
                && !matches!(*x, "-" | "–" | "|" | "—")
        })
        .collect();
    Some(name.join(" "))
}

/// "… Lire la suite sur Le Figaro" → "Le Figaro".
fn read_more_on(w: &[&str]) -> Option<String> {
    let k: Vec<String> = w.iter().map(|x| key(x)).collect();
    let at = k
        .windows(4)
        .position(|x| x == ["lire", "la", "suite", "sur"])?;
    Some(w[at + 4..].join(" "))
}

/// "Le Monde avec AFP" → "Le Monde".
fn name_with_agency(w: &[&str]) -> Option<String> {
    let at = w.iter().position(|x| is(x, "avec"))?;
    if at == 0 || is(w[0], "par") {
        return None;
    }
    let rest = key(&w[at + 1..].join(" "));
    rest.split(" et ")
        .all(|a| lexicon::agency_named(a).is_some())
        .then(|| w[..at].join(" "))
}

/// A publisher's name as shown: punctuation trimmed, one to six words,
/// starting with a capital, not a pronoun or a generic phrase.
fn clean_name(name: &str, any_case: bool) -> Option<String> {
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '»' && c != '«')
        .trim_matches(['«', '»', ' ']);
    let n = name.split_whitespace().count();
    let first = name.chars().next()?;
    let generic = matches!(
        key(name).as_str(),
        "ce site"
            | "notre site"
            | "le site"
            | "ce site web"
            | "nous"
            | "notre journal"
            | "la redaction"
            | "redaction"
            | "notre redaction"
    );
    ((1..=6).contains(&n) && (any_case || first.is_uppercase()) && !generic)
        .then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishers_named_by_their_pages() {
        assert_eq!(
            publisher_in(&["- Avec AFP", "Suivez RT en français sur Telegram"]).as_deref(),
            Some("RT en français")
        );
        assert_eq!(
            publisher_in(&["RT en français utilise des cookies pour exploiter ses services."])
                .as_deref(),
            Some("RT en français")
        );
        assert_eq!(
            publisher_in(&["© Le Quotidien 2024 - Tous droits réservés"]).as_deref(),
            Some("Le Quotidien")
        );
        assert_eq!(
            publisher_in(&["… Lire la suite sur Le Figaro"]).as_deref(),
            Some("Le Figaro")
        );
        assert_eq!(
            publisher_in(&["Le Monde avec AFP"]).as_deref(),
            Some("Le Monde")
        );
        assert_eq!(
            publisher_in(&["Suivez-nous sur Twitter", "Ce site utilise des cookies."]),
            None
        );
        assert_eq!(publisher_in(&["Par Jean Dupont avec AFP"]), None);
        assert_eq!(publisher_in(&["La Rédaction avec AFP"]), None);
        assert_eq!(
            publisher_in(&["franceinfo avec AFP"]).as_deref(),
            Some("franceinfo")
        );
    }

    #[test]
    fn agencies_credited() {
        assert_eq!(
            agencies_in(&["- Avec AFP", "(Reuters)", "avec agences"]),
            ["AFP", "Reuters"]
        );
        assert_eq!(agencies_in(&["Source : Agence France-Presse"]), ["AFP"]);
    }
}
