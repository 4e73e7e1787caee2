//! Dumps the full results of many searches over an explorer's embedded
//! parts as JSON lines, to check that a change to the search core gives
//! exactly the same answers (run it before and after, then compare with
//! `examples/search_dump_diff.py`):
//!
//!     cargo run --release --example search_dump -- PARTS_DIR [QUERIES_JSON...] > before.jsonl
//!
//! Queries: the `q` of every query file given (the benchmark's set, the
//! gold file's judged queries), then a few hundred drawn from the corpus
//! with a fixed seed: single words, two- and three-word runs, prefixes,
//! one-letter typos, phrases, exclusions, OR. Each runs with the default
//! options, the benchmark's (10 hits, no snippets), page 2, and some with a
//! date filter. A measurement tool, not a test: it never fails on results.

use recoupe::Explorer;
use recoupe::search::SearchOptions;

/// A fixed-seed generator (xorshift), so two runs draw the same queries.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

fn corpus_queries(explorer: &Explorer) -> Vec<String> {
    let docs = explorer.documents();
    let mut draw = Draw(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::new();
    if docs.is_empty() {
        return out;
    }
    for kind in 0..9 {
        let count = match kind {
            0 => 120,
            1 => 100,
            2 => 60,
            3 => 60,
            4 => 80,
            _ => 25,
        };
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < count * 50 {
            tries += 1;
            let doc = &docs[draw.below(docs.len())];
            let words = words_of(&doc.text);
            if words.len() < 4 {
                continue;
            }
            let at = draw.below(words.len() - 3);
            let w = words[at];
            let q = match kind {
                0 => w.to_owned(),
                1 => words[at..at + 2].join(" "),
                2 => words[at..at + 3].join(" "),
                3 => {
                    let chars: Vec<char> = w.chars().collect();
                    if chars.len() < 4 {
                        continue;
                    }
                    let keep = 2 + draw.below(chars.len() - 2);
                    chars[..keep].iter().collect()
                }
                4 => {
                    let mut chars: Vec<char> = w.chars().collect();
                    if chars.len() < 5 {
                        continue;
                    }
                    let i = 1 + draw.below(chars.len() - 1);
                    match draw.below(4) {
                        0 => {
                            chars.remove(i);
                        }
                        1 => chars[i] = (b'a' + draw.below(26) as u8) as char,
                        2 => chars.insert(i, (b'a' + draw.below(26) as u8) as char),
                        _ => chars.swap(i - 1, i),
                    }
                    chars.into_iter().collect()
                }
                5 => format!("\"{}\"", words[at..at + 2].join(" ")),
                6 => format!("{} -{}", words[at], words[at + 2]),
                7 => format!("{} OR {}", words[at], words[at + 2]),
                _ => format!("\"{}\"~2 {}", words[at..at + 3].join(" "), words[at + 3]),
            };
            out.push(q);
            made += 1;
        }
    }
    out
}

fn file_queries(path: &str) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("{path}: cannot read");
        std::process::exit(1);
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        eprintln!("{path}: not JSON");
        std::process::exit(1);
    };
    let list = value["queries"].as_array().cloned().unwrap_or_default();
    let mut out: Vec<String> = list
        .iter()
        .filter_map(|q| q["q"].as_str().map(str::to_owned))
        .collect();
    if let Some(first) = value["first"].as_str() {
        out.push(first.to_owned());
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: search_dump PARTS_DIR [QUERIES_JSON...]");
        std::process::exit(2);
    };
    let part = |name: &str| -> Result<&'static [u8], String> {
        let bytes = std::fs::read(format!("{dir}/{name}")).map_err(|e| format!("{name}: {e}"))?;
        Ok(Box::leak(bytes.into_boxed_slice()))
    };
    // A folder of parts, or a corpus (folder or .jsonl) indexed here.
    let opened = if std::path::Path::new(&format!("{dir}/index.bin")).exists() {
        Explorer::from_parts(part)
    } else {
        Explorer::from_dir(std::path::Path::new(&dir))
            .map(|(explorer, _)| explorer)
            .map_err(|e| e.to_string())
    };
    let explorer = match opened {
        Ok(explorer) => explorer,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut queries: Vec<String> = args.flat_map(|f| file_queries(&f)).collect();
    queries.extend(corpus_queries(&explorer));
    let year = explorer
        .documents()
        .iter()
        .filter_map(|d| d.date.as_deref())
        .map(|d| d.get(..4).unwrap_or(d).to_owned())
        .min();
    let bench = SearchOptions {
        per_page: 10,
        snippets: false,
        ..Default::default()
    };
    let default = SearchOptions::default();
    let page2 = SearchOptions {
        page: 2,
        ..Default::default()
    };
    let dated = SearchOptions {
        date_from: year.clone(),
        date_to: year.map(|y| format!("{y}-06")),
        ..Default::default()
    };
    let mut runs = 0;
    for (i, q) in queries.iter().enumerate() {
        let mut sets = vec![("default", &default), ("bench", &bench)];
        sets.push(("page2", &page2));
        if i % 3 == 0 {
            sets.push(("dated", &dated));
        }
        for (label, options) in sets {
            let r = explorer.search(q, options);
            let line = serde_json::json!({
                "q": q,
                "options": label,
                "results": r,
                "terms": r.terms.iter().map(|&t| explorer.index().term(t)).collect::<Vec<_>>(),
            });
            println!("{line}");
            runs += 1;
        }
    }
    eprintln!("{} queries, {runs} searches dumped", queries.len());
}
