//! Building the index a few documents at a time, so a large archive never holds the page for long:
//! the titles and summaries first, which search answers from, then the bodies.

use super::facet::FilterBits;
use super::index::{for_each_language, Document, SearchIndex};
use super::index_part::{Builder, Field, Finishing, Part};
use crate::content::Content;

impl SearchIndex {
    /// Indexes every language of every text, so a Swedish word finds an item read in Finnish.
    pub fn build(content: &Content) -> SearchIndex {
        let (headlines, mut bodies) = SearchIndex::build_headlines(content);
        while !bodies.index_some(content, usize::MAX) {}
        bodies.finish(&headlines)
    }

    /// The titles and summaries indexed at once ([`HeadlineIndexing`]), and the bodies still to index.
    pub fn build_headlines(content: &Content) -> (SearchIndex, BodyIndexing) {
        let mut headlines = SearchIndex::index_headlines(content);
        while !headlines.index_some(content, usize::MAX) {}
        headlines.finish(content)
    }

    /// The headlines still to be indexed, for a caller that indexes them a few documents at a time.
    pub fn index_headlines(content: &Content) -> HeadlineIndexing {
        HeadlineIndexing(Indexing::new(content), Vec::with_capacity(content.news.len()))
    }
}

/// Documents still to be indexed, a few at a time so the page stays responsive, then their words
/// ordered a step at a time.
struct Indexing {
    builder: Builder,
    next: usize,
    finishing: Option<Finishing>,
}

impl Indexing {
    fn new(content: &Content) -> Indexing {
        Indexing { builder: Builder::new(content.sections.len() + content.news.len()), next: 0, finishing: None }
    }

    /// Adds `add`'s texts of up to `count` more documents, or once every document is in, takes a step
    /// in ordering their words; true once the words are in order.
    fn index_some(&mut self, content: &Content, count: usize, add: fn(&mut Builder, u32, Document, &Content)) -> bool {
        if let Some(finishing) = &mut self.finishing {
            return finishing.step();
        }
        let documents = content.sections.len() + content.news.len();
        let end = documents.min(self.next.saturating_add(count));
        for document in self.next..end {
            add(&mut self.builder, document as u32, Document::at(content, document), content);
        }
        self.next = end;
        if end == documents {
            self.finishing = Some(self.builder.finishing());
        }
        false
    }

    /// The part of the documents indexed so far, its words ordered.
    fn into_part(mut self) -> Part {
        self.finishing.unwrap_or_else(|| self.builder.finishing()).into_part()
    }
}

/// The titles and summaries of every document in every language: the fields that rank highest and
/// about a third of the words, so search can answer while the bodies are indexed. The news items'
/// filter bits are read first.
pub struct HeadlineIndexing(Indexing, Vec<FilterBits>);

impl HeadlineIndexing {
    /// Reads the filter bits of up to `count` more news items, or indexes the titles and summaries of up
    /// to `count` more documents, or takes a step in ordering their words; true once all is done.
    pub fn index_some(&mut self, content: &Content, count: usize) -> bool {
        let HeadlineIndexing(indexing, filter_bits) = self;
        if filter_bits.len() < content.news.len() {
            let next = filter_bits.len();
            filter_bits.extend(FilterBits::of_news(content, next..content.news.len().min(next.saturating_add(count))));
            return false;
        }
        indexing.index_some(content, count, |builder, document, at, content| {
            let (title, summary, _) = at.texts(content);
            for_each_language(title, |lang, text| builder.add(document, Field::Title, lang, text));
            for_each_language(summary, |lang, text| builder.add(document, Field::Summary, lang, text));
        })
    }

    /// The index of the headlines, and the bodies still to index.
    pub fn finish(self, content: &Content) -> (SearchIndex, BodyIndexing) {
        let HeadlineIndexing(indexing, mut filter_bits) = self;
        let next = filter_bits.len();
        filter_bits.extend(FilterBits::of_news(content, next..content.news.len()));
        let index = SearchIndex::of_part(content, indexing.into_part(), filter_bits);
        (index, BodyIndexing(Indexing::new(content)))
    }
}

/// The bodies still to be indexed after the headlines, then joined to them as the complete index.
pub struct BodyIndexing(Indexing);

impl BodyIndexing {
    /// Indexes the bodies of up to `count` more documents, or takes a step in ordering their words;
    /// true once all is done.
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
        headlines.with_part(self.0.into_part())
    }
}
