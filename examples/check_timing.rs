//! How long the content check takes natively on a file without problems: `consistency::repair`, which
//! the app runs at the end of reading content.json, best of seven rounds (BENCHMARKS.md, session 12).
//!   cargo run --release --example check_timing -- target/bench/content-10000.json

use integration_portal::content::consistency::repair;
use integration_portal::content::parse_content;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: check_timing CONTENT.json");
    let text = std::fs::read_to_string(&path).expect("read the content file");
    let content = parse_content(&text).expect("a valid content file");
    let mut best = f64::INFINITY;
    for _ in 0..7 {
        let mut checked = content.clone();
        let start = Instant::now();
        let problems = repair(&mut checked);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        assert!(problems.is_empty(), "a file with problems: {problems:?}");
    }
    println!("{} news items: the check, best of 7: {best:.1} ms", content.news.len());
}
