//! Known-item evaluation of the ranking: for each article, a query a reader
//! who remembers it might type, and where that article comes back.
//!
//!     cargo run --release --example known_item -- ../shared/corpora/wikinews_fr.jsonl [N]
//!
//! Two kinds of query per article (N articles, evenly spread):
//! - title: the three longest words of the headline, typed without accents;
//! - lead: three words of the first long paragraph, of middle rarity (the
//!   two rarest skipped: they alone would name the article);
//! - typo: the title query with two neighbouring letters of its longest
//!   word swapped ("gouvernmeent").
//!
//! Prints the mean reciprocal rank and the share found first and in the
//! first ten. Used to choose between ranking variants (see src/search).

use std::path::PathBuf;

use recoupe::Explorer;
use recoupe::corpus::Document;
use recoupe::index::Index;
use recoupe::search::SearchOptions;
use recoupe::text::{self, TokenKind};

/// The content words of `source` (folded, as typed without accents), rarest
/// first, each once.
fn words_by_rarity(index: Index<'_>, source: &str) -> Vec<String> {
    let mut words: Vec<(u32, String)> = text::analyze(source)
        .into_iter()
        .filter(|a| a.token.kind == TokenKind::Word && a.token.folded.len() > 2)
        .filter_map(|a| {
            let df = index
                .find_term(a.term.as_deref()?)
                .map_or(1, |t| index.df(t));
            Some((df, a.token.folded))
        })
        .collect();
    words.sort_by_key(|w| w.0);
    let mut seen = std::collections::HashSet::new();
    words
        .into_iter()
        .filter(|w| seen.insert(w.1.clone()))
        .map(|w| w.1)
        .collect()
}

fn query_for(index: Index<'_>, doc: &Document, kind: &str) -> Vec<String> {
    if kind == "title" || kind == "typo" {
        let mut words = words_by_rarity(index, doc.title.as_deref().unwrap_or(""));
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.truncate(3);
        if kind == "typo"
            && let Some(longest) = words.first_mut()
        {
            let mut letters: Vec<char> = longest.chars().collect();
            let middle = letters.len() / 2;
            if letters.len() >= 5 && letters[middle] != letters[middle + 1] {
                letters.swap(middle, middle + 1);
                *longest = letters.into_iter().collect();
            } else {
                return Vec::new();
            }
        }
        return words;
    }
    let lead = doc
        .article_blocks()
        .map(|b| doc.block_text(b))
        .find(|t| t.len() > 200)
        .unwrap_or("");
    words_by_rarity(index, lead)
        .into_iter()
        .skip(2)
        .take(3)
        .collect()
}

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpora/wikinews_fr.jsonl".to_owned()),
    );
    let wanted: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let (explorer, _) = match Explorer::from_dir(&path) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    let docs = explorer.documents();
    let step = (docs.len() / wanted.max(1)).max(1);
    let options = SearchOptions {
        prefix: false,
        per_page: 100,
        snippets: false,
        ..SearchOptions::default()
    };
    for kind in ["title", "lead", "typo"] {
        let (mut n, mut rr, mut first, mut ten) = (0usize, 0.0f64, 0usize, 0usize);
        for doc in docs.iter().step_by(step) {
            let words = query_for(explorer.index(), doc, kind);
            if words.len() < 2 {
                continue;
            }
            let results = explorer.search(&words.join(" "), &options);
            n += 1;
            if let Some(rank) = results.hits.iter().position(|h| h.id == doc.id) {
                rr += 1.0 / (rank + 1) as f64;
                first += usize::from(rank == 0);
                ten += usize::from(rank < 10);
            }
        }
        let share = |k: usize| k as f64 / n.max(1) as f64;
        println!(
            "{kind:5}: {n} queries, MRR {:.3}, first {:.3}, in the first ten {:.3}",
            rr / n.max(1) as f64,
            share(first),
            share(ten)
        );
    }
}
