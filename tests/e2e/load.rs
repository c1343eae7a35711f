//! Load benchmark, run by `scripts/bench-load` (ignored in the normal test run): the release build and a
//! plain static page holding the same home view (`examples/static_home.rs`), both served through a
//! compressing server, loaded in turn in a fresh headless Chromium emulating a mid-range phone on a slow
//! connection (4x CPU slowdown, 150 ms round trip, 1.6 Mbps down, 750 kbps up, cache off). Measures
//! first contentful paint and the time until the six section cards are on screen, both from the start
//! of navigation, and how many times content.json was requested. Prints one JSON line per page and case
//! with the medians, which `scripts/bench-load` turns into the table in BENCHMARKS.md.

use crate::browser::Browser;
use integration_portal::i18n::Lang;
use serde_json::json;

/// Runs before the page's own scripts: notes when the six section cards exist (painted from the content
/// by first-paint.js, or by the app), and when the app has replaced the shell, each then the end of the
/// next frame, which is when they are painted.
const OBSERVE: &str = r#"
(() => {
    const sections = () => document.querySelectorAll('.section-card').length >= 6;
    // The app has started once it has replaced index.html's shell (the static page never has one).
    const app = () => sections() && !document.getElementById('shell');
    const whenPainted = (name) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window[name] = performance.now(); };
        channel.port2.postMessage(null);
    });
    const observer = new MutationObserver(() => {
        if (sections() && window.portalSectionsInDom === undefined) {
            window.portalSectionsInDom = performance.now();
            whenPainted('portalSectionsShown');
        }
        if (app()) { observer.disconnect(); window.portalAppInDom = performance.now(); whenPainted('portalAppShown'); }
    });
    observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// The figures once the sections and the first contentful paint are there, else null.
const COLLECT: &str = r#"
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    if (window.portalAppShown === undefined || !paint) { return null; }
    const resources = performance.getEntriesByType('resource');
    const navigation = performance.getEntriesByType('navigation')[0];
    const named = (end) => resources.filter((r) => new URL(r.name).pathname.endsWith(end));
    const content = named('/content.json');
    const wasm = named('.wasm');
    return {
        fcp: paint.startTime,
        visible: window.portalSectionsShown,
        in_dom: window.portalSectionsInDom,
        app: window.portalAppShown,
        content_requests: content.length,
        content_start: content.length ? content[0].startTime : null,
        content_end: content.length ? content[0].responseEnd : null,
        wasm_start: wasm.length ? wasm[0].startTime : null,
        wasm_end: wasm.length ? wasm[0].responseEnd : null,
        transferred: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    };
"#;

/// What the page shows and has noted, for a load that does not finish.
const PAGE_STATE: &str = r#"
    return {
        shell: !!document.getElementById('shell'),
        sections: document.querySelectorAll('.section-card').length,
        noted: [window.portalSectionsInDom, window.portalSectionsShown, window.portalAppInDom, window.portalAppShown],
        text: document.body.innerText.slice(0, 300),
    };
"#;

/// A 10 000-item content.json is 8 MB gzipped: over 40 s at 1.6 Mbps.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(300);

/// A mid-range phone on a slow mobile connection.
async fn emulate_phone(browser: &Browser) {
    browser.devtools("Network.enable", json!({})).await;
    browser.devtools("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await;
    browser
        .devtools(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": 150,
                "downloadThroughput": 1_600_000 / 8,
                "uploadThroughput": 750_000 / 8,
            }),
        )
        .await;
    browser.devtools("Emulation.setCPUThrottlingRate", json!({ "rate": 4 })).await;
}

