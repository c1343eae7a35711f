//! Parse + index build and queries at 10 000 and 50 000 news items. Figures go in BENCHMARKS.md:
//!   scripts/bench
//! reruns them.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use integration_portal::content::parse_content;
use integration_portal::content::rich_text::{body_plain_text, PlainText};
use integration_portal::i18n::Lang;
use integration_portal::search::card_words::CardWords;
use integration_portal::search::result_text::marked_news;
use integration_portal::search::term::Term;
use integration_portal::search::{Facet, NewsQuery, SearchIndex, SiteQuery};
use integration_portal::tooling::synthetic;
use std::hint::black_box;

fn content_json(count: usize) -> String {
    let base = parse_content(include_str!("../content.json")).expect("bundled content is valid");
    serde_json::to_string(&synthetic::generate(&base, count, 2024)).expect("serializes")
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for count in [10_000, 50_000] {
        let text = content_json(count);
        group.bench_with_input(BenchmarkId::new("parse", count), &text, |b, text| {
            b.iter(|| parse_content(black_box(text)).unwrap())
        });
        let content = parse_content(&text).unwrap();
        group.bench_with_input(BenchmarkId::new("index", count), &content, |b, content| {
            b.iter(|| SearchIndex::build(black_box(content)))
        });
    }
    group.finish();
}

/// What typing "integration plan" and choosing filters asks of the index, one keystroke at a time.
fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    for count in [10_000, 50_000] {
        let content = parse_content(&content_json(count)).unwrap();
        let index = SearchIndex::build(&content);
        let typed = "integration plan";
        let queries: Vec<NewsQuery> = (1..=typed.len())
            .map(|n| NewsQuery::default().with_text(typed[..n].to_owned()))
            .chain([
                NewsQuery::default().toggled(Facet::Topic, &content.site.topics[0].id),
                NewsQuery::default().with_text("kunta".into()).toggled(Facet::Audience, "municipality").with_year(2020),
            ])
            .collect();
        group.bench_with_input(BenchmarkId::new("typing-and-filters", count), &queries, |b, queries| {
            b.iter(|| {
                for query in queries {
                    black_box(query.apply(&content, &index));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("no-query", count), &content, |b, content| {
            b.iter(|| black_box(NewsQuery::default().apply(content, &index)))
        });
    }
    group.finish();
}

/// Marking the 20 cards of the results' first page (the titles, and the snippets from summaries or
/// bodies) for each keystroke of the peer bench's queries, as the news list at `#/en/news` does.
fn marking(c: &mut Criterion) {
    let content = parse_content(&content_json(10_000)).unwrap();
    let index = SearchIndex::build(&content);
    let typed = synthetic::TYPED_QUERIES.iter().flat_map(|query| {
        query.char_indices().map(|(at, letter)| &query[..at + letter.len_utf8()]).collect::<Vec<_>>()
    });
    let pages: Vec<(Vec<usize>, Vec<Term>)> = typed
        .map(|query| {
            let results = NewsQuery::default().with_text(query.to_owned()).apply(&content, &index);
            (results.page(0).to_vec(), results.terms)
        })
        .collect();
    c.bench_function("marking/cards-of-145-keystrokes/10000", |b| {
        b.iter(|| {
            let mut words = CardWords::default();
            for (page, terms) in &pages {
                black_box(marked_news(&content, page, Lang::En, terms, &mut words));
            }
        })
    });
}

/// Queries no one types but someone pastes: a word of 1 000 letters, 1 000 characters of an item's own
/// text (every word of it matching that item), emoji, right-to-left text, punctuation; each must stay
/// within a frame (16 ms).
fn strange_queries(c: &mut Criterion) {
    let mut group = c.benchmark_group("strange-query");
    let content = parse_content(&content_json(10_000)).unwrap();
    let index = SearchIndex::build(&content);
    let item = &content.news[0];
    let own_text = body_plain_text(item.body.get(Lang::Fi).unwrap().value, PlainText::Words);
    let pasted: String = own_text.chars().take(1000).collect();
    let queries = [
        ("one-long-word", "x".repeat(1000)),
        ("pasted-text", pasted),
        ("emoji", "😀🎉🇫🇮".repeat(20)),
        ("right-to-left", "مرحبا بالعالم שלום עולם".to_owned()),
        ("punctuation", "!!! ?? -- ## ".repeat(40)),
    ];
    for (name, text) in queries {
        let query = SiteQuery { text, page: 0 };
        group.bench_with_input(BenchmarkId::new(name, 10_000), &query, |b, query| {
            b.iter(|| black_box(query.apply(&index)))
        });
    }
    group.finish();
}

criterion_group!(benches, load, keystrokes, marking, strange_queries);
criterion_main!(benches);
