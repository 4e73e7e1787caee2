//! The boundary with JavaScript: the only module that knows about
//! wasm-bindgen. Every export returns plain objects (through
//! serde-wasm-bindgen) or throws an `Error` with a message; nothing panics
//! across it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::corpus::DocumentSummary;
use crate::embedded;
use crate::explorer::Explorer;
use crate::search::{Hit, SearchOptions};

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

thread_local! {
    /// The clock of the global scope (a page or a worker: a worker has no
    /// window), looked up once: a lookup crosses the boundary several times.
    static CLOCK: Option<web_sys::Performance> =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
            .ok()
            .filter(JsValue::is_object)
            .map(JsCast::unchecked_into);
}

fn now_ms() -> f64 {
    CLOCK.with(|clock| clock.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

/// Every document of the embedded corpus: id, title, date, outlet.
#[wasm_bindgen]
pub fn documents() -> Result<JsValue, JsError> {
    to_js(&explorer()?.summaries())
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
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let started = now_ms();
    let mut options = search_options(&options)
        .map_err(|e| JsError::new(&format!("invalid search options: {e}")))?;
    // Each document's strings are made into JS once (see `HIT_BASES`).
    options.bare_hits = true;
    let explorer = explorer()?;
    let mut results = explorer.search(query, &options);
    let took_ms = now_ms() - started;
    let hits = hits_to_js(&std::mem::take(&mut results.hits), explorer.summaries())?;
    // The time and the hits are set on the converted object: a struct
    // wrapping the results with `#[serde(flatten)]` would be converted as a
    // map, with its keys made anew at every search.
    let answer = to_js(&results)?;
    // (Setting a key of the plain object serde just made cannot fail.)
    let _ = js_sys::Reflect::set(&answer, &JsValue::from_str("hits"), &hits);
    let _ = js_sys::Reflect::set(&answer, &JsValue::from_str("tookMs"), &took_ms.into());
    Ok(answer)
}

#[wasm_bindgen]
extern "C" {
    /// A hit, as the JS object serde made: the fields set after it are
    /// written by these setters, each a plain store (`Reflect.set` goes
    /// through a wrapper that catches exceptions, and wants numbers made
    /// into JS values first).
    #[wasm_bindgen(extends = js_sys::Object)]
    type HitObject;
    #[wasm_bindgen(method, setter = score)]
    fn set_score(this: &HitObject, score: f64);
    #[wasm_bindgen(method, setter = matched)]
    fn set_matched(this: &HitObject, matched: f64);
    #[wasm_bindgen(method, setter = snippet)]
    fn set_snippet(this: &HitObject, snippet: &JsValue);
    #[wasm_bindgen(method, setter = statements)]
    fn set_statements(this: &HitObject, statements: &JsValue);
    #[wasm_bindgen(method, setter = statementCount)]
    fn set_statement_count(this: &HitObject, count: f64);
}

thread_local! {
    /// By document number, the JS object of the document as a hit (its id,
    /// title, date, outlet and lead; the query's fields zero or empty), made
    /// the first time it is one. Each hit is a copy of it with the query's
    /// fields set: turning text into a JS string costs a decode of its own
    /// (about 0.2 µs each, most of what a hit cost at the boundary), and a
    /// reader typing a query sees the same documents again at every key.
    static HIT_BASES: js_sys::Array = js_sys::Array::new();
}

/// The hits as JS objects, exactly as serde would convert them.
fn hits_to_js(hits: &[Hit], summaries: &[DocumentSummary]) -> Result<js_sys::Array, JsError> {
    let list = js_sys::Array::new();
    for (i, hit) in hits.iter().enumerate() {
        let object: HitObject =
            js_sys::Object::assign(&js_sys::Object::new(), &hit_base(hit, summaries)?)
                .unchecked_into();
        object.set_score(f64::from(hit.score));
        object.set_matched(hit.matched as f64);
        // Lists of their own, even empty: the base's are shared.
        object.set_snippet(&list_to_js(&hit.snippet, hit.snippet.is_empty())?);
        object.set_statements(&list_to_js(&hit.statements, hit.statements.is_empty())?);
        object.set_statement_count(hit.statement_count as f64);
        list.set(i as u32, object.into());
    }
    Ok(list)
}

/// (`items` is a `Vec`, converted as in a whole hit: a slice would be
/// another copy of the conversion code in the page.)
fn list_to_js<T: Serialize>(items: &T, empty: bool) -> Result<JsValue, JsError> {
    if empty {
        // Made in JS: cheaper than converting an empty list.
        Ok(js_sys::Array::new().into())
    } else {
        to_js(items)
    }
}

/// The base of a hit's document (see `HIT_BASES`), made if it is not yet.
fn hit_base(hit: &Hit, summaries: &[DocumentSummary]) -> Result<js_sys::Object, JsError> {
    let known = HIT_BASES.with(|bases| bases.get(hit.doc));
    if known.is_object() {
        return Ok(known.unchecked_into());
    }
    let bare = Hit {
        id: String::new(),
        title: None,
        date: None,
        score: 0.0,
        matched: 0,
        snippet: Vec::new(),
        outlet: None,
        lead: None,
        statements: Vec::new(),
        statement_count: 0,
        doc: hit.doc,
    };
    let base = to_js(&match summaries.get(hit.doc as usize) {
        Some(summary) => bare.with_document(summary),
        None => bare,
    })?;
    HIT_BASES.with(|bases| bases.set(hit.doc, base.clone()));
    Ok(base.unchecked_into())
}

/// `search`'s options from a JS object (absent, null and unknown keys keep
/// their default), or what is wrong with them. The object's own entries are
/// read once: serde's walk asked it for each of the 13 fields, present or
/// not (about 1.6 µs of a search of a word alone).
fn search_options(value: &JsValue) -> Result<SearchOptions, String> {
    let mut options = SearchOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err("expected an object".to_owned());
    }
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (key, v) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
        if v.is_undefined() || v.is_null() {
            continue;
        }
        let count = || match v.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(n.min(u32::MAX as f64) as usize),
            _ => Err(format!("{key} must be a whole number")),
        };
        let flag = || {
            v.as_bool()
                .ok_or_else(|| format!("{key} must be true or false"))
        };
        let text = || v.as_string().ok_or_else(|| format!("{key} must be a text"));
        let texts = || {
            let items = js_sys::Array::is_array(&v).then(|| js_sys::Array::from(&v));
            items
                .and_then(|items| items.iter().map(|t| t.as_string()).collect())
                .ok_or_else(|| format!("{key} must be a list of texts"))
        };
        match key.as_str() {
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
    }
    Ok(options)
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
