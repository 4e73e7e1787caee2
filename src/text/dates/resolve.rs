//! What a date expression designates, read against a reference date: the
//! year that puts a day nearest to it, the day a day of the week or "hier"
//! means.

use std::fmt;

use super::calendar::{civil_from_days, days_from_civil, days_in_month, weekday_of};

/// The date dates are read against (a document's): year, month, and the
/// day when known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub year: i64,
    pub month: u32,
    pub day: Option<u32>,
}

impl Reference {
    /// "YYYY-MM" or "YYYY-MM-DD"; a day out of range is dropped.
    pub fn parse(date: &str) -> Option<Reference> {
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
        Some(Reference { year, month, day })
    }

    /// Its day number; mid-month when the day is not known.
    pub fn days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day.unwrap_or(15))
    }
}

/// A calendar day; its year unknown when neither the text nor a reference
/// date gives it. Prints as "2020-11-14" or "XXXX-11-14".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: Option<i64>,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "XXXX-{:02}-{:02}", self.month, self.day),
        }
    }
}

/// What a date expression designates. Prints as an ISO date: "2020-11-14",
/// "1988-02", "2020-10-09/2020-10-10".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Day(Day),
    /// A month of a year with no day ("février 1988").
    Month {
        year: i64,
        month: u32,
    },
    /// From the first day to the last ("du 9 au 10 octobre").
    Days(Day, Day),
}

impl When {
    /// The day it starts on (none for a month).
    pub fn first_day(&self) -> Option<Day> {
        match *self {
            When::Day(d) | When::Days(d, _) => Some(d),
            When::Month { .. } => None,
        }
    }

    pub fn month(&self) -> u32 {
        match *self {
            When::Day(d) | When::Days(d, _) => d.month,
            When::Month { month, .. } => month,
        }
    }

    pub fn year(&self) -> Option<i64> {
        match *self {
            When::Day(d) | When::Days(d, _) => d.year,
            When::Month { year, .. } => Some(year),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(d) => d.fmt(f),
            When::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            When::Days(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// Whether a date lies before or after the reference date, as the text says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Hint {
    None,
    /// "dernier"
    Past,
    /// "prochain"
    Future,
}

/// A day and month, in the year the text gives or else the year that puts
/// it nearest the reference date (before it for "dernier", after it for
/// "prochain"); with neither, the year stays unknown.
pub(super) fn resolve_day(
    day: u32,
    month: u32,
    year: Option<i64>,
    reference: Option<Reference>,
    hint: Hint,
) -> Option<Day> {
    if day == 0 || day > 31 || !(1..=12).contains(&month) {
        return None;
    }
    if let Some(y) = year {
        return (day <= days_in_month(y, month)).then_some(Day {
            year: Some(y),
            month,
            day,
        });
    }
    let Some(reference) = reference else {
        return Some(Day {
            year: None,
            month,
            day,
        });
    };
    let from = reference.days();
    let best = [reference.year - 1, reference.year, reference.year + 1]
        .into_iter()
        .filter(|&y| day <= days_in_month(y, month))
        .map(|y| (y, days_from_civil(y, month, day) - from))
        .filter(|&(_, delta)| match hint {
            Hint::Past => delta <= 31,
            Hint::Future => delta >= -31,
            Hint::None => true,
        })
        .min_by_key(|&(_, delta)| delta.abs())?;
    Some(Day {
        year: Some(best.0),
        month,
        day,
    })
}

pub(super) fn day_of(days: i64) -> Day {
    let (year, month, day) = civil_from_days(days);
    Day {
        year: Some(year),
        month,
        day,
    }
}

/// A day of the week alone ("ce mercredi", "vendredi", "mardi prochain"):
/// only against a reference date with a day.
pub(super) fn resolve_weekday(
    weekday: u32,
    reference: Option<Reference>,
    hint: Hint,
) -> Option<Day> {
    let reference = reference?;
    reference.day?;
    let today = reference.days();
    let offsets: Vec<i64> = match hint {
        Hint::Future => (1..=7).collect(),
        Hint::Past => (-7..=-1).rev().collect(),
        Hint::None => (-6..=0).rev().collect(),
    };
    offsets
        .into_iter()
        .map(|o| today + o)
        .find(|&d| weekday_of(d) == weekday)
        .map(day_of)
}

/// A day of the week with a day number and no month ("jeudi 9"): the
/// nearest month where that day is that day of the week.
pub(super) fn resolve_weekday_day(
    weekday: u32,
    day: u32,
    reference: Option<Reference>,
) -> Option<Day> {
    let reference = reference?;
    let from = reference.days();
    (-2i64..=2)
        .filter_map(|shift| {
            let months = reference.year * 12 + reference.month as i64 - 1 + shift;
            let (y, m) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
            (day <= days_in_month(y, m)).then(|| (y, m, days_from_civil(y, m, day)))
        })
        .filter(|&(_, _, d)| weekday_of(d) == weekday)
        .min_by_key(|&(_, _, d)| (d - from).abs())
        .map(|(y, m, _)| Day {
            year: Some(y),
            month: m,
            day,
        })
}
