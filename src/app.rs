//! Start-up and wiring: mounts the app, loads the content once, follows the address and language, and
//! hands each view what it needs.

use crate::browser::indexing::Loaded;
use crate::browser::language_memory::{give_language, language_for};
use crate::browser::load::{load_content, Fetched};
use crate::browser::navigation::{location_address, Navigator};
use crate::browser::preview::handed_over;
use crate::components::layout::{Footer, Header};
use crate::components::live_region::{Announcer, LiveRegion};
use crate::components::status::{ContentProblemsNotice, LoadErrorView, PreviewNotice, SavedNotice};
use crate::route::Route;
use crate::views::{page_title, RouteView};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use wasm_bindgen::prelude::*;

pub fn start() {
    leptos::mount::mount_to_body(App);
    crate::browser::offline::register_service_worker();
}

#[component]
pub fn App() -> impl IntoView {
    view! { <Router><Portal /></Router> }
}

#[component]
fn Portal() -> impl IntoView {
    let address = location_address();
    let lang = RwSignal::new(language_for(&address));
    let route = RwSignal::new(address.route.clone());
    let navigator = Navigator::new(route, lang);
    give_language(&address, lang.get_untracked(), navigator);
    // Before a click can follow a link, and before the page goes, the address catches up with typing.
    // The click is caught on its way down, ahead of the router, which follows the link on its way up.
    let catch_up = Closure::<dyn Fn()>::new(move || navigator.write_address());
    let _ = window().add_event_listener_with_callback_and_bool("click", catch_up.as_ref().unchecked_ref(), true);
    // Lives as long as the page: the app is mounted once.
    catch_up.forget();
    let _ = window_event_listener(leptos::ev::pagehide, move |_| navigator.write_address());
    // The router's location: a link followed, back and forward, an address typed or written here.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let hash = location.hash.get();
        if previous.is_some() {
            navigator.forget_address();
            let address = location_address();
            // The address typing writes once it pauses comes back here too: unchanged, nothing is
            // rendered again, and focus stays in the search box.
            let chosen = language_for(&address);
            if chosen != lang.get_untracked() {
                lang.set(chosen);
            }
            give_language(&address, chosen, navigator);
            if address.route != route.get_untracked() {
                route.set(address.route);
            }
        }
        hash
    });
    provide_context(navigator);
    let announcer = Announcer::new();
    provide_context(announcer);
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });

    // Loaded once: a signal and a task rather than a resource, whose code the first download would
    // carry for this one use. A retry after a failure loads the page again, early paint and all.
    let loaded = RwSignal::new(None);
    let preview = handed_over();
    let preview_name = preview.as_ref().map(|file| file.name.clone());
    leptos::task::spawn_local(async move {
        let ready = match load_content(preview).await {
            Ok(Fetched { content, saved_at, problems }) => Ok((Loaded::build(content).await, saved_at, problems)),
            Err(error) => Err(error),
        };
        loaded.set(Some(ready));
    });
    let retry = || {
        let _ = window().location().reload();
    };

    Effect::new(move |_| {
        // Until then the shell's title stands.
        let Some(ready) = loaded.get() else { return };
        let content = ready.ok().map(|(loaded, _, _)| loaded.content);
        document().set_title(&page_title(&route.get(), content.as_deref(), lang.get()));
    });
    move_focus_on_navigation(route, announcer);

    // A change of language renders everything again in the new one.
    view! {
        {move || {
            let lang = lang.get();
            view! {
                {preview_name.clone().map(|name| view! { <PreviewNotice lang=lang name=name /> })}
                <Header lang=lang route=route />
                <main id="main" tabindex="-1">
                    {move || {
                        let ready = loaded.get();
                        // The static shell in index.html, which first-paint.js paints the view into,
                        // stands until the content is in or has failed, and style.css hides the app
                        // behind it; it goes as the view is drawn, in the same task.
                        if ready.is_some() {
                            remove_shell();
                        }
                        match ready {
                            None => ().into_any(),
                            Some(Err(error)) => {
                                view! { <LoadErrorView lang=lang error=error on_retry=retry /> }.into_any()
                            }
                            Some(Ok((loaded, saved_at, problems))) => view! {
                                {saved_at.map(|saved_at| view! { <SavedNotice lang=lang saved_at=saved_at /> })}
                                <RouteView route=route loaded=loaded lang=lang />
                                <ContentProblemsNotice lang=lang problems=problems />
                            }
                            .into_any(),
                        }
                    }}
                </main>
                <Footer lang=lang />
            }
        }}
        <LiveRegion announcer=announcer />
    }
}

/// Removes index.html's shell, if it still stands. A reader who was in the early paint (a link reached
/// with the keyboard, the heading after a link followed) is put on the app's heading, not left nowhere.
fn remove_shell() {
    let Some(shell) = document().get_element_by_id("shell") else { return };
    let was_in = document().active_element().is_some_and(|focused| shell.contains(Some(&focused)));
    shell.remove();
    if was_in {
        request_animation_frame(focus_heading);
    }
}

fn focus_heading() {
    let heading = document().query_selector("main h1").ok().flatten();
    if let Some(heading) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
        let _ = heading.focus();
    }
}

/// After a move to another view, put the reader at its top and keyboard focus on its heading, as a
/// full page load would; not on the first load, where the browser's own start is right, and not when
/// only the query changes, where focus stays in the search box or filter.
fn move_focus_on_navigation(route: RwSignal<Route>, announcer: Announcer) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.with(Route::without_query);
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(move || {
                // The heading is read out on focus; the title in the live region covers readers that
                // do not follow focus.
                announcer.announce(document().title());
                window().scroll_to_with_x_and_y(0.0, 0.0);
                focus_heading();
            });
        }
        current
    });
}
