//! What is article text and what is the page around it.
//!
//! Each paragraph of a document gets a kind (title, heading, body, caption,
//! dateline, boilerplate) from general signals, combined:
//!
//! - patterns of page furniture (`data/furniture_fr.txt`): credits ("- Avec
//!   AFP", "Source : Reuters"), bylines, "Lire aussi", calls to follow or
//!   subscribe, share widgets, adverts, copyright lines, publication stamps,
//!   editors' slugs ("dch/reb/shu"), cookie-consent vocabulary;
//! - captions and photo credits ("©", "Photo :", "(image d'illustration)",
//!   "NOM / AFP");
//! - lines repeated across the documents of the corpus;
//! - where a paragraph stands: page furniture gathers before and after the
//!   article. The leading and trailing *zones* are the runs of paragraphs at
//!   either end that are furniture, captions or short lines without sentence
//!   structure; there, weaker signals suffice (one consent phrase, a line
//!   repeated in three documents), and a short line next to furniture
//!   ("Raconter l'actualité", "OK") goes with it. Between the zones only
//!   strong signals remove anything, so headings and short paragraphs of the
//!   article stay whole.

use super::lexicon::key;
use super::prepare::Hint;
use super::signals::{
    Features, core_end, features, headline_like, is_attribution, is_menu, is_rubric,
    starts_list_item,
};
use super::{BlockKind, Reason};

/// A paragraph as the cleaner sees it.
pub struct Para<'a> {
    pub text: &'a str,
    pub hint: Hint,
    /// Documents of the corpus in which the same line occurs (this one
    /// included); 1 when unknown.
    pub repeated: u32,
}

/// How many documents must share a line for it to count as furniture.
#[derive(Clone, Copy, Debug)]
pub struct Repetition {
    /// In the leading and trailing zones.
    pub zone: u32,
    /// Between them (short lines only).
    pub inner: u32,
}

impl Repetition {
    pub fn for_corpus(documents: usize) -> Repetition {
        Repetition {
            zone: 3,
            inner: (documents as u32 / 200).max(3),
        }
    }
}

/// What the cleaner knows of the document besides its paragraphs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The title given outside the text (`.jsonl` field, HTML, front
    /// matter): a first paragraph equal to it is the title block.
    pub known_title: Option<&'a str>,
    /// The first paragraph may be a headline (plain text and Markdown files
    /// have no other place for one).
    pub headline_first: bool,
}

