//! A keystroke's fast paths give exactly what the straightforward computation gives, on generated
//! content: the news list's matches, order, facet counts and years (`NewsResults::counts` counts them all
//! in one pass), and each result's marked title and snippet (`Marks` works out each word once, and only
//! the words a snippet needs).

use integration_portal::content::{parse_content, Content, Date, NewsItem};
use integration_portal::i18n::Lang;
use integration_portal::search::card_words::CardWords;
use integration_portal::search::highlight::Fragment;
use integration_portal::search::result_text::{marked_news, Marked};
use integration_portal::search::term::Term;
use integration_portal::search::text::{fold, word_spans};
use integration_portal::search::{Facet, FilterCounts, NewsQuery, SearchIndex, Sort};
use integration_portal::tooling::synthetic::generate;

fn generated() -> (Content, SearchIndex) {
    let base = parse_content(include_str!("../content.json")).unwrap();
    let content = generate(&base, 400, 16);
    let index = SearchIndex::build(&content);
    (content, index)
}

/// Every prefix of phrases typed as the peer benchmark types them, and a few that match little.
fn typed_queries() -> Vec<String> {
    let phrases = ["keha", "integration plan", "refugee quota", "kunta palvelu", "tolk avgift", "the a", "zzz"];
    let mut queries = vec![String::new()];
    for phrase in phrases {
        queries.extend(phrase.char_indices().skip(1).map(|(end, _)| phrase[..end].to_owned()));
        queries.push(phrase.to_owned());
    }
    queries
}

/// Filters in force beside the words: none, a value, values of two facets, a year, a range and an order.
fn filtered(content: &Content, text: &str) -> Vec<NewsQuery> {
    let typed = NewsQuery::default().with_text(text.to_owned());
    let topic = content.site.topics[0].id.clone();
    let audience = content.site.audiences[1].id.clone();
    let from = Date { year: 2019, month: 3, day: 1 };
    vec![
        typed.clone(),
        typed.toggled(Facet::Topic, &topic),
        typed.toggled(Facet::Topic, &topic).toggled(Facet::Audience, &audience).toggled(Facet::Type, "press-release"),
        typed.with_year(2021),
        typed.with_dates(Some(from), None).with_sort(Sort::Oldest),
        typed.with_sort(Sort::Relevance).toggled(Facet::Section, &content.sections[2].slug),
    ]
}

/// Whether an item has `value` for `facet`.
fn has(item: &NewsItem, facet: Facet, value: &str) -> bool {
    match facet {
        Facet::Type => item.kind.id() == value,
        Facet::Topic => item.topics.iter().any(|v| v == value),
        Facet::Audience => item.audiences.iter().any(|v| v == value),
        Facet::Section => item.sections.iter().any(|v| v == value),
    }
}

/// The news list's results worked out one rule at a time: each item tested against each filter, and
/// each count by applying every filter but its own again over the whole archive.
fn straightforward(query: &NewsQuery, content: &Content, index: &SearchIndex) -> (Vec<usize>, FilterCounts) {
    let scores = index.search(&query.text);
    let searching = !scores.terms.is_empty();
    let words = |i: usize| !searching || scores.news(i) > 0;
    let dates = |item: &NewsItem| {
        query.from.is_none_or(|from| item.published >= from) && query.to.is_none_or(|to| item.published <= to)
    };
    let facet_passes = |item: &NewsItem, facet: Facet| {
        query.selected.get(&facet).is_none_or(|values| values.iter().any(|value| has(item, facet, value)))
    };
    let passes_but = |i: usize, left_out: Option<Facet>, dates_left_out: bool| {
        let item = &content.news[i];
        words(i)
            && (dates_left_out || dates(item))
            && Facet::ALL.into_iter().filter(|facet| Some(*facet) != left_out).all(|facet| facet_passes(item, facet))
    };
    let mut items: Vec<usize> = (0..content.news.len()).filter(|&i| passes_but(i, None, false)).collect();
    match query.effective_sort() {
        Sort::Newest => {}
        Sort::Oldest => items.reverse(),
        Sort::Relevance => items.sort_by_key(|&i| std::cmp::Reverse(scores.news(i))),
    }
    let facet_counts = Facet::ALL
        .into_iter()
        .map(|facet| {
            let counts = facet.options(content).into_iter().map(|value| {
                let count = (0..content.news.len())
                    .filter(|&i| passes_but(i, Some(facet), false) && has(&content.news[i], facet, value))
                    .count();
                (value.to_owned(), count)
            });
            (facet, counts.collect())
        })
        .collect();
    let mut years: Vec<(u16, usize)> = Vec::new();
    for i in (0..content.news.len()).filter(|&i| passes_but(i, None, true)) {
        let year = content.news[i].published.year;
        match years.iter_mut().find(|(listed, _)| *listed == year) {
            Some((_, count)) => *count += 1,
            None => years.push((year, 1)),
        }
    }
    years.sort_by_key(|(year, _)| std::cmp::Reverse(*year));
    (items, FilterCounts { facet_counts, years })
}

