//! Reading a corpus folder: which files count, how each format is read, and
//! the errors that stop a build (with the file's name and the reason).
//!
//! This runs natively only: in the build script that embeds a corpus into the
//! wasm module, and in the `recoupe` command-line program.

use crate::text::fnv::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A single corpus file larger than this stops the build: it is almost
/// certainly not an article collection (or it would take minutes to embed).
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;
/// The whole corpus larger than this stops the build.
pub const MAX_CORPUS_BYTES: u64 = 512 * 1024 * 1024;

/// Size limits of a corpus (the defaults are the constants above; tests
/// lower them rather than write a 128 MB file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_corpus_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: MAX_FILE_BYTES,
            max_corpus_bytes: MAX_CORPUS_BYTES,
        }
    }
}

/// A document as read from its file, before segmentation.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDocument {
    pub id: String,
    /// The text after any header line, BOM removed.
    pub text: String,
    /// Characters of the source that precede `text` (a ` date … ` header).
    pub source_offset: u32,
    pub header_date: Option<String>,
    /// `date` field of a `.jsonl` line, validated.
    pub field_date: Option<String>,
    /// `title` field of a `.jsonl` line.
    pub field_title: Option<String>,
    pub format: Format,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    JsonLines,
    Html,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Why a corpus cannot be built: the file (or folder) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for CorpusError {}

fn error(path: &Path, reason: impl Into<String>) -> CorpusError {
    CorpusError {
        path: path.display().to_string(),
        reason: reason.into(),
    }
}

/// What reading a corpus produced: its documents, and what was skipped.
#[derive(Debug, Default)]
pub struct ReadCorpus {
    pub documents: Vec<RawDocument>,
    pub warnings: Vec<String>,
}

/// Reads every document of `root`: a folder (read recursively, in name
/// order) or a single corpus file.
pub fn read_corpus_dir(root: &Path) -> Result<ReadCorpus, CorpusError> {
    read_corpus_with(root, Limits::default())
}

/// [`read_corpus_dir`] with other size limits.
pub fn read_corpus_with(root: &Path, limits: Limits) -> Result<ReadCorpus, CorpusError> {
    let meta = std::fs::metadata(root).map_err(|e| error(root, describe_io(&e)))?;
    let mut files = Vec::new();
    if meta.is_dir() {
        collect_files(root, &mut files)?;
    } else {
        files.push(root.to_path_buf());
    }
    files.sort();
    let base = if meta.is_dir() {
        root.to_path_buf()
    } else {
        root.parent().map(Path::to_path_buf).unwrap_or_default()
    };

    let mut reader = Reader::new(limits);
    for path in files {
        let rel = path
            .strip_prefix(&base)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let Some(format) = reader.format(&rel, &path) else {
            continue;
        };
        // The size is checked before the file is read: a 10 GB file is
        // refused, not loaded.
        let size = std::fs::metadata(&path)
            .map_err(|e| error(&path, describe_io(&e)))?
            .len();
        reader.count(&path, size)?;
        let bytes = std::fs::read(&path).map_err(|e| error(&path, describe_io(&e)))?;
        reader.add(&path, rel, format, &bytes)?;
    }
    reader.finish(root)
}

/// Reads a corpus given as files already in memory: (path relative to the
/// corpus root, bytes) pairs, in the order given. The same checks, formats
/// and errors as [`read_corpus_with`], which reads through the same steps.
pub fn read_corpus_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    limits: Limits,
) -> Result<ReadCorpus, CorpusError> {
    let mut reader = Reader::new(limits);
    for (name, bytes) in files {
        let path = Path::new(name);
        let Some(format) = reader.format(name, path) else {
            continue;
        };
        reader.count(path, bytes.len() as u64)?;
        reader.add(path, name.to_owned(), format, bytes)?;
    }
    reader.finish(Path::new("corpus"))
}

/// The steps every corpus file goes through, wherever its bytes come from.
struct Reader {
    limits: Limits,
    total: u64,
    out: ReadCorpus,
}