/// The kind of each paragraph, and why boilerplate was removed.
pub fn classify(paras: &[Para], rep: Repetition, ctx: Context) -> Vec<(BlockKind, Option<Reason>)> {
    let n = paras.len();
    let feats: Vec<Features> = paras.iter().map(features).collect();
    let mut out: Vec<(BlockKind, Option<Reason>)> = vec![(BlockKind::Body, None); n];
    let dateline = |i: usize| paras[i].hint == Hint::Dateline;
    let known_title_key = ctx.known_title.map(key);

    // The title: a first paragraph that is the known title, or reads as a
    // headline where the format has no other place for one.
    // (Only the opening of the page, furniture aside, can hold it.)
    let opening = |j: usize| {
        let f = &feats[j];
        f.reason.is_some() || f.caption || dateline(j) || f.short || f.consentish
    };
    let opening_end = (0..n).find(|&j| !opening(j)).map_or(n, |j| j + 1);
    // sentence_after[i]: an article sentence comes at or after paragraph i.
    let mut sentence_after = vec![false; n + 1];
    for i in (0..n).rev() {
        let g = &feats[i];
        sentence_after[i] =
            sentence_after[i + 1] || (g.sentence && g.reason.is_none() && !g.caption);
    }
    let title_at = (0..opening_end).find(|&i| {
        let f = &feats[i];
        if f.reason.is_some() || f.caption || dateline(i) || f.consent_words > 0 {
            return false;
        }
        if paras[i].hint == Hint::Title || known_title_key.as_deref() == Some(f.key.as_str()) {
            return true;
        }
        ctx.headline_first
            && headline_like(paras[i].text, f)
            && !is_menu(paras[i].text, f.words)
            && !is_rubric(paras[i].text, f.words)
            && sentence_after[i + 1]
    });

    // Zones: furniture, captions, datelines, short lines and consent text at
    // either end of the document.
    // A sentence repeated across the corpus needs more documents than a
    // short line: two wire stories may share a paragraph.
    let repeated = |i: usize| {
        let need = if feats[i].short { rep.zone } else { rep.inner };
        paras[i].repeated >= need
    };
    let in_zone = |i: usize| {
        let f = &feats[i];
        f.reason.is_some()
            || f.caption
            || dateline(i)
            || f.short
            || f.consentish
            || repeated(i)
            || Some(i) == title_at
    };
    let lead_end = (0..n).find(|&i| !in_zone(i)).unwrap_or(n);
    let trail_start = (0..n).rev().find(|&i| !in_zone(i)).map_or(0, |i| i + 1);
    let has_core = lead_end < n;
    let zone = |i: usize| has_core && (i < lead_end || i >= trail_start);

    for i in 0..n {
        let f = &feats[i];
        // A dateline is a dateline, however much it looks like a stamp.
        let mut reason = if dateline(i) { None } else { f.reason };
        if reason.is_none() && Some(i) != title_at && !dateline(i) {
            let repeated_here = (zone(i) && !f.caption && repeated(i))
                || (f.short && paras[i].repeated >= rep.inner);
            if repeated_here {
                reason = Some(Reason::Repeated);
            }
        }
        if let Some(r) = reason {
            out[i] = (BlockKind::Boilerplate, Some(r));
        }
    }

    // "À lire aussi" alone: the headlines under it point elsewhere.
    for i in 0..n {
        if !feats[i].bare_related {
            continue;
        }
        for j in i + 1..n.min(i + 9) {
            let g = &feats[j];
            if out[j].0 == BlockKind::Boilerplate {
                continue;
            }
            if !g.short || matches!(paras[j].hint, Hint::Heading | Hint::Title) || dateline(j) {
                break;
            }
            out[j] = (BlockKind::Boilerplate, Some(Reason::Related));
        }
    }

    // In the zones, a short line or consent text next to furniture is
    // furniture.
    let eligible = |i: usize, out: &[(BlockKind, Option<Reason>)]| {
        zone(i)
            && out[i].0 != BlockKind::Boilerplate
            && (feats[i].short || feats[i].consentish)
            && !feats[i].caption
            && !dateline(i)
            && Some(i) != title_at
            && !matches!(
                paras[i].hint,
                Hint::Heading | Hint::Title | Hint::ListItem | Hint::Quote
            )
            && !is_attribution(paras[i].text)
            && !starts_list_item(paras[i].text)
    };
    let chained = |i: usize| {
        let why = if feats[i].consentish {
            Reason::Consent
        } else {
            Reason::Furniture
        };
        (BlockKind::Boilerplate, Some(why))
    };
    for i in 1..n {
        if out[i - 1].0 == BlockKind::Boilerplate && eligible(i, &out) {
            out[i] = chained(i);
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if out[i + 1].0 == BlockKind::Boilerplate && eligible(i, &out) {
            out[i] = chained(i);
        }
    }

    // A rubric label or a menu where the furniture is (after the chain: a
    // list of names in capitals must not spread to its neighbours).
    for i in 0..n {
        let f = &feats[i];
        if zone(i)
            && out[i].0 != BlockKind::Boilerplate
            && !f.caption
            && !dateline(i)
            && Some(i) != title_at
            && (is_rubric(paras[i].text, f.words) || is_menu(paras[i].text, f.words))
        {
            out[i] = (BlockKind::Boilerplate, Some(Reason::Furniture));
        }
    }
    // Above the headline, short lines are the page's: a rubric, a kicker,
    // a breadcrumb.
    if let Some(t) = title_at {
        for i in 0..t {
            if out[i].0 != BlockKind::Boilerplate
                && feats[i].short
                && !feats[i].caption
                && !dateline(i)
            {
                out[i] = (BlockKind::Boilerplate, Some(Reason::Furniture));
            }
        }
    }
    // Between the zones, a short line with furniture on both sides
    // ("France Télévisions" between a byline and a photo credit).
    let non_article = |j: usize, out: &[(BlockKind, Option<Reason>)]| {
        out[j].0 == BlockKind::Boilerplate || feats[j].caption
    };
    for i in 1..n.saturating_sub(1) {
        if out[i].0 != BlockKind::Boilerplate
            && feats[i].short
            && feats[i].words <= 4
            && !feats[i].caption
            && !dateline(i)
            && Some(i) != title_at
            && paras[i].hint == Hint::None
            && non_article(i - 1, &out)
            && non_article(i + 1, &out)
        {
            out[i] = (BlockKind::Boilerplate, Some(Reason::Furniture));
        }
    }

    // What is left is the article.
    for i in 0..n {
        if out[i].0 == BlockKind::Boilerplate {
            continue;
        }
        let f = &feats[i];
        out[i].0 = if dateline(i) {
            BlockKind::Dateline
        } else if f.caption {
            BlockKind::Caption
        } else if Some(i) == title_at {
            BlockKind::Title
        } else if paras[i].hint == Hint::Heading
            || paras[i].hint == Hint::Title
            || f.words <= 12 && !core_end(paras[i].text).ends_with(['.', ',', ';', ':', '…']) && {
                // A heading introduces the text that follows it.
                let next =
                    (i + 1..n).find(|&j| out[j].0 != BlockKind::Boilerplate && !feats[j].caption);
                next.is_some_and(|j| feats[j].sentence && feats[j].words > f.words)
            }
        {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str], headline_first: bool) -> Vec<(BlockKind, Option<Reason>)> {
        let paras: Vec<Para> = lines
            .iter()
            .map(|t| Para {
                text: t,
                hint: Hint::None,
                repeated: 1,
            })
            .collect();
        classify(
            &paras,
            Repetition::for_corpus(1),
            Context {
                known_title: None,
                headline_first,
            },
        )
    }

    fn kinds(lines: &[&str]) -> Vec<BlockKind> {
        run(lines, true).into_iter().map(|k| k.0).collect()
    }

    const BODY1: &str =
        "Le ministère de la Défense a déclaré que la situation restait tendue dans la région.";
    const BODY2: &str =
        "Selon le communiqué, deux soldats ont été blessés lors des combats de la nuit dernière.";

    #[test]
    fn furniture_of_other_outlets() {
        use BlockKind::*;
        let page = [
            "Le gouvernement annonce un plan pour l'hôpital",
            "Par Jean Dupont",
            "Mis à jour le 12/03/2024 à 10h32",
            "Temps de lecture : 3 min",
            "Emmanuel Macron à l'Élysée, le 3 mars 2024. LUDOVIC MARIN / AFP",
            BODY1,
            "À lire également : Le budget de la santé en hausse",
            BODY2,
            "Publicité",
            "Le contexte",
            BODY1,
            "Abonnez-vous à notre newsletter",
            "Partager",
            "Facebook Twitter Email",
            "© Le Quotidien 2024 - Tous droits réservés",
        ];
        assert_eq!(
            kinds(&page),
            [
                Title,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Caption,
                Body,
                Boilerplate,
                Body,
                Boilerplate,
                Heading,
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn consent_banners_in_several_wordings() {
        use BlockKind::*;
        let page = [
            BODY1,
            BODY2,
            "Nous respectons votre vie privée",
            "Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site.",
            "Accepter",
            "Continuer sans accepter",
            "Ce site utilise des cookies pour améliorer votre expérience.",
            "OK",
        ];
        assert_eq!(
            kinds(&page),
            [
                Body,
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn article_text_about_cookies_and_sources_stays() {
        use BlockKind::*;
        let page = [
            BODY1,
            "La CNIL a infligé une amende à Google pour avoir déposé des cookies sans le consentement des internautes.",
            "Par ailleurs, le ministre a refusé d'accepter la proposition.",
            "Suivez les consignes des autorités, a martelé le préfet.",
            "« Suivez-moi ! », a lancé le candidat à ses partisans réunis à Lyon dimanche.",
            "Source de tensions, le dossier revient sur la table.",
            BODY2,
        ];
        assert_eq!(kinds(&page), [Body; 7]);
        let page = [
            BODY1,
            "Crédit Agricole : le bénéfice net de la banque a progressé de 12 % au premier trimestre.",
            "Crédit d'impôt : ce qui change pour les ménages en 2024",
            BODY2,
        ];
        assert_eq!(kinds(&page), [Body, Body, Heading, Body]);
        // An article that opens or ends on cookies is still an article.
        let page = [
            "Les éditeurs de sites internet ont reçu le soutien du rapporteur public dans un litige sur les cookies, ces traceurs qui pistent les internautes.",
            BODY1,
            "Les salles de sport doivent fermer leurs portes, mais le ministère consent à une exception.",
        ];
        assert_eq!(kinds(&page), [Body; 3]);
    }

    #[test]
    fn headings_stay_between_paragraphs() {
        use BlockKind::*;
        let page = [
            BODY1,
            "Le cessez-le-feu",
            BODY2,
            "Participation d'observateurs militaires russes?",
            BODY1,
        ];
        assert_eq!(kinds(&page), [Body, Heading, Body, Heading, Body]);
        // A body sentence is never a title.
        assert_eq!(kinds(&[BODY1, BODY2])[0], Body);
    }

    #[test]
    fn lists_at_the_end_of_an_article_stay() {
        let page = [
            BODY1,
            "Nationalités des passagers :",
            "Français (15)",
            "Égyptiens (30)",
            "Britanniques (1)",
        ];
        assert!(kinds(&page).iter().all(|k| *k != BlockKind::Boilerplate));
    }

    #[test]
    fn related_headlines_under_a_bare_marker_go() {
        use BlockKind::*;
        let page = [
            "Sur le même sujet",
            "Tour de France : Sagan remporte la 11e étape",
            "Tour de France : Dumoulin remporte le contre-la-montre",
            BODY1,
            BODY2,
        ];
        assert_eq!(
            kinds(&page),
            [Boilerplate, Boilerplate, Boilerplate, Body, Body]
        );
    }
}
