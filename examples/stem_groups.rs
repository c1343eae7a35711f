//! What the Finnish rules of src/search/stem.rs add to Snowball, measured on a content.json: the distinct
//! Finnish words of every title, summary and body, how many stems they fall into with Snowball alone and
//! with the rules, and each group of words the rules join (for BENCHMARKS.md, "Finnish stems").
//!   cargo run --example stem_groups -- content.json

use integration_portal::content::parse_content;
use integration_portal::i18n::Lang;
use integration_portal::search::stem::{snowball_stem, stem, MIN_STEMMED_CHARS};
use integration_portal::search::text::words;
use std::collections::{BTreeMap, BTreeSet};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "content.json".to_owned());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let content = parse_content(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut finnish = BTreeSet::new();
    let mut add = |text: &str| finnish.extend(words(text).filter(|w| w.chars().count() >= MIN_STEMMED_CHARS));
    let items = content.sections.iter().map(|s| (&s.title, &s.summary, &s.body));
    for (title, summary, body) in items.chain(content.news.iter().map(|n| (&n.title, &n.summary, &n.body))) {
        [title.get_exact(Lang::Fi), summary.get_exact(Lang::Fi)].into_iter().flatten().for_each(|t| add(t));
        for block in body.get_exact(Lang::Fi).into_iter().flatten() {
            block.for_each_text(&mut add);
        }
    }
    let group = |stem_of: &dyn Fn(&str) -> String| {
        let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        finnish.iter().for_each(|word| groups.entry(stem_of(word)).or_default().push(word));
        groups
    };
    let snowball = group(&|word| snowball_stem(Lang::Fi, word));
    let with_rules = group(&|word| stem(Lang::Fi, word).unwrap_or_default());
    println!("{} distinct Finnish words of {MIN_STEMMED_CHARS}+ letters in {path}", finnish.len());
    println!("stems with Snowball alone: {}; with the rules: {}", snowball.len(), with_rules.len());
    let joined: Vec<_> = with_rules
        .iter()
        .filter(|(_, words)| {
            let snowball_stems: BTreeSet<String> = words.iter().map(|word| snowball_stem(Lang::Fi, word)).collect();
            snowball_stems.len() > 1
        })
        .collect();
    println!("groups the rules join ({}):", joined.len());
    for (stem, words) in joined {
        println!("  {stem}: {}", words.join(" "));
    }
}
