//! Lists the glued words the corpus vocabulary cuts, with how often each
//! cut occurs: the way to review `src/text/glue.rs` on a corpus.
//!
//!     cargo run --release --example glue_splits -- ../shared/corpora/wikinews_fr.jsonl

use std::collections::HashMap;
use std::path::PathBuf;

use recoupe::text::{Vocabulary, tokenize_split};

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "seeds".to_owned()),
    );
    let read = match recoupe::corpus::read_corpus_dir(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let started = std::time::Instant::now();
    let vocabulary = Vocabulary::from_texts(read.documents.iter().map(|d| d.text.as_str()));
    let counted = started.elapsed();
    let mut cuts: HashMap<String, (u32, String)> = HashMap::new();
    for doc in &read.documents {
        let points = vocabulary.split_points(&doc.text);
        for token in tokenize_split(&doc.text, &points) {
            let _ = token;
        }
        for &p in &points {
            let p = p as usize;
            let from = doc.text[..p]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |i| i + 1);
            let to = doc.text[p..]
                .find(|c: char| c.is_whitespace())
                .map_or(doc.text.len(), |i| p + i);
            let word = &doc.text[from..to];
            let shown = format!("{}|{}", &doc.text[from..p], &doc.text[p..to]);
            let e = cuts.entry(shown).or_insert((0, word.to_owned()));
            e.0 += 1;
        }
    }
    let mut list: Vec<_> = cuts.into_iter().collect();
    list.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
    for (shown, (n, _)) in &list {
        println!("{n:5}  {shown}");
    }
    eprintln!(
        "{} distinct cuts; vocabulary in {:.2} s, cutting in {:.2} s",
        list.len(),
        counted.as_secs_f64(),
        (started.elapsed() - counted).as_secs_f64()
    );
}
