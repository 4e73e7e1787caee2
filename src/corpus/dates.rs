//! What a document says about its own date: datelines that open an article
//! ("22 mai 2012. -", "PARIS (AFP) -") and what an undated article says
//! about its own day ("ce 26 mars"). The dates in them are read by the one
//! date reader, `text::dates`.

use super::lexicon;
use crate::text::dates::{CALENDAR, find_dates};

/// A dateline opening a paragraph: "22 mai 2012. - ", "2 septembre 2016 .
/// –", "2 juillet 2012. - Québec - ", "PARIS (AFP) - ", "Bruxelles, 12 mars
/// 2020 (Belga) -", or a date alone on its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Bytes of the paragraph the dateline takes, trailing spaces included.
    pub len: usize,
    /// "YYYY-MM-DD"/"YYYY-MM" when the dateline gives a year.
    pub date: Option<String>,
    /// The agency named in parentheses ("(AFP)").
    pub agency: Option<&'static str>,
}

const DASHES: [char; 4] = ['-', '–', '—', '‒'];

/// Small words inside a place name ("Saint-Denis de la Réunion",
/// "Châlons-en-Champagne", "Boulogne-sur-Mer").
const PLACE_PARTICLES: [&str; 8] = ["de", "du", "des", "la", "le", "les", "sur", "en"];

/// Skips spaces from byte `i`.
fn skip_spaces(s: &str, i: usize) -> usize {
    i + (s[i..].len() - s[i..].trim_start().len())
}

/// After a dateline's date or place: an optional "." then a dash (the text
/// goes on after it) or the end of the paragraph. Returns the end.
fn dateline_end(s: &str, i: usize) -> Option<usize> {
    let mut j = skip_spaces(s, i);
    if s[j..].starts_with('.') {
        j = skip_spaces(s, j + 1);
    }
    if j == s.len() {
        return Some(j);
    }
    let c = s[j..].chars().next()?;
    DASHES
        .contains(&c)
        .then(|| skip_spaces(s, j + c.len_utf8()))
}

/// "22 août 2012, Espagne. -", "7 janvier 2016, 11 h 40 UTC . –",
/// "29 juillet 2016, Auschwitz, Pologne . –": after a comma, places and a
/// time up to the dash. Returns the end of the dateline.
fn dateline_tail(s: &str, i: usize) -> Option<usize> {
    let rest = s[i..].strip_prefix(',')?;
    let from = i + 1;
    let mut w = rest.len().min(80);
    while !rest.is_char_boundary(w) {
        w -= 1;
    }
    let window = &rest[..w];
    let mut dash_at = None;
    for (k, c) in window.char_indices() {
        if DASHES.contains(&c) {
            let before = window[..k].trim_end();
            if before.len() < window[..k].len() || before.ends_with('.') {
                dash_at = Some(k);
                break;
            }
        }
    }
    let tail = window[..dash_at?].trim().trim_end_matches('.').trim_end();
    let words: Vec<&str> = tail.split_whitespace().collect();
    let place_or_time = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || PLACE_PARTICLES.contains(&w)
            || matches!(w, "h" | "min" | "heure" | "heures" | "et")
    };
    if words.is_empty() || words.len() > 8 || !words.iter().all(place_or_time) {
        return None;
    }
    dateline_end(
        s,
        from + (rest.len() - rest.trim_start().len()) + tail.len(),
    )
    .or_else(|| dateline_end(s, from + window[..dash_at?].len()))
}

/// A place name in a dateline: one to four capitalised words ("Québec",
/// "PARIS", "Saint-Denis de la Réunion"), ending at byte `end`.
fn place_end(s: &str, i: usize) -> Option<usize> {
    let mut j = i;
    let mut words = 0;
    while words < 5 {
        let rest = &s[j..];
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        if word_len == 0 {
            break;
        }
        let word = &rest[..word_len];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let particle = PLACE_PARTICLES.contains(&word);
        if !(capital || (words > 0 && particle)) {
            return None;
        }
        words += 1;
        j += word_len;
        let after = skip_spaces(s, j);
        if after == j || !s[after..].starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        j = after;
    }
    (words > 0).then_some(j)
}

