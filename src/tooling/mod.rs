//! The editors' tooling, never in the portal's wasm: checking content.json with every problem's line
//! and column and the news feeds (both also in the editors' page, `editor.html`), and, native only,
//! its JSON Schema, the JavaScript files' constants and synthetic content for benchmarks (also for WASI).

pub mod check;
pub mod feed;
#[cfg(not(target_arch = "wasm32"))]
pub mod js_constants;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
// Also in the WASI builds of the timing examples (scripts/keystroke-timing-wasm); never in a page's wasm.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod synthetic;

pub use check::{check_content, Diagnostic, Report, Severity};
