//! Hostile corpora and hostile questions through the whole core: reading,
//! cleaning, indexing, search, extraction, comparison, and the embedded
//! form the page opens. Whatever comes in, the answer is right or a
//! message, never a panic nor a hang; text stays text.
//!
//! A short deterministic fuzz run (a seeded generator, no crate) stands in
//! the test command for the long cargo-fuzz runs of `fuzz/`; both check the
//! same promises (`tests/support/invariants.rs`). The work is bounded by
//! the size of the inputs, not by timed assertions.

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/noise.rs"]
mod noise;

use noise::Noise;

use std::path::Path;

use recoupe::Explorer;
use recoupe::claims::{FactKind, FactValue, StatementFilter};
use recoupe::compare::{CompareInput, TimelineFilter};
use recoupe::corpus::load::ReadCorpus;
use recoupe::corpus::{self, DocumentSummary, Limits};
use recoupe::search::{SearchOptions, SearchResults, query::MAX_QUERY_CHARS};
use recoupe::text::dates::span::Span;

/// Strings a page must show as text and never run, and characters that
/// must neither split a word nor hide one.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "\"><svg onload=alert(1)>",
    "'';!--\"<XSS>=&{()}",
    "\u{202E}Karabakh\u{202C}",
    "\u{2066}Erevan\u{2069}\u{200F}",
    "Kara\u{200B}bakh\u{200D}\u{2060}\u{FEFF}",
    "de\u{0301}ploiement e\u{0301}\u{0301}\u{0301}",
    "🙂 👨‍👩‍👧‍👦 🇫🇷 Bakou🙂",
    "2\u{A0}000 soldats\u{202F}; 3\u{A0}% ",
    "« « « « citation » » » »",
    "le 99 février 99999",
    "le 31 février 2020, le 0 mars 0000",
    "99999999999999999999999999999999999999 morts",
    "1e308 -0,0 1,7976931348623157e308",
];

/// Words and punctuation of French news, to build sentences the extractor
/// and the comparison actually read.
const PIECES: &[&str] = &[
    "Le ministre",
    " a déclaré",
    " : « ",
    " »",
    ", selon ",
    "d'après l'AFP",
    " Nikol Pachinian",
    " Bakou",
    " Erevan",
    " l'accord",
    " a été signé",
    " le 10 novembre 2020",
    " le 9 novembre",
    " 2 000 soldats",
    " 1,5 %",
    " ont été tués",
    " à Stepanakert",
    ". ",
    "\n\n",
    "\n",
    " accuse ",
    " l'Azerbaïdjan",
    " d'avoir attaqué",
    " Il a ajouté que",
    " « ",
    "\"",
    " qu'",
    "-",
    " (",
    ")",
    " Photo : AFP",
    "Lire aussi",
    " le porte-parole",
    " du Kremlin,",
    " Dmitri Peskov",
];

impl Noise {
    /// `n` pieces, one in eight hostile.
    fn text(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| {
                if self.below(8) == 0 {
                    self.pick(HOSTILE)
                } else {
                    self.pick(PIECES)
                }
            })
            .collect()
    }

    /// Between `min` and `max` pieces.
    fn text_of(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        self.text(n)
    }
}

fn seeds() -> Explorer {
    Explorer::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .expect("the seeds build")
        .0
}

/// Reads files given in memory through the corpus reader.
fn read(files: &[(&str, &[u8])]) -> Result<ReadCorpus, corpus::CorpusError> {
    corpus::read_corpus_files(files.iter().copied(), Limits::default())
}

fn build(files: &[(&str, &[u8])]) -> Explorer {
    let read = read(files).expect("the corpus reads");
    let explorer = Explorer::build(read.documents);
    if let Err(e) = invariants::explorer(&explorer) {
        panic!("{e}");
    }
    explorer
}

/// Opens an embedded form given as (file name, bytes) pairs, leaked on
/// purpose: the embedded form is 'static, as in the module.
fn open_parts(parts: Vec<(&'static str, Vec<u8>)>) -> Result<Explorer, String> {
    let parts: &'static [(&'static str, Vec<u8>)] = Box::leak(parts.into_boxed_slice());
    Explorer::from_parts(|name| {
        parts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.as_slice())
            .ok_or_else(|| format!("no {name}"))
    })
}

