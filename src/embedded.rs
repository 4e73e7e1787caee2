//! The corpus embedded at compile time: the build script writes the binary
//! form of the explorer into the build's output folder, and `include_dir`
//! puts that folder into the module.

use std::sync::OnceLock;

use include_dir::{Dir, include_dir};

use crate::explorer::Explorer;

static EMBEDDED: Dir<'static> = include_dir!("$OUT_DIR/embedded");

/// The explorer over the embedded corpus, opened on first use.
pub fn explorer() -> Result<&'static Explorer, String> {
    static OPENED: OnceLock<Result<Explorer, String>> = OnceLock::new();
    OPENED
        .get_or_init(|| {
            // (Names compared as bytes: `get_file` parses paths, code
            // the page would carry for five flat file names.)
            let part = |name: &str| {
                EMBEDDED
                    .files()
                    .find(|f| f.path().as_os_str().as_encoded_bytes() == name.as_bytes())
                    .map(|f| f.contents())
                    .ok_or_else(|| format!("the embedded corpus has no {name}"))
            };
            Explorer::from_parts(part)
        })
        .as_ref()
        .map_err(Clone::clone)
}
