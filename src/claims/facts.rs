//! Numbers with their unit and qualifier.

use super::Fact;
use super::tokens::Tok;
use crate::corpus::Document;

pub fn sentence_facts(_doc: &Document, _toks: &[Tok]) -> Vec<Fact> {
    Vec::new()
}
