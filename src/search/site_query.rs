//! The site-wide search: words and a page, over sections and news together.

use super::index::{Document, SearchIndex};
use super::query_string;
use super::term::{query_terms, Term};

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SiteQuery {
    /// As typed.
    pub text: String,
    /// Zero-based; the address shows `page=2` for index 1.
    pub page: usize,
}

impl SiteQuery {
    pub fn from_query_string(query: &str) -> SiteQuery {
        let mut parsed = SiteQuery::default();
        for (key, value) in query_string::parse(query) {
            match key.as_str() {
                "q" => parsed.text = value,
                "page" => parsed.page = value.parse::<usize>().ok().filter(|&p| p >= 1).map_or(0, |p| p - 1),
                _ => {}
            }
        }
        parsed
    }

    pub fn to_query_string(&self) -> String {
        let mut pairs = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        if self.page > 0 {
            pairs.push(("page", (self.page + 1).to_string()));
        }
        query_string::format(pairs)
    }

    pub fn with_text(&self, text: String) -> SiteQuery {
        SiteQuery { text, page: 0 }
    }

    pub fn with_page(&self, page: usize) -> SiteQuery {
        SiteQuery { page, ..self.clone() }
    }

    /// Whether the text holds a word to search for; without one the view shows its hint, not results.
    pub fn has_search_words(&self) -> bool {
        !query_terms(&self.text).is_empty()
    }

    /// Every match, best first, and the page's share of them.
    pub fn apply(&self, index: &SearchIndex) -> SiteResults {
        let scores = index.search(&self.text);
        SiteResults { hits: scores.ranked().into_iter().map(|(document, _)| document).collect(), terms: scores.terms }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SiteResults {
    pub hits: Vec<Document>,
    pub terms: Vec<Term>,
}

impl SiteResults {
    pub fn page_count(&self) -> usize {
        super::page_count(self.hits.len())
    }

    pub fn page(&self, page: usize) -> &[Document] {
        super::page_of(&self.hits, page)
    }
}
