//! The extractor's rules on sentences of their own (not from the seeds): each
//! test states one way French news attributes words, and what must (or must
//! not) come out of it.

use recoupe::claims::{self, Claims, FactValue, StatementKind};
use recoupe::corpus::load::Format;
use recoupe::corpus::{RawDocument, build_documents};

fn extract_dated(text: &str, date: Option<&str>) -> Claims {
    let raw = RawDocument {
        id: "t".to_owned(),
        text: text.to_owned(),
        source_offset: 0,
        header_date: date.map(str::to_owned),
        field_date: None,
        field_title: None,
        format: Format::Text,
    };
    claims::extract(&build_documents(vec![raw]))
}

fn extract(text: &str) -> Claims {
    extract_dated(text, None)
}

/// (speaker, content) of every statement.
fn said(text: &str) -> Vec<(String, String)> {
    extract(text)
        .statements
        .into_iter()
        .map(|s| (s.speaker, s.content))
        .collect()
}

#[test]
fn que_clause_after_a_named_subject() {
    let got = said(
        "La ministre de la Santé, Agnès Martin, a déclaré jeudi que les hôpitaux manquaient de lits.",
    );
    assert_eq!(
        got,
        [(
            "Agnès Martin".to_owned(),
            "les hôpitaux manquaient de lits".to_owned()
        )]
    );
}

#[test]
fn incise_with_pronoun_continues_the_speaker() {
    let c = extract(
        "Le maire de Lyon, Paul Girard, a confirmé la fermeture du pont. « Les travaux dureront six mois », a-t-il ajouté.",
    );
    assert_eq!(c.statements.len(), 2);
    assert_eq!(c.statements[1].speaker, "Paul Girard");
    assert_eq!(c.statements[1].content, "Les travaux dureront six mois");
    assert_eq!(c.statements[1].kind, StatementKind::Direct);
    assert_eq!(c.statements[1].speaker_mention, "il");
}

#[test]
fn inverted_subject_after_the_reported_words() {
    let got = said("Le bilan s'élève à douze morts, a indiqué la préfecture du Gard.");
    assert_eq!(
        got,
        [(
            "préfecture du Gard".to_owned(),
            "Le bilan s'élève à douze morts".to_owned()
        )]
    );
}

#[test]
fn according_to_markers_before_and_after() {
    let c = extract(
        "Selon la police, 3 000 personnes ont défilé. Les organisateurs ont compté 12 000 manifestants, d'après la CGT.",
    );
    let s = &c.statements;
    assert_eq!(s.len(), 2);
    assert_eq!(
        (s[0].speaker.as_str(), s[0].kind),
        ("police", StatementKind::AccordingTo)
    );
    assert_eq!(s[0].content, "3 000 personnes ont défilé");
    assert_eq!(s[1].speaker, "CGT");
    assert_eq!(
        s[1].content,
        "Les organisateurs ont compté 12 000 manifestants"
    );
}

#[test]
fn a_function_renames_the_last_speaker() {
    let c = extract(
        "Un accord est possible, a estimé Maria Lopez devant la presse. « Nous attendons une réponse », poursuit la ministre espagnole du Commerce.",
    );
    assert_eq!(c.statements.len(), 2);
    assert_eq!(c.statements[1].speaker, "Maria Lopez");
    assert_eq!(c.statements[1].side.as_deref(), Some("Espagne"));
}

#[test]
fn a_function_named_later_in_the_text() {
    let c = extract(
        "Son directeur a affirmé que l'usine resterait ouverte.\n\nLe directeur de l'usine, Marc Petit, est arrivé en 2019.",
    );
    assert_eq!(c.statements[0].speaker, "Marc Petit");
}

#[test]
fn negation_and_pronoun_subject() {
    let c = extract(
        "Le ministre Jean Dubois a parlé aux élus. Il n'exclut pas que le projet soit abandonné.",
    );
    let s = c
        .statements
        .iter()
        .find(|s| s.cue.contains("exclut"))
        .expect("a statement");
    assert_eq!(s.speaker, "Jean Dubois");
    assert_eq!(s.content, "le projet soit abandonné");
}

#[test]
fn a_quotation_alone_continues_the_last_speaker() {
    let c = extract(
        "L'entraîneur Luc Morel a regretté la défaite.\n\n« Nous avons manqué de lucidité en fin de match. »",
    );
    assert_eq!(c.statements.len(), 2);
    assert_eq!(c.statements[1].speaker, "Luc Morel");
    assert_eq!(c.statements[1].kind, StatementKind::Direct);
}

#[test]
fn capitals_stand_for_countries_and_seats_for_themselves() {
    let c = extract("Ankara dénonce une provocation. Le Kremlin a démenti toute implication.");
    let speakers: Vec<_> = c.statements.iter().map(|s| s.speaker.as_str()).collect();
    assert_eq!(speakers, ["Turquie", "Kremlin"]);
    assert_eq!(c.statements[1].side.as_deref(), Some("Russie"));
}

