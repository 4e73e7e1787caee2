//! Ingestion of .html files: up to three files (cut at NUL bytes) read,
//! cleaned, indexed, extracted and compared as the build does.

#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::ingest(data, "html"));
