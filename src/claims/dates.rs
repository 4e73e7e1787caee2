//! Dates in the text, resolved against the document's date: "ce samedi 14
//! novembre" in a November 2020 article is 2020-11-14, "dans la nuit du 9 au
//! 10 octobre" is 2020-10-09/2020-10-10, "février 1988" is 1988-02. Without
//! a document date and without a year in the text, the year stays unknown
//! ("XXXX-03-24"): nothing is invented.

use super::Fact;
use super::extract::Found;
use super::lexicon::LEXICON;
use super::tokens::{Kind, Tok};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day number.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Monday = 1 … Sunday = 7.
pub fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The document's date: year, month, and day when known.
#[derive(Clone, Copy, Debug)]
pub struct DocDate {
    pub year: i64,
    pub month: u32,
    pub day: Option<u32>,
}

impl DocDate {
    pub fn parse(date: Option<&str>) -> Option<DocDate> {
        let date = date?;
        let mut parts = date.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day = parts
            .next()
            .and_then(|d| d.parse().ok())
            .filter(|d| (1..=31).contains(d));
        Some(DocDate { year, month, day })
    }

    fn days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day.unwrap_or(15))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    None,
    Past,
    Future,
}

fn iso(y: i64, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A day and month with no year: the year that puts it nearest the document's date.
fn resolve_year(
    day: u32,
    month: u32,
    year: Option<i64>,
    doc: Option<DocDate>,
    hint: Hint,
) -> Option<String> {
    if day == 0 || day > 31 || !(1..=12).contains(&month) {
        return None;
    }
    if let Some(y) = year {
        return (day <= days_in_month(y, month)).then(|| iso(y, month, day));
    }
    let Some(doc) = doc else {
        return Some(format!("XXXX-{month:02}-{day:02}"));
    };
    let reference = doc.days();
    let best = [doc.year - 1, doc.year, doc.year + 1]
        .into_iter()
        .filter(|&y| day <= days_in_month(y, month))
        .map(|y| (y, days_from_civil(y, month, day) - reference))
        .filter(|&(_, delta)| match hint {
            Hint::Past => delta <= 31,
            Hint::Future => delta >= -31,
            Hint::None => true,
        })
        .min_by_key(|&(_, delta)| delta.abs())?;
    Some(iso(best.0, month, day))
}

/// A day of the week alone ("ce mercredi", "vendredi", "mardi prochain"),
/// resolved when the document's date has a day.
fn resolve_weekday(wd: u32, doc: Option<DocDate>, hint: Hint) -> Option<String> {
    let doc = doc?;
    doc.day?;
    let today = doc.days();
    let offsets: Vec<i64> = match hint {
        Hint::Future => (1..=7).collect(),
        Hint::Past => (-7..=-1).rev().collect(),
        Hint::None => (-6..=0).rev().collect(),
    };
    let d = offsets
        .into_iter()
        .map(|o| today + o)
        .find(|&d| weekday(d) == wd)?;
    let (y, m, day) = civil_from_days(d);
    Some(iso(y, m, day))
}

/// A day of the week with a day number and no month ("jeudi 9"): the nearest
/// month where that day is that weekday.
fn resolve_weekday_day(wd: u32, day: u32, doc: Option<DocDate>) -> Option<String> {
    let doc = doc?;
    let reference = doc.days();
    (-2i64..=2)
        .filter_map(|shift| {
            let months = doc.year * 12 + doc.month as i64 - 1 + shift;
            let (y, m) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
            (day <= days_in_month(y, m)).then(|| (y, m, days_from_civil(y, m, day)))
        })
        .filter(|&(_, _, d)| weekday(d) == wd)
        .min_by_key(|&(_, _, d)| (d - reference).abs())
        .map(|(y, m, _)| iso(y, m, day))
}

fn day_number(t: &Tok) -> Option<u32> {
    match t.kind {
        Kind::Number if t.folded.len() <= 2 => {
            t.folded.parse().ok().filter(|d| (1..=31).contains(d))
        }
        Kind::Word if t.folded == "1er" || t.folded == "premier" => Some(1),
        _ => None,
    }
}

fn year_number(t: &Tok) -> Option<i64> {
    (t.kind == Kind::Number && t.folded.len() == 4)
        .then(|| t.folded.parse().ok())
        .flatten()
        .filter(|y| (1000..=2200).contains(y))
}

fn month_at(toks: &[Tok], i: usize) -> Option<u32> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    // "sept" is a month only written short before a year or after a day.
    LEXICON.months.get(t.folded.as_str()).copied()
}

