//! Real Chromium driven through ChromeDriver. Each `Browser` is a new ChromeDriver and a new profile:
//! a fresh browser, as when a link is pasted on another machine.
//!
//! The profile lives in a folder this module owns and removes: ChromeDriver's own temporary profiles
//! (about 90 MB each) were left in /tmp after every session and filled the disk over a few test runs.

use crate::temp_folder::TempFolder;
use fantoccini::{Client, ClientBuilder, Locator};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PATIENCE: Duration = Duration::from_secs(20);

pub struct Browser {
    pub client: Client,
    driver: Child,
    /// Dropped after `Drop for Browser` has stopped the driver, and with it removed.
    profile: TempFolder,
}

impl Browser {
    pub async fn open(url: &str) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            // Its own process group, which the Chromium it starts joins: see `Drop`.
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("start {CHROMEDRIVER} (scripts/setup --browser installs it): {error}"));
        let profile = TempFolder::new("e2e-profile");
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,800",
                    format!("--user-data-dir={}", profile.path().display())
                ]
            },
            // The console, for `console()`: Content-Security-Policy violations are reported there.
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!() };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::new(connector.clone())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(error) if started.elapsed() > PATIENCE => {
                    panic!("ChromeDriver did not start: {error}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        client.goto(url).await.expect("open the portal");
        Browser { client, driver, profile }
    }

    /// The process group of the driver and the browser it started.
    pub fn process_group(&self) -> u32 {
        self.driver.id()
    }

    /// The folder holding this browser's profile; removed when the browser closes.
    pub fn profile_folder(&self) -> &Path {
        self.profile.path()
    }

    pub async fn close(self) {
        // Chromium quits with the session; the profile folder goes when `self` is dropped.
        let _ = self.client.clone().close().await;
    }

    /// Waits until `probe` answers `Some`, retrying while the page renders.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        self.wait_for_within(PATIENCE, what, probe).await
    }

    /// `wait_for`, with `patience` for work that takes long on a busy machine (checking a 30 MB file).
    pub async fn wait_for_within<T, F, Fut>(&self, patience: Duration, what: &str, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let started = Instant::now();
        loop {
            if let Some(found) = probe().await {
                return found;
            }
            if started.elapsed() > patience {
                let body = self.text_of("body").await.unwrap_or_default();
                panic!("timed out waiting for {what}; the page shows:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn text_of(&self, css: &str) -> Option<String> {
        self.client.find(Locator::Css(css)).await.ok()?.text().await.ok()
    }

    pub async fn texts_of(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.unwrap_or_default() {
            texts.push(element.text().await.unwrap_or_default());
        }
        texts
    }

    /// Waits for the view's heading to read `expected`.
    pub async fn wait_for_heading(&self, expected: &str) {
        self.wait_for(&format!("the heading {expected:?}"), || async {
            (self.text_of("main h1").await.as_deref() == Some(expected)).then_some(())
        })
        .await
    }

    /// Waits for at least one element matching `css`, then returns the texts of all of them.
    pub async fn wait_for_all(&self, css: &str) -> Vec<String> {
        self.wait_for(css, || async {
            let texts = self.texts_of(css).await;
            (!texts.is_empty()).then_some(texts)
        })
        .await
    }

    pub async fn click_link(&self, text: &str) {
        let link = self.client.find(Locator::LinkText(text)).await.unwrap_or_else(|_| panic!("no link {text:?}"));
        link.click().await.expect("click");
    }

    pub async fn url(&self) -> String {
        self.client.current_url().await.expect("current URL").to_string()
    }

    pub async fn title(&self) -> String {
        self.client.title().await.expect("document title")
    }

    /// What the page wrote to the browser console since the last call: level and message of each entry.
    pub async fn console(&self) -> Vec<(String, String)> {
        let entries = self.raw("se/log", serde_json::json!({ "type": "browser" })).await;
        entries
            .as_array()
            .expect("log entries")
            .iter()
            .map(|entry| {
                (
                    entry["level"].as_str().unwrap_or_default().to_owned(),
                    entry["message"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    /// A Chrome DevTools Protocol command, through ChromeDriver.
    pub async fn devtools(&self, command: &str, params: serde_json::Value) -> serde_json::Value {
        self.raw("goog/cdp/execute", serde_json::json!({ "cmd": command, "params": params })).await
    }

    /// A ChromeDriver command fantoccini has no method for: POST /session/{id}/{path}.
    async fn raw(&self, path: &'static str, body: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(RawCommand { path, body })
            .await
            .unwrap_or_else(|error| panic!("ChromeDriver {path}: {error}"))
    }
}

#[derive(Debug)]
struct RawCommand {
    path: &'static str,
    body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for RawCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/{}", session_id.unwrap_or_default(), self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A failed test still must not leave a driver or a browser behind. Killing the driver alone left
        // its Chromium running, using a core and skewing the benchmarks that followed.
        let _ = Command::new("kill").args(["-s", "KILL", "--", &format!("-{}", self.driver.id())]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    /// Runs `source` in every page this browser opens from now on, before the page's own scripts.
    pub async fn before_each_page(&self, source: &str) {
        self.devtools("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": source })).await;
    }

    /// Emulates `prefers-color-scheme: dark` (or `light`) for the pages that follow.
    pub async fn emulate_color_scheme(&self, scheme: &str) {
        self.emulate_media("prefers-color-scheme", scheme).await;
    }

    /// Emulates a media feature, such as `prefers-reduced-motion: reduce`, for the pages that follow.
    pub async fn emulate_media(&self, feature: &str, value: &str) {
        let params = serde_json::json!({ "features": [{ "name": feature, "value": value }] });
        self.devtools("Emulation.setEmulatedMedia", params).await;
    }

    /// Runs the garbage collector, so memory figures count what the page keeps.
    pub async fn collect_garbage(&self) {
        self.devtools("HeapProfiler.collectGarbage", serde_json::json!({})).await;
    }
}
