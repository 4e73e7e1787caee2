//! Facets of a result list: how many matching documents each outlet,
//! speaker, side and month holds, and the filters that narrow a search to
//! some of them.
//!
//! What a document can be counted by is computed once per corpus
//! ([`FacetTable`]: small integers per document); a search then counts over
//! its matches in one pass of array increments, whatever the corpus size,
//! so the page never tallies thousands of results in JavaScript.

use crate::text::fnv::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::corpus::Summaries;
use crate::index::DocId;

/// Values listed per facet (the most frequent; selected ones always).
pub const FACET_LIMIT: usize = 50;
/// Past this many distinct months among the matches, dates are counted
/// by year (a list of months over a decade helps nobody).
const MONTHS_BEFORE_YEARS: usize = 24;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FacetValue {
    /// What a filter names: the outlet, the speaker's id, the side, the
    /// month ("2020-11") or year ("2020").
    pub value: String,
    /// What a reader sees (the speaker's name; otherwise the value).
    pub label: String,
    /// Matching documents holding it.
    pub count: usize,
    /// The current filters name it.
    pub selected: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    /// Most frequent first.
    pub outlets: Vec<FacetValue>,
    /// Speakers with statements in the matching documents, most frequent first.
    pub speakers: Vec<FacetValue>,
    /// Sides those speakers speak for, most frequent first.
    pub sides: Vec<FacetValue>,
    /// Publication months (or years), in date order.
    pub dates: Vec<FacetValue>,
}

/// The facet filters of a search (from [`super::SearchOptions`]): a document
/// passes when, in every facet that names values, it holds one of them.
#[derive(Clone, Copy, Debug, Default)]
pub struct FacetFilter<'a> {
    pub outlets: Option<&'a [String]>,
    pub speakers: Option<&'a [String]>,
    pub sides: Option<&'a [String]>,
    /// Months ("2020-11") or years ("2020").
    pub dates: Option<&'a [String]>,
}

impl FacetFilter<'_> {
    pub fn is_empty(&self) -> bool {
        self.outlets.is_none()
            && self.speakers.is_none()
            && self.sides.is_none()
            && self.dates.is_none()
    }
}

/// One facet's distinct values and which of them each document holds.
#[derive(Clone, Debug, Default)]
struct Dimension {
    values: Vec<String>,
    labels: Vec<String>,
    by_value: HashMap<String, u32>,
    /// Per document: the values it holds (sorted, distinct).
    docs: Vec<Vec<u32>>,
}

impl Dimension {
    fn with_docs(n: usize) -> Dimension {
        Dimension {
            docs: vec![Vec::new(); n],
            ..Dimension::default()
        }
    }

    fn add(&mut self, doc: usize, value: &str, label: &str) {
        let next = self.values.len() as u32;
        let id = *self
            .by_value
            .entry(value.to_owned())
            .or_insert_with(|| next);
        if id == next {
            self.values.push(value.to_owned());
            self.labels.push(label.to_owned());
        }
        if let Some(held) = self.docs.get_mut(doc)
            && let Err(at) = held.binary_search(&id)
        {
            held.insert(at, id);
        }
    }

    /// Which values a filter names: `None` when it names none (no filter).
    fn selection(&self, wanted: Option<&[String]>, prefix: bool) -> Option<Vec<bool>> {
        // A set, not a scan of the list for every value: the list comes from
        // the page, as long as it likes.
        let wanted: HashSet<&str> = wanted?.iter().map(String::as_str).collect();
        Some(
            self.values
                .iter()
                .map(|v| {
                    wanted.contains(v.as_str())
                        || (prefix
                            && v.match_indices('-')
                                .any(|(at, _)| wanted.contains(&v[..at])))
                })
                .collect(),
        )
    }

    fn holds_any(&self, doc: usize, selected: &[bool]) -> bool {
        self.docs
            .get(doc)
            .is_some_and(|held| held.iter().any(|&v| selected[v as usize]))
    }

