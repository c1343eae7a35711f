//! The news query: read from the address, written back, applied to content.

use integration_portal::components::filter_words::{described, filter_label};
use integration_portal::content::{parse_content, Content, Date};
use integration_portal::i18n::Lang;
use integration_portal::route::Route;
use integration_portal::search::{Facet, NewsQuery, SearchIndex, SiteQuery, Sort};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn fixture() -> (Content, SearchIndex) {
    let content = parse_content(include_str!("fixtures/facets.json")).unwrap();
    let index = SearchIndex::build(&content);
    (content, index)
}

fn slugs(content: &Content, index: &SearchIndex, query: &str) -> Vec<String> {
    let query = NewsQuery::from_query_string(query).without_unknown_values(content);
    query.apply(content, index).items.iter().map(|&i| content.news[i].slug.clone()).collect()
}

fn counts(content: &Content, index: &SearchIndex, query: &str, facet: Facet) -> Vec<(String, usize)> {
    let results = NewsQuery::from_query_string(query).apply(content, index);
    results.counts(content, index).facet_counts.into_iter().find(|(f, _)| *f == facet).unwrap().1
}

#[test]
fn no_query_lists_everything_newest_first() {
    let (content, index) = fixture();
    let all = slugs(&content, &index, "");
    assert_eq!(all.len(), 8);
    assert_eq!(all.first().map(String::as_str), Some("event-2026"));
    assert_eq!(all.last().map(String::as_str), Some("growth-of-plans"));
    let oldest = slugs(&content, &index, "sort=oldest");
    assert_eq!(oldest, all.iter().rev().cloned().collect::<Vec<_>>());
}

#[test]
fn each_facet_filters() {
    let (content, index) = fixture();
    assert_eq!(slugs(&content, &index, "type=press-release"), ["lift-obligations", "proposal-cuts"]);
    assert_eq!(slugs(&content, &index, "topic=fees"), ["interpreter-fee", "proposal-cuts"]);
    assert_eq!(slugs(&content, &index, "audience=health-social"), ["event-2026", "act-in-force", "quota-2025"]);
    assert_eq!(slugs(&content, &index, "section=reception"), ["quota-2025"]);
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let (content, index) = fixture();
    assert_eq!(slugs(&content, &index, "topic=fees,refugees"), ["quota-2025", "interpreter-fee", "proposal-cuts"]);
    assert_eq!(slugs(&content, &index, "topic=fees,refugees&audience=employment-services"), ["interpreter-fee"]);
    assert_eq!(
        slugs(&content, &index, "topic=legislation&type=press-release&section=programmes"),
        ["lift-obligations", "proposal-cuts"]
    );
}

#[test]
fn date_range_and_years() {
    let (content, index) = fixture();
    assert_eq!(slugs(&content, &index, "from=2025-01-01&to=2025-01-01"), ["act-in-force", "quota-2025"]);
    assert_eq!(slugs(&content, &index, "to=2024-11-21"), ["proposal-cuts", "growth-of-plans"]);
    let year = NewsQuery::default().with_year(2024);
    assert_eq!(year.to_query_string(), "from=2024-01-01&to=2024-12-31");
    assert!(year.is_year(2024));
    let results = NewsQuery::from_query_string("topic=legislation").apply(&content, &index);
    assert_eq!(results.counts(&content, &index).years, [(2025, 2), (2024, 2)]);
}

#[test]
fn counts_say_what_choosing_a_value_would_give_and_zero_means_disabled() {
    let (content, index) = fixture();
    // Within the chosen facet, counts ignore the facet's own choice (OR), so other values stay open.
    let topics = counts(&content, &index, "topic=fees", Facet::Topic);
    assert_eq!(topics.iter().find(|(v, _)| v == "refugees").unwrap().1, 1);
    assert_eq!(topics.iter().find(|(v, _)| v == "fees").unwrap().1, 2);
    // Across facets, counts apply the other filters (AND).
    let types = counts(&content, &index, "topic=fees", Facet::Type);
    assert_eq!(types, [("news-item".to_owned(), 1), ("press-release".to_owned(), 1)]);
    let sections = counts(&content, &index, "type=press-release", Facet::Section);
    assert_eq!(sections.iter().find(|(v, _)| v == "reception").unwrap().1, 0);
    // The search words narrow the counts too.
    let audiences = counts(&content, &index, "q=interpreter", Facet::Audience);
    assert_eq!(
        audiences,
        [("employment-services".to_owned(), 2), ("municipality".to_owned(), 3), ("health-social".to_owned(), 2)]
    );
}

