//! Deployed as an intranet admin would deploy it: the built folder copied under a sub-path of a real
//! nginx (Debian's package) configured with the repository's example `deploy/nginx.conf`, which sends
//! the strict Content-Security-Policy below. Every view renders with no policy violation and no request
//! to another site; after one visit the portal reads offline; the content-location setting works and
//! refuses other sites; the portal works in a same-origin iframe; section and news pages print cleanly.

use crate::browser::Browser;
use crate::nginx::Nginx;
use crate::{bundled_content, dist, fixture};
use integration_portal::i18n::Lang;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The policy the issue asks the built folder to work under, word for word.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const OFFLINE_NOTICE_END: &str = ": you are offline or the server did not answer.";

pub(crate) fn nginx() -> Nginx {
    Nginx::start(&dist())
}

/// Opens `url` as a new page load (not a same-document move to another fragment), so that whatever
/// the page does while loading is seen again.
async fn load(browser: &Browser, url: &str) {
    browser.client.goto("about:blank").await.unwrap();
    browser.client.goto(url).await.unwrap();
}

/// Fails on any console entry about the Content-Security-Policy, and on any error at all.
pub(crate) async fn assert_clean_console(browser: &Browser, what: &str) {
    let entries = browser.console().await;
    let violations: Vec<_> = entries
        .iter()
        .filter(|(_, message)| {
            message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
        })
        .collect();
    assert!(violations.is_empty(), "{what}: Content-Security-Policy violations: {violations:#?}");
    let errors: Vec<_> = entries.iter().filter(|(level, _)| level == "SEVERE").collect();
    assert!(errors.is_empty(), "{what}: console errors: {errors:#?}");
}

/// Every address the page loaded (itself and every resource) is on `origin`.
pub(crate) async fn assert_only_from(browser: &Browser, origin: &str, what: &str) {
    let loaded = browser
        .client
        .execute(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))\
             .map(entry => entry.name)",
            vec![],
        )
        .await
        .unwrap();
    let loaded: Vec<String> = serde_json::from_value(loaded).unwrap();
    assert!(!loaded.is_empty(), "{what}: no resource timing entries");
    let elsewhere: Vec<_> = loaded.iter().filter(|url| !url.starts_with(&format!("{origin}/"))).collect();
    assert!(elsewhere.is_empty(), "{what}: requests that left {origin}: {elsewhere:?}");
}

pub(crate) async fn script(browser: &Browser, code: &str) -> Value {
    browser.client.execute(code, vec![]).await.unwrap_or_else(|error| panic!("{code}: {error}"))
}

/// Runs `code`, which must call `done(value)`.
async fn script_async(browser: &Browser, code: &str) -> Value {
    let code = format!("const done = arguments[arguments.length - 1]; {code}");
    browser.client.execute_async(&code, vec![]).await.unwrap_or_else(|error| panic!("{code}: {error}"))
}

/// Waits until the service worker controls the page: its app shell and the content are saved.
async fn wait_for_service_worker(browser: &Browser) {
    browser
        .wait_for("the service worker to control the page", || async {
            script(browser, "return navigator.serviceWorker.controller !== null").await.as_bool().unwrap().then_some(())
        })
        .await;
}

async fn cache_names(browser: &Browser) -> Vec<String> {
    serde_json::from_value(script_async(browser, "caches.keys().then(done)").await).unwrap()
}

async fn wait_for_sections(browser: &Browser) -> Vec<String> {
    browser.wait_for_all(".section-card h3").await
}