    /// Counts over the matches: (value id, count) of every value held.
    fn count(&self, matched: &[DocId]) -> Vec<(u32, usize)> {
        let mut counts = vec![0usize; self.values.len()];
        for &doc in matched {
            if let Some(held) = self.docs.get(doc as usize) {
                for &v in held {
                    counts[v as usize] += 1;
                }
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .map(|(v, c)| (v as u32, c))
            .collect()
    }

    fn value(&self, id: u32, count: usize, selected: &Option<Vec<bool>>) -> FacetValue {
        FacetValue {
            value: self.values[id as usize].clone(),
            label: self.labels[id as usize].clone(),
            count,
            selected: selected.as_ref().is_some_and(|s| s[id as usize]),
        }
    }

    /// The most frequent values, then the selected ones left out.
    fn top(&self, matched: &[DocId], selected: &Option<Vec<bool>>) -> Vec<FacetValue> {
        let mut counts = self.count(matched);
        counts.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.labels[a.0 as usize].cmp(&self.labels[b.0 as usize]))
        });
        let mut out: Vec<FacetValue> = counts
            .iter()
            .take(FACET_LIMIT)
            .map(|&(v, c)| self.value(v, c, selected))
            .collect();
        self.append_selected(&mut out, &counts, selected);
        out
    }

    /// Selected values always show, even counted zero (so they can be unset).
    fn append_selected(
        &self,
        out: &mut Vec<FacetValue>,
        counts: &[(u32, usize)],
        selected: &Option<Vec<bool>>,
    ) {
        let Some(flags) = selected else { return };
        for (v, &on) in flags.iter().enumerate() {
            let v = v as u32;
            if on && !out.iter().any(|f| f.value == self.values[v as usize]) {
                let count = counts.iter().find(|c| c.0 == v).map_or(0, |c| c.1);
                out.push(self.value(v, count, selected));
            }
        }
    }
}

/// What every document of a corpus can be counted and filtered by.
#[derive(Clone, Debug, Default)]
pub struct FacetTable {
    outlets: Dimension,
    speakers: Dimension,
    sides: Dimension,
    /// Month of publication ("2020-11"; "2020" when only the year is known).
    months: Dimension,
}

/// A statement as the facets see it: which document, who, for which side.
pub struct FacetSource<'a> {
    /// The document's number (position in the corpus).
    pub doc: usize,
    pub speaker_id: u32,
    pub speaker: &'a str,
    pub side: Option<&'a str>,
}

