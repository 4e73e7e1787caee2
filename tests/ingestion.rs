//! Corpus ingestion end to end: every format, every kind of bad input, the
//! seed reference's boilerplate and article lines, pages in the style of
//! other outlets, offsets back to the files, and hostile input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use recoupe::Explorer;
use recoupe::corpus::segment::segment_document;
use recoupe::corpus::{
    BlockKind, DateSource, Document, Format, Limits, RawDocument, build_documents, lexicon,
    read_corpus_dir, read_corpus_with,
};
use recoupe::search::SearchOptions;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ingestion");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

/// A folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!(
            "recoupe-ingestion-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(entries) = std::fs::read_dir(&self.0) {
                for e in entries.flatten() {
                    let _ =
                        std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o644));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whitespace-insensitive form for comparing a line with a block.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article_text(d: &Document) -> String {
    d.article_blocks()
        .map(|b| squash(d.block_text(b)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn blocks_of(d: &Document, kind: BlockKind) -> Vec<String> {
    d.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| squash(d.block_text(b)))
        .collect()
}

const ARTICLE: &str = "Le ministère de la Défense a déclaré mardi que la situation restait tendue dans la région.\n\nSelon le communiqué, deux soldats ont été blessés lors des combats de la nuit dernière.\n";

#[test]
fn one_file_of_each_format_and_the_warnings() {
    let dir = TempDir::new("formats");
    // .txt with a date header, a BOM, CRLF line ends and no-break spaces.
    dir.write(
        "a.txt",
        "\u{feff} date 2020-11-14 Le cessez-le-feu est respecté\u{a0}: aucun tir n'a été entendu samedi, a indiqué le commandant.\r\n\r\nLes patrouilles commencent lundi dans la zone nord, selon le ministère.\r\n",
    );
    dir.write(
        "b.md",
        "# Un titre en Markdown\n\nLe texte **gras** et un [lien](https://ex.fr) restent lisibles dans le document.\n\n## Une section\n\nUne deuxième phrase complète pour finir le document.\n",
    );
    dir.write(
        "c.html",
        "<html><head><title>Une page HTML | Le Site</title></head><body><nav>Rubriques</nav><article><h1>Une page HTML</h1><p>Le texte de l&rsquo;article est extrait de la page sans le menu.</p></article><footer>Pied</footer></body></html>",
    );
    dir.write(
        "d.jsonl",
        "{\"id\": \"j1\", \"date\": \"2012-05-22\", \"title\": \"Premier\", \"text\": \"Une ligne de texte pour le premier article du fichier.\"}\n\n{\"id\": 2, \"text\": \"22 mai 2012. - Le second article n'a pas de champ date mais une ligne de date.\"}\n",
    );
    dir.write(
        "sub/e.htm",
        "<p>Un fichier dans un sous-dossier, lu lui aussi par le chargeur.</p>",
    );
    dir.write("notes.pdf", "%PDF-1.4");
    dir.write(".cache.txt", "un fichier caché n'est pas lu");
    // The same text as a.txt, written with other line ends: one document.
    dir.write(
        "z_copy.txt",
        " date 2020-11-14 Le cessez-le-feu est respecté\u{a0}: aucun tir n'a été entendu samedi, a indiqué le commandant.\n\nLes patrouilles commencent lundi dans la zone nord, selon le ministère.\n",
    );

    let (explorer, warnings) = Explorer::from_dir(dir.path()).expect("a good corpus builds");
    let ids: Vec<&str> = explorer.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "b.md", "c.html", "j1", "2", "sub/e.htm"]);
    assert_eq!(
        warnings,
        [
            "notes.pdf: skipped (not .txt, .md, .jsonl or .html)",
            "z_copy.txt: skipped (same text as a.txt)"
        ]
    );
    let doc = |id: &str| explorer.document(id).unwrap();

    let a = doc("a.txt");
    assert_eq!(
        (a.date.as_deref(), a.date_source),
        (Some("2020-11-14"), DateSource::Header)
    );
    assert_eq!(a.format, Format::Text);
    assert_eq!(a.article_blocks().count(), 2);
    assert!(a.text.starts_with("Le cessez-le-feu est respecté\u{a0}:"));
    // Offsets count the BOM-less file as stored, header included.
    assert_eq!(a.source_char_offset(0), " date 2020-11-14 ".chars().count());

    let b = doc("b.md");
    assert_eq!(b.title.as_deref(), Some("Un titre en Markdown"));
    assert_eq!(
        blocks_of(b, BlockKind::Body),
        [
            "Le texte gras et un lien restent lisibles dans le document.",
            "Une deuxième phrase complète pour finir le document."
        ]
    );
    assert_eq!(blocks_of(b, BlockKind::Heading), ["Une section"]);

    let c = doc("c.html");
    assert_eq!(c.title.as_deref(), Some("Une page HTML"));
    assert_eq!(
        article_text(c),
        "Une page HTML\nLe texte de l’article est extrait de la page sans le menu."
    );

    let j1 = doc("j1");
    assert_eq!(
        (j1.title.as_deref(), j1.date.as_deref()),
        (Some("Premier"), Some("2012-05-22"))
    );
    assert_eq!(j1.date_source, DateSource::Field);
    let j2 = doc("2");
    assert_eq!(
        (j2.date.as_deref(), j2.date_source),
        (Some("2012-05-22"), DateSource::Dateline)
    );
    assert_eq!(blocks_of(j2, BlockKind::Dateline), ["22 mai 2012. -"]);
    assert!(article_text(j2).starts_with("Le second article"));

    let hits = explorer.search("patrouilles", &SearchOptions::default());
    assert_eq!(hits.total, 1);
    let menu = explorer.search("Rubriques", &SearchOptions::default());
    assert!(
        menu.hits.iter().all(|h| h.id != "c.html"),
        "{:?}",
        menu.hits
            .iter()
            .map(|h| (&h.id, &h.snippet))
            .collect::<Vec<_>>()
    );
}

