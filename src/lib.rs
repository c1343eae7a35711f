//! Integration work portal for Finnish authorities.
//!
//! Layers, each importing only those below it (`tests/layers.rs` holds them to it): the languages
//! (`i18n`), the content model (`content`, `stable_sort`), search, addresses and the one setting
//! (`search`, `route`, `portal_config`), the browser glue (`browser`), `components`, `views`, and `app`
//! for wiring. The editors' `tooling` is native only. Everything below the browser glue compiles and is
//! tested natively with plain `cargo test`; the views stay thin and declarative.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod edit_distance;
pub mod i18n;
pub mod portal_config;
pub mod route;
pub mod search;
pub mod stable_sort;
#[cfg(not(target_arch = "wasm32"))]
pub mod tooling;
pub mod views;
