//! The search index, built once when content loads: every word of every section and news item, sorted,
//! so a keystroke looks up a range of words instead of reading every body again; and each news item's
//! facet values as bits, so counting what each filter would give is a few integer operations an item.

use super::facet::FilterBits;
use super::index_part::Part;
use super::matching::Best;
use super::term::{query_terms, Term};
use crate::content::{Block, Content, Localized};
use crate::i18n::Lang;
use std::sync::Arc;

/// A searchable document: sections first, then news in content order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    Section(usize),
    News(usize),
}

pub struct SearchIndex {
    sections: usize,
    news: usize,
    /// The words of the headlines, then of the bodies once they are in; each part sorted by word, each
    /// word's documents in ascending order, once each. Kept apart rather than merged, so completing the
    /// index neither copies it nor holds the page.
    parts: Vec<Arc<Part>>,
    pub(crate) filter_bits: Vec<FilterBits>,
}

/// How well each document matched a query; 0 for no match.
pub struct Scores {
    pub terms: Vec<Term>,
    by_document: Vec<u32>,
    sections: usize,
}

impl Scores {
    pub fn news(&self, index: usize) -> u32 {
        self.by_document[self.sections + index]
    }

    /// Every news item's score, in content order.
    pub fn news_scores(&self) -> &[u32] {
        &self.by_document[self.sections..]
    }

    /// Matching documents, best first; ties keep content order (sections, then news newest first).
    pub fn ranked(&self) -> Vec<(Document, u32)> {
        let mut hits: Vec<(Document, u32)> = self
            .by_document
            .iter()
            .enumerate()
            .filter(|(_, score)| **score > 0)
            .map(|(i, score)| {
                let document = if i < self.sections { Document::Section(i) } else { Document::News(i - self.sections) };
                (document, *score)
            })
            .collect();
        let order = crate::stable_sort::highest_first(hits.len(), &|i| u64::from(hits[i].1));
        crate::stable_sort::rearrange(&mut hits, order);
        hits
    }
}

impl SearchIndex {
    /// An index of one part, beside the filter bits of `content`'s news.
    pub(super) fn of_part(content: &Content, part: Part, filter_bits: Vec<FilterBits>) -> SearchIndex {
        SearchIndex {
            sections: content.sections.len(),
            news: content.news.len(),
            parts: vec![Arc::new(part)],
            filter_bits,
        }
    }

    /// This index with one more part.
    pub(super) fn with_part(&self, part: Part) -> SearchIndex {
        let parts = self.parts.iter().cloned().chain([Arc::new(part)]).collect();
        SearchIndex { parts, filter_bits: self.filter_bits.clone(), ..*self }
    }

    /// Scores every document against `query`: each query word must match some word of the document
    /// (AND). A query word scores where it matched best: the field first (title, summary, body), then
    /// how ([`MatchKind`]: the word, an inflected form, a word it starts, a compound part, a typo).
    pub fn search(&self, query: &str) -> Scores {
        let mut terms = query_terms(query);
        let documents = self.sections + self.news;
        let mut by_document = vec![0u32; documents];
        // The news list without search words asks too, on every change of its filters.
        if terms.is_empty() {
            return Scores { terms, by_document, sections: self.sections };
        }
        let mut best = Best::new(documents);
        for (done, term) in terms.iter_mut().enumerate() {
            if done > 0 {
                best.clear();
            }
            for part in &self.parts {
                best.add_matches(term, part);
            }
            if term.typo_budget() > 0 && !best.any() {
                best.add_typos(term, &self.parts);
            }
            // A document stays only while it matches every word so far (AND); each word it matched
            // added at least 1, so 0 after the first word means out.
            let mut matching_every_term = false;
            for (score, &best) in by_document.iter_mut().zip(&best.score) {
                let still_in = done == 0 || *score > 0;
                *score = if still_in && best != 0 { *score + best } else { 0 };
                matching_every_term |= *score > 0;
            }
            // Nothing can match the whole query any more: a long query of unknown words ends here
            // rather than looking for typos of each.
            if !matching_every_term {
                break;
            }
        }
        Scores { terms, by_document, sections: self.sections }
    }

    /// How many words are indexed, a word of both headlines and bodies twice; for benchmarks.
    pub fn indexed_words(&self) -> usize {
        self.parts.iter().map(|part| part.vocabulary.len()).sum()
    }
}

impl Document {
    /// Its place among the index's documents: sections first, then news in content order.
    pub(super) fn at(content: &Content, place: usize) -> Document {
        match place.checked_sub(content.sections.len()) {
            None => Document::Section(place),
            Some(news) => Document::News(news),
        }
    }

    /// Its title, summary and body.
    pub fn texts(self, content: &Content) -> (&Localized<String>, &Localized<String>, &Localized<Vec<Block>>) {
        match self {
            Document::Section(i) => {
                let section = &content.sections[i];
                (&section.title, &section.summary, &section.body)
            }
            Document::News(i) => {
                let item = &content.news[i];
                (&item.title, &item.summary, &item.body)
            }
        }
    }
}

