//! The views: home, sections, news, not-found and load errors.

use crate::browser::Browser;
use crate::seed::{iso_date, seed_page};
use crate::{bundled_content, fixture, serve};
use integration_portal::i18n::Lang;
use integration_portal::route::Route;

#[tokio::test]
async fn home_shows_the_six_sections_and_the_latest_news() {
    let server = serve();
    let browser = Browser::open(&server.url).await;
    let titles = browser.wait_for_all(".section-card h3").await;
    let summaries = browser.texts_of(".section-card p").await;
    let seed = seed_page();
    assert_eq!(titles, seed.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>());
    assert_eq!(summaries, seed.sections.iter().map(|s| s.summary.as_str()).collect::<Vec<_>>());
    let news = browser.texts_of(".news-card h3").await;
    assert_eq!(news.len(), 5, "{news:?}");
    assert_eq!(news[0], bundled_content().news[0].title.text(Lang::En));
    assert!(browser.text_of("header nav").await.unwrap().contains("News"));
    assert!(browser.text_of("footer").await.is_some());
    assert_eq!(browser.title().await, bundled_content().site.title.text(Lang::En));
    browser.close().await;
}

#[tokio::test]
async fn news_list_shows_the_five_items_of_the_page_with_dates() {
    let server = serve();
    let browser = Browser::open(&server.url).await;
    browser.wait_for_all(".section-card").await;
    browser.click_link("News").await;
    browser.wait_for_heading("New for authorities").await;
    let cards = browser.texts_of(".news-card").await;
    assert_eq!(cards.len(), bundled_content().news.len());
    for item in seed_page().news {
        assert!(
            cards
                .iter()
                .any(|card| card.contains(&item.title) && card.contains(&item.date) && card.contains(&item.kind)),
            "{} ({}, {}) not listed",
            item.title,
            item.date,
            item.kind
        );
        let time = format!("//li[@class='news-card'][.//a[normalize-space()='{}']]//time", item.title);
        let time = browser.client.find(fantoccini::Locator::XPath(&time)).await.unwrap();
        assert_eq!(time.attr("datetime").await.unwrap(), Some(iso_date(&item.date)));
    }
    assert!(browser.url().await.ends_with("#/en/news"));
    browser.close().await;
}

#[tokio::test]
async fn each_section_opens_from_its_link_and_from_its_address_in_a_fresh_browser() {
    let server = serve();
    let content = bundled_content();
    let browser = Browser::open(&server.url).await;
    for section in &content.sections {
        let title = section.title.text(Lang::En);
        browser.client.goto(&server.url).await.unwrap();
        browser.wait_for_all(".section-card").await;
        browser.click_link(title).await;
        browser.wait_for_heading(title).await;
        let address = browser.url().await;
        assert_eq!(address, format!("{}{}", server.url, Route::Section(section.slug.clone()).href_in(Lang::En)));
        assert!(browser.title().await.starts_with(title));

        let fresh = Browser::open(&address).await;
        fresh.wait_for_heading(title).await;
        let body = fresh.text_of(".body").await.unwrap();
        assert!(body.len() > 200, "{title}: body too short: {body}");
        fresh.close().await;
    }
    browser.close().await;
}

#[tokio::test]
async fn each_news_item_opens_from_its_link_and_from_its_address_in_a_fresh_browser() {
    let server = serve();
    let content = bundled_content();
    let browser = Browser::open(&format!("{}#/news", server.url)).await;
    for item in &content.news {
        let title = item.title.text(Lang::En);
        browser.client.goto(&format!("{}#/news", server.url)).await.unwrap();
        browser.wait_for_heading("New for authorities").await;
        // Scrolled to first, as a reader would: a card below the fold is laid out only once in view
        // (content-visibility), and WebDriver finds a link by its text only when laid out.
        let scroll = format!("document.querySelector(\".news-list a[href$='/news/{}']\").scrollIntoView()", item.slug);
        browser.client.execute(&scroll, vec![]).await.unwrap();
        let find = || async { browser.client.find(fantoccini::Locator::LinkText(title)).await.ok() };
        browser.wait_for(&format!("the link {title:?}"), find).await.click().await.unwrap();
        browser.wait_for_heading(title).await;
        let address = browser.url().await;
        assert_eq!(address, format!("{}#/en/news/{}", server.url, item.slug));

        let fresh = Browser::open(&address).await;
        fresh.wait_for_heading(title).await;
        let meta = fresh.text_of(".news-item-page .meta").await.unwrap();
        assert!(meta.contains(&item.published.to_dotted()), "{meta}");
        let source = fresh.text_of(".source a").await.unwrap();
        assert!(source.contains(&item.source), "{source}");
        fresh.click_link("Back to news").await;
        fresh.wait_for_heading("New for authorities").await;
        fresh.close().await;
    }
    browser.close().await;
}