impl Reader {
    fn new(limits: Limits) -> Reader {
        Reader {
            limits,
            total: 0,
            out: ReadCorpus::default(),
        }
    }

    /// The file's format, or a warning that it is skipped.
    fn format(&mut self, rel: &str, path: &Path) -> Option<Format> {
        let format = Format::of(path);
        if format.is_none() {
            self.out
                .warnings
                .push(format!("{rel}: skipped (not .txt, .md, .jsonl or .html)"));
        }
        format
    }

    /// Counts a file of `size` bytes against the size limits.
    fn count(&mut self, path: &Path, size: u64) -> Result<(), CorpusError> {
        if size > self.limits.max_file_bytes {
            return Err(error(
                path,
                format!(
                    "file too large: {} (the limit is {} a file)",
                    human_size(size),
                    human_size(self.limits.max_file_bytes)
                ),
            ));
        }
        self.total = self.total.saturating_add(size);
        if self.total > self.limits.max_corpus_bytes {
            return Err(error(
                path,
                format!(
                    "corpus too large: over {} in all",
                    human_size(self.limits.max_corpus_bytes)
                ),
            ));
        }
        Ok(())
    }

    /// Decodes and reads one file's documents.
    fn add(
        &mut self,
        path: &Path,
        rel: String,
        format: Format,
        bytes: &[u8],
    ) -> Result<(), CorpusError> {
        let text = decode_utf8(path, bytes)?;
        if text.trim().is_empty() {
            return Err(error(path, "empty file"));
        }
        if let Some(at) = text.find('\0') {
            return Err(error(
                path,
                format!("binary data, not text (a NUL byte at byte {at})"),
            ));
        }
        match format {
            Format::JsonLines => read_jsonl(path, text, &mut self.out.documents)?,
            Format::Html if !super::html::has_text(text) => {
                return Err(error(path, "no text in this HTML page"));
            }
            _ => self
                .out
                .documents
                .push(read_text_document(rel, text, format)),
        }
        Ok(())
    }

    /// The corpus read from `root`, duplicates dropped; an error if it holds
    /// no document.
    fn finish(mut self, root: &Path) -> Result<ReadCorpus, CorpusError> {
        drop_duplicates(&mut self.out);
        if self.out.documents.is_empty() {
            return Err(error(
                root,
                "no documents: the corpus needs at least one .txt, .md, .jsonl or .html file",
            ));
        }
        Ok(self.out)
    }
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not found".to_owned(),
        std::io::ErrorKind::PermissionDenied => "cannot be read (permission denied)".to_owned(),
        _ => format!("cannot be read ({e})"),
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|e| error(dir, describe_io(&e)))?;
    for entry in entries {
        let entry = entry.map_err(|e| error(dir, describe_io(&e)))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue; // .git, .DS_Store and other hidden files
        }
        let kind = entry
            .file_type()
            .map_err(|e| error(&path, describe_io(&e)))?;
        if kind.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Decodes a file as UTF-8 (a BOM is dropped); anything else is an error
/// naming the first bad byte, so the user can find it.
fn decode_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, CorpusError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(error(path, "UTF-16 text, not UTF-8; save it as UTF-8"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        error(
            path,
            format!(
                "not UTF-8 text (invalid byte 0x{:02X} at byte {}, line {line}); save it as UTF-8",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            ),
        )
    })
}

/// A `.txt`/`.md`/`.html` file: one document, with an optional
/// ` date YYYY-MM[-DD] ` header at its very start.
fn read_text_document(id: String, text: &str, format: Format) -> RawDocument {
    let (header_date, body_start) = match parse_date_header(text) {
        Some((date, len)) => (Some(date), len),
        None => (None, 0),
    };
    RawDocument {
        id,
        source_offset: text[..body_start].chars().count() as u32,
        text: text[body_start..].to_owned(),
        header_date,
        field_date: None,
        field_title: None,
        format,
    }
}