impl FacetTable {
    pub fn new<'a>(
        documents: &Summaries,
        statements: impl IntoIterator<Item = FacetSource<'a>>,
    ) -> FacetTable {
        let n = documents.len();
        let mut table = FacetTable {
            outlets: Dimension::with_docs(n),
            speakers: Dimension::with_docs(n),
            sides: Dimension::with_docs(n),
            months: Dimension::with_docs(n),
        };
        for i in 0..n {
            let Some(d) = documents.get(i) else {
                continue;
            };
            if let Some(outlet) = d.outlet.filter(|o| !o.trim().is_empty()) {
                table.outlets.add(i, outlet, outlet);
            }
            if let Some(month) = d.date.and_then(month_of) {
                table.months.add(i, month, month);
            }
        }
        for s in statements {
            if s.doc >= n {
                continue;
            }
            table
                .speakers
                .add(s.doc, &s.speaker_id.to_string(), s.speaker);
            if let Some(side) = s.side.filter(|x| !x.trim().is_empty()) {
                table.sides.add(s.doc, side, side);
            }
        }
        table
    }

    /// The test a document must pass for the filter (`None`: no filter).
    pub fn selector(&self, filter: &FacetFilter<'_>) -> Option<FacetSelector<'_>> {
        if filter.is_empty() {
            return None;
        }
        Some(FacetSelector {
            table: self,
            outlets: self.outlets.selection(filter.outlets, false),
            speakers: self.speakers.selection(filter.speakers, false),
            sides: self.sides.selection(filter.sides, false),
            months: self.months.selection(filter.dates, true),
        })
    }

    /// The facets of the matching documents.
    pub fn count(&self, matched: &[DocId], filter: &FacetFilter<'_>) -> Facets {
        let outlets = self.outlets.selection(filter.outlets, false);
        let speakers = self.speakers.selection(filter.speakers, false);
        let sides = self.sides.selection(filter.sides, false);
        Facets {
            outlets: self.outlets.top(matched, &outlets),
            speakers: self.speakers.top(matched, &speakers),
            sides: self.sides.top(matched, &sides),
            dates: self.dates(matched, filter.dates),
        }
    }

    /// Months in date order; years when the matches span too many months.
    fn dates(&self, matched: &[DocId], wanted: Option<&[String]>) -> Vec<FacetValue> {
        let counts = self.months.count(matched);
        // Sets, not scans: the list of months comes from the page, as long
        // as it likes (a scan per value made 100,000 of them take minutes).
        let wanted_set: HashSet<&str> = wanted.unwrap_or(&[]).iter().map(String::as_str).collect();
        let is_selected = |value: &str| wanted_set.contains(value);
        let mut out: Vec<FacetValue> = if counts.len() > MONTHS_BEFORE_YEARS {
            let mut years: Vec<(String, usize)> = Vec::new();
            for &(v, c) in &counts {
                let month = &self.months.values[v as usize];
                let year = month.split('-').next().unwrap_or(month);
                match years.iter_mut().find(|y| y.0 == year) {
                    Some(y) => y.1 += c,
                    None => years.push((year.to_owned(), c)),
                }
            }
            years
                .into_iter()
                .map(|(year, count)| FacetValue {
                    selected: is_selected(&year),
                    label: year.clone(),
                    value: year,
                    count,
                })
                .collect()
        } else {
            counts
                .iter()
                .map(|&(v, count)| {
                    let value = self.months.values[v as usize].clone();
                    FacetValue {
                        selected: is_selected(&value),
                        label: value.clone(),
                        value,
                        count,
                    }
                })
                .collect()
        };
        let mut shown: HashSet<String> = out.iter().map(|f| f.value.clone()).collect();
        for w in wanted.unwrap_or(&[]) {
            if shown.insert(w.clone()) {
                out.push(FacetValue {
                    value: w.clone(),
                    label: w.clone(),
                    count: 0,
                    selected: true,
                });
            }
        }
        out.sort_by(|a, b| a.value.cmp(&b.value));
        // Documents of a year read in the same order, however many months.
        out.truncate(FACET_LIMIT.max(wanted.map_or(0, <[String]>::len)));
        out
    }
}

/// A facet filter resolved against a corpus: one flag per value.
pub struct FacetSelector<'t> {
    table: &'t FacetTable,
    outlets: Option<Vec<bool>>,
    speakers: Option<Vec<bool>>,
    sides: Option<Vec<bool>>,
    months: Option<Vec<bool>>,
}

impl FacetSelector<'_> {
    /// Does document number `doc` pass every facet filter?
    pub fn allows(&self, doc: usize) -> bool {
        let t = self.table;
        [
            (&self.outlets, &t.outlets),
            (&self.speakers, &t.speakers),
            (&self.sides, &t.sides),
            (&self.months, &t.months),
        ]
        .iter()
        .all(|(selected, dim)| {
            selected
                .as_ref()
                .is_none_or(|flags| dim.holds_any(doc, flags))
        })
    }
}

