//! The exported JavaScript API over the embedded seeds, in a real browser:
//! `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use recoupe::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

/// A JS object with these properties (search options, a compare input).
fn object(properties: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in properties {
        Reflect::set(&object, &JsValue::from_str(key), value).expect("property set");
    }
    object.into()
}

fn hit_ids(results: &JsValue) -> Vec<String> {
    Array::from(&get(results, "hits"))
        .iter()
        .map(|h| get(&h, "id").as_string().expect("hit id"))
        .collect()
}

#[wasm_bindgen_test]
fn documents_lists_the_five_seeds() {
    let docs = Array::from(&wasm::documents().expect("documents"));
    assert_eq!(docs.length(), 5);
    let first = docs.get(0);
    assert_eq!(
        get(&first, "id").as_string().as_deref(),
        Some("000_ac38b55d5438f45b.txt")
    );
    assert_eq!(get(&first, "date").as_string().as_deref(), Some("2020-11"));
}

#[wasm_bindgen_test]
fn search_finds_every_seed_for_karabakh_with_marked_snippets() {
    let results = wasm::try_search("Karabakh", &JsValue::UNDEFINED).expect("search");
    assert_eq!(get(&results, "total").as_f64(), Some(5.0));
    assert_eq!(hit_ids(&results).len(), 5);
    assert!(get(&results, "tookMs").as_f64().is_some());
    let hits = Array::from(&get(&results, "hits"));
    for hit in hits.iter() {
        let spans = Array::from(&get(&hit, "snippet"));
        let marked: Vec<String> = spans
            .iter()
            .filter(|s| get(s, "mark").as_bool() == Some(true))
            .map(|s| get(&s, "text").as_string().unwrap_or_default())
            .collect();
        assert!(
            marked.iter().any(|m| m.to_lowercase().contains("karabakh")),
            "no marked Karabakh in {marked:?}"
        );
    }
}

#[wasm_bindgen_test]
fn search_options_page_and_filter() {
    let options = object(&[
        ("perPage", JsValue::from_f64(2.0)),
        ("page", JsValue::from_f64(3.0)),
    ]);
    let results = wasm::try_search("Karabakh", &options).expect("search");
    assert_eq!(get(&results, "total").as_f64(), Some(5.0));
    assert_eq!(
        hit_ids(&results).len(),
        1,
        "page 3 of 2 per page holds the fifth hit"
    );

    let options = object(&[("dateFrom", "2020-12".into())]);
    let results = wasm::try_search("Karabakh", &options).expect("search");
    assert_eq!(
        hit_ids(&results),
        vec!["002_8ed4da36b7d67b1b.txt".to_owned()]
    );
}

#[wasm_bindgen_test]
fn hits_without_snippet_or_statements_share_frozen_empty_lists() {
    let options = object(&[
        ("snippets", JsValue::FALSE),
        ("statements", JsValue::from_f64(0.0)),
    ]);
    let results = wasm::try_search("Karabakh", &options).expect("search");
    let took = get(&results, "tookMs").as_f64().expect("tookMs");
    assert!((0.0..60_000.0).contains(&took), "tookMs {took}");
    let hits = Array::from(&get(&results, "hits"));
    assert_eq!(hits.length(), 5);
    for hit in hits.iter() {
        for list in ["snippet", "statements"] {
            let value = get(&hit, list);
            assert!(Array::is_array(&value), "{list}");
            assert_eq!(Array::from(&value).length(), 0, "{list}");
            // Shared by the hits: frozen, so that no change to one reaches another.
            assert!(js_sys::Object::is_frozen(&value.into()), "{list}");
        }
    }
}

