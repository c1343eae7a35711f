//! The application shell: loads content.json once, builds the search index, follows the address, and
//! hands each view the content and language it needs.

use crate::components::layout::{Footer, Header};
use crate::components::live_region::{Announcer, LiveRegion};
use crate::components::status::{LoadErrorView, LoadingView};
use crate::content::Content;
use crate::i18n::Lang;
use crate::load::{fetch_content, mark, CONTENT_URL};
use crate::route::Route;
use crate::search::SearchIndex;
use crate::views::{page_title, RouteView};
use leptos::prelude::*;
use std::sync::Arc;

pub fn start() {
    // The static shell in index.html stands in until the app is ready; it is replaced, not hidden.
    if let Some(shell) = document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Content and its search index, built once per load.
#[derive(Clone)]
pub struct Loaded {
    pub content: Arc<Content>,
    pub index: Arc<SearchIndex>,
}

impl Loaded {
    pub fn new(content: Content) -> Loaded {
        let index = Arc::new(SearchIndex::build(&content));
        mark("portal:index-built");
        Loaded { content: Arc::new(content), index }
    }
}

/// Moves between views. Following a link or choosing a filter adds a history entry; typing in a search
/// box replaces the current one, so back does not step through every keystroke.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: RwSignal<Route>,
}

impl Navigator {
    pub fn new(route: RwSignal<Route>) -> Navigator {
        Navigator { route }
    }

    pub fn route(&self) -> RwSignal<Route> {
        self.route
    }

    /// A new history entry; `hashchange` then updates the route.
    pub fn push(&self, route: Route) {
        let _ = window().location().set_hash(&route.href());
    }

    /// The current history entry rewritten; no event fires, so the route is set here.
    pub fn replace(&self, route: Route) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
        }
        self.route.set(route);
    }
}

fn location_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(location_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| route.set(location_route()));
    provide_context(Navigator::new(route));
    let announcer = Announcer::new();
    provide_context(announcer);
    let lang = Lang::En;

    let loaded = LocalResource::new(|| async { fetch_content(CONTENT_URL).await.map(Loaded::new) });

    Effect::new(move |_| {
        let content = loaded.get().and_then(Result::ok).map(|loaded| loaded.content);
        document().set_title(&page_title(&route.get(), content.as_deref(), lang));
    });
    move_focus_on_navigation(route);

    view! {
        <Header lang=lang />
        <main id="main" tabindex="-1">
            {move || match loaded.get() {
                None => view! { <LoadingView lang=lang /> }.into_any(),
                Some(Err(error)) => {
                    view! { <LoadErrorView lang=lang error=error on_retry=move || loaded.refetch() /> }.into_any()
                }
                Some(Ok(loaded)) => view! { <RouteView route=route loaded=loaded lang=lang /> }.into_any(),
            }}
        </main>
        <Footer lang=lang />
        <LiveRegion announcer=announcer />
    }
}

/// After a move to another view, put the reader at its top and keyboard focus on its heading, as a
/// full page load would; not on the first load, where the browser's own start is right, and not when
/// only the query changes, where focus stays in the search box or filter.
fn move_focus_on_navigation(route: RwSignal<Route>) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.with(Route::view);
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(|| {
                window().scroll_to_with_x_and_y(0.0, 0.0);
                let heading = document().query_selector("main h1").ok().flatten();
                if let Some(heading) =
                    heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
                {
                    let _ = heading.focus();
                }
            });
        }
        current
    });
}