/// One load of `url` in a fresh browser.
async fn load_once(url: &str) -> serde_json::Value {
    let browser = Browser::open("about:blank").await;
    emulate_phone(&browser).await;
    browser.before_each_page(OBSERVE).await;
    browser.client.goto(url).await.expect("open the page");
    let started = std::time::Instant::now();
    let figures = loop {
        let figures = browser.client.execute(COLLECT, vec![]).await.expect("figures");
        if !figures.is_null() {
            break figures;
        }
        if started.elapsed() > PATIENCE {
            let page = browser.client.execute(PAGE_STATE, vec![]).await.unwrap_or_default();
            panic!("{url}: the app had not shown the six sections after {PATIENCE:?}; the page: {page}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    browser.close().await;
    figures
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

fn medians(samples: &[serde_json::Value], key: &str) -> Option<f64> {
    let values: Vec<f64> = samples.iter().filter_map(|s| s[key].as_f64()).collect();
    (!values.is_empty()).then(|| median(values))
}

/// `PORTAL_LOAD_CASES`: space-separated `name=folder-address` pairs, each folder holding the release
/// build (`index.html`) and the static page (`static-home.html`). `PORTAL_LOAD_RUNS`: loads of each page
/// per case (default 7).
#[tokio::test]
#[ignore = "benchmark: run by scripts/bench-load"]
async fn first_paint_and_sections_on_an_emulated_phone() {
    let cases = std::env::var("PORTAL_LOAD_CASES").expect("PORTAL_LOAD_CASES, set by scripts/bench-load");
    let runs: usize = std::env::var("PORTAL_LOAD_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(7);
    for case in cases.split_whitespace() {
        let (name, folder) = case.split_once('=').expect("name=address");
        let pages = [("app", format!("{folder}index.html")), ("static", format!("{folder}static-home.html"))];
        let mut samples: [Vec<serde_json::Value>; 2] = Default::default();
        // Alternating, so a busy moment on the machine hits both pages alike.
        for run in 0..runs {
            for (i, (page, url)) in pages.iter().enumerate() {
                let figures = load_once(url).await;
                eprintln!("{name} {page} run {}: {figures}", run + 1);
                samples[i].push(figures);
            }
        }
        for (i, (page, _)) in pages.iter().enumerate() {
            let keys = [
                "fcp",
                "visible",
                "in_dom",
                "app",
                "content_start",
                "content_end",
                "wasm_start",
                "wasm_end",
                "transferred",
            ];
            let mut line = json!({ "case": name, "page": page, "runs": runs });
            for key in keys {
                line[key] = json!(medians(&samples[i], key).map(|v| v.round()));
            }
            let requests: Vec<u64> = samples[i].iter().map(|s| s["content_requests"].as_u64().unwrap_or(0)).collect();
            line["content_requests"] = json!(requests);
            println!("{line}");
            if *page == "app" {
                assert!(requests.iter().all(|&n| n == 1), "content.json must be fetched once per load: {requests:?}");
            }
        }
    }
}

/// In an ordinary browser (cache on, no throttling): portal-config.json and content.json are each
/// requested once, by the preloads in index.html, alongside the wasm, and the app uses those responses
/// instead of asking again.
#[tokio::test]
async fn settings_and_content_are_downloaded_once_alongside_the_wasm() {
    let server = crate::serve();
    let browser = Browser::open(&server.url).await;
    browser.wait_for_all(".section-card").await;
    let entries = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource')
                 .map((r) => ({ path: new URL(r.name).pathname, initiator: r.initiatorType,
                                start: r.startTime, end: r.responseEnd }));",
            vec![],
        )
        .await
        .unwrap();
    let entries = entries.as_array().unwrap();
    let of =
        |suffix: &str| entries.iter().filter(|e| e["path"].as_str().unwrap().ends_with(suffix)).collect::<Vec<_>>();
    let wasm = of(".wasm");
    assert_eq!(wasm.len(), 1, "{entries:#?}");
    for file in ["/portal-config.json", "/content.json"] {
        let requests = of(file);
        assert_eq!(requests.len(), 1, "{file} requested more than once: {entries:#?}");
        assert_eq!(requests[0]["initiator"], "link", "{file} not from the preload: {entries:#?}");
        assert!(requests[0]["start"].as_f64() < wasm[0]["end"].as_f64(), "{file} waited for the wasm: {entries:#?}");
    }
    browser.close().await;
}

/// The portal's wasm file name in `dist/`, to hold it back (not the editors' page's `editor_bg.wasm`).
fn wasm_file() -> String {
    std::fs::read_dir(crate::dist())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with("integration-portal-") && name.ends_with("_bg.wasm"))
        .expect("the portal's wasm file in dist/")
}

/// What the home view's section cards show: each link's text and address.
async fn section_links(browser: &Browser, within: &str) -> Vec<(String, String)> {
    let links = browser
        .client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0] + ' .section-card h3 a'))
                 .map((a) => [a.textContent, a.getAttribute('href'), a.closest('[lang]').lang]);",
            vec![json!(within)],
        )
        .await
        .unwrap();
    serde_json::from_value::<Vec<(String, String, String)>>(links)
        .unwrap()
        .into_iter()
        .map(|(text, href, lang)| (format!("{text} ({lang})"), href))
        .collect()
}

