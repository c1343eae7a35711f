//! Reading offline. The service worker (`public/sw.js`) keeps the app shell and the last content that
//! arrived; when it answers with its copy of the content it adds the header `X-Portal-Cached-At`, and the
//! portal then says that it is showing saved content, and from when.

use crate::content::Date;
use crate::i18n::Lang;

/// The header the service worker puts on its saved copies: when the copy was saved (ISO 8601, UTC).
pub const CACHED_AT_HEADER: &str = "X-Portal-Cached-At";

/// When the content shown was saved, in the reader's own time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavedAt {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

impl SavedAt {
    /// Reads the header's time in the browser's time zone; `None` if it is not a time.
    pub fn from_header(value: &str) -> Option<SavedAt> {
        let time = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value));
        if time.get_time().is_nan() {
            return None;
        }
        let date =
            Date { year: time.get_full_year() as u16, month: time.get_month() as u8 + 1, day: time.get_date() as u8 };
        Some(SavedAt { date, hour: time.get_hours() as u8, minute: time.get_minutes() as u8 })
    }

    /// "Showing content saved on 29.11.2026 at 14:05: …", the time written as the language writes it.
    pub fn notice_in(self, lang: Lang) -> String {
        let time = format!("{}{}{:02}", self.hour, lang.time_separator(), self.minute);
        lang.texts().saved_notice.replace("{date}", &self.date.written_in(lang)).replace("{time}", &time)
    }
}

/// Registers the service worker for the portal's folder. Release builds only: during development
/// (`trunk serve`) a worker would keep serving old files.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let navigator = leptos::prelude::window().navigator();
    // Absent where service workers are not allowed: pages not served over https (or from localhost).
    let supported =
        js_sys::Reflect::has(&navigator, &wasm_bindgen::JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return;
    }
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    let registration = navigator.service_worker().register_with_options("sw.js", &options);
    // A failed registration only means no offline copy; it must not be an uncaught error.
    let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
    let _ = registration.catch(&ignore);
    ignore.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_notice_says_when_in_each_language() {
        let saved = SavedAt { date: Date { year: 2026, month: 11, day: 29 }, hour: 14, minute: 5 };
        assert_eq!(
            saved.notice_in(Lang::En),
            "Showing content saved on 29.11.2026 at 14:05: you are offline or the server did not answer."
        );
        assert_eq!(
            saved.notice_in(Lang::Fi),
            "Näytetään 29.11.2026 klo 14.05 tallennettua sisältöä: olet offline-tilassa tai palvelin ei vastannut."
        );
        assert!(saved.notice_in(Lang::Sv).starts_with("Visar innehåll som sparades 29.11.2026 kl. 14.05:"));
        for lang in Lang::ALL {
            assert!(!saved.notice_in(lang).contains('{'), "{lang:?}");
        }
    }
}
