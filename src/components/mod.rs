//! Pieces shared by several views.

pub mod layout;
pub mod news_card;
pub mod rich_text;
pub mod status;
