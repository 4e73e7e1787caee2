//! Reading French dates: the one date reader of the crate. Calendar words
//! (`data/calendar_fr.txt`); date expressions in a stream of tokens ("ce
//! samedi 14 novembre", "dans la nuit du 9 au 10 octobre", "entre le 24 et 25
//! mars", "février 1988", "mardi prochain", "hier"); dates in text with byte
//! offsets, digits included ("14/11/2020"); their resolution against a
//! reference date; and the civil-day arithmetic that takes.
//!
//! A day and month with no year, read without a reference date, keep their
//! year unknown ("XXXX-03-24"): nothing is invented. A day of the week alone
//! or "hier" means something only against a reference day.
//!
//! Each caller reads through its own tokens: the cleaner through
//! `text::tokenize` ([`find_dates`]), the extractor through its token stream,
//! which implements [`DateToken`] ([`find_in`]).

mod calendar;
mod numeric;
mod resolve;
pub mod span;

use std::ops::RangeInclusive;

use super::{Token, TokenKind, tokenize};
use resolve::{Hint, day_of, resolve_day, resolve_weekday, resolve_weekday_day};

pub use calendar::{
    CALENDAR, Calendar, civil_from_days, days_from_civil, days_in_month, weekday_of,
};
pub use resolve::{Day, Reference, When};

/// The years a four-digit number is read as, in words or in digits.
const YEARS: RangeInclusive<i64> = 1000..=2200;

/// What the date reader needs to know of a token.
pub trait DateToken {
    /// Folded form (`text::fold`); an elision without its apostrophe.
    fn folded(&self) -> &str;
    fn class(&self) -> TokenClass;
    fn capitalized(&self) -> bool;
}

/// A token as the date reader sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    Word,
    Number,
    /// l' d' qu' jusqu' …
    Elision,
    /// A comma of the sentence ("samedi, 14 novembre").
    Comma,
    /// Anything else: other punctuation, a token that cannot be part of a date.
    Other,
}

impl DateToken for Token {
    fn folded(&self) -> &str {
        &self.folded
    }

    fn class(&self) -> TokenClass {
        // A part of a hyphenated compound ("14-novembre") is not read as
        // a part of a date.
        if self.hyphen_joined {
            return TokenClass::Other;
        }
        match self.kind {
            TokenKind::Word => TokenClass::Word,
            TokenKind::Number => TokenClass::Number,
            TokenKind::Elision => TokenClass::Elision,
        }
    }

    fn capitalized(&self) -> bool {
        self.capitalized
    }
}

/// A date expression found in tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateHit {
    /// Tokens `start..end` of the whole expression: the words that open it
    /// ("le", "ce", "dans la nuit du") and a "dernier"/"prochain" after it.
    pub start: usize,
    pub end: usize,
    /// Tokens `date_start..date_end` of the date as written: from its day
    /// (or its month, or a day of the week alone) to its year.
    pub date_start: usize,
    pub date_end: usize,
    pub when: When,
    /// Opened by "ce"/"cette": the day the text speaks from ("ce samedi 14
    /// novembre").
    pub deictic: bool,
}

/// Every date expression of `toks`, left to right, resolved against
/// `reference` when one is given.
pub fn find_in<T: DateToken>(toks: &[T], reference: Option<Reference>) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(hit) = date_at(toks, i, reference) {
            i = hit.end.max(i + 1);
            out.push(hit);
        } else {
            i += 1;
        }
    }
    out
}

/// The word or elision `w` (folded) at `k`.
fn is<T: DateToken>(toks: &[T], k: usize, w: &str) -> bool {
    toks.get(k).is_some_and(|t| {
        matches!(t.class(), TokenClass::Word | TokenClass::Elision) && t.folded() == w
    })
}

fn word_at<T: DateToken>(toks: &[T], k: usize) -> Option<&str> {
    toks.get(k)
        .filter(|t| t.class() == TokenClass::Word)
        .map(|t| t.folded())
}

