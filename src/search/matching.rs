//! How one query word is matched against the index, each document scored by its best match: the
//! word, an inflected form (its stem looked for among the words that start alike), a word it starts,
//! a compound part, and typos when nothing else matched anywhere.

use super::index_part::{Field, Part, Posting};
use super::stem::shared_start;
use super::term::{MatchKind, Term};
use crate::edit_distance::edit_distance;
use crate::i18n::Lang;
use std::sync::Arc;

/// Which bytes a word has, each as one of 64 bits (bytes 64 apart share one, which only lets more
/// words through to the exact count).
fn letters(word: &[u8]) -> u64 {
    word.iter().fold(0, |bits, byte| bits | 1 << (byte & 63))
}

/// For one query word, each document's best score so far; 0 for none. A maximum a posting: the common
/// prefixes of typing credit tens of thousands of postings a keystroke.
pub(super) struct Best {
    pub(super) score: Vec<u32>,
}

impl Best {
    pub(super) fn new(documents: usize) -> Best {
        Best { score: vec![0; documents] }
    }

    /// Forgets every match, for the next query word.
    pub(super) fn clear(&mut self) {
        self.score.fill(0);
    }

    /// Whether any document matched.
    pub(super) fn any(&self) -> bool {
        self.score.iter().any(|&score| score != 0)
    }

    /// What a match of `kind` scores for each fields mask a posting can have (0 for none).
    fn scores(kind: MatchKind) -> [u32; 8] {
        std::array::from_fn(|mask| if mask == 0 { 0 } else { Field::weight(mask as u8) * kind as u32 })
    }

    /// Raises each posting's document to what a match of `kind` in its fields is worth.
    fn credit(&mut self, postings: &[Posting], kind: MatchKind) {
        let scores = Best::scores(kind);
        for posting in postings {
            if let Some(best) = self.score.get_mut(posting.document() as usize) {
                *best = (*best).max(scores[usize::from(posting.fields() & 7)]);
            }
        }
    }

    /// The words of `part` read in `lang` with the stem of `term` (inflected forms), or with a stem it
    /// has run past (a prefix), found among the words that start as those stems do.
    fn add_inflected(&mut self, term: &Term, part: &Part, lang: Lang) {
        let shortest_run_past = term.stems_run_past().next();
        let mut starts: Vec<&str> =
            term.stem(lang).into_iter().chain(shortest_run_past).filter_map(shared_start).collect();
        // Where one start begins the other, its words are among the other's.
        if let [first, second] = starts[..] {
            if first.starts_with(second) {
                starts.remove(0);
            } else if second.starts_with(first) {
                starts.pop();
            }
        }
        let bit = 1 << lang as u8;
        for start in starts {
            for (place, (word, postings)) in part.starting_with(start.as_bytes()) {
                if part.languages[place] & bit == 0 {
                    continue;
                }
                let kind = part.stems.with_stem(place, lang, word, |word_stem| {
                    word_stem.and_then(|word_stem| term.kind_of_stem(lang, word_stem))
                });
                if let Some(kind) = kind {
                    self.credit(postings, kind);
                }
            }
        }
    }

    /// Every way `term` matches the words of `part`, each document raised by its best.
    pub(super) fn add_matches(&mut self, term: &Term, part: &Part) {
        if let Some(fields_by_document) = term.initial().and_then(|initial| part.initials.fields(initial)) {
            let scores = Best::scores(MatchKind::Prefix);
            for (best, fields) in self.score.iter_mut().zip(fields_by_document) {
                *best = (*best).max(scores[usize::from(fields & 7)]);
            }
            return;
        }
        let vocabulary = &part.vocabulary;
        for (_, (word, postings)) in part.starting_with(term.text.as_bytes()) {
            if let Some(kind) = term.prefix_kind(word) {
                self.credit(postings, kind);
            }
        }
        for lang in Lang::ALL {
            self.add_inflected(term, part, lang);
        }
        for probe in term.compound_probes() {
            for (place, at) in part.tails.starting_with(&part.vocabulary, probe.as_bytes()) {
                let (word, postings) = &vocabulary[place];
                if std::str::from_utf8(&word[at..]).is_ok_and(|tail| term.is_part(tail)) {
                    self.credit(postings, MatchKind::CompoundPart);
                }
            }
        }
    }

