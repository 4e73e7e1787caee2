//! Claim comparison: the seeds' reference conflicts, non-conflict and
//! agreements, and articles of our own that a comparison must read right
//! (crowd counts by two sources, tolls from two ministries, a meeting placed
//! in two cities; an evolving toll, counts in different cities and a truce at
//! two dates, which must not conflict).

use std::path::Path;

use recoupe::Explorer;
use recoupe::compare::{CompareInput, Comparisons, Conflict, Mark, Slot};

fn explorer(dir: &str) -> Explorer {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    Explorer::from_dir(&path).expect("corpus builds").0
}

/// The conflict with evidence in `doc` containing `text`, if any.
fn conflict_with<'c>(c: &'c Comparisons, doc: &str, text: &str) -> Vec<&'c Conflict> {
    c.conflicts
        .iter()
        .filter(|k| {
            k.positions
                .iter()
                .flat_map(|p| &p.evidence)
                .any(|e| e.doc.starts_with(doc) && e.text.contains(text))
        })
        .collect()
}

/// The positions' labels of a conflict, sorted.
fn labels(c: &Conflict) -> Vec<String> {
    let mut l: Vec<String> = c.positions.iter().map(|p| p.label.clone()).collect();
    l.sort();
    l
}

#[test]
fn seeds_reference_conflicts_are_found_with_their_positions() {
    let e = explorer("seeds");
    let c = e.comparisons().unwrap();

    // C1: the signing date, 10 November (000) against 9 November (002, 003, 004).
    let signing = conflict_with(c, "000", "ont signé le 10 novembre");
    assert_eq!(signing.len(), 1, "{:#?}", c.conflicts);
    let k = signing[0];
    assert_eq!(k.slot, Slot::Date);
    assert_eq!(labels(k), ["10 novembre 2020", "9 novembre 2020"]);
    let nine = k
        .positions
        .iter()
        .find(|p| p.value == "2020-11-09")
        .unwrap();
    let mut docs: Vec<&str> = nine.evidence.iter().map(|e| &e.doc[..3]).collect();
    docs.sort();
    assert_eq!(docs, ["002", "003", "004"]);
    assert!(
        k.explanation.contains("10 novembre 2020") && k.explanation.contains("9 novembre 2020")
    );

    // C2: who is responsible for Hadrout, each side blaming the other.
    let blame = conflict_with(c, "002", "ontattaqué les villages");
    assert_eq!(blame.len(), 1);
    assert_eq!(blame[0].slot, Slot::Actor);
    assert_eq!(labels(blame[0]), ["Arménie", "Azerbaïdjan"]);

    // C3: the Hadrout tolls, with a note on what each counts.
    let toll = conflict_with(c, "002", "six de ses soldats");
    assert_eq!(toll.len(), 1);
    assert_eq!(toll[0].slot, Slot::Number);
    assert!(toll[0].positions.iter().any(|p| p.label == "6 blessés"));
    assert!(
        toll[0]
            .positions
            .iter()
            .any(|p| p.label.contains("4 victimes"))
    );
    assert!(
        toll[0]
            .note
            .as_deref()
            .unwrap_or("")
            .contains("pas forcément la même chose")
    );

    // C4: the meeting place, Erevan or Bakou, inside one document.
    let place = conflict_with(c, "004", "rencontre à Erevan");
    assert_eq!(place.len(), 1);
    assert_eq!(place[0].slot, Slot::Place);
    assert_eq!(labels(place[0]), ["Bakou", "Erevan"]);
}

#[test]
fn seeds_ceasefire_kept_then_broken_is_a_timeline_not_a_conflict() {
    let e = explorer("seeds");
    let c = e.comparisons().unwrap();
    // N1: respected on 14 November (000), violated on 11 December (002) and
    // in March (003): never two of these in one conflict.
    let n1 = [
        ("000", "est respecté dans son intégralité"),
        ("002", "violation de la trêve a été constatée"),
        ("003", "ont violé l'accord trilatéral"),
    ];
    for k in &c.conflicts {
        let hits = n1
            .iter()
            .filter(|(doc, text)| {
                k.positions
                    .iter()
                    .flat_map(|p| &p.evidence)
                    .any(|e| e.doc.starts_with(doc) && e.text.contains(text))
            })
            .count();
        assert!(hits < 2, "N1 flagged as a conflict: {k:#?}");
    }
    // At most the four reference conflicts and the mutual accusation (C5).
    assert!(c.conflicts.len() <= 5, "{:#?}", c.conflicts);
    // The timeline orders by the date spoken of.
    let dates: Vec<&str> = c.timeline.iter().map(|t| t.date.as_str()).collect();
    let pos = |d: &str| dates.iter().position(|x| *x == d).unwrap();
    assert!(pos("1988-02") < pos("2020-11-14"));
    assert!(pos("2020-11-14") < pos("2020-12-11"));
}

