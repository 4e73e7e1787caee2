//! The date each statement speaks of or was made on. Dates themselves are
//! read by `text::dates` (through the extractor's tokens, which implement
//! `DateToken`), resolved against the document's date.

use super::Fact;
use super::extract::Found;

/// How far before a statement's words (its cue and speaker) a date still
/// belongs to it, and how far after them.
const NEAR_BEFORE: usize = 80;
const NEAR_AFTER: usize = 60;

/// The date each statement speaks of or was made on: a date next to its cue
/// (before the reported words, or right after them in the same sentence),
/// else the first one inside. `sentence_starts`: where each sentence of the
/// document begins, in order.
///
/// Dates are looked up in sorted lists, not scanned for every statement: a
/// long paragraph of dated statements (hundreds of each) took seconds when
/// every statement tried every date against every other statement.
pub fn attach_statement_dates(found: &mut [Found], facts: &[Fact], sentence_starts: &[usize]) {
    let dates: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.kind == super::FactKind::Date)
        .collect();
    let span = |i: usize| (dates[i].start as usize, dates[i].end as usize);
    // A date next to a statement is outside its words, so "inside another
    // statement's words" is inside any statement's words: one answer per date.
    let quoted = inside_any(
        found,
        dates.iter().map(|d| (d.start as usize, d.end as usize)),
    );
    // Numbers of the dates (their order among the facts breaks ties).
    let mut by_start: Vec<usize> = (0..dates.len()).collect();
    by_start.sort_by_key(|&i| (span(i).0, i));
    let mut free_by_end: Vec<usize> = (0..dates.len()).filter(|&i| !quoted[i]).collect();
    free_by_end.sort_by_key(|&i| (span(i).1, i));
    let free_by_start: Vec<usize> = by_start.iter().copied().filter(|&i| !quoted[i]).collect();
    for f in found.iter_mut() {
        let ends_before = {
            let from =
                free_by_end.partition_point(|&i| span(i).1 < f.start.saturating_sub(NEAR_BEFORE));
            let to = free_by_end.partition_point(|&i| span(i).1 <= f.start);
            free_by_end[from..to]
                .iter()
                .map(|&i| (f.start - span(i).1, i))
        };
        let starts_after = {
            // "« X ». Le 2 mars, …": a date after the sentence that ends the
            // reported words opens another story, not this statement's.
            let next_sentence = sentence_starts
                .get(sentence_starts.partition_point(|&s| s <= f.end))
                .copied()
                .unwrap_or(usize::MAX);
            let limit = f
                .end
                .saturating_add(NEAR_AFTER)
                .min(next_sentence.saturating_sub(1));
            let from = free_by_start.partition_point(|&i| span(i).0 < f.end);
            let to = free_by_start.partition_point(|&i| span(i).0 <= limit);
            free_by_start[from..to]
                .iter()
                .map(|&i| (span(i).0 - f.end, i))
        };
        let near = ends_before.chain(starts_after).min().map(|(_, i)| i);
        let inside = || {
            let from = by_start.partition_point(|&i| span(i).0 < f.start);
            let to = by_start.partition_point(|&i| span(i).0 <= f.end);
            by_start[from..to]
                .iter()
                .copied()
                .filter(|&i| span(i).1 <= f.end)
                .min()
        };
        f.date = near.or_else(inside).map(|i| match &dates[i].value {
            super::FactValue::Date(s) => s.clone(),
            other => format!("{other:?}"),
        });
    }
}

/// For each span (start, end), whether some statement's words hold it all.
fn inside_any(found: &[Found], spans: impl Iterator<Item = (usize, usize)>) -> Vec<bool> {
    let mut contents: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    contents.sort_unstable();
    // The furthest end among the statements starting at or before each one.
    let furthest: Vec<usize> = contents
        .iter()
        .scan(0, |max, &(_, e)| {
            *max = e.max(*max);
            Some(*max)
        })
        .collect();
    spans
        .map(|(s, e)| {
            let n = contents.partition_point(|&(cs, _)| cs <= s);
            n > 0 && furthest[n - 1] >= e
        })
        .collect()
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
