//! Moving between views: the address in the fragment is the source of truth, and typing rewrites it
//! only once it pauses.

use crate::i18n::Lang;
use crate::route::{Address, Route};
use leptos::prelude::*;

/// Moves between views, in the current language. Following a link or choosing a filter adds a history
/// entry; typing in a search box replaces the current one, so back does not step through every keystroke.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: RwSignal<Route>,
    lang: RwSignal<Lang>,
    /// An address typing has produced but not yet written, and the timer that will write it.
    unwritten: StoredValue<Option<(String, TimeoutHandle)>, LocalStorage>,
}

/// How long typing must pause before the address is rewritten. The view follows every keystroke at
/// once; `history.replaceState` is too slow to run on each (figures in BENCHMARKS.md).
const ADDRESS_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

impl Navigator {
    pub fn new(route: RwSignal<Route>, lang: RwSignal<Lang>) -> Navigator {
        Navigator { route, lang, unwritten: StoredValue::new_local(None) }
    }

    /// A new history entry; `hashchange` then updates the route.
    pub fn push(&self, route: Route) {
        self.write_address();
        let _ = window().location().set_hash(&route.href_in(self.lang.get_untracked()));
    }

    /// The current history entry rewritten once typing pauses; no event fires, so the route is set here.
    pub fn replace(&self, route: Route) {
        let href = route.href_in(self.lang.get_untracked());
        self.route.set(route);
        self.forget_address();
        let navigator = *self;
        if let Ok(timer) = set_timeout_with_handle(move || navigator.write_address(), ADDRESS_PAUSE) {
            self.unwritten.set_value(Some((href, timer)));
        } else {
            replace_address(&href);
        }
    }

    /// Writes an address typing left unwritten, before anything else changes the history: a link
    /// followed, a filter chosen, the page left.
    pub fn write_address(&self) {
        if let Some((href, timer)) = self.unwritten.try_update_value(Option::take).flatten() {
            timer.clear();
            replace_address(&href);
        }
    }

    /// Drops an unwritten address: the history has moved on (back, forward, a new address).
    pub fn forget_address(&self) {
        if let Some((_, timer)) = self.unwritten.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

pub fn replace_address(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

pub fn location_address() -> Address {
    Address::parse(&window().location().hash().unwrap_or_default())
}
