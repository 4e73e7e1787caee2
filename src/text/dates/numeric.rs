//! Dates written in digits: "14/11/2020", "14.11.2020", "12/05/24",
//! "2020-11-14".

use super::{DateMention, YEARS};

/// "14/11/2020", "14.11.2020", "12/05/24" and "2020-11-14".
pub(super) fn find_numeric_dates(text: &str) -> Vec<DateMention> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'/')) {
            i += 1;
            continue;
        }
        let n1 = digits(i);
        let parse = |from: usize, n: usize| text[from..from + n].parse::<u32>().ok();
        let sep = b.get(i + n1).copied();
        let mention = (|| {
            let sep = sep?;
            if !matches!(sep, b'/' | b'.' | b'-') {
                return None;
            }
            let j = i + n1 + 1;
            let n2 = digits(j);
            if b.get(j + n2) != Some(&sep) {
                return None;
            }
            let k = j + n2 + 1;
            let n3 = digits(k);
            let end = k + n3;
            if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            let (y, m, d) = match (n1, n2, n3) {
                (4, 2, 2) if sep == b'-' => (parse(i, 4)?, parse(j, 2)?, parse(k, 2)?),
                (1..=2, 1..=2, 4) if sep != b'-' => (parse(k, 4)?, parse(j, n2)?, parse(i, n1)?),
                // "12/05/24": French dates put the day first; two-digit
                // years are read in 1970-2069.
                (1..=2, 1..=2, 2) if sep == b'/' => {
                    let yy = parse(k, 2)?;
                    let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
                    (year, parse(j, n2)?, parse(i, n1)?)
                }
                _ => return None,
            };
            let y = i64::from(y);
            ((1..=12).contains(&m) && (1..=31).contains(&d) && YEARS.contains(&y)).then_some(
                DateMention {
                    start: i,
                    end,
                    day: Some(d),
                    month: m,
                    year: Some(y),
                    deictic: false,
                },
            )
        })();
        match mention {
            Some(m) => {
                i = m.end;
                out.push(m);
            }
            None => i += n1.max(1),
        }
    }
    out
}
