//! The running portal reads a content.json with faults as far as it goes: one bad item, block or link
//! leaves out only itself, and every problem is named with its path in the file.

use integration_portal::content::salvage::{salvage_content, Salvaged};
use integration_portal::content::{parse_content, Block, ContentError, Inline, LinkTarget};
use integration_portal::i18n::Lang;
use serde_json::{json, Value};

fn bundled() -> Value {
    serde_json::from_str(include_str!("../content.json")).unwrap()
}

fn salvaged(file: &Value) -> Salvaged {
    salvage_content(&serde_json::to_string_pretty(file).unwrap()).unwrap()
}

fn paths(salvaged: &Salvaged) -> Vec<&str> {
    salvaged.problems.iter().map(|problem| problem.path.as_str()).collect()
}

#[test]
fn a_valid_file_reads_as_the_build_reads_it_with_no_problems() {
    let text = include_str!("../content.json");
    let salvaged = salvage_content(text).unwrap();
    assert_eq!(salvaged.problems, []);
    assert_eq!(salvaged.content, parse_content(text).unwrap());
}

#[test]
fn a_news_item_with_a_wrong_typed_date_leaves_out_only_itself() {
    let mut file = bundled();
    let slug = file["news"][2]["slug"].as_str().unwrap().to_owned();
    file["news"][2]["published"] = json!(20241022);
    let text = serde_json::to_string_pretty(&file).unwrap();
    assert!(parse_content(&text).is_err(), "the build stays strict");

    let salvaged = salvage_content(&text).unwrap();
    let total = bundled()["news"].as_array().unwrap().len();
    assert_eq!(salvaged.content.news.len(), total - 1);
    assert!(salvaged.content.news_item(&slug).is_none());
    assert_eq!(salvaged.content.sections.len(), 6);
    assert_eq!(paths(&salvaged), ["news[2].published"]);
    assert!(salvaged.problems[0].message.contains("the number 20241022"), "{:?}", salvaged.problems);
    let dates: Vec<_> = salvaged.content.news.iter().map(|item| item.published).collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "still newest first");
}

#[test]
fn an_unsafe_link_is_named_and_kept_as_text_while_the_statement_is_shown() {
    let mut file = bundled();
    file["site"]["accessibility"]["body"]["en"][2]["text"] = json!("Write to [us](javascript:alert`1`) today.");
    let salvaged = salvaged(&file);
    assert_eq!(paths(&salvaged), ["site.accessibility.body.en[2]"]);
    assert!(salvaged.problems[0].message.contains("javascript:alert`1`"));
    let statement = salvaged.content.site.accessibility.expect("the statement is still there");
    let Block::Paragraph { text } = &statement.body.en.as_ref().unwrap()[2] else { panic!("a paragraph") };
    let href = text.inlines.iter().find_map(|inline| match inline {
        Inline::Link { href, .. } => Some(href.as_str()),
        Inline::Text(_) => None,
    });
    // The view shows a link of this kind as its words only.
    assert_eq!(href.map(LinkTarget::of), Some(LinkTarget::Unsafe));
}

#[test]
fn a_block_that_does_not_fit_leaves_out_only_itself() {
    let mut file = bundled();
    let blocks = file["sections"][1]["body"]["fi"].as_array().unwrap().len();
    file["sections"][1]["body"]["fi"][1] = json!({ "type": "table", "rows": [] });
    file["sections"][1]["body"]["fi"][3]["text"] = json!("[x](javascript:void(0))");
    let salvaged = salvaged(&file);
    assert_eq!(salvaged.content.sections[1].body.fi.as_ref().unwrap().len(), blocks - 1);
    // The unsafe link's block is named where it stands in the file, after the block left out.
    assert_eq!(paths(&salvaged), ["sections[1].body.fi[1].type", "sections[1].body.fi[3]"]);
    assert!(salvaged.problems[0].message.contains("unknown variant `table`"), "{:?}", salvaged.problems);
}

#[test]
fn problems_after_a_left_out_item_keep_their_place_in_the_file() {
    let mut file = bundled();
    file["news"][1]["title"] = json!(7);
    file["news"][4]["sections"] = json!(["no-such-section"]);
    file["news"][5]["slug"] = file["news"][3]["slug"].clone();
    file["site"]["topics"][0]["name"] = json!({ "fi": "  " });
    let salvaged = salvaged(&file);
    assert_eq!(
        paths(&salvaged),
        ["news[1].title", "site.topics[0].name.fi", "news[4].sections[0]", "news[5].slug"],
        "{:#?}",
        salvaged.problems
    );
    let total = bundled()["news"].as_array().unwrap().len();
    // The item without a title and the second of two with one slug are left out.
    assert_eq!(salvaged.content.news.len(), total - 2);
    let topic = bundled()["site"]["topics"][0]["id"].as_str().unwrap().to_owned();
    assert!(salvaged.content.topic(&topic).is_none(), "a topic whose only name is empty is left out");
    assert!(salvaged.content.news.iter().all(|item| !item.topics.contains(&topic)), "and references to it");
    assert!(salvaged.content.news.iter().all(|item| item.sections.iter().all(|s| s != "no-such-section")));
}

