//! The editors' tooling, native only and never in the wasm app: checking content.json with every
//! problem's line and column, its JSON Schema, the news feeds, and synthetic content for benchmarks.

pub mod check;
pub mod feed;
pub mod js_constants;
pub mod schema;
pub mod synthetic;

pub use check::{check_content, Diagnostic, Report, Severity};