#[test]
fn seeds_agreements_across_spellings() {
    let e = explorer("seeds");
    let c = e.comparisons().unwrap();
    let find = |needles: &[(&str, &str)]| {
        c.agreements.iter().any(|a| {
            needles.iter().all(|(doc, text)| {
                a.evidence
                    .iter()
                    .any(|ev| ev.doc.starts_with(doc) && ev.text.contains(text))
            })
        })
    };
    // A1: peacekeepers along the contact line and the Latchine/Latchin corridor.
    assert!(find(&[
        ("000", "corridor de Latchine"),
        ("002", "couloir de Latchin"),
        ("004", "couloir de Latchine"),
    ]));
    // A2: the prisoner exchange.
    assert!(find(&[
        ("000", "échange de prisonniers"),
        ("002", "échange de prisonniers"),
        ("004", "échanger des prisonniers"),
    ]));
    // A3: sectors passing under Azerbaijani control (Bakou = Azerbaïdjan).
    assert!(find(&[
        ("000", "contrôle de l'Azerbaïdjan"),
        ("002", "contrôle de Bakou")
    ]));
}

#[test]
fn compare_a_typed_claim_marks_who_agrees_and_who_contradicts() {
    let e = explorer("seeds");
    let cmp = e
        .compare(&CompareInput::Text(
            "l'accord a été signé le 10 novembre".into(),
        ))
        .unwrap();
    assert_eq!(cmp.question.slot, Some(Slot::Date));
    let marks: Vec<(String, Mark)> = cmp
        .columns
        .iter()
        .flat_map(|c| c.items.iter())
        .filter(|i| i.mark != Mark::Related)
        .map(|i| (i.evidence.doc[..3].to_owned(), i.mark))
        .collect();
    assert!(marks.contains(&("000".into(), Mark::Agrees)), "{marks:?}");
    for doc in ["002", "003", "004"] {
        assert!(
            marks.contains(&(doc.into(), Mark::Conflicts)),
            "{doc}: {marks:?}"
        );
    }
    assert!(cmp.explanation.contains("10 novembre 2020"));
    assert!(!cmp.conflicts.is_empty());

    // A topic: every passage naming it, whatever the spelling.
    let topic = e.compare(&CompareInput::Text("Latchine".into())).unwrap();
    let mut docs: Vec<&str> = topic
        .columns
        .iter()
        .flat_map(|c| c.items.iter().map(|i| &i.evidence.doc[..3]))
        .collect();
    docs.sort();
    docs.dedup();
    assert_eq!(docs, ["000", "002", "004"]);
}

#[test]
fn compare_from_a_conflict_or_a_statement() {
    let e = explorer("seeds");
    let c = e.comparisons().unwrap();
    let first = &c.conflicts[0];
    let cmp = e
        .compare(&CompareInput::Conflict {
            conflict: first.id.clone(),
        })
        .unwrap();
    assert_eq!(cmp.conflicts, vec![first.id.clone()]);
    assert!(cmp.columns.len() >= 2);

    let statement = e
        .claims()
        .unwrap()
        .statements
        .iter()
        .find(|s| s.content.contains("six de ses soldats"))
        .unwrap();
    let cmp = e
        .compare(&CompareInput::Statement {
            statement: statement.id.clone(),
        })
        .unwrap();
    assert!(
        cmp.columns
            .iter()
            .flat_map(|c| &c.items)
            .any(|i| i.mark == Mark::Conflicts && i.evidence.text.contains("quatre victimes")),
        "{cmp:#?}"
    );

    assert!(
        e.compare(&CompareInput::Conflict {
            conflict: "K999".into()
        })
        .is_err()
    );
    assert!(
        e.compare(&CompareInput::Statement {
            statement: "nope".into()
        })
        .is_err()
    );
    let empty = e.compare(&CompareInput::Text("   ".into())).unwrap();
    assert!(empty.columns.is_empty() && !empty.explanation.is_empty());
    let none = e
        .compare(&CompareInput::Text("xylophone quantique".into()))
        .unwrap();
    assert!(none.columns.is_empty());
}

#[test]
fn articles_of_our_own_conflict_where_a_reader_sees_a_conflict() {
    let e = explorer("tests/fixtures/compare");
    let c = e.comparisons().unwrap();

    // Crowd counts: the police against the organisers, in one sentence.
    let crowd = conflict_with(c, "01", "selon la police");
    assert_eq!(crowd.len(), 1, "{:#?}", c.conflicts);
    let values: Vec<&str> = crowd[0]
        .positions
        .iter()
        .map(|p| p.value.as_str())
        .collect();
    assert!(values.iter().any(|v| v.contains("81000")), "{values:?}");
    assert!(values.iter().any(|v| v.contains("700000")), "{values:?}");

    // One earthquake, two tolls from two sources in two articles.
    let quake = conflict_with(c, "02", "5 900 morts");
    assert_eq!(quake.len(), 1);
    assert!(
        quake[0]
            .positions
            .iter()
            .any(|p| p.evidence.iter().any(|e| e.doc.starts_with("03")))
    );

    // One summit, two cities.
    let summit = conflict_with(c, "06", "Genève");
    assert_eq!(summit.len(), 1);
    assert_eq!(labels(summit[0]), ["Genève", "Lausanne"]);

    // Not conflicts: a toll that rises through the day, counts in two
    // cities, a truce kept then broken.
    assert!(
        conflict_with(c, "04", "").is_empty(),
        "{:#?}",
        conflict_with(c, "04", "")
    );
    assert!(conflict_with(c, "05", "").is_empty());
    assert!(conflict_with(c, "08", "").is_empty());
    assert_eq!(c.conflicts.len(), 3, "{:#?}", c.conflicts);
}
