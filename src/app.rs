//! The application shell: loads content.json once, builds the search index, follows the address, and
//! hands each view the content and language it needs.

use crate::components::layout::{Footer, Header};
use crate::components::live_region::{Announcer, LiveRegion};
use crate::components::status::{ContentProblemsNotice, LoadErrorView, LoadingView, SavedNotice};
use crate::content::Content;
use crate::i18n::Lang;
use crate::load::{load_content, mark, Fetched};
use crate::route::{Address, Route};
use crate::search::{BodyIndexing, SearchIndex};
use crate::views::{page_title, RouteView};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

pub fn start() {
    // The static shell in index.html stands in until the app is ready; it is replaced, not hidden.
    if let Some(shell) = document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
    crate::offline::register_service_worker();
}

/// Content and its search index, built once per load.
#[derive(Clone)]
pub struct Loaded {
    pub content: Arc<Content>,
    /// The titles and summaries at first; the complete index once the bodies are in.
    pub index: ArcRwSignal<Arc<SearchIndex>>,
}

impl Loaded {
    pub fn new(content: Content) -> Loaded {
        let (headlines, bodies) = SearchIndex::build_headlines(&content);
        mark("portal:search-ready");
        let documents = content.sections.len() + content.news.len();
        let loaded = Loaded { content: Arc::new(content), index: ArcRwSignal::new(Arc::new(headlines)) };
        if documents <= INDEXED_AT_ONCE {
            index_in_one_go(loaded.clone(), bodies);
        } else {
            index_bodies(loaded.clone(), bodies);
        }
        loaded
    }
}

/// Up to this many sections and news items, the bodies are indexed before the first view: a few
/// milliseconds, and search results are then complete from the start rather than growing under the
/// reader's eyes (and moving the page) once the bodies are in. Larger archives are indexed in slices.
const INDEXED_AT_ONCE: usize = 500;

/// How long one slice of indexing bodies may hold the page: well inside a frame, so typing, scrolling
/// and the first views go on meanwhile.
const INDEXING_SLICE_MS: f64 = 8.0;

/// Indexes the bodies a slice at a time between the page's other work, then puts the complete index in
/// place of the headlines; the views' results follow. Each slice is queued as a message rather than a
/// zero timeout: timeouts nested five deep wait at least 4 ms each (HTML's clamping), which had added a
/// third to the time until the index was complete (BENCHMARKS.md).
fn index_bodies(loaded: Loaded, bodies: BodyIndexing) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return index_in_one_go(loaded, bodies);
    };
    let (receiver, sender) = (channel.port1(), channel.port2());
    let mut left = Some((loaded, bodies));
    let index_a_slice = Closure::<dyn FnMut()>::new({
        let (receiver, sender) = (receiver.clone(), sender.clone());
        move || {
            let Some((loaded, bodies)) = left.as_mut() else { return };
            let performance = window().performance();
            let now = || performance.as_ref().map_or(f64::INFINITY, |performance| performance.now());
            let start = now();
            let mut done = false;
            while !done && now() - start < INDEXING_SLICE_MS {
                done = bodies.index_some(&loaded.content, 16);
            }
            if !done {
                let _ = sender.post_message(&JsValue::NULL);
            } else if let Some((loaded, bodies)) = left.take() {
                receiver.set_onmessage(None);
                finish_indexing(&loaded, bodies);
            }
        }
    });
    receiver.set_onmessage(Some(index_a_slice.as_ref().unchecked_ref()));
    // Lives as long as the channel: once done it holds nothing, and the port lets go of it.
    index_a_slice.forget();
    // Posting null to a port of a new channel cannot fail: null can always be cloned.
    let _ = sender.post_message(&JsValue::NULL);
}

fn index_in_one_go(loaded: Loaded, mut bodies: BodyIndexing) {
    bodies.index_some(&loaded.content, usize::MAX);
    finish_indexing(&loaded, bodies);
}

fn finish_indexing(loaded: &Loaded, bodies: BodyIndexing) {
    let complete = bodies.finish(&loaded.index.get_untracked());
    loaded.index.set(Arc::new(complete));
    mark("portal:index-built");
}

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
/// once; rewriting the address (history.replaceState) on each was a fifth of a keystroke's time in the
/// benchmark (BENCHMARKS.md).
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
    fn forget_address(&self) {
        if let Some((_, timer)) = self.unwritten.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

fn replace_address(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

fn location_address() -> Address {
    Address::parse(&window().location().hash().unwrap_or_default())
}

/// Where the reader's language choice is kept between visits (this browser only; no cookie).
const LANGUAGE_KEY: &str = "portal-language";

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
fn give_language(address: &Address, lang: Lang) {
    if address.lang.is_none() && !matches!(address.route, Route::NotFound(_)) {
        replace_address(&address.route.href_in(lang));
    }
}

/// The language for an address: its own, else the reader's earlier choice or browser, else Finnish.
fn language_for(address: &Address) -> Lang {
    Lang::choose(address.lang, remembered_language().as_deref(), &browser_languages())
}

#[component]
pub fn App() -> impl IntoView {
    let address = location_address();
    let lang = RwSignal::new(language_for(&address));
    let route = RwSignal::new(address.route.clone());
    give_language(&address, lang.get_untracked());
    let navigator = Navigator::new(route, lang);
    // Before a click can follow a link, and before the page goes, the address catches up with typing.
    let _ = window_event_listener(leptos::ev::click, move |_| navigator.write_address());
    let _ = window_event_listener(leptos::ev::pagehide, move |_| navigator.write_address());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        navigator.forget_address();
        let address = location_address();
        lang.set(language_for(&address));
        give_language(&address, lang.get_untracked());
        route.set(address.route);
    });
    provide_context(navigator);
    let announcer = Announcer::new();
    provide_context(announcer);
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });

    let loaded = LocalResource::new(|| async {
        load_content().await.map(|Fetched { content, saved_at, problems }| (Loaded::new(content), saved_at, problems))
    });

    Effect::new(move |_| {
        let content = loaded.get().and_then(Result::ok).map(|(loaded, _, _)| loaded.content);
        document().set_title(&page_title(&route.get(), content.as_deref(), lang.get()));
    });
    move_focus_on_navigation(route, announcer);

    // A change of language renders everything again in the new one.
    view! {
        {move || {
            let lang = lang.get();
            view! {
                <Header lang=lang route=route />
                <main id="main" tabindex="-1">
                    {move || match loaded.get() {
                        None => view! { <LoadingView lang=lang /> }.into_any(),
                        Some(Err(error)) => {
                            view! { <LoadErrorView lang=lang error=error on_retry=move || loaded.refetch() /> }
                                .into_any()
                        }
                        Some(Ok((loaded, saved_at, problems))) => view! {
                            {saved_at.map(|saved_at| view! { <SavedNotice lang=lang saved_at=saved_at /> })}
                            <RouteView route=route loaded=loaded lang=lang />
                            <ContentProblemsNotice lang=lang problems=problems />
                        }
                        .into_any(),
                    }}
                </main>
                <Footer lang=lang />
            }
        }}
        <LiveRegion announcer=announcer />
    }
}

/// After a move to another view, put the reader at its top and keyboard focus on its heading, as a
/// full page load would; not on the first load, where the browser's own start is right, and not when
/// only the query changes, where focus stays in the search box or filter.
fn move_focus_on_navigation(route: RwSignal<Route>, announcer: Announcer) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.with(Route::view);
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(move || {
                // The heading is read out on focus; the title in the live region covers readers that
                // do not follow focus.
                announcer.announce(document().title());
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
