//! content.json validation against broken variants of a small valid file: each names its problem and
//! where it is.

use integration_portal::content::{parse_content, ContentError, Date, LinkTarget, NewsType};

const MINIMAL: &str = include_str!("fixtures/minimal.json");

/// The minimal fixture with one piece of text replaced; panics if the piece is not there, so a
/// fixture edit cannot silently turn a test into a no-op.
fn variant(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture lacks {from:?}");
    MINIMAL.replacen(from, to, 1)
}

fn problems_of(text: &str) -> Vec<String> {
    match parse_content(text) {
        Err(ContentError::Invalid { problems }) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected validation problems, got {other:?}"),
    }
}

#[test]
fn minimal_fixture_loads_with_news_newest_first() {
    let content = parse_content(MINIMAL).expect("fixture is valid");
    assert_eq!(content.sections.len(), 2);
    let slugs: Vec<_> = content.news.iter().map(|item| item.slug.as_str()).collect();
    assert_eq!(slugs, ["fee-item", "older-item"]);
    assert_eq!(content.news[0].kind, NewsType::PressRelease);
    assert_eq!(content.news[0].published, Date { year: 2024, month: 12, day: 11 });
    assert_eq!(content.news_for_section("legislation").count(), 1);
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let broken = variant("\"format_version\": 1,", "\"format_version\": 1,,");
    match parse_content(&broken) {
        Err(ContentError::NotJson { line, column, .. }) => assert_eq!((line, column), (2, 23)),
        other => panic!("{other:?}"),
    }
    let truncated = &MINIMAL[..MINIMAL.len() / 2];
    let message = parse_content(truncated).unwrap_err().to_string();
    assert!(message.starts_with("content.json is not valid JSON at line"), "{message}");
    assert!(matches!(parse_content(""), Err(ContentError::NotJson { .. })));
}

