//! Load benchmark, run by `scripts/bench-load` (ignored in the normal test run): the release build and a
//! plain static page of the same view, both served through a compressing server, loaded in turn in a
//! fresh headless Chromium emulating a mid-range phone on a slow connection (4x CPU slowdown, 150 ms
//! round trip, 1.6 Mbps down, 750 kbps up): cold (cache off, a new profile) and warm (the same view
//! again, cache and service worker in place). For each view, content and page it measures first
//! contentful paint, the time until the view's main content is on screen and until the app has taken
//! over, all from the start of navigation, and how many times content.json was requested. Prints one
//! JSON line per case, view, visit and page with the medians, which `scripts/bench-load` turns into the
//! tables in BENCHMARKS.md.

use crate::browser::Browser;
use serde_json::json;

/// The views measured: a name, the address, and what shows that the view's main content is there.
pub const VIEWS: [(&str, &str, &str); 3] = [
    ("home", "#/en/", ".section-grid > li:nth-child(6)"),
    ("section", "#/en/sections/legislation", ".section-page .body h2"),
    ("news item", "#/en/news/economic-development-centres-replace-ely-centres", ".news-item-page h1"),
];

/// Runs before the page's own scripts: notes when the view's main content (`MARKER`) exists (painted
/// from the content by first-paint.js, or by the app), and when the app has replaced the shell, each
/// then at the end of the next frame, which is when they are painted.
const OBSERVE: &str = r#"
(() => {
    const shown = () => document.querySelector(MARKER) !== null;
    // The app has taken over once it has replaced index.html's shell (the static page never has one).
    const app = () => shown() && !document.getElementById('shell');
    const whenPainted = (name) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window[name] = performance.now(); };
        channel.port2.postMessage(null);
    });
    const observer = new MutationObserver(() => {
        if (shown() && window.portalViewInDom === undefined) {
            window.portalViewInDom = performance.now();
            whenPainted('portalViewShown');
        }
        if (app()) { observer.disconnect(); window.portalAppInDom = performance.now(); whenPainted('portalAppShown'); }
    });
    observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// The figures once the view and the first contentful paint are there and the app has taken over,
/// else null.
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
        visible: window.portalViewShown,
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
        noted: [window.portalViewInDom, window.portalViewShown, window.portalAppInDom, window.portalAppShown],
        text: document.body.innerText.slice(0, 300),
    };
"#;

/// A 1 000-item content.json is 0.8 MB gzipped: about 4 s at 1.6 Mbps, and then the app reads it.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(120);