#[test]
fn the_news_list_gives_what_each_rule_applied_in_turn_gives() {
    let (content, index) = generated();
    for text in typed_queries() {
        for query in filtered(&content, &text) {
            let fast = query.apply(&content, &index);
            let (items, counts) = straightforward(&query, &content, &index);
            assert_eq!(fast.items, items, "items of {query:?}");
            let fast_counts = fast.counts(&content, &index);
            assert_eq!(fast_counts.facet_counts, counts.facet_counts, "facet counts of {query:?}");
            assert_eq!(fast_counts.years, counts.years, "years of {query:?}");
        }
    }
}

/// Every word of `text` asked of every term, then the pieces put together.
fn straightforward_highlight(text: &str, lang: Lang, terms: &[Term]) -> Vec<Fragment> {
    let mut fragments = Vec::new();
    let mut plain_start = 0;
    for span in word_spans(text) {
        let folded = fold(&text[span.clone()]);
        if terms.iter().any(|term| term.matches(folded.as_bytes(), lang).is_some()) {
            if plain_start < span.start {
                fragments.push(Fragment { text: text[plain_start..span.start].to_owned(), matched: false });
            }
            fragments.push(Fragment { text: text[span.clone()].to_owned(), matched: true });
            plain_start = span.end;
        }
    }
    if plain_start < text.len() {
        fragments.push(Fragment { text: text[plain_start..].to_owned(), matched: false });
    }
    fragments
}

/// The whole text marked, then a window cut around its first match and marked again.
fn straightforward_snippet(text: &str, lang: Lang, terms: &[Term], max_chars: usize) -> Vec<Fragment> {
    let whole = straightforward_highlight(text, lang, terms);
    let spans: Vec<_> = word_spans(text).collect();
    let matched_at = whole.iter().position(|f| f.matched).map(|piece| {
        let offset: usize = whole[..piece].iter().map(|f| f.text.len()).sum();
        spans.iter().position(|span| span.start == offset).unwrap()
    });
    let start_word = matched_at.map_or(0, |i| i.saturating_sub(6));
    let start = if start_word == 0 { 0 } else { spans[start_word].start };
    let end = spans[start_word..]
        .iter()
        .find(|span| text[start..span.end].chars().count() > max_chars)
        .map_or(text.len(), |span| span.start);
    let mut fragments = straightforward_highlight(text[start..end].trim_end(), lang, terms);
    if start > 0 {
        fragments.insert(0, Fragment { text: "…".into(), matched: false });
    }
    if end < text.len() {
        fragments.push(Fragment { text: "…".into(), matched: false });
    }
    fragments
}

#[test]
fn each_card_is_marked_as_every_word_asked_in_turn_marks_it() {
    let (content, index) = generated();
    let mut snippets_from_bodies = 0;
    // The words kept from keystroke to keystroke, as the news list keeps them.
    let mut kept = Lang::ALL.map(|_| CardWords::default());
    for text in typed_queries() {
        for (lang, words) in Lang::ALL.into_iter().zip(&mut kept) {
            let results = NewsQuery::default().with_text(text.clone()).apply(&content, &index);
            let terms = &results.terms;
            for card in marked_news(&content, results.page(0), lang, terms, words) {
                let item = &content.news[card.item];
                let title = item.title.get(lang).unwrap();
                let expected_title =
                    Marked { lang: title.lang, fragments: straightforward_highlight(title.value, title.lang, terms) };
                assert_eq!(card.title, expected_title, "title of {} for {text:?}", item.slug);

                let summary = item.summary.get(lang).unwrap();
                let summary_matched =
                    straightforward_highlight(summary.value, summary.lang, terms).iter().any(|f| f.matched);
                let expected_snippet = if terms.is_empty() || summary_matched {
                    Marked {
                        lang: summary.lang,
                        fragments: straightforward_snippet(summary.value, summary.lang, terms, 180),
                    }
                } else {
                    snippets_from_bodies += 1;
                    let body = item.body.get(lang).unwrap();
                    let words: Vec<String> = body.value.iter().map(|block| block.plain_text()).collect();
                    Marked {
                        lang: body.lang,
                        fragments: straightforward_snippet(&words.join(" "), body.lang, terms, 180),
                    }
                };
                assert_eq!(card.snippet, expected_snippet, "snippet of {} for {text:?}", item.slug);
            }
        }
    }
    assert!(snippets_from_bodies > 0, "some snippets come from the bodies");
}
