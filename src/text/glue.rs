//! Words glued together by a lost space ("informeun", "ontattaqué",
//! "auHaut-Karabakh", "déploiementd’un", "Situationdansl’Hadrout"): scraped
//! pages lose the space at a line or tag boundary, and the glued run is a
//! word nobody types.
//!
//! The rule is general, not a list of artefacts: a token is cut where the
//! cut leaves words the corpus (or a reference vocabulary of French news)
//! knows, and every cut touches a function word ("un", "dans", "ont", "à",
//! an elided "d’") or a lower→upper case change ("surTelegram"). A run of
//! two content words with no such mark ("autoproclamée", "portefeuille") is
//! never cut: French builds real words that way.
//!
//! The decision needs the whole corpus (how often a form occurs), so it is
//! made once, when the corpus is built: [`Vocabulary::split_points`] gives
//! the byte offsets where a space was lost, and
//! [`super::tokenize_split`] reads the text with those spaces restored.

use crate::text::fnv::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex, OnceLock};

use super::fold::{CharClass, classify};
use super::tokenize::{TokenKind, for_each_token, is_elision};
use super::{data_lines, fold, lower, stem};

/// A token occurring more often than this in the corpus is a word of the
/// corpus, even if no dictionary has it.
const MAX_GLUED_COUNT: u32 = 3;
/// Content pieces shorter than this are too ambiguous to cut out.
const MIN_CONTENT_CHARS: usize = 4;
/// A function word opening a run must be this long: two letters open too
/// many real words ("il|limité", "en|rayer").
const MIN_LEADING_CHARS: usize = 3;
/// A capitalised run is cut only after a common word this long: names end
/// in function words ("Jack|son", "New|ton", "Mar|ta").
const MIN_CAPITALIZED_HEAD_CHARS: usize = 4;
const MIN_CAPITALIZED_TAIL_CHARS: usize = 4;
/// Longer tokens are not examined (a URL, a hash): bounds the work.
const MAX_TOKEN_CHARS: usize = 48;
/// At most this many pieces come out of one glued token.
const MAX_PIECES: usize = 4;

/// Common French word forms (lower case, accents kept) from French
/// Wikinews: a word found here is a real word even in a five-document corpus.
static LEXICON_WRITTEN: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(crate::data_file!(include_str!("../../data/lexicon_fr.txt")))
        .map(|w| lower(&w))
        .collect()
});

/// The same forms folded, for matching against folded tokens.
static LEXICON: LazyLock<HashSet<String>> =
    LazyLock::new(|| LEXICON_WRITTEN.iter().map(|w| fold(w)).collect());

static LEXICON_STEMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| LEXICON.iter().map(|w| stem(w)).collect());

/// A function word that begins or ends more than this share of the
/// reference vocabulary's longer words is not cut off that end of a run:
/// "es" ends thousands of words ("stoppées"), "dans" ends none.
const MAX_AMBIGUITY: f64 = 0.001;

/// Function words that may be cut off a glued run, as written (lower case,
/// accents kept: "de" is one, "dé" of "défaire" is not).
static FUNCTION_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words: Vec<String> = data_lines(crate::data_file!(include_str!(
        "../../data/stopwords_fr.txt"
    )))
    .map(|w| lower(&w))
    // One letter is too ambiguous ("a" ends many words), except "à",
    // whose accent makes it unmistakable.
    .filter(|w| w.chars().count() >= 2 || w == "à")
    .collect();
    words.sort();
    words.dedup();
    words
});

/// How many longer forms of a vocabulary each function word begins and
/// ends (by its place in `FUNCTION_WORDS`): how ambiguous a cut there is.
#[derive(Clone)]
struct FunctionWordEnds {
    /// Forms counted.
    forms: usize,
    /// (forms it begins, forms it ends), of at least two more letters.
    counts: Vec<(usize, usize)>,
}

