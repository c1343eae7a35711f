//! Components rendered from fixture content in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use integration_portal::browser::indexing::Loaded;
use integration_portal::browser::load::LoadError;
use integration_portal::browser::offline::SavedAt;
use integration_portal::components::rich_text::{Body, SafeLink};
use integration_portal::components::status::{LoadErrorView, SavedNotice};
use integration_portal::content::{parse_content, Content, ContentError, Localized, Problem};
use integration_portal::i18n::Lang;
use integration_portal::portal_config::{content_address, SettingsError};
use integration_portal::route::Route;
use integration_portal::views::home::HomePage;
use integration_portal::views::news_item::NewsItemPage;
use integration_portal::views::not_found::NotFoundPage;
use integration_portal::views::section::SectionPage;
use integration_portal::views::RouteView;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> Arc<Content> {
    Arc::new(parse_content(include_str!("fixtures/minimal.json")).unwrap())
}

/// Mounts a view into a fresh container and returns the container.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    // Kept mounted for the rest of the test run; every test has its own container.
    std::mem::forget(leptos::mount::mount_to(container.clone(), view));
    container
}

fn all(root: &Element, css: &str) -> Vec<Element> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn texts(root: &Element, css: &str) -> Vec<String> {
    all(root, css).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

fn one(root: &Element, css: &str) -> Element {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("no {css} in {}", root.inner_html()))
}

