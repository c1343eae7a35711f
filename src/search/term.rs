//! A word of a query and the ways a word of a text can match it, best first: the same word, an inflected
//! form of it, a word it starts, a compound with it as a later part, and a close spelling. The index and
//! the highlighting both ask these, so what is marked is what was found.

use super::stem::{stem, MIN_STEMMED_CHARS};
use super::text::{fold, word_spans};
use crate::i18n::Lang;

/// How a word of a text matched a query word; a better kind ranks higher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Typo = 1,
    CompoundPart = 2,
    Prefix = 3,
    Inflected = 4,
    Exact = 5,
}

/// The shortest later part of a compound a query word finds: *plan* in *integrationsplan*, *tuki* in
/// *kotoutumistuki*; and the shortest first part before it, so *ohjelma* is not found in *johjelma*.
pub const MIN_PART_CHARS: usize = 4;
pub const MIN_HEAD_BYTES: usize = 3;

/// How far past a word's stem a prefix may run and still find it: *pakolaine* being typed finds
/// *pakolaisten* (stem *pakolain*).
const RUN_PAST_STEM_CHARS: usize = 3;

/// A word of a query, folded, and how it matches the words of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    whole_word: bool,
    /// Its stem in each language, in the order of [`Lang::ALL`].
    stems: [Option<String>; 3],
    /// What a later part of a compound found by it starts with; see [`Term::compound_probes`].
    probes: Vec<String>,
    /// Words of the index one or two letters away, when the index found nothing better.
    typo_words: Vec<String>,
    /// The closest of them, for "Did you mean …?".
    pub correction: Option<String>,
}

fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or_default()
}

impl Term {
    fn new(text: String, whole_word: bool) -> Term {
        // A query word of three letters or fewer is a prefix of its inflected forms, or too short to
        // have any: looking for its stem would only cost keystrokes.
        let long_enough = text.chars().nth(MIN_STEMMED_CHARS - 1).is_some();
        let stems = Lang::ALL.map(|lang| stem(lang, &text).filter(|_| long_enough));
        let probes = probes(&text, &stems);
        Term { text, whole_word, stems, probes, typo_words: Vec::new(), correction: None }
    }

    /// How a word of a text in `lang` (already folded, as its UTF-8 bytes) matches, if it does. Bytes,
    /// so the words of a text are not checked as UTF-8 one by one: only the rare few that get as far as
    /// a stem or a compound part are.
    pub fn matches(&self, word: &[u8], lang: Lang) -> Option<MatchKind> {
        // Most words of a text start with another letter: neither the word nor a word it starts.
        let starts_alike = word.first() == self.text.as_bytes().first();
        let prefix = if starts_alike { self.prefix_kind(word) } else { None };
        if prefix == Some(MatchKind::Exact) || self.whole_word {
            return prefix;
        }
        // Stemming is the slow part; an inflected form, or a stem a prefix runs past, starts alike.
        if word.get(..2) == self.text.as_bytes().get(..2) {
            let word_stem = std::str::from_utf8(word).ok().and_then(|word| stem(lang, word));
            if let Some(kind) = word_stem.and_then(|word_stem| self.kind_of_stem(lang, &word_stem)) {
                return Some(kind);
            }
        }
        if prefix.is_some() {
            return prefix;
        }
        let probes = self.compound_probes();
        // Asked of every word of a result's text: most are too short to hold a part.
        let may_hold_part = word.len() >= MIN_HEAD_BYTES + MIN_PART_CHARS && !probes.is_empty();
        let starts_probe =
            |at: usize, probe: &String| word[at] == probe.as_bytes()[0] && word[at..].starts_with(probe.as_bytes());
        let has_part = |at: usize| {
            probes.iter().any(|probe| starts_probe(at, probe))
                && std::str::from_utf8(&word[at..]).is_ok_and(|tail| self.is_part(tail))
        };
        if may_hold_part && part_starts(word).any(has_part) {
            return Some(MatchKind::CompoundPart);
        }
        self.typo_words.iter().any(|typo| typo.as_bytes() == word).then_some(MatchKind::Typo)
    }

