//! The portal's news list beside FlexSearch, MiniSearch and a plain scan, run by `scripts/bench-peers`
//! (ignored in the normal test run). One generated content.json; each library in its own page served
//! locally (`tests/peers/`), the portal's release build in another; all in one headless Chromium, taken
//! in turn round after round so the machine's noise falls on each alike. Every keystroke is measured the
//! same way on every page: set the search box's value, dispatch `input`, wait for one message task, force
//! layout. Prints one JSON line a visit and a Markdown table of the figures with each one's ratio to the
//! fastest peer, for BENCHMARKS.md.

use crate::browser::Browser;
use crate::serve;
use crate::static_server::StaticServer;
use std::path::PathBuf;

/// The queries typed, a letter at a time (`tooling/synthetic.rs`).
pub(crate) const QUERIES: &[&str] = integration_portal::tooling::synthetic::TYPED_QUERIES;

/// CPU slowdowns typed at: a desktop, and a mid-range phone as Chromium's DevTools emulate it.
const SLOWDOWNS: [u32; 2] = [1, 4];

/// The pages, the portal first; `PAGES=portal,flexsearch` measures some of them. `portal-b` is another
/// build of the portal, measured only when `PORTAL_B_DIST` names its folder (`AGAINST=` in
/// `scripts/bench-peers`): two builds compared in one run, where the machine's noise falls on both.
const PAGES: [&str; 5] = ["portal", "flexsearch", "minisearch", "scan", "portal-b"];

/// Pages that are the portal, whose ratios are to the peers.
fn is_portal(page: &str) -> bool {
    page.starts_with("portal")
}

/// Types the queries a letter at a time; gives each keystroke as `[typed, ms, handler ms, queued ms,
/// layout ms]`, and the result count after each query.
pub(crate) const TYPE_QUERIES: &str = concat!(
    typing_helpers_js!(),
    r#"
const [queries, done] = arguments;
const type = (text) => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); };
(async () => {
    const times = [];
    const counts = [];
    for (const query of queries) {
        type('');
        await pause(50);
        for (let i = 1; i <= query.length; i++) {
            const start = performance.now();
            type(query.slice(0, i));
            const typed = performance.now();
            await nextTask();
            const updated = performance.now();
            document.body.offsetHeight;
            const end = performance.now();
            // The keystroke, then its parts for scripts/profile: input handler, queued work, layout.
            times.push([query.slice(0, i), end - start, typed - start, updated - typed, end - updated]);
            await pause(20);
        }
        counts.push(document.getElementById('result-count').textContent);
    }
    done([times, counts]);
})();
"#
);

/// What one visit of one page measured.
struct Visit {
    page: &'static str,
    index_ms: f64,
    longest_task_ms: f64,
    memory_mb: f64,
    /// Keystroke times at each of `SLOWDOWNS`.
    keystrokes: Vec<Vec<f64>>,
    /// At each of `SLOWDOWNS`, a keystroke's mean time in its input handler, in the work it queued
    /// until the message, and in layout: where a page's time goes.
    parts: Vec<[f64; 3]>,
}

