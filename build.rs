//! Embeds a corpus into the crate: reads `CORPUS_DIR` (default: `seeds/`),
//! builds the explorer with the crate's own core modules, and writes its
//! binary form to `$OUT_DIR/embedded`, which `src/embedded.rs` includes.
//! A bad corpus file stops the build with its name and the reason.

#![allow(dead_code, unused_imports)]

#[path = "src/claims/mod.rs"]
mod claims;
#[path = "src/compare/mod.rs"]
mod compare;
#[path = "src/corpus/mod.rs"]
mod corpus;
#[path = "src/explorer.rs"]
mod explorer;
#[path = "src/index/mod.rs"]
mod index;
#[path = "src/parts.rs"]
mod parts;
#[path = "src/search/mod.rs"]
mod search;
#[path = "src/text/mod.rs"]
mod text;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-changed=data");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let corpus_dir = match std::env::var("CORPUS_DIR") {
        Ok(dir) if !dir.trim().is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                manifest.join(dir)
            }
        }
        _ => manifest.join("seeds"),
    };
    println!("cargo:rerun-if-changed={}", corpus_dir.display());

    let (explorer, warnings) = match explorer::Explorer::from_dir(&corpus_dir) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("\nerror: the corpus cannot be embedded: {e}\n");
            std::process::exit(1);
        }
    };
    for w in warnings {
        println!("cargo:warning=corpus: {w}");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded");
    let parts = explorer.to_parts();
    // A module with packed parts carries the decoder; others leave it out.
    if parts::any_packed(parts.iter().map(|(_, bytes)| bytes.as_slice())) {
        println!("cargo::rustc-cfg=packed_parts");
    }
    // Likewise the reading of the lists only a large corpus's index keeps.
    let large = parts.iter().any(|(name, bytes)| {
        *name == explorer::INDEX_FILE
            && index::Index::open(bytes).is_ok_and(|i| i.has_large_lists())
    });
    if large {
        println!("cargo::rustc-cfg=large_lists");
    }
    write_parts(&out, &parts);
}

fn write_parts(dir: &Path, parts: &[(&str, Vec<u8>)]) {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (name, bytes) in parts {
        let path = dir.join(name);
        // Unchanged bytes keep their timestamp, so nothing downstream rebuilds.
        if std::fs::read(&path).ok().as_deref() == Some(bytes.as_slice()) {
            continue;
        }
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
