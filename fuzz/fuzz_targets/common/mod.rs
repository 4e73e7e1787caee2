//! What the fuzz targets share: cutting an input into parts, building an
//! explorer from in-memory files through the same reader as the build, and
//! the invariant checks of the robustness tests (one copy, included by path).

#![allow(dead_code)]

#[path = "../../../tests/support/invariants.rs"]
pub mod invariants;

use recoupe::Explorer;
use recoupe::corpus::{self, Format, Limits, RawDocument};

/// Limits small enough that one input builds in milliseconds.
pub const LIMITS: Limits = Limits {
    max_file_bytes: 64 * 1024,
    max_corpus_bytes: 128 * 1024,
};

/// Panics with the broken promise: the fuzzer records the input.
pub fn check(result: Result<(), String>) {
    if let Err(what) = result {
        panic!("invariant broken: {what}");
    }
}

/// At most `max` parts of `data`, cut at NUL bytes (no corpus text holds
/// one: the reader refuses it).
pub fn parts(data: &[u8], max: usize) -> Vec<&[u8]> {
    data.split(|&b| b == 0).take(max).collect()
}

/// A document given as text, as a `.txt` file without header reads.
pub fn raw(id: String, text: String) -> RawDocument {
    RawDocument {
        id,
        text,
        source_offset: 0,
        header_date: None,
        field_date: None,
        field_title: None,
        format: Format::Text,
    }
}

/// Reads up to three files of one extension from `data` (cut at NUL bytes)
/// through the corpus reader, builds the explorer as the build script
/// does, checks it, and checks its binary form decodes to the same thing.
pub fn ingest(data: &[u8], ext: &str) {
    let files: Vec<(String, &[u8])> = parts(data, 3)
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| (format!("dir/f{i}.{ext}"), bytes))
        .collect();
    let read = match corpus::read_corpus_files(files.iter().map(|(n, b)| (n.as_str(), *b)), LIMITS)
    {
        Ok(read) => read,
        Err(e) => {
            assert!(
                !e.reason.is_empty() && !e.path.is_empty(),
                "an error without a message"
            );
            return;
        }
    };
    let explorer = Explorer::build(read.documents);
    check(invariants::explorer(&explorer));
    round_trip(&explorer);
}

/// The parts the build embeds decode to what was built.
pub fn round_trip(explorer: &Explorer) {
    let parts = explorer.to_parts();
    let part = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.as_slice())
            .unwrap_or_default()
    };
    let docs: Vec<corpus::Document> =
        postcard::from_bytes(part(recoupe::explorer::DOCUMENTS_FILE)).expect("documents decode");
    assert!(
        docs == explorer.documents(),
        "documents differ after the round trip"
    );
    let claims: recoupe::claims::Claims =
        postcard::from_bytes(part(recoupe::explorer::CLAIMS_FILE)).expect("claims decode");
    assert!(
        Ok(&claims) == explorer.claims(),
        "claims differ after the round trip"
    );
    let comparisons: recoupe::compare::Comparisons =
        postcard::from_bytes(part(recoupe::explorer::COMPARISONS_FILE))
            .expect("comparisons decode");
    assert!(
        Ok(&comparisons) == explorer.comparisons(),
        "comparisons differ after the round trip"
    );
    let index =
        recoupe::index::Index::open(part(recoupe::explorer::INDEX_FILE)).expect("the index opens");
    assert_eq!(index.doc_count() as usize, explorer.documents().len());
}
