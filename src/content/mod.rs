//! content.json: its model, its rich text, its validation.

pub mod consistency;
pub mod date;
mod json_scanner;
pub mod locate;
pub mod markup;
pub mod model;
pub mod rich_text;
pub mod salvage;
pub mod validate;
pub mod windowed;

pub use consistency::Problem;
pub use date::Date;
pub use model::{
    AccessibilityStatement, Content, InLanguage, Link, Localized, NewsItem, NewsType, Section, Site, Term,
    FORMAT_VERSION,
};
pub use rich_text::{Block, Inline, LinkTarget, RichText};
pub use validate::{parse_content, Checking, ContentError};
