//! Agreements: the same fact stated by several documents, whatever their
//! words or spellings ("des soldats de la paix russes sont déployés le long
//! de la ligne de contact et du corridor de Latchine" / "le déploiement d'un
//! contingent russe de maintien de la paix le long de la ligne de contact et
//! dans le couloir de Latchin").
//!
//! Two sentences of different documents agree where they share a run of
//! content words close together in both (a local alignment over the words'
//! match keys: stems, spellings made one, countries however named,
//! synonyms): three words or more, or two adjacent words that are not
//! everywhere in the corpus ("échange de prisonniers"). Hypothetical
//! sentences ("devraient être déployés") corroborate nothing, and passages
//! that take different sides of a conflict do not agree.

use crate::text::fnv::{HashMap, HashSet};

use super::units::Unit;
use super::{Agreement, Conflict, Corpus, Evidence};
use crate::text::dates::span::{self as dates, Span as Span2};

/// A word in more documents than this share is too common to pair sentences on.
const MAX_PAIRING_SHARE: f64 = 0.5;
/// Sentences sharing more candidate pairs than this are not compared
/// (boilerplate-like repetition across a large corpus).
const MAX_CANDIDATES_PER_UNIT: usize = 200;
/// Undated passages of articles further apart than this in time report
/// different news, however alike their words ("condamné à … ans de prison").
const SAME_NEWS_DAYS: i64 = 7;
/// At most this many agreements are kept (the strongest).
const MAX_AGREEMENTS: usize = 2000;

/// A span of words in a unit that matches a span in another document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Span {
    unit: usize,
    first: usize,
    last: usize,
}

