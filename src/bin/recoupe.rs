//! `recoupe`: the explorer's core over a corpus folder read at run time.
//!
//!     recoupe search --corpus DIR [--json] [--page N] [--per-page N] QUERY
//!     recoupe extract --corpus DIR
//!
//! It reads, cleans and analyses documents with exactly the code the wasm
//! build applies to its embedded corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use recoupe::Explorer;
use recoupe::compare::CompareInput;
use recoupe::corpus::Document;
use recoupe::search::SearchOptions;
use serde_json::json;

const USAGE: &str = "usage:
  recoupe search --corpus DIR [--json] [--page N] [--per-page N] [--from DATE] [--to DATE] QUERY
  recoupe extract --corpus DIR
  recoupe compare --corpus DIR (TEXT | --statement ID | --conflict ID)";

struct Args {
    command: String,
    corpus: Option<PathBuf>,
    json: bool,
    options: SearchOptions,
    query: Vec<String>,
    statement: Option<String>,
    conflict: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = args.next().ok_or("no command given")?;
    let mut parsed = Args {
        command,
        corpus: None,
        json: false,
        options: SearchOptions {
            prefix: false,
            ..SearchOptions::default()
        },
        query: Vec::new(),
        statement: None,
        conflict: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--corpus" => parsed.corpus = Some(PathBuf::from(value("--corpus")?)),
            "--json" => parsed.json = true,
            "--statement" => parsed.statement = Some(value("--statement")?),
            "--conflict" => parsed.conflict = Some(value("--conflict")?),
            "--page" => {
                parsed.options.page = value("--page")?
                    .parse()
                    .map_err(|_| "--page needs a number")?
            }
            "--per-page" => {
                parsed.options.per_page = value("--per-page")?
                    .parse()
                    .map_err(|_| "--per-page needs a number")?
            }
            "--from" => parsed.options.date_from = Some(value("--from")?),
            "--to" => parsed.options.date_to = Some(value("--to")?),
            "--" => parsed.query.extend(args.by_ref()),
            _ => parsed.query.push(arg),
        }
    }
    Ok(parsed)
}

fn load(corpus: Option<PathBuf>) -> Result<Explorer, String> {
    let dir = corpus.ok_or("--corpus DIR is required")?;
    let (explorer, warnings) = Explorer::from_dir(&dir).map_err(|e| e.to_string())?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    Ok(explorer)
}

/// `println!` that reports a closed output instead of panicking.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, $($arg)*).map_err(|e| e.to_string())?
    };
}

fn run() -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let args = parse_args(std::env::args().skip(1))?;
    match args.command.as_str() {
        "search" => {
            let explorer = load(args.corpus)?;
            let query = args.query.join(" ");
            let started = std::time::Instant::now();
            let results = explorer.search(&query, &args.options);
            let took_ms = started.elapsed().as_secs_f64() * 1000.0;
            if args.json {
                let hits: Vec<_> = results
                    .hits
                    .iter()
                    .map(|h| {
                        json!({"doc": h.id, "score": h.score, "title": h.title,
                               "date": h.date, "matched": h.matched, "snippet": h.snippet})
                    })
                    .collect();
                let answer = json!({"total": results.total, "clauses": results.clauses,
                                 "message": results.message, "took_ms": took_ms, "hits": hits});
                outln!(out, "{answer}");
            } else {
                if let Some(m) = &results.message {
                    outln!(out, "({m})");
                }
                outln!(out, "{} documents ({took_ms:.2} ms)", results.total);
                for h in &results.hits {
                    let snippet: String = h
                        .snippet
                        .iter()
                        .map(|s| {
                            if s.mark {
                                format!("[{}]", s.text)
                            } else {
                                s.text.clone()
                            }
                        })
                        .collect();
                    outln!(
                        out,
                        "{:7.3}  {}  {}",
                        h.score,
                        h.id,
                        h.date.as_deref().unwrap_or("-")
                    );
                    outln!(out, "         {snippet}");
                }
            }
            Ok(())
        }
        "compare" => {
            let explorer = load(args.corpus)?;
            let input = match (args.statement, args.conflict) {
                (Some(statement), _) => CompareInput::Statement { statement },
                (None, Some(conflict)) => CompareInput::Conflict { conflict },
                (None, None) => CompareInput::Text(args.query.join(" ")),
            };
            let comparison = explorer.compare(&input)?;
            let answer = serde_json::to_string(&comparison).map_err(|e| e.to_string())?;
            outln!(out, "{answer}");
            Ok(())
        }
        "extract" => {
            let explorer = load(args.corpus)?;
            let claims = explorer.claims()?;
            let comparisons = explorer.comparisons()?;
            let documents: Vec<_> = explorer.documents().iter().map(Document::info).collect();
            let answer = json!({"documents": documents,
                                "statements": claims.statements,
                                "facts": claims.facts,
                                "speakers": claims.speakers,
                                "conflicts": comparisons.conflicts,
                                "agreements": comparisons.agreements,
                                "timeline": comparisons.timeline});
            outln!(out, "{answer}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("recoupe: {e}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}
