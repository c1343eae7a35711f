//! Integration work portal for Finnish authorities.
//!
//! Pure logic (content model and validation, addresses, languages) compiles and tests natively;
//! the views in `app`, `views` and `components` are thin Leptos layers over it.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod i18n;
pub mod order;
pub mod route;
pub mod search;
pub mod settings;
#[cfg(not(target_arch = "wasm32"))]
pub mod tooling;
pub mod views;
