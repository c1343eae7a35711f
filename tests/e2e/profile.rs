//! Where the portal's time goes, run by `scripts/profile` (ignored in the normal test run): DevTools CPU
//! profiles of a build that keeps the wasm's function names, over the load of `#/en/news` with a
//! generated content.json and over typing the peer bench's queries. Prints each phase's functions by
//! self time and by total time, and the keystrokes split by where in a query they fall, so the slowest
//! kind of keystroke is seen before anything is changed.

use crate::browser::Browser;
use crate::static_server::StaticServer;
use std::collections::HashMap;
use std::path::PathBuf;

/// Functions listed a phase.
const TOP: usize = 35;

/// The portal's marks and the long tasks of the load.
const LOAD_TIMES: &str = "return performance.getEntriesByType('mark').filter((m) => m.name.startsWith('portal:'))
    .map((m) => `${m.name} ${m.startTime.toFixed(1)}`)
    .concat(window.longTasks.map((t) => `task of ${t.duration} ms at ${t.startTime.toFixed(0)}`))";

#[tokio::test]
#[ignore = "profile: run by scripts/profile"]
async fn where_the_time_goes() {
    let content = std::env::var("PORTAL_BENCH_CONTENT").expect("PORTAL_BENCH_CONTENT names a content.json");
    let dist = PathBuf::from(std::env::var("PORTAL_PROFILE_DIST").expect("PORTAL_PROFILE_DIST names a build"));
    let server = StaticServer::start(dist, crate::MOUNT);
    server.replace("content.json", Some(&std::fs::read(content).unwrap()));
    let url = format!("{}#/en/news", server.url);
    let browser = Browser::open("about:blank").await;
    browser.before_each_page(crate::peers::OBSERVE_PAGE).await;
    browser.client.goto(&url).await.unwrap();
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(None, None, None);
    browser.client.update_timeouts(timeouts).await.unwrap();
    let built = "return performance.getEntriesByName('portal:index-built').length > 0";
    let wait_for_index = || async {
        browser
            .wait_for("the complete index", || async {
                browser.client.execute(built, vec![]).await.unwrap().as_bool().filter(|b| *b)
            })
            .await
    };
    wait_for_index().await;
    let first_load = browser.client.execute(LOAD_TIMES, vec![]).await.unwrap();
    println!("== first load, not profiled: {first_load}");
    browser.devtools("Profiler.enable", serde_json::json!({})).await;
    browser.devtools("Profiler.setSamplingInterval", serde_json::json!({ "interval": 100 })).await;

    // The load again in the same tab (the same renderer), profiled from the start.
    browser.devtools("Profiler.start", serde_json::json!({})).await;
    browser.client.execute("location.reload()", vec![]).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    wait_for_index().await;
    let profile = browser.devtools("Profiler.stop", serde_json::json!({})).await;
    let marks = browser.client.execute(LOAD_TIMES, vec![]).await.unwrap();
    println!("== load: marks {marks}");
    let (heap_mb, wasm_mb) = crate::peers::memory_in_use(&browser).await;
    println!("memory: JavaScript heap in use {heap_mb:.1} MB, wasm memory {wasm_mb:.1} MB");
    print_profile(&profile["profile"]);

    let queries = serde_json::json!(crate::peers::QUERIES);
    browser.devtools("Profiler.start", serde_json::json!({})).await;
    let answer = browser.client.execute_async(crate::peers::TYPE_QUERIES, vec![queries]).await.unwrap();
    let profile = browser.devtools("Profiler.stop", serde_json::json!({})).await;
    println!("== typing");
    print_keystrokes(answer[0].as_array().unwrap());
    print_profile(&profile["profile"]);
    browser.close().await;
}