#[wasm_bindgen_test]
fn bad_options_and_ids_throw_errors_with_messages() {
    let err = wasm::try_search("Karabakh", &JsValue::from_str("not options")).unwrap_err();
    let message = get(&JsValue::from(err), "message")
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("invalid search options"), "{message}");
    for (key, value) in [
        ("perPage", JsValue::from_str("ten")),
        ("page", JsValue::from_f64(-1.0)),
        ("statements", JsValue::from_f64(f64::NAN)),
        ("snippets", JsValue::from_f64(1.0)),
        ("docs", JsValue::from_str("001")),
        ("months", Array::of1(&JsValue::from_f64(2020.0)).into()),
    ] {
        let err = wasm::try_search("Karabakh", &object(&[(key, value)])).unwrap_err();
        let message = get(&JsValue::from(err), "message")
            .as_string()
            .unwrap_or_default();
        assert!(message.contains(key), "{key}: {message}");
    }

    let err = wasm::document("no-such-document").unwrap_err();
    let message = get(&JsValue::from(err), "message")
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("no-such-document"), "{message}");
}

#[wasm_bindgen(inline_js = "export function thrown_by(f) { try { f(); } catch (e) { return e; } }")]
extern "C" {
    /// What calling `f` throws (undefined when it returns).
    fn thrown_by(f: &Closure<dyn Fn()>) -> JsValue;
}

#[wasm_bindgen_test]
fn the_exported_search_throws_its_errors() {
    let bad = Closure::<dyn Fn()>::new(|| {
        wasm::search("Karabakh".to_owned(), JsValue::from_str("not options"));
    });
    let err = thrown_by(&bad);
    assert!(err.is_instance_of::<js_sys::Error>(), "{err:?}");
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("invalid search options"), "{message}");
    // And searches on after it, answering.
    let good = Closure::<dyn Fn()>::new(|| {
        let results = wasm::search("Karabakh".to_owned(), JsValue::UNDEFINED);
        assert!(get(&results, "total").as_f64().unwrap_or(0.0) > 0.0);
    });
    assert!(thrown_by(&good).is_undefined());
}

#[wasm_bindgen_test]
fn document_returns_blocks_as_text() {
    let doc = wasm::document("001_7305b549ad60f7f4.txt").expect("document");
    let blocks = Array::from(&get(&doc, "blocks"));
    assert!(blocks.length() > 5);
    let first = get(&blocks.get(0), "text").as_string().unwrap_or_default();
    assert!(first.starts_with("Des soldats de la paix"), "{first}");
}

#[wasm_bindgen_test]
fn strange_queries_answer_without_throwing() {
    for q in ["", "   ", "?!«»;", "\u{202E}\u{200B}🙂", "-", "\"", "OR"] {
        let results = wasm::try_search(q, &JsValue::UNDEFINED).expect("search answers");
        assert_eq!(get(&results, "total").as_f64(), Some(0.0), "{q:?}");
    }
    let long = "Karabakh ".repeat(1200);
    let results = wasm::try_search(&long, &JsValue::UNDEFINED).expect("long query answers");
    assert_eq!(get(&results, "total").as_f64(), Some(5.0));
    assert!(get(&results, "message").as_string().is_some());
}

#[wasm_bindgen_test]
fn search_counts_facets_and_lists_statements_for_the_page() {
    let options = object(&[
        ("facets", JsValue::TRUE),
        ("statements", JsValue::from_f64(3.0)),
    ]);
    let results = wasm::try_search("cessez-le-feu", &options).expect("search");
    let facets = get(&results, "facets");
    for group in ["outlets", "speakers", "sides", "dates"] {
        assert!(Array::is_array(&get(&facets, group)), "{group}");
    }
    let speakers = Array::from(&get(&facets, "speakers"));
    assert!(speakers.length() > 0);
    let first = speakers.get(0);
    for key in ["value", "label", "count", "selected"] {
        assert!(!get(&first, key).is_undefined(), "{key}");
    }
    let hits = Array::from(&get(&results, "hits"));
    let listed: u32 = hits
        .iter()
        .map(|h| Array::from(&get(&h, "statements")).length())
        .sum();
    assert!(listed > 0, "no statement listed under the hits");
    assert!(get(&hits.get(0), "statementCount").as_f64().is_some());
    let said = Array::from(&get(&hits.get(0), "statements")).get(0);
    for key in ["id", "speaker", "speakerId", "kind", "text", "start", "end"] {
        assert!(!get(&said, key).is_undefined(), "{key}");
    }

    // A facet filter narrows the results.
    let options = object(&[("months", Array::of1(&"2020-12".into()).into())]);
    let results = wasm::try_search("Karabakh", &options).expect("search");
    assert_eq!(
        hit_ids(&results),
        vec!["002_8ed4da36b7d67b1b.txt".to_owned()]
    );
}