#[test]
fn straight_and_curly_quotation_marks() {
    let got = said(
        "\"Nous ne céderons pas\", a lancé le syndicaliste Pierre Roy. “La grève continue”, a ajouté la syndicaliste Anne Roux.",
    );
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0],
        ("Pierre Roy".to_owned(), "Nous ne céderons pas".to_owned())
    );
    assert_eq!(
        got[1],
        ("Anne Roux".to_owned(), "La grève continue".to_owned())
    );
}

#[test]
fn accusations_name_the_accused() {
    let c = extract("Le président serbe a accusé le Kosovo de préparer une attaque.");
    let a = c.statements[0].accusation.as_ref().expect("an accusation");
    assert_eq!(a.accused.as_deref(), Some("Kosovo"));
    assert!(a.accusation.starts_with("de préparer"));
    assert_eq!(c.statements[0].side.as_deref(), Some("Serbie"));
}

#[test]
fn what_is_not_a_statement() {
    for text in [
        "Le gouverneur a déclaré l'état d'urgence dans le comté.",
        "Les prix ont augmenté selon les règles du marché.",
        "Le film « Les Misérables » sort mercredi.",
        "Il faut ajouter à cela le blocage des dépôts.",
        "La route a été coupée pendant deux heures.",
    ] {
        assert!(
            said(text).is_empty(),
            "no statement in {text:?}: {:?}",
            said(text)
        );
    }
}

#[test]
fn offsets_point_at_the_content_in_the_text() {
    let text = "Selon l'agence, « le vol a été annulé ».";
    let c = extract(text);
    let s = &c.statements[0];
    assert_eq!(&text[s.start as usize..s.end as usize], s.content);
    assert_eq!(s.content, "le vol a été annulé");
}

#[test]
fn counts_with_unit_and_qualifier() {
    let c = extract(
        "Près de 1.500 policiers et plus d'une centaine de gendarmes sont mobilisés, ainsi que vingt-deux pompiers et 2,5 millions d'euros.",
    );
    let facts: Vec<_> = c
        .facts
        .iter()
        .map(|f| (f.value.clone(), f.qualifier.clone().unwrap_or_default()))
        .collect();
    assert!(
        facts.contains(&(FactValue::Integer(1500), "approx".to_owned())),
        "{facts:?}"
    );
    assert!(
        facts.contains(&(FactValue::Integer(100), "more_than".to_owned())),
        "{facts:?}"
    );
    assert!(
        facts.contains(&(FactValue::Integer(22), "exact".to_owned())),
        "{facts:?}"
    );
    assert!(
        facts.contains(&(FactValue::Integer(2_500_000), "exact".to_owned())),
        "{facts:?}"
    );
}

#[test]
fn dates_against_the_document_date() {
    let c = extract_dated(
        "Le 3 janvier, puis entre le 24 et le 26 décembre, et mardi dernier.",
        Some("2021-01-08"),
    );
    let dates: Vec<_> = c.facts.iter().map(|f| f.value.clone()).collect();
    assert!(
        dates.contains(&FactValue::Date("2021-01-03".to_owned())),
        "{dates:?}"
    );
    assert!(
        dates.contains(&FactValue::Date("2020-12-24/2020-12-26".to_owned())),
        "{dates:?}"
    );
    assert!(
        dates.contains(&FactValue::Date("2021-01-05".to_owned())),
        "{dates:?}"
    );
    let undated = extract("Le 3 janvier, une réunion.");
    assert_eq!(
        undated.facts[0].value,
        FactValue::Date("XXXX-01-03".to_owned())
    );
}

#[test]
fn hostile_text_neither_panics_nor_hangs() {
    let long_sentence = "« a, ".repeat(5000);
    for text in [
        "",
        "«",
        "»»»",
        "a-t-il",
        "selon",
        "Selon , , ,",
        "\"\"\"\"",
        "M. . . .",
        "Le 99 février 3000.",
        "999999999999999999999999 soldats",
        long_sentence.as_str(),
        "a déclaré que « « « « «",
    ] {
        let _ = extract(text);
    }
}

#[test]
fn a_date_in_the_next_sentence_is_not_the_statements() {
    // The date right after the quotation opens another sentence: it dates the
    // next event, not the words. In the same sentence, it dates them.
    let c = extract_dated(
        "« Nous ne céderons pas », a affirmé le maire, Paul Girard. Le 2 mars 2020, la mairie a fermé.",
        Some("2020-03-05"),
    );
    assert_eq!(c.statements.len(), 1, "{:?}", c.statements);
    assert_eq!(c.statements[0].date, None);
    let c = extract_dated(
        "« Nous ne céderons pas », a affirmé le maire, Paul Girard, le 2 mars 2020.",
        Some("2020-03-05"),
    );
    assert_eq!(c.statements[0].date.as_deref(), Some("2020-03-02"));
}
