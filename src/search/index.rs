//! The search index, built once when content loads: every word of every section and news item, sorted,
//! so a keystroke looks up a range of words instead of reading every body again; and each news item's
//! facet values as bits, so counting what each filter would give is a few integer operations an item.

use super::facet::{filter_bits, FilterBits};
use super::index_part::{Builder, Field, Part};
use super::text::{query_terms, Term};
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

/// The bodies still to be indexed after [`SearchIndex::build_headlines`], a few documents at a time so
/// the page stays responsive, then joined to the headlines as the complete index.
pub struct BodyIndexing {
    builder: Builder,
    next: usize,
}

impl BodyIndexing {
    /// Indexes the bodies of up to `count` more documents; true once every body is in.
    pub fn index_some(&mut self, content: &Content, count: usize) -> bool {
        let documents = content.sections.len() + content.news.len();
        let end = documents.min(self.next.saturating_add(count));
        for document in self.next..end {
            let (_, _, body) = document_texts(content, document);
            for_each_language(body, |blocks| {
                for block in blocks {
                    block.for_each_text(|text| self.builder.add(document as u32, Field::Body, text));
                }
            });
        }
        self.next = end;
        end == documents
    }

    /// The complete index: `headlines` with the bodies indexed so far.
    pub fn finish(self, headlines: &SearchIndex) -> SearchIndex {
        let bodies = Arc::new(self.builder.into_part());
        let parts = headlines.parts.iter().cloned().chain([bodies]).collect();
        SearchIndex { parts, filter_bits: headlines.filter_bits.clone(), ..*headlines }
    }
}

impl SearchIndex {
    /// Indexes every language of every text, so a Swedish word finds an item read in Finnish.
    pub fn build(content: &Content) -> SearchIndex {
        let (headlines, mut bodies) = SearchIndex::build_headlines(content);
        bodies.index_some(content, usize::MAX);
        bodies.finish(&headlines)
    }

    /// The titles and summaries of every document in every language: the fields that rank highest and
    /// about a third of the words, so search can answer at once while the bodies are indexed.
    pub fn build_headlines(content: &Content) -> (SearchIndex, BodyIndexing) {
        let documents = content.sections.len() + content.news.len();
        let mut builder = Builder::new(documents);
        for document in 0..documents {
            let (title, summary, _) = document_texts(content, document);
            for_each_language(title, |text| builder.add(document as u32, Field::Title, text));
            for_each_language(summary, |text| builder.add(document as u32, Field::Summary, text));
        }
        let index = SearchIndex {
            sections: content.sections.len(),
            news: content.news.len(),
            parts: vec![Arc::new(builder.into_part())],
            filter_bits: filter_bits(content),
        };
        (index, BodyIndexing { builder: Builder::new(documents), next: 0 })
    }

    /// Scores every document against `query`: each query word must match the start of some word of
    /// the document (AND); the score adds up where each matched.
    pub fn search(&self, query: &str) -> Scores {
        let terms = query_terms(query);
        let documents = self.sections + self.news;
        let mut by_document = vec![0u32; documents];
        if terms.is_empty() {
            return Scores { terms, by_document, sections: self.sections };
        }
        let mut fields_of = vec![0u8; documents];
        let mut terms_matched = vec![0usize; documents];
        let mut touched: Vec<u32> = Vec::new();
        for term in &terms {
            for part in &self.parts {
                if let Some(fields_by_document) = term.initial().and_then(|initial| part.initials.fields(initial)) {
                    for (document, fields) in fields_by_document.enumerate().filter(|(_, fields)| *fields != 0) {
                        let slot = &mut fields_of[document];
                        if *slot == 0 {
                            touched.push(document as u32);
                        }
                        *slot |= fields;
                    }
                    continue;
                }
                let vocabulary = &part.vocabulary;
                let start = vocabulary.partition_point(|(word, _)| **word < *term.text.as_bytes());
                for (word, postings) in &vocabulary[start..] {
                    if !word.starts_with(term.text.as_bytes()) {
                        break;
                    }
                    if !term.matches(word) {
                        continue;
                    }
                    // A word of both a headline and the body of one document: its fields are merged.
                    for posting in postings.iter() {
                        let slot = &mut fields_of[posting.document() as usize];
                        if *slot == 0 {
                            touched.push(posting.document());
                        }
                        *slot |= posting.fields();
                    }
                }
            }
            for document in touched.drain(..) {
                let document = document as usize;
                terms_matched[document] += 1;
                by_document[document] += Field::weight(fields_of[document]);
                fields_of[document] = 0;
            }
        }
        // A document matches only if every term matched it.
        for (score, matched) in by_document.iter_mut().zip(terms_matched) {
            if matched < terms.len() {
                *score = 0;
            }
        }
        Scores { terms, by_document, sections: self.sections }
    }

