//! Finding things: search as you type, facets, chips, the query in the address.

use crate::browser::Browser;
use crate::{bundled_index, serve};
use fantoccini::Locator;
use integration_portal::i18n::Lang;
use integration_portal::route::Route;
use integration_portal::search::{Document, Facet, NewsQuery, SearchIndex, SiteQuery};

/// What the news list must show for an address's query.
fn expected_count(query: &NewsQuery) -> String {
    let (content, index) = bundled_index();
    Lang::En.news_count(query.clone().without_unknown_values(&content).apply(&content, &index).items.len())
}

async fn wait_for_count(browser: &Browser, expected: &str) {
    browser
        .wait_for(&format!("the count {expected:?}"), || async {
            (browser.text_of(".result-count").await.as_deref() == Some(expected)).then_some(())
        })
        .await;
}

async fn history_length(browser: &Browser) -> u64 {
    browser.client.execute("return history.length", vec![]).await.unwrap().as_u64().unwrap()
}

async fn fragment(browser: &Browser) -> String {
    let url = browser.url().await;
    url.split_once('#').map(|(_, f)| format!("#{f}")).unwrap_or_default()
}

#[tokio::test]
async fn typing_updates_results_address_and_live_region_without_new_history_entries() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    let before = history_length(&browser).await;
    let input = browser.client.find(Locator::Id("news-search")).await.unwrap();
    input.send_keys("KEHA").await.unwrap();
    let query = NewsQuery::default().with_text("KEHA".into());
    wait_for_count(&browser, &expected_count(&query)).await;
    // The address follows once typing pauses.
    browser.wait_for("the address", || async { (fragment(&browser).await == "#/en/news?q=KEHA").then_some(()) }).await;
    assert_eq!(history_length(&browser).await, before, "typing must replace, not push");
    let marks = browser.texts_of(".news-card mark").await;
    assert!(!marks.is_empty() && marks.iter().all(|m| m.eq_ignore_ascii_case("keha")), "{marks:?}");
    // The count is announced once typing settles.
    let expected = expected_count(&query);
    browser
        .wait_for("the announcement", || async {
            (browser.text_of("#announcer").await.as_deref() == Some(&*expected)).then_some(())
        })
        .await;
    // Focus stayed in the box while the results changed.
    let active = browser.client.execute("return document.activeElement.id", vec![]).await.unwrap();
    assert_eq!(active, "news-search");
    browser.close().await;
}

/// A link followed at once after typing, before the address has caught up: back returns to exactly
/// what was typed.
#[tokio::test]
async fn back_after_following_a_link_mid_typing_restores_the_typed_query() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    let input = browser.client.find(Locator::Id("news-search")).await.unwrap();
    input.send_keys("KEHA").await.unwrap();
    let query = NewsQuery::default().with_text("KEHA".into());
    wait_for_count(&browser, &expected_count(&query)).await;
    browser.click_link("Search").await;
    browser.wait_for_heading("Search the portal").await;
    browser.client.back().await.unwrap();
    wait_for_count(&browser, &expected_count(&query)).await;
    assert_eq!(fragment(&browser).await, "#/en/news?q=KEHA");
    browser.close().await;
}

