//! Native timing of the search engine on a large corpus: build time, index
//! size, and query latency percentiles over a fixed set of realistic queries
//! (names, common words, 2-3 word queries, prefixes as typed, typos).
//!
//!     cargo run --release --example search_speed -- ../shared/corpora/orangesum_10k.jsonl
//!
//! A measurement, not a test: it prints figures and never fails on them.

use std::path::PathBuf;
use std::time::Instant;

use recoupe::Explorer;
use recoupe::search::SearchOptions;

/// The fixed query set: the last word of each is matched as a prefix, as the
/// page does while the reader types.
const QUERIES: &[&str] = &[
    "Macron",
    "Trump",
    "gouvernement",
    "police",
    "France",
    "gilets jaunes",
    "réforme des retraites",
    "coupe du monde",
    "Marine Le Pen",
    "Mélenchon",
    "Melanchon",
    "gouvernemnt",
    "manif",
    "grève SNCF",
    "attentat terroriste",
    "élection présidentielle",
    "Benalla",
    "Neymar",
    "Mbappé",
    "incendie",
    "accident de la route",
    "Notre-Dame",
    "migrants Méditerranée",
    "prix de l'essence",
    "\"garde à vue\"",
    "tribunal correctionnel",
    "météo orages",
    "vague de chaleur",
    "Brexit",
    "Theresa May",
    "Corée du Nord",
    "Kim Jong-un",
    "Syrie",
    "Daech",
    "impôt sur la fortune",
    "hôpital urgences",
    "enseignants",
    "Philippe",
    "Hulot démission",
    "Johnny Hallyday",
    "chômage",
    "Ligue 1 PSG",
    "Paris -PSG",
    "Marseille OR Lyon",
    "2.000",
    "policier blessé",
    "vaccins",
    "Fillon",
    "présidentielle 2017",
    "gouv",
    "ass",
    "Emmanuel Macron président",
    "la",
    "Trunp",
    "sécurité sociale",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/corpora/orangesum_10k.jsonl".to_owned()),
    );
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let started = Instant::now();
    let (explorer, _) = match Explorer::from_dir(&path) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    let build = started.elapsed();
    let parts = explorer.to_parts();
    let part = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    };
    let documents_bytes = part(recoupe::explorer::DOCUMENTS_FILE);
    let index_bytes = part(recoupe::explorer::INDEX_FILE);
    // Opening the binary form, as the page does from the embedded bytes.
    let leaked: Vec<(&str, &'static [u8])> = recoupe::explorer::PARTS
        .iter()
        .map(|&name| (name, &*Box::leak(part(name).into_boxed_slice())))
        .collect();
    let started = Instant::now();
    let opened = Explorer::from_parts(|name| {
        leaked
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| *b)
            .ok_or_else(|| format!("no {name}"))
    });
    let open = started.elapsed();
    if let Err(e) = opened {
        eprintln!("cannot reopen: {e}");
    }
    println!(
        "{} documents, built in {:.2} s, index {:.1} MB, documents {:.1} MB, opened in {:.1} ms",
        explorer.documents().len(),
        build.as_secs_f64(),
        index_bytes.len() as f64 / 1e6,
        documents_bytes.len() as f64 / 1e6,
        open.as_secs_f64() * 1000.0
    );
    // SNIPPETS=0: time the ranking alone (ids and titles, as the browser
    // benchmark takes them).
    let snippets = std::env::var("SNIPPETS").map_or(true, |v| v != "0");
    let options = SearchOptions {
        prefix: true,
        snippets,
        ..SearchOptions::default()
    };
    // QUERIES_FILE=bench/queries.json: the browser benchmark's query set
    // instead of this one. QUERY=...: only the queries containing this text.
    let from_file: Vec<String> = std::env::var("QUERIES_FILE")
        .ok()
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| {
            v["queries"].as_array().map(|qs| {
                qs.iter()
                    .filter_map(|q| q["q"].as_str().map(str::to_owned))
                    .collect()
            })
        })
        .unwrap_or_default();
    let only = std::env::var("QUERY").ok();
    let queries: Vec<&str> = if from_file.is_empty() {
        QUERIES.to_vec()
    } else {
        from_file.iter().map(String::as_str).collect()
    };
    let queries: Vec<&str> = queries
        .into_iter()
        .filter(|q| only.as_deref().is_none_or(|o| q.contains(o)))
        .collect();
    let mut all = Vec::new();
    let mut per_query: Vec<(f64, f64, &str, usize)> = Vec::new();
    for q in &queries {
        let _ = explorer.search(q, &options); // warm
    }
    for q in &queries {
        let mut times = Vec::with_capacity(rounds);
        let mut total = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            let r = explorer.search(q, &options);
            let top: Vec<(&str, Option<&str>)> = r
                .hits
                .iter()
                .map(|h| (h.id.as_str(), h.title.as_deref()))
                .collect();
            std::hint::black_box(&top);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            total = r.total;
        }
        times.sort_by(f64::total_cmp);
        per_query.push((percentile(&times, 0.5), times[0], q, total));
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "{} queries x {rounds} (snippets {snippets}): p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        queries.len(),
        percentile(&all, 0.5),
        percentile(&all, 0.95),
        percentile(&all, 0.99),
        all.last().copied().unwrap_or(0.0)
    );
    per_query.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("slowest (median ms, min ms, query, total hits):");
    for (t, min, q, n) in per_query.iter().take(12) {
        println!("  {t:8.3} {min:8.3}  {q:32} {n}");
    }
}