pub fn find(corpus: &Corpus<'_>, conflicts: &[Conflict]) -> Vec<Agreement> {
    let n_docs = corpus.documents.len().max(1);
    // Document frequency of each match key.
    let mut df: HashMap<&str, usize> = HashMap::default();
    let mut keys_of_doc: Vec<HashSet<&str>> = vec![HashSet::default(); corpus.documents.len()];
    for u in &corpus.units {
        for w in &u.words {
            if let Some(k) = w.key.as_deref() {
                keys_of_doc[u.doc].insert(k);
            }
        }
    }
    for keys in &keys_of_doc {
        for k in keys {
            *df.entry(k).or_default() += 1;
        }
    }
    let opposed = opposed_units(corpus, conflicts);
    let hypothetical: Vec<bool> = corpus.units.iter().map(is_hypothetical).collect();

    // Candidate pairs: units of different documents sharing a key that is
    // not in most documents.
    let pairing_limit = ((n_docs as f64 * MAX_PAIRING_SHARE).ceil() as usize).max(2);
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, u) in corpus.units.iter().enumerate() {
        if hypothetical[i] {
            continue;
        }
        let mut keys: Vec<&str> = u.words.iter().filter_map(|w| w.key.as_deref()).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            if df.get(k).copied().unwrap_or(0) <= pairing_limit || n_docs <= 8 {
                postings.entry(k).or_default().push(i);
            }
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for list in postings.values() {
        if list.len() > MAX_CANDIDATES_PER_UNIT {
            continue;
        }
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if corpus.units[a].doc != corpus.units[b].doc {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
    }

    // Aligned spans, linked across documents.
    let mut links: Vec<(Span, Span, usize)> = Vec::new();
    for (&(a, b), &count) in &shared {
        if count < 2 || opposed.contains(&(a.min(b), a.max(b))) || !times_agree(corpus, a, b) {
            continue;
        }
        let (ua, ub) = (&corpus.units[a], &corpus.units[b]);
        for (sa, sb, _) in align(ua, ub) {
            if let Some(strength) = states_a_fact(ua, sa, ub, sb) {
                links.push((
                    Span {
                        unit: a,
                        first: sa.0,
                        last: sa.1,
                    },
                    Span {
                        unit: b,
                        first: sb.0,
                        last: sb.1,
                    },
                    strength,
                ));
            }
        }
    }
    group(corpus, links)
}

/// Is a link between two aligned spans a shared fact? Names (countries,
/// people) say who, not what: the words that count are the others. Five of
/// them shared make a fact; three if one names an event ("déploiement");
/// two if one is an event and either a name is shared too ("passage …
/// sous le contrôle de l'Azerbaïdjan") or the two stand side by side
/// ("échange de prisonniers"). Set phrases ("soldats de la paix",
/// "contingent de maintien de la paix") and names alone are not facts.
fn states_a_fact(a: &Unit, sa: (usize, usize), b: &Unit, sb: (usize, usize)) -> Option<usize> {
    let lexicon = &*super::lexicon::COMPARISON;
    let keys = |u: &Unit, s: (usize, usize)| -> HashSet<String> {
        u.words[s.0..=s.1]
            .iter()
            .filter(|w| !w.hyphen_joined)
            .filter_map(|w| w.key.clone())
            .collect()
    };
    let shared: Vec<String> = keys(a, sa).intersection(&keys(b, sb)).cloned().collect();
    // Alike words with different specifics are different facts: other
    // numbers ("trois ans" / "25 ans de prison"), other people (the white
    // jersey worn by Yates / by Alaphilippe).
    let specifics = |u: &Unit, s: (usize, usize), person: bool| -> HashSet<String> {
        u.words[s.0..=s.1]
            .iter()
            .filter_map(|w| w.key.as_deref())
            .filter(|k| {
                k.starts_with("personne:") == person && (person || k.starts_with("nombre:"))
            })
            .map(str::to_owned)
            .collect()
    };
    for person in [true, false] {
        let (x, y) = (specifics(a, sa, person), specifics(b, sb, person));
        if !x.is_empty() && !y.is_empty() && x.is_disjoint(&y) {
            return None;
        }
    }
    // Two sentences about different people are about different facts,
    // whatever words they share ("allé chercher le titre olympique").
    fn people(u: &Unit) -> HashSet<&str> {
        u.entities
            .iter()
            .filter(|e| e.kind == super::units::EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect()
    }
    let (pa, pb) = (people(a), people(b));
    if !pa.is_empty() && !pb.is_empty() && pa.is_disjoint(&pb) {
        return None;
    }
    let is_name =
        |k: &str| k.starts_with("pays:") || k.starts_with("personne:") || k.starts_with("nombre:");
    let names = shared.iter().filter(|k| is_name(k)).count();
    let content = shared.len() - names;
    let events = shared.iter().filter(|k| lexicon.is_event(k)).count();
    // Two words side by side ("échange de prisonniers") are a fact only
    // when the sentences around them speak of the same things too.
    let context = {
        fn all(u: &Unit) -> HashSet<&str> {
            u.words.iter().filter_map(|w| w.key.as_deref()).collect()
        }
        all(a)
            .intersection(&all(b))
            .count()
            .saturating_sub(shared.len())
    };
    let side_by_side = sa.1 - sa.0 <= 3 && sb.1 - sb.0 <= 3 && context >= 2;
    let ok = content >= 5
        || (content >= 3 && events >= 1)
        || (content == 2 && events >= 1 && (names >= 1 || side_by_side));
    ok.then_some(shared.len())
}

/// Two passages can state the same fact only if they speak of the same
/// time: their own dates overlap, or an undated one's article is near the
/// other's date.
fn times_agree(corpus: &Corpus<'_>, a: usize, b: usize) -> bool {
    let time = |u: usize| {
        corpus.own_time(u).map(|t| (t, true)).or_else(|| {
            corpus.documents[corpus.units[u].doc]
                .date
                .clone()
                .map(|d| (d, false))
        })
    };
    match (time(a), time(b)) {
        (Some((ta, true)), Some((tb, true))) => dates::overlap(&ta, &tb),
        (Some((ta, _)), Some((tb, _))) => match (Span2::parse(&ta), Span2::parse(&tb)) {
            (Some(x), Some(y)) => x.days_apart(&y).is_none_or(|d| d <= SAME_NEWS_DAYS),
            _ => true,
        },
        _ => true,
    }
}

pub(super) fn is_hypothetical(u: &Unit) -> bool {
    u.words
        .iter()
        .any(|w| super::lexicon::COMPARISON.hypothetical.contains(&w.folded))
}

/// Pairs of units that stand on different sides of a conflict.
fn opposed_units(corpus: &Corpus<'_>, conflicts: &[Conflict]) -> HashSet<(usize, usize)> {
    let unit_of = |e: &Evidence| {
        corpus
            .units
            .iter()
            .position(|u| corpus.documents[u.doc].id == e.doc && u.start == e.start as usize)
    };
    let mut out = HashSet::default();
    for c in conflicts {
        let sides: Vec<Vec<usize>> = c
            .positions
            .iter()
            .map(|p| p.evidence.iter().filter_map(unit_of).collect())
            .collect();
        for (i, a) in sides.iter().enumerate() {
            for b in &sides[i + 1..] {
                for &x in a {
                    for &y in b {
                        out.insert((x.min(y), x.max(y)));
                    }
                }
            }
        }
    }
    out
}

/// Words that start a new clause: a chain of matches does not run across
/// them ("… sous le contrôle de l'Azerbaïdjan | et les parties procèdent à
/// un échange …" states two facts).
const CLAUSE_STARTS: &[&str] = &["tandis", "ainsi", "alors", "mais", "puis", "lorsque", "car"];
const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "ce", "ces", "cette", "il", "elle", "ils", "elles",
];

/// Is there a clause boundary between words `from` and `to` (a pause
/// before one of the words after `from`, up to `to`)?
fn clause_break(u: &Unit, from: usize, to: usize) -> bool {
    let (from, to) = (from.min(to), from.max(to));
    let mut k = from + 1;
    while k <= to {
        let w = &u.words[k];
        if w.pause_before
            || CLAUSE_STARTS.contains(&w.folded.as_str())
            || (w.folded == "et"
                && u.words
                    .get(k + 1)
                    .is_some_and(|n| DETERMINERS.contains(&n.folded.as_str())))
        {
            return true;
        }
        k += 1;
    }
    false
}

/// Word spans in two sentences that match, and how many distinct keys they share.
type Alignment = ((usize, usize), (usize, usize), usize);

/// Local alignments of two sentences: chains of shared keys, each match
/// within a few words of the chain's last in both sentences and in the same
/// clause; as word spans with the number of distinct keys.
fn align(a: &Unit, b: &Unit) -> Vec<Alignment> {
    const GAP: usize = 10;
    let mut in_b: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, w) in b.words.iter().enumerate() {
        if let Some(k) = w.key.as_deref() {
            in_b.entry(k).or_default().push(j);
        }
    }
    // Matches (i in a, j in b), in order of i.
    let mut matches: Vec<(usize, usize, &str)> = Vec::new();
    for (i, w) in a.words.iter().enumerate() {
        let Some(k) = w.key.as_deref() else { continue };
        if let Some(js) = in_b.get(k) {
            for &j in js {
                matches.push((i, j, k));
            }
        }
    }
    // Chains: (last i, last j, span in a, span in b, keys).
    type Chain<'k> = (
        usize,
        usize,
        (usize, usize),
        (usize, usize),
        HashSet<&'k str>,
    );
    let mut chains: Vec<Chain<'_>> = Vec::new();
    for &(i, j, k) in &matches {
        let best = chains
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                i > c.0
                    && i - c.0 <= GAP
                    && j.abs_diff(c.1) <= GAP
                    && j != c.1
                    && !clause_break(a, c.0, i)
                    && !clause_break(b, c.1, j)
            })
            .min_by_key(|(_, c)| (i - c.0) + j.abs_diff(c.1))
            .map(|(n, _)| n);
        match best {
            Some(n) => {
                let c = &mut chains[n];
                c.0 = i;
                c.1 = j;
                c.2 = (c.2.0.min(i), c.2.1.max(i));
                c.3 = (c.3.0.min(j), c.3.1.max(j));
                c.4.insert(k);
            }
            None => chains.push((i, j, (i, i), (j, j), HashSet::from_iter([k]))),
        }
    }
    chains
        .into_iter()
        .filter(|c| c.4.len() >= 2)
        .map(|c| (c.2, c.3, c.4.len()))
        .collect()
}