#[tokio::test]
#[ignore = "benchmark: run by scripts/bench-peers"]
async fn keystrokes_beside_the_peers() {
    let content_path =
        std::env::var("PORTAL_BENCH_CONTENT").expect("PORTAL_BENCH_CONTENT names the generated content.json");
    let npm = PathBuf::from(std::env::var("PEERS_NPM").expect("PEERS_NPM names the peers' node_modules"));
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let portal_b_dist = std::env::var("PORTAL_B_DIST").ok();
    let pages: Vec<&'static str> = match std::env::var("PAGES") {
        Ok(chosen) => PAGES.into_iter().filter(|page| chosen.split(',').any(|c| c == *page)).collect(),
        Err(_) => PAGES.to_vec(),
    };
    let pages: Vec<&'static str> =
        pages.into_iter().filter(|page| *page != "portal-b" || portal_b_dist.is_some()).collect();
    let text = std::fs::read(&content_path).unwrap();
    let items = integration_portal::content::parse_content(std::str::from_utf8(&text).unwrap()).unwrap().news.len();

    let portal = serve();
    portal.replace("content.json", Some(&text));
    let portal_b = portal_b_dist.map(|dist| StaticServer::start(PathBuf::from(dist), crate::MOUNT));
    if let Some(portal_b) = &portal_b {
        portal_b.replace("content.json", Some(&text));
    }
    let peers = StaticServer::start(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers"), "/peers/");
    peers.replace("content.json", Some(&text));
    for (served, file) in [
        ("flexsearch.bundle.min.js", "flexsearch/dist/flexsearch.bundle.min.js"),
        ("minisearch.js", "minisearch/dist/umd/index.js"),
    ] {
        let library = std::fs::read(npm.join(file)).unwrap_or_else(|e| panic!("{file} in {}: {e}", npm.display()));
        peers.replace(served, Some(&library));
    }

    let browser = Browser::open("about:blank").await;
    // A slow library types 145 keystrokes at 4x slowdown over 50 000 items for minutes, not seconds.
    let patience = Some(std::time::Duration::from_secs(1800));
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(patience, patience, None);
    browser.client.update_timeouts(timeouts).await.unwrap();

    let mut visits = Vec::new();
    for round in 0..rounds {
        // Each round starts with the next page, so no page is always first after a pause.
        for turn in 0..pages.len() {
            let page = pages[(round + turn) % pages.len()];
            let served = if page == "portal-b" { portal_b.as_ref().unwrap() } else { &portal };
            let visit = visit(&browser, page, served, &peers).await;
            println!(
                "{{\"items\": {items}, \"round\": {round}, \"page\": \"{page}\", \"index_ms\": {:.1}, \"longest_task_ms\": {:.1}, \"memory_mb\": {:.1}, {}}}",
                visit.index_ms,
                visit.longest_task_ms,
                visit.memory_mb,
                SLOWDOWNS
                    .iter()
                    .zip(&visit.keystrokes)
                    .zip(&visit.parts)
                    .map(|((rate, times), [handler, queued, layout])| {
                        let mut sorted = times.clone();
                        sorted.sort_by(f64::total_cmp);
                        format!(
                            "\"p50_{rate}x\": {:.2}, \"p95_{rate}x\": {:.2}, \"mean_parts_{rate}x\": [{handler:.2}, {queued:.2}, {layout:.2}]",
                            percentile(&sorted, 0.5),
                            percentile(&sorted, 0.95)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            visits.push(visit);
        }
    }
    println!("{}", table(items, &pages, &visits));
    browser.close().await;
}

/// Run in each page before its own scripts: the portal's wasm memory, which Trunk's loader announces, and
/// the tasks of 50 ms and more.
pub(crate) const OBSERVE_PAGE: &str = "addEventListener('TrunkApplicationStarted', (e) => { window.portalMemory = e.detail.wasm.memory; });
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });";

/// One page in a tab of its own, closed after, so no page's memory is counted with the next one's.
async fn visit(browser: &Browser, page: &'static str, portal: &StaticServer, peers: &StaticServer) -> Visit {
    let first_tab = browser.client.window().await.unwrap();
    let tab = browser.client.new_window(true).await.unwrap().handle;
    browser.client.switch_to_window(tab).await.unwrap();
    browser.before_each_page(OBSERVE_PAGE).await;
    let visit = measure(browser, page, portal, peers).await;
    browser.client.close_window().await.unwrap();
    browser.client.switch_to_window(first_tab).await.unwrap();
    visit
}

async fn measure(browser: &Browser, page: &'static str, portal: &StaticServer, peers: &StaticServer) -> Visit {
    let portal_page = is_portal(page);
    let url = if portal_page { format!("{}#/en/news", portal.url) } else { format!("{}{page}.html", peers.url) };
    browser.client.goto(&url).await.unwrap();
    // The portal's complete index counts from the parsed content to the bodies indexed, as the peers'
    // from their texts to the library's index built; the longest task is the longest meanwhile.
    let ready = if portal_page {
        "const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
         const [from, to] = [at('portal:content-parsed'), at('portal:index-built')];
         return to === undefined ? null : [to - from, Math.max(0, ...window.longTasks
             .filter((task) => task.startTime + task.duration > from && task.startTime < to).map((task) => task.duration))];"
    } else {
        "return window.peerReady ? [window.peerIndexMs, Math.max(0, ...window.longTasks.map((task) => task.duration))] : null;"
    };
    let started = std::time::Instant::now();
    let (index_ms, longest_task_ms) = loop {
        let answer = browser.client.execute(ready, vec![]).await.unwrap();
        if let Some(pair) = answer.as_array() {
            break (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
        }
        assert!(started.elapsed().as_secs() < 600, "{page} did not build its index");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let (heap_mb, wasm_mb) = memory_in_use(browser).await;
    let memory_mb = heap_mb + wasm_mb;

    let (mut keystrokes, mut parts) = (Vec::new(), Vec::new());
    for rate in SLOWDOWNS {
        browser.devtools("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": rate })).await;
        let answer = browser.client.execute_async(TYPE_QUERIES, vec![serde_json::json!(QUERIES)]).await.unwrap();
        browser.devtools("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": 1 })).await;
        let counts: Vec<&str> = answer[1].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        assert!(counts.iter().any(|count| !count.starts_with('0')), "{page} found nothing: {counts:?}");
        let rows = answer[0].as_array().unwrap();
        keystrokes.push(rows.iter().map(|t| t[1].as_f64().unwrap()).collect());
        let mean = |at: usize| rows.iter().map(|t| t[at].as_f64().unwrap()).sum::<f64>() / rows.len() as f64;
        parts.push([mean(2), mean(3), mean(4)]);
    }
    Visit { page, index_ms, longest_task_ms, memory_mb, keystrokes, parts }
}