    /// A word it is, or starts: the lookups in the sorted words of the index. The letter being typed
    /// starts words, even the word it is.
    pub(super) fn prefix_kind(&self, word: &[u8]) -> Option<MatchKind> {
        let text = self.text.as_bytes();
        if word == text && self.initial().is_none() {
            Some(MatchKind::Exact)
        } else if !self.whole_word && word.starts_with(text) {
            Some(MatchKind::Prefix)
        } else {
            None
        }
    }

    /// The letter or digit being typed, when the term is just that: it matches every word it starts.
    pub fn initial(&self) -> Option<u8> {
        match self.text.as_bytes() {
            [initial] if !self.whole_word && initial.is_ascii_alphanumeric() => Some(*initial),
            _ => None,
        }
    }

    pub(super) fn stem(&self, lang: Lang) -> Option<&str> {
        if self.whole_word {
            return None;
        }
        self.stems[slot(lang)].as_deref()
    }

    /// What a word whose stem in `lang` is `word_stem` is to this one: an inflected form of it, or a
    /// word whose stem it has run past.
    pub(super) fn kind_of_stem(&self, lang: Lang, word_stem: &str) -> Option<MatchKind> {
        if self.stem(lang) == Some(word_stem) {
            Some(MatchKind::Inflected)
        } else if self.stems_run_past().any(|typed| typed == word_stem) {
            Some(MatchKind::Prefix)
        } else {
            None
        }
    }

    /// The stems of words this prefix has run past: its own first letters, down to a few short of it.
    pub(super) fn stems_run_past(&self) -> impl Iterator<Item = &str> {
        let text = self.text.as_str();
        let chars = if self.whole_word { 0 } else { text.chars().count() };
        let shortest = MIN_STEMMED_CHARS.max(chars.saturating_sub(RUN_PAST_STEM_CHARS));
        text.char_indices().map(|(at, _)| at).chain([text.len()]).skip(shortest).map(move |end| &text[..end])
    }

    /// What a later part of a compound found by this word starts with: the word, and its stems short of
    /// their last letters, where the alternations change them (*pakolain* from *pakolainen* starts
    /// *pakolaiset* as *pakola*).
    pub(super) fn compound_probes(&self) -> &[String] {
        if self.whole_word {
            return &[];
        }
        &self.probes
    }

    /// Whether a later part of a compound, from where it starts to the end, is this word: it starts
    /// with the word, or is a form of it in some language.
    pub(super) fn is_part(&self, tail: &str) -> bool {
        (tail.starts_with(&self.text) && self.text.chars().count() >= MIN_PART_CHARS)
            || Lang::ALL.into_iter().any(|lang| {
                self.stem(lang).is_some_and(|own| own.chars().count() >= MIN_PART_CHARS)
                    && stem(lang, tail).as_deref() == self.stem(lang)
            })
    }

    /// How many letters may be wrong: one in a word of five letters or more, two in nine or more.
    pub(super) fn typo_budget(&self) -> usize {
        match self.text.chars().count() {
            _ if self.whole_word => 0,
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        }
    }

    /// Appends what its matching of a word depends on: its text, whether it is a whole word, and the
    /// typos the index found for it (its stems and compound probes follow from its text).
    pub(super) fn write_key(&self, out: &mut Vec<u8>) {
        for text in std::iter::once(&self.text).chain(&self.typo_words) {
            out.extend_from_slice(text.as_bytes());
            // No search form holds a zero byte: the texts stay apart.
            out.push(0);
        }
        out.push(if self.whole_word { 1 } else { 2 });
    }

    /// Words one or two letters away, found by the index when nothing better was, and the closest.
    pub(super) fn accept_typos(&mut self, words: Vec<String>, closest: Option<String>) {
        self.typo_words = words;
        self.correction = closest;
    }
}