/// Gathers linked spans into agreements, strongest links first: a link
/// joins the agreement one of its spans already belongs to (overlapping it
/// in the same sentence), one passage a document, and never merges two
/// agreements (a chain of loose links is not one fact).
fn group(corpus: &Corpus<'_>, mut links: Vec<(Span, Span, usize)>) -> Vec<Agreement> {
    links.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then(a.0.unit.cmp(&b.0.unit))
            .then(a.0.first.cmp(&b.0.first))
            .then(a.1.unit.cmp(&b.1.unit))
    });
    let mut groups: Vec<(usize, Vec<Span>)> = Vec::new();
    let find = |groups: &Vec<(usize, Vec<Span>)>, s: Span| {
        groups.iter().position(|g| {
            g.1.iter()
                .any(|t| t.unit == s.unit && t.first <= s.last && s.first <= t.last)
        })
    };
    for (a, b, strength) in links {
        let doc_of = |s: Span| corpus.units[s.unit].doc;
        match (find(&groups, a), find(&groups, b)) {
            (None, None) => groups.push((strength, vec![a, b])),
            (Some(g), None) | (None, Some(g)) => {
                let (known, new) = if find(&groups, a).is_some() {
                    (a, b)
                } else {
                    (b, a)
                };
                let group = &mut groups[g];
                if group.1.iter().any(|t| doc_of(*t) == doc_of(new)) {
                    continue;
                }
                if let Some(t) = group.1.iter_mut().find(|t| t.unit == known.unit) {
                    t.first = t.first.min(known.first);
                    t.last = t.last.max(known.last);
                }
                group.0 += strength;
                group.1.push(new);
            }
            (Some(_), Some(_)) => {}
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.0));
    groups.truncate(MAX_AGREEMENTS);
    let mut out: Vec<Agreement> = groups
        .into_iter()
        .map(|(_, spans)| {
            let mut evidence: Vec<Evidence> = spans
                .iter()
                .map(|s| span_evidence(corpus, s.unit, s.first, s.last))
                .collect();
            evidence.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.start.cmp(&b.start)));
            let topic = evidence
                .iter()
                .map(|e| e.text.as_str())
                .min_by_key(|t| t.chars().count())
                .unwrap_or("")
                .to_owned();
            Agreement {
                id: String::new(),
                topic,
                evidence,
            }
        })
        .collect();
    // Reading order: by the first document and place each names.
    out.sort_by(|a, b| {
        a.evidence[0]
            .doc
            .cmp(&b.evidence[0].doc)
            .then(a.evidence[0].start.cmp(&b.evidence[0].start))
    });
    for (i, a) in out.iter_mut().enumerate() {
        a.id = format!("A{}", i + 1);
    }
    out
}

/// The words `first..=last` of unit `u` as evidence (the passage as
/// written, from the first to the last matched word).
fn span_evidence(corpus: &Corpus<'_>, u: usize, first: usize, last: usize) -> Evidence {
    let unit = &corpus.units[u];
    let doc = &corpus.documents[unit.doc];
    let start = unit.words[first].start;
    let end = unit.words[last].end;
    let mut e = corpus.evidence(u, start, corpus.time_of(u));
    e.text = doc.text.get(start..end).unwrap_or("").to_owned();
    e.start = start as u32;
    e.end = end as u32;
    e
}