#[test]
fn text_search_is_case_and_diacritic_insensitive_across_languages() {
    let (content, index) = fixture();
    assert_eq!(slugs(&content, &index, "q=keha"), ["lift-obligations", "keha-support"]);
    assert_eq!(slugs(&content, &index, "q=KEHA-KESKUS"), ["keha-support"]);
    assert_eq!(slugs(&content, &index, "q=tyo"), ["keha-support"], "työ- in the Finnish title");
    assert_eq!(slugs(&content, &index, "q=kompetensst%C3%B6d"), ["keha-support"]);
    assert_eq!(slugs(&content, &index, "q=pakolaiskiinti"), ["quota-2025"]);
    assert_eq!(slugs(&content, &index, "q=flyktingkvot"), ["quota-2025"]);
    assert_eq!(slugs(&content, &index, "q=v%C3%A4lf%C3%A4rd"), Vec::<String>::new(), "only sections say välfärd");
}

#[test]
fn relevance_puts_title_hits_first() {
    let (content, index) = fixture();
    // "interpret" starts a title word of one item ("interpreted") and body words of two newer ones.
    let by_date = slugs(&content, &index, "q=interpret");
    assert_eq!(by_date, ["event-2026", "act-in-force", "interpreter-fee"]);
    let by_relevance = slugs(&content, &index, "q=interpret&sort=relevance");
    assert_eq!(by_relevance[0], "interpreter-fee");
    // Relevance without words falls back to newest first.
    assert_eq!(NewsQuery::from_query_string("sort=relevance").effective_sort(), Sort::Newest);
}

#[test]
fn punctuation_alone_is_no_search_anywhere() {
    let (content, index) = fixture();
    for text in ["!!!", " ? ", "–", "..."] {
        let query = NewsQuery::default().with_text(text.into()).with_sort(Sort::Relevance);
        assert!(!query.has_search_words(), "{text:?}");
        assert_eq!(query.effective_sort(), Sort::Newest, "{text:?}: relevance is not offered, newest is applied");
        assert!(query.active_filters().is_empty(), "{text:?}: no chip for words that search nothing");
        assert_eq!(query.apply(&content, &index).items.len(), 8, "{text:?}: everything is listed");
        assert!(!SiteQuery::default().with_text(text.into()).has_search_words(), "{text:?}");
    }
    let words = NewsQuery::default().with_text("keha!".into());
    assert!(words.has_search_words() && SiteQuery::default().with_text("keha!".into()).has_search_words());
    assert_eq!(words.active_filters().len(), 1);
}

#[test]
fn unknown_and_malformed_values_are_ignored() {
    let (content, index) = fixture();
    let query = NewsQuery::from_query_string(
        "topic=fees,NOT%20A%20SLUG,nosuchtopic&type=memo&from=2024-02-30&to=yesterday&sort=sideways&page=-3&zzz=1&page",
    );
    let known = query.clone().without_unknown_values(&content);
    assert_eq!(known.selected.get(&Facet::Topic).unwrap().iter().collect::<Vec<_>>(), ["fees"]);
    assert!(!known.selected.contains_key(&Facet::Type));
    assert_eq!((known.from, known.to, known.sort, known.page), (None, None, Sort::Newest, 0));
    assert_eq!(known.apply(&content, &index).items.len(), 2);
}

#[test]
fn chips_describe_and_remove_each_filter() {
    let (content, _) = fixture();
    let query = NewsQuery::from_query_string("q=keha&topic=fees&type=press-release&from=2024-01-01");
    let chips = query.active_filters();
    let labels: Vec<_> = chips.iter().map(|c| filter_label(&c.filter, &content, Lang::En)).collect();
    assert_eq!(labels, ["“keha”", "Type: Press release", "Topic: Fees", "From 1.1.2024"]);
    assert_eq!(chips[1].without.to_query_string(), "q=keha&topic=fees&from=2024-01-01");
    assert_eq!(chips[0].without.to_query_string(), "type=press-release&topic=fees&from=2024-01-01");
    assert_eq!(described(&query, &content, Lang::Fi), "“keha”, Tyyppi: Tiedote, Aihe: Fees, Alkaen 1.1.2024");
    assert_eq!(query.filter_count(), 3);
}

#[test]
fn pages_hold_twenty_and_out_of_range_pages_show_the_last() {
    let (mut content, _) = fixture();
    let template = content.news[0].clone();
    content.news = (0..45)
        .map(|i| {
            let mut item = template.clone();
            item.slug = format!("item-{i}");
            item
        })
        .collect();
    let index = SearchIndex::build(&content);
    let results = NewsQuery::default().apply(&content, &index);
    assert_eq!(results.page_count(), 3);
    assert_eq!(results.page(0).len(), 20);
    assert_eq!(results.page(2).len(), 5);
    assert_eq!(results.page(99), results.page(2));
    assert_eq!(NewsQuery::from_query_string("page=3").page, 2);
}

