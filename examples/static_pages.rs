//! Writes every section and news item as one plain static HTML page per language it has, for measuring
//! a static-site search such as Pagefind on the relevance suite (`scripts/relevance-pagefind`): the
//! title as `<h1>`, the summary and the body's plain text in `<main>`, `<html lang>` set, and the
//! item's id (`section:<slug>`, `news:<slug>`) as Pagefind metadata so results map back to it.
//!   cargo run --example static_pages -- content.json OUT_DIR   writes OUT_DIR/<lang>/<section|news>-<slug>.html

use integration_portal::content::rich_text::{body_plain_text, PlainText};
use integration_portal::content::{parse_content, Block, Localized};
use integration_portal::i18n::Lang;
use std::path::Path;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Writes the item's page in every language its title is in; returns how many.
fn write_pages(
    out: &Path,
    kind: &str,
    slug: &str,
    title: &Localized<String>,
    summary: &Localized<String>,
    body: &Localized<Vec<Block>>,
) -> usize {
    let mut written = 0;
    for lang in Lang::ALL {
        let Some(title) = title.get_exact(lang) else { continue };
        let code = lang.code();
        let summary = summary.get_exact(lang).map_or(String::new(), |s| escape(s));
        let body = body.get_exact(lang).map_or(String::new(), |b| escape(&body_plain_text(b, PlainText::Words)));
        let title = escape(title);
        let html = format!(
            r#"<!DOCTYPE html>
<html lang="{code}">
<head>
<meta charset="utf-8">
<title>{title}</title>
</head>
<body>
<main data-pagefind-meta="id:{kind}:{slug}">
<h1>{title}</h1>
<p>{summary}</p>
<p>{body}</p>
</main>
</body>
</html>
"#
        );
        let dir = out.join(code);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        let path = dir.join(format!("{kind}-{slug}.html"));
        std::fs::write(&path, html).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        written += 1;
    }
    written
}

fn main() {
    let mut args = std::env::args().skip(1);
    let content_path = args.next().unwrap_or_else(|| "content.json".to_owned());
    let out = args.next().expect("usage: static_pages CONTENT_JSON OUT_DIR");
    let out = Path::new(&out);
    let text = std::fs::read_to_string(&content_path).unwrap_or_else(|e| panic!("read {content_path}: {e}"));
    let content = parse_content(&text).unwrap_or_else(|e| panic!("{content_path}: {e}"));
    let mut pages = 0;
    for s in &content.sections {
        pages += write_pages(out, "section", &s.slug, &s.title, &s.summary, &s.body);
    }
    for n in &content.news {
        pages += write_pages(out, "news", &n.slug, &n.title, &n.summary, &n.body);
    }
    eprintln!("static_pages: {pages} pages in {}", out.display());
}