/// The first letter of each query apart from the rest, and the slowest keystrokes.
fn print_keystrokes(times: &[serde_json::Value]) {
    let mut all: Vec<(String, f64)> =
        times.iter().map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_f64().unwrap())).collect();
    let mean = |times: &[f64]| times.iter().sum::<f64>() / times.len().max(1) as f64;
    let split: Vec<f64> =
        (2..5).map(|at| mean(&times.iter().map(|row| row[at].as_f64().unwrap()).collect::<Vec<_>>())).collect();
    println!(
        "a keystroke's mean: input handler {:.2} ms, queued work until the message {:.2} ms, layout {:.2} ms",
        split[0], split[1], split[2]
    );
    let (first, rest): (Vec<_>, Vec<_>) = all.iter().partition(|(typed, _)| typed.chars().count() == 1);
    let first: Vec<f64> = first.iter().map(|(_, t)| *t).collect();
    let rest: Vec<f64> = rest.iter().map(|(_, t)| *t).collect();
    println!(
        "first letters: {} keystrokes, mean {:.2} ms; the rest: {}, mean {:.2} ms",
        first.len(),
        mean(&first),
        rest.len(),
        mean(&rest)
    );
    all.sort_by(|a, b| b.1.total_cmp(&a.1));
    let slowest: Vec<String> = all.iter().take(15).map(|(typed, t)| format!("{typed:?} {t:.1}")).collect();
    println!("slowest: {}", slowest.join(", "));
}

/// Self and total time by function name.
fn print_profile(profile: &serde_json::Value) {
    let nodes = profile["nodes"].as_array().unwrap();
    let mut samples_of: HashMap<u64, f64> = HashMap::new();
    let deltas = profile["timeDeltas"].as_array().unwrap();
    for (sample, delta) in
        profile["samples"].as_array().unwrap().iter().zip(deltas.iter().skip(1).chain([&serde_json::json!(0)]))
    {
        *samples_of.entry(sample.as_u64().unwrap()).or_default() += delta.as_f64().unwrap() / 1000.0;
    }
    let name_of = |node: &serde_json::Value| {
        let frame = &node["callFrame"];
        let name = frame["functionName"].as_str().unwrap_or_default();
        let file = frame["url"].as_str().unwrap_or_default().rsplit('/').next().unwrap_or_default();
        match (name, file) {
            ("", "") => format!("(script {} at {}:{})", frame["scriptId"], frame["lineNumber"], frame["columnNumber"]),
            ("", file) => format!("({file})"),
            (name, _) => name.to_owned(),
        }
    };
    let by_id: HashMap<u64, &serde_json::Value> =
        nodes.iter().map(|node| (node["id"].as_u64().unwrap(), node)).collect();
    let mut parent: HashMap<u64, u64> = HashMap::new();
    for node in nodes {
        for child in node["children"].as_array().into_iter().flatten() {
            parent.insert(child.as_u64().unwrap(), node["id"].as_u64().unwrap());
        }
    }
    let mut self_ms: HashMap<String, f64> = HashMap::new();
    let mut total_ms: HashMap<String, f64> = HashMap::new();
    for (&id, &ms) in &samples_of {
        *self_ms.entry(name_of(by_id[&id])).or_default() += ms;
        // Each function once per sample however deep it recurses.
        let mut seen = std::collections::HashSet::new();
        let mut at = Some(id);
        while let Some(node) = at {
            let name = name_of(by_id[&node]);
            if seen.insert(name.clone()) {
                *total_ms.entry(name).or_default() += ms;
            }
            at = parent.get(&node).copied();
        }
    }
    let idle = self_ms.get("(idle)").copied().unwrap_or_default();
    let busy: f64 = self_ms.values().sum::<f64>() - idle;
    println!("busy {busy:.0} ms (idle {idle:.0} ms)");
    for (title, table) in [("self", &self_ms), ("total", &total_ms)] {
        let mut rows: Vec<(&String, &f64)> =
            table.iter().filter(|(name, _)| *name != "(idle)" && *name != "(root)").collect();
        rows.sort_by(|a, b| b.1.total_cmp(a.1));
        println!("-- by {title} time");
        for (name, ms) in rows.into_iter().take(TOP) {
            let short: String = name.chars().take(110).collect();
            println!("{ms:9.1} ms  {short}");
        }
    }
}
