//! Times the claim extractor over a corpus folder or file:
//!
//!     cargo run --release --example bench_claims -- ../shared/corpora/orangesum_10k.jsonl
use std::path::Path;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_claims CORPUS");
        std::process::exit(2);
    };
    let read = match recoupe::corpus::read_corpus_dir(Path::new(&path)) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let documents = recoupe::corpus::build_documents(read.documents);
    let chars: usize = documents.iter().map(|d| d.text.chars().count()).sum();
    let started = Instant::now();
    let claims = recoupe::claims::extract(&documents);
    let took = started.elapsed().as_secs_f64();
    println!(
        "{} documents, {} characters: {} statements, {} speakers, {} facts in {took:.2} s ({:.1} documents/s)",
        documents.len(),
        chars,
        claims.statements.len(),
        claims.speakers.len(),
        claims.facts.len(),
        documents.len() as f64 / took
    );
}
