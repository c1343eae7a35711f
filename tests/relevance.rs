//! The relevance suite (tests/relevance/suite.json) on the bundled content: how often site search puts a
//! right answer among the first three results. Fails when recall drops below the level reached;
//! `cargo test --test relevance -- --nocapture` prints it by kind and language, and every miss.
//! Pagefind's figure on the same suite comes from scripts/relevance-pagefind (BENCHMARKS.md).

use integration_portal::content::{parse_content, Content};
use integration_portal::search::{Document, SearchIndex, SiteQuery};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The level reached, in queries of the suite; raise it when search gets better.
const RECALL_REACHED: usize = 84;

#[derive(Deserialize)]
struct Suite {
    queries: Vec<Query>,
}

#[derive(Deserialize)]
struct Query {
    query: String,
    lang: String,
    kind: String,
    expect: Vec<String>,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn id_of(content: &Content, document: Document) -> String {
    match document {
        Document::Section(i) => format!("section:{}", content.sections[i].slug),
        Document::News(i) => format!("news:{}", content.news[i].slug),
    }
}

#[test]
fn site_search_puts_a_right_answer_in_the_first_three_for_the_suite() {
    let content = parse_content(&read("content.json")).unwrap();
    let suite: Suite = serde_json::from_str(&read("tests/relevance/suite.json")).unwrap();
    let known: Vec<String> = (0..content.sections.len())
        .map(Document::Section)
        .chain((0..content.news.len()).map(Document::News))
        .map(|document| id_of(&content, document))
        .collect();
    let index = SearchIndex::build(&content);
    let mut found = 0;
    let mut by_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for query in &suite.queries {
        assert!(query.expect.iter().all(|id| known.contains(id)), "{:?} expects an unknown item", query.query);
        let results = SiteQuery { text: query.query.clone(), page: 0 }.apply(&index);
        let first_three: Vec<String> = results.hits.iter().take(3).map(|&hit| id_of(&content, hit)).collect();
        let hit = first_three.iter().any(|id| query.expect.contains(id));
        found += usize::from(hit);
        for group in [&query.kind, &query.lang] {
            let tally = by_group.entry(group.clone()).or_default();
            *tally = (tally.0 + usize::from(hit), tally.1 + 1);
        }
        if !hit {
            misses.push(format!("{} {:?} ({}): got {first_three:?}", query.lang, query.query, query.kind));
        }
    }
    let total = suite.queries.len();
    println!("portal recall@3: {found}/{total} ({:.0} %)", 100.0 * found as f64 / total as f64);
    for (group, (hits, queries)) in &by_group {
        println!("  {group}: {hits}/{queries}");
    }
    misses.iter().for_each(|miss| println!("  missed: {miss}"));
    assert!(total >= 60, "the suite keeps at least 60 queries");
    assert!(
        found >= RECALL_REACHED,
        "recall@3 fell to {found}/{total}, below {RECALL_REACHED}:\n{}",
        misses.join("\n")
    );
}
