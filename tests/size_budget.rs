//! The size budget: everything the first view needs — index.html and every script, module, preload and
//! stylesheet it references, and whatever those scripts load in turn (the wasm) — at most 200 KB once
//! brotli-compressed, as a phone on a slow connection receives it, plus the measured cost of Leptos'
//! router, which the design asks for. content.json is counted apart (it
//! grows with the news, not with the code), and so are the news feeds and content.schema.json, which
//! the first view never loads.
//!
//! Reads the release folder `dist/`: `scripts/test` builds it first (`trunk build --release`).
#![cfg(not(target_arch = "wasm32"))]

use regex::Regex;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// 200 KB, and what `leptos_router` and the Snowball stemmers for Finnish, Swedish and English measured
/// when they were adopted, each as the same build without and with it, after cuts elsewhere made room
/// for the rest of the language support (BENCHMARKS.md, "Size budget").
const BUDGET: usize = 200 * 1024 + LEPTOS_ROUTER + SNOWBALL_STEMMERS;
const LEPTOS_ROUTER: usize = 10_443;
const SNOWBALL_STEMMERS: usize = 5_234;

/// Referenced from index.html but not part of the first view's code: the content and what is made from it.
fn counted_apart(file: &str) -> bool {
    file == "content.json" || file == "content.schema.json" || file.ends_with(".atom")
}

fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no release build to measure: run `. scripts/env.sh && trunk build --release` \
         (or scripts/build, or scripts/test, which builds before testing) first",
        dist.display()
    );
    dist
}

fn brotli_size(bytes: &[u8]) -> usize {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer.write_all(bytes).unwrap();
    }
    compressed.len()
}

/// Files in `dist` that `text` (HTML or JavaScript) names: `href=…` and `src=…` quoted or not (Trunk
/// minifies index.html), `import … from './…'`, `init({ module_or_path: './…' })` and the like. Any
/// name of a file that is in `dist` counts, so whatever loads the app (Trunk's inline script or a
/// separate loader file) is followed.
fn references(text: &str, dist: &Path) -> Vec<String> {
    let names =
        Regex::new(r#"(?:^|[\s"'`=(,])((?:\./)?[A-Za-z0-9_][A-Za-z0-9_.\-]*\.(?:m?js|wasm|css|json|atom))\b"#).unwrap();
    names
        .captures_iter(text)
        .map(|captures| captures[1].trim_start_matches("./").to_owned())
        .filter(|file| dist.join(file).is_file())
        .collect()
}

/// Every file the first view loads, starting from index.html, in the order found.
fn first_view_files(dist: &Path) -> (Vec<String>, BTreeSet<String>) {
    let mut files = vec!["index.html".to_owned()];
    let mut apart = BTreeSet::new();
    let mut at = 0;
    while at < files.len() {
        let text = std::fs::read(dist.join(&files[at])).unwrap();
        // The wasm names no files; only text is searched.
        if !files[at].ends_with(".wasm") {
            for file in references(&String::from_utf8_lossy(&text), dist) {
                if counted_apart(&file) {
                    apart.insert(file);
                } else if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
        at += 1;
    }
    (files, apart)
}

#[test]
fn the_first_view_is_within_its_budget_brotli_compressed() {
    let dist = dist();
    let (files, apart) = first_view_files(&dist);
    assert!(files.iter().any(|f| f.ends_with(".wasm")), "no wasm found from index.html: {files:?}");
    assert!(files.iter().any(|f| f.ends_with(".js")), "no JavaScript found from index.html: {files:?}");
    assert!(files.iter().any(|f| f.ends_with(".css")), "no stylesheet found from index.html: {files:?}");

    let mut table = format!("{:<48} {:>10} {:>10}\n", "first view (dist/)", "bytes", "brotli");
    let mut total = 0;
    for file in &files {
        let bytes = std::fs::read(dist.join(file)).unwrap();
        let compressed = brotli_size(&bytes);
        total += compressed;
        writeln!(table, "{file:<48} {:>10} {compressed:>10}", bytes.len()).unwrap();
    }
    writeln!(table, "{:<48} {:>10} {total:>10}  budget {BUDGET} (200 KB + the router's {LEPTOS_ROUTER} + the stemmers' {SNOWBALL_STEMMERS})", "total", "")
        .unwrap();
    for file in &apart {
        let bytes = std::fs::read(dist.join(file)).unwrap();
        writeln!(table, "{:<48} {:>10} {:>10}", format!("{file} (apart)"), bytes.len(), brotli_size(&bytes)).unwrap();
    }
    let content = std::fs::read(dist.join("content.json")).unwrap();
    if !apart.contains("content.json") {
        writeln!(table, "{:<48} {:>10} {:>10}", "content.json (apart)", content.len(), brotli_size(&content)).unwrap();
    }

    println!("{table}");
    assert!(
        total <= BUDGET,
        "the first view is {total} bytes brotli-compressed, {} over the budget of {BUDGET}:\n{table}",
        total - BUDGET
    );
}

/// The `<link>` tags of index.html whose `rel` is `rel` and that name `file` (quoted or not).
fn links<'a>(html: &'a str, rel: &str, file: &Regex) -> Vec<&'a str> {
    let tag = Regex::new(r"<link\b[^>]*>").unwrap();
    let rel = Regex::new(&format!(r#"\brel=["']?{rel}["'\s>]"#)).unwrap();
    tag.find_iter(html).map(|m| m.as_str()).filter(|t| rel.is_match(t) && file.is_match(t)).collect()
}

/// content.json and the wasm start downloading as soon as index.html is read, side by side, and the
/// page paints the home view's outline before any script runs.
#[test]
fn index_html_starts_the_downloads_at_once_and_paints_a_shell() {
    let html = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let content = links(&html, "preload", &Regex::new(r#"href=["']?(?:\./)?content\.json["'\s>]"#).unwrap());
    assert_eq!(content.len(), 1, "one preload of content.json: {content:?}");
    // What the app's fetch() asks for: CORS mode with same-origin credentials, else the preload is wasted.
    assert!(Regex::new(r"\bas=.?fetch\b").unwrap().is_match(content[0]), "{}", content[0]);
    assert!(
        Regex::new(r#"\bcrossorigin(?:[\s>]|=["']?anonymous|=["']{2})"#).unwrap().is_match(content[0]),
        "{}",
        content[0]
    );
    let wasm = links(&html, "preload", &Regex::new(r"\.wasm\b").unwrap());
    assert_eq!(wasm.len(), 1, "one preload of the wasm: {wasm:?}");

    let body = &html[html.find("<body").expect("a body")..];
    let shell = &body[..body.find("<script").unwrap_or(body.len())];
    for (what, pattern) in [
        ("the shell", r#"id=["']?shell\b"#),
        ("the header", r"<header\b"),
        ("the title", r"<h1\b[^>]*>[^<]+</h1>"),
        ("the message without JavaScript", r"<noscript>[^<]*<p\b[^>]*>[^<]+"),
    ] {
        assert!(Regex::new(pattern).unwrap().is_match(shell), "index.html paints no {what} before scripts:\n{shell}");
    }
    let cards = Regex::new(r#"class=["']?skeleton-card\b"#).unwrap().find_iter(shell).count();
    assert_eq!(cards, 6, "six placeholder cards, one per section");
    // Not the class of a real card: the load benchmark waits for six `.section-card`s.
    assert!(!shell.contains("section-card"));
    // A strict Content-Security-Policy (style-src 'self') forbids inline styles.
    assert!(!Regex::new(r"\bstyle=|<style\b").unwrap().is_match(&html), "inline style in index.html");
}
