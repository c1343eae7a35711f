//! content.json: its model, its rich text, its validation.

pub mod date;
pub mod model;
pub mod rich_text;
pub mod validate;

pub use date::Date;
pub use model::{Content, InLanguage, Link, Localized, NewsItem, NewsType, Section, Site, Term, FORMAT_VERSION};
pub use rich_text::{Block, Inline, LinkTarget, RichText};
pub use validate::{parse_content, ContentError, Problem};
