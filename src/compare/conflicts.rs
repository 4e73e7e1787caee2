//! Conflicts: passages of one frame about the same event that give
//! different values.
//!
//! Two passages speak of the same event when they share participants (the
//! countries and people they name) and their times agree, or when they stand
//! a few sentences apart in one article; what "same" needs depends on the
//! slot compared (see `same_event`). Passages about the same event are
//! grouped; a group whose values differ is a conflict, with each value a
//! position and each passage its evidence. Different times make a timeline,
//! not a conflict: a ceasefire respected on 14 November and violated on 11
//! December is not a contradiction.

use crate::text::fnv::{HashMap, HashSet};
use std::collections::BTreeMap;

use super::frames::{Count, FRAMES, Occurrence, Slot, Value};
use super::units::EntityKind;
use super::{Conflict, Corpus, Evidence, Position, SourceKind, doc_label};
use crate::text::dates::span::{self as dates, Span};
use crate::text::fold;

/// Passages further apart than this in one article need their own evidence
/// of being about the same event.
const NEAR_SENTENCES: usize = 3;
/// Two signing dates further apart than this are two signings.
const SAME_SIGNING_DAYS: i64 = 3;
/// An undated passage is taken to speak of its article's month, give or
/// take this.
const ARTICLE_TIME_DAYS: i64 = 31;
/// Groups larger than this are not one event but a chain of loose links.
const MAX_GROUP: usize = 12;

/// A frame occurrence with what the comparison needs to know of it.
struct Found<'c> {
    unit: usize,
    occ: &'c Occurrence,
    source_name: String,
    source_side: Option<String>,
    source_kind: SourceKind,
    /// The date the passage speaks of, and whether the passage itself (or the
    /// sentence before) says it, rather than the article's date.
    time: Option<(String, bool)>,
}

pub fn find(corpus: &Corpus<'_>) -> Vec<Conflict> {
    let mut found: Vec<Found<'_>> = Vec::new();
    for (u, occs) in corpus.frames.iter().enumerate() {
        for occ in occs {
            let (source, _) = corpus.source_at(u, occ.value_start);
            let own = corpus.own_time(u).map(|t| (t, true));
            let doc_date = corpus.documents[corpus.units[u].doc].date.clone();
            found.push(Found {
                unit: u,
                occ,
                source_name: fold(&source.name),
                source_side: source.side,
                source_kind: source.kind,
                time: own.or(doc_date.map(|d| (d, false))),
            });
        }
    }
    let mut conflicts = Vec::new();
    for frame in 0..FRAMES.len() {
        let members: Vec<usize> = (0..found.len())
            .filter(|&i| found[i].occ.frame == frame)
            .collect();
        for group in groups(corpus, &found, &members) {
            if let Some(c) = conflict(corpus, &found, &group) {
                conflicts.push(c);
            }
        }
    }
    conflicts.extend(mutual_accusations(corpus));
    for (i, c) in conflicts.iter_mut().enumerate() {
        c.id = format!("K{}", i + 1);
    }
    conflicts
}

