//! The boundary with JavaScript: the only module that knows about
//! wasm-bindgen. Every export returns plain objects (through
//! serde-wasm-bindgen) or throws an `Error` with a message; nothing panics
//! across it.

use std::cell::{OnceCell, RefCell};

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::corpus::Summaries;
use crate::embedded;
use crate::explorer::Explorer;
use crate::search::SearchOptions;

fn explorer() -> Result<&'static Explorer, JsError> {
    embedded::explorer().map_err(|e| JsError::new(&e))
}

fn claims() -> Result<&'static crate::claims::Claims, JsError> {
    explorer()?.claims().map_err(|e| JsError::new(&e))
}

fn comparisons() -> Result<&'static crate::compare::Comparisons, JsError> {
    explorer()?.comparisons().map_err(|e| JsError::new(&e))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the answer: {e}")))
}

/// Every document of the embedded corpus: id, title, date, outlet.
#[wasm_bindgen]
pub fn documents() -> Result<JsValue, JsError> {
    to_js(explorer()?.summaries())
}

/// One document to read, by id; throws when there is no such document.
#[wasm_bindgen]
pub fn document(id: &str) -> Result<JsValue, JsError> {
    let explorer = explorer()?;
    // Texts that cannot be decoded are not "no such document".
    explorer.texts().map_err(|e| JsError::new(&e))?;
    let view = explorer
        .view(id)
        .ok_or_else(|| JsError::new(&format!("no document with id {id:?}")))?;
    to_js(&view)
}

/// Ranked search. `options` (optional): `{page, perPage, prefix, dateFrom,
/// dateTo, docs, outlets}`.
///
/// An error is thrown from here rather than returned as an `Err`: an
/// answer returned as a `Result` comes back through the table of JS
/// references, two calls more per search. Throwing runs no destructors, so
/// nothing owned is alive then: the query and the options are dropped
/// first (owned for that reason).
#[wasm_bindgen]
pub fn search(query: String, options: JsValue) -> JsValue {
    let answer = try_search(&query, &options);
    drop(query);
    drop(options);
    match answer {
        Ok(answer) => answer,
        Err(error) => wasm_bindgen::throw_val(error.into()),
    }
}

/// `search`'s answer, or the error it throws (for callers in Rust).
pub fn try_search(query: &str, options: &JsValue) -> Result<JsValue, JsError> {
    // (The time taken is measured on the JS side, from the options' reading
    // to the answer made: see `search_answer`.)
    let mut options = search_options(options)
        .map_err(|e| JsError::new(&format!("invalid search options: {e}")))?;
    // The documents' fields are added on the JS side (see `HIT_DOCUMENTS`).
    options.bare_hits = true;
    let explorer = explorer()?;
    let results = explorer.search(query, &options);
    let mut numbers = Vec::with_capacity(ANSWER_HEAD + ANSWER_PER_HIT * results.hits.len());
    numbers.extend([
        results.total as f64,
        results.page as f64,
        results.per_page as f64,
        results.clauses as f64,
    ]);
    // Made only when a hit has a snippet or statements.
    let mut extras: Option<js_sys::Array> = None;
    for hit in &results.hits {
        make_hit_document(hit.doc, explorer.summaries())?;
        let extra = if hit.snippet.is_empty() && hit.statements.is_empty() {
            -1.0
        } else {
            push_extras(&mut extras, hit)?
        };
        numbers.extend([
            f64::from(hit.doc),
            f64::from(hit.score),
            hit.matched as f64,
            hit.statement_count as f64,
            extra,
        ]);
    }
    let message = results
        .message
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    let facets = match &results.facets {
        Some(facets) => facets_to_js(facets)?,
        None => JsValue::NULL,
    };
    let extras = extras.map_or(JsValue::UNDEFINED, JsValue::from);
    Ok(with_hit_documents(explorer.summaries(), |documents| {
        search_answer(&numbers, documents, &extras, &message, &facets)
    }))
}

// The conversions a search makes only for some answers are out of line:
// inline, they made `try_search` nearly three times as long for V8 to
// optimise (see `search::run`'s phases).

