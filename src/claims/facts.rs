//! Facts a sentence states: dates (see `dates`) and counts with their unit and
//! qualifier ("près de 2.000 soldats de la paix" → 2000, approx; "plus de
//! 4.000 morts" → 4000, more_than; "six de ses soldats" → 6).

use super::lexicon::LEXICON;
use super::tokens::{Kind, Tok};
use super::{Fact, FactKind, FactValue};
use crate::corpus::Document;
use crate::text::dates::{CALENDAR, Reference, find_in};
use crate::text::is_stopword;

/// A number read from the tokens at `i`: its value, where it ends, and
/// whether it is approximate by itself ("une dizaine").
struct Read {
    value: f64,
    end: usize,
    approx: bool,
    /// Words, not digits: an article "un"/"une" alone is not a count.
    words: bool,
}

fn word_value(w: &str) -> Option<(f64, bool)> {
    if let Some(&v) = LEXICON.cardinals.get(w) {
        return Some((v, false));
    }
    LEXICON.multipliers.get(w).map(|&v| (v, true))
}

/// "vingt-deux", "quatre-vingts", "deux cents", "trois mille", "quarante cinq".
fn read_words(toks: &[Tok], i: usize) -> Option<Read> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut k = i;
    let mut any = false;
    while let Some(t) = toks.get(k) {
        if !t.is_word() {
            break;
        }
        // "vingt et un"
        if t.is("et") && any && toks.get(k + 1).is_some_and(|n| n.is("un") || n.is("une")) {
            k += 1;
            continue;
        }
        let parts: Vec<&str> = t.folded.split('-').collect();
        if !parts.iter().all(|p| word_value(p).is_some() || *p == "et") || t.is("et") {
            break;
        }
        for p in parts {
            let Some((v, multiplier)) = word_value(p) else {
                continue;
            };
            if multiplier {
                if v == 100.0 {
                    current = if current == 0.0 {
                        100.0
                    } else {
                        current * 100.0
                    };
                } else {
                    total += if current == 0.0 { v } else { current * v };
                    current = 0.0;
                }
            } else if v == 20.0 && current > 0.0 && current < 10.0 {
                current *= 20.0; // quatre-vingt
            } else {
                current += v;
            }
        }
        any = true;
        k += 1;
        if k - i > 6 {
            break;
        }
    }
    any.then_some(Read {
        value: total + current,
        end: k,
        approx: false,
        words: true,
    })
}

fn read_number(toks: &[Tok], i: usize) -> Option<Read> {
    let t = toks.get(i)?;
    let mut read = match t.kind {
        Kind::Number => {
            let mut value: f64 = t.folded.parse().ok()?;
            let mut end = i + 1;
            // "6.1 millions" written with a decimal point: "6", ".", "1" glued.
            if let (Some(dot), Some(frac)) = (toks.get(i + 1), toks.get(i + 2)) {
                let glued = dot.start == t.end && frac.start == dot.end;
                if glued
                    && dot.is_punct('.')
                    && frac.kind == Kind::Number
                    && frac.folded.len() <= 2
                    && let Ok(v) = format!("{}.{}", t.folded, frac.folded).parse::<f64>()
                {
                    value = v;
                    end = i + 3;
                }
            }
            Read {
                value,
                end,
                approx: false,
                words: false,
            }
        }
        Kind::Word => {
            // "une dizaine", "des centaines", "plusieurs dizaines"; "des
            // dizaines de milliers": tens of thousands.
            if let Some(&v) = LEXICON.approximate.get(t.folded.as_str()) {
                let scale = toks
                    .get(i + 1)
                    .filter(|n| n.is("de") || n.is("d"))
                    .and(toks.get(i + 2))
                    .and_then(|m| {
                        LEXICON
                            .approximate
                            .get(m.folded.as_str())
                            .or(LEXICON.multipliers.get(m.folded.as_str()))
                    })
                    .filter(|&&m| m >= 1000.0);
                return Some(match scale {
                    Some(&m) => Read {
                        value: v * m,
                        end: i + 3,
                        approx: true,
                        words: true,
                    },
                    None => Read {
                        value: v,
                        end: i + 1,
                        approx: true,
                        words: true,
                    },
                });
            }
            read_words(toks, i)?
        }
        _ => return None,
    };
    // "2,5 millions", "une centaine", "un millier".
    if let Some(n) = toks.get(read.end) {
        if let Some(&m) = LEXICON
            .multipliers
            .get(n.folded.as_str())
            .filter(|_| n.is_word() && !read.words)
        {
            read.value *= m;
            read.end += 1;
        } else if let Some(&v) = LEXICON
            .approximate
            .get(n.folded.as_str())
            .filter(|_| n.is_word() && read.value == 1.0)
        {
            read.value = v;
            read.approx = true;
            read.end += 1;
            read.words = true;
        }
    }
    // Hundreds of digits (or a multiplier on them) overflow to infinity: no
    // count of anything, and no value JSON could carry.
    read.value.is_finite().then_some(read)
}

