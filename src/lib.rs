//! recoupe: an offline explorer for French news corpora.
//!
//! The core is plain Rust, built and tested natively; the dependency order is
//! corpus → text analysis → index/search → explorer. `wasm` is the one thin
//! module that exposes it to JavaScript.

// Nothing the library does on data may panic (a panic kills the wasm module
// for the page): no unwrap/expect/panic outside tests. The one `expect` left
// is on an invariant of freshly built data, and says so where it is allowed.
// Indexing, slicing and arithmetic are not denied (clippy::indexing_slicing,
// arithmetic_side_effects): hundreds of sites use positions the same code
// just computed. They are exercised instead by the fuzz targets (`fuzz/`,
// built with overflow checks and debug assertions on) and the robustness
// tests; where input sizes reach arithmetic, it saturates.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod claims;
pub mod compare;
pub mod corpus;
pub mod embedded;
pub mod explorer;
pub mod index;
pub mod parts;
pub mod search;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use explorer::Explorer;
