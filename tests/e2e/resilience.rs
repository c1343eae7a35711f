//! One bad item cannot take the portal down: what fits is shown, what does not is left out or shown
//! harmlessly, and a folded notice names each problem for the administrator.

use crate::browser::Browser;
use crate::{dist, fixture, serve};
use fantoccini::Locator;
use serde_json::{json, Value};

/// The bundled content with one news item's date wrong-typed and a `javascript:` link in the
/// accessibility statement: the two faults the issue names.
fn content_with_two_faults() -> (Vec<u8>, String) {
    let mut file: Value = serde_json::from_slice(&std::fs::read(dist().join("content.json")).unwrap()).unwrap();
    let broken_title = file["news"][1]["title"]["en"].as_str().unwrap().to_owned();
    file["news"][1]["published"] = json!(20241022);
    file["site"]["accessibility"]["body"]["en"][0]["text"] = json!("Tell us: [write](javascript:alert`1`) now.");
    (serde_json::to_vec_pretty(&file).unwrap(), broken_title)
}

async fn problems_listed(browser: &Browser) -> Vec<String> {
    browser.client.find(Locator::Css(".content-problems summary")).await.unwrap().click().await.unwrap();
    browser.wait_for_all(".content-problems li").await
}

#[tokio::test]
async fn a_bad_item_and_an_unsafe_link_leave_the_rest_of_the_portal_working() {
    let server = serve();
    let (content, broken_title) = content_with_two_faults();
    server.replace("content.json", Some(&content));

    let browser = Browser::open(&format!("{}#/en/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    let titles = browser.wait_for_all(".news-card h3").await;
    assert!(!titles.is_empty() && !titles.contains(&broken_title), "the other news are listed: {titles:?}");
    assert_eq!(
        browser.text_of(".content-problems summary").await.unwrap(),
        "content.json: 2 problems for the administrator"
    );
    let problems = problems_listed(&browser).await;
    assert!(problems[0].starts_with("news[1].published: invalid type: the number 20241022"), "{problems:?}");
    assert!(problems[1].starts_with("site.accessibility.body.en[0]: link \"javascript:alert`1`\""), "{problems:?}");

    browser.click_link("Accessibility statement").await;
    browser.wait_for_all(".unsafe-link").await;
    assert_eq!(browser.text_of(".body .unsafe-link").await.unwrap(), "write");
    let links = browser.client.find_all(Locator::Css("main a[href^='javascript']")).await.unwrap();
    assert!(links.is_empty(), "the unsafe address is never a link");
    browser.close().await;
}

#[tokio::test]
async fn a_reference_to_nothing_is_dropped_and_named_while_the_item_shows() {
    let server = serve();
    server.replace("content.json", Some(&fixture("unknown-section.json")));
    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    browser.wait_for_all(".section-card").await;
    let problems = problems_listed(&browser).await;
    assert_eq!(problems, ["news[0].sections[0]: \"no-such-section\" is not a slug in sections"]);
    browser.close().await;
}

#[tokio::test]
async fn a_valid_file_shows_no_notice() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    browser.wait_for_all(".section-card").await;
    let notices = browser.client.find_all(Locator::Css(".content-problems")).await.unwrap();
    assert!(notices.is_empty());
    browser.close().await;
}