/// Adds a hit's snippet and statements to the answer's extras; their place.
#[inline(never)]
fn push_extras(
    extras: &mut Option<js_sys::Array>,
    hit: &crate::search::Hit,
) -> Result<f64, JsError> {
    let extras = extras.get_or_insert_with(js_sys::Array::new);
    extras.push(&to_js(&hit.snippet)?);
    extras.push(&to_js(&hit.statements)?);
    Ok(f64::from(extras.length() / 2 - 1))
}

#[inline(never)]
fn facets_to_js(facets: &crate::search::facets::Facets) -> Result<JsValue, JsError> {
    to_js(facets)
}

/// `search`'s answer as numbers (see `search_answer`): the results' total,
/// page, perPage and clauses, then per hit its document, score, matched,
/// statementCount, and where its snippet and statements are in the extras
/// (-1: both empty).
const ANSWER_HEAD: usize = 4;
const ANSWER_PER_HIT: usize = 5;

// `search`'s options are read (see `search_options`) and its answer made in
// JS, in one call each: a search crosses the boundary twice. Made from Rust,
// each of the answer's objects, fields and lists is a call across the
// boundary (about 150 for ten hits, which cost more than the search itself
// for a word alone). It reads exactly as serde's conversion of
// `SearchResults` with `tookMs` added (same fields in the same order); each
// hit is an object of its own, and a hit without snippet or statements has
// an empty list of each, shared and frozen.
#[wasm_bindgen(inline_js = r#"
// The clock of tookMs, and when the search being answered started (its
// options are read first).
const clock = typeof performance === 'object' && performance ? performance : Date;
let started = 0;
// The counts, then the flags, then what else there is (see search_options in
// src/wasm.rs).
const KEYS = ['page', 'perPage', 'statements', 'prefix', 'snippets', 'facets'];
const NOTHING_ELSE = 0, AN_ERROR = 1, ENTRIES = 2;
export function read_search_options(options, numbers) {
  started = clock.now();
  numbers[6] = NOTHING_ELSE;
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    numbers[6] = AN_ERROR;
    return 'expected an object';
  }
  let rest;
  // (for…in, not Object.entries: no list of pairs made for each search.)
  for (const key in options) {
    if (!Object.hasOwn(options, key)) continue;
    const value = options[key];
    const at = KEYS.indexOf(key);
    if (value === undefined || value === null) continue;
    // (NaN marks an absent one: a NaN given is checked with the rest.)
    if (at >= 0 && typeof value === (at < 3 ? 'number' : 'boolean') && value === value) numbers[at] = +value;
    else (rest ??= []).push([key, value]);
  }
  if (rest) numbers[6] = ENTRIES;
  return rest;
}
// A hit without snippet or statements has these (frozen: one list for all).
const NONE = Object.freeze([]);
// Layout: see ANSWER_HEAD and ANSWER_PER_HIT (4 and 5).
export function search_answer(numbers, documents, extras, message, facets) {
  const hits = [];
  for (let at = 4; at + 5 <= numbers.length; at += 5) {
    const d = documents[numbers[at]];
    const extra = numbers[at + 4];
    hits.push({
      id: d.id,
      title: d.title,
      date: d.date,
      score: numbers[at + 1],
      matched: numbers[at + 2],
      snippet: extra < 0 ? NONE : extras[2 * extra],
      outlet: d.outlet,
      lead: d.lead,
      statements: extra < 0 ? NONE : extras[2 * extra + 1],
      statementCount: numbers[at + 3],
    });
  }
  return {
    total: numbers[0],
    page: numbers[1],
    perPage: numbers[2],
    hits,
    clauses: numbers[3],
    message,
    facets,
    tookMs: clock.now() - started,
  };
}
"#)]
extern "C" {
    fn read_search_options(options: &JsValue, numbers: &mut [f64]) -> JsValue;
    fn search_answer(
        numbers: &[f64],
        documents: &js_sys::Array,
        extras: &JsValue,
        message: &JsValue,
        facets: &JsValue,
    ) -> JsValue;
}