/// The qualifier phrase ending right before `i`, and where it starts.
fn qualifier_before(toks: &[Tok], i: usize) -> Option<(usize, String)> {
    for (words, q) in &LEXICON.qualifiers {
        let n = words.len();
        if n > i {
            continue;
        }
        if words.iter().enumerate().all(|(k, w)| {
            let t = &toks[i - n + k];
            t.is_wordlike() && t.folded == *w
        }) {
            return Some((i - n, q.clone()));
        }
    }
    None
}

fn qualifier_after(toks: &[Tok], i: usize) -> Option<(usize, String)> {
    for (words, q) in &LEXICON.qualifiers_after {
        if words.iter().enumerate().all(|(k, w)| {
            toks.get(i + k)
                .is_some_and(|t| t.is_wordlike() && t.folded == *w)
        }) {
            return Some((i + words.len(), q.clone()));
        }
    }
    None
}

/// What is counted: the content words after the number ("soldats",
/// "petites ouvertures", "membres d'équipage"), after "de" for large and
/// approximate counts ("millions d'années", "centaine de personnes") and
/// partitives ("six de ses soldats").
fn unit_after(toks: &[Tok], mut k: usize) -> Option<(usize, usize)> {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    if is(k, "de") || is(k, "d") {
        k += 1;
        if is(k, "ses")
            || is(k, "ces")
            || is(k, "leurs")
            || is(k, "nos")
            || is(k, "des")
            || is(k, "les")
            || is(k, "ces")
        {
            k += 1;
        }
    }
    if toks.get(k).is_some_and(|t| t.is_punct('%')) {
        // "59% des Français": the whole the percentage is of.
        if (is(k + 1, "des") || is(k + 1, "du") || is(k + 1, "de") || is(k + 1, "d"))
            && toks
                .get(k + 2)
                .is_some_and(|n| n.is_word() && !is_stopword(&n.folded))
        {
            return Some((k, k + 3));
        }
        return Some((k, k + 1));
    }
    let start = k;
    let mut end = k;
    while let Some(t) = toks.get(k) {
        let content = is_unit_word(t) && !(t.cap && k > start);
        if !content || k - start >= 3 {
            break;
        }
        k += 1;
        end = k;
        // "membres d'équipage", "voitures de police", "coups de feu"
        if (is(k, "d") || is(k, "de"))
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_word() && !is_stopword(&n.folded) && !n.cap)
            && k - start < 3
        {
            k += 1;
        }
    }
    (end > start).then_some((start, end))
}

/// A word that can name what is counted: not a grammatical word, a month,
/// a verb, an ordinal suffix or an hour.
fn is_unit_word(t: &Tok) -> bool {
    if !t.is_word() || t.folded.len() <= 1 || is_stopword(&t.folded) {
        return false;
    }
    let w = t.folded.as_str();
    !(LEXICON.is("prepositions", w)
        || LEXICON.is("adverbs", w)
        || CALENDAR.month(w).is_some()
        || !LEXICON.verb_forms(&t.lower).is_empty()
        || matches!(w, "e" | "er" | "eme" | "h" | "heures" | "heure"))
}

