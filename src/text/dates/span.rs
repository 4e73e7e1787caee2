//! Dates as the explorer writes them ("2020-11-14", "1988-02", "2020",
//! "XXXX-03-24" with the year unknown, ranges "2020-10-09/2020-10-10"), read
//! as spans of days so that two can be compared (do they overlap, how far
//! apart are they) and said as a French reader says them.

use super::{CALENDAR, days_from_civil, days_in_month};

/// A date or range: first and last day, as (year, month, day) with the year
/// `None` when the text does not give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub year: Option<i32>,
    pub from: (u32, u32),
    pub to: (u32, u32),
    /// The last day's year, for ranges across a new year.
    pub to_year: Option<i32>,
}

fn parse_point(s: &str) -> Option<(Option<i32>, Option<u32>, Option<u32>)> {
    let mut parts = s.split('-');
    let y = parts.next()?;
    let year = if y == "XXXX" {
        None
    } else {
        Some(y.parse().ok()?)
    };
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    if month.is_some_and(|m: u32| !(1..=12).contains(&m))
        || day.is_some_and(|d: u32| !(1..=31).contains(&d))
    {
        return None;
    }
    Some((year, month, day))
}

impl Span {
    pub fn parse(iso: &str) -> Option<Span> {
        let (a, b) = iso.split_once('/').unwrap_or((iso, iso));
        let (ya, ma, da) = parse_point(a)?;
        let (yb, mb, db) = parse_point(b)?;
        Some(Span {
            year: ya,
            from: (ma.unwrap_or(1), da.unwrap_or(1)),
            to: (mb.unwrap_or(12), db.unwrap_or(31)),
            to_year: yb.or(ya),
        })
    }

    /// At day precision (a day or a range of days, not a month or a year).
    pub fn is_day(&self, iso: &str) -> bool {
        iso.split('/').all(|p| p.split('-').count() == 3) && self.year.is_some()
    }

    /// Days since 1970-01-01 of a (year, month, day); a day past the
    /// month's end (a span's "31") counts as its last day.
    fn ordinal(year: i32, (m, d): (u32, u32)) -> i64 {
        let year = i64::from(year);
        days_from_civil(year, m, d.min(days_in_month(year, m)))
    }

    /// Do two dates share a day? A date without a year shares its days with
    /// that month and day of any year.
    pub fn overlaps(&self, other: &Span) -> bool {
        match (self.year, other.year) {
            (Some(a), Some(b)) => {
                let (a0, a1) = (
                    Span::ordinal(a, self.from),
                    Span::ordinal(self.to_year.unwrap_or(a), self.to),
                );
                let (b0, b1) = (
                    Span::ordinal(b, other.from),
                    Span::ordinal(other.to_year.unwrap_or(b), other.to),
                );
                a0 <= b1 && b0 <= a1
            }
            _ => self.from <= other.to && other.from <= self.to,
        }
    }

    /// Days between two dates (0 when they overlap), when both have a year.
    pub fn days_apart(&self, other: &Span) -> Option<i64> {
        let (a, b) = (self.year?, other.year?);
        if self.overlaps(other) {
            return Some(0);
        }
        let a0 = Span::ordinal(a, self.from);
        let a1 = Span::ordinal(self.to_year.unwrap_or(a), self.to);
        let b0 = Span::ordinal(b, other.from);
        let b1 = Span::ordinal(other.to_year.unwrap_or(b), other.to);
        Some(if a1 < b0 { b0 - a1 } else { a0 - b1 })
    }
}

/// Do two ISO dates (as the extractor writes them) overlap? Unreadable
/// dates never do.
pub fn overlap(a: &str, b: &str) -> bool {
    match (Span::parse(a), Span::parse(b)) {
        (Some(x), Some(y)) => x.overlaps(&y),
        _ => false,
    }
}

/// A date as a French reader says it: "10 novembre 2020", "mars 1988",
/// "24 mars (année inconnue)", "du 9 au 10 octobre 2020".
pub fn label(iso: &str) -> String {
    let point = |p: &str, with_year: bool| -> String {
        let Some((y, m, d)) = parse_point(p) else {
            return p.to_owned();
        };
        let mut out = String::new();
        if let Some(d) = d {
            out.push_str(&if d == 1 {
                "1er".to_owned()
            } else {
                d.to_string()
            });
            out.push(' ');
        }
        if let Some(m) = m {
            out.push_str(CALENDAR.month_name(m));
        }
        if with_year {
            match y {
                Some(y) => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&y.to_string());
                }
                None => out.push_str(" (année inconnue)"),
            }
        }
        out
    };
    match iso.split_once('/') {
        Some((a, b)) => {
            // "du 9 au 10 octobre 2020": the month once when it is the same.
            let same_month = matches!((parse_point(a), parse_point(b)),
                (Some((ya, Some(ma), Some(_))), Some((yb, Some(mb), Some(_)))) if ya == yb && ma == mb);
            let first = if same_month {
                let d = parse_point(a).and_then(|p| p.2).unwrap_or(1);
                if d == 1 {
                    "1er".to_owned()
                } else {
                    d.to_string()
                }
            } else {
                point(a, false)
            };
            format!("du {first} au {}", point(b, true))
        }
        None => point(iso, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_overlap_by_day_with_partial_and_unknown_years() {
        assert!(overlap("2020-11-09", "2020-11"));
        assert!(overlap("2020-11-09", "2020"));
        assert!(!overlap("2020-11-09", "2020-11-10"));
        assert!(overlap("2020-10-09/2020-10-10", "2020-10-10"));
        assert!(overlap("XXXX-03-25", "2021-03-24/2021-03-26"));
        assert!(!overlap("XXXX-03-25", "2020-12-11"));
        assert!(!overlap("nonsense", "2020"));
    }

    #[test]
    fn days_apart() {
        let a = Span::parse("2020-11-09").unwrap();
        let b = Span::parse("2020-11-10").unwrap();
        assert_eq!(a.days_apart(&b), Some(1));
        let c = Span::parse("2020-12-11").unwrap();
        assert!(a.days_apart(&c).unwrap() > 20);
        assert_eq!(Span::parse("XXXX-03-24").unwrap().days_apart(&a), None);
    }

    #[test]
    fn labels() {
        assert_eq!(label("2020-11-10"), "10 novembre 2020");
        assert_eq!(label("1988-02"), "février 1988");
        assert_eq!(label("XXXX-03-24"), "24 mars (année inconnue)");
        assert_eq!(label("2020-10-09/2020-10-10"), "du 9 au 10 octobre 2020");
        assert_eq!(label("2021-01-01"), "1er janvier 2021");
    }
}
