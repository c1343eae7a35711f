//! Moving between views: the address in the fragment is the source of truth, and typing rewrites it
//! only once it pauses. Leptos' router keeps the current location and writes the history; the views'
//! typed routes stay in the fragment (`crate::route`), so a static server only ever serves the page.

use crate::i18n::Lang;
use crate::route::{Address, Route};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Moves between views, in the current language. Following a link or choosing a filter adds a history
/// entry; typing in a search box replaces the current one, so back does not step through every keystroke.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: RwSignal<Route>,
    lang: RwSignal<Lang>,
    /// An address typing has produced but not yet written, and the timer that will write it.
    unwritten: StoredValue<Option<(String, TimeoutHandle)>, LocalStorage>,
    /// The router's navigation: a fragment, and whether it replaces the current history entry.
    go: StoredValue<Box<Go>, LocalStorage>,
}

type Go = dyn Fn(&str, bool);

/// How long typing must pause before the address is rewritten. The view follows every keystroke at
/// once; `history.replaceState` is too slow to run on each (figures in BENCHMARKS.md).
const ADDRESS_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

impl Navigator {
    /// Inside `<Router>`, whose navigation it uses.
    pub fn new(route: RwSignal<Route>, lang: RwSignal<Lang>) -> Navigator {
        let navigate = use_navigate();
        let go = move |fragment: &str, replace: bool| {
            // The whole address, so the router takes it as it is rather than resolving it as a path.
            let location = window().location();
            let page = format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            navigate(
                &format!("{page}{fragment}"),
                NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() },
            );
        };
        Navigator { route, lang, unwritten: StoredValue::new_local(None), go: StoredValue::new_local(Box::new(go)) }
    }

    /// A new history entry; the router's location then updates the route.
    pub fn push(&self, route: Route) {
        self.write_address();
        let href = route.href_in(self.lang.get_untracked());
        self.go.with_value(|go| go(&href, false));
    }

    /// The current history entry rewritten at once, as when an address is given its language.
    pub fn rewrite(&self, fragment: &str) {
        self.go.with_value(|go| go(fragment, true));
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
            self.rewrite(&href);
        }
    }

    /// Writes an address typing left unwritten, before anything else changes the history: a link
    /// followed, a filter chosen, the page left.
    pub fn write_address(&self) {
        if let Some((href, timer)) = self.unwritten.try_update_value(Option::take).flatten() {
            timer.clear();
            self.rewrite(&href);
        }
    }

    /// Drops an unwritten address: the history has moved on (back, forward, a new address).
    pub fn forget_address(&self) {
        if let Some((_, timer)) = self.unwritten.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

pub fn location_address() -> Address {
    Address::parse(&window().location().hash().unwrap_or_default())
}
