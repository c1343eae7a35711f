//! content.json: its model, its rich text, its validation.

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod consistency;
pub mod date;
#[cfg(not(target_arch = "wasm32"))]
pub mod feed;
pub mod locate;
pub mod model;
pub mod pieces;
pub mod rich_text;
pub mod salvage;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub use check::{check_content, Diagnostic, Report, Severity};
pub use consistency::Problem;
pub use date::Date;
pub use model::{
    AccessibilityStatement, Content, InLanguage, Link, Localized, NewsItem, NewsType, Section, Site, Term,
    FORMAT_VERSION,
};
pub use rich_text::{Block, Inline, LinkTarget, RichText};
pub use validate::{parse_content, ContentError};