/// The text of a heading, hidden from sight or not (WebDriver's text is only the visible text).
async fn heading_text(browser: &Browser, css: &str) -> String {
    let text = browser
        .client
        .execute("const h = document.querySelector(arguments[0]); return h ? h.textContent : '';", vec![json!(css)])
        .await
        .unwrap();
    text.as_str().unwrap_or_default().to_owned()
}

/// With the app held back (its wasm never arrives), first-paint.js fills the shell from content.json:
/// the site's title and introduction and the six sections, in the language the app would choose, with
/// the app's addresses. Only on the home address.
#[tokio::test]
async fn the_home_view_is_painted_from_the_content_before_the_app_arrives() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let content = crate::bundled_content();

    let browser = Browser::open(&format!("{}#/sv", server.url)).await;
    browser.wait_for_all("#shell .section-card").await;
    let expected: Vec<(String, String)> = content
        .sections
        .iter()
        .map(|section| (format!("{} (sv)", section.title.text(Lang::Sv)), format!("#/sv/sections/{}", section.slug)))
        .collect();
    assert_eq!(section_links(&browser, "#shell").await, expected);
    assert_eq!(browser.text_of("#shell h1").await.as_deref(), Some(content.site.title.text(Lang::Sv)));
    assert_eq!(browser.text_of("#shell .lead").await.as_deref(), Some(content.site.introduction.text(Lang::Sv)));
    assert_eq!(browser.texts_of("#shell .skeleton-card").await.len(), 0, "the placeholders are replaced");
    browser.close().await;

    // No language in the address: the browser's (Chromium headless says en-US), as the app decides.
    let browser = Browser::open(&server.url).await;
    let links = section_links(&browser, "#shell").await;
    let links = if links.is_empty() {
        browser.wait_for_all("#shell .section-card").await;
        section_links(&browser, "#shell").await
    } else {
        links
    };
    assert_eq!(links[0].1, format!("#/en/sections/{}", content.sections[0].slug));

    // Another view's address: that view is the app's to show; the shell keeps its placeholders.
    browser.client.goto(&format!("{}#/en/news", server.url)).await.unwrap();
    browser.client.refresh().await.unwrap();
    wait_until_downloaded(&browser, "content.json").await;
    assert_eq!(browser.texts_of("#shell .section-card").await.len(), 0);
    assert_eq!(browser.texts_of("#shell .skeleton-card").await.len(), 6);

    // `#fi` is not the home address to the app (Address::parse: not found), so not to the early paint.
    browser.client.goto(&format!("{}#fi", server.url)).await.unwrap();
    browser.client.refresh().await.unwrap();
    wait_until_downloaded(&browser, "content.json").await;
    assert_eq!(browser.texts_of("#shell .section-card").await.len(), 0, "#fi painted the home view");
    // While `#//fi/` is, as the app reads it.
    browser.client.goto(&format!("{}#//fi/", server.url)).await.unwrap();
    browser.client.refresh().await.unwrap();
    browser.wait_for_all("#shell .section-card").await;
    assert_eq!(section_links(&browser, "#shell").await[0].1, format!("#/fi/sections/{}", content.sections[0].slug));
    browser.close().await;
}

/// With the app held back, the shell speaks the reader's language on any address: the loading message,
/// the page's title and its `lang`, in the app's own words. The site's name and the heading keep their
/// English (changing them could move the page), marked as English for screen readers.
#[tokio::test]
async fn the_shell_speaks_the_language_the_app_will_before_it_arrives() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let browser = Browser::open("about:blank").await;
    let language_of = |css: &'static str| {
        let script = format!("const node = document.querySelector('{css}'); return node.closest('[lang]').lang");
        let browser = &browser;
        async move { browser.client.execute(&script, vec![]).await.unwrap() }
    };
    for lang in Lang::ALL {
        let texts = lang.texts();
        for view in ["/news?q=kunta", "/sections/legislation"] {
            // A new document each time: a change of the hash alone would not load the page again.
            browser.client.goto("about:blank").await.unwrap();
            browser.client.goto(&format!("{}#/{}{view}", server.url, lang.code())).await.unwrap();
            browser
                .wait_for("the shell in the reader's language", || async {
                    (browser.text_of("#shell .shell-status").await? == texts.loading).then_some(())
                })
                .await;
            assert_eq!(language_of("#shell .shell-status").await, lang.code(), "{view}");
            assert_eq!(browser.title().await, texts.portal_name, "{view}");
            assert_eq!(language_of("#shell .site-name").await, "en", "{view}");
            assert_eq!(language_of("#shell h1").await, "en", "{view}");
        }
    }
    browser.close().await;
}

