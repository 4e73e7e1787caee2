//! BM25, the ranking function, in one place: search scores with it at query
//! time, and the index ranks each frequent term's best documents with it
//! when it is built (see `Index::top_postings`). Both must order documents
//! the same way, to the last bit of a float.

/// BM25's usual constants: term frequency saturates quickly (k1), and long
/// documents are mostly, not fully, normalised (b).
pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;

/// The mean indexed length of `n_docs` documents of `total_len` words in
/// all (at least 1).
pub fn average_length(total_len: u64, n_docs: u32) -> f32 {
    if n_docs == 0 {
        return 1.0;
    }
    (total_len as f32 / n_docs as f32).max(1.0)
}

/// k1·(1 − b + b·len/avg): a document's length normalisation.
#[inline(always)]
pub fn norm(len: u32, average: f32) -> f32 {
    K1 * (1.0 - B + B * len as f32 / average)
}

/// The inverse document frequency of a term found in `df` of `n_docs`
/// documents.
#[inline(always)]
pub fn idf(n_docs: f32, df: u32) -> f32 {
    let df = df as f32;
    (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln()
}

/// A term's score in a document: its (weighted) frequency `tf` there, the
/// document's `norm` and the term's `idf`.
#[inline(always)]
pub fn score(tf: f32, norm: f32, idf: f32) -> f32 {
    idf * tf * (K1 + 1.0) / (tf + norm)
}