#[test]
fn a_syntax_error_is_named_before_a_field_that_does_not_fit_ahead_of_it() {
    // `site` lacks its fields, and the comma after it is missing: the missing comma comes first.
    let text = "{\n  \"format_version\": 1,\n  \"site\": {}\n  \"sections\": []\n}";
    match parse_content(text) {
        Err(ContentError::NotJson { line, column, .. }) => assert_eq!((line, column), (4, 3)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_type_names_the_field_path_and_position() {
    let broken = variant("\"published\": \"2024-10-22\"", "\"published\": 20241022");
    match parse_content(&broken) {
        Err(ContentError::WrongShape { path, line, message, .. }) => {
            assert_eq!(path, "news[0].published");
            let expected_line = 1 + broken[..broken.find("20241022").unwrap()].matches('\n').count();
            assert_eq!(line, expected_line);
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn impossible_date_is_named() {
    let broken = variant("\"updated\": \"2025-06-30\"", "\"updated\": \"2025-06-31\"");
    let message = parse_content(&broken).unwrap_err().to_string();
    assert!(message.contains("sections[1].updated"), "{message}");
    assert!(message.contains("\"2025-06-31\" does not exist"), "{message}");
}

#[test]
fn misspelt_field_is_reported_not_ignored() {
    let broken = variant("\"summary\": { \"en\": \"The older one.\" }", "\"sumary\": { \"en\": \"The older one.\" }");
    match parse_content(&broken) {
        Err(ContentError::WrongShape { path, message, .. }) => {
            assert_eq!(path, "news[0].sumary");
            assert!(message.contains("unknown field `sumary`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let unknown_language = variant("\"en\": \"Fees\"", "\"de\": \"Gebühren\"");
    assert!(parse_content(&unknown_language).unwrap_err().to_string().contains("site.topics[0].name.de"));
}

#[test]
fn missing_field_is_named() {
    let broken = variant("\"source\": \"https://kotoutuminen.fi/en/news\"\n    },", "\"sections\": []\n    },");
    let broken = broken.replacen("\"sections\": [],\n      \"sections\": []", "\"sections\": []", 1);
    let message = parse_content(&broken).unwrap_err().to_string();
    assert!(message.contains("missing field `source`"), "{message}");
}

#[test]
fn format_version_is_checked_first() {
    let future = variant("\"format_version\": 1", "\"format_version\": 2");
    assert_eq!(parse_content(&future), Err(ContentError::UnsupportedVersion { found: Some("2".into()) }));
    let missing = variant("\"format_version\": 1,", "");
    let message = parse_content(&missing).unwrap_err().to_string();
    assert_eq!(message, "content.json has no format_version; this portal reads format_version 1");
    match parse_content("\n  [1, 2]") {
        Err(ContentError::WrongShape { path, line, column, message }) => {
            assert_eq!((path.as_str(), line, column), ("(top level)", 2, 3));
            assert!(message.contains("one JSON object"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn duplicate_slugs_are_reported_with_their_paths() {
    let broken = variant("\"slug\": \"older-item\"", "\"slug\": \"fee-item\"");
    assert_eq!(problems_of(&broken), ["news[1].slug: duplicate slug \"fee-item\""]);
    let sections = variant("\"slug\": \"reception-of-refugees\"", "\"slug\": \"legislation\"");
    assert!(problems_of(&sections).contains(&"sections[1].slug: duplicate slug \"legislation\"".to_owned()));
}

#[test]
fn references_to_unknown_sections_topics_and_audiences_are_reported() {
    let broken = variant("\"sections\": [\"legislation\"]", "\"sections\": [\"legislation\", \"no-such-section\"]");
    let broken = broken.replacen("\"topics\": [\"fees\"]", "\"topics\": [\"taxes\"]", 1);
    let broken = broken.replacen("\"audiences\": [\"municipality\"]", "\"audiences\": [\"police\"]", 1);
    assert_eq!(
        problems_of(&broken),
        [
            "news[0].audiences[0]: \"police\" is not an id in site.audiences",
            "news[1].sections[1]: \"no-such-section\" is not a slug in sections",
            "news[1].topics[0]: \"taxes\" is not an id in site.topics",
        ]
    );
}

#[test]
fn unsafe_links_and_bad_slugs_are_reported_all_at_once() {
    let broken = variant("[Finlex](https://www.finlex.fi/)", "[Finlex](javascript:alert(1))");
    let broken = broken.replacen("\"href\": \"https://www.finlex.fi/\"", "\"href\": \"data:text/html,x\"", 1);
    let broken = broken.replacen("\"slug\": \"older-item\"", "\"slug\": \"Older Item\"", 1);
    let broken = broken.replacen("\"source\": \"https://kotoutuminen.fi/en/news\"", "\"source\": \"mailto:a@b.fi\"", 1);
    let problems = problems_of(&broken);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].starts_with("sections[0].body.en[1]: link \"javascript:alert(1\" is not allowed"));
    assert!(problems[1].starts_with("sections[0].links[0].href: link \"data:text/html,x\" is not allowed"));
    assert!(problems[2].starts_with("news[0].slug: slug \"Older Item\" must be lowercase"));
    assert!(problems[3].starts_with("news[0].source: \"mailto:a@b.fi\" is not a web address"));
}

#[test]
fn empty_and_absent_texts_are_reported() {
    let broken = variant("\"title\": { \"en\": \"Older item\" }", "\"title\": {}");
    let broken = broken.replacen("\"summary\": { \"en\": \"The older one.\" }", "\"summary\": { \"en\": \"  \" }", 1);
    assert_eq!(
        problems_of(&broken),
        ["news[0].title: needs a text in at least one of fi, sv, en", "news[0].summary.en: is empty"]
    );
}

#[test]
fn markup_in_content_is_kept_as_text() {
    let content = parse_content(MINIMAL).unwrap();
    let body = content.news_item("fee-item").unwrap().body.en.as_ref().unwrap();
    assert!(body[0].plain_text().contains("<script>alert(1)</script>"));
    assert!(body[0].links().iter().all(|href| LinkTarget::of(href) != LinkTarget::Unsafe));
}

#[test]
fn more_facet_options_than_search_can_hold_are_reported() {
    let mut content = parse_content(MINIMAL).unwrap();
    let topic = content.site.topics[0].clone();
    content.site.topics.extend((1..65).map(|i| {
        let mut topic = topic.clone();
        topic.id = format!("topic-{i}");
        topic
    }));
    let problems = integration_portal::content::consistency::problems(&content);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].to_string(), "site.topics: has 65 entries; the portal can filter by at most 64");
}

/// `parse_content` repairs the file in place instead of checking a copy (a copy of a large archive
/// would double the page's memory), so a file without problems must come out of the repair untouched.
#[test]
fn repairing_a_file_without_problems_changes_nothing() {
    use integration_portal::content::consistency::repair;
    let bundled = parse_content(include_str!("../content.json")).unwrap();
    let generated = integration_portal::tooling::synthetic::generate(&bundled, 300, 11);
    for content in [parse_content(MINIMAL).unwrap(), bundled, generated] {
        let mut repaired = content.clone();
        assert_eq!(repair(&mut repaired), vec![]);
        assert!(repaired == content, "a file without problems was changed by the repair");
    }
}

/// The portal checks a large archive's news a few at a time between its other work; the slices must
/// find and mend exactly what one pass does.
#[test]
fn repairing_a_few_news_items_at_a_time_is_repairing_at_once() {
    use integration_portal::content::consistency::{repair, Repairing};
    let bundled = parse_content(include_str!("../content.json")).unwrap();
    let mut broken = integration_portal::tooling::synthetic::generate(&bundled, 40, 5);
    broken.news[3].slug = "Not A Slug".into();
    broken.news[9].slug = broken.news[4].slug.clone();
    broken.news[12].title = integration_portal::content::Localized { fi: None, sv: None, en: Some(" ".into()) };
    broken.news[20].topics.push("no-such-topic".into());
    broken.news[31].source = "javascript:alert(1)".into();
    broken.sections[0].slug = "Bad Section".into();
    let mut at_once = broken.clone();
    let problems = repair(&mut at_once);
    assert!(problems.len() >= 6, "{problems:#?}");
    for count in [1, 7] {
        let mut in_slices = broken.clone();
        let mut repairing = Repairing::start(&mut in_slices);
        while !repairing.repair_some(&mut in_slices, count) {}
        assert_eq!(repairing.finish(&mut in_slices), problems, "{count} at a time");
        assert!(in_slices == at_once, "{count} at a time mended the content otherwise");
    }
}