fn weekday_at(toks: &[Tok], i: usize) -> Option<u32> {
    let t = toks.get(i)?;
    t.is_word()
        .then(|| LEXICON.weekdays.get(t.folded.as_str()).copied())
        .flatten()
}

/// A found date: token range and value.
pub struct DateHit {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// Every date expression of a sentence, left to right.
pub fn find(toks: &[Tok], doc_date: Option<&str>) -> Vec<DateHit> {
    let doc = DocDate::parse(doc_date);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(hit) = date_at(toks, i, doc) {
            i = hit.end.max(i + 1);
            out.push(hit);
        } else {
            i += 1;
        }
    }
    out
}

/// Words that may open a date expression and belong to its text.
fn prefix_len(toks: &[Tok], i: usize) -> usize {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
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
        "le", "ce", "cette", "du", "depuis", "entre", "en", "des", "jusqu'au", "au",
    ]
    .iter()
    .any(|w| is(i, w))
    {
        return 1;
    }
    0
}

fn hint_after(toks: &[Tok], k: usize) -> (Hint, usize) {
    match toks.get(k) {
        Some(t) if t.is("dernier") || t.is("derniere") => (Hint::Past, k + 1),
        Some(t) if t.is("prochain") || t.is("prochaine") => (Hint::Future, k + 1),
        _ => (Hint::None, k),
    }
}

fn date_at(toks: &[Tok], i: usize, doc: Option<DocDate>) -> Option<DateHit> {
    let p = prefix_len(toks, i);
    let mut k = i + p;
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    // "nuit du 9 au 10 octobre", "du 26 février au 7 mars", "entre le 24 et 25 mars".
    let range_open =
        is(k - usize::from(p > 0), "du") || is(k - usize::from(p > 0), "entre") || is(k, "du");
    if is(k, "du") {
        k += 1;
    }
    if is(k, "le") && is(i + p - 1, "entre") {
        k += 1;
    }
    let mut wd = weekday_at(toks, k);
    if wd.is_some() {
        k += 1;
        while toks
            .get(k)
            .is_some_and(|t| LEXICON.day_parts.contains(t.folded.as_str()))
        {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.is_punct(','))
            && toks.get(k + 1).and_then(day_number).is_some()
        {
            k += 1;
        }
    }
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
            let first = resolve_year(d1, m, year, doc, Hint::None)?;
            let second = resolve_year(d2, m, year, doc, Hint::None)?;
            return Some(DateHit {
                start: i,
                end,
                value: format!("{first}/{second}"),
            });
        }
        if let Some(m) = m1 {
            let year = toks.get(after_first).and_then(year_number);
            let mut end = after_first + usize::from(year.is_some());
            // "du 26 février au 7 mars"
            if range_open
                && is(end, "au")
                && let (Some(d2), Some(m2)) = (
                    toks.get(end + 1).and_then(day_number),
                    month_at(toks, end + 2),
                )
            {
                let year2 = toks.get(end + 3).and_then(year_number);
                let y = year2.or(year);
                let first = resolve_year(d1, m, y, doc, Hint::None)?;
                let second = resolve_year(d2, m2, y, doc, Hint::None)?;
                let end = end + 3 + usize::from(year2.is_some());
                return Some(DateHit {
                    start: i,
                    end,
                    value: format!("{first}/{second}"),
                });
            }
            let (hint, e) = hint_after(toks, end);
            end = e;
            let value = resolve_year(d1, m, year, doc, hint)?;
            return Some(DateHit {
                start: i,
                end,
                value,
            });
        }
        // "mardi 14", "jeudi 9": a weekday and a day with no month.
        if let Some(w) = wd.take() {
            let value = resolve_weekday_day(w, d1, doc)?;
            return Some(DateHit {
                start: i,
                end: k + 1,
                value,
            });
        }
        return None;
    }
    if let Some(w) = wd {
        // "le Journal du dimanche": a weekday in a name is no date.
        if k >= 2 && toks[k - 2].is("du") && toks.get(k.wrapping_sub(3)).is_some_and(|t| t.cap) {
            return None;
        }
        // A weekday alone: only with the document's day.
        let (hint, end) = hint_after(toks, k);
        let value = resolve_weekday(w, doc, hint)?;
        return Some(DateHit {
            start: i,
            end,
            value,
        });
    }
    // "février 1988", "en août 2016"
    if let Some(m) = month_at(toks, k) {
        // "sept" before a number is the number seven, not September.
        if let Some(y) = toks
            .get(k + 1)
            .and_then(year_number)
            .filter(|_| toks[k].folded != "sept")
        {
            return Some(DateHit {
                start: i,
                end: k + 2,
                value: format!("{y:04}-{m:02}"),
            });
        }
        return None;
    }
    // "hier", "aujourd'hui", "demain" with a document day.
    if p == 0
        && let Some(&offset) = toks
            .get(i)
            .filter(|t| t.is_word())
            .and_then(|t| LEXICON.relative_days.get(t.folded.as_str()))
    {
        let doc = doc?;
        doc.day?;
        let (y, m, d) = civil_from_days(doc.days() + offset);
        return Some(DateHit {
            start: i,
            end: i + 1,
            value: iso(y, m, d),
        });
    }
    None
}

