//! What the page's result view asks of the core: facet counts over every
//! match (not just the page shown), facet filters, and the statements
//! inside each hit, over the seed corpus.

use std::collections::HashSet;
use std::path::Path;

use recoupe::Explorer;
use recoupe::search::{FacetValue, SearchOptions, SearchResults};

fn seeds() -> Explorer {
    Explorer::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .expect("the seed corpus loads")
        .0
}

fn faceted(explorer: &Explorer, q: &str, options: SearchOptions) -> SearchResults {
    explorer.search(
        q,
        &SearchOptions {
            facets: true,
            statements: 3,
            ..options
        },
    )
}

fn all_ids(explorer: &Explorer, q: &str, options: &SearchOptions) -> HashSet<String> {
    explorer
        .search(
            q,
            &SearchOptions {
                per_page: 100,
                snippets: false,
                ..options.clone()
            },
        )
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn facets_count_every_match_whatever_the_page() {
    let explorer = seeds();
    let first = faceted(
        &explorer,
        "Karabakh",
        SearchOptions {
            per_page: 2,
            ..SearchOptions::default()
        },
    );
    let third = faceted(
        &explorer,
        "Karabakh",
        SearchOptions {
            per_page: 2,
            page: 3,
            ..SearchOptions::default()
        },
    );
    let facets = first.facets.clone().expect("facets asked for");
    assert_eq!(
        Some(facets.clone()),
        third.facets,
        "facets depend on the page"
    );
    assert_eq!(first.total, 5);
    // The months hold every dated document once (one seed has no date).
    let counted: usize = facets.dates.iter().map(|f| f.count).sum();
    let dated = explorer
        .documents()
        .iter()
        .filter(|d| d.date.is_some())
        .count();
    assert_eq!(counted, dated, "{:?}", facets.dates);
    assert!(dated >= 4);
    let months: Vec<&str> = facets.dates.iter().map(|f| f.value.as_str()).collect();
    let mut sorted = months.clone();
    sorted.sort_unstable();
    assert_eq!(months, sorted, "months in date order");
    // A speaker counts the documents quoting them, at most the matches.
    assert!(!facets.speakers.is_empty());
    for f in facets.speakers.iter().chain(&facets.sides) {
        assert!(f.count >= 1 && f.count <= 5, "{f:?}");
        assert!(!f.selected);
    }
    let claims = explorer.claims().expect("claims");
    for f in &facets.speakers {
        let id: u32 = f.value.parse().expect("speakers are filtered by id");
        let speaker = &claims.speakers[id as usize];
        assert_eq!(speaker.name, f.label);
        assert_eq!(f.count, speaker.documents.len(), "{f:?}");
    }
    // Without asking, no facets are counted.
    let plain = explorer.search("Karabakh", &SearchOptions::default());
    assert!(plain.facets.is_none());
}

#[test]
fn a_speaker_filter_keeps_the_documents_quoting_them() {
    let explorer = seeds();
    let everything = faceted(&explorer, "cessez-le-feu", SearchOptions::default());
    let speaker: &FacetValue = everything
        .facets
        .as_ref()
        .and_then(|f| f.speakers.iter().find(|s| s.count < everything.total))
        .expect("a speaker quoted in some of the matches only");
    let options = SearchOptions {
        speakers: Some(vec![speaker.value.clone()]),
        ..SearchOptions::default()
    };
    let filtered = faceted(&explorer, "cessez-le-feu", options.clone());
    assert_eq!(filtered.total, speaker.count);
    let id: u32 = speaker.value.parse().expect("an id");
    let quoting: HashSet<&str> = explorer.claims().expect("claims").speakers[id as usize]
        .documents
        .iter()
        .map(String::as_str)
        .collect();
    for doc in all_ids(&explorer, "cessez-le-feu", &options) {
        assert!(
            quoting.contains(doc.as_str()),
            "{doc} does not quote {speaker:?}"
        );
    }
    let facets = filtered.facets.expect("facets");
    let shown = facets
        .speakers
        .iter()
        .find(|f| f.value == speaker.value)
        .expect("the selected speaker is listed");
    assert!(shown.selected);
    // Each hit lists the selected speaker's statements, even without the query's words.
    for hit in &filtered.hits {
        assert!(
            hit.statements.iter().any(|s| s.speaker_id == id),
            "{}: {:?}",
            hit.id,
            hit.statements
        );
    }
}

#[test]
fn months_and_years_filter_by_publication_date() {
    let explorer = seeds();
    let december = SearchOptions {
        months: Some(vec!["2020-12".into()]),
        ..SearchOptions::default()
    };
    assert_eq!(
        all_ids(&explorer, "Karabakh", &december),
        HashSet::from(["002_8ed4da36b7d67b1b.txt".to_owned()])
    );
    let dated: HashSet<&str> = explorer
        .documents()
        .iter()
        .filter(|d| d.date.is_some())
        .map(|d| d.id.as_str())
        .collect();
    let all: HashSet<String> = all_ids(&explorer, "Karabakh", &SearchOptions::default())
        .into_iter()
        .filter(|id| dated.contains(id.as_str()))
        .collect();
    let years: HashSet<String> = ["2020", "2021", "2022"].map(String::from).into();
    let by_year = all_ids(
        &explorer,
        "Karabakh",
        &SearchOptions {
            months: Some(years.into_iter().collect()),
            ..SearchOptions::default()
        },
    );
    assert_eq!(
        by_year, all,
        "a year holds every month of it; undated documents none"
    );
}

#[test]
fn hits_list_the_statements_where_the_query_occurs() {
    let explorer = seeds();
    let results = faceted(&explorer, "cessez-le-feu", SearchOptions::default());
    let claims = explorer.claims().expect("claims");
    let mut listed = 0;
    for hit in &results.hits {
        let of_doc: Vec<_> = claims
            .statements
            .iter()
            .filter(|s| s.doc == hit.id)
            .collect();
        assert_eq!(hit.statement_count, of_doc.len(), "{}", hit.id);
        assert!(hit.statements.len() <= 3);
        let starts: Vec<u32> = hit.statements.iter().map(|s| s.start).collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        assert_eq!(starts, sorted, "reading order");
        for s in &hit.statements {
            let original = of_doc
                .iter()
                .find(|o| o.id == s.id)
                .expect("a statement of the hit's document");
            assert_eq!((s.start, s.end), (original.start, original.end));
            assert!(s.text.iter().any(|span| span.mark), "{s:?}");
            let shown: String = s.text.iter().map(|span| span.text.as_str()).collect();
            let words = shown.trim_matches(|c| c == '…' || c == ' ');
            assert!(original.content.contains(words), "{shown:?}");
            listed += 1;
        }
    }
    assert!(listed >= 3, "statements mention the ceasefire in the seeds");

    // A query naming a source lists what that source says.
    let lavrov = faceted(&explorer, "Lavrov", SearchOptions::default());
    let said: Vec<&str> = lavrov
        .hits
        .iter()
        .flat_map(|h| &h.statements)
        .map(|s| s.speaker.as_str())
        .collect();
    assert!(
        !said.is_empty() && said.iter().all(|s| s.contains("Lavrov")),
        "{said:?}"
    );

    // A plain search (the command line's) does not read the claims.
    let plain = explorer.search("cessez-le-feu", &SearchOptions::default());
    assert!(
        plain
            .hits
            .iter()
            .all(|h| h.statements.is_empty() && h.statement_count == 0)
    );
}

#[test]
fn strange_facet_filters_narrow_to_nothing_without_failing() {
    let explorer = seeds();
    for values in [
        vec![],
        vec![String::new()],
        vec!["999999".into()],
        vec!["-1".into(), "é\u{0}".into()],
    ] {
        let results = faceted(
            &explorer,
            "Karabakh",
            SearchOptions {
                speakers: Some(values.clone()),
                sides: Some(values.clone()),
                months: Some(values.clone()),
                outlets: Some(values.clone()),
                ..SearchOptions::default()
            },
        );
        assert_eq!(results.total, 0, "{values:?}");
        let facets = results.facets.expect("facets");
        // What was asked for stays listed (to be unticked), counted zero.
        for f in facets.dates.iter().chain(&facets.outlets) {
            assert!(f.selected && f.count == 0, "{f:?}");
        }
    }
}

#[test]
fn untitled_documents_are_named_by_their_opening_words() {
    let explorer = seeds();
    let results = explorer.search("Karabakh", &SearchOptions::default());
    let mut untitled = 0;
    for hit in &results.hits {
        let view = explorer.view(&hit.id).expect("a document");
        assert_eq!(hit.lead, view.lead);
        match (&hit.title, &hit.lead) {
            (Some(_), None) => {}
            (None, Some(lead)) => {
                untitled += 1;
                let chars = lead.chars().count();
                assert!(
                    chars > 10 && chars <= recoupe::corpus::LEAD_CHARS + 1,
                    "{lead:?}"
                );
                let opening = lead.trim_end_matches('…');
                let body = &view
                    .blocks
                    .iter()
                    .find(|b| b.kind == recoupe::corpus::BlockKind::Body)
                    .expect("a body")
                    .text;
                assert!(body.starts_with(opening), "{lead:?}");
                assert!(!opening.ends_with(' '));
            }
            other => panic!("{}: title and lead {other:?}", hit.id),
        }
    }
    assert!(untitled >= 1, "some seeds have no title");
}

#[test]
fn blocks_tell_where_spaces_were_lost() {
    let explorer = seeds();
    // "ont attaqué" is written "ontattaqué" in this seed.
    let view = explorer.view("002_8ed4da36b7d67b1b.txt").expect("the seed");
    let mut restored = Vec::new();
    for block in &view.blocks {
        let mut text = block.text.clone();
        for &at in block.spaces.iter().rev() {
            assert!(text.is_char_boundary(at as usize));
            text.insert(at as usize, ' ');
        }
        restored.push(text);
    }
    let all = restored.join("\n");
    assert!(all.contains("ont attaqué"), "{all}");
}
