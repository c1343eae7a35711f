//! The application shell: loads content.json once, follows the address, and hands each view the
//! content and language it needs.

use crate::components::layout::{Footer, Header};
use crate::components::status::{LoadErrorView, LoadingView};
use crate::content::Content;
use crate::i18n::Lang;
use crate::load::{fetch_content, CONTENT_URL};
use crate::route::Route;
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

fn location_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let (route, set_route) = signal(location_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(location_route()));
    let lang = Lang::En;

    let content = LocalResource::new(|| async { fetch_content(CONTENT_URL).await.map(Arc::new) });

    Effect::new(move |_| {
        let loaded = content.get().and_then(Result::ok);
        document().set_title(&page_title(&route.get(), loaded.as_deref(), lang));
    });
    move_focus_on_navigation(route);

    view! {
        <Header lang=lang />
        <main id="main" tabindex="-1">
            {move || match content.get() {
                None => view! { <LoadingView lang=lang /> }.into_any(),
                Some(Err(error)) => {
                    view! { <LoadErrorView lang=lang error=error on_retry=move || content.refetch() /> }
                        .into_any()
                }
                Some(Ok(content)) => view! { <RouteView route=route content=content lang=lang /> }.into_any(),
            }}
        </main>
        <Footer lang=lang />
    }
}

/// After a move to another view, put the reader at its top and keyboard focus on its heading, as a
/// full page load would; not on the first load, where the browser's own start is right.
fn move_focus_on_navigation(route: ReadSignal<Route>) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
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

/// Shared by the app and its browser tests: the content every view reads.
pub type SharedContent = Arc<Content>;
