//! Comparison: a corpus of one to four small documents and a question, all
//! from the input (cut at NUL bytes: documents, then the question). The
//! corpus's conflicts, agreements and timeline are built and checked, then
//! `compare` answers the question typed, every statement and conflict, and
//! ids that do not exist; `timeline` filters by the question's words.

#![no_main]

mod common;

use recoupe::Explorer;
use recoupe::compare::{CompareInput, TimelineFilter};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut parts = common::parts(data, 5);
    if parts.len() < 2 {
        return;
    }
    let question = String::from_utf8_lossy(parts.pop().unwrap_or_default()).into_owned();
    let raw = parts
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            common::raw(
                format!("{i:03}_doc"),
                String::from_utf8_lossy(b).into_owned(),
            )
        })
        .collect();
    let explorer = Explorer::build(raw);
    common::check(common::invariants::explorer(&explorer));
    let docs = explorer.documents();
    let mut inputs = vec![
        CompareInput::Text(question.clone()),
        CompareInput::Statement {
            statement: question.clone(),
        },
        CompareInput::Conflict {
            conflict: question.clone(),
        },
    ];
    let claims = explorer.claims().expect("built claims");
    let comparisons = explorer.comparisons().expect("built comparisons");
    inputs.extend(
        claims
            .statements
            .iter()
            .take(8)
            .map(|s| CompareInput::Statement {
                statement: s.id.clone(),
            }),
    );
    inputs.extend(
        comparisons
            .conflicts
            .iter()
            .take(4)
            .map(|c| CompareInput::Conflict {
                conflict: c.id.clone(),
            }),
    );
    for input in &inputs {
        match explorer.compare(input) {
            Ok(c) => common::check(common::invariants::comparison(docs, &c)),
            Err(message) => assert!(!message.is_empty()),
        }
    }
    let mut words = question.split_whitespace();
    let filter = TimelineFilter {
        doc: Some("000_doc".into()),
        speaker: words.next().map(str::to_owned),
        from: words.next().map(str::to_owned),
        to: words.next().map(str::to_owned),
    };
    let _ = comparisons.timeline(&filter);
    let _ = comparisons.timeline(&TimelineFilter {
        doc: None,
        ..filter
    });
});
