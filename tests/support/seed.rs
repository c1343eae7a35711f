//! The published "For authorities" page the portal is built from, read so that tests compare the portal
//! with the page itself rather than with copies of its titles. The copy in `tests/fixtures/seed/` is the
//! project's own, so the tests pass from a clone in any folder.

use std::path::PathBuf;

pub struct SeedPage {
    pub sections: Vec<SeedSection>,
    pub news: Vec<SeedNews>,
}

pub struct SeedSection {
    pub title: String,
    pub summary: String,
}

pub struct SeedNews {
    pub title: String,
    /// As the page writes it: 18.12.2024.
    pub date: String,
    pub kind: String,
}

pub fn seed_page() -> SeedPage {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/for-authorities-page.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("the seed page {} is needed by this test: {error}", path.display()));
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    let news_start = lines.iter().position(|line| *line == "New for authorities").expect("news heading");
    // Line 0 is the page heading, line 1 its introduction; then a title and a summary per section.
    let sections = lines[2..news_start]
        .chunks(2)
        .map(|pair| SeedSection { title: pair[0].to_owned(), summary: pair[1].to_owned() })
        .collect();
    // Each news item: title, date, "|", type, summary.
    let news = lines[news_start + 1..]
        .chunks(5)
        .map(|item| {
            assert_eq!(item[2], "|", "unexpected news layout near {:?}", item[0]);
            SeedNews { title: item[0].to_owned(), date: item[1].to_owned(), kind: item[3].to_owned() }
        })
        .collect();
    SeedPage { sections, news }
}

/// `18.12.2024` as content.json writes it: `2024-12-18`.
pub fn iso_date(dotted: &str) -> String {
    let parts: Vec<&str> = dotted.split('.').collect();
    format!("{}-{:0>2}-{:0>2}", parts[2], parts[1], parts[0])
}
