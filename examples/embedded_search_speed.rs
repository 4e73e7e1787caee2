//! Native timing of search over an explorer's embedded parts (the files the
//! build script writes: `documents.bin`, `index.bin`, …), with the
//! benchmark's query set, as the bench page asks (10 hits, no snippets):
//!
//!     CORPUS_DIR=../shared/corpora/orangesum_10k.jsonl bench/run.sh --build-only --corpora orangesum_10k
//!     cargo run --release --example embedded_search_speed -- \
//!         bench/.work/target/wasm32-unknown-unknown/release/build/recoupe-*/out/embedded
//!
//! Opening the parts reads no corpus and builds nothing, so a 10,000-article
//! corpus is timed in seconds. A measurement, not a test: it prints figures
//! and never fails on them.

use std::time::Instant;

use recoupe::Explorer;
use recoupe::search::SearchOptions;

/// Timings per query (the `REPEATS` environment variable overrides it, to
/// run long enough under a profiler).
const REPEATS: usize = 21;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: embedded_search_speed PARTS_DIR [QUERIES_JSON]");
        std::process::exit(2);
    };
    let queries_file = args
        .next()
        .unwrap_or_else(|| "bench/queries.json".to_owned());
    let queries: Vec<String> = match std::fs::read_to_string(&queries_file)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).map_err(|e| e.to_string()))
    {
        Ok(v) => v["queries"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|q| q["q"].as_str().map(str::to_owned))
            .collect(),
        Err(e) => {
            eprintln!("{queries_file}: {e}");
            std::process::exit(1);
        }
    };
    let part = |name: &str| -> Result<&'static [u8], String> {
        let bytes = std::fs::read(format!("{dir}/{name}")).map_err(|e| format!("{name}: {e}"))?;
        Ok(Box::leak(bytes.into_boxed_slice()))
    };
    let started = Instant::now();
    let explorer = match Explorer::from_parts(part) {
        Ok(explorer) => explorer,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!("opened in {:.1} ms", ms(started));
    let options = SearchOptions {
        per_page: 10,
        snippets: false,
        // As the module's `search` asks: the page adds the documents'
        // fields to the hits (see src/wasm.rs).
        bare_hits: true,
        ..Default::default()
    };
    let started = Instant::now();
    let first = explorer.search("président", &options);
    println!(
        "first search {:.3} ms ({} results)",
        ms(started),
        first.total
    );
    let repeats = std::env::var("REPEATS")
        .ok()
        .and_then(|r| r.parse::<usize>().ok())
        .filter(|&r| r > 0)
        .unwrap_or(REPEATS);
    let mut every = Vec::new();
    for query in &queries {
        let mut times: Vec<f64> = (0..repeats)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(explorer.search(query, &options));
                ms(started)
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("{:9.4} ms  {query}", times[repeats / 2]);
        every.extend(times);
    }
    every.sort_by(f64::total_cmp);
    let at = |q: f64| every[((every.len() - 1) as f64 * q) as usize];
    println!(
        "p50 {:.4} ms, p95 {:.4} ms, p99 {:.4} ms over {} timed searches",
        at(0.50),
        at(0.95),
        at(0.99),
        every.len()
    );
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}
