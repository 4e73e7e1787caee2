//! What must hold of anything the core answers, whatever the input: offsets
//! inside the text and on character boundaries, quoted text equal to the
//! text at its offsets, ids that name something, finite scores, pages within
//! their bounds. Shared by the robustness tests (`tests/robustness.rs`) and
//! the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by path), so
//! both check the same promises.
//!
//! Each check returns a message naming what broke, never panics itself.

#![allow(dead_code)]

use std::collections::HashSet;

use recoupe::Explorer;
use recoupe::claims::Claims;
use recoupe::compare::{Comparison, Comparisons, Evidence};
use recoupe::corpus::{Document, load::validate_date};
use recoupe::search::{MAX_PER_PAGE, SearchResults};

type Check = Result<(), String>;

fn fail(what: String) -> Check {
    Err(what)
}

/// `start..end` is a slice of `text`: in bounds, ordered, on char boundaries.
fn slice_ok(text: &str, start: u32, end: u32, what: &str) -> Check {
    let (s, e) = (start as usize, end as usize);
    if s > e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return fail(format!(
            "{what}: {s}..{e} is not a slice of a text of {} bytes",
            text.len()
        ));
    }
    Ok(())
}

/// A document as segmentation leaves it.
pub fn document(d: &Document) -> Check {
    for (i, b) in d.blocks.iter().enumerate() {
        slice_ok(&d.text, b.start, b.end, &format!("{}: block {i}", d.id))?;
        let (cs, ce) = d.source_char_range(b.start as usize, b.end as usize);
        if cs > ce {
            return fail(format!(
                "{}: block {i} maps to source characters {cs}..{ce}",
                d.id
            ));
        }
    }
    for r in &d.removed {
        if r.block as usize >= d.blocks.len() {
            return fail(format!("{}: removal names block {}", d.id, r.block));
        }
    }
    if !d.lost_spaces.is_sorted() {
        return fail(format!("{}: lost spaces not sorted", d.id));
    }
    for &p in &d.lost_spaces {
        slice_ok(&d.text, p, p, &format!("{}: lost space", d.id))?;
    }
    if let Some(date) = &d.date
        && validate_date(date).as_deref() != Some(date.as_str())
    {
        return fail(format!("{}: date {date:?} is not YYYY[-MM[-DD]]", d.id));
    }
    Ok(())
}

/// Statements, speakers and facts against the documents they come from.
pub fn claims(docs: &[Document], c: &Claims) -> Check {
    let doc = |id: &str| docs.iter().find(|d| d.id == id);
    let mut ids = HashSet::new();
    for s in &c.statements {
        if !ids.insert(s.id.as_str()) {
            return fail(format!("statement id {} twice", s.id));
        }
        let d = doc(&s.doc).ok_or_else(|| format!("{}: no document {:?}", s.id, s.doc))?;
        slice_ok(&d.text, s.start, s.end, &s.id)?;
        if d.text[s.start as usize..s.end as usize] != s.content {
            return fail(format!("{}: content is not the text at its offsets", s.id));
        }
        if s.char_start > s.char_end {
            return fail(format!("{}: character offsets reversed", s.id));
        }
        let speaker = c
            .speakers
            .get(s.speaker_id as usize)
            .ok_or_else(|| format!("{}: no speaker {}", s.id, s.speaker_id))?;
        if speaker.name != s.speaker {
            return fail(format!("{}: speaker name differs from its id's", s.id));
        }
    }
    for (i, sp) in c.speakers.iter().enumerate() {
        if sp.id as usize != i {
            return fail(format!("speaker {i} has id {}", sp.id));
        }
        if let Some(missing) = sp.statements.iter().find(|s| !ids.contains(s.as_str())) {
            return fail(format!("speaker {i} lists unknown statement {missing}"));
        }
    }
    for (i, f) in c.facts.iter().enumerate() {
        let d = doc(&f.doc).ok_or_else(|| format!("fact {i}: no document {:?}", f.doc))?;
        slice_ok(&d.text, f.start, f.end, &format!("fact {i}"))?;
        if f.char_start > f.char_end {
            return fail(format!("fact {i}: character offsets reversed"));
        }
        if let Some(s) = &f.statement
            && !ids.contains(s.as_str())
        {
            return fail(format!("fact {i}: unknown statement {s}"));
        }
        if let recoupe::claims::FactValue::Decimal(x) = f.value
            && !x.is_finite()
        {
            return fail(format!("fact {i}: value {x}"));
        }
    }
    Ok(())
}

