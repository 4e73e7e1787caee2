//! Statement extraction over arbitrary article text: up to three documents
//! (cut at NUL bytes), segmented and read for statements, speakers and facts.

#![no_main]

mod common;

use recoupe::{claims, corpus};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let raw = common::parts(data, 3)
        .into_iter()
        .enumerate()
        .map(|(i, b)| common::raw(format!("d{i}"), String::from_utf8_lossy(b).into_owned()))
        .collect();
    let documents = corpus::build_documents(raw);
    let found = claims::extract(&documents);
    common::check(common::invariants::claims(&documents, &found));
});
