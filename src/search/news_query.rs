//! What an official asks of the news list — words, facet values, a date range, an order, a page — and
//! how that reads from the address, writes back to it, applies to the content and lists its filters in
//! force, as data the view words (as GOV.UK's finder-frontend does). Each facet reads and writes its
//! own part of the address (`search::facet`). Values default to nothing, and defaults are left out of
//! the address.

use super::facet::{Facet, MAX_OPTIONS};
use super::index::SearchIndex;
use super::query_string;
use super::selection::Selection;
use super::term::{query_terms, Term};
use crate::content::{Content, Date};
use crate::i18n::Lang;

/// Results shown per page; the list stays small however many match.
pub const PAGE_SIZE: usize = 20;

/// Adds one to the count of each option set in `bits`.
fn count_bits(counts: &mut [usize; MAX_OPTIONS], mut bits: u64) {
    while bits != 0 {
        counts[bits.trailing_zeros() as usize] += 1;
        bits &= bits - 1;
    }
}

/// Adds one to `year`'s count in a list kept newest first. A few dozen years at most: a sorted list,
/// not a map's code in the wasm.
fn count_year(years: &mut Vec<(u16, usize)>, year: u16) {
    match years.binary_search_by(|(listed, _)| year.cmp(listed)) {
        Ok(at) => years[at].1 += 1,
        Err(at) => years.insert(at, (year, 1)),
    }
}

/// Which filter an item failed, as bits, so facet counts can ask "would it pass without this one?".
const TEXT_BIT: u8 = 1 << 4;
const DATE_BIT: u8 = 1 << 5;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    /// Best match first; only offered, and only applied, while there is a search.
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Relevance];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let texts = lang.texts();
        match self {
            Sort::Newest => texts.sort_newest,
            Sort::Oldest => texts.sort_oldest,
            Sort::Relevance => texts.sort_relevance,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct NewsQuery {
    /// As typed, spaces included, so the search box never changes under the user's fingers.
    pub text: String,
    /// Only facets with at least one value selected.
    pub selected: Selection,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub sort: Sort,
    /// Zero-based; the address shows `page=2` for index 1.
    pub page: usize,
}

/// A filter in force, as data for the view to word, with the query that remains without it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveFilter {
    pub filter: Filter,
    pub without: NewsQuery,
}

/// What narrows the news list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The search words, trimmed.
    Words(String),
    Value(Facet, String),
    From(Date),
    To(Date),
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewsResults {
    /// Indices into `content.news` of every match, in the order to show.
    pub items: Vec<usize>,
    /// The search words, for highlighting.
    pub terms: Vec<Term>,
    /// For each news item in content order, which filters it failed: what `counts` counts from.
    failed: Vec<u8>,
}

/// What choosing each facet value or year would give, beside the results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterCounts {
    /// For each facet, each option and how many results choosing it would give.
    pub facet_counts: Vec<(Facet, Vec<(String, usize)>)>,
    /// Years that have results under the other filters, newest first, with counts.
    pub years: Vec<(u16, usize)>,
}

impl NewsResults {
    pub fn page_count(&self) -> usize {
        super::page_count(self.items.len())
    }

    /// The items of a page; the last page when asked for one past the end.
    pub fn page(&self, page: usize) -> &[usize] {
        super::page_of(&self.items, page)
    }

    /// The counts each facet value and year would give, in one pass over the news: an item that failed
    /// no filter counts for every facet and its year; one that failed a single filter still counts for
    /// that filter's values, which is what choosing another of them would give.
    pub fn counts(&self, content: &Content, index: &SearchIndex) -> FilterCounts {
        let mut counts = [[0usize; MAX_OPTIONS]; 4];
        let mut years: Vec<(u16, usize)> = Vec::new();
        for (facts, &failed) in index.filter_bits.iter().zip(&self.failed) {
            for facet in Facet::ALL {
                if failed & !facet.bit() == 0 {
                    count_bits(&mut counts[facet as usize], facts.values[facet as usize]);
                }
            }
            if failed & !DATE_BIT == 0 {
                count_year(&mut years, facts.published.year);
            }
        }
        let facet_counts = Facet::ALL
            .into_iter()
            .map(|facet| {
                let options = facet.options(content);
                let counted = options.iter().zip(counts[facet as usize]);
                (facet, counted.map(|(value, count)| ((*value).to_owned(), count)).collect())
            })
            .collect();
        FilterCounts { facet_counts, years }
    }
}