    /// The words a letter or two away from `term`, scored as typos; the closest, in the most documents,
    /// becomes its correction.
    pub(super) fn add_typos(&mut self, term: &mut Term, parts: &[Arc<Part>]) {
        let budget = term.typo_budget();
        let typed = letters(term.text.as_bytes());
        let mut found: Vec<String> = Vec::new();
        // The closest word, and of those the one in the most documents.
        let mut closest: Option<(usize, usize, usize)> = None;
        for part in parts {
            for (word, postings) in &part.vocabulary {
                // Each letter wrong, missing, extra or swapped changes which letters a word has by two
                // at most: most words are told apart by that alone, without the table.
                let length_apart = word.len().abs_diff(term.text.len()) > budget;
                if length_apart || (letters(word) ^ typed).count_ones() as usize > 2 * budget {
                    continue;
                }
                if let Some(distance) = edit_distance(word, term.text.as_bytes(), budget) {
                    self.credit(postings, MatchKind::Typo);
                    let rank = (distance, usize::MAX - postings.len(), found.len());
                    closest = Some(closest.map_or(rank, |known| known.min(rank)));
                    found.push(String::from_utf8_lossy(word).into_owned());
                }
            }
        }
        let closest = closest.map(|(_, _, at)| found[at].clone());
        term.accept_typos(found, closest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{parse_content, Content};
    use crate::search::{Document, SearchIndex};

    /// News items whose only Finnish text is their title, in content order.
    fn titled(titles: &[&str]) -> Content {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/minimal.json")).unwrap();
        let item = file["news"][0].clone();
        file["news"] = titles
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let mut item = item.clone();
                item["slug"] = format!("item-{i}").into();
                item["title"] = serde_json::json!({ "fi": title });
                item["summary"] = serde_json::json!({ "fi": "Tiivistelmä." });
                item["body"] = serde_json::json!({ "fi": [] });
                item
            })
            .collect();
        parse_content(&file.to_string()).unwrap()
    }

    #[test]
    fn the_same_word_ranks_before_an_inflected_form_a_prefix_and_a_compound_part() {
        let content = titled(&["Kotikunta", "Kuntalainen", "Kunnan", "Kunta"]);
        let ranked: Vec<String> = SearchIndex::build(&content)
            .search("kunta")
            .ranked()
            .into_iter()
            .map(|(document, _)| document.texts(&content).0.text(Lang::Fi).to_owned())
            .collect();
        assert_eq!(ranked, ["Kunta", "Kunnan", "Kuntalainen", "Kotikunta"]);
    }

    #[test]
    fn a_typo_is_matched_only_when_nothing_better_is() {
        let content = titled(&["Kunto", "Tulkkaus"]);
        let index = SearchIndex::build(&content);
        let typo = index.search("kutno");
        assert_eq!(
            typo.ranked(),
            vec![(Document::News(0), Field::weight(Field::Title as u8) * MatchKind::Typo as u32)]
        );
        assert_eq!(typo.terms[0].correction.as_deref(), Some("kunto"));
        let content = titled(&["Kunto", "Kanto"]);
        let exact = SearchIndex::build(&content).search("kanto");
        assert_eq!(exact.ranked().len(), 1, "a word that matches leaves its typos unmatched");
        assert_eq!(exact.terms[0].correction, None);
    }

    #[test]
    fn strange_queries_find_nothing_and_do_not_fail() {
        let index = SearchIndex::build(&parse_content(include_str!("../../tests/fixtures/minimal.json")).unwrap());
        let unknown_words = "qwxz ".repeat(200);
        let known_then_unknown = format!("fee {}", "zzzzzzzzz ".repeat(100));
        for query in
            ["!!! ?? --", "😀🎉", "مرحبا بالعالم", "שלום עולם", &"x".repeat(1000), &unknown_words, &known_then_unknown]
        {
            assert!(index.search(query).ranked().is_empty(), "{query:?}");
        }
    }
}
