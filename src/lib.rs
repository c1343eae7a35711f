//! Integration work portal for Finnish authorities.
//!
//! Layers, each importing only those below it (`tests/layers.rs` holds them to it): the languages
//! (`i18n`), the content model (`content`, `stable_sort`), search, addresses and the one setting
//! (`search`, `route`, `portal_config`), the browser glue (`browser`), `components`, `views`, and `app`
//! for wiring. The editors' `tooling` and their page (`editor`, built as its own wasm) are never in the
//! portal's wasm. Everything below the browser glue compiles and is
//! tested natively with plain `cargo test`; the views stay thin and declarative.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod edit_distance;
pub mod editor;
pub mod i18n;
pub mod portal_config;
pub mod route;
pub mod search;
pub mod stable_sort;
pub mod tooling;
pub mod views;