/// A passage given as evidence: its text is the document's at its offsets.
pub fn evidence(docs: &[Document], e: &Evidence) -> Check {
    let d = docs
        .iter()
        .find(|d| d.id == e.doc)
        .ok_or_else(|| format!("evidence names no document {:?}", e.doc))?;
    slice_ok(&d.text, e.start, e.end, "evidence")?;
    if d.text[e.start as usize..e.end as usize] != e.text {
        return fail(format!(
            "evidence in {}: text is not the document's at {}..{}",
            e.doc, e.start, e.end
        ));
    }
    Ok(())
}

/// Conflicts, agreements and timeline of a corpus.
pub fn comparisons(docs: &[Document], c: &Comparisons) -> Check {
    let mut ids = HashSet::new();
    for k in &c.conflicts {
        if !ids.insert(k.id.as_str()) {
            return fail(format!("conflict id {} twice", k.id));
        }
        if k.positions.len() < 2 {
            return fail(format!(
                "conflict {} has {} position",
                k.id,
                k.positions.len()
            ));
        }
        for e in k.positions.iter().flat_map(|p| &p.evidence) {
            evidence(docs, e)?;
        }
    }
    for a in &c.agreements {
        for e in &a.evidence {
            evidence(docs, e)?;
        }
    }
    for t in &c.timeline {
        evidence(docs, &t.evidence)?;
    }
    Ok(())
}

/// One comparison answered by `compare`.
pub fn comparison(docs: &[Document], c: &Comparison) -> Check {
    for e in c
        .columns
        .iter()
        .flat_map(|col| &col.items)
        .map(|i| &i.evidence)
    {
        evidence(docs, e)?;
    }
    Ok(())
}

/// A page of search results.
pub fn search(docs: &[Document], r: &SearchResults) -> Check {
    if r.per_page == 0 || r.per_page > MAX_PER_PAGE || r.hits.len() > r.per_page {
        return fail(format!(
            "{} hits on a page of {} (limit {MAX_PER_PAGE})",
            r.hits.len(),
            r.per_page
        ));
    }
    if r.hits.len() > r.total {
        return fail(format!("{} hits of {} in all", r.hits.len(), r.total));
    }
    let mut seen = HashSet::new();
    for h in &r.hits {
        if !seen.insert(h.id.as_str()) {
            return fail(format!("hit {} twice", h.id));
        }
        if !docs.iter().any(|d| d.id == h.id) {
            return fail(format!("hit names no document {:?}", h.id));
        }
        if !h.score.is_finite() || h.score < 0.0 {
            return fail(format!("hit {}: score {}", h.id, h.score));
        }
        if h.matched > r.clauses {
            return fail(format!(
                "hit {} matches {} of {} clauses",
                h.id, h.matched, r.clauses
            ));
        }
    }
    Ok(())
}

/// Everything an explorer built from a corpus holds.
pub fn explorer(e: &Explorer) -> Check {
    let docs = e.documents();
    let mut ids = HashSet::new();
    for d in docs {
        if !ids.insert(d.id.as_str()) {
            return fail(format!("document id {} twice", d.id));
        }
        document(d)?;
    }
    let c = e.claims()?;
    claims(docs, c)?;
    comparisons(docs, e.comparisons()?)
}