#[tokio::test]
async fn back_and_forward_move_between_views() {
    let server = serve();
    let content = bundled_content();
    let first = content.news[0].title.text(Lang::En);
    let browser = Browser::open(&server.url).await;
    browser.wait_for_all(".section-card").await;
    browser.click_link("News").await;
    browser.wait_for_heading("New for authorities").await;
    browser.click_link(first).await;
    browser.wait_for_heading(first).await;
    browser.client.back().await.unwrap();
    browser.wait_for_heading("New for authorities").await;
    browser.client.back().await.unwrap();
    browser.wait_for_heading(content.site.title.text(Lang::En)).await;
    browser.client.forward().await.unwrap();
    browser.wait_for_heading("New for authorities").await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_heading("New for authorities").await;
    browser.close().await;
}

#[tokio::test]
async fn unknown_addresses_and_slugs_show_not_found() {
    let server = serve();
    // A known view whose item is missing gets the reader's language, as any address without one does.
    for fragment in ["#/news/no-such-item", "#/sections/no-such-section"] {
        let browser = Browser::open(&format!("{}{fragment}", server.url)).await;
        browser.wait_for_heading("Page not found").await;
        let address = browser.text_of(".not-found code").await.unwrap();
        assert_eq!(address, Route::parse(fragment).href_in(Lang::En), "the address asked for, in its language");
        assert!(browser.url().await.ends_with(&address), "the address bar says the same");
        assert!(browser.title().await.starts_with("Page not found"));
        browser.close().await;
    }
}

/// An address the portal does not know stays exactly as asked, on the page and in the address bar:
/// `#/de/news` is not rewritten to `#/fi/de/news`.
#[tokio::test]
async fn an_unknown_address_is_shown_and_kept_as_asked() {
    let server = serve();
    for fragment in ["#/de/news", "#/no-such-view", "#/sv/no-such-view", "#fi", "#/news/%3Cscript%3E"] {
        let browser = Browser::open(&format!("{}{fragment}", server.url)).await;
        browser.wait_for_all(".not-found code").await;
        assert_eq!(browser.text_of(".not-found code").await.unwrap(), fragment);
        assert!(browser.url().await.ends_with(fragment), "{fragment}: the address bar was rewritten");
        browser.close().await;
    }
}

#[tokio::test]
async fn broken_content_shows_the_named_problem() {
    let server = serve();
    server.replace("content.json", Some(&fixture("broken-syntax.json")));
    let browser = Browser::open(&server.url).await;
    browser.wait_for_heading("The content file has an error").await;
    let message = browser.text_of(".load-error").await.unwrap();
    assert!(message.contains("content.json is not valid JSON at line 4, column 3"), "{message}");
    browser.close().await;
}

#[tokio::test]
async fn missing_content_offers_a_retry_that_works() {
    let server = serve();
    server.replace("content.json", None);
    let browser = Browser::open(&server.url).await;
    browser.wait_for_heading("The content could not be loaded").await;
    let message = browser.text_of(".load-error").await.unwrap();
    assert!(message.contains("content.json failed: the server answered 404"), "{message}");

    server.restore("content.json");
    browser.client.find(fantoccini::Locator::Css(".load-error button")).await.unwrap().click().await.unwrap();
    let titles = browser.wait_for_all(".section-card h3").await;
    assert_eq!(titles.len(), 6);
    browser.close().await;
}

