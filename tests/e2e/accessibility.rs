//! Languages and accessibility: axe-core on every view in Finnish, Swedish and English, light and dark;
//! no sideways scroll at 360 px; a keyboard-only journey; the language in the address.

use crate::browser::Browser;
use crate::{bundled_content, serve};
use fantoccini::Locator;
use integration_portal::i18n::Lang;
use integration_portal::route::Route;

/// Every kind of view, as addresses after the language.
fn views() -> Vec<String> {
    let content = bundled_content();
    vec![
        String::new(),
        format!("sections/{}", content.sections[0].slug),
        "news".into(),
        format!("news?q=keha&audience={}", content.site.audiences[0].id),
        "news?q=zzzz".into(),
        format!("news/{}", content.news[0].slug),
        "search?q=integration".into(),
        "accessibility".into(),
        "no-such-view".into(),
    ]
}

const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((results) => done({
        passes: results.passes.length,
        violations: results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    }))
    .catch((error) => done({ passes: 0, violations: [`axe failed: ${error}`] }));
"#;

/// axe-core's source, installed by scripts/setup.
pub(crate) fn axe_source() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js"))
        .expect("axe-core is installed by scripts/setup")
}

/// What axe finds against WCAG 2.0/2.1 A and AA on the page as it is.
pub(crate) async fn axe_violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser.client.execute(&format!("{axe}; return true;"), vec![]).await.unwrap();
    let results = browser.client.execute_async(AXE_RUN, vec![]).await.unwrap();
    assert!(results["passes"].as_u64() > Some(10), "axe checked next to nothing: {results}");
    results["violations"].as_array().unwrap().iter().map(|violation| violation.as_str().unwrap().to_owned()).collect()
}

async fn open_view(browser: &Browser, base: &str, lang: Lang, view: &str) {
    browser.client.goto(&format!("{base}#/{}/{view}", lang.code())).await.unwrap();
    browser.wait_for("the view's heading", || async { browser.text_of("main h1").await }).await;
}

