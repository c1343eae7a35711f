//! Load benchmark, run by `scripts/bench-load` (ignored in the normal test run): the release build and a
//! plain static page holding the same home view (`examples/static_home.rs`), both served through a
//! compressing server, loaded in turn in a fresh headless Chromium emulating a mid-range phone on a slow
//! connection (4x CPU slowdown, 150 ms round trip, 1.6 Mbps down, 750 kbps up, cache off). Measures
//! first contentful paint and the time until the six section cards are on screen, both from the start
//! of navigation, and how many times content.json was requested. Prints one JSON line per page and case
//! with the medians, which `scripts/bench-load` turns into the table in BENCHMARKS.md.

use crate::browser::Browser;
use serde_json::json;

/// Runs before the page's own scripts: notes when the six section cards exist, then the end of the
/// next frame, which is when they are painted.
const OBSERVE: &str = r#"
(() => {
    const seen = () => document.querySelectorAll('.section-card').length >= 6;
    const painted = () => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.portalSectionsShown = performance.now(); };
        channel.port2.postMessage(null);
    });
    const observer = new MutationObserver(() => {
        if (seen()) { observer.disconnect(); window.portalSectionsInDom = performance.now(); painted(); }
    });
    observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// The figures once the sections and the first contentful paint are there, else null.
const COLLECT: &str = r#"
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    if (window.portalSectionsShown === undefined || !paint) { return null; }
    const resources = performance.getEntriesByType('resource');
    const navigation = performance.getEntriesByType('navigation')[0];
    const named = (end) => resources.filter((r) => new URL(r.name).pathname.endsWith(end));
    const content = named('/content.json');
    const wasm = named('.wasm');
    return {
        fcp: paint.startTime,
        visible: window.portalSectionsShown,
        in_dom: window.portalSectionsInDom,
        content_requests: content.length,
        content_start: content.length ? content[0].startTime : null,
        content_end: content.length ? content[0].responseEnd : null,
        wasm_start: wasm.length ? wasm[0].startTime : null,
        wasm_end: wasm.length ? wasm[0].responseEnd : null,
        transferred: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
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
        assert!(started.elapsed() < PATIENCE, "{url}: no sections after {PATIENCE:?}");
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
            let keys =
                ["fcp", "visible", "in_dom", "content_start", "content_end", "wasm_start", "wasm_end", "transferred"];
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