impl FunctionWordEnds {
    fn of<'a>(forms: impl Iterator<Item = &'a str>) -> FunctionWordEnds {
        let mut ends = FunctionWordEnds {
            forms: 0,
            counts: vec![(0, 0); FUNCTION_WORDS.len()],
        };
        ends.add(forms);
        ends
    }

    fn add<'a>(&mut self, forms: impl Iterator<Item = &'a str>) {
        let words: Vec<(&str, usize)> = FUNCTION_WORDS
            .iter()
            .map(|w| (w.as_str(), w.chars().count()))
            .collect();
        for form in forms {
            self.forms += 1;
            let len = form.chars().count();
            for (count, &(w, n)) in self.counts.iter_mut().zip(&words) {
                if len >= n + 2 {
                    count.0 += usize::from(form.starts_with(w));
                    count.1 += usize::from(form.ends_with(w));
                }
            }
        }
    }

    /// The ends function word `i` (of `n` letters) may be cut from.
    fn role(&self, i: usize, n: usize) -> FunctionRole {
        let (starting, ending) = self.counts.get(i).copied().unwrap_or_default();
        let limit = (self.forms as f64 * MAX_AMBIGUITY).max(1.0) as usize;
        FunctionRole {
            leads: starting <= limit && n >= MIN_LEADING_CHARS,
            trails: ending <= limit,
        }
    }
}

/// The reference vocabulary's counts, folded and as written.
static LEXICON_ENDS: LazyLock<FunctionWordEnds> =
    LazyLock::new(|| FunctionWordEnds::of(LEXICON.iter().map(String::as_str)));
static WRITTEN_ENDS: LazyLock<FunctionWordEnds> =
    LazyLock::new(|| FunctionWordEnds::of(LEXICON_WRITTEN.iter().map(String::as_str)));

/// The longest function word, in chars: bounds the search for them.
static LONGEST_FUNCTION_WORD: LazyLock<usize> = LazyLock::new(|| {
    FUNCTION_WORDS
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
});

/// How often each word form occurs in a corpus, counted in a first pass over
/// its text before anything is indexed. Add every text before asking where
/// to cut: what is derived from the counts is computed once, on first use.
#[derive(Default, Debug)]
pub struct Vocabulary {
    /// Folded form → (occurrences, occurrences written in lower case).
    forms: HashMap<String, (u32, u32)>,
    stems: OnceLock<HashMap<String, u32>>,
    roles: OnceLock<HashMap<String, FunctionRole>>,
    /// Cuts already decided, by token as written: a corpus repeats its
    /// rare words too.
    decided: Mutex<HashMap<String, Vec<usize>>>,
}

impl Clone for Vocabulary {
    fn clone(&self) -> Vocabulary {
        Vocabulary {
            forms: self.forms.clone(),
            stems: self.stems.clone(),
            roles: self.roles.clone(),
            decided: Mutex::new(HashMap::default()),
        }
    }
}

/// What a piece of a glued token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Piece {
    Function(FunctionRole),
    Content,
    /// An elided form closing the run before an apostrophe ("d" of "d’un").
    Elision,
}

/// Which ends of a glued run a function word may be cut from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
struct FunctionRole {
    /// May open a run before a content word ("ont|attaqué").
    leads: bool,
    /// May close a run after a content word ("informe|un").
    trails: bool,
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// Counts the words of one text.
    pub fn add_text(&mut self, text: &str) {
        for_each_token(text, &[], |token| {
            if token.kind != TokenKind::Word {
                return;
            }
            let lower = u32::from(
                text.get(token.start..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_lowercase),
            );
            match self.forms.get_mut(token.folded) {
                Some(entry) => {
                    entry.0 += 1;
                    entry.1 += lower;
                }
                None => {
                    self.forms.insert(token.folded.to_owned(), (1, lower));
                }
            }
        });
    }

