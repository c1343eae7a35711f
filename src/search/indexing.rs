//! Building the index a few documents at a time, so a large archive never holds the page for long:
//! the titles and summaries first, which search answers from, then the bodies.

use super::index::{for_each_language, Document, SearchIndex};
use super::index_part::{Builder, Field};
use crate::content::Content;

impl SearchIndex {
    /// Indexes every language of every text, so a Swedish word finds an item read in Finnish.
    pub fn build(content: &Content) -> SearchIndex {
        let (headlines, mut bodies) = SearchIndex::build_headlines(content);
        bodies.index_some(content, usize::MAX);
        bodies.finish(&headlines)
    }

    /// The titles and summaries indexed at once ([`HeadlineIndexing`]), and the bodies still to index.
    pub fn build_headlines(content: &Content) -> (SearchIndex, BodyIndexing) {
        let mut headlines = SearchIndex::index_headlines(content);
        headlines.index_some(content, usize::MAX);
        headlines.finish(content)
    }

    /// The headlines still to be indexed, for a caller that indexes them a few documents at a time.
    pub fn index_headlines(content: &Content) -> HeadlineIndexing {
        HeadlineIndexing(Indexing::new(content))
    }
}

/// Documents still to be indexed, a few at a time so the page stays responsive.
struct Indexing {
    builder: Builder,
    next: usize,
}

impl Indexing {
    fn new(content: &Content) -> Indexing {
        Indexing { builder: Builder::new(content.sections.len() + content.news.len()), next: 0 }
    }

    /// Adds `add`'s texts of up to `count` more documents; true once every document is in.
    fn index_some(&mut self, content: &Content, count: usize, add: fn(&mut Builder, u32, Document, &Content)) -> bool {
        let documents = content.sections.len() + content.news.len();
        let end = documents.min(self.next.saturating_add(count));
        for document in self.next..end {
            add(&mut self.builder, document as u32, Document::at(content, document), content);
        }
        self.next = end;
        end == documents
    }
}

/// The titles and summaries of every document in every language: the fields that rank highest and
/// about a third of the words, so search can answer while the bodies are indexed.
pub struct HeadlineIndexing(Indexing);

impl HeadlineIndexing {
    /// Indexes the titles and summaries of up to `count` more documents; true once every one is in.
    pub fn index_some(&mut self, content: &Content, count: usize) -> bool {
        self.0.index_some(content, count, |builder, document, at, content| {
            let (title, summary, _) = at.texts(content);
            for_each_language(title, |lang, text| builder.add(document, Field::Title, lang, text));
            for_each_language(summary, |lang, text| builder.add(document, Field::Summary, lang, text));
        })
    }

    /// The index of the headlines, and the bodies still to index.
    pub fn finish(self, content: &Content) -> (SearchIndex, BodyIndexing) {
        let index = SearchIndex::of_part(content, self.0.builder.into_part());
        (index, BodyIndexing(Indexing::new(content)))
    }
}

/// The bodies still to be indexed after the headlines, then joined to them as the complete index.
pub struct BodyIndexing(Indexing);

impl BodyIndexing {
    /// Indexes the bodies of up to `count` more documents; true once every body is in.
    pub fn index_some(&mut self, content: &Content, count: usize) -> bool {
        self.0.index_some(content, count, |builder, document, at, content| {
            let (_, _, body) = at.texts(content);
            for_each_language(body, |lang, blocks| {
                for block in blocks {
                    block.for_each_text(|text| builder.add(document, Field::Body, lang, text));
                }
            });
        })
    }

    /// The complete index: `headlines` with the bodies indexed so far.
    pub fn finish(self, headlines: &SearchIndex) -> SearchIndex {
        headlines.with_part(self.0.builder.into_part())
    }
}