/// The JavaScript heap in use after a forced garbage collection, and the portal's wasm memory (0 on a
/// peer's page), in MB. The page must have run `OBSERVE_PAGE`.
pub(crate) async fn memory_in_use(browser: &Browser) -> (f64, f64) {
    browser.collect_garbage().await;
    let heap = browser.devtools("Runtime.getHeapUsage", serde_json::json!({})).await;
    let wasm = browser.client.execute("return window.portalMemory?.buffer.byteLength ?? 0", vec![]).await.unwrap();
    (heap["usedSize"].as_f64().unwrap() / 1_048_576.0, wasm.as_f64().unwrap() / 1_048_576.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    percentile(&values, 0.5)
}

/// Each page's figures over all its visits, keystrokes pooled, each with its ratio to the fastest peer
/// (the smallest figure among the three libraries; lower is better in every column).
fn table(items: usize, pages: &[&str], visits: &[Visit]) -> String {
    let figures: Vec<(&str, Vec<f64>)> = pages
        .iter()
        .map(|&page| {
            let mine: Vec<&Visit> = visits.iter().filter(|v| v.page == page).collect();
            let mut row = Vec::new();
            for slowdown in 0..SLOWDOWNS.len() {
                let mut times: Vec<f64> = mine.iter().flat_map(|v| v.keystrokes[slowdown].iter().copied()).collect();
                times.sort_by(f64::total_cmp);
                row.extend([percentile(&times, 0.5), percentile(&times, 0.95), times[times.len() - 1]]);
            }
            row.push(median(mine.iter().map(|v| v.index_ms).collect()));
            row.push(median(mine.iter().map(|v| v.longest_task_ms).collect()));
            row.push(median(mine.iter().map(|v| v.memory_mb).collect()));
            (page, row)
        })
        .collect();
    let fastest: Vec<f64> = (0..figures[0].1.len())
        .map(|column| {
            let peers = figures.iter().filter(|(page, _)| !is_portal(page));
            peers.map(|(_, row)| row[column]).fold(f64::INFINITY, f64::min)
        })
        .collect();
    let mut table = format!(
        "| {items} items, {} keystrokes a visit and slowdown | p50 1x | p95 1x | worst 1x | p50 4x | p95 4x | worst 4x | index ms | longest task ms | memory MB\n",
        QUERIES.iter().map(|q| q.chars().count()).sum::<usize>()
    );
    table.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (page, row) in &figures {
        let cells: Vec<String> = row
            .iter()
            .zip(&fastest)
            .map(|(figure, fastest)| match *fastest > 0.0 && fastest.is_finite() {
                true => format!("{figure:.1} ({:.2}x)", figure / fastest),
                false => format!("{figure:.1}"),
            })
            .collect();
        table.push_str(&format!("| {page} | {} |\n", cells.join(" | ")));
    }
    table
}