thread_local! {
    /// By document number, its summary as a JS object (a hit takes its id,
    /// title, date, outlet and lead), made the first time the document is a
    /// hit: turning text into a JS string costs a decode of its own (about
    /// 0.2 µs each), and a reader typing a query sees the same documents
    /// again at every key. The list is made as long as the corpus: filled
    /// here and there, a list grown from empty turns into a dictionary in
    /// V8 (each hit's document then found by hashing).
    static HIT_DOCUMENTS: OnceCell<js_sys::Array> = const { OnceCell::new() };
    /// Which of them are made (asking JS would be a call per hit).
    static HIT_DOCUMENTS_MADE: RefCell<Vec<bool>> = const { RefCell::new(Vec::new()) };
}

/// `HIT_DOCUMENTS`, made for the corpus's documents on first use.
fn with_hit_documents<R>(summaries: &Summaries, f: impl FnOnce(&js_sys::Array) -> R) -> R {
    HIT_DOCUMENTS.with(|documents| {
        f(documents.get_or_init(|| {
            js_sys::Array::new_with_length(u32::try_from(summaries.len()).unwrap_or(u32::MAX))
        }))
    })
}

/// Makes document `doc`'s object in `HIT_DOCUMENTS`, unless it is made.
#[inline(never)]
fn make_hit_document(doc: u32, summaries: &Summaries) -> Result<(), JsError> {
    let at = doc as usize;
    if HIT_DOCUMENTS_MADE.with_borrow(|made| made.get(at).copied().unwrap_or(false)) {
        return Ok(());
    }
    let summary = summaries
        .get(at)
        .ok_or_else(|| JsError::new("a hit without its document"))?;
    let object = to_js(&summary.to_owned_summary())?;
    with_hit_documents(summaries, |documents| documents.set(doc, object));
    HIT_DOCUMENTS_MADE.with_borrow_mut(|made| {
        if made.len() <= at {
            made.resize(at + 1, false);
        }
        made[at] = true;
    });
    Ok(())
}

/// `search`'s options from a JS object (absent, null and unknown keys keep
/// their default), or what is wrong with them. The numbers and flags are
/// read by `read_search_options` in one call (each property read from Rust
/// is several calls across the boundary: the usual options took about 15);
/// the texts and lists, and values of a wrong type, come back as entries.
fn search_options(value: &JsValue) -> Result<SearchOptions, String> {
    let mut options = SearchOptions::default();
    // Read in the order of `read_search_options`: the counts, then the
    // flags as 1 or 0 (NaN where absent), then what `rest` is (its
    // NOTHING_ELSE, AN_ERROR, ENTRIES): the usual options need no more
    // calls across the boundary.
    const AN_ERROR: f64 = 1.0;
    const ENTRIES: f64 = 2.0;
    let mut numbers = [f64::NAN; 7];
    let rest = read_search_options(value, &mut numbers);
    let [page, per_page, statements, prefix, snippets, facets, more] = numbers;
    if more == AN_ERROR {
        return Err(rest.as_string().unwrap_or_default());
    }
    let given = |n: f64| (!n.is_nan()).then_some(n);
    if let Some(n) = given(page) {
        options.page = whole("page", Some(n))?;
    }
    if let Some(n) = given(per_page) {
        options.per_page = whole("perPage", Some(n))?;
    }
    if let Some(n) = given(statements) {
        options.statements = whole("statements", Some(n))?;
    }
    for (flag, n) in [
        (&mut options.prefix, prefix),
        (&mut options.snippets, snippets),
        (&mut options.facets, facets),
    ] {
        if let Some(n) = given(n) {
            *flag = n != 0.0;
        }
    }
    if more == ENTRIES {
        set_entries(&mut options, rest)?;
    }
    Ok(options)
}

/// Sets the options given as `[key, value]` entries (the texts and lists,
/// and values of a wrong type). Out of line: most searches have none.
#[inline(never)]
fn set_entries(options: &mut SearchOptions, entries: JsValue) -> Result<(), String> {
    for entry in entries.unchecked_into::<js_sys::Array>().iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        set_option(options, &key, &entry.get(1))?;
    }
    Ok(())
}

