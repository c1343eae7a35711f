//! How long a keystroke's own work on the news list takes without the page around it: the query applied
//! (search, filters, order) and the first page's 20 cards marked, for every keystroke of the peer
//! benchmark's queries, in the wasm's own size-tuned profile. Three rounds, the mean a keystroke:
//!   cargo run --release --example keystroke_timing -- target/bench/content-10000.json
//! The same as wasm under V8 (BENCHMARKS.md, session 17): scripts/keystroke-timing-wasm

use integration_portal::content::parse_content;
use integration_portal::i18n::Lang;
use integration_portal::search::card_words::CardWords;
use integration_portal::search::result_text::marked_news;
use integration_portal::search::{NewsQuery, SearchIndex};
use integration_portal::tooling::synthetic::TYPED_QUERIES;
use std::time::{Duration, Instant};

/// Times each keystroke's work over this many passes of the queries, for figures above the clock's grain.
const PASSES: u32 = 10;

fn main() {
    let path = std::env::args().nth(1).expect("usage: keystroke_timing CONTENT.json");
    let text = std::fs::read_to_string(&path).expect("read the content file");
    let content = parse_content(&text).expect("a valid content file");
    let index = SearchIndex::build(&content);
    let typed: Vec<&str> = TYPED_QUERIES
        .iter()
        .flat_map(|query| query.char_indices().map(move |(at, letter)| &query[..at + letter.len_utf8()]))
        .collect();
    for round in 1..=3 {
        let (mut applying, mut marking) = (Duration::ZERO, Duration::ZERO);
        for _ in 0..PASSES {
            // Kept from keystroke to keystroke, as the news list keeps them.
            let mut words = CardWords::default();
            for query in &typed {
                let start = Instant::now();
                let results = NewsQuery::default().with_text((*query).to_owned()).apply(&content, &index);
                let applied = Instant::now();
                std::hint::black_box(marked_news(&content, results.page(0), Lang::En, &results.terms, &mut words));
                applying += applied - start;
                marking += applied.elapsed();
            }
        }
        let keystrokes = PASSES * typed.len() as u32;
        println!(
            "round {round}: {} keystrokes; a keystroke: query applied {:.0?}, cards marked {:.0?}",
            typed.len(),
            applying / keystrokes,
            marking / keystrokes
        );
    }
}
