//! The timeline: statements and narrated facts by the date they speak of,
//! not the date they were published.

use crate::text::fnv::HashSet;

use super::{Corpus, EntryKind, SourceKind, TimelineEntry};
use crate::claims::FactValue;
use crate::text::dates::span::{self as dates, Span};

pub fn build(corpus: &Corpus<'_>) -> Vec<TimelineEntry> {
    let mut seen: HashSet<(usize, String)> = HashSet::default();
    let mut out = Vec::new();
    for (u, unit) in corpus.units.iter().enumerate() {
        for &f in &unit.dates {
            let fact = &corpus.claims.facts[f];
            let FactValue::Date(date) = &fact.value else {
                continue;
            };
            if Span::parse(date).is_none() || !seen.insert((u, date.clone())) {
                continue;
            }
            let evidence = corpus.evidence(u, fact.start as usize, Some(date.clone()));
            let kind = match evidence.source.kind {
                SourceKind::Speaker => EntryKind::Statement,
                SourceKind::Outlet => EntryKind::Narration,
            };
            out.push(TimelineEntry {
                date: date.clone(),
                label: dates::label(date),
                kind,
                evidence,
            });
        }
    }
    // Known years in order; dates without a year after them, by month and day.
    out.sort_by(|a, b| {
        let (sa, sb) = (Span::parse(&a.date), Span::parse(&b.date));
        let key =
            |s: Option<Span>| s.map(|s| (s.year.is_none(), s.year.unwrap_or(0), s.from, s.to));
        key(sa)
            .cmp(&key(sb))
            .then(a.evidence.doc.cmp(&b.evidence.doc))
            .then(a.evidence.start.cmp(&b.evidence.start))
    });
    out
}