/// Recognises the ` date 2020-11 ` header: returns the date and the header's
/// length in bytes.
pub fn parse_date_header(text: &str) -> Option<(String, usize)> {
    let rest = text.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix("date")?;
    let after_kw = rest.trim_start_matches([' ', '\t', ':']);
    if after_kw.len() == rest.len() {
        return None; // "datex…" is not a header
    }
    let end = after_kw
        .find(|c: char| c.is_whitespace())
        .unwrap_or(after_kw.len());
    let date = validate_date(&after_kw[..end])?;
    let tail = &after_kw[end..];
    let trimmed = tail.trim_start_matches([' ', '\t', '\r', '\n']);
    Some((date, text.len() - trimmed.len()))
}

/// Accepts "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or an ISO date-time, cut to
/// its date) with a plausible month and day.
pub fn validate_date(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s.split(['T', ' ']).next().unwrap_or("");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())?
    };
    match parts.as_slice() {
        [y] => num(y, 4).map(|_| (*y).to_owned()),
        [y, m] => {
            num(y, 4)?;
            let m = num(m, 2)?;
            (1..=12).contains(&m).then(|| s.to_owned())
        }
        [y, m, d] => {
            num(y, 4)?;
            let m = num(m, 2)?;
            let d = num(d, 2)?;
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| s.to_owned())
        }
        _ => None,
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    date: Option<String>,
    title: Option<String>,
    text: Option<String>,
}

fn read_jsonl(path: &Path, text: &str, out: &mut Vec<RawDocument>) -> Result<(), CorpusError> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = |reason: String| error(path, format!("line {}: {reason}", n + 1));
        let article: JsonArticle =
            serde_json::from_str(line).map_err(|e| at(format!("not a JSON article ({e})")))?;
        let body = article
            .text
            .ok_or_else(|| at("no \"text\" field".to_owned()))?;
        if body.trim().is_empty() {
            return Err(at("empty \"text\"".to_owned()));
        }
        let id = match article.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            None => format!("{name}#{}", n + 1),
            Some(_) => return Err(at("\"id\" must be a string or a number".to_owned())),
        };
        let field_date = match article.date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(
                validate_date(d).ok_or_else(|| at(format!("\"date\" {d:?} is not YYYY-MM-DD")))?,
            ),
        };
        out.push(RawDocument {
            id,
            text: body,
            source_offset: 0,
            header_date: None,
            field_date,
            field_title: article
                .title
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty()),
            format: Format::JsonLines,
        });
    }
    Ok(())
}

/// The same id twice, or the same text twice, is one document (the first
/// read); each dropped copy gives a warning.
fn drop_duplicates(corpus: &mut ReadCorpus) {
    let mut seen_text: HashMap<String, String> = HashMap::default();
    let mut seen_id: HashMap<String, ()> = HashMap::default();
    let warnings = &mut corpus.warnings;
    corpus.documents.retain(|doc| {
        if seen_id.insert(doc.id.clone(), ()).is_some() {
            warnings.push(format!("{}: skipped (the id appears twice)", doc.id));
            return false;
        }
        let key: String = doc.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(first) = seen_text.get(&key) {
            warnings.push(format!("{}: skipped (same text as {first})", doc.id));
            return false;
        }
        seen_text.insert(key, doc.id.clone());
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_header() {
        let (d, len) = parse_date_header(" date 2020-11 Alors que").unwrap();
        assert_eq!(d, "2020-11");
        assert_eq!(&" date 2020-11 Alors que"[len..], "Alors que");
        assert_eq!(
            parse_date_header(" date 2020-11-14\nTexte").unwrap().0,
            "2020-11-14"
        );
        assert!(parse_date_header("La Russie accuse").is_none());
        assert!(parse_date_header("date 2020-13 x").is_none());
        assert!(parse_date_header("dateline 2020-11 x").is_none());
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(validate_date("2012-05-22").as_deref(), Some("2012-05-22"));
        assert_eq!(
            validate_date("2012-05-22T10:00:00Z").as_deref(),
            Some("2012-05-22")
        );
        assert_eq!(validate_date("2012-5-22"), None);
        assert_eq!(validate_date("2012-02-32"), None);
        assert_eq!(validate_date("hier"), None);
    }
}
