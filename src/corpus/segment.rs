//! From raw documents to documents: each format read into paragraphs, a
//! dateline cut off, the paragraphs classified (with the lines the corpus
//! repeats counted first), then title, date, outlet and agencies.

use crate::text::fnv::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::clean::{self, Context, Para, Repetition};
use super::dates::{self, Dateline};
use super::lexicon::{key, starts_with_phrase};
use super::prepare::{Hint, Paragraph, Prepared, prepare_plain};
use super::signals;
use super::{
    Block, BlockKind, DateSource, Document, Format, RawDocument, Reason, Removal, html, markdown,
    outlet,
};

/// Lines longer than this are not counted for repetition: furniture is
/// short, and long paragraphs shared by two wire stories are article text.
const MAX_REPEATED_WORDS: usize = 40;
/// A dateline is looked for in this many opening paragraphs (a list of
/// related headlines or a lede may come first).
const DATELINE_WITHIN: usize = 8;

/// Segments every raw document of a corpus.
pub fn segment_corpus(raw: Vec<RawDocument>) -> Vec<Document> {
    let prepared: Vec<(Prepared, Option<Dateline>)> = raw.iter().map(prepare).collect();
    let counts = repetition_counts(prepared.iter().map(|p| &p.0));
    let rep = Repetition::for_corpus(raw.len());
    raw.into_iter()
        .zip(prepared)
        .map(|(r, (p, dl))| build(r, p, dl, &counts, rep))
        .collect()
}

/// Segments one document on its own (no corpus to compare it with).
pub fn segment_document(raw: RawDocument) -> Document {
    segment_corpus(vec![raw]).pop().unwrap_or_default()
}

fn prepare(raw: &RawDocument) -> (Prepared, Option<Dateline>) {
    let mut p = match raw.format {
        Format::Html => html::prepare_html(&raw.text),
        Format::Markdown => markdown::prepare_markdown(&raw.text, raw.source_offset),
        Format::Text | Format::JsonLines => prepare_plain(&raw.text, raw.source_offset),
    };
    let dl = split_dateline(&mut p);
    (p, dl)
}

/// Cuts the first dateline found in the opening paragraphs into a
/// paragraph of its own.
fn split_dateline(p: &mut Prepared) -> Option<Dateline> {
    let within = p.paragraphs.len().min(DATELINE_WITHIN);
    for i in 0..within {
        let q = p.paragraphs[i];
        if q.hint != Hint::None {
            continue;
        }
        let text = &p.text[q.start..q.end];
        let Some(d) = dates::parse_dateline(text) else {
            continue;
        };
        let whole = d.len >= text.len();
        let dashed = text.trim_end().ends_with(['-', '–', '—', '‒']);
        if whole && !dashed && i >= 3 {
            continue; // a date alone on a line, far from the start
        }
        if whole {
            p.paragraphs[i].hint = Hint::Dateline;
        } else {
            let cut = q.start + text[..d.len].trim_end().len();
            p.paragraphs[i] = Paragraph {
                start: q.start,
                end: cut,
                hint: Hint::Dateline,
            };
            p.paragraphs.insert(
                i + 1,
                Paragraph {
                    start: q.start + d.len,
                    end: q.end,
                    hint: Hint::None,
                },
            );
        }
        return Some(d);
    }
    None
}

fn line_hash(k: &str) -> u64 {
    let mut h = DefaultHasher::new();
    k.hash(&mut h);
    h.finish()
}

/// In how many documents each short line occurs.
fn repetition_counts<'a>(docs: impl Iterator<Item = &'a Prepared>) -> HashMap<u64, u32> {
    let mut counts: HashMap<u64, u32> = HashMap::default();
    let mut seen = HashSet::default();
    for p in docs {
        seen.clear();
        for q in &p.paragraphs {
            let text = &p.text[q.start..q.end];
            if signals::word_count(text) > MAX_REPEATED_WORDS {
                continue;
            }
            let k = key(text);
            if !k.is_empty() && seen.insert(line_hash(&k)) {
                *counts.entry(line_hash(&k)).or_default() += 1;
            }
        }
    }
    counts
}

