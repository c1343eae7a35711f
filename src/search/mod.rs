//! Finding things: the text search index and the news query with its facets.

pub mod card_words;
pub mod facet;
pub mod highlight;
pub mod index;
mod index_part;
mod indexing;
mod matching;
pub mod news_query;
pub mod query_string;
pub mod result_text;
pub mod selection;
pub mod site_query;
pub mod stem;
mod stem_cache;
mod tails;
pub mod term;
pub mod text;

pub use facet::Facet;
pub use index::{Document, Scores, SearchIndex};
pub use indexing::{BodyIndexing, HeadlineIndexing};
pub use news_query::{ActiveFilter, Filter, FilterCounts, NewsQuery, NewsResults, Sort, PAGE_SIZE};
pub use site_query::{SiteQuery, SiteResults};

/// How many pages `len` results fill; at least one, so an empty result is page 1 of 1.
pub fn page_count(len: usize) -> usize {
    len.div_ceil(PAGE_SIZE).max(1)
}

/// The results on a page; the last page when asked for one past the end.
pub fn page_of<T>(results: &[T], page: usize) -> &[T] {
    let start = page.min(page_count(results.len()) - 1) * PAGE_SIZE;
    &results[start..(start + PAGE_SIZE).min(results.len())]
}