#[tokio::test]
async fn axe_finds_no_wcag_a_or_aa_violations_on_any_view_in_any_language_or_scheme() {
    let server = serve();
    let axe = axe_source();
    let browser = Browser::open("about:blank").await;
    let mut failures = Vec::new();
    for scheme in ["light", "dark"] {
        browser.emulate_color_scheme(scheme).await;
        for lang in Lang::ALL {
            for view in views() {
                open_view(&browser, &server.url, lang, &view).await;
                let headings = browser.client.find_all(Locator::Css("h1")).await.unwrap().len();
                if headings != 1 {
                    failures.push(format!("{scheme} {} #/{view}: {headings} h1 elements", lang.code()));
                }
                for violation in axe_violations(&browser, &axe).await {
                    failures.push(format!("{scheme} {} #/{view}: {violation}", lang.code()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
    browser.close().await;
}

#[tokio::test]
async fn no_view_scrolls_sideways_at_360_or_320_pixels() {
    let server = serve();
    let browser = Browser::open("about:blank").await;
    // 320 CSS px is also what a 1280 px window shows at 400 % zoom, WCAG's reflow case.
    for width in [360, 320] {
        browser.client.set_window_size(width, 740).await.unwrap();
        for lang in Lang::ALL {
            for view in views() {
                open_view(&browser, &server.url, lang, &view).await;
                let scroll =
                    browser.client.execute("return document.documentElement.scrollWidth", vec![]).await.unwrap();
                let viewport =
                    browser.client.execute("return document.documentElement.clientWidth", vec![]).await.unwrap();
                assert!(
                    scroll.as_u64() <= viewport.as_u64(),
                    "{} #/{view}: {scroll} px wide in {viewport} px",
                    lang.code()
                );
            }
        }
    }
    browser.close().await;
}

/// Presses a key on whatever has focus.
async fn press(browser: &Browser, key: &str) {
    browser.client.active_element().await.unwrap().send_keys(key).await.unwrap();
}

/// The focused element, described: tag, id, text.
async fn focused(browser: &Browser) -> (String, String, String) {
    let described = browser
        .client
        .execute("const e = document.activeElement; return [e.tagName, e.id, e.textContent.trim()];", vec![])
        .await
        .unwrap();
    let part = |i: usize| described[i].as_str().unwrap_or_default().to_owned();
    (part(0), part(1), part(2))
}

/// Tabs forward until `wanted` accepts the focused element.
async fn tab_until(browser: &Browser, what: &str, wanted: impl Fn(&(String, String, String)) -> bool) {
    for _ in 0..80 {
        press(browser, "\u{E004}").await;
        if wanted(&focused(browser).await) {
            return;
        }
    }
    panic!("tabbing never reached {what}");
}

const ENTER: &str = "\u{E007}";

#[tokio::test]
async fn a_keyboard_alone_goes_from_home_through_the_filters_to_a_news_item_and_back() {
    let server = serve();
    let content = bundled_content();
    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    browser.wait_for_all(".section-card").await;

    tab_until(&browser, "the skip link", |(_, _, text)| text == "Skip to content").await;
    tab_until(&browser, "the News link", |(tag, _, text)| tag == "A" && text == "News").await;
    press(&browser, ENTER).await;
    browser.wait_for_heading("New for authorities").await;
    assert_eq!(focused(&browser).await.0, "H1", "focus moves to the new view's heading");

    tab_until(&browser, "the press release filter", |(_, id, _)| id == "facet-type-press-release").await;
    press(&browser, " ").await;
    browser
        .wait_for("the filtered address", || async { browser.url().await.contains("type=press-release").then_some(()) })
        .await;
    let first_release =
        content.news.iter().find(|n| n.kind == integration_portal::content::NewsType::PressRelease).unwrap();
    let title = first_release.title.text(Lang::En).to_owned();
    tab_until(&browser, "the first result", |(tag, _, text)| tag == "A" && *text == title).await;
    press(&browser, ENTER).await;
    browser.wait_for_heading(&title).await;
    assert_eq!(focused(&browser).await.0, "H1");
    // The change of view is also announced, for readers that do not follow focus.
    browser
        .wait_for("the announcement", || async {
            browser.text_of("#announcer").await.filter(|a| a.starts_with(&title))
        })
        .await;

    tab_until(&browser, "the back link", |(_, _, text)| text == "Back to news").await;
    press(&browser, ENTER).await;
    browser.wait_for_heading("New for authorities").await;
    browser.close().await;
}

#[tokio::test]
async fn the_language_is_in_the_address_remembered_and_followed_by_html_lang() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    // Without a language in the address the browser's (English here) decides and is written in.
    assert!(browser.url().await.ends_with("#/en/news"), "{}", browser.url().await);
    let html_lang = || async { browser.client.execute("return document.documentElement.lang", vec![]).await.unwrap() };
    assert_eq!(html_lang().await, "en");

    browser.click_link("Suomeksi").await;
    browser.wait_for_heading("Uutta viranomaisille").await;
    assert!(browser.url().await.ends_with("#/fi/news"));
    assert_eq!(html_lang().await, "fi");
    assert_eq!(browser.text_of(".result-count").await.unwrap(), Lang::Fi.news_count(bundled_content().news.len()));

    // The choice is remembered: an address without a language now opens in Finnish.
    browser.client.goto(&format!("{}#/search", server.url)).await.unwrap();
    browser.wait_for_heading("Hae portaalista").await;
    assert!(browser.url().await.ends_with("#/fi/search"));
    browser.close().await;

    // A fresh browser on a shared Swedish address opens in Swedish, whatever its own language.
    let shared = format!("{}{}", server.url, Route::news().href_in(Lang::Sv));
    let fresh = Browser::open(&shared).await;
    fresh.wait_for_heading("Nytt för myndigheter").await;
    assert_eq!(fresh.client.execute("return document.documentElement.lang", vec![]).await.unwrap(), "sv");
    let date = fresh.text_of(".news-card time").await.unwrap();
    assert!(date.split('.').count() == 3, "dates as 18.12.2024: {date}");
    fresh.close().await;
}

/// A link inside content is written without a language (`#/news/…`); following it on a Swedish page
/// keeps Swedish, although this browser's remembered choice is Finnish.
#[tokio::test]
async fn a_link_inside_content_keeps_the_pages_language() {
    let content = bundled_content();
    let (section, target) = content
        .sections
        .iter()
        .find_map(|section| {
            let blocks = section.body.get_exact(Lang::Sv)?;
            let href = blocks.iter().flat_map(|block| block.links()).find(|href| href.starts_with("#/news/"))?;
            Some((section, href.trim_start_matches("#/news/").to_owned()))
        })
        .expect("a Swedish section body that links to a news item");
    let server = serve();
    let browser = Browser::open(&format!("{}#/fi/", server.url)).await;
    browser.wait_for_all(".section-card").await;
    browser.click_link("Suomeksi").await;
    browser
        .client
        .goto(&format!("{}{}", server.url, Route::Section(section.slug.clone()).href_in(Lang::Sv)))
        .await
        .unwrap();
    browser.wait_for_heading(section.title.text(Lang::Sv)).await;

    let link = browser.client.find(Locator::Css(&format!(".body a[href$='/news/{target}']"))).await.unwrap();
    assert_eq!(link.attr("href").await.unwrap().unwrap(), format!("#/sv/news/{target}"));
    link.click().await.unwrap();
    let item = content.news_item(&target).unwrap();
    browser.wait_for_heading(item.title.text(Lang::Sv)).await;
    assert_eq!(browser.client.execute("return document.documentElement.lang", vec![]).await.unwrap(), "sv");
    assert!(browser.url().await.ends_with(&format!("#/sv/news/{target}")));
    browser.close().await;
}

#[tokio::test]
async fn the_accessibility_statement_is_linked_from_every_view() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/sv/news", server.url)).await;
    browser.wait_for_heading("Nytt för myndigheter").await;
    let link = browser.client.find(Locator::Css("footer a")).await.unwrap();
    assert_eq!(link.text().await.unwrap(), "Tillgänglighetsutlåtande");
    link.click().await.unwrap();
    browser.wait_for_heading("Tillgänglighetsutlåtande").await;
    let body = browser.text_of(".body").await.unwrap();
    assert!(body.contains("Traficom") && body.contains("WCAG 2.1"), "{body}");
    browser.close().await;
}

#[tokio::test]
async fn animation_stops_when_the_reader_asks_for_reduced_motion() {
    let server = serve();
    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    browser.wait_for_all(".section-card").await;
    // The portal has no animation of its own now; any that comes (a style of the intranet's, a future
    // one) is stopped. Make one and read its computed animation.
    let animation = "const s = document.createElement('span'); s.style.animation = 'pulse 1s infinite'; \
                     document.body.append(s); const name = getComputedStyle(s).animationName; s.remove(); return name;";
    assert_eq!(browser.client.execute(animation, vec![]).await.unwrap(), "pulse");
    browser.emulate_media("prefers-reduced-motion", "reduce").await;
    assert_eq!(browser.client.execute(animation, vec![]).await.unwrap(), "none");
    browser.close().await;
}
