//! Writes a content.json with the bundled site and sections and N generated news items, for benchmarks:
//!   cargo run --release --example generate_content -- 10000 > target/content-10000.json
//!   cargo run --release --example generate_content -- 300 --after-bundled > content-300.json
//! With `--after-bundled`, the bundled news items are kept, as they are in the file, and the generated
//! ones follow them: an archive of older news behind the recent ones (the load benchmark).

use integration_portal::content::parse_content;
use integration_portal::tooling::synthetic;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let after_bundled = args.next().as_deref() == Some("--after-bundled");
    let bundled = include_str!("../content.json");
    let base = parse_content(bundled).expect("the bundled content.json is valid");
    let content = synthetic::generate(&base, count, 2024);
    let written = if after_bundled {
        // Spliced into the text, so the file keeps its members in their order: news comes last.
        let generated = serde_json::to_string(&content.news).expect("news serializes");
        let end = bundled.trim_end().strip_suffix('}').and_then(|rest| rest.trim_end().strip_suffix(']'));
        let before = end.expect("the bundled content.json ends with its news list");
        format!("{before},{}]}}", &generated[1..generated.len() - 1])
    } else {
        serde_json::to_string(&content).expect("content serializes")
    };
    println!("{written}");
}
