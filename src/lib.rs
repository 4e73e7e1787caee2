//! recoupe: an offline explorer for French news corpora.
//!
//! The core is plain Rust, built and tested natively; the dependency order is
//! corpus → text analysis → index/search → explorer. `wasm` is the one thin
//! module that exposes it to JavaScript.

pub mod claims;
pub mod compare;
pub mod corpus;
pub mod embedded;
pub mod explorer;
pub mod index;
pub mod search;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use explorer::Explorer;
