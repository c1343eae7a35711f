//! How long building the search index takes natively in the wasm's own size-tuned profile (criterion's
//! benchmarks use `opt-level = 3`): reading every word of every text alone, then the headlines and the
//! bodies as the app builds them. Three rounds (BENCHMARKS.md, session 5). Then how many of the words
//! read are a word already read in the same news item (session 12):
//!   cargo run --release --example index_timing -- target/bench/content-10000.json
//! The same as wasm under V8, each round in one process (session 16): scripts/index-timing-wasm

use integration_portal::content::{parse_content, Content, NewsItem};
use integration_portal::i18n::Lang;
use integration_portal::search::text::WordReader;
use integration_portal::search::SearchIndex;
use std::time::Instant;

/// Every title, summary and body text of a news item, in every language.
fn item_texts(item: &NewsItem) -> Vec<String> {
    let mut texts = Vec::new();
    for lang in Lang::ALL {
        texts.extend(item.title.get_exact(lang).cloned());
        texts.extend(item.summary.get_exact(lang).cloned());
        for block in item.body.get_exact(lang).into_iter().flatten() {
            block.for_each_text(|text| texts.push(text.to_owned()));
        }
    }
    texts
}

/// The words read in all, and those not read before in the same news item.
fn words_and_first_in_item(content: &Content, reader: &WordReader) -> (usize, usize) {
    let (mut words, mut first) = (0, 0);
    let mut scratch = Vec::new();
    for item in &content.news {
        let mut seen = std::collections::HashSet::new();
        for text in item_texts(item) {
            let mut at = 0;
            while let Some((word, span)) = reader.next_word(&text, at, &mut scratch) {
                at = span.end;
                words += 1;
                first += usize::from(seen.insert(word.form.to_vec()));
            }
        }
    }
    (words, first)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: index_timing CONTENT.json");
    let text = std::fs::read_to_string(&path).expect("read the content file");
    let content = parse_content(&text).expect("a valid content file");
    let texts: Vec<String> = content.news.iter().flat_map(item_texts).collect();
    let reader = WordReader::default();
    for round in 1..=3 {
        let start = Instant::now();
        let mut scratch = Vec::new();
        let mut words = 0;
        for text in &texts {
            let mut at = 0;
            while let Some((_, span)) = reader.next_word(text, at, &mut scratch) {
                at = span.end;
                words += 1;
            }
        }
        let reading = start.elapsed();

        let start = Instant::now();
        let (headlines, mut bodies) = SearchIndex::build_headlines(&content);
        let headlines_built = start.elapsed();
        while !bodies.index_some(&content, usize::MAX) {}
        let index = bodies.finish(&headlines);
        let complete = start.elapsed();
        println!(
            "round {round}: reading {words} words {reading:.1?}; index: headlines {headlines_built:.1?}, \
             complete {complete:.1?} ({} words)",
            index.indexed_words()
        );
    }
    let (words, first) = words_and_first_in_item(&content, &reader);
    println!("{words} words read, {first} of them not read before in the same news item");
}