/// A mid-range phone on a slow mobile connection; `cold`: with the browser's cache off.
async fn emulate_phone(browser: &Browser, cold: bool) {
    browser.devtools("Network.enable", json!({})).await;
    browser.devtools("Network.setCacheDisabled", json!({ "cacheDisabled": cold })).await;
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

/// Loads `url` and waits for its figures.
async fn measure(browser: &Browser, url: &str) -> serde_json::Value {
    browser.client.goto(url).await.expect("open the page");
    let started = std::time::Instant::now();
    loop {
        let figures = browser.client.execute(COLLECT, vec![]).await.expect("figures");
        if !figures.is_null() {
            return figures;
        }
        if started.elapsed() > PATIENCE {
            let page = browser.client.execute(PAGE_STATE, vec![]).await.unwrap_or_default();
            panic!("{url}: the view was not shown after {PATIENCE:?}; the page: {page}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// One visit of `url` in a fresh browser: cold, or warm (a first visit, then the measured one, once
/// the app's service worker has saved the app and the content).
async fn visit(url: &str, marker: &str, app: bool, warm: bool) -> serde_json::Value {
    let browser = Browser::open("about:blank").await;
    emulate_phone(&browser, !warm).await;
    browser.before_each_page(&OBSERVE.replace("MARKER", &serde_json::to_string(marker).unwrap())).await;
    if warm {
        measure(&browser, url).await;
        if app {
            let ready = "navigator.serviceWorker.ready.then(() => arguments[arguments.length - 1](true));";
            browser.client.execute_async(ready, vec![]).await.expect("the service worker ready");
        }
        browser.client.goto("about:blank").await.unwrap();
    }
    let figures = measure(&browser, url).await;
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

/// Writes beside the app a static page of each view: the app's own page once it shows the view, with
/// its scripts and preloads taken out. It is the floor any page showing that view pays: one HTML file
/// and one stylesheet.
async fn write_static_pages(folder_url: &str, folder: &std::path::Path) {
    let browser = Browser::open("about:blank").await;
    for (name, address, marker) in VIEWS {
        browser.client.goto("about:blank").await.unwrap();
        browser.client.goto(&format!("{folder_url}index.html{address}")).await.unwrap();
        browser
            .wait_for(&format!("the app showing {address}"), || async {
                let shown =
                    format!("return !document.getElementById('shell') && !!document.querySelector({marker:?});");
                browser.client.execute(&shown, vec![]).await.unwrap().as_bool().unwrap_or(false).then_some(())
            })
            .await;
        let html = browser
            .client
            .execute(
                "document.querySelectorAll('script, link[rel=preload], link[rel=modulepreload]').forEach((n) => n.remove());
                 return '<!DOCTYPE html>' + document.documentElement.outerHTML;",
                vec![],
            )
            .await
            .unwrap();
        std::fs::write(folder.join(static_page(name)), html.as_str().unwrap()).unwrap();
    }
    browser.close().await;
}

fn static_page(view: &str) -> String {
    format!("static-{}.html", view.replace(' ', "-"))
}

/// `PORTAL_LOAD_CASES`: space-separated `name=folder-address=folder-path` triples, each folder holding
/// the release build with its content.json. `PORTAL_LOAD_RUNS`: loads of each page per view, case and
/// visit (default 5). `PORTAL_LOAD_WARM`: the cases also visited warm (default: all).
#[tokio::test]
#[ignore = "benchmark: run by scripts/bench-load"]
async fn each_view_cold_and_warm_on_an_emulated_phone() {
    let cases = std::env::var("PORTAL_LOAD_CASES").expect("PORTAL_LOAD_CASES, set by scripts/bench-load");
    let runs: usize = std::env::var("PORTAL_LOAD_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let warm_cases = std::env::var("PORTAL_LOAD_WARM").ok();
    for case in cases.split_whitespace() {
        let mut parts = case.split('=');
        let (Some(name), Some(folder_url), Some(folder)) = (parts.next(), parts.next(), parts.next()) else {
            panic!("name=folder-address=folder-path, not {case}")
        };
        write_static_pages(folder_url, std::path::Path::new(folder)).await;
        let warm_too = warm_cases.as_deref().is_none_or(|warm| warm.split_whitespace().any(|w| w == name));
        let visits: &[bool] = if warm_too { &[false, true] } else { &[false] };
        for &warm in visits {
            for (view, address, marker) in VIEWS {
                let pages = [
                    ("app", format!("{folder_url}index.html{address}")),
                    ("static", format!("{folder_url}{}", static_page(view))),
                ];
                let mut samples: [Vec<serde_json::Value>; 2] = Default::default();
                // Alternating, so a busy moment on the machine hits both pages alike.
                for run in 0..runs {
                    for (i, (page, url)) in pages.iter().enumerate() {
                        let figures = visit(url, marker, *page == "app", warm).await;
                        eprintln!("{name} {view} warm={warm} {page} run {}: {figures}", run + 1);
                        samples[i].push(figures);
                    }
                }
                for (i, (page, _)) in pages.iter().enumerate() {
                    let keys = [
                        "fcp",
                        "visible",
                        "app",
                        "content_start",
                        "content_end",
                        "wasm_start",
                        "wasm_end",
                        "transferred",
                    ];
                    let visit = if warm { "warm" } else { "cold" };
                    let mut line = json!({ "case": name, "view": view, "visit": visit, "page": page, "runs": runs });
                    for key in keys {
                        line[key] = json!(medians(&samples[i], key).map(|v| v.round()));
                    }
                    let requests: Vec<u64> =
                        samples[i].iter().map(|s| s["content_requests"].as_u64().unwrap_or(0)).collect();
                    line["content_requests"] = json!(requests);
                    println!("{line}");
                    if *page == "app" && !warm {
                        assert!(
                            requests.iter().all(|&n| n == 1),
                            "content.json must be fetched once per load: {requests:?}"
                        );
                    }
                }
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
