//! Writes `data/lexicon_fr.txt`: the word forms (lower case, accents kept,
//! mostly written in lower case: no names) that occur at least
//! `MIN_COUNT` times in a corpus of clean French news (French Wikinews,
//! CC BY 2.5), the reference vocabulary that tells a real word from words
//! glued by a lost space in a corpus too small to know its own words.
//!
//!     cargo run --release --example make_lexicon -- ../shared/corpora/wikinews_fr.jsonl > data/lexicon_fr.txt

use std::collections::HashMap;
use std::path::PathBuf;

use recoupe::text::{self, TokenKind};

/// Forms seen fewer times may be typos or glued words themselves.
const MIN_COUNT: u32 = 2;

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpora/wikinews_fr.jsonl".to_owned()),
    );
    let read = match recoupe::corpus::read_corpus_dir(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    // (occurrences, occurrences starting in lower case)
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in &read.documents {
        for token in text::tokenize(&doc.text) {
            let as_written = &doc.text[token.start..token.end];
            let lower_case = as_written.chars().next().is_some_and(char::is_lowercase);
            let written = as_written.to_lowercase();
            let letters = written.chars().all(|c| {
                c.is_alphabetic() || text::fold::classify(c) == text::fold::CharClass::Apostrophe
            });
            if token.kind == TokenKind::Word && letters && written.chars().count() >= 2 {
                // One apostrophe for all, as the stop word list writes it.
                let written: String = written
                    .chars()
                    .map(|c| if c.is_alphabetic() { c } else { '\'' })
                    .collect();
                let entry = counts.entry(written).or_default();
                entry.0 += 1;
                entry.1 += u32::from(lower_case);
            }
        }
    }
    let mut forms: Vec<&String> = counts
        .iter()
        // Names ("Dupont", "Veil") are not words a glued run is made of.
        .filter(|(_, (n, lower))| *n >= MIN_COUNT && *lower * 2 > *n)
        .map(|(f, _)| f)
        .collect();
    forms.sort();
    println!(
        "# Common French word forms (not names), in lower case with their accents, one a line."
    );
    println!("# Words occurring at least {MIN_COUNT} times in French Wikinews articles");
    println!("# (CC BY 2.5, Wikinews contributors; via WiNER-fr and the Wikinews keyphrase");
    println!("# corpus). Tells a real word from words glued by a lost space (src/text/glue.rs).");
    println!(
        "# Regenerate: cargo run --release --example make_lexicon -- ../shared/corpora/wikinews_fr.jsonl"
    );
    for f in forms {
        println!("{f}");
    }
}
