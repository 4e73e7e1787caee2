//! The claims API over the embedded seeds, in a real browser:
//! `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use recoupe::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property read")
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn statements_of_the_seeds_with_speakers() {
    let all = Array::from(&wasm::statements(JsValue::UNDEFINED).expect("statements"));
    assert!(all.length() >= 30, "only {} statements", all.length());
    let first = all.get(0);
    assert_eq!(text(&first, "doc"), "000_ac38b55d5438f45b.txt");
    assert_eq!(text(&first, "speaker"), "Roustam Mouradov");
    assert_eq!(text(&first, "kind"), "indirect");
}

#[wasm_bindgen_test]
fn statements_filtered_by_speaker_and_kind() {
    let filter = Object::new();
    Reflect::set(&filter, &"speaker".into(), &"Lavrov".into()).unwrap();
    Reflect::set(&filter, &"kind".into(), &"direct".into()).unwrap();
    let found = Array::from(&wasm::statements(filter.into()).expect("statements"));
    assert!(found.length() >= 2);
    for s in found.iter() {
        assert_eq!(text(&s, "speaker"), "Sergueï Lavrov");
        assert_eq!(text(&s, "kind"), "direct");
    }
}

#[wasm_bindgen_test]
fn a_bad_filter_is_an_error_not_a_panic() {
    let filter = Object::new();
    Reflect::set(&filter, &"kind".into(), &"rumour".into()).unwrap();
    assert!(wasm::statements(filter.into()).is_err());
}

#[wasm_bindgen_test]
fn speakers_registry_has_sides() {
    let speakers = Array::from(&wasm::speakers().expect("speakers"));
    let aliev = speakers
        .iter()
        .find(|s| text(s, "name") == "Ilham Aliev")
        .expect("Ilham Aliev is a speaker");
    assert_eq!(text(&aliev, "side"), "Azerbaïdjan");
    assert!(Array::from(&get(&aliev, "statements")).length() >= 3);
}

#[wasm_bindgen_test]
fn facts_are_numbers_and_dates_with_values() {
    let filter = Object::new();
    Reflect::set(&filter, &"kind".into(), &"date".into()).unwrap();
    let dates = Array::from(&wasm::facts(filter.into()).expect("facts"));
    assert!(dates.iter().any(|d| text(&d, "value") == "2020-11-14"));
    let numbers = Array::from(&wasm::facts(JsValue::UNDEFINED).expect("facts"));
    assert!(
        numbers
            .iter()
            .any(|n| get(&n, "value").as_f64() == Some(2000.0))
    );
}