#[tokio::test]
async fn facets_chips_and_counts_follow_the_query() {
    let server = serve();
    let (content, index) = bundled_index();
    let browser = Browser::open(&format!("{}#/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    let topic = &content.site.topics[0];
    browser
        .client
        .find(Locator::Css(&format!("label[for='facet-topic-{}']", topic.id)))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let query = NewsQuery::default().toggled(Facet::Topic, &topic.id);
    wait_for_count(&browser, &expected_count(&query)).await;
    assert_eq!(fragment(&browser).await, Route::News(query.clone()).href_in(Lang::En));

    // Every value's count and disabled state matches the query code, once painted beside the results.
    let results = query.apply(&content, &index);
    for (facet, counts) in &results.counts(&content, &index).facet_counts {
        for (value, count) in counts {
            let shown = || async {
                let checkbox =
                    browser.client.find(Locator::Id(&format!("facet-{}-{value}", facet.key()))).await.ok()?;
                let disabled = checkbox.attr("disabled").await.ok()?.is_some();
                let label = browser.text_of(&format!("label[for='facet-{}-{value}']", facet.key())).await?;
                let expected_disabled = *count == 0 && !query.is_selected(*facet, value);
                (disabled == expected_disabled && label.ends_with(&format!("({count})"))).then_some(())
            };
            browser.wait_for(&format!("{facet:?} {value} counted {count}"), shown).await;
        }
    }
    let chips = browser.texts_of(".chip").await;
    assert_eq!(chips.len(), 1);
    assert!(chips[0].contains(topic.name.text(Lang::En)), "{chips:?}");

    browser.client.find(Locator::Css(".chip")).await.unwrap().click().await.unwrap();
    wait_for_count(&browser, &expected_count(&NewsQuery::default())).await;
    assert!(browser.texts_of(".chip").await.is_empty());
    assert_eq!(fragment(&browser).await, "#/en/news");
    browser.close().await;
}

#[tokio::test]
async fn a_shared_address_restores_results_and_controls_after_reload_and_in_a_fresh_browser() {
    let server = serve();
    let (content, _) = bundled_index();
    let topic = &content.site.topics[1].id;
    let address = format!("#/news?q=integration&type=news-item&topic={topic}&from=2024-01-01&sort=oldest");
    let query = NewsQuery::from_query_string(address.split_once('?').unwrap().1);
    for reload in [false, true] {
        let browser = Browser::open(&format!("{}{address}", server.url)).await;
        if reload {
            browser.wait_for_heading("New for authorities").await;
            browser.client.refresh().await.unwrap();
        }
        wait_for_count(&browser, &expected_count(&query)).await;
        let input = browser.client.find(Locator::Id("news-search")).await.unwrap();
        assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("integration"));
        let checked = |id: String| {
            let browser = &browser;
            async move { browser.client.find(Locator::Id(&id)).await.unwrap().prop("checked").await.unwrap() }
        };
        assert_eq!(checked("facet-type-news-item".into()).await.as_deref(), Some("true"));
        assert_eq!(checked(format!("facet-topic-{topic}")).await.as_deref(), Some("true"));
        assert_eq!(checked("facet-type-press-release".into()).await.as_deref(), Some("false"));
        let sort = browser.client.find(Locator::Id("news-sort")).await.unwrap();
        assert_eq!(sort.prop("value").await.unwrap().as_deref(), Some("oldest"));
        let from = browser.client.find(Locator::Id("news-from")).await.unwrap();
        assert_eq!(from.prop("value").await.unwrap().as_deref(), Some("2024-01-01"));
        assert_eq!(browser.texts_of(".chip").await.len(), 4);
        browser.close().await;
    }
}

#[tokio::test]
async fn back_and_forward_step_through_filter_choices() {
    let server = serve();
    let (content, _) = bundled_index();
    let browser = Browser::open(&format!("{}#/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    let first = NewsQuery::default().toggled(Facet::Type, "news-item");
    let audience = &content.site.audiences[0].id;
    let second = first.toggled(Facet::Audience, audience);
    browser.client.find(Locator::Css("label[for='facet-type-news-item']")).await.unwrap().click().await.unwrap();
    wait_for_count(&browser, &expected_count(&first)).await;
    browser
        .client
        .find(Locator::Css(&format!("label[for='facet-audience-{audience}']")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_count(&browser, &expected_count(&second)).await;

    browser.client.back().await.unwrap();
    wait_for_count(&browser, &expected_count(&first)).await;
    let audience_box = browser.client.find(Locator::Id(&format!("facet-audience-{audience}"))).await.unwrap();
    assert_eq!(audience_box.prop("checked").await.unwrap().as_deref(), Some("false"));
    browser.client.back().await.unwrap();
    wait_for_count(&browser, &expected_count(&NewsQuery::default())).await;
    browser.client.forward().await.unwrap();
    wait_for_count(&browser, &expected_count(&first)).await;
    assert_eq!(fragment(&browser).await, Route::News(first).href_in(Lang::En));
    browser.close().await;
}

#[tokio::test]
async fn no_results_says_what_was_searched_and_offers_to_widen() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/news?q=zzzzqq&type=press-release", server.url)).await;
    wait_for_count(&browser, "0 news items").await;
    let message = browser.text_of(".no-results").await.unwrap();
    assert!(message.contains("“zzzzqq”") && message.contains("Type: Press release"), "{message}");
    browser.click_link("Search the whole portal").await;
    browser.wait_for_heading("Search the portal").await;
    assert_eq!(fragment(&browser).await, "#/en/search?q=zzzzqq");
    browser.close().await;
}

#[tokio::test]
async fn site_search_finds_sections_and_news_best_match_first() {
    let server = serve();
    let (content, index) = bundled_index();
    let browser = Browser::open(&format!("{}#/search", server.url)).await;
    browser.wait_for_heading("Search the portal").await;
    browser.client.find(Locator::Id("site-search")).await.unwrap().send_keys("refugee").await.unwrap();
    let query = SiteQuery::default().with_text("refugee".into());
    let results = query.apply(&index);
    let expected = Lang::En.result_count(results.hits.len());
    wait_for_count(&browser, &expected).await;
    let titles = browser.texts_of(".news-card h3").await;
    let first = match results.hits[0] {
        Document::Section(i) => content.sections[i].title.text(Lang::En),
        Document::News(i) => content.news[i].title.text(Lang::En),
    };
    assert_eq!(titles[0], first);
    assert!(titles.iter().any(|t| t == "Reception of refugees"), "{titles:?}");
    browser.close().await;
}

#[tokio::test]
async fn on_a_phone_the_filters_fold_behind_a_button_that_counts_them() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/news?type=news-item", server.url)).await;
    browser.client.set_window_size(360, 740).await.unwrap();
    browser.wait_for_heading("New for authorities").await;
    let panel = browser.client.find(Locator::Id("news-filters")).await.unwrap();
    assert!(!panel.is_displayed().await.unwrap());
    let toggle = browser.client.find(Locator::Css(".filter-toggle")).await.unwrap();
    assert_eq!(toggle.text().await.unwrap(), "Show filters (1)");
    toggle.click().await.unwrap();
    assert!(panel.is_displayed().await.unwrap());
    assert_eq!(toggle.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    let width: u64 =
        browser.client.execute("return document.documentElement.scrollWidth", vec![]).await.unwrap().as_u64().unwrap();
    assert!(width <= 360, "sideways scroll: {width}px");

    browser.client.set_window_size(1280, 800).await.unwrap();
    assert!(!toggle.is_displayed().await.unwrap());
    assert!(panel.is_displayed().await.unwrap());
    browser.close().await;
}

#[tokio::test]
async fn search_answers_from_the_headlines_at_once_and_body_matches_follow() {
    let base = crate::bundled_content();
    // Enough news that the bodies take many slices to index.
    let content = integration_portal::tooling::synthetic::generate(&base, 3000, 11);
    let complete = SearchIndex::build(&content);
    let (headlines, _) = SearchIndex::build_headlines(&content);
    let hits = |index: &SearchIndex, word: &str| SiteQuery::default().with_text(word.into()).apply(index).hits.len();
    // A word of the sections' bodies that no headline has.
    let word = ["tulkki", "interpreter", "tolk", "hyvinvointialue", "poliisi", "police"]
        .into_iter()
        .find(|word| hits(&headlines, word) < hits(&complete, word))
        .expect("a word found in bodies only");
    let server = serve();
    server.replace("content.json", Some(serde_json::to_string(&content).unwrap().as_bytes()));

    let browser = Browser::open(&format!("{}#/search?q={word}", server.url)).await;
    wait_for_count(&browser, &Lang::En.result_count(hits(&complete, word))).await;
    let marks = browser
        .client
        .execute(
            "const at = (name) => performance.getEntriesByName(name)[0].startTime;
             return at('portal:index-built') - at('portal:search-ready');",
            vec![],
        )
        .await
        .unwrap();
    assert!(marks.as_f64().unwrap() > 0.0, "search was ready before the bodies were indexed: {marks}");
    browser.close().await;
}

/// Clearing the box shows the hint again, and the hint, not "0 results", is what is announced.
#[tokio::test]
async fn clearing_site_search_announces_the_hint_it_shows() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/en/search", server.url)).await;
    browser.wait_for_heading("Search the portal").await;
    let input = browser.client.find(Locator::Id("site-search")).await.unwrap();
    input.send_keys("refugee").await.unwrap();
    browser.wait_for_all(".news-card").await;
    for _ in 0.."refugee".len() {
        input.send_keys("\u{E003}").await.unwrap();
    }
    let hint = Lang::En.texts().search_hint;
    browser
        .wait_for("the hint", || async { (browser.text_of(".hint").await.as_deref() == Some(hint)).then_some(()) })
        .await;
    browser
        .wait_for("the hint announced", || async {
            (browser.text_of("#announcer").await.as_deref() == Some(hint)).then_some(())
        })
        .await;
    // Punctuation alone is no search here either.
    input.send_keys("?!").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(browser.text_of(".hint").await.as_deref(), Some(hint));
    assert_eq!(browser.text_of("#announcer").await.as_deref(), Some(hint));
    browser.close().await;
}

/// Where an item lacks Swedish, its Finnish or English title and snippet are marked with their own
/// language on a Swedish page, in the news list and in site search alike (WCAG 3.1.2).
#[tokio::test]
async fn results_in_a_fallback_language_are_marked_with_it() {
    let server = serve();
    // minimal.json's news are in English only.
    server.replace("content.json", Some(&crate::fixture("minimal.json")));
    for view in ["#/sv/search?q=fee", "#/sv/news?q=fee"] {
        let browser = Browser::open(&format!("{}{view}", server.url)).await;
        browser.wait_for_all(".news-card").await;
        let card = browser.client.find(Locator::Css(".news-card")).await.unwrap();
        let title = card.find(Locator::Css("h3 a")).await.unwrap();
        assert_eq!(title.attr("lang").await.unwrap().as_deref(), Some("en"), "{view}: title");
        let snippet = card.find(Locator::Css("p:not(.meta)")).await.unwrap();
        assert_eq!(snippet.attr("lang").await.unwrap().as_deref(), Some("en"), "{view}: snippet");
        // The line of date and type is the page's own words.
        let meta = card.find(Locator::Css(".meta")).await.unwrap();
        assert_eq!(meta.attr("lang").await.unwrap(), None, "{view}: meta");
        browser.close().await;
    }
}

/// Words with `&`, `%`, `#` or `+` in them survive following a link of the page, whose address carries
/// them escaped: the link's address is taken as it is written, never unescaped on the way.
#[tokio::test]
async fn search_words_with_reserved_characters_survive_following_a_link() {
    let server = serve();
    let words = "KEHA &%#+";
    let query = NewsQuery::default().with_text(words.into());
    let browser = Browser::open(&format!("{}{}", server.url, Route::News(query.clone()).href_in(Lang::En))).await;
    browser.wait_for_heading("New for authorities").await;
    // A year's link keeps the words and adds the year.
    let year = browser
        .wait_for("a year's link", || async { browser.client.find(Locator::Css(".years li + li a")).await.ok() })
        .await;
    let href = year.attr("href").await.unwrap().unwrap();
    assert!(href.contains("%26") && href.contains("from="), "{href}");
    year.click().await.unwrap();
    browser
        .wait_for("the address after the click", || async { (fragment(&browser).await == href).then_some(()) })
        .await;
    let typed = browser.client.execute("return document.getElementById('news-search').value", vec![]).await.unwrap();
    assert_eq!(typed, words);
    browser.close().await;
}
