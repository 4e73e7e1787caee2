//! Hostile input: whatever a reader pastes into the search box, or a corpus
//! holds, the search answers promptly and never panics.

use std::path::Path;
use std::time::{Duration, Instant};

use recoupe::Explorer;
use recoupe::corpus::RawDocument;
use recoupe::search::SearchOptions;

/// Far above what any of these takes (milliseconds, even unoptimised): a
/// bound that catches a runaway loop, not a benchmark.
const PROMPT: Duration = Duration::from_secs(5);

fn seeds() -> Explorer {
    Explorer::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .expect("the seed corpus loads")
        .0
}

fn hostile_queries() -> Vec<String> {
    let mut queries: Vec<String> = [
        "",
        " ",
        "\"",
        "\"\"",
        "« »",
        "-",
        "--",
        "- -",
        "-\"",
        "OR",
        "OR OR OR",
        "a OR",
        "OR b",
        "?!;,.«»…—–()[]{}<>/\\|@#$%^&*_+=~`",
        "🙂🙂🙂 Karabakh 🙂",
        "👨‍👩‍👧‍👦",
        "\u{202E}hakabaraK\u{202C}",
        "Kara\u{200B}bakh",
        "Ha\u{00AD}drout",
        "\u{200D}\u{200C}\u{2060}\u{FEFF}",
        "\u{0301}\u{0301}\u{0301}",
        "e\u{0301}e\u{0301}",
        "\0\0\0",
        "l'",
        "'''",
        "’’’",
        "d’",
        "-l’",
        "2.",
        "2 000 000 000 000 000 000 000",
        "99999999999999999999999999999999",
        "1,5,5,5,5",
        "\"soldats de la paix",
        "soldats de la paix\"",
        "\"\"soldats\"\"",
        "-\"soldats de la paix\"",
        "Nagorno-Karabakh-Nagorno-Karabakh-Nagorno-Karabakh",
        "Москва 北京 القاهرة ירושלים",
        "ǅǈǋ ﬁﬂ ẞ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    queries.push("x".repeat(10_000));
    queries.push("Pachinyanx".repeat(1_000));
    queries.push("mot ".repeat(2_500));
    queries.push("-mot ".repeat(2_000));
    queries.push("a OR ".repeat(2_000));
    queries.push("\"".repeat(10_000));
    queries.push("é".repeat(10_000));
    queries.push("\u{200B}".repeat(10_000));
    queries.push("🙂".repeat(10_000));
    queries.push((0..2_000).map(|i| format!("mot{i} ")).collect());
    queries.push("Pachinyann ".repeat(500));
    queries
}

#[test]
fn hostile_queries_answer_promptly() {
    let explorer = seeds();
    for query in hostile_queries() {
        for prefix in [false, true] {
            let options = SearchOptions {
                prefix,
                ..SearchOptions::default()
            };
            let started = Instant::now();
            let results = explorer.search(&query, &options);
            let took = started.elapsed();
            let shown: String = query.chars().take(40).collect();
            assert!(took < PROMPT, "{shown:?} took {took:?}");
            assert!(results.hits.len() <= results.per_page, "{shown:?}");
            for hit in &results.hits {
                assert!(hit.score.is_finite(), "{shown:?}");
            }
        }
    }
}

#[test]
fn strange_options_are_bounded() {
    let explorer = seeds();
    for (page, per_page) in [
        (0, 0),
        (usize::MAX, usize::MAX),
        (1, usize::MAX),
        (usize::MAX, 1),
    ] {
        let results = explorer.search(
            "Karabakh",
            &SearchOptions {
                page,
                per_page,
                ..SearchOptions::default()
            },
        );
        assert!(results.hits.len() <= recoupe::search::MAX_PER_PAGE);
    }
    for (from, to) in [
        ("", ""),
        ("zzzz", "0"),
        ("2020-13-45", "é"),
        ("9999", "0000"),
    ] {
        let _ = explorer.search(
            "Karabakh",
            &SearchOptions {
                date_from: Some(from.into()),
                date_to: Some(to.into()),
                ..SearchOptions::default()
            },
        );
    }
}

#[test]
fn hostile_documents_are_indexed_and_searched() {
    let texts = [
        "x".repeat(200_000),
        "informeun".repeat(10_000),
        "deprès\u{200B}".repeat(5_000),
        "🙂 ".repeat(20_000),
        "\u{202E}Karabakh\u{202C} \u{0301}\u{0301} l’ d’ qu’".to_owned(),
        "auHaut-Karabakh surTelegram déploiementd’un ".repeat(1_000),
        "2 000 2.000 1,5 ".repeat(2_000),
        "-".repeat(10_000),
        "'".repeat(10_000),
        String::new(),
    ];
    let raw: Vec<RawDocument> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| RawDocument {
            id: format!("doc{i}"),
            text: text.clone(),
            source_offset: 0,
            header_date: None,
            field_date: None,
            field_title: Some("Titre".into()),
            format: recoupe::corpus::load::Format::Text,
        })
        .collect();
    let explorer = Explorer::build(raw);
    for query in [
        "Karabakh",
        "Haut",
        "informe",
        "x",
        "2000",
        "Titre",
        "informeun",
    ] {
        for prefix in [false, true] {
            let started = Instant::now();
            let _ = explorer.search(
                query,
                &SearchOptions {
                    prefix,
                    ..SearchOptions::default()
                },
            );
            assert!(started.elapsed() < PROMPT, "{query}");
        }
    }
    for q in hostile_queries().iter().take(20) {
        let _ = explorer.search(q, &SearchOptions::default());
    }
}