fn search(e: &Explorer, q: &str) -> SearchResults {
    let results = e.search(q, &SearchOptions::default());
    if let Err(what) = invariants::search(e.documents(), &results) {
        panic!("{q:?}: {what}");
    }
    results
}

fn found(e: &Explorer, q: &str) -> Vec<String> {
    search(e, q).hits.into_iter().map(|h| h.id).collect()
}

/// Every answer the page receives goes through JSON-compatible serde; what
/// it receives must read back as the same answer (fields the page never
/// sees, `#[serde(skip)]`, are not part of it).
fn json_round_trip<T>(value: &T)
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let json = serde_json::to_string(value).expect("serialises");
    let back: T = serde_json::from_str(&json).expect("deserialises");
    let again = serde_json::to_string(&back).expect("serialises again");
    assert_eq!(again, json);
}

/// Each part of a date fact: a year (or XXXX when unknown), a month of the
/// year, a day of the month.
fn plausible_date(date: &str) -> bool {
    date.split('/').all(|side| {
        let parts: Vec<&str> = side.split('-').collect();
        let num =
            |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n));
        let year = |y: &str| y == "XXXX" || (y.len() == 4 && num(y, 0, 9999));
        match parts.as_slice() {
            [y] => year(y),
            [y, m] => year(y) && m.len() == 2 && num(m, 1, 12),
            [y, m, d] => year(y) && m.len() == 2 && num(m, 1, 12) && d.len() == 2 && num(d, 1, 31),
            _ => false,
        }
    })
}

#[test]
fn random_corpora_keep_every_promise() {
    let mut noise = Noise(0x2545_F491_4F6C_DD1D);
    for round in 0..24 {
        let n_docs = 1 + noise.below(4);
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for d in 0..n_docs {
            let text = noise.text_of(0, 120);
            let (name, bytes) = match noise.below(4) {
                0 => (format!("{d}.txt"), format!(" date 2020-11-1{d} {text}")),
                1 => (format!("{d}.md"), format!("# {}\n\n{text}", noise.pick(HOSTILE))),
                2 => (
                    format!("{d}.html"),
                    format!(
                        "<html><head><title>{}</title></head><body><p>{}</p><p>{text}</p></body></html>",
                        noise.pick(HOSTILE),
                        noise.pick(PIECES)
                    ),
                ),
                _ => (
                    format!("{d}.jsonl"),
                    serde_json::json!({"id": format!("j{d}"), "title": noise.pick(HOSTILE), "text": text})
                        .to_string(),
                ),
            };
            files.push((name, bytes.into_bytes()));
        }
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let Ok(corpus) = read(&files) else {
            continue; // an empty text, an HTML page without text: a message
        };
        let e = Explorer::build(corpus.documents);
        if let Err(what) = invariants::explorer(&e) {
            panic!("round {round}: {what}");
        }
        let docs = e.documents();
        for _ in 0..6 {
            let q = noise.text_of(1, 6);
            search(&e, &q);
            for input in [
                CompareInput::Text(q.clone()),
                CompareInput::Statement {
                    statement: q.clone(),
                },
            ] {
                match e.compare(&input) {
                    Ok(c) => {
                        if let Err(what) = invariants::comparison(docs, &c) {
                            panic!("round {round}, {q:?}: {what}");
                        }
                        json_round_trip(&c);
                    }
                    Err(message) => assert!(!message.is_empty()),
                }
            }
        }
        let claims = e.claims().expect("claims");
        for s in claims.statements.iter().take(5) {
            let c = e
                .compare(&CompareInput::Statement {
                    statement: s.id.clone(),
                })
                .expect("a statement of the corpus compares");
            if let Err(what) = invariants::comparison(docs, &c) {
                panic!("round {round}, {}: {what}", s.id);
            }
        }
        for f in &claims.facts {
            if let FactValue::Date(d) = &f.value {
                assert!(
                    plausible_date(d),
                    "round {round}: date fact {d:?} from {:?}",
                    f.text
                );
            }
        }
        json_round_trip(&claims.statements);
        json_round_trip(&e.comparisons().expect("comparisons").conflicts);
        for d in docs {
            json_round_trip(&e.view(&d.id).expect("a document of the corpus"));
        }
    }
}