#[wasm_bindgen_test]
fn home_lists_sections_and_news_newest_first() {
    let page = render(|| view! { <HomePage content=fixture() lang=Lang::En /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "Fixture portal");
    assert_eq!(texts(&page, ".section-card h3"), ["Legislation", "Reception of refugees"]);
    let links: Vec<_> = all(&page, ".section-card a").iter().map(|a| a.get_attribute("href").unwrap()).collect();
    assert_eq!(links, ["#/en/sections/legislation", "#/en/sections/reception-of-refugees"]);
    assert_eq!(texts(&page, ".news-card h3"), ["Fee for a missed appointment", "Older item"]);
    assert_eq!(texts(&page, ".news-card time"), ["11.12.2024", "22.10.2024"]);
    assert!(one(&page, ".audiences").text_content().unwrap().contains("Municipalities, Health and social sector"));
}

#[wasm_bindgen_test]
fn home_in_finnish_marks_english_fallback_texts() {
    let page = render(|| view! { <HomePage content=fixture() lang=Lang::Fi /> });
    let title = one(&page, "h1 span");
    assert_eq!(title.text_content().unwrap(), "Testiportaali");
    assert_eq!(title.get_attribute("lang"), None);
    let section_title = one(&page, ".section-card h3 span");
    assert_eq!(section_title.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn section_page_renders_body_links_and_related_news() {
    let content = fixture();
    let section = content.section("legislation").unwrap().clone();
    let page = render(move || view! { <SectionPage section=section content=content lang=Lang::En /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "Legislation");
    assert_eq!(one(&page, ".body h2").text_content().unwrap(), "Main act");
    let finlex = one(&page, ".body a.external");
    assert_eq!(finlex.get_attribute("href").as_deref(), Some("https://www.finlex.fi/"));
    assert_eq!(finlex.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    // Embedded in an intranet page, an outside site opens in the whole window, not in the frame.
    assert_eq!(finlex.get_attribute("target").as_deref(), Some("_top"));
    // Written `#/news` in the content, the link opens the news in the page's language.
    let in_app = all(&page, ".body a").into_iter().find(|a| a.get_attribute("href").as_deref() == Some("#/en/news"));
    assert!(in_app.is_some(), "in-app link missing");
    assert_eq!(texts(&page, ".body li")[1], "Second point with <b>markup</b> that stays text");
    assert!(all(&page, ".body b").is_empty(), "markup was injected");
    assert_eq!(texts(&page, ".news-card h3"), ["Fee for a missed appointment"]);
    assert_eq!(one(&page, ".meta time").get_attribute("datetime").as_deref(), Some("2025-01-01"));
}

#[wasm_bindgen_test]
fn body_in_another_language_says_so() {
    let content = fixture();
    let section = content.section("reception-of-refugees").unwrap().clone();
    let page = render(move || view! { <SectionPage section=section content=content lang=Lang::En /> });
    let body = one(&page, ".body");
    assert_eq!(body.get_attribute("lang").as_deref(), Some("fi"));
    assert!(one(&page, ".body .notice").text_content().unwrap().contains("not available in English"));
    assert!(all(&page, ".news-card").is_empty());
}

#[wasm_bindgen_test]
fn news_item_page_shows_date_type_sections_and_source() {
    let content = fixture();
    let item = content.news_item("fee-item").unwrap().clone();
    let page = render(move || view! { <NewsItemPage item=item content=content lang=Lang::En /> });
    let meta = one(&page, ".meta").text_content().unwrap();
    assert!(meta.contains("11.12.2024") && meta.contains("Press release"), "{meta}");
    assert!(one(&page, ".body").text_content().unwrap().contains("<script>alert(1)</script>"));
    assert!(all(&page, "script").is_empty());
    let related: Vec<_> = all(&page, ".link-list a").iter().map(|a| a.get_attribute("href").unwrap()).collect();
    assert_eq!(related, ["#/en/sections/legislation"]);
    assert_eq!(one(&page, ".source a").get_attribute("href").as_deref(), Some("https://kotoutuminen.fi/en/news"));
    assert_eq!(all(&page, ".back a").len(), 2);
}

#[wasm_bindgen_test]
fn unsafe_link_is_rendered_as_text() {
    let page = render(|| {
        view! {
            <SafeLink href="javascript:alert(1)".to_owned() lang=Lang::En>"click"</SafeLink>
            <SafeLink href="mailto:kirjaamo@example.fi".to_owned() lang=Lang::En>"mail"</SafeLink>
        }
    });
    assert_eq!(all(&page, "a").len(), 1);
    assert_eq!(one(&page, ".unsafe-link").text_content().unwrap(), "click");
    assert_eq!(one(&page, "a").get_attribute("href").as_deref(), Some("mailto:kirjaamo@example.fi"));
}

#[wasm_bindgen_test]
fn body_without_any_language_renders_empty_not_panicking() {
    let empty = Localized { fi: None, sv: None, en: None };
    let page = render(move || view! { <Body body=empty lang=Lang::Sv /> });
    assert_eq!(one(&page, ".body").text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn route_view_shows_not_found_for_unknown_slugs() {
    let route = RwSignal::new(Route::NewsItem("no-such-item".into()));
    let loaded = Loaded::build((*fixture()).clone()).await;
    let page = render(move || view! { <RouteView route=route loaded=loaded lang=Lang::En /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "Page not found");
    assert_eq!(one(&page, "code").text_content().unwrap(), "#/en/news/no-such-item");
}

#[wasm_bindgen_test]
fn not_found_page_offers_the_way_home() {
    let page = render(|| view! { <NotFoundPage asked="#/x".to_owned() lang=Lang::Sv /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "Sidan hittades inte");
    assert_eq!(one(&page, "a").get_attribute("href").as_deref(), Some("#/sv/"));
}

#[wasm_bindgen_test]
fn load_errors_name_the_problem_and_retry() {
    let retries = RwSignal::new(0);
    let error = LoadError::Content(ContentError::Invalid {
        problems: vec![Problem { path: "news[2].slug".into(), message: "duplicate slug \"x\"".into() }],
    });
    let page = render(
        move || view! { <LoadErrorView lang=Lang::En error=error on_retry=move || retries.update(|n| *n += 1) /> },
    );
    assert_eq!(one(&page, "h1").text_content().unwrap(), "The content file has an error");
    assert_eq!(texts(&page, ".problems li"), ["news[2].slug: duplicate slug \"x\""]);
    assert_eq!(one(&page, ".load-error").get_attribute("role").as_deref(), Some("alert"));
    one(&page, "button").unchecked_into::<HtmlElement>().click();
    assert_eq!(retries.get_untracked(), 1);

    let network =
        LoadError::Status { url: "content.json".into(), status: 500, status_text: "Internal Server Error".into() };
    let page = render(move || view! { <LoadErrorView lang=Lang::En error=network on_retry=|| () /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "The content could not be loaded");
    assert!(one(&page, ".error-summary").text_content().unwrap().contains("answered 500 Internal Server Error"));
}

#[wasm_bindgen_test]
fn a_refused_content_location_names_the_setting_and_the_value() {
    let error = content_address("https://evil.example/content.json", "https://intranet.example.fi/integration/")
        .map_err(LoadError::Settings)
        .unwrap_err();
    let page = render(move || view! { <LoadErrorView lang=Lang::En error=error on_retry=|| () /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "The portal's settings have an error");
    let summary = one(&page, ".error-summary").text_content().unwrap();
    assert!(
        summary.starts_with(
            "portal-config.json: \"content\" is \"https://evil.example/content.json\", an address on another site"
        ),
        "{summary}"
    );
    assert!(summary.contains("https://intranet.example.fi"), "{summary}");

    let broken = LoadError::Settings(SettingsError::Unreadable { message: "expected value at line 1 column 1".into() });
    let page = render(move || view! { <LoadErrorView lang=Lang::Fi error=broken on_retry=|| () /> });
    assert_eq!(one(&page, "h1").text_content().unwrap(), "Portaalin asetuksissa on virhe");
}

#[wasm_bindgen_test]
fn saved_content_says_from_when_in_local_time() {
    // The service worker writes UTC; the reader sees the browser's own time zone.
    let local = js_sys::Date::new_with_year_month_day_hr_min(2026, 10, 29, 14, 5);
    let header = local.to_iso_string().as_string().unwrap();
    let saved = SavedAt::from_header(&header).unwrap();
    assert_eq!((saved.date.to_dotted(), saved.hour, saved.minute), ("29.11.2026".to_owned(), 14, 5), "{header}");
    assert_eq!(SavedAt::from_header("yesterday"), None);

    let page = render(move || view! { <SavedNotice lang=Lang::En saved_at=saved /> });
    let notice = one(&page, ".saved-notice");
    assert_eq!(
        notice.text_content().unwrap(),
        "Showing content saved on 29.11.2026 at 14:05: you are offline or the server did not answer."
    );
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
}