impl NewsQuery {
    /// Reads the query part of an address. Unknown keys, malformed dates and values that cannot be ids
    /// are ignored.
    pub fn from_query_string(query: &str) -> NewsQuery {
        let mut parsed = NewsQuery::default();
        for (key, value) in query_string::parse(query) {
            match key.as_str() {
                "q" => parsed.text = value,
                "from" => parsed.from = Date::parse(&value).ok(),
                "to" => parsed.to = Date::parse(&value).ok(),
                "sort" => parsed.sort = Sort::from_key(&value).unwrap_or_default(),
                "page" => parsed.page = value.parse::<usize>().ok().filter(|&p| p >= 1).map_or(0, |p| p - 1),
                key => {
                    if let Some(facet) = Facet::from_key(key) {
                        parsed.selected.set(facet, facet.read(&value));
                    }
                }
            }
        }
        parsed
    }

    /// The query part of the address, without the defaults; empty for the plain list.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        for (facet, values) in &self.selected {
            pairs.push(facet.write(values));
        }
        pairs.extend(self.from.map(|d| ("from", d.to_iso())));
        pairs.extend(self.to.map(|d| ("to", d.to_iso())));
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.key().to_owned()));
        }
        if self.page > 0 {
            pairs.push(("page", (self.page + 1).to_string()));
        }
        query_string::format(pairs)
    }

    /// The same query without values this content does not have (an old or mistyped link).
    pub fn without_unknown_values(mut self, content: &Content) -> NewsQuery {
        self.selected.retain(|facet, value| facet.options(content).contains(&value));
        self
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected.get(&facet).is_some_and(|values| values.iter().any(|chosen| chosen == value))
    }

    /// This query with one facet value switched, back on the first page.
    pub fn toggled(&self, facet: Facet, value: &str) -> NewsQuery {
        let mut next = self.clone();
        next.selected.toggle(facet, value);
        next.page = 0;
        next
    }

    pub fn with_text(&self, text: String) -> NewsQuery {
        NewsQuery { text, page: 0, ..self.clone() }
    }

    pub fn with_dates(&self, from: Option<Date>, to: Option<Date>) -> NewsQuery {
        NewsQuery { from, to, page: 0, ..self.clone() }
    }

    /// The whole of one year.
    pub fn with_year(&self, year: u16) -> NewsQuery {
        self.with_dates(Some(Date { year, month: 1, day: 1 }), Some(Date { year, month: 12, day: 31 }))
    }

    pub fn is_year(&self, year: u16) -> bool {
        self.from == Some(Date { year, month: 1, day: 1 }) && self.to == Some(Date { year, month: 12, day: 31 })
    }

    pub fn with_sort(&self, sort: Sort) -> NewsQuery {
        NewsQuery { sort, page: 0, ..self.clone() }
    }

    pub fn with_page(&self, page: usize) -> NewsQuery {
        NewsQuery { page, ..self.clone() }
    }

    /// The search words kept, every filter removed.
    pub fn without_filters(&self) -> NewsQuery {
        NewsQuery { text: self.text.clone(), sort: self.sort, ..NewsQuery::default() }
    }

    pub fn has_filters(&self) -> bool {
        !self.selected.is_empty() || self.from.is_some() || self.to.is_some()
    }

    pub fn filter_count(&self) -> usize {
        self.selected.value_count() + usize::from(self.from.is_some()) + usize::from(self.to.is_some())
    }

    /// Whether the text holds a word to search for. Punctuation alone does not, and counts as no
    /// search everywhere: in the results, the sort options, the chips.
    pub fn has_search_words(&self) -> bool {
        !query_terms(&self.text).is_empty()
    }

    /// The order actually applied: relevance needs search words.
    pub fn effective_sort(&self) -> Sort {
        if self.sort == Sort::Relevance && !self.has_search_words() {
            Sort::Newest
        } else {
            self.sort
        }
    }

    /// Every filter in force, the search words first, each with the query that remains without it.
    pub fn active_filters(&self) -> Vec<ActiveFilter> {
        let mut active = Vec::new();
        if self.has_search_words() {
            let without = self.with_text(String::new());
            active.push(ActiveFilter { filter: Filter::Words(self.text.trim().to_owned()), without });
        }
        for (facet, values) in &self.selected {
            for value in values {
                let without = self.toggled(*facet, value);
                active.push(ActiveFilter { filter: Filter::Value(*facet, value.clone()), without });
            }
        }
        if let Some(from) = self.from {
            active.push(ActiveFilter { filter: Filter::From(from), without: self.with_dates(None, self.to) });
        }
        if let Some(to) = self.to {
            active.push(ActiveFilter { filter: Filter::To(to), without: self.with_dates(self.from, None) });
        }
        active
    }

    /// The chosen values of each facet as bits over its options; unknown values choose nothing.
    fn selected_bits(&self, content: &Content) -> [Option<u64>; 4] {
        Facet::ALL.map(|facet| {
            self.selected.get(&facet).map(|values| {
                let options = facet.options(content);
                values.iter().filter_map(|v| options.iter().position(|o| o == v)).fold(0u64, |bits, i| bits | 1 << i)
            })
        })
    }

    /// Applies the query to the content: the matches in order, and what each item failed, for the
    /// counts (`NewsResults::counts`), which the view may work out after the results are on screen.
    pub fn apply(&self, content: &Content, index: &SearchIndex) -> NewsResults {
        // The scores' terms, as the search left them: with corrections where a word matched only as a typo.
        let scores = index.search(&self.text);
        let searching = !scores.terms.is_empty();
        let chosen = self.selected_bits(content);
        let filtering = self.from.is_some() || self.to.is_some() || chosen.iter().any(Option::is_some);
        let text_failed = |score: u32| if searching && score == 0 { TEXT_BIT } else { 0 };
        let failed: Vec<u8> = if !filtering {
            // The common case while typing: an item can fail only the search, one comparison an item.
            scores.news_scores().iter().map(|&score| text_failed(score)).collect()
        } else {
            index
                .filter_bits
                .iter()
                .zip(scores.news_scores())
                .map(|(facts, &score)| {
                    let mut failed = text_failed(score);
                    if self.from.is_some_and(|from| facts.published < from)
                        || self.to.is_some_and(|to| facts.published > to)
                    {
                        failed |= DATE_BIT;
                    }
                    for facet in Facet::ALL {
                        if chosen[facet as usize].is_some_and(|bits| facts.values[facet as usize] & bits == 0) {
                            failed |= facet.bit();
                        }
                    }
                    failed
                })
                .collect()
        };
        // Room for every item at once: most of a large archive matches the first letters typed.
        let mut items = Vec::with_capacity(failed.len());
        items.extend(failed.iter().enumerate().filter(|(_, failed)| **failed == 0).map(|(i, _)| i));
        match self.effective_sort() {
            Sort::Newest => {}
            Sort::Oldest => items.reverse(),
            Sort::Relevance => {
                if searching {
                    let order = crate::stable_sort::highest_first(items.len(), &|k| u64::from(scores.news(items[k])));
                    crate::stable_sort::rearrange(&mut items, order);
                }
            }
        }
        NewsResults { items, terms: scores.terms, failed }
    }
}