/// The facts of one sentence: dates first, then counts outside them.
pub fn sentence_facts(doc: &Document, toks: &[Tok]) -> Vec<Fact> {
    let text = doc.text.as_str();
    let mut facts = Vec::new();
    let hits = find_in(toks, doc.date.as_deref().and_then(Reference::parse));
    let mut taken = vec![false; toks.len()];
    for h in &hits {
        for t in taken.iter_mut().take(h.end).skip(h.start) {
            *t = true;
        }
        facts.push(fact(
            doc,
            toks,
            h.start,
            h.end,
            FactKind::Date,
            FactValue::Date(h.when.to_string()),
            None,
            None,
        ));
    }
    let mut i = 0;
    while i < toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let Some(read) = read_number(toks, i) else {
            i += 1;
            continue;
        };
        // "Porsche 911", "France 3", "Top 10": a number inside a name.
        if i > 0
            && toks[i].kind == Kind::Number
            && toks[i - 1].is_word()
            && toks[i - 1].cap
            && !toks[i - 1].initial
        {
            i = read.end;
            continue;
        }
        if (read.end..read.end + 1).any(|k| taken.get(k).copied().unwrap_or(false)) {
            i = read.end;
            continue;
        }
        // An article is not a count ("un accord", "l'une des"), nor is a lone year.
        let article = read.words && read.value == 1.0 && !read.approx;
        // A year: four digits written without a thousands separator, after
        // "en", "de", "depuis"… ("en 2016"), not "2.000 soldats".
        let raw = text.get(toks[i].start..toks[i].end).unwrap_or("");
        let year = toks[i].kind == Kind::Number
            && raw.len() == 4
            && (1800.0..=2100.0).contains(&read.value)
            && (i == 0
                || toks[i - 1].is_punct('(')
                || LEXICON.is("prepositions", &toks[i - 1].folded)
                || toks[i - 1].is("l")
                || toks[i - 1].is("fin")
                || toks[i - 1].is("debut")
                || toks[i - 1].is("annee"));
        let mut qualifier = if read.approx {
            "approx".to_owned()
        } else {
            "exact".to_owned()
        };
        let mut start = i;
        if let Some((s, q)) = qualifier_before(toks, i) {
            start = s;
            qualifier = q;
        }
        // "50 000 à 100 000 personnes", "de 18 à 25 ans": the unit follows the range.
        let mut unit_from = read.end;
        if toks
            .get(read.end)
            .is_some_and(|t| t.is("a") || t.is("et") || t.is_punct('-'))
            && let Some(second) = read_number(toks, read.end + 1)
            && (!second.words || read.words)
        {
            unit_from = second.end;
        }
        let unit = unit_after(toks, unit_from);
        // "100 000 selon les organisateurs": a figure with its source and no
        // noun, the thing counted being said elsewhere in the sentence.
        let attributed = toks.get(unit_from).is_some_and(|t| {
            t.is("selon") || (t.is("d") && toks.get(unit_from + 1).is_some_and(|n| n.is("apres")))
        });
        let Some((ua, ub)) =
            unit.or((attributed && !read.words && !year).then_some((unit_from, unit_from)))
        else {
            i = read.end;
            continue;
        };
        if article || (year && !toks[ua].is("ans")) {
            i = read.end;
            continue;
        }
        let mut end = ub.max(unit_from);
        if let Some((e, q)) = qualifier_after(toks, ub) {
            end = e;
            if qualifier == "exact" {
                qualifier = q;
            }
        }
        let unit_text = (ub > ua)
            .then(|| {
                text.get(toks[ua].start..toks[ub - 1].end)
                    .map(str::to_owned)
            })
            .flatten();
        facts.push(fact(
            doc,
            toks,
            start,
            end,
            FactKind::Number,
            FactValue::number(read.value),
            unit_text,
            Some(qualifier),
        ));
        // The second number of a range is not a count of its own.
        i = unit_from.max(i + 1);
    }
    facts.sort_by_key(|f| f.start);
    facts
}

#[allow(clippy::too_many_arguments)]
fn fact(
    doc: &Document,
    toks: &[Tok],
    a: usize,
    b: usize,
    kind: FactKind,
    value: FactValue,
    unit: Option<String>,
    qualifier: Option<String>,
) -> Fact {
    let start = toks[a].start;
    let end = toks[b - 1].end;
    Fact {
        doc: doc.id.clone(),
        kind,
        text: doc.text.get(start..end).unwrap_or("").to_owned(),
        value,
        unit,
        qualifier,
        start: start as u32,
        end: end as u32,
        char_start: doc.source_char_offset(start) as u32,
        char_end: doc.source_char_offset(end) as u32,
        statement: None,
    }
}