#[wasm_bindgen_test]
fn conflicts_agreements_timeline_and_compare_reach_js() {
    let conflicts = Array::from(&wasm::conflicts().expect("conflicts"));
    assert!(conflicts.length() >= 4);
    let first = conflicts.get(0);
    assert!(
        get(&first, "explanation")
            .as_string()
            .is_some_and(|e| !e.is_empty())
    );
    let positions = Array::from(&get(&first, "positions"));
    assert!(positions.length() >= 2);
    let evidence = Array::from(&get(&positions.get(0), "evidence"));
    assert!(
        get(&get(&evidence.get(0), "source"), "kind")
            .as_string()
            .is_some()
    );

    assert!(Array::from(&wasm::agreements().expect("agreements")).length() >= 3);
    let timeline = Array::from(&wasm::timeline(JsValue::UNDEFINED).expect("timeline"));
    assert!(timeline.length() > 10);

    let cmp =
        wasm::compare(JsValue::from_str("l'accord a été signé le 10 novembre")).expect("compare");
    assert!(Array::from(&get(&cmp, "columns")).length() >= 2);
    let by_conflict = object(&[("conflict", get(&first, "id"))]);
    let cmp = wasm::compare(by_conflict).expect("compare a conflict");
    assert!(Array::from(&get(&cmp, "columns")).length() >= 1);

    let err = wasm::compare(JsValue::from_f64(3.0)).unwrap_err();
    let message = get(&JsValue::from(err), "message")
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("compare needs"), "{message}");
}

/// Hits are made in JS from numbers and per-document objects kept from one
/// search to the next: they must read exactly as serde's conversion of the
/// same search, the second time too (from the kept objects), and be objects
/// of their own.
#[wasm_bindgen_test]
fn hits_read_as_the_converted_results_and_are_not_shared() {
    let explorer = recoupe::embedded::explorer().expect("explorer");
    let as_json = |value: &JsValue| {
        js_sys::JSON::stringify(value)
            .expect("stringify")
            .as_string()
            .unwrap_or_default()
    };
    for query in ["Karabakh", "cessez-le-feu", "Lavrov accuse", "zzzz"] {
        for (snippets, statements) in [(false, 0), (true, 2)] {
            let options = object(&[
                ("snippets", snippets.into()),
                ("statements", (statements as f64).into()),
            ]);
            let native = explorer.search(
                query,
                &recoupe::search::SearchOptions {
                    snippets,
                    statements,
                    ..Default::default()
                },
            );
            let expected = serde::Serialize::serialize(
                &native.hits,
                &serde_wasm_bindgen::Serializer::json_compatible(),
            )
            .map(|v| as_json(&v))
            .unwrap_or_default();
            let first = get(&wasm::try_search(query, &options).unwrap(), "hits");
            assert_eq!(as_json(&first), expected, "{query} {snippets}");
            // A change to one answer's hit is not seen in the next answer.
            if let Some(hit) = Array::from(&first).iter().next() {
                Reflect::set(&hit, &"title".into(), &"changed".into()).unwrap();
                Reflect::set(&get(&hit, "snippet"), &"0".into(), &"x".into()).unwrap();
            }
            let again = get(&wasm::try_search(query, &options).unwrap(), "hits");
            assert_eq!(as_json(&again), expected, "{query} {snippets}, again");
        }
    }
}