pub(super) fn for_each_language<T>(text: &Localized<T>, mut each: impl FnMut(Lang, &T)) {
    Lang::ALL
        .into_iter()
        .filter_map(|lang| Some((lang, text.get_exact(lang)?)))
        .for_each(|(lang, text)| each(lang, text));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_content;
    use crate::edit_distance::edit_distance;
    use crate::search::index_part::Field;
    use crate::search::term::MatchKind;
    use crate::search::text::words;

    fn fixture() -> Content {
        parse_content(include_str!("../../tests/fixtures/minimal.json")).unwrap()
    }

    #[test]
    fn finds_by_word_prefix_in_any_case() {
        let content = fixture();
        let index = SearchIndex::build(&content);
        let scores = index.search("FINL");
        assert!(scores.by_document[0] > 0, "Finlex is in the legislation body");
        assert_eq!(scores.by_document[1], 0);
        assert_eq!(index.search("nlex").ranked(), vec![], "only word starts match");
    }

    #[test]
    fn every_word_of_the_query_must_match() {
        let index = SearchIndex::build(&fixture());
        let one = index.search("fee").ranked();
        assert_eq!(one.len(), 1);
        assert!(index.search("fee legislation").ranked().is_empty(), "no single document has both");
        assert_eq!(index.search("fee missed").ranked().len(), 1);
    }

    #[test]
    fn title_hits_rank_above_body_hits() {
        let index = SearchIndex::build(&fixture());
        // "Legislation" is a section title; the fee item mentions no such word, the older item neither;
        // "older" is a title word of one item and a body word of the same item only.
        let ranked = index.search("older").ranked();
        assert_eq!(ranked[0].0, Document::News(1));
        let legislation = index.search("act").ranked();
        assert_eq!(legislation.first().map(|hit| hit.0), Some(Document::Section(0)));
        let title_score = index.search("reception").ranked()[0].1;
        let body_score = index.search("section").ranked()[0].1;
        assert!(title_score > body_score);
    }

    #[test]
    fn searches_every_language() {
        let index = SearchIndex::build(&fixture());
        assert_eq!(index.search("suomeksi").ranked(), vec![(Document::Section(1), MatchKind::Exact as u32)]);
        assert_eq!(index.search("testiportaali").ranked(), vec![], "site texts are not documents");
    }

    /// What the index must give, found by reading every text of every document for each term.
    fn scores_by_reading(content: &Content, query: &str) -> Vec<u32> {
        let terms = query_terms(query);
        // Its own walk through the documents, apart from the index's.
        let documents = content
            .sections
            .iter()
            .map(|s| (&s.title, &s.summary, &s.body))
            .chain(content.news.iter().map(|n| (&n.title, &n.summary, &n.body)));
        let documents: Vec<_> = documents.collect();
        // A word's stems are those of every language it is read in anywhere, as in the index.
        let mut languages_of: std::collections::HashMap<String, Vec<Lang>> = Default::default();
        for (title, summary, body) in &documents {
            let mut note = |lang: Lang, text: &str| {
                for word in words(text) {
                    let languages = languages_of.entry(word).or_default();
                    if !languages.contains(&lang) {
                        languages.push(lang);
                    }
                }
            };
            for_each_language(title, |lang, text| note(lang, text));
            for_each_language(summary, |lang, text| note(lang, text));
            for_each_language(body, |lang, blocks| {
                blocks.iter().for_each(|block| block.for_each_text(|text| note(lang, text)))
            });
        }
        let kind_in_any_language = |term: &Term, word: &str| {
            languages_of[word].iter().filter_map(|&lang| term.matches(word.as_bytes(), lang)).max()
        };
        // For each document and term: the best score of a match, and of a typo.
        let per_document: Vec<Vec<(u32, u32)>> = documents
            .into_iter()
            .map(|(title, summary, body)| {
                let mut texts: Vec<(Field, Lang, String)> = Vec::new();
                for_each_language(title, |lang, text| texts.push((Field::Title, lang, text.clone())));
                for_each_language(summary, |lang, text| texts.push((Field::Summary, lang, text.clone())));
                for_each_language(body, |lang, blocks| {
                    blocks
                        .iter()
                        .for_each(|block| block.for_each_text(|text| texts.push((Field::Body, lang, text.into()))))
                });
                let best = |kind_of: &dyn Fn(&str, Lang) -> Option<MatchKind>| {
                    let scores = texts.iter().flat_map(|(field, lang, text)| {
                        let weight = Field::weight(*field as u8);
                        words(text).filter_map(|word| kind_of(&word, *lang)).map(move |kind| weight * kind as u32)
                    });
                    scores.max().unwrap_or(0)
                };
                let typo_of =
                    |term: &Term, word: &str| edit_distance(word.as_bytes(), term.text.as_bytes(), term.typo_budget());
                let typo = |term: &Term| best(&|word, _| typo_of(term, word).map(|_| MatchKind::Typo));
                terms.iter().map(|term| (best(&|word, _| kind_in_any_language(term, word)), typo(term))).collect()
            })
            .collect();
        // A typo counts only for a term that matched nothing anywhere.
        let typos_count: Vec<bool> = (0..terms.len())
            .map(|t| terms[t].typo_budget() > 0 && per_document.iter().all(|scores| scores[t].0 == 0))
            .collect();
        per_document
            .into_iter()
            .map(|scores| {
                let scores: Vec<u32> = scores
                    .iter()
                    .zip(&typos_count)
                    .map(|(&(found, typo), &counts)| if counts { typo } else { found })
                    .collect();
                if scores.is_empty() || scores.contains(&0) {
                    0
                } else {
                    scores.into_iter().sum()
                }
            })
            .collect()
    }

    #[test]
    fn every_part_lists_its_words_in_order_once() {
        let content = crate::tooling::synthetic::generate(&fixture(), 300, 7);
        let index = SearchIndex::build(&content);
        for part in &index.parts {
            let words: Vec<&[u8]> = part.vocabulary.iter().map(|(word, _)| &**word).collect();
            let sharing_eight_bytes =
                words.windows(2).filter(|pair| pair[1].starts_with(&pair[0][..8.min(pair[0].len())])).count();
            assert!(sharing_eight_bytes > 10, "the sort's ties are tried: {sharing_eight_bytes}");
            assert!(words.windows(2).all(|pair| pair[0] < pair[1]));
        }
    }

    #[test]
    fn the_index_in_any_slices_scores_as_reading_every_text_would() {
        let base = fixture();
        let content = crate::tooling::synthetic::generate(&base, 120, 3);
        let queries = [
            "integration",
            "int",
            "kunta",
            "plan integration",
            "välfärd",
            "KEHA keskus",
            "kalo",
            "a",
            "zz",
            "integration p",
            "p integration",
            "2",
            "kunta 2",
            "plans programme",
            "integratoin",
            "cooperation",
        ];
        let expected: Vec<Vec<u32>> = queries.iter().map(|query| scores_by_reading(&content, query)).collect();
        for slice in [1, 7, 1000] {
            let mut headlines = SearchIndex::index_headlines(&content);
            while !headlines.index_some(&content, slice) {}
            let (headlines, mut bodies) = headlines.finish(&content);
            while !bodies.index_some(&content, slice) {}
            let index = bodies.finish(&headlines);
            assert!(index.filter_bits == SearchIndex::build(&content).filter_bits, "{slice}");
            for (query, expected) in queries.iter().zip(&expected) {
                assert_eq!(index.search(query).by_document, *expected, "{query}, {slice}");
            }
        }
        assert!(scores_by_reading(&content, "kunta").iter().filter(|score| **score > 0).count() > 10);
    }

    #[test]
    fn long_compound_words_are_found_by_any_prefix() {
        // Finnish compounds run long; these share their first 24 bytes with each other and with a shorter
        // word, so an index that kept long words apart would still have to order and find them all.
        let long = "Kotoutumislainsäädäntökokonaisuudet, kotoutumislainsäädäntökokonaisuus ja \
                    kotoutumislainsäädäntökoko; Kotoutumislainsäädäntökokonaisuuksien Straße";
        let json = include_str!("../../tests/fixtures/minimal.json").replace("Older body.", long);
        let content = parse_content(&json).unwrap();
        let index = SearchIndex::build(&content);
        for query in [
            "kotoutumislainsaadantokoko",
            "kotoutumislainsaadantokokonaisuu",
            "kotoutumislainsaadantokokonaisuude",
            "kotoutumislainsäädäntökokonaisuuksien",
            "kotoutumislainsaadantokokonaisuuksieni",
            "strasse",
            "kotoutumislainsaadantokoko older",
        ] {
            assert_eq!(index.search(query).by_document, scores_by_reading(&content, query), "{query}");
        }
        assert_eq!(
            index.search("kotoutumislainsaadantokokonaisuus").ranked(),
            vec![(Document::News(1), MatchKind::Exact as u32)]
        );
        assert_eq!(index.search("strasse").ranked(), vec![(Document::News(1), MatchKind::Exact as u32)]);
    }

    #[test]
    fn headlines_answer_before_the_bodies_are_in() {
        let content = fixture();
        let (headlines, mut bodies) = SearchIndex::build_headlines(&content);
        // "Finlex" is in the legislation section's body only; "reception" in a title.
        assert!(headlines.search("finlex").ranked().is_empty());
        assert!(!headlines.search("reception").ranked().is_empty());
        while !bodies.index_some(&content, usize::MAX) {}
        assert_eq!(
            bodies.finish(&headlines).search("finlex").ranked(),
            SearchIndex::build(&content).search("finlex").ranked()
        );
        assert!(!SearchIndex::build(&content).search("finlex").ranked().is_empty());
    }

    #[test]
    fn empty_query_matches_nothing_and_says_so() {
        let scores = SearchIndex::build(&fixture()).search("  – ");
        assert!(scores.terms.is_empty());
        assert!(scores.ranked().is_empty());
    }
}