/// The date each statement speaks of or was made on: a date next to its cue
/// (before the reported words, or right after them), else the first one inside.
pub fn attach_statement_dates(found: &mut [Found], facts: &[Fact]) {
    let dates: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.kind == super::FactKind::Date)
        .collect();
    let contents: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    for f in found.iter_mut() {
        let inside_other = |d: &Fact| {
            contents.iter().any(|&(s, e)| {
                (s, e) != (f.start, f.end) && s <= d.start as usize && (d.end as usize) <= e
            })
        };
        let near = dates
            .iter()
            .filter(|d| !inside_other(d))
            .filter(|d| {
                let (s, e) = (d.start as usize, d.end as usize);
                (e <= f.start && f.start - e <= 80) || (s >= f.end && s - f.end <= 60)
            })
            .min_by_key(|d| {
                let (s, e) = (d.start as usize, d.end as usize);
                if e <= f.start { f.start - e } else { s - f.end }
            });
        let inside = || {
            dates
                .iter()
                .find(|d| f.start <= d.start as usize && d.end as usize <= f.end)
        };
        f.date = near.or_else(inside).map(|d| match &d.value {
            super::FactValue::Date(s) => s.clone(),
            other => format!("{other:?}"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::read_block;

    fn dates(text: &str, doc: Option<&str>) -> Vec<(String, String)> {
        let mut quotes = Vec::new();
        let sentences = read_block(text, 0, text.len(), &[], 0, &mut quotes);
        sentences
            .iter()
            .flat_map(|s| {
                find(&s.toks, doc)
                    .into_iter()
                    .map(|h| {
                        (
                            text[s.toks[h.start].start..s.toks[h.end - 1].end].to_owned(),
                            h.value,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2020, 2, 29)), (2020, 2, 29));
        assert_eq!(weekday(days_from_civil(2020, 11, 14)), 6); // a Saturday
    }

    #[test]
    fn dates_resolve_against_the_document() {
        let got = dates(
            "Il a rapporté ce samedi 14 novembre que tout va bien.",
            Some("2020-11"),
        );
        assert_eq!(
            got,
            [("ce samedi 14 novembre".to_owned(), "2020-11-14".to_owned())]
        );
        let got = dates("Le 27 septembre, des combats.", Some("2020-10"));
        assert_eq!(got[0].1, "2020-09-27");
        let got = dates(
            "Dans la nuit du 9 au 10 octobre, un accord.",
            Some("2020-10"),
        );
        assert_eq!(
            got[0],
            (
                "Dans la nuit du 9 au 10 octobre".to_owned(),
                "2020-10-09/2020-10-10".to_owned()
            )
        );
        let got = dates("Le conflit a éclaté en février 1988.", Some("2020-12"));
        assert_eq!(got[0].1, "1988-02");
        let got = dates("Le 29 février dernier, un drame.", Some("2012-05-29"));
        assert_eq!(got[0].1, "2012-02-29");
        let got = dates(
            "Du 26 février au 7 mars, 21 arrestations.",
            Some("2017-03-17"),
        );
        assert_eq!(got[0].1, "2017-02-26/2017-03-07");
    }

    #[test]
    fn weekdays_need_the_document_day() {
        assert_eq!(
            dates("annoncé ce mercredi", Some("2017-03-17"))[0].1,
            "2017-03-15"
        );
        assert_eq!(
            dates("voter mardi prochain", Some("2012-11-01"))[0].1,
            "2012-11-06"
        );
        assert_eq!(
            dates("jusqu'à mardi 14, journée", Some("2016-06-12"))[0].1,
            "2016-06-14"
        );
        assert!(dates("annoncé ce mercredi", Some("2017-03")).is_empty());
    }

    #[test]
    fn no_year_is_invented() {
        let got = dates("Entre le 24 et 25 mars, les forces.", None);
        assert_eq!(got[0].1, "XXXX-03-24/XXXX-03-25");
    }
}