/// A count option's value, or what is wrong with it.
fn whole(key: &str, n: Option<f64>) -> Result<usize, String> {
    match n {
        Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(n.min(u32::MAX as f64) as usize),
        _ => Err(format!("{key} must be a whole number")),
    }
}

/// Sets option `key` (unknown keys are ignored).
fn set_option(options: &mut SearchOptions, key: &str, v: &JsValue) -> Result<(), String> {
    let count = || whole(key, v.as_f64());
    let flag = || {
        v.as_bool()
            .ok_or_else(|| format!("{key} must be true or false"))
    };
    let text = || v.as_string().ok_or_else(|| format!("{key} must be a text"));
    let texts = || {
        let items = js_sys::Array::is_array(v).then(|| js_sys::Array::from(v));
        items
            .and_then(|items| items.iter().map(|t| t.as_string()).collect())
            .ok_or_else(|| format!("{key} must be a list of texts"))
    };
    match key {
        "page" => options.page = count()?,
        "perPage" => options.per_page = count()?,
        "statements" => options.statements = count()?,
        "prefix" => options.prefix = flag()?,
        "snippets" => options.snippets = flag()?,
        "facets" => options.facets = flag()?,
        "dateFrom" => options.date_from = Some(text()?),
        "dateTo" => options.date_to = Some(text()?),
        "docs" => options.docs = Some(texts()?),
        "outlets" => options.outlets = Some(texts()?),
        "speakers" => options.speakers = Some(texts()?),
        "sides" => options.sides = Some(texts()?),
        "months" => options.months = Some(texts()?),
        _ => {}
    }
    Ok(())
}

fn filter_from<T: serde::de::DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("invalid {what} filter: {e}")))
    }
}

/// Attributed statements. `filter` (optional): `{doc, speaker, kind, side,
/// text}`; `speaker` is a speaker's id or words of its name, `kind` one of
/// direct, indirect, mixed, according_to.
#[wasm_bindgen]
pub fn statements(filter: JsValue) -> Result<JsValue, JsError> {
    let filter: crate::claims::StatementFilter = filter_from(filter, "statement")?;
    to_js(&claims()?.statements(&filter))
}

/// The speaker registry: canonical name, aliases, roles, side, documents and
/// statement ids of every source.
#[wasm_bindgen]
pub fn speakers() -> Result<JsValue, JsError> {
    to_js(&claims()?.speakers)
}

/// Numbers and dates. `filter` (optional): `{doc, kind, statement, text}`;
/// `kind` is number or date.
#[wasm_bindgen]
pub fn facts(filter: JsValue) -> Result<JsValue, JsError> {
    let filter: crate::claims::FactFilter = filter_from(filter, "fact")?;
    to_js(&claims()?.facts(&filter))
}

/// The corpus's disagreements: each with its topic, slot (date, number,
/// place, actor), a plain-French explanation, and its positions with the
/// evidence for each (document and passage as written).
#[wasm_bindgen]
pub fn conflicts() -> Result<JsValue, JsError> {
    to_js(&comparisons()?.conflicts)
}

/// The same fact stated by several documents, across wordings and spellings.
#[wasm_bindgen]
pub fn agreements() -> Result<JsValue, JsError> {
    to_js(&comparisons()?.agreements)
}

/// Statements and narrated facts by the date they speak of. `filter`
/// (optional): `{doc, speaker, from, to}`.
#[wasm_bindgen]
pub fn timeline(filter: JsValue) -> Result<JsValue, JsError> {
    let filter: crate::compare::TimelineFilter = filter_from(filter, "timeline")?;
    to_js(&comparisons()?.timeline(&filter))
}

/// Every source's version of a question, side by side. `input`: a claim or
/// topic as text, or `{statement: id}`, or `{conflict: id}`.
#[wasm_bindgen]
pub fn compare(input: JsValue) -> Result<JsValue, JsError> {
    let input: crate::compare::CompareInput = serde_wasm_bindgen::from_value(input)
        .map_err(|_| JsError::new("compare needs a text, {statement: id} or {conflict: id}"))?;
    let comparison = explorer()?.compare(&input).map_err(|e| JsError::new(&e))?;
    to_js(&comparison)
}
