//! HTML pages: the article's text without the page around it.
//!
//! A small tolerant reader (not a full HTML5 parser; pages saved from news
//! sites are all it has to read): tags, attributes, comments, raw-text
//! elements, character references. Dropped whole: scripts, styles,
//! navigation, asides, footers, forms, the page header, and elements whose
//! class, id or role names furniture (`data/html_furniture.txt`). Of what is
//! left, the article is the `itemprop="articleBody"` element, else the
//! `<article>` with the most text, else `<main>`, else the body.
//!
//! The cleaned text maps back to the HTML as stored (see `sourcemap.rs`).
//! Title: `og:title`, else the first `<h1>`, else `<title>`. Date:
//! `article:published_time` (and its kin), JSON-LD `datePublished`, else a
//! `<time datetime>` in the article. Outlet: `og:site_name`.

use crate::text::fnv::HashMap;
use std::sync::LazyLock;

use super::DateSource;
use super::lexicon::{self, contains_phrase};
use super::load::validate_date;
use super::prepare::{Hint, Prepared, close_paragraph, open_paragraph};
use super::repair::{copy_repaired, space_between};
use super::sourcemap::TextBuilder;
use crate::text::data_lines;

/// Deeper nesting than this is not followed (hostile or broken input); the
/// text inside is still read.
const MAX_DEPTH: usize = 512;

struct Lists {
    skip_tags: Vec<String>,
    skip_roles: Vec<String>,
    class_words: Vec<String>,
    entities: HashMap<String, char>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut sections: HashMap<String, Vec<String>> = HashMap::default();
    let mut current = String::new();
    for line in data_lines(crate::data_file!(include_str!(
        "../../data/html_furniture.txt"
    ))) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_owned();
        } else {
            sections.entry(current.clone()).or_default().push(line);
        }
    }
    let mut take = |name: &str| sections.remove(name).unwrap_or_default();
    let entities = data_lines(crate::data_file!(include_str!(
        "../../data/html_entities.txt"
    )))
    .filter_map(|l| {
        let (name, code) = l.split_once(' ')?;
        let c = char::from_u32(u32::from_str_radix(code.trim(), 16).ok()?)?;
        Some((name.to_owned(), c))
    })
    .collect();
    Lists {
        skip_tags: take("skip_tags"),
        skip_roles: take("skip_roles"),
        class_words: take("class_words")
            .iter()
            .map(|w| lexicon::key(w))
            .collect(),
        entities,
    }
});

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "pre",
    "address",
    "hr",
    "br",
    "body",
    "center",
    "details",
    "summary",
    "aside",
    "nav",
    "form",
    "fieldset",
    "legend",
    "hgroup",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    ArticleBody,
    Article,
    Main,
}

struct Open {
    name: String,
    skip: bool,
    /// Index into `Reader::containers`.
    container: Option<usize>,
}

/// A piece of a paragraph: source text to copy, or text that stands for
/// source at a byte (a decoded reference, a collapsed space).
enum Piece {
    Copy(usize, usize),
    Emit(String, usize),
}

struct RawParagraph {
    pieces: Vec<Piece>,
    hint: Hint,
    /// Containers open around it.
    containers: Vec<usize>,
    /// Source byte where it starts (for the line break before it).
    at: usize,
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title_tag: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    time_datetime: Option<String>,
}

struct Reader<'a> {
    src: &'a str,
    stack: Vec<Open>,
    /// Depth beyond MAX_DEPTH: opened but not tracked.
    overflow: usize,
    containers: Vec<(Container, usize)>,
    paragraphs: Vec<RawParagraph>,
    current: Vec<Piece>,
    /// The paragraph being read has visible text so far.
    current_text: bool,
    /// The last emitted piece ended with a space (or nothing yet).
    space_before: bool,
    meta: Meta,
}

/// Reads an HTML page into its article text.
pub fn prepare_html(src: &str) -> Prepared {
    let mut r = Reader {
        src,
        stack: Vec::new(),
        overflow: 0,
        containers: Vec::new(),
        paragraphs: Vec::new(),
        current: Vec::new(),
        current_text: false,
        space_before: true,
        meta: Meta::default(),
    };
    r.read();
    r.finish()
}

fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from > h.len() {
        return None;
    }
    (from..=h.len().saturating_sub(n.len())).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Attributes of a start tag, names lower-cased, values decoded.
fn parse_attributes(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| vs + p);
                value = decode_entities(&s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_entities(&s[vs..i]);
            }
        }
        out.push((name, value));
    }
    out
}

/// The character a reference (`amp`, `#233`, `#xE9`) stands for.
fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    LISTS.entities.get(name).copied()
}

