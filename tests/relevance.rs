//! Judged queries: what a reader types, and the documents that must (or
//! must not) come back. The 14 queries of the seeds' reference, ours on the
//! seeds (glued words, aliases, filters), and ours on French Wikinews.
//!
//! A failing query prints what came back instead, and all failures are
//! reported together.

use std::path::{Path, PathBuf};

use recoupe::Explorer;
use recoupe::search::SearchOptions;
use serde::Deserialize;

/// Reference queries that cannot pass yet, and why. Flip one by removing
/// it: the test then requires it. A listed query that passes is reported,
/// so the list does not outlive its reason.
const EXPECTED_TO_FAIL: &[(&str, &str)] = &[];

#[derive(Deserialize)]
struct Judgements {
    queries: Vec<Judged>,
}

#[derive(Deserialize)]
struct Judged {
    q: String,
    #[serde(default)]
    must: Vec<String>,
    must_top1: Option<String>,
    #[serde(default)]
    must_not: Vec<String>,
    /// `must` documents are looked for in the first `within` hits.
    within: Option<usize>,
    max_total: Option<usize>,
    #[serde(default)]
    options: Option<SearchOptions>,
}

fn crate_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn load(rel: &str) -> Judgements {
    let path = crate_path(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every id the query returns, in order (all pages).
fn all_hits(explorer: &Explorer, q: &str, options: &SearchOptions) -> (Vec<String>, usize) {
    let mut ids = Vec::new();
    let mut total = 0;
    for page in 1..=100 {
        let results = explorer.search(
            q,
            &SearchOptions {
                page,
                per_page: 100,
                snippets: false,
                ..options.clone()
            },
        );
        total = results.total;
        ids.extend(results.hits.into_iter().map(|h| h.id));
        if ids.len() >= total {
            break;
        }
    }
    (ids, total)
}

/// What is wrong with the answer to a judged query, if anything.
fn check(explorer: &Explorer, judged: &Judged, prefix: bool) -> Option<String> {
    let options = judged.options.clone().unwrap_or(SearchOptions {
        prefix,
        ..SearchOptions::default()
    });
    let (ids, total) = all_hits(explorer, &judged.q, &options);
    let within = judged.within.unwrap_or(10);
    let mut wrong = Vec::new();
    for m in &judged.must {
        if !ids.iter().take(within).any(|id| id == m) {
            wrong.push(format!("{m} not in the first {within}"));
        }
    }
    if let Some(top) = &judged.must_top1
        && ids.first() != Some(top)
    {
        wrong.push(format!("{top} is not first"));
    }
    for m in &judged.must_not {
        if ids.contains(m) {
            wrong.push(format!("{m} should not come back"));
        }
    }
    if let Some(max) = judged.max_total
        && total > max
    {
        wrong.push(format!("{total} results, at most {max} expected"));
    }
    (!wrong.is_empty()).then(|| {
        let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
        format!(
            "{:?} (prefix {}): {}; got {total}: {shown:?}",
            judged.q,
            options.prefix,
            wrong.join(", ")
        )
    })
}

/// Runs judged queries; typed queries are judged both finished and as
/// typed (last word as a prefix), unless their options say which.
fn run(explorer: &Explorer, judgements: &Judgements, expected_to_fail: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for judged in &judgements.queries {
        let modes: &[bool] = if judged.options.is_some() {
            &[false]
        } else {
            &[false, true]
        };
        let problems: Vec<String> = modes
            .iter()
            .filter_map(|&prefix| check(explorer, judged, prefix))
            .collect();
        let excused = expected_to_fail.iter().find(|(q, _)| *q == judged.q);
        match (problems.is_empty(), excused) {
            (true, Some((q, _))) => {
                eprintln!("note: {q:?} passes now: remove it from EXPECTED_TO_FAIL")
            }
            (false, Some((q, why))) => eprintln!("expected to fail for now: {q:?}: {why}"),
            (false, None) => failures.extend(problems),
            (true, None) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} judged queries failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn seeds() -> Explorer {
    Explorer::from_dir(&crate_path("seeds"))
        .expect("the seed corpus loads")
        .0
}

#[test]
fn reference_queries_on_the_seeds() {
    let judgements = load("tests/fixtures/seed_queries.json");
    assert_eq!(judgements.queries.len(), 14);
    run(&seeds(), &judgements, EXPECTED_TO_FAIL);
}

#[test]
fn our_queries_on_the_seeds() {
    run(
        &seeds(),
        &load("tests/fixtures/seed_queries_extra.json"),
        &[],
    );
}

#[test]
fn our_queries_on_wikinews() {
    let corpus = crate_path("../shared/corpora/wikinews_fr.jsonl");
    if !corpus.exists() {
        eprintln!(
            "note: {} is absent: the Wikinews judged queries are skipped",
            corpus.display()
        );
        return;
    }
    let (explorer, _) = Explorer::from_dir(&corpus).expect("the Wikinews corpus loads");
    let judgements = load("tests/fixtures/wikinews_queries.json");
    assert!(judgements.queries.len() >= 15);
    run(&explorer, &judgements, &[]);
}

/// The claim extractor reads a document through `Explorer::tokens`: the
/// same words as the index, glued runs cut, offsets into the text as stored.
#[test]
fn documents_are_read_with_lost_spaces_restored() {
    let explorer = seeds();
    let number = explorer
        .documents()
        .iter()
        .position(|d| d.id == "002_8ed4da36b7d67b1b.txt")
        .expect("seed 002");
    let text = &explorer.documents()[number].text;
    let words: Vec<&str> = explorer
        .tokens(number)
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect();
    for run in [
        ["informe", "un", "communiqué"],
        ["ont", "attaqué", "les"],
        ["déploiement", "d’", "un"],
        ["trouvant", "à", "proximité"],
    ] {
        assert!(
            words.windows(3).any(|w| w == run),
            "{run:?} not read as three words"
        );
    }
    assert!(explorer.tokens(usize::MAX).is_empty());
}