    /// Counts the words of every text.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::new();
        for text in texts {
            vocabulary.add_text(text);
        }
        vocabulary
    }

    /// Occurrences of each stem, summed over its forms.
    fn stems(&self) -> &HashMap<String, u32> {
        self.stems.get_or_init(|| {
            let mut stems: HashMap<String, u32> = HashMap::default();
            for (form, &(n, _)) in &self.forms {
                *stems.entry(stem(form)).or_default() += n;
            }
            stems
        })
    }

    /// Which end of a run each function word may be cut from. A function
    /// word that begins or ends many longer words of the reference
    /// vocabulary and of the corpus is a common word ending or beginning
    /// ("es" of "stoppées", "leur" of "couleur"), not a lost word.
    fn roles(&self) -> &HashMap<String, FunctionRole> {
        self.roles.get_or_init(|| {
            // Accents decide for "à", "été": those are measured on the
            // reference vocabulary as written; the others on folded forms
            // of both vocabularies (forms seen once may be glued runs). The
            // reference vocabulary's counts are the same for every corpus:
            // counted once, the corpus's own forms added to them.
            let mut folded = LEXICON_ENDS.clone();
            folded.add(
                self.forms
                    .iter()
                    .filter(|(f, n)| n.0 > 1 && !LEXICON.contains(f.as_str()))
                    .map(|(f, _)| f.as_str()),
            );
            FUNCTION_WORDS
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let ends = if fold(w) == *w {
                        &folded
                    } else {
                        &WRITTEN_ENDS
                    };
                    (w.clone(), ends.role(i, w.chars().count()))
                })
                .collect()
        })
    }

    /// Occurrences of a folded word form in the corpus.
    pub fn count(&self, folded: &str) -> u32 {
        self.forms.get(folded).map_or(0, |n| n.0)
    }

    /// A real word: in the reference vocabulary, frequent in the corpus, or
    /// sharing its stem with other forms of the corpus ("ensembles" when
    /// "ensemble" occurs).
    fn is_established(&self, folded: &str) -> bool {
        if LEXICON.contains(folded) {
            return true;
        }
        let own = self.count(folded);
        if own > MAX_GLUED_COUNT {
            return true;
        }
        let s = stem(folded);
        LEXICON_STEMS.contains(&s) || self.stems().get(&s).is_some_and(|&n| n > own)
    }

    /// A content piece a reader would recognise: a word of the reference
    /// vocabulary, or one the corpus uses more than once, exactly as written
    /// (a stem would also "know" fragments: "camil" of "Camille"). Inside
    /// a run written in lower case it must be a lower-case word: "jong"
    /// (of Kim Jong-un) does not make "jongleur" two words.
    fn is_known_content(&self, folded: &str, as_name: bool) -> bool {
        LEXICON.contains(folded)
            || self
                .forms
                .get(folded)
                .is_some_and(|&(n, lower)| if as_name { n > 1 } else { lower > 1 })
    }

    /// Byte offsets in `text` where a space was lost between two words,
    /// sorted. Feed them to [`super::tokenize_split`].
    pub fn split_points(&self, text: &str) -> Vec<u32> {
        let mut points = Vec::new();
        for_each_token(text, &[], |token| {
            if token.kind != TokenKind::Word {
                return;
            }
            let Some(written) = text.get(token.start..token.end) else {
                return;
            };
            // Most tokens are common words written without a case change.
            let case_change = written
                .chars()
                .zip(written.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
            if !case_change
                && (LEXICON.contains(token.folded) || self.count(token.folded) > MAX_GLUED_COUNT)
            {
                return;
            }
            let known = self
                .decided
                .lock()
                .ok()
                .and_then(|d| d.get(written).cloned());
            let cuts = known.unwrap_or_else(|| {
                let cuts = self.cuts(written, token.folded);
                if let Ok(mut d) = self.decided.lock() {
                    d.insert(written.to_owned(), cuts.clone());
                }
                cuts
            });
            points.extend(
                cuts.iter()
                    .filter_map(|&c| u32::try_from(token.start + c).ok()),
            );
        });
        points
    }

    /// Where to cut one token (byte offsets within `written`), or nothing.
    fn cuts(&self, written: &str, folded: &str) -> Vec<usize> {
        let chars: Vec<(usize, char)> = written.char_indices().collect();
        if chars.len() > MAX_TOKEN_CHARS || !chars.iter().any(|c| c.1.is_lowercase()) {
            return Vec::new(); // too long to be a word, or written in capitals
        }
        // "déploiementd’un": the run before an apostrophe may end with an
        // elided form; what follows the apostrophe is a word of its own.
        let apostrophe = chars
            .iter()
            .position(|c| classify(c.1) == CharClass::Apostrophe);
        let head = &chars[..apostrophe.unwrap_or(chars.len())];
        let camel: Vec<usize> = (1..head.len())
            .filter(|&k| head[k - 1].1.is_lowercase() && head[k].1.is_uppercase())
            .collect();
        // Cheap checks first: most tokens are common words.
        let established = self.is_established(folded);
        if established && camel.is_empty() {
            return Vec::new();
        }
        let Some(segmenter) = Segmenter::new(self, head, camel, apostrophe.is_some(), established)
        else {
            return Vec::new();
        };
        let Some(starts) = segmenter.best() else {
            return Vec::new();
        };
        starts[1..].iter().map(|&k| chars[k].0).collect()
    }
}