fn build(
    raw: RawDocument,
    p: Prepared,
    dateline: Option<Dateline>,
    counts: &HashMap<u64, u32>,
    rep: Repetition,
) -> Document {
    let paras: Vec<Para> = p
        .paragraphs
        .iter()
        .map(|q| {
            let text = &p.text[q.start..q.end];
            let repeated = if signals::word_count(text) > MAX_REPEATED_WORDS {
                1
            } else {
                counts.get(&line_hash(&key(text))).copied().unwrap_or(1)
            };
            Para {
                text,
                hint: q.hint,
                repeated,
            }
        })
        .collect();
    let known_title = raw.field_title.as_deref().or(p.title.as_deref());
    let ctx = Context {
        known_title,
        headline_first: matches!(raw.format, Format::Text | Format::Markdown),
    };
    let kinds = clean::classify(&paras, rep, ctx);

    let mut blocks = Vec::with_capacity(kinds.len());
    let mut removed = Vec::new();
    for (q, (kind, why)) in p.paragraphs.iter().zip(&kinds) {
        if let Some(why) = why {
            removed.push(Removal {
                block: blocks.len() as u32,
                why: *why,
            });
        }
        blocks.push(Block {
            kind: *kind,
            start: q.start as u32,
            end: q.end as u32,
        });
    }
    let text_of = |b: &Block| &p.text[b.start as usize..b.end as usize];
    let reason_of = |i: usize| {
        removed
            .iter()
            .find(|r| r.block as usize == i)
            .map(|r| r.why)
    };

    let title = raw
        .field_title
        .clone()
        .or_else(|| p.title.clone())
        .or_else(|| {
            blocks
                .iter()
                .find(|b| b.kind == BlockKind::Title)
                .map(|b| text_of(b).to_owned())
        });

    // The date: header, field, page metadata, dateline, publication stamp.
    let stamp_date = || {
        blocks
            .iter()
            .enumerate()
            .take(DATELINE_WITHIN)
            .filter(|(i, b)| {
                // A publication stamp, not an update's ("Mis à jour le …").
                let k = key(text_of(b));
                reason_of(*i) == Some(Reason::Stamp)
                    && ![
                        "mis a jour",
                        "mise a jour",
                        "modifie",
                        "actualise",
                        "derniere",
                    ]
                    .iter()
                    .any(|p| starts_with_phrase(&k, p))
            })
            .find_map(|(_, b)| {
                crate::text::dates::find_dates(text_of(b))
                    .iter()
                    .find_map(|m| m.iso())
            })
    };
    let (date, date_source) = if let Some(d) = raw.header_date.clone() {
        (Some(d), DateSource::Header)
    } else if let Some(d) = raw.field_date.clone() {
        (Some(d), DateSource::Field)
    } else if let Some((d, source)) = p.date.clone() {
        (Some(d), source)
    } else if let Some(d) = dateline.as_ref().and_then(|d| d.date.clone()) {
        (Some(d), DateSource::Dateline)
    } else if let Some(d) = stamp_date() {
        (Some(d), DateSource::Dateline)
    } else {
        (None, DateSource::None)
    };
    let date_hint = if date.is_none() {
        dates::date_hint(blocks.iter().filter(|b| b.kind.is_article()).map(text_of))
    } else {
        None
    };

    // Credits and the publisher, from what is not article text.
    let furniture: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .map(text_of)
        .collect();
    let credit_lines: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            b.kind == BlockKind::Dateline
                || matches!(reason_of(*i), Some(Reason::Credit | Reason::Byline))
        })
        .map(|(_, b)| text_of(b))
        .collect();
    let agencies = outlet::agencies_in(&credit_lines);
    let outlet = p
        .site_name
        .clone()
        .or_else(|| outlet::publisher_in(&furniture))
        .or_else(|| dateline.as_ref().and_then(|d| d.agency).map(str::to_owned));

    Document {
        id: raw.id,
        title,
        date,
        date_source,
        outlet,
        text: p.text,
        source_offset: raw.source_offset,
        blocks,
        date_hint,
        agencies,
        format: raw.format,
        source_map: p.map,
        removed,
        // Found once the whole corpus is read (see `build_documents`).
        lost_spaces: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(id: &str, text: &str, format: Format) -> RawDocument {
        RawDocument {
            id: id.into(),
            text: text.into(),
            source_offset: 0,
            header_date: None,
            field_date: None,
            field_title: None,
            format,
        }
    }

    fn kinds(d: &Document) -> Vec<(BlockKind, &str)> {
        d.blocks.iter().map(|b| (b.kind, d.block_text(b))).collect()
    }

    #[test]
    fn datelines_date_the_text_and_stand_apart() {
        let d = segment_document(raw(
            "w",
            "La fusée a décollé ce matin.\n\n22 mai 2012. - Prévu initialement pour samedi dernier, le lancement a été reporté.",
            Format::JsonLines,
        ));
        assert_eq!(d.date.as_deref(), Some("2012-05-22"));
        assert_eq!(d.date_source, DateSource::Dateline);
        assert_eq!(
            kinds(&d)[1..],
            [
                (BlockKind::Dateline, "22 mai 2012. -"),
                (
                    BlockKind::Body,
                    "Prévu initialement pour samedi dernier, le lancement a été reporté."
                )
            ]
        );
    }

    #[test]
    fn agency_dispatch_and_credits() {
        let d = segment_document(raw(
            "a",
            "PARIS (AFP) - Le gouvernement a annoncé mardi un plan de soutien aux hôpitaux publics du pays.\n\nLe plan sera présenté en conseil des ministres la semaine prochaine, selon Matignon.\n\ndch/reb/shu",
            Format::Text,
        ));
        assert_eq!(d.outlet.as_deref(), Some("AFP"));
        assert_eq!(d.agencies, ["AFP"]);
        assert_eq!(d.date, None);
        assert_eq!(
            d.blocks.last().map(|b| b.kind),
            Some(BlockKind::Boilerplate)
        );
    }

    #[test]
    fn repeated_furniture_across_documents() {
        let page = |n: usize| {
            format!(
                "Le conseil municipal numéro {n} a voté une nouvelle subvention pour les associations sportives.\n\nLa décision a été prise par {n} voix contre deux, a précisé le maire.\n\nL'info au cœur de votre région\n\nNos newsletters"
            )
        };
        let docs = segment_corpus(
            (0..4)
                .map(|n| raw(&format!("{n}"), &page(n), Format::Text))
                .collect(),
        );
        for d in &docs {
            let k = kinds(d);
            assert_eq!(
                k[2],
                (BlockKind::Boilerplate, "L'info au cœur de votre région")
            );
            assert_eq!(k[1].0, BlockKind::Body);
        }
    }
}
