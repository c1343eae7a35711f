//! Which language a reader gets when the address names none, and the choice kept for the next visit.

use crate::browser::navigation::Navigator;
use crate::i18n::Lang;
use crate::route::{Address, Route};
use leptos::prelude::*;

/// Where the reader's language choice is kept between visits (this browser only; no cookie).
pub const LANGUAGE_KEY: &str = "portal-language";

fn remembered_language() -> Option<String> {
    window().local_storage().ok().flatten()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Keeps the reader's explicit choice for the next visit.
pub fn remember_language(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(LANGUAGE_KEY, lang.code());
    }
}

fn browser_languages() -> Vec<String> {
    window().navigator().languages().iter().filter_map(|tag| tag.as_string()).collect()
}

/// An address without a language gets one, so a link copied from here opens the same way elsewhere.
/// One the portal does not know is left as asked: `#/de/news` is not `#/fi/de/news`.
pub fn give_language(address: &Address, lang: Lang, navigator: Navigator) {
    if address.lang.is_none() && !matches!(address.route, Route::NotFound(_)) {
        navigator.rewrite(&address.route.href_in(lang));
    }
}

/// The language for an address: its own, else the reader's earlier choice or browser, else Finnish.
pub fn language_for(address: &Address) -> Lang {
    reader_language(address.lang)
}

/// The language asked for, else the reader's earlier choice or browser, else Finnish.
pub fn reader_language(asked: Option<Lang>) -> Lang {
    Lang::choose(asked, remembered_language().as_deref(), &browser_languages())
}
