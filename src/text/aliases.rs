//! Spelling variants of names in the French press (`data/aliases_fr.txt`):
//! "Latchine" / "Latchin", "Haut-Karabakh" / "Nagorno-Karabakh". One table
//! for every reader: the query widens a name to its other spellings, the
//! comparison reads two spellings as one name.

use crate::text::fnv::HashMap;
use std::sync::LazyLock;

use super::{analyze, data_lines};

pub struct Spellings {
    /// Each group's spellings as written in the table.
    pub groups: Vec<Vec<String>>,
    /// Each group's spellings as index terms (stop words dropped).
    terms: Vec<Vec<Vec<String>>>,
    /// A spelling's terms → its group.
    by_terms: HashMap<Vec<String>, usize>,
    /// Most terms in one spelling.
    longest: usize,
}

pub static SPELLINGS: LazyLock<Spellings> = LazyLock::new(|| {
    let mut s = Spellings {
        groups: Vec::new(),
        terms: Vec::new(),
        by_terms: HashMap::default(),
        longest: 1,
    };
    for line in data_lines(crate::data_file!(include_str!("../../data/aliases_fr.txt"))) {
        let spellings: Vec<String> = line
            .split('|')
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if spellings.len() < 2 {
            continue;
        }
        let id = s.groups.len();
        let mut group_terms = Vec::new();
        for spelling in &spellings {
            let terms: Vec<String> = analyze(spelling)
                .into_iter()
                .filter_map(|a| a.term)
                .collect();
            if terms.is_empty() {
                continue;
            }
            s.longest = s.longest.max(terms.len());
            s.by_terms.entry(terms.clone()).or_insert(id);
            group_terms.push(terms);
        }
        s.groups.push(spellings);
        s.terms.push(group_terms);
    }
    s
});

impl Spellings {
    /// The group a spelling (as its terms) belongs to.
    pub fn group_of(&self, terms: &[String]) -> Option<usize> {
        self.by_terms.get(terms).copied()
    }
}

/// Rewrites, in a sequence of words, every spelling of a known name to the
/// first spelling of its group with as many terms ("latchin" → "latchine",
/// "nagorno karabakh" → "haut karabakh"), so that two texts naming the same
/// place differently share its terms. `term` gives a word's term, if any.
pub fn unify_terms<T>(items: &mut [T], mut term: impl FnMut(&mut T) -> Option<&mut String>) {
    let table = &*SPELLINGS;
    // Positions of the words that have a term.
    let mut with_term: Vec<usize> = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        if term(item).is_some() {
            with_term.push(i);
        }
    }
    let mut k = 0;
    while k < with_term.len() {
        let mut advanced = false;
        for n in (1..=table.longest.min(with_term.len() - k)).rev() {
            let key: Vec<String> = with_term[k..k + n]
                .iter()
                .filter_map(|&i| term(&mut items[i]).map(|t| t.clone()))
                .collect();
            let Some(group) = table.group_of(&key) else {
                continue;
            };
            if let Some(canonical) = table.terms[group].iter().find(|t| t.len() == n) {
                for (j, &i) in with_term[k..k + n].iter().enumerate() {
                    if let Some(t) = term(&mut items[i]) {
                        t.clone_from(&canonical[j]);
                    }
                }
            }
            k += n;
            advanced = true;
            break;
        }
        if !advanced {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unified(text: &str) -> Vec<String> {
        let mut terms: Vec<Option<String>> = analyze(text).into_iter().map(|a| a.term).collect();
        unify_terms(&mut terms, |t| t.as_mut());
        terms.into_iter().flatten().collect()
    }

    #[test]
    fn spellings_of_one_name_share_their_terms() {
        assert_eq!(
            unified("le couloir de Latchin"),
            unified("le couloir de Latchine")
        );
        assert_eq!(unified("au Nagorno-Karabakh"), unified("au Haut-Karabakh"));
        assert_eq!(unified("Erevan et Yerevan"), unified("Erevan et Erevan"));
        assert_eq!(unified("la paix"), vec![crate::text::stem("paix")]);
    }
}
