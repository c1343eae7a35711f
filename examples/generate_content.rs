//! Writes a content.json with the bundled site and sections and N generated news items, for benchmarks:
//!   cargo run --release --example generate_content -- 10000 > target/content-10000.json

use integration_portal::content::parse_content;
use integration_portal::tooling::synthetic;

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let base = parse_content(include_str!("../content.json")).expect("the bundled content.json is valid");
    let content = synthetic::generate(&base, count, 2024);
    println!("{}", serde_json::to_string(&content).expect("content serializes"));
}