/// Groups of occurrences (indices into `found`) about the same event.
fn groups(corpus: &Corpus<'_>, found: &[Found<'_>], members: &[usize]) -> Vec<Vec<usize>> {
    // Candidate pairs: within a document, or sharing a participant.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::default();
    for &m in members {
        let unit = &corpus.units[found[m].unit];
        by_key
            .entry(format!("doc:{}", unit.doc))
            .or_default()
            .push(m);
        for e in &unit.entities {
            by_key.entry(fold(&e.name)).or_default().push(m);
        }
    }
    let mut parent: HashMap<usize, usize> = members.iter().map(|&m| (m, m)).collect();
    fn root(parent: &mut HashMap<usize, usize>, mut x: usize) -> usize {
        while let Some(&p) = parent.get(&x) {
            if p == x {
                break;
            }
            let gp = parent.get(&p).copied().unwrap_or(p);
            parent.insert(x, gp);
            x = p;
        }
        x
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    for bucket in by_key.values() {
        // A participant named by hundreds of passages ("France") links too
        // loosely to pair them all.
        if bucket.len() > 200 {
            continue;
        }
        for (k, &a) in bucket.iter().enumerate() {
            for &b in &bucket[k + 1..] {
                let key = (a.min(b), a.max(b));
                if a == b || !seen.insert(key) {
                    continue;
                }
                if same_event(corpus, &found[a], &found[b]) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    if ra != rb {
                        parent.insert(ra, rb);
                    }
                }
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &m in members {
        let r = root(&mut parent, m);
        out.entry(r).or_default().push(m);
    }
    out.into_values()
        .filter(|g| g.len() >= 2 && g.len() <= MAX_GROUP)
        .collect()
}

/// Could two passages of one frame be about the same event?
fn same_event(corpus: &Corpus<'_>, a: &Found<'_>, b: &Found<'_>) -> bool {
    let (ua, ub) = (&corpus.units[a.unit], &corpus.units[b.unit]);
    let slot = FRAMES[a.occ.frame].slot;
    // One sentence can hold two sources' versions ("30 000 selon les
    // organisateurs, 12 000 selon la police"), one of them at least
    // attributed; two figures of one source, or of the narration, are two
    // figures ("après 56 morts en 2018, 76 l'année dernière").
    if a.unit == b.unit
        && (slot != Some(Slot::Number)
            || a.source_name == b.source_name
            || (a.source_kind == SourceKind::Outlet && b.source_kind == SourceKind::Outlet))
    {
        return false;
    }
    // A figure told at a moment of a moving story (a first toll, a live
    // report's hour) is a timeline, not a version; what may happen is no
    // version either.
    if slot == Some(Slot::Number) && (ua.evolving || ub.evolving) {
        return false;
    }
    if super::agreements::is_hypothetical(ua) || super::agreements::is_hypothetical(ub) {
        return false;
    }
    let same_doc = ua.doc == ub.doc;
    let near = same_doc && ua.index.abs_diff(ub.index) <= NEAR_SENTENCES;
    let shared_countries = {
        let ca: HashSet<&str> = ua.countries().collect();
        ub.countries()
            .filter(|c| ca.contains(c))
            .collect::<HashSet<_>>()
            .len()
    };
    let shared_people = {
        let pa: HashSet<&str> = ua
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        ub.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && pa.contains(e.name.as_str()))
            .count()
    };
    match slot {
        // The date is the thing compared: the same signing by the same
        // parties, reported a few days apart.
        Some(Slot::Date) => {
            let (Value::Date(da), Value::Date(db)) = (&a.occ.value, &b.occ.value) else {
                return false;
            };
            let (Some(sa), Some(sb)) = (Span::parse(da), Span::parse(db)) else {
                return false;
            };
            if !sa.is_day(da) || !sb.is_day(db) {
                return false;
            }
            sa.days_apart(&sb).is_some_and(|d| d <= SAME_SIGNING_DAYS)
                && shared_countries + shared_people >= 2
        }
        // Where it happened: the same meeting is the same day with the
        // same people.
        Some(Slot::Place) => {
            let dated_same_day = matches!((&a.time, &b.time),
                (Some((ta, true)), Some((tb, true))) if dates::overlap(ta, tb));
            (dated_same_day || (near && ua.index.abs_diff(ub.index) <= 1))
                && shared_countries + shared_people >= 1
        }
        // Who did it, how many: the same incident, told by different sources.
        Some(Slot::Actor) | Some(Slot::Number) => {
            let different_sources = a.source_name != b.source_name
                && (slot != Some(Slot::Actor) || a.source_side != b.source_side);
            if !different_sources || !times_agree(a, b, same_doc) || !places_agree(ua, ub) {
                return false;
            }
            if near {
                return true;
            }
            // Across articles: both dated, the same day, a party or a place
            // in common.
            let shared_places = {
                let pa: HashSet<String> = ua.places.iter().map(|p| fold(&p.name)).collect();
                ub.places
                    .iter()
                    .filter(|p| pa.contains(&fold(&p.name)))
                    .count()
            };
            matches!((&a.time, &b.time), (Some((_, true)), Some((_, true))))
                && shared_countries + shared_people + shared_places >= 1
        }
        None => false,
    }
}

/// Do two passages speak of the same place and year? Two that name places
/// (or countries), none in common, speak of two places ("200 manifestants
/// sur les Champs-Élysées" / "des dizaines … aux ronds-points de Meaux",
/// "80 morts au Bengale" / "26 décès au Bangladesh"); two that name years,
/// none in common, of two times ("la canicule de 2003" / "en 2006").
fn places_agree(a: &super::units::Unit, b: &super::units::Unit) -> bool {
    fn disjoint(x: HashSet<String>, y: HashSet<String>) -> bool {
        !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
    }
    let places = |u: &super::units::Unit| -> HashSet<String> {
        u.places
            .iter()
            .flat_map(|p| [Some(fold(&p.name)), p.country.as_deref().map(fold)])
            .flatten()
            .chain(u.countries().map(fold))
            .collect()
    };
    let years = |u: &super::units::Unit| -> HashSet<String> {
        u.words
            .iter()
            .filter(|w| {
                w.kind == crate::text::TokenKind::Number
                    && w.folded.len() == 4
                    && w.folded
                        .parse::<u32>()
                        .is_ok_and(|y| (1900..=2100).contains(&y))
            })
            .map(|w| w.folded.clone())
            .collect()
    };
    !disjoint(places(a), places(b)) && !disjoint(years(a), years(b))
}

/// Do two passages speak of the same time? Their own dates must overlap; an
/// undated passage speaks of its article's month.
fn times_agree(a: &Found<'_>, b: &Found<'_>, same_doc: bool) -> bool {
    match (&a.time, &b.time) {
        (Some((ta, true)), Some((tb, true))) => dates::overlap(ta, tb),
        (Some((ta, sa)), Some((tb, sb))) => {
            if !sa && !sb && same_doc {
                return true;
            }
            match (Span::parse(ta), Span::parse(tb)) {
                (Some(x), Some(y)) => x.days_apart(&y).is_none_or(|d| d <= ARTICLE_TIME_DAYS),
                _ => false,
            }
        }
        // No date at all: only passages of one article side by side.
        _ => same_doc,
    }
}

/// The normalised value of an occurrence, and how a reader says it.
fn value_key(v: &Value) -> (String, String) {
    match v {
        Value::Date(d) => (d.clone(), dates::label(d)),
        Value::Place { name, .. } => (fold(name), name.clone()),
        Value::Actor(country) => (fold(country), country.clone()),
        Value::Counts(counts) => {
            let mut parts: Vec<&Count> = counts.iter().collect();
            parts.sort_by(|a, b| a.what.cmp(&b.what).then(a.value.total_cmp(&b.value)));
            let key = parts
                .iter()
                .map(|c| format!("{}:{}", c.what, c.value))
                .collect::<Vec<_>>()
                .join(",");
            let label = counts
                .iter()
                .map(count_label)
                .collect::<Vec<_>>()
                .join(", ");
            (key, label)
        }
    }
}

fn count_label(c: &Count) -> String {
    let n = number_label(c.value);
    let qualifier = match c.qualifier.as_deref() {
        Some("approx") => "environ ",
        Some("more_than") => "plus de ",
        Some("less_than") => "moins de ",
        Some("at_most") => "au plus ",
        Some("at_least") => "au moins ",
        _ => "",
    };
    format!("{qualifier}{n} {}", c.what)
}

/// A number as French prints it: "13 500", "2,5".
pub fn number_label(value: f64) -> String {
    if value.fract() != 0.0 {
        return format!("{value}").replace('.', ",");
    }
    let digits = format!("{}", value.abs() as i64);
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Do two values contradict each other? Places do not when one is in the
/// other ("Bakou" and "Azerbaïdjan").
fn contradict(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (
            Value::Place {
                name: na,
                country: ca,
            },
            Value::Place {
                name: nb,
                country: cb,
            },
        ) => {
            let (na, nb) = (fold(na), fold(nb));
            na != nb
                && ca.as_deref().is_none_or(|c| fold(c) != nb)
                && cb.as_deref().is_none_or(|c| fold(c) != na)
        }
        // Counts contradict where they count the same thing differently;
        // counts of different things say so in a note, they do not conflict.
        (Value::Counts(ca), Value::Counts(cb)) => ca.iter().any(|x| {
            cb.iter()
                .any(|y| x.what == y.what && !counts_compatible(x, y))
        }),
        _ => value_key(a).0 != value_key(b).0,
    }
}

/// Can two counts of the same thing both be true? "au moins 34" and "34"
/// can; "des dizaines" (about 10, a round approximation) and "84" can.
fn counts_compatible(a: &Count, b: &Count) -> bool {
    let within = |c: &Count, v: f64| match c.qualifier.as_deref() {
        Some("more_than") | Some("at_least") => v >= c.value,
        Some("less_than") | Some("at_most") => v <= c.value,
        Some("approx") => {
            // "des dizaines", "des milliers": at least that many, no more said.
            let round = c.value >= 10.0 && (c.value.log10().fract()).abs() < 1e-9;
            if round {
                v >= c.value
            } else {
                (v - c.value).abs() <= c.value * 0.25
            }
        }
        _ => v == c.value,
    };
    within(a, b.value) || within(b, a.value)
}

fn conflict(corpus: &Corpus<'_>, found: &[Found<'_>], group: &[usize]) -> Option<Conflict> {
    let frame = &FRAMES[found[group[0]].occ.frame];
    let slot = frame.slot?;
    // Figures and blame conflict between sources: an article's own
    // figures beside a source's are usually of another scope (a region, a
    // day, the hospitals only). Dates and places of one event can conflict
    // in narration too.
    let counts_as_version = |f: &Found<'_>| {
        matches!(slot, Slot::Date | Slot::Place) || f.source_kind == SourceKind::Speaker
    };
    let any_contradiction = group.iter().enumerate().any(|(k, &a)| {
        group[k + 1..].iter().any(|&b| {
            counts_as_version(&found[a])
                && counts_as_version(&found[b])
                && contradict(&found[a].occ.value, &found[b].occ.value)
        })
    });
    if !any_contradiction {
        return None;
    }
    // Positions by value, in order of first appearance.
    let mut positions: Vec<Position> = Vec::new();
    let mut group = group.to_vec();
    group.sort_by_key(|&i| {
        (
            corpus.units[found[i].unit].doc,
            corpus.units[found[i].unit].index,
        )
    });
    for &i in &group {
        let f = &found[i];
        let (key, label) = value_key(&f.occ.value);
        let date = match &f.occ.value {
            Value::Date(d) => Some(d.clone()),
            _ => f.time.as_ref().filter(|t| t.1).map(|t| t.0.clone()),
        };
        let evidence = corpus.evidence(f.unit, f.occ.value_start, date);
        match positions.iter_mut().find(|p| p.value == key) {
            Some(p) => {
                if !p
                    .evidence
                    .iter()
                    .any(|e| e.doc == evidence.doc && e.start == evidence.start)
                {
                    p.evidence.push(evidence);
                }
            }
            None => positions.push(Position {
                value: key,
                label,
                evidence: vec![evidence],
            }),
        }
    }
    if positions.len() < 2 {
        return None;
    }
    let topic = topic(corpus, found, &group, &frame.topic, slot);
    let explanation = positions
        .iter()
        .map(|p| format!("{} ({})", p.label, who(&p.evidence)))
        .collect::<Vec<_>>()
        .join(" contre ");
    let note = (slot == Slot::Number)
        .then(|| counts_note(&positions))
        .flatten();
    Some(Conflict {
        id: String::new(),
        topic,
        slot,
        explanation,
        note,
        positions,
    })
}