/// Today as the portal writes dates (29.11.2026), in the browser's time zone.
async fn today(browser: &Browser) -> String {
    let today =
        script(browser, "const d = new Date(); return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`").await;
    today.as_str().unwrap().to_owned()
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn settings(content: &str) -> String {
    json!({ "content": content }).to_string()
}

#[test]
fn the_example_nginx_configuration_sends_the_policy_the_types_and_the_caching() {
    let server = nginx();
    let index = std::fs::read_to_string(server.folder.join("index.html")).unwrap();
    let hashed: Vec<String> = std::fs::read_dir(&server.folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| index.contains(&format!("./{name}")))
        .collect();
    assert!(hashed.iter().any(|name| name.ends_with("_bg.wasm")), "{hashed:?}");
    assert!(hashed.iter().any(|name| name.starts_with("loader-")), "{hashed:?}");
    assert!(hashed.iter().any(|name| name.ends_with(".css")), "{hashed:?}");

    let mount = "/intranet/integration/";
    // The editors' page's files have no hash in their names: revalidated, so a new deployment shows.
    let revalidated = [
        "",
        "index.html",
        "content.json",
        "portal-config.json",
        "sw.js",
        "editor.html",
        "editor-start.js",
        "editor.js",
        "editor_bg.wasm",
        "editor.css",
        "style.css",
    ];
    for file in revalidated.iter().map(|f| f.to_string()).chain(hashed.iter().cloned()) {
        let (status, headers) = server.head_of(&format!("{mount}{file}"));
        assert!(status.ends_with("200 OK"), "{file}: {status}");
        assert_eq!(header(&headers, "content-security-policy"), Some(POLICY), "{file}");
        assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"), "{file}");
        let cache_control = header(&headers, "cache-control").unwrap_or_default();
        if hashed.contains(&file) {
            assert_eq!(cache_control, "public, max-age=31536000, immutable", "{file}");
        } else {
            assert_eq!(cache_control, "no-cache", "{file}");
        }
        let content_type = header(&headers, "content-type").unwrap_or_default();
        let expected = match file.rsplit('.').next().unwrap() {
            "wasm" => "application/wasm",
            "js" => "text/javascript",
            "css" => "text/css",
            "json" => "application/json",
            _ => "text/html",
        };
        assert!(content_type.starts_with(expected), "{file}: {content_type}");
    }
    // A 404 carries the policy too.
    let (status, headers) = server.head_of(&format!("{mount}no-such-file"));
    assert!(status.contains("404"), "{status}");
    assert_eq!(header(&headers, "content-security-policy"), Some(POLICY));
}

#[test]
fn the_built_page_has_no_inline_script_or_style_and_loads_everything_with_integrity() {
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let lower = index.to_ascii_lowercase();
    assert!(!lower.contains("style="), "an inline style: {index}");
    assert!(!lower.contains("<style"), "a style element: {index}");
    let scripts: Vec<&str> = lower.split("<script").skip(1).map(|s| &s[..s.find('>').unwrap()]).collect();
    // Trunk's loader, moved into a file, and the early paint of the home view.
    assert_eq!(scripts.len(), 2, "{index}");
    for script in &scripts {
        assert!(script.contains("src=") && script.contains("integrity=") && script.contains("sha384-"), "{script}");
    }
    assert!(scripts.iter().any(|script| script.contains("src=./first-paint-")), "{index}");
    assert!(lower.contains("<script type=\"module\" src=\"./loader-"), "{index}");
    for tag in lower.split('<').filter(|tag| tag.contains("href=./") || tag.contains("src=\"./")) {
        assert!(tag.contains("integrity="), "no integrity: <{tag}");
    }
    let worker = std::fs::read_to_string(dist().join("sw.js")).unwrap();
    assert!(!worker.contains("__PORTAL_"), "sw.js was not stamped by scripts/finish-build");
    for line in ["const BUILD = \"", "\"./loader-", "_bg.wasm\""] {
        assert!(worker.contains(line), "sw.js lacks {line}");
    }
}

#[tokio::test]
async fn every_view_renders_under_the_strict_policy_with_nothing_from_elsewhere() {
    let server = nginx();
    let content = bundled_content();
    let section = &content.sections[3];
    let item = &content.news[0];
    let statement = content.site.accessibility.as_ref().expect("an accessibility statement");
    let browser = Browser::open(&server.url).await;
    let views = [
        ("home", String::new(), content.site.title.text(Lang::En).to_owned()),
        ("a section", format!("#/sections/{}", section.slug), section.title.text(Lang::En).to_owned()),
        ("the news list with a query", "#/news?q=kotoutuminen&sort=oldest".into(), "New for authorities".into()),
        ("a news item", format!("#/news/{}", item.slug), item.title.text(Lang::En).to_owned()),
        ("search", "#/search?q=municipal".into(), "Search the portal".into()),
        ("the accessibility statement", "#/accessibility".into(), statement.title.text(Lang::En).to_owned()),
        ("not found", "#/no-such-view".into(), "Page not found".into()),
        ("home in Finnish", "#/fi/".into(), content.site.title.text(Lang::Fi).to_owned()),
        ("a news item in Swedish", format!("#/sv/news/{}", item.slug), item.title.text(Lang::Sv).to_owned()),
    ];
    // Twice: first as a first visit, then with the service worker answering.
    for round in ["first visit", "service worker"] {
        if round == "service worker" {
            wait_for_service_worker(&browser).await;
        }
        for (name, fragment, heading) in &views {
            let what = format!("{name} ({round})");
            load(&browser, &format!("{}{fragment}", server.url)).await;
            browser.wait_for_heading(heading).await;
            if fragment.starts_with("#/news?") {
                browser.wait_for_all(".news-card").await;
            }
            if fragment.starts_with("#/search") {
                browser.wait_for_all(".news-list li").await;
            }
            assert_clean_console(&browser, &what).await;
            assert_only_from(&browser, &server.origin, &what).await;
        }
    }
    browser.close().await;
}

#[tokio::test]
async fn the_console_check_sees_inline_script_and_style() {
    // The check above would pass on a browser that reports nothing: show that it sees violations.
    let server = nginx();
    let index = server.read("index.html");
    server.write(
        "index.html",
        index.replacen("<body>", "<body><script>document.title = 'x'</script><p style=\"color: red\">x</p>", 1),
    );
    let browser = Browser::open(&server.url).await;
    wait_for_sections(&browser).await;
    let entries = browser.console().await;
    let violations = entries.iter().filter(|(_, message)| message.contains("Content Security Policy")).count();
    assert!(violations >= 2, "{entries:#?}");
    browser.close().await;
}

#[tokio::test]
async fn after_one_visit_the_portal_and_its_content_open_with_no_server() {
    let mut server = nginx();
    let content = bundled_content();
    let item = &content.news[2];
    let browser = Browser::open(&server.url).await;
    wait_for_sections(&browser).await;
    wait_for_service_worker(&browser).await;
    assert!(browser.text_of(".saved-notice").await.is_none(), "online, nothing is said");
    let today = today(&browser).await;

    server.stop();
    browser.client.refresh().await.unwrap();
    assert_eq!(wait_for_sections(&browser).await.len(), content.sections.len());
    let notice = browser.wait_for_all(".saved-notice").await.remove(0);
    assert!(notice.starts_with(&format!("Showing content saved on {today} at ")), "{notice}");
    assert!(notice.ends_with(OFFLINE_NOTICE_END), "{notice}");

    // A deep link, opened as a new page load with the server still gone.
    load(&browser, &format!("{}#/news/{}", server.url, item.slug)).await;
    browser.wait_for_heading(item.title.text(Lang::En)).await;
    assert!(browser.text_of(".saved-notice").await.unwrap().ends_with(OFFLINE_NOTICE_END));
    // The saved page keeps the policy it was served with.
    let violations: Vec<_> = browser
        .console()
        .await
        .into_iter()
        .filter(|(_, message)| message.contains("Content Security Policy"))
        .collect();
    assert!(violations.is_empty(), "{violations:#?}");
    let probe = "const style = document.createElement('style'); style.textContent = 'body { --probe: inline }'; \
                 document.head.append(style); return getComputedStyle(document.body).getPropertyValue('--probe')";
    assert_eq!(script(&browser, probe).await, "", "an inline style applied: the page served offline lacks the policy");
    browser.close().await;
}

#[tokio::test]
async fn without_the_settings_file_content_json_is_read_online_and_offline() {
    let mut server = nginx();
    std::fs::remove_file(server.folder.join("portal-config.json")).unwrap();
    let browser = Browser::open(&server.url).await;
    assert_eq!(wait_for_sections(&browser).await.len(), bundled_content().sections.len());
    wait_for_service_worker(&browser).await;
    server.stop();
    browser.client.refresh().await.unwrap();
    assert_eq!(wait_for_sections(&browser).await.len(), bundled_content().sections.len());
    assert!(browser.wait_for_all(".saved-notice").await[0].ends_with(OFFLINE_NOTICE_END));
    browser.close().await;
}

#[tokio::test]
async fn a_new_deployment_replaces_the_cache_and_edited_content_shows_on_the_next_load() {
    let mut server = nginx();
    let browser = Browser::open(&server.url).await;
    wait_for_sections(&browser).await;
    wait_for_service_worker(&browser).await;
    let worker = server.read("sw.js");
    let build = worker.split("const BUILD = \"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let names = cache_names(&browser).await;
    assert!(names.len() == 1 && names[0].ends_with(&format!(" {build}")), "{names:?}");

    // An editor changes content.json: the next load shows it, from the network.
    let mut content: Value = serde_json::from_str(&server.read("content.json")).unwrap();
    content["site"]["title"]["en"] = json!("For authorities, edited");
    server.write("content.json", content.to_string());
    browser.client.refresh().await.unwrap();
    browser.wait_for_heading("For authorities, edited").await;
    assert!(browser.text_of(".saved-notice").await.is_none());

    // A new deployment: a new build id in sw.js. The browser finds it on the next load, installs it,
    // and the old cache goes, with nobody clearing anything.
    let new_build = "0123456789abcdef";
    server.write(
        "sw.js",
        worker.replace(&format!("const BUILD = \"{build}\""), &format!("const BUILD = \"{new_build}\"")),
    );
    browser.client.refresh().await.unwrap();
    wait_for_sections(&browser).await;
    let started = Instant::now();
    loop {
        let names = cache_names(&browser).await;
        if names.len() == 1 && names[0].ends_with(&format!(" {new_build}")) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the old cache stayed: {names:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The new cache has the edited content.
    server.stop();
    browser.client.refresh().await.unwrap();
    browser.wait_for_heading("For authorities, edited").await;
    assert!(browser.text_of(".saved-notice").await.unwrap().ends_with(OFFLINE_NOTICE_END));
    browser.close().await;
}

#[tokio::test]
async fn the_content_location_setting_points_the_portal_at_another_file_of_the_site() {
    let server = nginx();
    server.write("other/content.json", fixture("minimal.json"));

    for location in ["other/content.json", "/intranet/integration/other/content.json"] {
        server.write("portal-config.json", settings(location));
        let browser = Browser::open(&format!("{}#/news/fee-item", server.url)).await;
        browser.wait_for_heading("Fee for a missed appointment").await;
        assert_only_from(&browser, &server.origin, location).await;
        browser.close().await;
    }
    let full = format!("{}/intranet/integration/other/content.json", server.origin);
    server.write("portal-config.json", settings(&full));
    let browser = Browser::open(&format!("{}#/news/fee-item", server.url)).await;
    browser.wait_for_heading("Fee for a missed appointment").await;
    browser.close().await;

    // A file that is not there: the message names it as the setting has it.
    server.write("portal-config.json", settings("/intranet/cms/missing.json"));
    let browser = Browser::open(&server.url).await;
    browser.wait_for_heading("The content could not be loaded").await;
    let message = browser.text_of(".load-error .error-summary").await.unwrap();
    assert_eq!(message, "Fetching /intranet/cms/missing.json failed: the server answered 404 Not Found");
    browser.close().await;

    // Another site: refused before any request, with the setting and the value named.
    let evil = "https://evil.example/content.json";
    server.write("portal-config.json", settings(evil));
    let browser = Browser::open(&server.url).await;
    browser.wait_for_heading("The portal's settings have an error").await;
    let message = browser.text_of(".load-error").await.unwrap();
    assert!(message.contains(&format!("portal-config.json: \"content\" is \"{evil}\"")), "{message}");
    assert!(message.contains(&format!("its own site, {}", server.origin)), "{message}");
    assert_only_from(&browser, &server.origin, "another site").await;
    assert_clean_console(&browser, "another site").await;
    browser.close().await;

    // Nothing in a link a stranger sends changes where content comes from.
    server.write("portal-config.json", settings("content.json"));
    let stranger =
        format!("{}?content=other/content.json&portal-config.json=x#/?content=other/content.json", server.url);
    let browser = Browser::open(&stranger).await;
    assert_eq!(wait_for_sections(&browser).await.len(), bundled_content().sections.len());
    let loaded = script(&browser, "return performance.getEntriesByType('resource').map(e => e.name)").await;
    assert!(!loaded.to_string().contains("other/content.json"), "{loaded}");
    browser.close().await;
}

#[tokio::test]
async fn the_portal_works_inside_a_same_origin_iframe_deep_links_included() {
    let server = nginx();
    let item = &bundled_content().news[1];
    // The snippet the README gives, on a page of the intranet (no script, no style).
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Intranet</title><link rel=\"icon\" href=\"data:,\"></head>\
         <body><h1>Intranet front page</h1>\n\
         <iframe src=\"/intranet/integration/#/news/{}\" title=\"Integration work for authorities\" \
         width=\"100%\" height=\"800\"></iframe>\n</body></html>",
        item.slug
    );
    std::fs::create_dir_all(server.site_root.join("intranet")).unwrap();
    std::fs::write(server.site_root.join("intranet/embed.html"), page).unwrap();
    let embedding = format!("{}/intranet/embed.html", server.origin);

    let browser = Browser::open(&embedding).await;
    let frame = browser.client.find(fantoccini::Locator::Css("iframe")).await.unwrap();
    frame.enter_frame().await.unwrap();
    browser.wait_for_heading(item.title.text(Lang::En)).await;
    browser.click_link("Back to news").await;
    browser.wait_for_heading("New for authorities").await;
    let inner = script(&browser, "return location.href").await;
    assert_eq!(inner.as_str().unwrap(), format!("{}#/en/news", server.url));
    assert_only_from(&browser, &server.origin, "inside the frame").await;
    browser.client.enter_parent_frame().await.unwrap();
    assert_eq!(browser.url().await, embedding);
    assert_eq!(browser.text_of("h1").await.as_deref(), Some("Intranet front page"));
    assert_clean_console(&browser, "embedded").await;
    browser.close().await;
}

#[tokio::test]
async fn section_and_news_pages_print_without_navigation_and_with_link_addresses() {
    let server = nginx();
    let content = bundled_content();
    let section = content.sections.iter().find(|s| !s.links.is_empty()).expect("a section with links");
    let item = &content.news[0];
    let browser = Browser::open(&server.url).await;
    wait_for_sections(&browser).await;
    browser.devtools("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
    let hidden = |selectors: &'static [&'static str]| {
        let browser = &browser;
        async move {
            for selector in selectors {
                let display = script(
                    browser,
                    &format!("const e = document.querySelector({selector:?}); return e && getComputedStyle(e).display"),
                )
                .await;
                assert!(display.is_null() || display == "none", "{selector} prints: {display}");
            }
        }
    };
    let printed_link = |css: &'static str| {
        let browser = &browser;
        async move {
            let after = script(
                browser,
                &format!(
                    "const a = document.querySelector({css:?}); \
                     return [a.getAttribute('href'), getComputedStyle(a, '::after').content]"
                ),
            )
            .await;
            let href = after[0].as_str().unwrap().to_owned();
            let shown = after[1].as_str().unwrap().to_owned();
            assert!(shown.contains(&format!(" ({href})")), "{css}: {href} is not printed: {shown}");
        }
    };
    let colours = "const s = getComputedStyle(document.body); return [s.color, s.backgroundColor]";

    load(&browser, &format!("{}#/sections/{}", server.url, section.slug)).await;
    browser.wait_for_heading(section.title.text(Lang::En)).await;
    hidden(&[".skip-link", "header nav", ".languages", "footer", "a.more"]).await;
    printed_link("main a[href^='http']").await;
    assert_eq!(script(&browser, colours).await, json!(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]));

    load(&browser, &format!("{}#/news", server.url)).await;
    browser.wait_for_heading("New for authorities").await;
    hidden(&["header nav", ".search-box", ".filter-toggle", ".filter-panel", ".pagination", ".sort"]).await;

    load(&browser, &format!("{}#/news/{}", server.url, item.slug)).await;
    browser.wait_for_heading(item.title.text(Lang::En)).await;
    hidden(&["header nav", ".back", "footer"]).await;
    printed_link(".source a").await;
    browser.close().await;
}