/// The query word, and its stems short of their last letters, where the alternations change them; each
/// of at least [`MIN_PART_CHARS`], none starting with another.
fn probes(text: &str, stems: &[Option<String>; 3]) -> Vec<String> {
    let mut probes: Vec<String> = Vec::new();
    let long_enough = |probe: &str| probe.chars().count() >= MIN_PART_CHARS;
    if long_enough(text) {
        probes.push(text.to_owned());
    }
    for stem in stems.iter().flatten() {
        let end = stem.char_indices().rev().nth(1).map_or(0, |(at, _)| at);
        let probe = &stem[..end];
        if long_enough(probe) && !probes.iter().any(|known| probe.starts_with(known.as_str())) {
            probes.push(probe.to_owned());
        }
    }
    probes
}

/// Where later parts of a compound may start in `word`: after a first part of a few letters, leaving
/// a part of at least [`MIN_PART_CHARS`] (counted as bytes, so never fewer letters). The word's UTF-8
/// bytes: a part starts at a byte that does not continue a character, so the index's words, kept as
/// bytes, need no second check that they are text.
pub fn part_starts(word: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let last = word.len().saturating_sub(MIN_PART_CHARS);
    let continues_a_character = |byte: u8| byte & 0b1100_0000 == 0b1000_0000;
    (MIN_HEAD_BYTES..=last).filter(move |&at| !continues_a_character(word[at]))
}

/// `query` with each word that matched only as a typo replaced by its correction, spelt by `spell`;
/// `None` when no word needed one.
pub fn respelt(query: &str, terms: &[Term], spell: impl Fn(&str) -> String) -> Option<String> {
    let corrected = |word: &str| {
        let folded = fold(word);
        terms.iter().find(|term| term.text == folded).and_then(|term| term.correction.as_deref())
    };
    let mut respelt = String::with_capacity(query.len());
    let mut plain_from = 0;
    let mut any = false;
    for span in word_spans(query) {
        if let Some(correction) = corrected(&query[span.clone()]) {
            respelt.push_str(&query[plain_from..span.start]);
            respelt.push_str(&spell(correction));
            plain_from = span.end;
            any = true;
        }
    }
    respelt.push_str(&query[plain_from..]);
    any.then_some(respelt)
}

/// The most words of a query that are searched for: a paragraph pasted into the box is searched by its
/// first words, within a frame, rather than by every word of it.
pub const MAX_QUERY_WORDS: usize = 12;