#[test]
fn an_unknown_field_or_a_missing_list_is_named_and_left_out_while_its_item_shows() {
    let mut file = bundled();
    file["extra"] = json!(true);
    file["site"].as_object_mut().unwrap().remove("topics");
    file["sections"][0]["title"]["de"] = json!("Zusammenarbeit");
    file["news"][0]["sumary"] = json!("a misspelt field");
    let salvaged = salvaged(&file);
    let mut structural = paths(&salvaged)[..4].to_vec();
    structural.sort();
    assert_eq!(structural, ["extra", "news[0].sumary", "sections[0].title.de", "site"], "{:#?}", salvaged.problems);
    let missing = salvaged.problems.iter().find(|problem| problem.path == "site").unwrap();
    assert_eq!(missing.message, "missing field `topics`");
    assert_eq!(salvaged.content.sections.len(), 6, "a section with an unknown field is still shown");
    assert_eq!(salvaged.content.sections[0].title.en, bundled()["sections"][0]["title"]["en"].as_str().map(Into::into));
    assert_eq!(salvaged.content.news.len(), bundled()["news"].as_array().unwrap().len());
    assert!(salvaged.content.site.topics.is_empty());
    // The rest: references to the topics no longer there, each named, each dropped.
    for problem in &salvaged.problems[4..] {
        assert!(problem.message.ends_with("is not an id in site.topics"), "{problem}");
    }
    assert!(salvaged.content.news.iter().all(|item| item.topics.is_empty()));
}

#[test]
fn a_site_text_or_list_that_does_not_fit_is_emptied() {
    let mut file = bundled();
    file["site"]["introduction"] = json!(5);
    file["site"]["audiences"] = json!("everyone");
    let salvaged = salvaged(&file);
    assert_eq!(
        paths(&salvaged)[..3],
        ["site.audiences", "site.introduction", "site.introduction"],
        "{:#?}",
        salvaged.problems
    );
    assert!(salvaged.content.site.audiences.is_empty());
    assert_eq!(salvaged.content.sections.len(), 6);
}

#[test]
fn a_missing_site_title_falls_back_to_the_portals_name() {
    let mut file = bundled();
    file["site"]["title"] = json!({});
    let salvaged = salvaged(&file);
    assert_eq!(paths(&salvaged), ["site.title"]);
    assert_eq!(salvaged.content.site.title.text(Lang::Sv), Lang::Sv.texts().portal_name);
}

#[test]
fn only_a_file_that_cannot_be_used_at_all_is_refused() {
    assert!(matches!(salvage_content("{ not json"), Err(ContentError::NotJson { .. })));
    assert!(matches!(salvage_content("[1, 2]"), Err(ContentError::WrongShape { .. })));
    let mut file = bundled();
    file["format_version"] = json!(2);
    assert!(matches!(salvage_content(&file.to_string()), Err(ContentError::UnsupportedVersion { .. })));
    file.as_object_mut().unwrap().remove("format_version");
    assert!(matches!(salvage_content(&file.to_string()), Err(ContentError::UnsupportedVersion { found: None })));

    let mut file = bundled();
    file.as_object_mut().unwrap().remove("sections");
    assert!(salvage_content(&file.to_string()).is_err(), "no sections");
    let mut file = bundled();
    for section in file["sections"].as_array_mut().unwrap() {
        section["updated"] = json!("yesterday");
    }
    let error = salvage_content(&file.to_string()).unwrap_err();
    assert!(error.to_string().contains("sections[0].updated"), "names the first problem: {error}");
}

#[test]
fn every_single_deletion_of_a_small_file_is_read_or_refused_without_a_panic() {
    let text = include_str!("fixtures/minimal.json");
    for at in 0..text.len() {
        if !text.is_char_boundary(at) || !text.is_char_boundary(at + 1) {
            continue;
        }
        let deleted = [&text[..at], &text[at + 1..]].concat();
        if let Ok(salvaged) = salvage_content(&deleted) {
            assert!(!salvaged.content.sections.is_empty() || deleted.contains("\"sections\": []"));
            assert_eq!(salvaged.problems.is_empty(), parse_content(&deleted).is_ok(), "deleted at {at}");
        }
    }
}

#[test]
fn a_file_with_more_faults_than_one_typo_explains_is_refused_with_its_first() {
    let mut file = bundled();
    let template = file["news"][0].clone();
    let news = file["news"].as_array_mut().unwrap();
    for i in 0..40 {
        let mut item = template.clone();
        item["slug"] = json!(format!("broken-{i}"));
        item["published"] = json!(i);
        news.push(item);
    }
    let error = salvage_content(&file.to_string()).unwrap_err();
    assert!(error.to_string().contains("news[14].published"), "{error}");
}
