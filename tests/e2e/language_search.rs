//! Search that understands Finnish and Swedish, in the browser: inflected forms and compound parts
//! found and marked, a misspelling answered with "Did you mean …?", strange queries answered calmly.

use crate::browser::Browser;
use crate::serve;
use fantoccini::Locator;

async fn open_search(browser_url: &str) -> Browser {
    let browser = Browser::open(browser_url).await;
    browser.wait_for_all(".result-count, .hint").await;
    browser
}

#[tokio::test]
async fn a_base_form_finds_inflected_words_and_compounds_and_marks_them() {
    let server = serve();
    let browser = open_search(&format!("{}#/fi/search?q=pakolainen", server.url)).await;
    browser.wait_for_all(".news-card").await;
    let titles = browser.texts_of(".news-card h3").await;
    assert!(titles.iter().take(3).any(|title| title == "Pakolaisten vastaanotto"), "{titles:?}");
    let marks = browser.texts_of(".news-card mark").await;
    assert!(marks.iter().any(|mark| mark == "Pakolaisten"), "the inflected form is marked: {marks:?}");
    assert!(marks.iter().any(|mark| mark.to_lowercase().starts_with("kiintiöpakolai")), "and the compound: {marks:?}");
    browser.close().await;

    let browser = open_search(&format!("{}#/sv/search?q=integrationsplan", server.url)).await;
    browser.wait_for_all(".news-card").await;
    let marks = browser.texts_of(".news-card mark").await;
    assert!(marks.iter().any(|mark| mark.starts_with("integrationsplaner")), "{marks:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_misspelt_word_finds_its_item_and_offers_the_spelling_as_a_link() {
    let server = serve();
    let browser = open_search(&format!("{}#/en/search?q=intepreter", server.url)).await;
    browser.wait_for_all(".news-card").await;
    assert_eq!(browser.text_of(".did-you-mean").await.as_deref(), Some("Did you mean interpreter?"));
    browser.click_link("interpreter").await;
    browser
        .wait_for("the corrected search", || async {
            browser.url().await.ends_with("#/en/search?q=interpreter").then_some(())
        })
        .await;
    browser.wait_for_all(".news-card").await;
    assert_eq!(browser.text_of(".did-you-mean").await, None, "the right spelling needs no correction");
    browser.close().await;

    // The news list respells the same way, Nordic letters back in place.
    let browser = open_search(&format!("{}#/fi/news?q=asiakastietojarjestlma", server.url)).await;
    browser.wait_for_all(".did-you-mean").await;
    assert_eq!(browser.text_of(".did-you-mean a").await.as_deref(), Some("asiakastietojärjestelmä"));
    browser.close().await;
}

#[tokio::test]
async fn strange_queries_get_a_plain_answer_and_no_error() {
    let server = serve();
    let long = "kotoutuminen".repeat(90);
    for (query, answer) in [
        ("%F0%9F%98%80%F0%9F%8E%89", ".hint"),
        ("%D7%A9%D7%9C%D7%95%D7%9D%20%D7%A2%D7%95%D7%9C%D7%9D", ".no-results"),
        (long.as_str(), ".no-results"),
        ("!!!%20%3F%3F", ".hint"),
    ] {
        let browser = Browser::open(&format!("{}#/en/search?q={query}", server.url)).await;
        browser.wait_for_all(answer).await;
        let errors: Vec<_> = browser.console().await.into_iter().filter(|(level, _)| level == "SEVERE").collect();
        assert!(errors.is_empty(), "{query}: {errors:?}");
        let input = browser.client.find(Locator::Id("site-search")).await.unwrap();
        assert!(
            input.prop("value").await.unwrap().is_some_and(|value| !value.is_empty()),
            "{query}: the words stay in the box"
        );
        browser.close().await;
    }
}
