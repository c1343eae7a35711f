//! The search index, built once when content loads: every word of every section and news item, sorted,
//! so a keystroke looks up a range of words instead of reading every body again; and each news item's
//! facet values as bits, so counting what each filter would give is a few integer operations an item.

use super::facet::{filter_bits, FilterBits};
use super::index_part::{Builder, Field, Part, Posting};
use super::stem::{shared_start, stem};
use super::term::{query_terms, MatchKind, Term};
use crate::content::{Block, Content, Localized};
use crate::edit_distance::edit_distance;
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
            let (_, _, body) = Document::at(content, document).texts(content);
            for_each_language(body, |lang, blocks| {
                for block in blocks {
                    block.for_each_text(|text| self.builder.add(document as u32, Field::Body, lang, text));
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
            let (title, summary, _) = Document::at(content, document).texts(content);
            for_each_language(title, |lang, text| builder.add(document as u32, Field::Title, lang, text));
            for_each_language(summary, |lang, text| builder.add(document as u32, Field::Summary, lang, text));
        }
        let index = SearchIndex {
            sections: content.sections.len(),
            news: content.news.len(),
            parts: vec![Arc::new(builder.into_part())],
            filter_bits: filter_bits(content),
        };
        (index, BodyIndexing { builder: Builder::new(documents), next: 0 })
    }

    /// Scores every document against `query`: each query word must match some word of the document
    /// (AND). A query word scores where it matched best: the field first (title, summary, body), then
    /// how ([`MatchKind`]: the word, an inflected form, a word it starts, a compound part, a typo).
    pub fn search(&self, query: &str) -> Scores {
        let mut terms = query_terms(query);
        let documents = self.sections + self.news;
        let mut by_document = vec![0u32; documents];
        let mut terms_matched = vec![0usize; documents];
        let mut best = Best { score: vec![0; documents], touched: Vec::new() };
        for (done, term) in terms.iter_mut().enumerate() {
            for part in &self.parts {
                best.add_matches(term, part);
            }
            if best.touched.is_empty() && term.typo_budget() > 0 {
                self.add_typos(term, &mut best);
            }
            let mut matching_every_term = 0;
            for document in best.touched.drain(..) {
                let document = document as usize;
                terms_matched[document] += 1;
                matching_every_term += usize::from(terms_matched[document] == done + 1);
                by_document[document] += best.score[document];
                best.score[document] = 0;
            }
            // Nothing can match the whole query any more: a long query of unknown words ends here
            // rather than looking for typos of each.
            if matching_every_term == 0 {
                break;
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

    /// The words a letter or two away from `term`, scored as typos; the closest, in the most documents,
    /// becomes its correction.
    fn add_typos(&self, term: &mut Term, best: &mut Best) {
        let budget = term.typo_budget();
        let typed = letters(term.text.as_bytes());
        let mut found: Vec<String> = Vec::new();
        // The closest word, and of those the one in the most documents.
        let mut closest: Option<(usize, usize, usize)> = None;
        for part in &self.parts {
            for (word, postings) in &part.vocabulary {
                // Each letter wrong, missing, extra or swapped changes which letters a word has by two
                // at most: most words are told apart by that alone, without the table.
                let length_apart = word.len().abs_diff(term.text.len()) > budget;
                if length_apart || (letters(word) ^ typed).count_ones() as usize > 2 * budget {
                    continue;
                }
                if let Some(distance) = edit_distance(word, term.text.as_bytes(), budget) {
                    best.credit(postings, MatchKind::Typo);
                    let rank = (distance, usize::MAX - postings.len(), found.len());
                    closest = Some(closest.map_or(rank, |known| known.min(rank)));
                    found.push(String::from_utf8_lossy(word).into_owned());
                }
            }
        }
        let closest = closest.map(|(_, _, at)| found[at].clone());
        term.accept_typos(found, closest);
    }

    /// How many words are indexed, a word of both headlines and bodies twice; for benchmarks.
    pub fn indexed_words(&self) -> usize {
        self.parts.iter().map(|part| part.vocabulary.len()).sum()
    }
}

/// Which bytes a word has, each as one of 64 bits (bytes 64 apart share one, which only lets more
/// words through to the exact count).
fn letters(word: &[u8]) -> u64 {
    word.iter().fold(0, |bits, byte| bits | 1 << (byte & 63))
}

/// For one query word, each document's best score so far, and the documents it has touched.
struct Best {
    score: Vec<u32>,
    touched: Vec<u32>,
}

impl Best {
    /// Raises each posting's document to what a match of `kind` in its fields is worth.
    fn credit(&mut self, postings: &[Posting], kind: MatchKind) {
        for posting in postings {
            self.raise(posting.document() as usize, posting.fields(), kind);
        }
    }

    fn raise(&mut self, document: usize, fields: u8, kind: MatchKind) {
        let slot = &mut self.score[document];
        if *slot == 0 {
            self.touched.push(document as u32);
        }
        *slot = (*slot).max(Field::weight(fields) * kind as u32);
    }

    /// The words of `part` read in `lang` with the stem of `term` (inflected forms), or with a stem it
    /// has run past (a prefix), found among the words that start as those stems do.
    fn add_inflected(&mut self, term: &Term, part: &Part, lang: Lang) {
        let own = term.stem(lang);
        let run_past: Vec<&str> = term.stems_run_past().collect();
        let mut starts: Vec<&str> = own.into_iter().chain(run_past.first().copied()).filter_map(shared_start).collect();
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
                let Some(word_stem) = std::str::from_utf8(word).ok().and_then(|word| stem(lang, word)) else {
                    continue;
                };
                if own == Some(word_stem.as_str()) {
                    self.credit(postings, MatchKind::Inflected);
                } else if run_past.contains(&word_stem.as_str()) {
                    self.credit(postings, MatchKind::Prefix);
                }
            }
        }
    }

    /// Every way `term` matches the words of `part`, each document raised by its best.
    fn add_matches(&mut self, term: &Term, part: &Part) {
        if let Some(fields_by_document) = term.initial().and_then(|initial| part.initials.fields(initial)) {
            for (document, fields) in fields_by_document.enumerate().filter(|(_, fields)| *fields != 0) {
                self.raise(document, fields, MatchKind::Prefix);
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
}

impl Document {
    /// Its place among the index's documents: sections first, then news in content order.
    fn at(content: &Content, place: usize) -> Document {
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

fn for_each_language<T>(text: &Localized<T>, mut each: impl FnMut(Lang, &T)) {
    Lang::ALL
        .into_iter()
        .filter_map(|lang| Some((lang, text.get_exact(lang)?)))
        .for_each(|(lang, text)| each(lang, text));
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
        let index = SearchIndex::build(&fixture());
        let unknown_words = "qwxz ".repeat(200);
        let known_then_unknown = format!("fee {}", "zzzzzzzzz ".repeat(100));
        for query in
            ["!!! ?? --", "😀🎉", "مرحبا بالعالم", "שלום עולם", &"x".repeat(1000), &unknown_words, &known_then_unknown]
        {
            assert!(index.search(query).ranked().is_empty(), "{query:?}");
        }
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
        let kind_in_any_language =
            |term: &Term, word: &str| languages_of[word].iter().filter_map(|&lang| term.matches(word, lang)).max();
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
        let (headlines, _) = SearchIndex::build_headlines(&content);
        for slice in [1, 7, 1000] {
            let (_, mut bodies) = SearchIndex::build_headlines(&content);
            while !bodies.index_some(&content, slice) {}
            let index = bodies.finish(&headlines);
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