/// The search for the cheapest way to cut one run of letters into pieces.
struct Segmenter<'a> {
    vocabulary: &'a Vocabulary,
    chars: &'a [(usize, char)],
    /// Char positions where a lower-case letter meets an upper-case one.
    camel: Vec<usize>,
    /// Function-word pieces, as (start, end) char positions.
    function: Vec<(usize, usize, FunctionRole)>,
    /// Where a closing elided form starts ("d" of "déploiementd’"), if any.
    elision: Option<usize>,
    /// Positions a piece may start or end at, sorted.
    bounds: Vec<usize>,
    capitalized: bool,
    /// The whole token is itself a word of the corpus: only a case change
    /// after a function word cuts it (repeated "surTelegram" page furniture,
    /// but not "YouTube").
    established: bool,
    /// Content pieces already looked up.
    known: std::cell::RefCell<HashMap<(usize, usize), bool>>,
}

impl<'a> Segmenter<'a> {
    /// Nothing to search when no function word, elision or case change
    /// offers a place to cut.
    fn new(
        vocabulary: &'a Vocabulary,
        chars: &'a [(usize, char)],
        camel: Vec<usize>,
        ends_at_apostrophe: bool,
        established: bool,
    ) -> Option<Segmenter<'a>> {
        let n = chars.len();
        let lower: Vec<char> = chars
            .iter()
            .map(|c| c.1.to_lowercase().next().unwrap_or(c.1))
            .collect();
        let mut function = Vec::new();
        for i in 0..n {
            let mut piece = String::new();
            for j in i + 1..=(i + *LONGEST_FUNCTION_WORD).min(n) {
                piece.push(lower[j - 1]);
                if let Some(&role) = vocabulary.roles().get(&piece) {
                    function.push((i, j, role));
                }
            }
        }
        let elision = if ends_at_apostrophe {
            (1..n).rev().take(6).find(|&i| {
                let tail: String = lower[i..].iter().collect();
                is_elision(&fold(&tail))
            })
        } else {
            None
        };
        if function.is_empty() && elision.is_none() && camel.is_empty() {
            return None;
        }
        let mut bounds = vec![0, n];
        bounds.extend(camel.iter().copied());
        bounds.extend(function.iter().flat_map(|&(i, j, _)| [i, j]));
        bounds.extend(elision);
        bounds.sort_unstable();
        bounds.dedup();
        Some(Segmenter {
            vocabulary,
            chars,
            capitalized: chars.first().is_some_and(|c| c.1.is_uppercase()),
            camel,
            function,
            elision,
            bounds,
            established,
            known: std::cell::RefCell::new(HashMap::default()),
        })
    }

    fn is_content(&self, from: usize, to: usize) -> bool {
        // The whole token is judged by `established`, not as a piece.
        if to - from < MIN_CONTENT_CHARS || (from == 0 && to == self.chars.len()) {
            return false;
        }
        *self
            .known
            .borrow_mut()
            .entry((from, to))
            .or_insert_with(|| {
                let written: String = self.chars[from..to].iter().map(|c| c.1).collect();
                let folded = fold(&written);
                // A capitalised last piece after a case change in a word
                // written in lower case is a name the corpus may not know
                // yet ("surTelegram").
                let after_case_change = self.camel.contains(&from);
                self.vocabulary
                    .is_known_content(&folded, after_case_change || from == 0 && self.capitalized)
                    || !self.capitalized && to == self.chars.len() && self.camel.contains(&from)
            })
    }

    /// The kinds the piece `from..to` can be.
    fn kinds(&self, from: usize, to: usize) -> impl Iterator<Item = Piece> {
        let elision = self.elision == Some(from) && to == self.chars.len() && from > 0;
        let function = self
            .function
            .iter()
            .find(|f| f.0 == from && f.1 == to)
            .map(|f| f.2);
        let content = !elision && function.is_none() && self.is_content(from, to);
        [
            elision.then_some(Piece::Elision),
            function.map(Piece::Function),
            content.then_some(Piece::Content),
        ]
        .into_iter()
        .flatten()
    }

    /// Whether a piece may follow the one before it.
    fn allowed(&self, from: usize, to: usize, kind: Piece, prev: Option<Piece>) -> bool {
        let case_change = self.camel.contains(&from);
        let Some(prev) = prev else {
            if !self.capitalized {
                return true;
            }
            // "Dupont", "Lemaire", "LaREM": a capitalised word opening with
            // a function word is a name; "Jack|son", "Mar|ta" too, unless
            // the head is a common word ("Situation|dans|l’…").
            return kind == Piece::Content
                && to - from >= MIN_CAPITALIZED_HEAD_CHARS
                && (case_change || self.camel.contains(&to) || self.is_common(from, to));
        };
        if self.established {
            // A word of the corpus ("AstraZeneca", "PlayStation") is cut only
            // where the case changes after a function word ("surTelegram"
            // in repeated page furniture).
            return case_change && matches!(prev, Piece::Function(_));
        }
        if self.capitalized && case_change {
            // A rare "AccepterTout" is two words; names have short parts
            // ("McDonald", "LaREM"): both sides must be words of some length.
            return prev == Piece::Content
                && kind == Piece::Content
                && from >= MIN_CAPITALIZED_HEAD_CHARS
                && to - from >= MIN_CAPITALIZED_HEAD_CHARS;
        }
        if case_change {
            return true;
        }
        match (prev, kind) {
            // French builds real words from two content words
            // ("autoproclamée"): no cut between them without a case change.
            (Piece::Content, Piece::Content) => false,
            // Names end in short function words ("Prince|ton", "Solo|mon"):
            // a capitalised run loses only a long one ("Situation|dans").
            (Piece::Content, Piece::Function(role)) => {
                role.trails && (!self.capitalized || to - from >= MIN_CAPITALIZED_TAIL_CHARS)
            }
            (Piece::Function(role), Piece::Content) => role.leads,
            // "dans|l’": a function word may precede an elision; two
            // function words in a row are a word ending ("cour|eu|se").
            (Piece::Function(_), Piece::Elision) | (Piece::Content, Piece::Elision) => true,
            _ => false,
        }
    }

    /// The piece is a word of the reference vocabulary.
    fn is_common(&self, from: usize, to: usize) -> bool {
        let written: String = self.chars[from..to].iter().map(|c| c.1).collect();
        LEXICON.contains(&fold(&written))
    }

    /// The starts of the pieces of the best cut (fewest pieces, at least
    /// one of them a content word), if any cut obeys the rules.
    fn best(&self) -> Option<Vec<usize>> {
        let n = self.chars.len();
        let slot = |p: Option<Piece>| match p {
            None => 0,
            Some(Piece::Function(role)) => 1 + usize::from(role.leads),
            Some(Piece::Content) => 3,
            Some(Piece::Elision) => 4,
        };
        let role = |leads| {
            Some(Piece::Function(FunctionRole {
                leads,
                ..FunctionRole::default()
            }))
        };
        // For each bound and kind of the piece before it: fewest pieces to
        // the end (and whether a content piece is among them), next bound.
        type Best = Option<(usize, bool, usize, Piece)>;
        let mut best: HashMap<usize, [Best; 5]> = HashMap::default();
        best.insert(n, [Some((0, false, n, Piece::Content)); 5]);
        for (bi, &i) in self.bounds.iter().enumerate().rev() {
            if i == n {
                continue;
            }
            let mut row: [Best; 5] = [None; 5];
            for prev in [None, role(false), role(true), Some(Piece::Content)] {
                let mut choice: Best = None;
                for &j in &self.bounds[bi + 1..] {
                    for kind in self.kinds(i, j) {
                        if !self.allowed(i, j, kind, prev) {
                            continue;
                        }
                        let Some(rest) = best.get(&j).and_then(|r| r[slot(Some(kind))]) else {
                            continue;
                        };
                        let has_content = rest.1 || kind == Piece::Content;
                        let better = match choice {
                            None => true,
                            Some(c) => (rest.0 + 1, !has_content) < (c.0, !c.1),
                        };
                        if better {
                            choice = Some((rest.0 + 1, has_content, j, kind));
                        }
                    }
                }
                row[slot(prev)] = choice;
            }
            best.insert(i, row);
        }
        let (count, has_content, _, _) = best.get(&0)?[0]?;
        if !has_content || !(2..=MAX_PIECES).contains(&count) {
            return None;
        }
        let mut starts = Vec::with_capacity(count);
        let (mut i, mut prev) = (0, None);
        while i < n {
            let (_, _, next, kind) = best.get(&i)?[slot(prev)]?;
            starts.push(i);
            prev = Some(kind);
            i = next;
        }
        Some(starts)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize_split;
    use super::*;

    fn vocabulary(texts: &[&str]) -> Vocabulary {
        Vocabulary::from_texts(texts.iter().copied())
    }

    fn read(v: &Vocabulary, text: &str) -> Vec<String> {
        let points = v.split_points(text);
        tokenize_split(text, &points)
            .into_iter()
            .map(|t| text[t.start..t.end].to_owned())
            .collect()
    }

    #[test]
    fn lost_spaces_are_restored() {
        let v = vocabulary(&["Les informations du communiqué, les villages attaqués."]);
        assert_eq!(
            read(&v, "informeun communiqué"),
            ["informe", "un", "communiqué"]
        );
        assert_eq!(
            read(&v, "ils ontattaqué les villages"),
            ["ils", "ont", "attaqué", "les", "villages"]
        );
        assert_eq!(
            read(&v, "le déploiementd’un contingent"),
            ["le", "déploiement", "d’", "un", "contingent"]
        );
        assert_eq!(
            read(&v, "Situationdansl’Hadrout"),
            ["Situation", "dans", "l’", "Hadrout"]
        );
        assert_eq!(
            read(&v, "Conflit auHaut-Karabakh"),
            ["Conflit", "au", "Haut", "Karabakh"]
        );
        assert_eq!(
            read(&v, "Suivez RT surTelegram"),
            ["Suivez", "RT", "sur", "Telegram"]
        );
    }

    #[test]
    fn real_words_stay_whole() {
        let v = vocabulary(&["Un texte court."]);
        for word in [
            "ensemble",
            "autour",
            "demain",
            "nouvelle",
            "Dupont",
            "Lemaire",
            "Delacroix",
            "Lagarde",
            "autoproclamée",
            "aujourd’hui",
            "défaire",
            "dépolitisation",
            "iPhone",
            "McDonald",
            "ONU",
            "Khtsaberd",
            "parmi",
            "surtout",
            "pourtant",
            "commune",
        ] {
            assert_eq!(read(&v, word), [word], "{word}");
        }
    }

    #[test]
    fn a_frequent_form_is_a_word_of_the_corpus() {
        // "marmel" is a word of this corpus (seen twice in lower case).
        let text = "marmelun ".repeat(MAX_GLUED_COUNT as usize + 1) + "marmel marmel";
        let v = vocabulary(&[&text]);
        assert_eq!(read(&v, "marmelun"), ["marmelun"]);
        let v = vocabulary(&["marmel marmel marmelun"]);
        assert_eq!(read(&v, "marmelun"), ["marmel", "un"]);
        // Seen only as a name, it cuts no lower-case run.
        let v = vocabulary(&["Marmel Marmel marmelun"]);
        assert_eq!(read(&v, "marmelun"), ["marmelun"]);
    }

    #[test]
    fn hostile_tokens_are_cheap_and_safe() {
        let v = vocabulary(&["des mots"]);
        let long = "de".repeat(5000);
        assert_eq!(read(&v, &long), [long.as_str()]);
        for s in [
            "",
            "'",
            "’a",
            "a’",
            "dé’",
            "l’",
            "xY",
            "🙂de🙂",
            "\u{200B}un",
        ] {
            let _ = read(&v, s);
        }
    }
}