    /// How many words are indexed, a word of both headlines and bodies twice; for benchmarks.
    pub fn indexed_words(&self) -> usize {
        self.parts.iter().map(|part| part.vocabulary.len()).sum()
    }
}

/// Document `document`'s title, summary and body: sections first, then news in content order.
fn document_texts(
    content: &Content,
    document: usize,
) -> (&Localized<String>, &Localized<String>, &Localized<Vec<Block>>) {
    match document.checked_sub(content.sections.len()) {
        None => {
            let section = &content.sections[document];
            (&section.title, &section.summary, &section.body)
        }
        Some(news) => {
            let item = &content.news[news];
            (&item.title, &item.summary, &item.body)
        }
    }
}

fn for_each_language<T>(text: &Localized<T>, mut each: impl FnMut(&T)) {
    Lang::ALL.into_iter().filter_map(|lang| text.get_exact(lang)).for_each(&mut each);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_content;
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
        assert_eq!(index.search("inlex").ranked(), vec![], "only word starts match");
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
        assert_eq!(index.search("suomeksi").ranked(), vec![(Document::Section(1), 1)]);
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
        documents
            .map(|(title, summary, body)| {
                let mut texts: Vec<(Field, String)> = Vec::new();
                for_each_language(title, |text| texts.push((Field::Title, text.clone())));
                for_each_language(summary, |text| texts.push((Field::Summary, text.clone())));
                for_each_language(body, |blocks| {
                    blocks.iter().for_each(|block| block.for_each_text(|text| texts.push((Field::Body, text.into()))))
                });
                let masks: Vec<u8> = terms
                    .iter()
                    .map(|term| {
                        texts
                            .iter()
                            .filter(|(_, text)| words(text).any(|word| term.matches(&word)))
                            .fold(0, |mask, (field, _)| mask | *field as u8)
                    })
                    .collect();
                if terms.is_empty() || masks.contains(&0) {
                    0
                } else {
                    masks.into_iter().map(Field::weight).sum()
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
        ];
        let (headlines, _) = SearchIndex::build_headlines(&content);
        for slice in [1, 7, 1000] {
            let (_, mut bodies) = SearchIndex::build_headlines(&content);
            while !bodies.index_some(&content, slice) {}
            let index = bodies.finish(&headlines);
            for query in queries {
                assert_eq!(index.search(query).by_document, scores_by_reading(&content, query), "{query}, {slice}");
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
        assert_eq!(index.search("kotoutumislainsaadantokokonaisuus").ranked(), vec![(Document::News(1), 1)]);
        assert_eq!(index.search("strasse").ranked(), vec![(Document::News(1), 1)]);
    }

    #[test]
    fn headlines_answer_before_the_bodies_are_in() {
        let content = fixture();
        let (headlines, mut bodies) = SearchIndex::build_headlines(&content);
        // "Finlex" is in the legislation section's body only; "reception" in a title.
        assert!(headlines.search("finlex").ranked().is_empty());
        assert!(!headlines.search("reception").ranked().is_empty());
        assert!(bodies.index_some(&content, usize::MAX));
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
