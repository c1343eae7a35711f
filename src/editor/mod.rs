//! The editors' page, `editor.html`: checks a chosen content.json in the browser with the same code as
//! `content-check`, shows each problem's lines, previews the portal with the file and lists its feeds.
//! Built as a wasm of its own (`src/bin/editor.rs`), so officials never download any of it.

pub mod lines;
pub mod page;
pub mod report;
pub mod texts;
pub mod verdict;
pub mod worker;

/// Starts the page, or in its worker (no window there) the checks.
pub fn start() {
    if web_sys::window().is_some() {
        page::start();
    } else {
        worker::serve_checks();
    }
}