/// The words of a query, without repeats, the first [`MAX_QUERY_WORDS`] of them.
pub fn query_terms(query: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for span in word_spans(query) {
        if terms.len() == MAX_QUERY_WORDS {
            break;
        }
        let text = fold(&query[span.clone()]);
        let typed_past = span.end < query.len();
        let whole_word = typed_past && text.chars().nth(1).is_none();
        match terms.iter_mut().find(|term| term.text == text) {
            Some(known) => known.whole_word |= whole_word,
            None => terms.push(Term::new(text, whole_word)),
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(terms: &[Term]) -> Vec<&str> {
        terms.iter().map(|term| term.text.as_str()).collect()
    }

    fn kind(query: &str, word: &str, lang: Lang) -> Option<MatchKind> {
        query_terms(query)[0].matches(fold(word).as_bytes(), lang)
    }

    #[test]
    fn a_long_query_is_searched_by_its_first_words() {
        let pasted = (0..40).map(|i| format!("sana{i}")).collect::<Vec<_>>().join(" ");
        let terms = query_terms(&pasted);
        assert_eq!(terms.len(), MAX_QUERY_WORDS);
        assert_eq!(terms.last().map(|term| term.text.as_str()), Some("sana11"));
    }

    #[test]
    fn query_terms_are_folded_and_unique() {
        assert_eq!(texts(&query_terms("  Keha KEHA kotoutuminen ")), ["keha", "kotoutuminen"]);
        assert_eq!(texts(&query_terms("<script>")), ["script"]);
    }

    #[test]
    fn terms_match_word_prefixes() {
        let terms = query_terms("keh ke");
        assert!(terms.iter().all(|term| term.matches(b"keha", Lang::Fi) == Some(MatchKind::Prefix)));
        assert_eq!(terms[0].matches(b"eha", Lang::Fi), None);
    }

    #[test]
    fn a_single_letter_typed_past_matches_only_itself_but_while_typed_starts_words() {
        let being_typed = &query_terms("integration p")[1];
        assert!(being_typed.matches(b"p", Lang::Sv).is_some() && being_typed.matches(b"plan", Lang::Sv).is_some());
        for query in ["p integration", "integration p ", "p-integration"] {
            let typed_past = query_terms(query).into_iter().find(|term| term.text == "p").unwrap();
            assert_eq!(typed_past.matches(b"p", Lang::Sv), Some(MatchKind::Exact), "{query:?}");
            assert_eq!(typed_past.matches(b"plan", Lang::Sv), None, "{query:?}");
        }
        let repeated = query_terms("å plan å");
        assert_eq!(repeated[0].matches(b"aland", Lang::Sv), None, "the stricter reading of a repeated letter holds");
        assert!(query_terms("Ö")[0].matches(b"oljy", Lang::Fi).is_some(), "a lone letter being typed is a prefix too");
    }

    #[test]
    fn each_kind_of_match_is_told_apart() {
        assert_eq!(kind("pakolaisten", "pakolaisten", Lang::Fi), Some(MatchKind::Exact));
        assert_eq!(kind("pakolainen", "pakolaisten", Lang::Fi), Some(MatchKind::Inflected));
        assert_eq!(kind("integrationsplan", "integrationsplanerna", Lang::Sv), Some(MatchKind::Inflected));
        assert_eq!(kind("pakolai", "pakolaisten", Lang::Fi), Some(MatchKind::Prefix));
        assert_eq!(kind("pakolaine", "pakolaisia", Lang::Fi), Some(MatchKind::Prefix), "typed past the stem");
        assert_eq!(kind("suunnitelma", "kotoutumissuunnitelmia", Lang::Fi), Some(MatchKind::CompoundPart));
        assert_eq!(kind("pakolainen", "kiintiöpakolaiset", Lang::Fi), Some(MatchKind::CompoundPart));
        assert_eq!(kind("ansvar", "helhetsansvar", Lang::Sv), Some(MatchKind::CompoundPart));
        assert_eq!(kind("ohjelma", "kumppanuusohjelma", Lang::Fi), Some(MatchKind::CompoundPart));
        assert_eq!(kind("suunnitelma", "suunnittelu", Lang::Fi), None);
        assert_eq!(kind("kunta", "kun", Lang::Fi), None);
    }

    #[test]
    fn a_part_needs_letters_before_and_after_it() {
        assert_eq!(kind("plan", "integrationsplan", Lang::Sv), Some(MatchKind::CompoundPart));
        assert_eq!(kind("maa", "ulkomaa", Lang::Fi), None, "a part of three letters is too short");
        assert_eq!(kind("aplan", "xaplan", Lang::Sv), None, "a first part of one letter is too short");
    }

    #[test]
    fn a_query_is_respelt_where_a_word_matched_only_as_a_typo() {
        let mut terms = query_terms("Tulkin intepreter?");
        terms[1].accept_typos(vec!["interpreter".into()], Some("interpreter".into()));
        let shown = respelt("Tulkin intepreter?", &terms, |word| word.to_uppercase());
        assert_eq!(shown.as_deref(), Some("Tulkin INTERPRETER?"), "the rest stays as typed");
        assert_eq!(respelt("Tulkin", &query_terms("Tulkin"), str::to_owned), None);
    }

    #[test]
    fn typos_are_allowed_by_length() {
        let budget = |query: &str| query_terms(query)[0].typo_budget();
        assert_eq!((budget("tuki"), budget("quota"), budget("kotoutum"), budget("intepreter")), (0, 1, 1, 2));
    }
}