fn day_number<T: DateToken>(t: &T) -> Option<u32> {
    let f = t.folded();
    match t.class() {
        TokenClass::Number if f.len() <= 2 => f.parse().ok().filter(|d| (1..=31).contains(d)),
        TokenClass::Word if f == "1er" || f == "premier" => Some(1),
        _ => None,
    }
}

fn year_number<T: DateToken>(t: &T) -> Option<i64> {
    (t.class() == TokenClass::Number && t.folded().len() == 4)
        .then(|| t.folded().parse().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

fn month_at<T: DateToken>(toks: &[T], k: usize) -> Option<u32> {
    word_at(toks, k).and_then(|w| CALENDAR.month_in_date(w))
}

fn weekday_at<T: DateToken>(toks: &[T], k: usize) -> Option<u32> {
    word_at(toks, k).and_then(|w| CALENDAR.weekday(w))
}

/// Words that may open a date expression and belong to its text.
fn prefix_len<T: DateToken>(toks: &[T], i: usize) -> usize {
    let is = |k: usize, w: &str| is(toks, k, w);
    if (is(i, "dans") || is(i, "pendant") || is(i, "durant"))
        && is(i + 1, "la")
        && is(i + 2, "nuit")
    {
        return 3;
    }
    if is(i, "la") && is(i + 1, "nuit") {
        return 2;
    }
    if [
        "le", "ce", "cette", "du", "depuis", "entre", "en", "des", "au",
    ]
    .iter()
    .any(|w| is(i, w))
    {
        return 1;
    }
    0
}

fn hint_after<T: DateToken>(toks: &[T], k: usize) -> (Hint, usize) {
    if is(toks, k, "dernier") || is(toks, k, "derniere") {
        (Hint::Past, k + 1)
    } else if is(toks, k, "prochain") || is(toks, k, "prochaine") {
        (Hint::Future, k + 1)
    } else {
        (Hint::None, k)
    }
}

fn date_at<T: DateToken>(toks: &[T], i: usize, reference: Option<Reference>) -> Option<DateHit> {
    let is = |k: usize, w: &str| is(toks, k, w);
    let p = prefix_len(toks, i);
    let deictic = p == 1 && (is(i, "ce") || is(i, "cette"));
    let mut k = i + p;
    // "nuit du 9 au 10 octobre", "du 26 février au 7 mars", "entre le 24 et 25 mars".
    let range_open =
        is(k - usize::from(p > 0), "du") || is(k - usize::from(p > 0), "entre") || is(k, "du");
    if is(k, "du") {
        k += 1;
    }
    if is(k, "le") && p > 0 && is(i + p - 1, "entre") {
        k += 1;
    }
    let weekday_start = k;
    let mut weekday = weekday_at(toks, k);
    if weekday.is_some() {
        k += 1;
        while toks
            .get(k)
            .is_some_and(|t| CALENDAR.is_day_part(t.folded()))
        {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.class() == TokenClass::Comma)
            && toks.get(k + 1).and_then(day_number).is_some()
        {
            k += 1;
        }
    }
    let hit = |end: usize, date_start: usize, date_end: usize, when: When| DateHit {
        start: i,
        end,
        date_start,
        date_end,
        when,
        deictic,
    };
    if let Some(d1) = toks.get(k).and_then(day_number) {
        // A second day for a range.
        let second = if range_open && (is(k + 1, "au") || is(k + 1, "et")) {
            let mut j = k + 2;
            if is(j, "le") {
                j += 1;
            }
            toks.get(j).and_then(day_number).map(|d| (d, j))
        } else {
            None
        };
        let (m1, after_first) = match month_at(toks, k + 1) {
            Some(m) => (Some(m), k + 2),
            None => (None, k + 1),
        };
        if let Some((d2, j)) = second.filter(|_| m1.is_none()) {
            // "du 9 au 10 octobre [2020]"
            let m = month_at(toks, j + 1)?;
            let year = toks.get(j + 2).and_then(year_number);
            let end = j + 2 + usize::from(year.is_some());
            let first = resolve_day(d1, m, year, reference, Hint::None)?;
            let second = resolve_day(d2, m, year, reference, Hint::None)?;
            return Some(hit(end, k, end, When::Days(first, second)));
        }
        if let Some(m) = m1 {
            let year = toks.get(after_first).and_then(year_number);
            let date_end = after_first + usize::from(year.is_some());
            // "du 26 février au 7 mars"
            if range_open
                && is(date_end, "au")
                && let (Some(d2), Some(m2)) = (
                    toks.get(date_end + 1).and_then(day_number),
                    month_at(toks, date_end + 2),
                )
            {
                let year2 = toks.get(date_end + 3).and_then(year_number);
                let y = year2.or(year);
                let first = resolve_day(d1, m, y, reference, Hint::None)?;
                let second = resolve_day(d2, m2, y, reference, Hint::None)?;
                let end = date_end + 3 + usize::from(year2.is_some());
                return Some(hit(end, k, end, When::Days(first, second)));
            }
            let (hint, end) = hint_after(toks, date_end);
            let day = resolve_day(d1, m, year, reference, hint)?;
            return Some(hit(end, k, date_end, When::Day(day)));
        }
        // "mardi 14", "jeudi 9": a day of the week and a day with no month.
        if let Some(w) = weekday.take() {
            let day = resolve_weekday_day(w, d1, reference)?;
            return Some(hit(k + 1, weekday_start, k + 1, When::Day(day)));
        }
        return None;
    }
    if let Some(w) = weekday {
        // "le Journal du dimanche": a day of the week in a name is no date.
        if k >= 2
            && is(k - 2, "du")
            && k.checked_sub(3)
                .and_then(|b| toks.get(b))
                .is_some_and(|t| t.capitalized())
        {
            return None;
        }
        // A day of the week alone: only with the reference's day.
        let (hint, end) = hint_after(toks, k);
        let day = resolve_weekday(w, reference, hint)?;
        return Some(hit(end, weekday_start, weekday_start + 1, When::Day(day)));
    }
    // "février 1988", "en août 2016"
    if let Some(month) = month_at(toks, k) {
        // "sept" before a number is the number seven, not September.
        let year = toks
            .get(k + 1)
            .and_then(year_number)
            .filter(|_| toks[k].folded() != "sept")?;
        return Some(hit(k + 2, k, k + 2, When::Month { year, month }));
    }
    // "hier", "aujourd'hui", "demain" with the reference's day.
    if p == 0
        && let Some(offset) = word_at(toks, i).and_then(|w| CALENDAR.relative_day(w))
    {
        let reference = reference?;
        reference.day?;
        return Some(hit(
            i + 1,
            i,
            i + 1,
            When::Day(day_of(reference.days() + offset)),
        ));
    }
    None
}

/// A date written in a text: byte range and the parts that are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub day: Option<u32>,
    pub month: u32,
    pub year: Option<i64>,
    /// Preceded by "ce"/"cette": the text's own day ("ce samedi 14 novembre").
    pub deictic: bool,
}

impl DateMention {
    /// "YYYY-MM-DD" or "YYYY-MM"; `None` without a year.
    pub fn iso(&self) -> Option<String> {
        let year = self.year?;
        Some(match self.day {
            Some(d) => format!("{year:04}-{:02}-{d:02}", self.month),
            None => format!("{year:04}-{:02}", self.month),
        })
    }

    /// "26 mars" / "1er mars" / "mars", as a reader writes it.
    pub fn day_month(&self) -> String {
        let month = CALENDAR.month_name(self.month);
        match self.day {
            Some(1) => format!("1er {month}"),
            Some(d) => format!("{d} {month}"),
            None => month.to_owned(),
        }
    }
}

/// Every date written in words ("14 novembre 2020", "mars 2020", "du 9 au 10
/// octobre": its first day) or digits ("14/11/2020", "2020-11-14") in
/// `text`, in order, read without a reference date.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let tokens = tokenize(text);
    let mut out: Vec<DateMention> = find_in(&tokens, None)
        .into_iter()
        .map(|h| DateMention {
            start: tokens[h.date_start].start,
            end: tokens[h.date_end - 1].end,
            day: h.when.first_day().map(|d| d.day),
            month: h.when.month(),
            year: h.when.year(),
            deictic: h.deictic,
        })
        .collect();
    out.extend(numeric::find_numeric_dates(text));
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Vec<Option<String>> {
        find_dates(s).iter().map(DateMention::iso).collect()
    }

    /// The expressions of `text` read against `reference`: (words, value).
    fn read(text: &str, reference: Option<&str>) -> Vec<(String, String)> {
        let tokens = tokenize(text);
        find_in(&tokens, reference.and_then(Reference::parse))
            .iter()
            .map(|h| {
                (
                    text[tokens[h.start].start..tokens[h.end - 1].end].to_owned(),
                    h.when.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn dates_in_words_and_digits() {
        assert_eq!(
            iso("le 26 novembre 2020 (image), le 1er janv. 2021"),
            [Some("2020-11-26".into()), Some("2021-01-01".into())]
        );
        assert_eq!(iso("en mars 2020"), [Some("2020-03".into())]);
        assert_eq!(iso("ce samedi 14 novembre"), [None]);
        assert!(find_dates("ce samedi 14 novembre")[0].deictic);
        assert_eq!(
            iso("publié le 12/03/2024 et le 2024-03-13"),
            [Some("2024-03-12".into()), Some("2024-03-13".into())]
        );
        assert!(find_dates("Sur Mars, 14 robots").is_empty());
        assert_eq!(
            iso("Publié le 12/05/24 à 10h32"),
            [Some("2024-05-12".into())]
        );
        assert!(find_dates("1/2/3 et 45 mai").is_empty());
    }

    #[test]
    fn mentions_cover_the_date_as_written() {
        let text = "Le samedi 14 novembre dernier, à Paris.";
        let m = find_dates(text)[0];
        assert_eq!(&text[m.start..m.end], "14 novembre");
        assert_eq!(m.day_month(), "14 novembre");
        assert_eq!(find_dates("le 1er jan. 2021")[0].day_month(), "1er janvier");
        // Short forms that are names are months only inside a date.
        assert!(find_dates("Jan Koum a dit").is_empty());
        assert!(find_dates("sept 2000 soldats").is_empty());
        assert!(find_dates("le 14-novembre").is_empty());
    }

    #[test]
    fn expressions_resolve_against_the_reference() {
        assert_eq!(
            read(
                "Dans la nuit du 9 au 10 octobre, un accord.",
                Some("2020-10")
            ),
            [(
                "Dans la nuit du 9 au 10 octobre".to_owned(),
                "2020-10-09/2020-10-10".to_owned()
            )]
        );
        assert_eq!(
            read("Entre le 24 et 25 mars, les forces.", None)[0].1,
            "XXXX-03-24/XXXX-03-25"
        );
        assert_eq!(
            read("Le 29 février dernier, un drame.", Some("2012-05-29"))[0].1,
            "2012-02-29"
        );
        assert_eq!(
            read("voter mardi prochain", Some("2012-11-01"))[0].1,
            "2012-11-06"
        );
        assert_eq!(
            read("arrivé hier soir", Some("2020-03-01"))[0].1,
            "2020-02-29"
        );
        assert!(read("arrivé hier soir", Some("2020-03")).is_empty());
        assert!(read("le Journal du dimanche", Some("2020-03-01")).is_empty());
        // No day that the calendar does not have: only the month is read.
        assert_eq!(
            read("le 30 février 2020", None),
            [("février 2020".to_owned(), "2020-02".to_owned())]
        );
    }
}