/// Reads `dir` with small limits and returns the error's path and reason.
fn failure(dir: &Path, limits: Limits) -> (String, String) {
    match read_corpus_with(dir, limits) {
        Ok(read) => panic!(
            "{} should not load ({} documents)",
            dir.display(),
            read.documents.len()
        ),
        Err(e) => {
            // What build.rs prints: "PATH: REASON".
            assert_eq!(e.to_string(), format!("{}: {}", e.path, e.reason));
            (e.path, e.reason)
        }
    }
}

#[test]
fn each_kind_of_bad_input_stops_with_the_file_and_the_reason() {
    let small = Limits {
        max_file_bytes: 1000,
        max_corpus_bytes: 1500,
    };
    /// (case, files written, file named in the error, start of the reason)
    type Case = (
        &'static str,
        Vec<(&'static str, Vec<u8>)>,
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "not-utf8",
            vec![("ok.txt", ARTICLE.into()), ("latin1.txt", b"Caf\xe9 cr\xe8me".to_vec())],
            "latin1.txt",
            "not UTF-8 text (invalid byte 0xE9 at byte 3, line 1); save it as UTF-8",
        ),
        (
            "utf16",
            vec![("u16.txt", b"\xff\xfeC\x00a\x00".to_vec())],
            "u16.txt",
            "UTF-16 text, not UTF-8; save it as UTF-8",
        ),
        ("empty", vec![("vide.txt", Vec::new())], "vide.txt", "empty file"),
        (
            "blank",
            vec![("blanc.md", b"  \r\n\r\n\t\n".to_vec())],
            "blanc.md",
            "empty file",
        ),
        (
            "oversized",
            vec![("gros.txt", ARTICLE.repeat(10).into_bytes())],
            "gros.txt",
            "file too large: 1 KB (the limit is 1000 bytes a file)",
        ),
        (
            "corpus-too-large",
            vec![("a.txt", ARTICLE.repeat(4).into_bytes()), ("b.txt", ARTICLE.repeat(4).replace("mardi", "jeudi").into_bytes())],
            "b.txt",
            "corpus too large: over 1 KB in all",
        ),
        (
            "binary",
            vec![("bin.txt", b"du texte\x00\x01\x02".to_vec())],
            "bin.txt",
            "binary data, not text (a NUL byte at byte 8)",
        ),
        (
            "bad-jsonl-line",
            vec![(
                "c.jsonl",
                b"{\"id\": \"a\", \"text\": \"Un article correct.\"}\n{\"id\": \"b\", \"text\": \"coupe\n".to_vec(),
            )],
            "c.jsonl",
            "line 2: not a JSON article",
        ),
        (
            "jsonl-no-text",
            vec![("c.jsonl", b"{\"id\": \"a\", \"title\": \"Sans texte\"}\n".to_vec())],
            "c.jsonl",
            "line 1: no \"text\" field",
        ),
        (
            "jsonl-empty-text",
            vec![("c.jsonl", b"{\"id\": \"a\", \"text\": \"  \"}\n".to_vec())],
            "c.jsonl",
            "line 1: empty \"text\"",
        ),
        (
            "jsonl-bad-date",
            vec![("c.jsonl", "{\"id\": \"a\", \"date\": \"hier\", \"text\": \"Un texte.\"}\n".into())],
            "c.jsonl",
            "line 1: \"date\" \"hier\" is not YYYY-MM-DD",
        ),
        (
            "html-without-text",
            vec![("p.html", b"<html><head><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>".to_vec())],
            "p.html",
            "no text in this HTML page",
        ),
        (
            "only-unknown",
            vec![("notes.pdf", b"%PDF".to_vec()), ("image.jpg", b"\xff\xd8".to_vec())],
            "",
            "no documents: the corpus needs at least one .txt, .md, .jsonl or .html file",
        ),
        (
            "empty-folder",
            vec![],
            "",
            "no documents: the corpus needs at least one .txt, .md, .jsonl or .html file",
        ),
    ];
    for (name, files, file, reason) in cases {
        let dir = TempDir::new(name);
        for (rel, bytes) in &files {
            dir.write(rel, bytes);
        }
        let (path, got) = failure(dir.path(), small);
        assert!(
            got.starts_with(reason),
            "{name}: reason {got:?}, expected {reason:?}"
        );
        let expected_path = if file.is_empty() {
            dir.path().to_path_buf()
        } else {
            dir.path().join(file)
        };
        assert_eq!(Path::new(&path), expected_path, "{name}");
    }

    // A folder that does not exist.
    let missing = std::env::temp_dir().join("recoupe-ingestion-no-such-folder");
    let (path, reason) = failure(&missing, Limits::default());
    assert_eq!(
        (Path::new(&path), reason.as_str()),
        (missing.as_path(), "not found")
    );

    // The build script's message names the file too.
    let dir = TempDir::new("explorer");
    dir.write("latin1.txt", b"Caf\xe9");
    let err = Explorer::from_dir(dir.path())
        .err()
        .expect("a bad file stops the build");
    assert!(err.to_string().contains("latin1.txt: not UTF-8 text"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_stops_the_build() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("unreadable");
    dir.write("ok.txt", ARTICLE);
    let secret = dir.write("secret.txt", "Un texte que personne ne peut lire.");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        // Running as root: permissions do not stop reads, so there is no
        // unreadable file to test with here.
        eprintln!("note: running as root, chmod 000 does not make a file unreadable; skipped");
        return;
    }
    let (path, reason) = failure(dir.path(), Limits::default());
    assert_eq!(Path::new(&path), secret);
    assert_eq!(reason, "cannot be read (permission denied)");
}

fn load_json(name: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Lost spaces are put back in the cleaned text ("surTelegram" → "sur
/// Telegram"): compare without spaces.
fn compact(s: &str) -> String {
    lexicon::key(s).replace(' ', "")
}

#[test]
fn seed_boilerplate_never_reaches_the_index_and_article_lines_stay() {
    let gold = load_json("seeds_gold.json");
    let (explorer, warnings) = Explorer::from_dir(Path::new(SEEDS)).unwrap();
    assert!(warnings.is_empty());
    for (id, expected) in gold["documents"].as_object().unwrap() {
        let d = explorer.document(id).unwrap();
        assert_eq!(d.date.as_deref(), expected["date"].as_str(), "{id}");
        assert_eq!(d.title.as_deref(), expected["title"].as_str(), "{id}");
    }
    let undated = explorer.document("003_0bbafe396988a152.txt").unwrap();
    assert_eq!(undated.date_source, DateSource::None);
    assert_eq!(
        undated.date_hint.as_deref(),
        Some("26 mars, année inconnue")
    );
    assert_eq!(undated.outlet.as_deref(), Some("RT en français"));
    assert_eq!(undated.agencies, ["AFP"]);

    for (id, fragments) in gold["boilerplate"].as_object().unwrap() {
        let d = explorer.document(id).unwrap();
        let article = compact(&article_text(d));
        let removed: Vec<String> = d
            .blocks
            .iter()
            .filter(|b| !b.kind.is_article())
            .map(|b| compact(d.block_text(b)))
            .collect();
        for f in strings(fragments) {
            let f = compact(&f);
            assert!(!article.contains(&f), "{id}: {f:?} is in the article text");
            assert!(
                removed.iter().any(|r| r.contains(&f)),
                "{id}: {f:?} is nowhere"
            );
        }
    }
    for term in [
        "cookies",
        "Telegram",
        "TOFIK",
        "consentez",
        "actualité",
        "illustration",
    ] {
        let results = explorer.search(term, &SearchOptions::default());
        assert_eq!(results.total, 0, "{term} is found in the seeds");
    }
    for (id, lines) in gold["article_must_keep"].as_object().unwrap() {
        let d = explorer.document(id).unwrap();
        for line in strings(lines) {
            assert!(article_text(d).contains(&squash(&line)), "{id}: {line:?}");
            let results = explorer.search(&format!("\"{line}\""), &SearchOptions::default());
            assert_eq!(
                results.hits.first().map(|h| h.id.as_str()),
                Some(id.as_str()),
                "{line}"
            );
        }
    }
}

#[test]
fn pages_of_other_outlets_keep_the_article_and_drop_the_page() {
    let expected = load_json("pages.json");
    let (explorer, warnings) = Explorer::from_dir(&Path::new(FIXTURES).join("pages")).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let docs = expected["documents"].as_object().unwrap();
    assert_eq!(explorer.documents().len(), docs.len());
    for (id, e) in docs {
        let d = explorer
            .document(id)
            .unwrap_or_else(|| panic!("no document {id}"));
        let source = serde_json::to_value(d.date_source).unwrap();
        assert_eq!(d.title.as_deref(), e["title"].as_str(), "{id}: title");
        assert_eq!(d.date.as_deref(), e["date"].as_str(), "{id}: date");
        assert_eq!(source, e["date_source"], "{id}: date source");
        assert_eq!(d.outlet.as_deref(), e["outlet"].as_str(), "{id}: outlet");
        assert_eq!(d.agencies, strings(&e["agencies"]), "{id}: agencies");
        if let Some(hint) = e.get("date_hint") {
            assert_eq!(d.date_hint.as_deref(), hint.as_str(), "{id}: hint");
        }
        let article = article_text(d);
        for line in strings(&e["keep"]) {
            assert!(
                article.contains(&squash(&line)),
                "{id}: lost {line:?}\n{article}"
            );
        }
        for f in strings(&e["drop"]) {
            assert!(
                !article.contains(&squash(&f)),
                "{id}: kept {f:?}\n{article}"
            );
        }
        assert_eq!(
            blocks_of(d, BlockKind::Caption),
            strings(&e["captions"]),
            "{id}: captions"
        );
        for term in strings(&e["absent_terms"]) {
            let found = explorer.search(&term, &SearchOptions::default());
            assert!(
                found.hits.iter().all(|h| h.id != *id),
                "{id}: {term:?} reaches the index"
            );
        }
    }
}

/// The character offset of `byte` in `s`'s characters.
fn nth_char(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or("", |(i, _)| &s[i..])
}

#[test]
fn offsets_map_back_to_the_files_as_stored() {
    for dir in [PathBuf::from(SEEDS), Path::new(FIXTURES).join("pages")] {
        let read = read_corpus_dir(&dir).unwrap();
        let sources: BTreeMap<String, String> = read
            .documents
            .iter()
            .map(|r| {
                let file = if r.format == Format::JsonLines {
                    r.text.clone()
                } else {
                    let bytes = std::fs::read(dir.join(&r.id)).unwrap();
                    String::from_utf8(bytes)
                        .unwrap()
                        .trim_start_matches('\u{feff}')
                        .to_owned()
                };
                (r.id.clone(), file)
            })
            .collect();
        let docs = build_documents(read.documents);
        let mut checked = 0;
        for d in &docs {
            let source = &sources[&d.id];
            for b in &d.blocks {
                let text = d.block_text(b);
                // The first word of every block is where the map says.
                let word: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
                if word.is_empty() {
                    continue;
                }
                let at = d.source_char_offset(b.start as usize);
                assert!(
                    nth_char(source, at).starts_with(&word),
                    "{}: {word:?} is not at character {at}",
                    d.id
                );
                checked += 1;
            }
        }
        assert!(checked > 40);
    }
}

#[path = "support/noise.rs"]
mod noise;
use noise::Noise;

/// Nasty text for the ingestion tests.
impl Noise {
    fn text(&mut self, len: usize) -> String {
        const PIECES: &[&str] = &[
            "<",
            ">",
            "</",
            "<p>",
            "<div class=\"share\">",
            "<!--",
            "-->",
            "&",
            "&amp;",
            "&#",
            ";",
            "&#x1F600;",
            "\"",
            "'",
            "’",
            "«",
            "»",
            "\n",
            "\r\n",
            "\n\n",
            " ",
            "\u{a0}",
            "\u{202f}",
            "-",
            "–",
            "—",
            "© ",
            "(AFP)",
            "/",
            "Lire aussi",
            "Suivez",
            "cookies",
            "Tout accepter",
            "22 mai 2012. - ",
            "le 1er",
            "mars",
            "2020",
            "12/03/24",
            "é",
            "Ü",
            "\u{301}",
            "𝔸",
            "\u{200b}",
            "#",
            "##",
            "**",
            "_",
            "`",
            "[",
            "](",
            ")",
            "![",
            "---",
            "> ",
            "- ",
            "1. ",
            "Le ministre a déclaré",
            "que",
            "la",
            "Haut-Karabakh",
            "auHaut",
            ".",
            ",",
            ":",
            "?",
            "PARIS",
            "(",
            "Reuters",
            "Photo :",
            "dch/reb",
            "\t",
            "\u{feff}",
            "date 2020-11 ",
        ];
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(PIECES[(self.next() % PIECES.len() as u64) as usize]);
        }
        s
    }
}

#[test]
fn hostile_input_never_panics_nor_hangs() {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    let started = std::time::Instant::now();
    for round in 0..1500 {
        let len = (noise.next() % 120) as usize;
        let text = noise.text(len);
        for format in [
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::JsonLines,
        ] {
            let d = segment_document(RawDocument {
                id: format!("{round}"),
                text: text.clone(),
                source_offset: 0,
                header_date: None,
                field_date: None,
                field_title: None,
                format,
            });
            for b in &d.blocks {
                assert!(b.start <= b.end && (b.end as usize) <= d.text.len());
                assert!(d.text.is_char_boundary(b.start as usize));
                let _ = d.source_char_offset(b.end as usize);
            }
        }
    }
    // Pathological shapes: a huge line, deep nesting, unclosed markup.
    let huge = "mot ".repeat(200_000);
    let deep = "<div>".repeat(50_000) + "texte";
    let unclosed = "<p class=\"".to_owned() + &"x".repeat(100_000);
    let stars = "*".repeat(100_000) + &"[".repeat(50_000) + &"<a".repeat(50_000);
    let commas = "a,".repeat(100_000) + &"auB".repeat(50_000);
    let headlines = "Un titre\n".repeat(20_000);
    let tags = "<a '".repeat(30_000) + &"<b>x".repeat(30_000) + &"&#".repeat(30_000);
    for (text, format) in [
        (&huge, Format::Text),
        (&deep, Format::Html),
        (&unclosed, Format::Html),
        (&tags, Format::Html),
        (&stars, Format::Markdown),
        (&commas, Format::JsonLines),
        (&headlines, Format::Text),
        (&headlines, Format::Markdown),
    ] {
        let _ = segment_document(RawDocument {
            id: "x".into(),
            text: text.clone(),
            source_offset: 0,
            header_date: None,
            field_date: None,
            field_title: None,
            format,
        });
    }
    assert!(
        started.elapsed().as_secs() < 60,
        "too slow: {:?}",
        started.elapsed()
    );
}