#[test]
fn hostile_strings_stay_text_in_every_answer() {
    let body = HOSTILE
        .iter()
        .map(|h| format!("Le ministre a déclaré : « Nous ne signerons pas {h} cet accord ». Selon {h}, l'accord a été signé."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let jsonl = serde_json::json!({
        "id": "<script>alert(1)</script>",
        "title": "\"><svg onload=alert(1)>",
        "date": "2020-11-10",
        "text": body,
    })
    .to_string();
    let txt = format!("<img src=x onerror=alert(1)> javascript:alert(1)\n\n{body}");
    let e = build(&[("a.txt", txt.as_bytes()), ("b.jsonl", jsonl.as_bytes())]);

    // Titles, ids and text come back exactly as written: the page shows them
    // as text, so nothing is stripped, escaped or rewritten on the way.
    let a = e.view("a.txt").expect("a.txt");
    let first_line = "<img src=x onerror=alert(1)> javascript:alert(1)";
    assert!(
        a.blocks.iter().any(|b| b.text == first_line),
        "{:?}",
        a.blocks
    );
    let b = e
        .view("<script>alert(1)</script>")
        .expect("an id is any string");
    assert_eq!(b.title.as_deref(), Some("\"><svg onload=alert(1)>"));
    for view in [&a, &b] {
        let text: String = view.blocks.iter().map(|b| b.text.as_str()).collect();
        for h in &HOSTILE[..5] {
            assert!(text.contains(h), "{h:?} missing from {}", view.id);
        }
        json_round_trip(view);
    }

    // Found by their words, and the snippet gives the passage as text spans.
    for (q, word) in [
        ("onerror", "onerror"),
        ("svg onload", "onload"),
        ("javascript", "javascript"),
    ] {
        let results = search(&e, q);
        assert!(!results.hits.is_empty(), "{q}");
        for hit in &results.hits {
            let shown: String = hit.snippet.iter().map(|s| s.text.as_str()).collect();
            assert!(
                shown.contains('<') || shown.contains(word),
                "{q}: {shown:?}"
            );
            assert!(hit.snippet.iter().any(|s| s.mark), "{q}: nothing marked");
        }
        json_round_trip(&results);
    }
    let hits = found(&e, "\"<script>alert(1)</script>\"");
    assert!(hits.contains(&"a.txt".to_owned()), "{hits:?}");

    // A quotation holding markup is a statement whose content is that
    // markup, as written.
    let claims = e.claims().expect("claims");
    let script = claims
        .statements
        .iter()
        .find(|s| s.content.contains("<script>alert(1)</script>"))
        .expect("the quoted script is a statement's content");
    assert!(script.speaker.contains("ministre"), "{}", script.speaker);
    let filter = StatementFilter {
        text: Some("onerror".into()),
        ..StatementFilter::default()
    };
    assert!(!claims.statements(&filter).is_empty());
    // Markup is never a speaker.
    for sp in &claims.speakers {
        assert!(!sp.name.contains(['<', '>']), "speaker {:?}", sp.name);
    }

    // Markup of an HTML page is markup: scripts and handlers are not text.
    let html = "<html><head><title>Titre</title><script>alert('x')</script></head><body>\
        <p onclick=\"alert(2)\">Le ministre a déclaré : « la paix ». <img src=x onerror=alert(3)></p>\
        <p>&lt;script&gt;alert(4)&lt;/script&gt; est écrit en clair.</p>\
        <a href=\"javascript:alert(5)\">lien</a></body></html>";
    let e = build(&[("page.html", html.as_bytes())]);
    let view = e.view("page.html").expect("page.html");
    let text: String = view.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(!text.contains("alert('x')") && !text.contains("onerror") && !text.contains("onclick"));
    assert!(!text.contains("javascript:"), "{text}");
    assert!(
        text.contains("<script>alert(4)</script> est écrit en clair"),
        "{text}"
    );
}

#[test]
fn invisible_combining_and_spacing_characters_do_not_hide_words() {
    let texts = [
        (
            "bidi.txt",
            "La région du \u{202E}Karabakh\u{202C} est disputée par les deux pays.",
        ),
        (
            "zw.txt",
            "Les combats du Kara\u{200B}bakh ont repris à l'aube.",
        ),
        (
            "nfd.txt",
            "Le de\u{0301}ploiement des troupes a commencé hier soir.",
        ),
        (
            "nbsp.txt",
            "Au total, 2\u{A0}000 soldats ont été envoyés sur place.",
        ),
        (
            "emoji.txt",
            "Les habitants de Bakou🙂 ont célébré la nouvelle 👨‍👩‍👧‍👦.",
        ),
        ("soft.txt", "Le village de Ha\u{AD}drout a été repris."),
        (
            "rtl.txt",
            "Les délégations d'\u{2066}Erevan\u{2069}\u{200F} sont arrivées.",
        ),
    ];
    let files: Vec<(&str, &[u8])> = texts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let e = build(&files);
    for (q, doc) in [
        ("Karabakh", "bidi.txt"),
        ("Karabakh", "zw.txt"),
        ("déploiement", "nfd.txt"),
        ("deploiement", "nfd.txt"),
        ("2000", "nbsp.txt"),
        ("2 000 soldats", "nbsp.txt"),
        ("Bakou", "emoji.txt"),
        ("Hadrout", "soft.txt"),
        ("Erevan", "rtl.txt"),
        ("Kara\u{200B}bakh", "bidi.txt"),
        ("\u{202E}Karabakh", "zw.txt"),
        ("de\u{0301}ploiement", "nfd.txt"),
    ] {
        let hits = found(&e, q);
        assert!(
            hits.iter().any(|h| h == doc),
            "{q:?} does not find {doc}: {hits:?}"
        );
    }
}

#[test]
fn huge_paragraphs_and_questions_are_bounded() {
    // A 1 MB paragraph: one line, no break, statements all along.
    let sentence = "Le ministre a déclaré : « 2 000 soldats sont arrivés le 10 novembre 2020 ». ";
    let mut huge = String::new();
    while huge.len() < 1 << 20 {
        huge.push_str(sentence);
    }
    let e = build(&[
        ("huge.txt", huge.as_bytes()),
        ("small.txt", sentence.as_bytes()),
    ]);
    let hits = found(&e, "soldats arrivés");
    assert_eq!(hits.len(), 2, "{hits:?}");
    let claims = e.claims().expect("claims");
    assert!(claims.statements.iter().any(|s| s.doc == "huge.txt"));
    assert!(claims.statements.iter().any(|s| s.doc == "small.txt"));

    // A 10,000-character query is read to its first 1,000 characters, and
    // the answer says so.
    let long_query = "soldats ".repeat(1250);
    assert_eq!(long_query.chars().count(), 10_000);
    let results = search(&e, &long_query);
    assert_eq!(results.hits.len(), 2);
    let message = results.message.unwrap_or_default();
    assert!(
        message.contains(&format!(
            "query shortened to its first {MAX_QUERY_CHARS} characters"
        )),
        "{message}"
    );
    let words: String = (0..2000).map(|i| format!("mot{i} ")).collect();
    let message = search(&e, &words).message.unwrap_or_default();
    assert!(
        message.contains("only the first 32 words are searched"),
        "{message}"
    );
    for q in [
        "é".repeat(10_000),
        "\u{200B}".repeat(10_000),
        "\"".repeat(10_000),
        "-x ".repeat(3_400),
    ] {
        search(&e, &q);
    }

    // The same question for the comparison, the filters and the timeline.
    let c = e
        .compare(&CompareInput::Text(long_query.clone()))
        .expect("a long question compares");
    assert!(c.question.text.chars().count() <= 1000);
    assert!(
        c.explanation
            .ends_with("(Question raccourcie à ses 1000 premiers caractères.)"),
        "{}",
        c.explanation
    );
    let filter = StatementFilter {
        text: Some("x".repeat(10_000)),
        speaker: Some("y".repeat(10_000)),
        ..StatementFilter::default()
    };
    assert!(claims.statements(&filter).is_empty());
    let timeline = TimelineFilter {
        speaker: Some("ministre".repeat(1250)),
        from: Some("le 99 février 99999".repeat(500)),
        to: Some("9".repeat(10_000)),
        doc: None,
    };
    assert!(e.timeline(&timeline).expect("timeline").is_empty());
}

#[test]
fn nested_quotes_long_numbers_and_impossible_dates() {
    let nested = format!(
        "Le ministre a déclaré : {}la paix{}.\n\n{}",
        "« ".repeat(5_000),
        " »".repeat(5_000),
        "« ".repeat(20_000)
    );
    let numbers = format!(
        "Selon Bakou, {} soldats ont été tués. Selon Erevan, {},{} % des votants et -{} morts.",
        "9".repeat(400),
        "1".repeat(300),
        "5".repeat(300),
        "7".repeat(30)
    );
    let dates = "Le ministre a déclaré le 99 février 99999 que l'accord signé le 31 février 2020 \
        tenait. Le 0 mars 0000, le 32 décembre 2020 et le 29 février 2021 ne sont pas des jours. \
        L'accord a été signé le 29 février 2020.";
    let e = build(&[
        ("nested.txt", nested.as_bytes()),
        ("numbers.txt", numbers.as_bytes()),
        ("dates.txt", dates.as_bytes()),
    ]);
    let claims = e.claims().expect("claims");
    for f in &claims.facts {
        match &f.value {
            FactValue::Date(d) => assert!(plausible_date(d), "{d:?} from {:?}", f.text),
            FactValue::Decimal(x) => assert!(x.is_finite(), "{x} from {:?}", f.text),
            FactValue::Integer(n) => {
                assert!(*n >= 0 || f.text.contains('-'), "{n} from {:?}", f.text)
            }
        }
    }
    let days: Vec<&str> = claims
        .facts
        .iter()
        .filter(|f| f.doc == "dates.txt" && f.kind == FactKind::Date)
        .filter_map(|f| match &f.value {
            FactValue::Date(d) => Some(d.as_str()),
            _ => None,
        })
        .collect();
    assert!(days.contains(&"2020-02-29"), "{days:?}");
    for impossible in ["2020-02-31", "2020-12-32", "2021-02-29"] {
        assert!(!days.contains(&impossible), "{impossible} in {days:?}");
    }
    for q in [
        "99999",
        "\"le 99 février 99999\"",
        &"9".repeat(400),
        "« « « paix",
    ] {
        search(&e, q);
        let _ = e.compare(&CompareInput::Text(q.to_owned()));
    }
}

#[test]
fn bad_files_get_a_message_naming_them() {
    let cases: [(&str, &[u8], &str); 7] = [
        (
            "latin1.txt",
            b"Le d\xe9ploiement",
            "latin1.txt: not UTF-8 text (invalid byte 0xE9 at byte 4, line 1)",
        ),
        (
            "utf16.txt",
            b"\xFF\xFEL\0e\0",
            "utf16.txt: UTF-16 text, not UTF-8",
        ),
        ("empty.md", b" \n\t ", "empty.md: empty file"),
        (
            "nul.txt",
            b"Le\0texte",
            "nul.txt: binary data, not text (a NUL byte at byte 2)",
        ),
        (
            "bad.jsonl",
            b"{\"text\": \"ok\"}\n{\"text\": 3}\n",
            "bad.jsonl: line 2: not a JSON article",
        ),
        (
            "date.jsonl",
            b"{\"text\": \"ok\", \"date\": \"<script>\"}",
            "date.jsonl: line 1: \"date\" \"<script>\" is not YYYY-MM-DD",
        ),
        (
            "page.html",
            b"<html><script>alert(1)</script></html>",
            "page.html: no text in this HTML page",
        ),
    ];
    for (name, bytes, message) in cases {
        let err = read(&[(name, bytes)]).expect_err(name).to_string();
        assert!(err.starts_with(message), "{name}: {err}");
    }
    let big = vec![b'a'; 2048];
    let limits = Limits {
        max_file_bytes: 1024,
        max_corpus_bytes: 4096,
    };
    let err =
        corpus::read_corpus_files([("big.txt", big.as_slice())], limits).expect_err("too large");
    assert_eq!(
        err.to_string(),
        "big.txt: file too large: 2 KB (the limit is 1 KB a file)"
    );
    let small = vec![b'a'; 1000];
    let err = corpus::read_corpus_files(
        (0..5).map(|i| {
            (
                ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"][i],
                small.as_slice(),
            )
        }),
        limits,
    )
    .expect_err("corpus too large");
    assert_eq!(err.to_string(), "e.txt: corpus too large: over 4 KB in all");
    let read = read(&[("notes.pdf", b"%PDF"), ("a.txt", b"Le texte.")]).expect("a.txt reads");
    assert_eq!(
        read.warnings,
        ["notes.pdf: skipped (not .txt, .md, .jsonl or .html)"]
    );
    let err = corpus::read_corpus_files([("notes.pdf", &b"%PDF"[..])], Limits::default())
        .expect_err("no documents")
        .to_string();
    assert!(
        err.ends_with(
            "no documents: the corpus needs at least one .txt, .md, .jsonl or .html file"
        ),
        "{err}"
    );
}

#[test]
fn a_packed_embedded_form_answers_as_the_built_explorer() {
    // A large corpus's texts, claims and comparisons are embedded packed
    // (Zstandard) and unpacked on first use; the seeds are too small to be
    // packed by the build, so they are packed here whatever their size.
    // The summaries and the index are read in place, never packed.
    use recoupe::explorer::{DOCUMENTS_FILE, INDEX_FILE, SUMMARIES_FILE};
    use recoupe::parts;
    let built = seeds();
    let packed: Vec<(&'static str, Vec<u8>)> = built
        .to_parts()
        .into_iter()
        .map(|(name, bytes)| {
            if name == SUMMARIES_FILE || name == INDEX_FILE {
                return (name, bytes);
            }
            let raw = parts::unpack(&bytes).expect("a part unpacks").into_owned();
            let again = parts::pack_from(&raw, 0);
            assert!(again.len() < bytes.len(), "{name} packs smaller");
            (name, again)
        })
        .collect();
    let titles_only = SearchOptions {
        snippets: false,
        ..SearchOptions::default()
    };
    let opened = open_parts(packed.clone()).expect("the packed form opens");
    // A result list of titles is answered from the summaries alone.
    let listed = opened.search("Karabakh", &titles_only);
    assert_eq!(listed, built.search("Karabakh", &titles_only));
    assert_eq!(listed.total, 5);
    assert_eq!(opened.summaries(), built.summaries());
    for q in [
        "Karabakh",
        "\"soldats de la paix\"",
        "Pachinyan -Lavrov",
        "forces russes",
    ] {
        assert_eq!(search(&opened, q), search(&built, q), "{q:?}");
    }
    assert_eq!(opened.documents(), built.documents());
    assert_eq!(opened.claims(), built.claims());
    assert_eq!(opened.comparisons(), built.comparisons());

    // Damaged packed texts: a title search still answers, the texts say why
    // they cannot be read.
    let damaged = packed
        .into_iter()
        .map(|(n, mut b)| {
            if n == DOCUMENTS_FILE {
                b.truncate(b.len() / 2);
            }
            (n, b)
        })
        .collect();
    let opened = open_parts(damaged).expect("the index and summaries open");
    assert_eq!(opened.search("Karabakh", &titles_only).total, 5);
    let why = opened.texts().expect_err("cut texts are an error");
    assert!(why.contains("documents"), "{why}");
    assert!(opened.documents().is_empty());
}

#[test]
fn the_embedded_form_answers_as_the_built_explorer() {
    // The page opens the binary form: over a hostile corpus it must decode
    // to the same answers as the explorer it was made from.
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    let texts: Vec<String> = (0..4).map(|_| noise.text(80)).collect();
    let files: Vec<(String, &[u8])> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{i:03}_doc.txt"), t.as_bytes()))
        .collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let built = build(&files);
    let parts = built.to_parts();
    let opened = open_parts(parts.clone()).expect("the embedded form opens");
    assert_eq!(opened.documents(), built.documents());
    assert_eq!(opened.claims(), built.claims());
    assert_eq!(opened.comparisons(), built.comparisons());
    for _ in 0..20 {
        let q = noise.text_of(1, 4);
        assert_eq!(search(&opened, &q), search(&built, &q), "{q:?}");
    }

    // The module's own corpus: the seeds, embedded at build time.
    let embedded = recoupe::embedded::explorer().expect("the embedded seeds open");
    let seeds = seeds();
    assert_eq!(embedded.documents(), seeds.documents());
    for q in [
        "Karabakh",
        "\"soldats de la paix\"",
        "<script>",
        "🙂",
        "Pachinyan",
    ] {
        let results = search(embedded, q);
        assert_eq!(results, search(&seeds, q));
        json_round_trip(&results);
    }
    let summaries: Vec<DocumentSummary> = embedded
        .summaries()
        .iter()
        .map(|s| s.to_owned_summary())
        .collect();
    assert_eq!(summaries.len(), seeds.summaries().len());
    json_round_trip(&summaries);

    // A damaged embedded form is an error with a message, not a panic.
    for damage in [0usize, 1, 7, 100] {
        let broken = parts
            .iter()
            .map(|(n, b)| {
                (
                    *n,
                    b.iter().skip(damage).copied().take(b.len() / 2).collect(),
                )
            })
            .collect();
        let opened = open_parts(broken);
        match opened {
            Err(message) => assert!(!message.is_empty()),
            Ok(e) => {
                assert!(e.claims().is_err() || e.comparisons().is_err() || e.texts().is_err());
            }
        }
    }
}

#[test]
fn a_paragraph_of_dated_statements_gives_each_its_own_date() {
    // One paragraph, hundreds of statements each with its date before the
    // cue (and no other date near its words): each statement's date is its own, and finding them is not
    // quadratic in the statements (it once took seconds for 800 of them).
    let months = ["janvier", "mars", "mai", "juillet", "septembre", "novembre"];
    let paragraph: String = (0..400)
        .map(|i| {
            format!(
                "Le {} {} 2020, le ministre a déclaré : « la trêve numéro {i} tient ». \
                 Les observateurs n'ont signalé aucun incident notable dans la région. ",
                1 + i % 28,
                months[i % months.len()]
            )
        })
        .collect();
    let e = build(&[("dated.txt", paragraph.as_bytes())]);
    let statements = &e.claims().expect("claims").statements;
    assert_eq!(statements.len(), 400);
    for s in statements {
        let i: usize = s
            .content
            .trim_start_matches("la trêve numéro ")
            .trim_end_matches(" tient")
            .parse()
            .unwrap_or_else(|_| panic!("{:?}", s.content));
        let month = ["01", "03", "05", "07", "09", "11"][i % months.len()];
        let expected = format!("2020-{month}-{:02}", 1 + i % 28);
        assert_eq!(s.date.as_deref(), Some(expected.as_str()), "{}", s.content);
    }
}

#[test]
fn long_filters_are_read_once_not_once_per_statement() {
    // A filter typed or pasted into the page (a megabyte of words) is
    // folded once: folding it again for every statement, fact or timeline
    // entry made one call take seconds on a corpus of a few hundred.
    let e = seeds();
    let claims = e.claims().expect("claims");
    let words = "accord ".repeat(150_000);
    let filter = StatementFilter {
        text: Some(words.clone()),
        speaker: Some(words.clone()),
        side: Some(words.clone()),
        ..StatementFilter::default()
    };
    assert!(claims.statements(&filter).is_empty());
    let by_text = StatementFilter {
        text: Some(words.clone()),
        ..StatementFilter::default()
    };
    let plain = StatementFilter {
        text: Some("accord".into()),
        ..StatementFilter::default()
    };
    assert_eq!(claims.statements(&by_text), claims.statements(&plain));
    let facts = recoupe::claims::FactFilter {
        text: Some(words.clone()),
        ..Default::default()
    };
    assert!(claims.facts(&facts).is_empty());
    let timeline = TimelineFilter {
        from: Some(words.clone()),
        to: Some(words),
        speaker: None,
        doc: None,
    };
    assert!(e.timeline(&timeline).expect("timeline").is_empty());
    let november = TimelineFilter {
        from: Some("2020-11-01".into()),
        to: Some("2020-11-30".into()),
        speaker: None,
        doc: None,
    };
    // The period read once filters as before: exactly the entries whose
    // date shares a day with November 2020.
    let entries = e.timeline(&november).expect("timeline");
    let all = e.timeline(&TimelineFilter::default()).expect("timeline");
    let month = Span::parse("2020-11-01/2020-11-30").expect("a period");
    let expected: Vec<_> = all
        .into_iter()
        .filter(|t| Span::parse(&t.date).is_some_and(|d| d.overlaps(&month)))
        .collect();
    assert!(!entries.is_empty());
    assert_eq!(entries, expected);
}

#[test]
fn long_search_filter_lists_are_sets() {
    // Filter lists from the page (documents, outlets, speakers, sides,
    // months) as long as it likes: looked up in sets, the same answer as
    // the short list, in time bounded by their length.
    let e = seeds();
    let noise: Vec<String> = (0..20_000).map(|i| format!("x{i}")).collect();
    let with_noise = |real: &[&str]| -> Option<Vec<String>> {
        Some(
            noise
                .iter()
                .cloned()
                .chain(real.iter().map(|s| (*s).to_owned()))
                .collect(),
        )
    };
    let ids: Vec<&str> = e.documents().iter().map(|d| d.id.as_str()).collect();
    let outlets: Vec<&str> = e
        .documents()
        .iter()
        .filter_map(|d| d.outlet.as_deref())
        .collect();
    let short = SearchOptions {
        docs: Some(ids[..3].iter().map(|s| (*s).to_owned()).collect()),
        months: Some(vec!["2020".into()]),
        facets: true,
        statements: 3,
        ..SearchOptions::default()
    };
    let long = SearchOptions {
        docs: with_noise(&ids[..3]),
        months: with_noise(&["2020"]),
        ..short.clone()
    };
    for q in ["Karabakh", "soldats de la paix", "accord"] {
        let a = e.search(q, &short);
        assert!(!a.hits.is_empty(), "{q}");
        let b = e.search(q, &long);
        assert_eq!(b.hits, a.hits, "{q}");
        // Selected months stay listed (to be unselected), even those no
        // document has; as many as were asked for.
        let dates = &b.facets.as_ref().expect("facets asked for").dates;
        assert_eq!(dates.len(), noise.len() + 1, "{q}");
        assert!(dates.iter().any(|f| f.value == "2020" && f.selected), "{q}");
    }
    let by_outlet = SearchOptions {
        outlets: Some(outlets.iter().map(|s| (*s).to_owned()).collect()),
        ..SearchOptions::default()
    };
    let by_many = SearchOptions {
        outlets: with_noise(&outlets),
        speakers: with_noise(&[]),
        sides: with_noise(&[]),
        ..SearchOptions::default()
    };
    assert_eq!(
        e.search(
            "Karabakh",
            &SearchOptions {
                speakers: None,
                sides: None,
                ..by_many.clone()
            }
        ),
        e.search("Karabakh", &by_outlet)
    );
    assert!(e.search("Karabakh", &by_many).hits.is_empty());
    let dated = SearchOptions {
        date_from: Some("2020-".repeat(200_000)),
        ..SearchOptions::default()
    };
    assert!(e.search("Karabakh", &dated).hits.is_empty());
}

#[test]
fn runs_without_spaces_are_read_in_linear_time() {
    // Runs a scraper can produce (or a hostile corpus write): no space for
    // tens of kilobytes. "2.000." repeated over 900 KB took 11 minutes in a
    // release build (every period read the run back; 40 KB here would take
    // seconds); each must build in time linear in its size.
    let runs = [
        ("dots.txt", "2.000.".repeat(7_000)),
        ("initials.txt", "A.".repeat(20_000)),
        ("elisions.txt", "l'".repeat(20_000)),
        ("hyphens.txt", "a-".repeat(20_000)),
        ("quotes.txt", "« ".repeat(15_000)),
        ("links.md", "[a](".repeat(10_000)),
        (
            "tags.html",
            format!("<p>texte</p>{}", "<script>".repeat(5_000)),
        ),
    ];
    let files: Vec<(&str, &[u8])> = runs.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let e = build(&files);
    assert_eq!(e.documents().len(), runs.len());
    search(&e, "2.000");
    search(&e, "texte");
}