/// At `s[i..]` starting with '&': the character and the reference's length.
fn reference_at(s: &str, i: usize) -> Option<(char, usize)> {
    let rest = &s[i + 1..];
    let len = rest
        .bytes()
        .take(32)
        .position(|c| !(c.is_ascii_alphanumeric() || c == b'#'))?;
    if rest.as_bytes().get(len) != Some(&b';') || len == 0 {
        return None;
    }
    reference(&rest[..len]).map(|c| (c, len + 2))
}

pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(p) = s[i..].find('&') {
        out.push_str(&s[i..i + p]);
        match reference_at(s, i + p) {
            Some((c, len)) => {
                out.push(c);
                i += p + len;
            }
            None => {
                out.push('&');
                i += p + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The words of class and id values: "article__shareButtons" → article,
/// share, buttons.
fn class_words(value: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        } else {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            prev_lower = false;
        }
    }
    out.trim_end().to_owned()
}

/// True when a class or id marks furniture ("share-buttons", "cookie-banner")
/// and does not just describe an element that has some ("has-ads").
fn furniture_class(value: &str) -> bool {
    for class in value.split_whitespace() {
        let words = class_words(class);
        for w in &LISTS.class_words {
            if contains_phrase(&words, w) {
                let before = words.split(w.as_str()).next().unwrap_or("");
                let qualifier = before.split_whitespace().last().is_some_and(|q| {
                    matches!(q, "has" | "with" | "no" | "is" | "show" | "without")
                });
                if !qualifier {
                    return true;
                }
            }
        }
    }
    false
}

impl<'a> Reader<'a> {
    fn skipping(&self) -> bool {
        self.stack.last().is_some_and(|o| o.skip)
    }

    fn inside(&self, name: &str) -> bool {
        self.stack.iter().any(|o| o.name == name)
    }

    fn read(&mut self) {
        let s = self.src;
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let Some(p) = s[i..].find('<') else {
                self.text(i, b.len());
                break;
            };
            let lt = i + p;
            if lt > i {
                self.text(i, lt);
            }
            let next = b.get(lt + 1).copied().unwrap_or(b' ');
            if s[lt..].starts_with("<!--") {
                i = s[lt + 4..].find("-->").map_or(b.len(), |e| lt + 4 + e + 3);
            } else if next == b'!' || next == b'?' {
                i = s[lt..].find('>').map_or(b.len(), |e| lt + e + 1);
            } else if next == b'/' && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                let end = s[lt..].find('>').map_or(b.len(), |e| lt + e + 1);
                let name_end = s[lt + 2..end]
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .map_or(end, |e| lt + 2 + e);
                let name = s[lt + 2..name_end].to_ascii_lowercase();
                self.end_tag(&name);
                i = end;
            } else if next.is_ascii_alphabetic() {
                i = self.start_tag(lt);
            } else {
                // A lone "<" is text.
                self.text(lt, lt + 1);
                i = lt + 1;
            }
        }
        self.flush();
    }

    /// Reads the start tag at `lt`; returns where reading goes on.
    fn start_tag(&mut self, lt: usize) -> usize {
        let s = self.src;
        let b = s.as_bytes();
        // The tag ends at the first ">" outside quotes.
        let mut j = lt + 1;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'"' | b'\'') => quote = Some(b[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let end = (j + 1).min(b.len());
        let inner = &s[lt + 1..j.min(b.len())];
        let name_len = inner
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_ascii_lowercase();
        let attrs = parse_attributes(&inner[name_len..]);
        let self_closing = inner.ends_with('/');

        if RAW_TEXT.contains(&name.as_str()) {
            let close = find_ci(s, &format!("</{name}"), end).unwrap_or(b.len());
            let content = &s[end..close];
            match name.as_str() {
                "title" if self.meta.title_tag.is_none() => {
                    self.meta.title_tag = Some(normalize_space(&decode_entities(content)));
                }
                "script"
                    if self.meta.published.is_none()
                        && attr(&attrs, "type").is_some_and(|t| t.contains("ld+json")) =>
                {
                    self.meta.published = json_ld_date(content);
                }
                _ => {}
            }
            return s[close..].find('>').map_or(b.len(), |e| close + e + 1);
        }
        if name == "meta" {
            self.meta_tag(&attrs);
        }
        let is_block = BLOCKS.contains(&name.as_str());
        if is_block {
            self.flush();
        }
        if name == "time"
            && self.meta.time_datetime.is_none()
            && !self.skipping()
            && let Some(d) = attr(&attrs, "datetime").and_then(validate_date)
        {
            self.meta.time_datetime = Some(d);
        }
        if name == "br" || name == "hr" || VOID.contains(&name.as_str()) || self_closing {
            return end;
        }
        // Implied ends: a block closes an open paragraph, a list item or
        // cell closes the previous one.
        let sibling = matches!(
            name.as_str(),
            "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
        );
        let implied = |o: &Open| {
            (o.name == "p" && is_block)
                || (sibling
                    && (o.name == name
                        || (matches!(name.as_str(), "dt" | "dd")
                            && matches!(o.name.as_str(), "dt" | "dd"))))
        };
        if self.stack.last().is_some_and(implied) {
            self.stack.pop();
        }
        let parent_skip = self.skipping();
        let itemprop_body =
            attr(&attrs, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        let container = if itemprop_body {
            Some(Container::ArticleBody)
        } else if name == "article" {
            Some(Container::Article)
        } else if name == "main" || attr(&attrs, "role") == Some("main") {
            Some(Container::Main)
        } else {
            None
        };
        let skip = parent_skip || (container.is_none() && self.is_furniture(&name, &attrs));
        let container = container.filter(|_| !skip).map(|c| {
            self.containers.push((c, 0));
            self.containers.len() - 1
        });
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
        } else {
            self.stack.push(Open {
                name,
                skip,
                container,
            });
        }
        end
    }

    fn is_furniture(&self, name: &str, attrs: &[(String, String)]) -> bool {
        if LISTS.skip_tags.iter().any(|t| t == name) {
            return true;
        }
        // The page header (logo, menus), not an article's own header.
        if name == "header" && !self.inside("article") && !self.inside("main") {
            return true;
        }
        if attr(attrs, "hidden").is_some()
            || attr(attrs, "aria-hidden") == Some("true")
            || attr(attrs, "style").is_some_and(|s| {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                s.contains("display:none") || s.contains("visibility:hidden")
            })
        {
            return true;
        }
        if matches!(name, "html" | "body") {
            return false;
        }
        if let Some(role) = attr(attrs, "role")
            && LISTS
                .skip_roles
                .iter()
                .any(|r| r.eq_ignore_ascii_case(role))
        {
            return true;
        }
        ["class", "id"]
            .iter()
            .filter_map(|a| attr(attrs, a))
            .any(furniture_class)
    }

    fn end_tag(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        if let Some(pos) = self.stack.iter().rposition(|o| o.name == name) {
            self.stack.truncate(pos);
        }
    }

    fn meta_tag(&mut self, attrs: &[(String, String)]) {
        let key = attr(attrs, "property")
            .or_else(|| attr(attrs, "name"))
            .or_else(|| attr(attrs, "itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = attr(attrs, "content").map(normalize_space) else {
            return;
        };
        if content.is_empty() {
            return;
        }
        match key.as_str() {
            "og:title" | "twitter:title" if self.meta.og_title.is_none() => {
                self.meta.og_title = Some(content)
            }
            "og:site_name" | "application-name" if self.meta.site_name.is_none() => {
                self.meta.site_name = Some(content)
            }
            "article:published_time"
            | "og:article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "dc.date"
            | "dcterms.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date"
                if self.meta.published.is_none() =>
            {
                self.meta.published = validate_date(&content);
            }
            _ => {}
        }
    }

    /// Text between tags, `src[from..to]`.
    fn text(&mut self, from: usize, to: usize) {
        if self.skipping() {
            return;
        }
        let s = self.src;
        let mut i = from;
        let mut run = from; // start of text copied as is
        while i < to {
            let c = s[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                // One plain space between words is copied; any other run
                // of spaces becomes one space (or nothing at a start).
                let ws_end = i + s[i..to].len() - s[i..to].trim_start().len();
                let plain = c == ' ' && ws_end == i + 1;
                if !plain {
                    self.push_copy(run, i);
                    if !self.space_before {
                        self.current.push(Piece::Emit(" ".to_owned(), i));
                        self.space_before = true;
                    }
                    run = ws_end;
                } else if self.space_before && run == i {
                    run = ws_end; // no space at the start of a paragraph
                }
                i = ws_end;
                continue;
            }
            if c == '&'
                && let Some((decoded, rlen)) = reference_at(s, i)
            {
                self.push_copy(run, i);
                if decoded.is_whitespace() && decoded != '\u{a0}' && decoded != '\u{202f}' {
                    if !self.space_before {
                        self.current.push(Piece::Emit(" ".to_owned(), i));
                        self.space_before = true;
                    }
                } else if !matches!(decoded, '\u{ad}' | '\u{200b}') {
                    self.current.push(Piece::Emit(decoded.to_string(), i));
                    self.current_text = true;
                    self.space_before = false;
                }
                i += rlen;
                run = i;
                continue;
            }
            i += len;
        }
        self.push_copy(run, to);
    }

    fn push_copy(&mut self, from: usize, to: usize) {
        if to <= from {
            return;
        }
        let piece = &self.src[from..to];
        self.current_text |= piece.chars().any(|c| !c.is_whitespace());
        self.space_before = piece.ends_with(' ');
        self.current.push(Piece::Copy(from, to));
    }

    /// Ends the paragraph being read.
    fn flush(&mut self) {
        let pieces = std::mem::take(&mut self.current);
        let had_text = std::mem::replace(&mut self.current_text, false);
        self.space_before = true;
        if !had_text {
            return;
        }
        let mut hint = Hint::None;
        let mut containers = Vec::new();
        for o in &self.stack {
            hint = match o.name.as_str() {
                "h1" => Hint::Title,
                "h2" | "h3" | "h4" | "h5" | "h6" => Hint::Heading,
                "figcaption" | "caption" => Hint::Caption,
                "li" | "dt" | "dd" => Hint::ListItem,
                "blockquote" => Hint::Quote,
                _ => hint,
            };
            if let Some(c) = o.container {
                containers.push(c);
            }
        }
        let chars: usize = pieces
            .iter()
            .map(|p| match p {
                Piece::Copy(a, b) => b - a,
                Piece::Emit(s, _) => s.len(),
            })
            .sum();
        for &c in &containers {
            self.containers[c].1 += chars;
        }
        let at = match pieces.first() {
            Some(Piece::Copy(a, _)) | Some(Piece::Emit(_, a)) => *a,
            None => 0,
        };
        self.paragraphs.push(RawParagraph {
            pieces,
            hint,
            containers,
            at,
        });
    }

    fn chosen_container(&self) -> Option<usize> {
        let best = |kind: Container| {
            self.containers
                .iter()
                .enumerate()
                .filter(|(_, (k, n))| *k == kind && *n > 0)
                .max_by_key(|(_, (_, n))| *n)
                .map(|(i, (_, n))| (i, *n))
        };
        let total: usize = self.containers.iter().map(|c| c.1).max().unwrap_or(0);
        if let Some((i, _)) = best(Container::ArticleBody) {
            return Some(i);
        }
        // An <article> that holds little of the text is a teaser card.
        if let Some((i, n)) = best(Container::Article)
            && (n >= 200 || n * 2 >= total)
        {
            return Some(i);
        }
        best(Container::Main).map(|(i, _)| i)
    }

    fn finish(self) -> Prepared {
        let chosen = self.chosen_container();
        let mut b = TextBuilder::new(self.src, 0);
        let mut paragraphs = Vec::new();
        let h1 = self
            .paragraphs
            .iter()
            .find(|p| p.hint == Hint::Title)
            .map(|p| normalize_space(&plain_text(self.src, &p.pieces)));
        for p in &self.paragraphs {
            if chosen.is_some_and(|c| !p.containers.contains(&c)) {
                continue;
            }
            let start = open_paragraph(&mut b, p.at);
            for piece in &p.pieces {
                match piece {
                    Piece::Copy(from, to) => {
                        // Two elements written with no space between them.
                        if b.len() > start && space_between(b.text(), &self.src[*from..*to]) {
                            b.emit(" ", *from);
                        }
                        copy_repaired(&mut b, *from..*to)
                    }
                    Piece::Emit(s, at) => b.emit(s, *at),
                }
            }
            close_paragraph(&mut b, &mut paragraphs, start, p.hint);
        }
        let (text, map) = b.finish();
        let meta = self.meta;
        let title = meta
            .og_title
            .or(h1)
            .or_else(|| {
                meta.title_tag
                    .as_deref()
                    .map(|t| strip_site_suffix(t, meta.site_name.as_deref()))
            })
            .filter(|t| !t.is_empty());
        let date = meta
            .published
            .map(|d| (d, DateSource::Meta))
            .or(meta.time_datetime.map(|d| (d, DateSource::Meta)));
        Prepared {
            text,
            map,
            paragraphs,
            title,
            date,
            site_name: meta.site_name,
        }
    }
}

fn plain_text(src: &str, pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Copy(a, b) => out.push_str(&src[*a..*b]),
            Piece::Emit(s, _) => out.push_str(s),
        }
    }
    out
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Titre de l'article | Le Site" → "Titre de l'article".
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let named = site.is_some_and(|s| lexicon::key(s) == lexicon::key(tail));
            if named || (sep == " | " && tail.split_whitespace().count() <= 4) {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// `"datePublished": "2020-11-14T10:00:00+01:00"` in JSON-LD.
fn json_ld_date(script: &str) -> Option<String> {
    let at = script.find("\"datePublished\"")?;
    let rest = &script[at + "\"datePublished\"".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    validate_date(&rest[..end])
}

/// True when the page has any text a reader would see.
pub fn has_text(src: &str) -> bool {
    !prepare_html(src).paragraphs.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Le titre de l&#39;article | Le Quotidien</title>
<meta property="og:title" content="Le titre de l&#39;article">
<meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2021-03-26T08:00:00+01:00">
<style>p { color: red }</style>
<script>var x = "<p>pas du texte</p>";</script>
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
<div class="cookie-banner"><p>Nous utilisons des cookies.</p><button>Tout accepter</button></div>
<main>
<article class="article">
  <h1>Le titre de l&#39;article</h1>
  <p class="byline">Par Jean Dupont</p>
  <figure><img src="a.jpg" alt="photo"><figcaption>Des soldats à Bakou. © AFP</figcaption></figure>
  <p>Le ministère a déclaré&nbsp;: «&nbsp;la situation est stable&nbsp;».
     Il a ajouté que <b>deux</b> soldats avaient été tués.</p>
  <h2>Le contexte</h2>
  <p>Le conflit a éclaté en 1988 &amp; dure encore.</p>
  <div class="share-buttons"><a>Facebook</a><a>Twitter</a></div>
  <aside><p>Lire aussi : un autre article</p></aside>
</article>
<article class="teaser"><p>Un autre article</p></article>
</main>
<footer><p>© Le Quotidien 2021. Tous droits réservés.</p></footer>
</body></html>"#;

    #[test]
    fn keeps_the_article_and_drops_the_page() {
        let p = prepare_html(PAGE);
        assert_eq!(
            p.paragraph_texts(),
            [
                "Le titre de l'article",
                "Par Jean Dupont",
                "Des soldats à Bakou. © AFP",
                "Le ministère a déclaré\u{a0}: «\u{a0}la situation est stable\u{a0}». Il a ajouté que deux soldats avaient été tués.",
                "Le contexte",
                "Le conflit a éclaté en 1988 & dure encore.",
            ]
        );
        let hints: Vec<Hint> = p.paragraphs.iter().map(|q| q.hint).collect();
        assert_eq!(
            hints,
            [
                Hint::Title,
                Hint::None,
                Hint::Caption,
                Hint::None,
                Hint::Heading,
                Hint::None
            ]
        );
        assert_eq!(p.title.as_deref(), Some("Le titre de l'article"));
        assert_eq!(p.site_name.as_deref(), Some("Le Quotidien"));
        assert_eq!(p.date, Some(("2021-03-26".to_owned(), DateSource::Meta)));
    }

    #[test]
    fn offsets_map_back_to_the_html() {
        let p = prepare_html(PAGE);
        for word in ["déclaré", "deux", "dure encore", "Le contexte"] {
            let at = p.text.find(word).unwrap();
            let src_char = p.map.source_char(&p.text, at).unwrap();
            let src_byte = PAGE.char_indices().nth(src_char).unwrap().0;
            assert!(PAGE[src_byte..].starts_with(word), "{word}");
        }
    }

    #[test]
    fn hostile_markup_does_not_hang_or_panic() {
        for page in [
            "<",
            "<<<>>>",
            "<p",
            "<!--",
            "<script>",
            "&#xFFFFFFFF; &#0; &bogus; &",
            "<p a='1 b=2>x</p>",
            "</p></div>text",
            "<div><div><div>",
        ] {
            let _ = prepare_html(page);
        }
        let deep = "<div>".repeat(100_000) + "texte" + &"</div>".repeat(100_000);
        assert_eq!(prepare_html(&deep).paragraph_texts(), ["texte"]);
    }

    #[test]
    fn pages_without_article_elements_use_the_body() {
        let p = prepare_html(
            "<html><body><div id=\"menu\">Accueil</div><p>Un texte.</p><p>Deux.</p></body></html>",
        );
        assert_eq!(p.paragraph_texts(), ["Un texte.", "Deux."]);
        assert_eq!(
            json_ld_date(r#"{"@type":"NewsArticle","datePublished": "2020-11-14T10:00"}"#)
                .as_deref(),
            Some("2020-11-14")
        );
        assert_eq!(strip_site_suffix("Un titre | Le Site", None), "Un titre");
        assert!(!furniture_class("has-ads article-body"));
        assert!(furniture_class("article__shareButtons"));
        assert!(!furniture_class("headline"));
    }
}
