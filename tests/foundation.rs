//! The foundation's promises, natively: the embedded corpus is the seeds
//! built by the same code as a run-time build, the command-line program
//! answers the scoring contract, and bad corpora fail with the file's name
//! and the reason.

use std::path::{Path, PathBuf};
use std::process::Command;

use recoupe::Explorer;
use recoupe::search::SearchOptions;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("recoupe-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn embedded_corpus_equals_a_run_time_build_of_the_seeds() {
    let embedded = recoupe::embedded::explorer().expect("embedded corpus opens");
    let (built, warnings) = Explorer::from_dir(&seeds()).expect("seeds build");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(embedded.documents(), built.documents());
    let options = SearchOptions::default();
    for q in ["Karabakh", "soldats de la paix", "Pachinyan", "2.000"] {
        assert_eq!(
            embedded.search(q, &options),
            built.search(q, &options),
            "{q}"
        );
    }
}

#[test]
fn the_seeds_are_byte_identical_to_the_shared_copy() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !shared.is_dir() {
        eprintln!("note: ../shared/seeds absent; comparison skipped");
        return;
    }
    let mut names: Vec<_> = std::fs::read_dir(&shared)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for name in names {
        let a = std::fs::read(shared.join(&name)).unwrap();
        let b = std::fs::read(seeds().join(&name)).unwrap();
        assert!(a == b, "{name:?} differs from ../shared/seeds");
    }
}

fn recoupe(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .args(args)
        .output()
        .expect("run recoupe");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_search_json_follows_the_contract() {
    let corpus = seeds();
    let (ok, out, err) = recoupe(&[
        "search",
        "--corpus",
        corpus.to_str().unwrap(),
        "--json",
        "Karabakh",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(v["total"], 5);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    assert!(
        hits.iter()
            .all(|h| h["doc"].as_str().unwrap().ends_with(".txt"))
    );
}

#[test]
fn cli_extract_lists_documents_with_dates() {
    let corpus = seeds();
    let (ok, out, err) = recoupe(&["extract", "--corpus", corpus.to_str().unwrap()]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[1]["id"], "001_7305b549ad60f7f4.txt");
    assert_eq!(docs[1]["date"], "2020-10");
}

#[test]
fn cli_reports_bad_corpora_with_file_and_reason() {
    let missing = temp_dir("missing").join("nowhere");
    let (ok, _, err) = recoupe(&["search", "--corpus", missing.to_str().unwrap(), "x"]);
    assert!(!ok);
    assert!(
        err.contains("nowhere") && err.contains("not found"),
        "{err}"
    );

    let empty = temp_dir("empty");
    let (ok, _, err) = recoupe(&["search", "--corpus", empty.to_str().unwrap(), "x"]);
    assert!(!ok);
    assert!(err.contains("no documents"), "{err}");

    let latin1 = temp_dir("latin1");
    std::fs::write(latin1.join("article.txt"), b"Le d\xe9ploiement").unwrap();
    let (ok, _, err) = recoupe(&["search", "--corpus", latin1.to_str().unwrap(), "x"]);
    assert!(!ok);
    assert!(
        err.contains("article.txt") && err.contains("not UTF-8"),
        "{err}"
    );

    let bad_json = temp_dir("badjson");
    std::fs::write(
        bad_json.join("a.jsonl"),
        "{\"id\":\"1\",\"text\":\"Un texte.\"}\n{\"id\": 2, \"text\": \n",
    )
    .unwrap();
    let (ok, _, err) = recoupe(&["search", "--corpus", bad_json.to_str().unwrap(), "x"]);
    assert!(!ok);
    assert!(err.contains("a.jsonl") && err.contains("line 2"), "{err}");
}

#[test]
fn cli_warns_about_skipped_files_and_keeps_going() {
    let dir = temp_dir("skipped");
    std::fs::write(dir.join("a.txt"), "Un article sur Erevan.").unwrap();
    std::fs::write(dir.join("b.txt"), "Un article sur Erevan.").unwrap();
    std::fs::write(dir.join("notes.pdf"), "%PDF").unwrap();
    let (ok, out, err) = recoupe(&[
        "search",
        "--corpus",
        dir.to_str().unwrap(),
        "--json",
        "Erevan",
    ]);
    assert!(ok, "{err}");
    assert!(err.contains("notes.pdf: skipped"), "{err}");
    assert!(err.contains("b.txt: skipped (same text as a.txt)"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], 1);
}