/// "2020-11" of "2020-11-14", "2020" of "2020": the month a date falls in.
fn month_of(date: &str) -> Option<&str> {
    let date = date.trim();
    let year = date.get(..4)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match date.get(4..7) {
        Some(m) if m.starts_with('-') && m[1..].bytes().all(|b| b.is_ascii_digit()) => {
            date.get(..7)
        }
        _ => Some(year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, outlet: Option<&str>, date: Option<&str>) -> crate::corpus::DocumentSummary {
        crate::corpus::Document {
            id: id.to_owned(),
            outlet: outlet.map(str::to_owned),
            date: date.map(str::to_owned),
            ..Default::default()
        }
        .summary()
    }

    fn table() -> FacetTable {
        let docs = Summaries::build([
            doc("a", Some("RT"), Some("2020-11-14")),
            doc("b", Some("Le Monde"), Some("2020-11")),
            doc("c", Some("RT"), Some("2020-12-11")),
            doc("d", None, None),
        ])
        .unwrap();
        let sources = [
            (0, 1, "Sergueï Lavrov", Some("Russie")),
            (0, 1, "Sergueï Lavrov", Some("Russie")),
            (1, 2, "Nikol Pachinian", Some("Arménie")),
            (2, 1, "Sergueï Lavrov", Some("Russie")),
            (2, 3, "Ilham Aliev", Some("Azerbaïdjan")),
        ];
        FacetTable::new(
            &docs,
            sources
                .iter()
                .map(|&(doc, speaker_id, speaker, side)| FacetSource {
                    doc,
                    speaker_id,
                    speaker,
                    side,
                }),
        )
    }

    fn values(list: &[FacetValue]) -> Vec<(&str, usize)> {
        list.iter().map(|f| (f.label.as_str(), f.count)).collect()
    }

    #[test]
    fn counts_documents_not_statements() {
        let t = table();
        let facets = t.count(&[0, 1, 2, 3], &FacetFilter::default());
        assert_eq!(values(&facets.outlets), [("RT", 2), ("Le Monde", 1)]);
        assert_eq!(
            values(&facets.speakers),
            [
                ("Sergueï Lavrov", 2),
                ("Ilham Aliev", 1),
                ("Nikol Pachinian", 1)
            ]
        );
        assert_eq!(facets.speakers[0].value, "1", "a speaker is filtered by id");
        assert_eq!(
            values(&facets.dates),
            [("2020-11", 2), ("2020-12", 1)],
            "months in date order"
        );
        let only_c = t.count(&[2], &FacetFilter::default());
        assert_eq!(values(&only_c.sides), [("Azerbaïdjan", 1), ("Russie", 1)]);
    }

    #[test]
    fn filters_combine_across_facets_and_either_within_one() {
        let t = table();
        let rt = vec!["RT".to_owned()];
        let december = vec!["2020-12".to_owned()];
        let filter = FacetFilter {
            outlets: Some(&rt),
            dates: Some(&december),
            ..FacetFilter::default()
        };
        let s = t.selector(&filter).expect("a filter");
        let kept: Vec<usize> = (0..4).filter(|&d| s.allows(d)).collect();
        assert_eq!(kept, [2]);

        let either = vec!["2".to_owned(), "3".to_owned()];
        let filter = FacetFilter {
            speakers: Some(&either),
            ..FacetFilter::default()
        };
        let s = t.selector(&filter).expect("a filter");
        let kept: Vec<usize> = (0..4).filter(|&d| s.allows(d)).collect();
        assert_eq!(kept, [1, 2]);

        let year = vec!["2020".to_owned()];
        let filter = FacetFilter {
            dates: Some(&year),
            ..FacetFilter::default()
        };
        let s = t.selector(&filter).expect("a filter");
        let kept: Vec<usize> = (0..4).filter(|&d| s.allows(d)).collect();
        assert_eq!(kept, [0, 1, 2], "a year holds its months");
        assert!(t.selector(&FacetFilter::default()).is_none());
    }

    #[test]
    fn a_selected_value_shows_even_when_nothing_holds_it() {
        let t = table();
        let gone = vec!["Le Monde".to_owned(), "Inconnu".to_owned()];
        let filter = FacetFilter {
            outlets: Some(&gone),
            ..FacetFilter::default()
        };
        let facets = t.count(&[0], &filter);
        assert_eq!(values(&facets.outlets), [("RT", 1), ("Le Monde", 0)]);
        assert!(facets.outlets[1].selected && !facets.outlets[0].selected);
    }

    #[test]
    fn many_months_count_by_year() {
        let docs = Summaries::build((0..40).map(|i| {
            doc(
                &format!("d{i}"),
                None,
                Some(&format!("{}-{:02}-01", 2000 + i / 12, i % 12 + 1)),
            )
        }))
        .unwrap();
        let t = FacetTable::new(&docs, []);
        let all: Vec<DocId> = (0..40).collect();
        let facets = t.count(&all, &FacetFilter::default());
        assert_eq!(
            values(&facets.dates),
            [("2000", 12), ("2001", 12), ("2002", 12), ("2003", 4)]
        );
    }

    #[test]
    fn months_of_dates() {
        assert_eq!(month_of("2020-11-14"), Some("2020-11"));
        assert_eq!(month_of("2020-11"), Some("2020-11"));
        assert_eq!(month_of("2020"), Some("2020"));
        assert_eq!(month_of("XXXX-03-24"), None);
        assert_eq!(month_of("20"), None);
        assert_eq!(month_of("2020-é"), Some("2020"));
    }
}
