//! The date each statement speaks of or was made on. Dates themselves are
//! read by `text::dates` (through the extractor's tokens, which implement
//! `DateToken`), resolved against the document's date.

use super::Fact;
use super::extract::Found;

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
    use crate::claims::tokens::read_block;
    use crate::text::dates::{Reference, find_in};

    fn dates(text: &str, doc: Option<&str>) -> Vec<(String, String)> {
        let mut quotes = Vec::new();
        let sentences = read_block(text, 0, text.len(), &[], 0, &mut quotes);
        sentences
            .iter()
            .flat_map(|s| {
                find_in(&s.toks, doc.and_then(Reference::parse))
                    .into_iter()
                    .map(|h| {
                        (
                            text[s.toks[h.start].start..s.toks[h.end - 1].end].to_owned(),
                            h.when.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
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