/// "000; ministère arménien de la Défense, 002": who stands behind a position.
fn who(evidence: &[Evidence]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in evidence {
        let part = match e.source.kind {
            SourceKind::Speaker => format!("{}, {}", e.source.name, doc_label(&e.doc)),
            SourceKind::Outlet => doc_label(&e.doc),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(" ; ")
}

/// The question, named for a reader: the frame's topic, with the parties
/// and the date when the passages agree on them.
fn topic(
    corpus: &Corpus<'_>,
    found: &[Found<'_>],
    group: &[usize],
    base: &str,
    slot: Slot,
) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for &i in group {
        let unit = &corpus.units[found[i].unit];
        let mut named: HashSet<&str> = HashSet::default();
        for e in &unit.entities {
            if e.kind == EntityKind::Country {
                named.insert(e.name.as_str());
            }
        }
        for n in named {
            *counts.entry(n).or_default() += 1;
        }
    }
    let mut parties: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|c| c.1 * 2 >= group.len())
        .collect();
    parties.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let parties: Vec<&str> = parties.into_iter().take(4).map(|p| p.0).collect();
    let mut out = base.to_owned();
    if slot != Slot::Date {
        let days: HashSet<&str> = group
            .iter()
            .filter_map(|&i| found[i].time.as_ref().filter(|t| t.1).map(|t| t.0.as_str()))
            .collect();
        if days.len() == 1
            && let Some(day) = days.into_iter().next()
        {
            out.push_str(&format!(" ({})", dates::label(day)));
        }
    }
    if !parties.is_empty() {
        out.push_str(" — ");
        out.push_str(&parties.join(", "));
    }
    out
}

/// What each count counts, when they do not count the same things.
fn counts_note(positions: &[Position]) -> Option<String> {
    let whats: Vec<HashSet<&str>> = positions
        .iter()
        .map(|p| {
            p.value
                .split(',')
                .filter_map(|c| c.split(':').next())
                .collect()
        })
        .collect();
    let same = whats.windows(2).all(|w| w[0] == w[1]);
    if same {
        return None;
    }
    let parts: Vec<String> = positions
        .iter()
        .map(|p| format!("{} selon {}", p.label, who(&p.evidence)))
        .collect();
    Some(format!(
        "Les chiffres ne comptent pas forcément la même chose : {}.",
        parts.join(" ; ")
    ))
}

/// "Les deux pays se sont mutuellement accusés…": one passage, two sides
/// each blaming the other.
fn mutual_accusations(corpus: &Corpus<'_>) -> Vec<Conflict> {
    let mut out = Vec::new();
    for s in &corpus.claims.statements {
        let Some(acc) = s.accusation.as_ref().filter(|a| a.mutual) else {
            continue;
        };
        let parties: Vec<String> = s
            .side
            .as_deref()
            .unwrap_or(&acc.accuser)
            .split([',', '&'])
            .flat_map(|p| p.split(" et "))
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        if parties.len() != 2 {
            continue;
        }
        let Some(u) = corpus.units.iter().position(|u| {
            corpus.documents[u.doc].id == s.doc
                && u.start <= s.start as usize
                && (s.start as usize) < u.end
        }) else {
            continue;
        };
        let evidence = corpus.evidence(u, s.start as usize, corpus.time_of(u));
        let position = |accuser: &str, accused: &str| Position {
            value: format!("{} accuse {}", fold(accuser), fold(accused)),
            label: format!("{accuser} accuse {accused} {}", acc.accusation),
            evidence: vec![evidence.clone()],
        };
        out.push(Conflict {
            id: String::new(),
            topic: format!("accusations mutuelles — {}", parties.join(", ")),
            slot: Slot::Actor,
            explanation: format!(
                "{} et {} s'accusent mutuellement ({})",
                parties[0],
                parties[1],
                doc_label(&s.doc)
            ),
            note: Some("Un seul passage rapporte les deux accusations.".to_owned()),
            positions: vec![
                position(&parties[0], &parties[1]),
                position(&parties[1], &parties[0]),
            ],
        });
    }
    out
}
