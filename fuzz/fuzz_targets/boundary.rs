//! The JS API's inputs as the page could send them: a selector byte, then
//! JSON for the options, filter or compare input of one exported function,
//! decoded with serde as `src/wasm.rs` decodes them and answered by the
//! embedded explorer; the answer must serialise (as `to_js` does).

#![no_main]

mod common;

use recoupe::claims::{FactFilter, StatementFilter};
use recoupe::compare::{CompareInput, TimelineFilter};
use recoupe::search::SearchOptions;
use serde::de::DeserializeOwned;

fn decode<T: DeserializeOwned>(json: &[u8]) -> Option<T> {
    serde_json::from_slice(json).ok()
}

fn answer<T: serde::Serialize>(value: &T) {
    serde_json::to_string(value).expect("the answer serialises");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&which, json)) = data.split_first() else {
        return;
    };
    let e = recoupe::embedded::explorer().expect("the embedded corpus opens");
    let docs = e.documents();
    match which % 7 {
        0 => {
            let Some((query, options)) = decode::<(String, SearchOptions)>(json) else {
                return;
            };
            let results = e.search(&query, &options);
            common::check(common::invariants::search(docs, &results));
            answer(&results);
        }
        1 => {
            if let Some(filter) = decode::<StatementFilter>(json) {
                answer(&e.claims().expect("claims").statements(&filter));
            }
        }
        2 => {
            if let Some(filter) = decode::<FactFilter>(json) {
                answer(&e.claims().expect("claims").facts(&filter));
            }
        }
        3 => {
            if let Some(filter) = decode::<TimelineFilter>(json) {
                answer(&e.timeline(&filter).expect("comparisons"));
            }
        }
        4 => {
            if let Some(input) = decode::<CompareInput>(json) {
                match e.compare(&input) {
                    Ok(c) => {
                        common::check(common::invariants::comparison(docs, &c));
                        answer(&c);
                    }
                    Err(message) => assert!(!message.is_empty()),
                }
            }
        }
        5 => {
            if let Some(id) = decode::<String>(json) {
                answer(&e.view(&id));
            }
        }
        _ => answer(&e.summaries()),
    }
});
