//! The content.json shipped with the portal: valid, and carrying the whole published page.

#[path = "support/seed.rs"]
mod seed;

use integration_portal::content::{parse_content, Block, Content, LinkTarget, NewsType};
use integration_portal::i18n::Lang;
use seed::{iso_date, seed_page};

fn bundled() -> Content {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content.json")).unwrap();
    parse_content(&text).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn has_the_six_sections_of_the_page_in_order() {
    let content = bundled();
    let seed = seed_page();
    assert_eq!(seed.sections.len(), 6);
    let titles: Vec<_> = content.sections.iter().map(|s| s.title.text(Lang::En)).collect();
    let seed_titles: Vec<_> = seed.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, seed_titles);
    for (section, seed_section) in content.sections.iter().zip(&seed.sections) {
        assert_eq!(section.summary.text(Lang::En), seed_section.summary, "summary of {}", section.slug);
    }
}

#[test]
fn sections_have_bodies_of_substance() {
    for section in bundled().sections {
        let blocks = section.body.en.as_ref().expect("English body");
        let paragraphs = blocks.iter().filter(|b| matches!(b, Block::Paragraph { .. })).count();
        let words: usize = blocks.iter().map(|b| b.plain_text().split_whitespace().count()).sum();
        assert!(
            blocks.len() >= 3 && paragraphs >= 1 && words >= 120,
            "{}: {} blocks, {paragraphs} paragraphs, {words} words",
            section.slug,
            blocks.len()
        );
        assert!(!section.links.is_empty(), "{} has no related links", section.slug);
    }
}

#[test]
fn has_the_five_news_items_of_the_page_with_exact_titles_and_dates() {
    let content = bundled();
    for seed_item in seed_page().news {
        let item = content
            .news
            .iter()
            .find(|item| item.title.en.as_deref() == Some(seed_item.title.as_str()))
            .unwrap_or_else(|| panic!("missing seed news item {:?}", seed_item.title));
        assert_eq!(item.published.to_iso(), iso_date(&seed_item.date), "{}", seed_item.title);
        assert_eq!(seed_item.kind, "News item");
        assert_eq!(item.kind, NewsType::NewsItem);
    }
}

#[test]
fn has_enough_news_to_filter_with_every_facet_value_used() {
    let content = bundled();
    assert!(content.news.len() >= 10, "{} news items", content.news.len());
    for audience in &content.site.audiences {
        assert!(content.news.iter().any(|n| n.audiences.contains(&audience.id)), "audience {} unused", audience.id);
    }
    for topic in &content.site.topics {
        assert!(content.news.iter().any(|n| n.topics.contains(&topic.id)), "topic {} unused", topic.id);
    }
    for section in &content.sections {
        assert!(content.news_for_section(&section.slug).next().is_some(), "no news for {}", section.slug);
    }
    for item in &content.news {
        assert_eq!(LinkTarget::of(&item.source), LinkTarget::External, "{}", item.slug);
    }
}

#[test]
fn names_the_three_audiences_of_the_page() {
    let ids: Vec<_> = bundled().site.audiences.into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["employment-services", "municipality", "health-social"]);
}

#[test]
fn has_an_accessibility_statement_in_three_languages_naming_feedback_and_traficom() {
    let content = bundled();
    let statement = content.site.accessibility.expect("the Act requires an accessibility statement");
    for lang in Lang::ALL {
        let body = statement.body.get_exact(lang).unwrap_or_else(|| panic!("statement in {lang:?}"));
        let text: String = body.iter().map(Block::plain_text).collect::<Vec<_>>().join(" ");
        assert!(text.contains("WCAG 2.1"), "{lang:?}: conformance status");
        assert!(text.contains("Traficom"), "{lang:?}: supervisory authority");
        let links: Vec<&str> = body.iter().flat_map(Block::links).collect();
        assert!(links.iter().any(|href| href.starts_with("mailto:")), "{lang:?}: feedback channel");
        assert!(statement.title.get_exact(lang).is_some());
    }
}

#[test]
fn every_section_and_seed_news_item_is_in_finnish_swedish_and_english() {
    let content = bundled();
    let seed_titles: Vec<String> = seed_page().news.into_iter().map(|n| n.title).collect();
    let seed_news = content.news.iter().filter(|n| n.title.en.as_ref().is_some_and(|t| seed_titles.contains(t)));
    for lang in Lang::ALL {
        for section in &content.sections {
            assert!(
                section.title.get_exact(lang).is_some() && section.body.get_exact(lang).is_some(),
                "{}",
                section.slug
            );
        }
        for item in seed_news.clone() {
            assert!(item.title.get_exact(lang).is_some() && item.body.get_exact(lang).is_some(), "{}", item.slug);
        }
    }
}