/// Waits until the page's download of `file` (the preload) has finished, and a little more for the
/// scripts that read it.
async fn wait_until_downloaded(browser: &Browser, file: &str) {
    browser
        .wait_for(&format!("{file} downloaded"), || async {
            let done = browser
                .client
                .execute(
                    "return performance.getEntriesByType('resource')
                         .some((r) => r.name.endsWith('/' + arguments[0]) && r.responseEnd > 0);",
                    vec![json!(file)],
                )
                .await
                .unwrap();
            done.as_bool().unwrap_or(false).then_some(())
        })
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
}

/// Markup in content.json is shown as text by the early paint too, and a file it cannot use (broken
/// JSON) leaves the placeholders for the app, which names the problem.
#[tokio::test]
async fn the_early_paint_shows_markup_as_text_and_leaves_broken_content_to_the_app() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let text = std::fs::read_to_string(crate::dist().join("content.json")).unwrap();
    let hostile = r#"<img src=x onerror=\"document.body.dataset.injected=1\">Monialainen"#;
    let bundled_title = crate::bundled_content().sections[0].title.text(Lang::En).to_owned();
    let hostile_text = text.replacen(&format!("\"en\": \"{bundled_title}\""), &format!("\"en\": \"{hostile}\""), 1);
    assert_ne!(hostile_text, text, "the first section's English title is in the bundled file");
    server.replace("content.json", Some(hostile_text.as_bytes()));

    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    browser.wait_for_all("#shell .section-card").await;
    let first = &section_links(&browser, "#shell").await[0].0;
    assert_eq!(first, &format!("{} (en)", hostile.replace("\\\"", "\"")));
    let injected = browser
        .client
        .execute(
            "return [document.querySelectorAll('#shell img').length, document.body.dataset.injected || null];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected, json!([0, null]));
    browser.close().await;

    server.replace("content.json", Some(b"{ \"format_version\": 1, \"site\": "));
    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    wait_until_downloaded(&browser, "content.json").await;
    assert_eq!(browser.texts_of("#shell .section-card").await.len(), 0);
    assert_eq!(browser.texts_of("#shell .skeleton-card").await.len(), 6);
    browser.close().await;

    // With the app: its own message, naming the problem, from the same download.
    server.restore(&wasm_file());
    let browser = Browser::open(&format!("{}#/en/", server.url)).await;
    browser.wait_for_all(".load-error").await;
    let message = browser.text_of(".load-error").await.unwrap_or_default();
    assert!(message.contains("not valid JSON"), "{message}");
    browser.close().await;
}

/// What the early paint shows is what the app then shows, in every language.
#[tokio::test]
async fn the_early_paint_and_the_app_show_the_same_sections() {
    let server = crate::serve();
    for lang in ["fi", "sv", "en"] {
        let address = format!("{}#/{lang}/", server.url);
        server.hang_up(&wasm_file());
        let browser = Browser::open(&address).await;
        browser.wait_for_all("#shell .section-card").await;
        let early = section_links(&browser, "#shell").await;
        let early_heading = heading_text(&browser, "#shell h2").await;
        browser.close().await;

        server.restore(&wasm_file());
        let browser = Browser::open(&address).await;
        browser.wait_for_all("main .section-card").await;
        browser
            .wait_for("the shell removed", || async { browser.text_of("#shell").await.is_none().then_some(()) })
            .await;
        assert_eq!(section_links(&browser, "main").await, early, "{lang}");
        assert_eq!(heading_text(&browser, "#sections-heading").await, early_heading, "{lang}");
        assert!(!early_heading.is_empty(), "the list has its (visually hidden) heading");
        browser.close().await;
    }
}
