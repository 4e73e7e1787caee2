//! The query parser and search: an arbitrary query and options against two
//! small fixed corpora, the embedded seeds and a corpus of hostile texts.
//! Input: two flag bytes, then (cut at NUL bytes) the query, date from,
//! date to, document ids, outlets, speakers, sides and months (lists
//! comma-separated).

#![no_main]

mod common;

use std::sync::LazyLock;

use recoupe::Explorer;
use recoupe::search::{SearchOptions, query};

static HOSTILE: LazyLock<Explorer> = LazyLock::new(|| {
    let texts = [
        "<script>alert(1)</script> Le ministre a déclaré : « <img src=x onerror=alert(1)> ».",
        "\u{202E}Karabakh\u{202C} a\u{200B}b\u{200D}c e\u{0301}\u{0301} 👨‍👩‍👧 2\u{a0}000 soldats, le 99 février 99999.",
        "javascript:alert(1) \"><svg onload=alert(1)> « « « citation » » » selon l'AFP, 1e999999 morts.",
        "Selon Bakou, 2.000.000.000.000.000.000.000 soldats; d'après Erevan, 3,5 % le 10 novembre 2020.",
    ];
    Explorer::build(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| common::raw(format!("h{i}"), (*t).to_owned()))
            .collect(),
    )
});

fn list(b: Option<&&[u8]>) -> Option<Vec<String>> {
    b.map(|b| {
        String::from_utf8_lossy(b)
            .split(',')
            .map(str::to_owned)
            .collect()
    })
}

fn text(b: Option<&&[u8]>) -> Option<String> {
    b.map(|b| String::from_utf8_lossy(b).into_owned())
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let [flags, more, rest @ ..] = data else {
        return;
    };
    let (flags, more) = (*flags, *more);
    let parts = common::parts(rest, 8);
    let q = text(parts.first()).unwrap_or_default();
    for prefix in [false, true] {
        let parsed = query::parse(&q, prefix);
        assert!(parsed.clauses.len() <= query::MAX_CLAUSES);
    }
    let filtered = flags & 0x80 != 0;
    let options = SearchOptions {
        page: usize::from(flags & 0x07),
        per_page: [0, 1, 10, 100, 1000, usize::MAX, 3, 50][usize::from((flags >> 3) & 0x07)],
        prefix: flags & 0x40 != 0,
        snippets: true,
        date_from: filtered.then(|| text(parts.get(1))).flatten(),
        date_to: filtered.then(|| text(parts.get(2))).flatten(),
        docs: filtered.then(|| list(parts.get(3))).flatten(),
        outlets: filtered.then(|| list(parts.get(4))).flatten(),
        speakers: filtered.then(|| list(parts.get(5))).flatten(),
        sides: filtered.then(|| list(parts.get(6))).flatten(),
        months: filtered.then(|| list(parts.get(7))).flatten(),
        facets: more & 0x80 != 0,
        statements: usize::from(more & 0x0F),
        // (The checks read each hit's id: the strings are filled.)
        bare_hits: false,
    };
    let seeds = recoupe::embedded::explorer().expect("the embedded corpus opens");
    for explorer in [seeds, &*HOSTILE] {
        let results = explorer.search(&q, &options);
        common::check(common::invariants::search(explorer.documents(), &results));
    }
});