#[tokio::test]
async fn hostile_markup_in_content_stays_text() {
    let server = serve();
    server.replace("content.json", Some(&fixture("minimal.json")));
    let browser = Browser::open(&format!("{}#/news/fee-item", server.url)).await;
    browser.wait_for_heading("Fee for a missed appointment").await;
    let body = browser.text_of(".body").await.unwrap();
    assert!(body.contains("<script>alert(1)</script>"), "{body}");
    let injected = browser.client.find_all(fantoccini::Locator::Css("main script")).await.unwrap();
    assert!(injected.is_empty());
    browser.close().await;
}

#[tokio::test]
async fn a_network_failure_names_what_failed_and_offers_a_retry() {
    let server = serve();
    server.hang_up("content.json");
    let browser = Browser::open(&server.url).await;
    browser.wait_for_heading("The content could not be loaded").await;
    let message = browser.text_of(".load-error .error-summary").await.unwrap();
    assert!(message.starts_with("Could not fetch content.json"), "{message}");
    server.restore("content.json");
    browser.client.find(fantoccini::Locator::Css(".load-error button")).await.unwrap().click().await.unwrap();
    assert_eq!(browser.wait_for_all(".section-card h3").await.len(), 6);
    browser.close().await;
}

/// Notes every layout shift the page makes without input, with what moved and when, and when the app
/// replaced the shell.
const NOTE_LAYOUT_SHIFTS: &str = "window.portalShifts = []; new PerformanceObserver((list) => { \
    for (const shift of list.getEntries()) { if (!shift.hadRecentInput) window.portalShifts.push({ \
        value: shift.value, at: shift.startTime, \
        moved: shift.sources.map((s) => s.node ? (s.node.className || s.node.nodeName) : '?') \
    }); } }).observe({ type: 'layout-shift', buffered: true }); \
    const watch = new MutationObserver(() => { if (!document.getElementById('shell')) { \
        window.portalAppStarted = performance.now(); watch.disconnect(); } }); \
    watch.observe(document, { childList: true, subtree: true });";

/// Nothing on the page moves once the app has started: the loading message, the first view and the
/// search results once the bodies are indexed all keep their places. Web Vitals call a cumulative
/// layout shift under 0.1 good; a footer in view below the loading message that then jumped away was
/// 0.30 on a phone, and on a desktop the scrollbar appearing moved everything centred. The shell before
/// is index.html's, which first-paint.js changes only where that cannot move it, but for its early
/// paint of the home view (its placeholders give way to the content whenever that arrives).
#[tokio::test]
async fn nothing_moves_once_the_app_has_started_on_a_phone_or_a_desktop() {
    let server = serve();
    let browser = Browser::open("about:blank").await;
    browser.before_each_page(NOTE_LAYOUT_SHIFTS).await;
    let mut moved = Vec::new();
    for (width, height) in [(360, 740), (1280, 900)] {
        browser.client.set_window_size(width, height).await.unwrap();
        for view in ["", "fi/news", "sv/sections/legislation", "en/search?q=kunta", "fi/news?q=keha"] {
            // A new document each time: a change of the hash alone would not load the page again.
            browser.client.goto("about:blank").await.unwrap();
            browser.client.goto(&format!("{}#/{view}", server.url)).await.unwrap();
            browser
                .wait_for("the complete index", || async {
                    let script = "return performance.getEntriesByName('portal:index-built').length > 0";
                    browser.client.execute(script, vec![]).await.ok()?.as_bool()?.then_some(())
                })
                .await;
            // Shifts are reported after the frame that makes them.
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            let script = "return window.portalShifts.filter((shift) => shift.at >= window.portalAppStarted)";
            let shifts = browser.client.execute(script, vec![]).await.unwrap();
            let total: f64 = shifts.as_array().unwrap().iter().filter_map(|shift| shift["value"].as_f64()).sum();
            if total > 0.01 {
                moved.push(format!("{width}px #/{view}: {total:.3} {shifts}"));
            }
        }
    }
    assert!(moved.is_empty(), "the page moved while loading:\n{}", moved.join("\n"));
    browser.close().await;
}
