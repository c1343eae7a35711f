//! Finding things: the text search index and the news query with its facets.

pub mod index;
pub mod news_query;
pub mod query_string;
pub mod site_query;
pub mod text;

pub use index::{Document, Scores, SearchIndex};
pub use news_query::{Chip, Facet, NewsQuery, NewsResults, Sort, PAGE_SIZE};
pub use site_query::{SiteQuery, SiteResults};
