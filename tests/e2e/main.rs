//! End to end: the release folder (`dist/`, built by `scripts/test`) served from a sub-path by a plain
//! static server, and in `deploy` by a real nginx with the strict Content-Security-Policy, driven in
//! real Chromium.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/browser.rs"]
mod browser;
#[path = "../support/nginx.rs"]
mod nginx;
#[path = "../support/seed.rs"]
mod seed;
#[path = "../support/static_server.rs"]
mod static_server;
#[path = "../support/temp_folder.rs"]
mod temp_folder;

/// What the in-browser benchmarks type with, as the start of their scripts: `input`, the news search box;
/// `pause(ms)`; and `nextTask()`, which resolves in the next message task. A message task runs once every
/// microtask queued before it has run (Leptos updates in microtasks); a zero timeout would too, but
/// timeouts nested five deep, as a typing loop's are, wait at least 4 ms (HTML's timer clamping), which a
/// message does not, so a figure is the page's own time.
macro_rules! typing_helpers_js {
    () => {
        r#"
const input = document.getElementById('news-search');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const channel = new MessageChannel();
const nextTask = () => new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
});
"#
    };
}

mod accessibility;
mod bench;
mod deploy;
mod early_paint;
mod editor;
mod language_search;
mod load;
mod peers;
mod profile;
mod resilience;
mod search;
mod views;

use browser::Browser;
use integration_portal::content::{parse_content, Content};
use integration_portal::search::SearchIndex;
use static_server::StaticServer;
use std::path::PathBuf;

/// Deep enough that any absolute asset path would break.
const MOUNT: &str = "/intranet/integration/";

fn dist() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").exists(),
        "{} has no build: run scripts/test (or trunk build --release) first",
        dist.display()
    );
    dist
}

fn serve() -> StaticServer {
    StaticServer::start(dist(), MOUNT)
}

/// The content.json the build ships, as the app reads it.
fn bundled_content() -> Content {
    parse_content(&std::fs::read_to_string(dist().join("content.json")).unwrap()).unwrap()
}

fn bundled_index() -> (Content, SearchIndex) {
    let content = bundled_content();
    let index = SearchIndex::build(&content);
    (content, index)
}

/// Each test run opens about a hundred browsers: none may leave its profile (90 MB) on the disk.
#[tokio::test]
async fn a_closed_browser_leaves_no_profile_behind() {
    let server = serve();
    let browser = Browser::open(&server.url).await;
    let profile = browser.profile_folder().to_owned();
    assert!(profile.join("Local State").exists(), "Chromium does not use {}", profile.display());
    browser.close().await;
    assert!(!profile.exists(), "{} was left behind", profile.display());
}

/// A test that fails before closing its browser drops it: Chromium must go with it, not run on.
#[tokio::test]
async fn a_dropped_browser_leaves_no_process_running() {
    let server = serve();
    let browser = Browser::open(&server.url).await;
    let group = browser.process_group();
    let running = || {
        std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path().join("stat")).ok())
            // pid (comm) state ppid pgrp …; comm may hold spaces, so read after its closing parenthesis.
            .filter_map(|stat| {
                let fields: Vec<String> = stat.rsplit_once(')')?.1.split_whitespace().map(str::to_owned).collect();
                (fields.get(2)?.parse::<u32>().ok()? == group && fields[0] != "Z").then_some(stat)
            })
            .count()
    };
    assert!(running() >= 2, "the driver and its Chromium run in group {group}");
    drop(browser);
    // A killed process takes a moment to end.
    let started = std::time::Instant::now();
    while running() > 0 && started.elapsed() < std::time::Duration::from_secs(5) {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(running(), 0, "processes of group {group} still run");
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}
