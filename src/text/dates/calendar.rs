//! The calendar: month and day names (`data/calendar_fr.txt`) and the
//! civil-day arithmetic of the proleptic Gregorian calendar.

use std::sync::LazyLock;

use crate::text::data::Sections;
use crate::text::fnv::{HashMap, HashSet};
use crate::text::fold;

/// The calendar words of `data/calendar_fr.txt`, keyed by folded form.
pub struct Calendar {
    months: HashMap<String, u32>,
    /// Short forms read as months only inside a written date ("jan", "sep").
    month_abbreviations: HashMap<String, u32>,
    /// Month names as written, January first.
    month_names: Vec<String>,
    /// Monday = 1 … Sunday = 7.
    weekdays: HashMap<String, u32>,
    /// Days from the reference date ("hier" = -1).
    relative_days: HashMap<String, i64>,
    day_parts: HashSet<String>,
    /// Lines of the data file that could not be read (checked by a test).
    pub problems: Vec<String>,
}

pub static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::parse(crate::data_file!(include_str!(
        "../../../data/calendar_fr.txt"
    )))
});

impl Calendar {
    fn parse(source: &str) -> Calendar {
        let mut calendar = Calendar {
            months: HashMap::default(),
            month_abbreviations: HashMap::default(),
            month_names: vec![String::new(); 12],
            weekdays: HashMap::default(),
            relative_days: HashMap::default(),
            day_parts: HashSet::default(),
            problems: Vec::new(),
        };
        for (section, lines) in Sections::parse(source).iter() {
            for line in lines {
                if !calendar.read_line(section, line) {
                    calendar
                        .problems
                        .push(format!("calendar_fr.txt: [{section}] {line}"));
                }
            }
        }
        calendar
    }

    /// Reads one line of `section`; false when it cannot be read.
    fn read_line(&mut self, section: &str, line: &str) -> bool {
        let mut words = line.split_whitespace();
        if section == "day_parts" {
            self.day_parts.extend(words.map(fold));
            return true;
        }
        let Some(number) = words.next().and_then(|n| n.parse::<i64>().ok()) else {
            return false;
        };
        let words: Vec<&str> = words.collect();
        let Some(&first) = words.first() else {
            return false;
        };
        match section {
            "months" | "month_abbreviations" if (1..=12).contains(&number) => {
                let month = number as u32;
                let map = if section == "months" {
                    let name = &mut self.month_names[month as usize - 1];
                    if name.is_empty() {
                        *name = first.to_owned();
                    }
                    &mut self.months
                } else {
                    &mut self.month_abbreviations
                };
                map.extend(words.iter().map(|w| (fold(w), month)));
            }
            "weekdays" if (1..=7).contains(&number) => {
                self.weekdays
                    .extend(words.iter().map(|w| (fold(w), number as u32)));
            }
            "relative_days" => {
                self.relative_days
                    .extend(words.iter().map(|w| (fold(w), number)));
            }
            _ => return false,
        }
        true
    }

    /// The month a folded word names wherever it stands ("mars", "janv").
    pub fn month(&self, folded: &str) -> Option<u32> {
        self.months.get(folded).copied()
    }

    /// The month a folded word names inside a written date, where short
    /// forms that are also names or words are months too ("1er jan. 2021").
    pub fn month_in_date(&self, folded: &str) -> Option<u32> {
        self.month(folded)
            .or_else(|| self.month_abbreviations.get(folded).copied())
    }

    /// The name of month `month` (1-12) as written ("août").
    pub fn month_name(&self, month: u32) -> &str {
        (month as usize)
            .checked_sub(1)
            .and_then(|i| self.month_names.get(i))
            .map_or("", String::as_str)
    }

    /// The day of the week a folded word names, Monday = 1.
    pub fn weekday(&self, folded: &str) -> Option<u32> {
        self.weekdays.get(folded).copied()
    }

    /// How many days from the reference date a folded word says ("hier": -1).
    pub fn relative_day(&self, folded: &str) -> Option<i64> {
        self.relative_days.get(folded).copied()
    }

    /// A part of a day that may follow a day name ("matin", "soir").
    pub fn is_day_part(&self, folded: &str) -> bool {
        self.day_parts.contains(folded)
    }
}

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

/// The day of the week of a day number: Monday = 1 … Sunday = 7.
pub fn weekday_of(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words_load() {
        assert!(
            CALENDAR.problems.is_empty(),
            "unreadable lines: {:?}",
            CALENDAR.problems
        );
        assert_eq!(CALENDAR.month("aout"), Some(8));
        assert_eq!(CALENDAR.month_name(8), "août");
        assert_eq!(CALENDAR.month("jan"), None);
        assert_eq!(CALENDAR.month_in_date("jan"), Some(1));
        assert_eq!(CALENDAR.weekday("dimanche"), Some(7));
        assert_eq!(CALENDAR.weekdays.len(), 7);
        assert_eq!(CALENDAR.relative_day("hier"), Some(-1));
        assert!(CALENDAR.is_day_part("apres-midi"));
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2020, 2, 29)), (2020, 2, 29));
        assert_eq!(weekday_of(days_from_civil(2020, 11, 14)), 6); // a Saturday
    }
}