#[test]
fn filter_changes_return_to_the_first_page() {
    let query = NewsQuery::from_query_string("page=4");
    assert_eq!(query.toggled(Facet::Topic, "fees").page, 0);
    assert_eq!(query.with_text("x".into()).page, 0);
    assert_eq!(query.with_sort(Sort::Oldest).page, 0);
    assert_eq!(query.with_page(5).page, 5);
}

#[test]
fn defaults_are_left_out_of_the_address() {
    assert_eq!(Route::News(NewsQuery::default()).href(), "#/news");
    assert_eq!(Route::News(NewsQuery::from_query_string("sort=newest&page=1&q=")).href(), "#/news");
    assert_eq!(Route::Search(SiteQuery::default()).href(), "#/search");
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}"
}

fn news_query() -> impl Strategy<Value = NewsQuery> {
    let facet = prop_oneof![Just(Facet::Type), Just(Facet::Topic), Just(Facet::Audience), Just(Facet::Section)];
    let date = (1990u16..2100, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| Date { year, month, day });
    let sort = prop_oneof![Just(Sort::Newest), Just(Sort::Oldest), Just(Sort::Relevance)];
    (
        any::<String>(),
        proptest::collection::btree_map(facet, proptest::collection::btree_set(slug(), 1..4), 0..4),
        proptest::option::of(date.clone()),
        proptest::option::of(date),
        sort,
        0usize..1000,
    )
        .prop_map(|(text, selected, from, to, sort, page)| NewsQuery {
            text,
            selected: selected.into_iter().collect(),
            from,
            to,
            sort,
            page,
        })
}

proptest! {
    #[test]
    fn query_to_address_to_query_round_trips(query in news_query()) {
        let route = Route::News(query);
        prop_assert_eq!(Route::parse(&route.href()), route);
    }

    #[test]
    fn any_address_reads_without_panic_and_its_canonical_form_is_stable(fragment in ".*") {
        let route = Route::parse(&fragment);
        let canonical = route.href();
        prop_assert_eq!(Route::parse(&canonical).href(), canonical);
    }

    #[test]
    fn site_query_round_trips(text in any::<String>(), page in 0usize..500) {
        let route = Route::Search(SiteQuery { text, page });
        prop_assert_eq!(Route::parse(&route.href()), route);
    }
}

/// Queries of words an official might type: most stand in the fixture, "tulkkaus" does not.
fn typed_query() -> impl Strategy<Value = String> {
    let words = vec!["KEHA-keskus", "integration", "plan", "kunta", "välfärd", "i", "å", "p", "2026", "tulkkaus"];
    proptest::collection::vec(proptest::sample::select(words), 1..4).prop_map(|words| words.join(" "))
}

proptest! {
    /// While a word is typed letter by letter, the results only narrow: no keystroke shows "no results"
    /// on the way to a query that has some. (A single letter the reader has typed past, followed by a
    /// space, is a word of its own and may narrow further.)
    #[test]
    fn typing_a_query_only_narrows_its_results(query in typed_query()) {
        let (content, index) = fixture();
        let results = |text: &str| -> BTreeSet<usize> {
            NewsQuery::default().with_text(text.to_owned()).apply(&content, &index).items.into_iter().collect()
        };
        let full = results(&query);
        for (end, _) in query.char_indices().skip(1).filter(|(end, _)| !query[..*end].ends_with(' ')) {
            prop_assert!(results(&query[..end]).is_superset(&full), "{:?} lost results of {query:?}", &query[..end]);
        }
    }
}

/// The news list sorted by relevance ranks its items as site search ranks the same items: one set of rules.
#[test]
fn the_news_list_and_site_search_rank_news_alike() {
    let content = parse_content(include_str!("../content.json")).unwrap();
    let index = SearchIndex::build(&content);
    for words in ["pakolainen", "kunta", "integrationsplan", "ansvar", "intepreter", "tulkkaus maksu"] {
        let listed =
            NewsQuery::default().with_text(words.into()).with_sort(Sort::Relevance).apply(&content, &index).items;
        let searched: Vec<usize> = SiteQuery { text: words.into(), page: 0 }
            .apply(&index)
            .hits
            .into_iter()
            .filter_map(|hit| match hit {
                integration_portal::search::Document::News(i) => Some(i),
                integration_portal::search::Document::Section(_) => None,
            })
            .collect();
        assert!(!listed.is_empty(), "{words}");
        assert_eq!(listed, searched, "{words}");
    }
}