pub fn parse_dateline(paragraph: &str) -> Option<Dateline> {
    let s = paragraph;
    // Shape 1: the date first ("22 mai 2012. -", "Le 3 mars 2020 -").
    let dates = find_dates(s);
    let first = dates.first().filter(|m| {
        let raw_lead = &s[..m.start];
        let lead = lexicon::key(raw_lead);
        raw_lead
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace())
            && (lead.is_empty() || lead == "le" || CALENDAR.weekday(&lead).is_some())
    });
    if let Some(m) = first {
        // A place or time after a comma only in a full dateline: "22 août
        // 2012, Espagne. -" (not "Le 9 novembre, Moscou - …").
        let full = m.year.is_some() && m.start == 0;
        let end =
            dateline_end(s, m.end).or_else(|| full.then(|| dateline_tail(s, m.end)).flatten())?;
        let mut len = end;
        // "22 mai 2012. - Québec - Le premier…": a place may follow.
        if end < s.len()
            && let Some(p) = place_end(s, end)
            && let Some(after) = dateline_end(s, p).filter(|&a| a < s.len() && a > p)
        {
            len = after;
        }
        return Some(Dateline {
            len,
            date: m.iso(),
            agency: agency_in_parens(&s[..len]),
        });
    }
    // Shape 2: "PARIS (AFP) -", "Kiev, 12 mars (Reuters) –".
    let place = place_end(s, 0)?;
    let mut j = place;
    let mut date = None;
    if s[j..].starts_with(',') {
        let k = skip_spaces(s, j + 1);
        let m = dates.iter().find(|m| m.start == k)?;
        date = m.iso();
        j = m.end;
    }
    let k = skip_spaces(s, j);
    let open = s[k..].strip_prefix('(')?;
    let close = open.find(')')?;
    let agency = lexicon::agency_named(&lexicon::key(&open[..close]))?;
    let end = dateline_end(s, k + 1 + close + 1)?;
    (end < s.len()).then_some(Dateline {
        len: end,
        date,
        agency: Some(agency.name.as_str()),
    })
}

fn agency_in_parens(s: &str) -> Option<&'static str> {
    let open = s.find('(')?;
    let close = s[open..].find(')')? + open;
    lexicon::agency_named(&lexicon::key(&s[open + 1..close])).map(|a| a.name.as_str())
}

/// What an undated article says about its own day: the first "ce 26 mars" /
/// "ce samedi 14 novembre" of its text, as "26 mars, année inconnue".
pub fn date_hint<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<String> {
    for p in paragraphs {
        if let Some(m) = find_dates(p).into_iter().find(|m| m.deictic) {
            return Some(match m.year {
                Some(y) => format!("{} {y} (d'après le texte)", m.day_month()),
                None => format!("{}, année inconnue", m.day_month()),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = parse_dateline("22 mai 2012. - Prévu initialement pour samedi").unwrap();
        assert_eq!(d.date.as_deref(), Some("2012-05-22"));
        assert_eq!(
            &"22 mai 2012. - Prévu initialement"[d.len..],
            "Prévu initialement"
        );
        let d = parse_dateline("2 septembre 2016 . –").unwrap();
        assert_eq!(d.date.as_deref(), Some("2016-09-02"));
        assert_eq!(d.len, "2 septembre 2016 . –".len());
        let s = "2 juillet 2012. - Québec - Le tout premier Forum";
        let d = parse_dateline(s).unwrap();
        assert_eq!(&s[d.len..], "Le tout premier Forum");
        let s = "PARIS (AFP) - Le gouvernement a annoncé";
        let d = parse_dateline(s).unwrap();
        assert_eq!((d.date, d.agency), (None, Some("AFP")));
        assert_eq!(&s[d.len..], "Le gouvernement a annoncé");
        for (s, date, rest) in [
            ("1er janvier 2016, 14h30 . –", "2016-01-01", ""),
            ("7 janvier 2016, 11 h 40 UTC . –", "2016-01-07", ""),
            ("31 mars 2016, 15:37 (UTC) . –", "2016-03-31", ""),
            (
                "22 août 2012, Espagne. - Le Parti populaire",
                "2012-08-22",
                "Le Parti populaire",
            ),
            (
                "29 juillet 2016, Auschwitz, Pologne . – Le pape",
                "2016-07-29",
                "Le pape",
            ),
        ] {
            let d = parse_dateline(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(d.date.as_deref(), Some(date));
            assert_eq!(&s[d.len..], rest);
        }
        let s = "Kiev, 12 mars 2022 (Reuters) – Les forces";
        assert_eq!(
            parse_dateline(s).unwrap().date.as_deref(),
            Some("2022-03-12")
        );
        assert_eq!(
            parse_dateline("Lundi 12 mars 2024")
                .unwrap()
                .date
                .as_deref(),
            Some("2024-03-12")
        );
    }

    #[test]
    fn sentences_that_start_with_a_date_are_not_datelines() {
        for s in [
            "Le 27 septembre, des affrontements ont éclaté.",
            "Le 27 septembre, des affrontements - violents - ont éclaté.",
            "Le 9 novembre, Moscou - et Bakou - ont signé.",
            "- 19 mars -",
            "Le 25 mars, les autorités du Haut-Karabakh avaient précisé.",
            "14 novembre 2020 restera une date importante.",
            "Paris a annoncé (AFP) que",
            "La Russie accuse l'Azerbaïdjan",
        ] {
            assert_eq!(parse_dateline(s), None, "{s}");
        }
    }

    #[test]
    fn hints_come_from_the_texts_own_day() {
        assert_eq!(
            date_hint([
                "Le 25 mars, deux soldats.",
                "dans un communiqué, ce 26 mars."
            ])
            .as_deref(),
            Some("26 mars, année inconnue")
        );
        assert_eq!(
            date_hint(["le 26 novembre 2020 (image d'illustration)"]),
            None
        );
    }
}
