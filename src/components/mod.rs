//! Pieces shared by several views.

pub mod did_you_mean;
pub mod filter_words;
pub mod layout;
pub mod live_region;
pub mod news_card;
pub mod pagination;
pub mod result_card;
pub mod rich_text;
pub mod search_box;
pub mod status;
