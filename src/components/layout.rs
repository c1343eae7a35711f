use crate::i18n::Lang;
use crate::route::Route;
use crate::search::SiteQuery;
use leptos::prelude::*;

#[component]
pub fn Header(lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{texts.skip_to_content}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-name" href=Route::Home.href()>{texts.portal_name}</a>
                <nav aria-label=texts.main_navigation>
                    <ul class="nav-list">
                        <li><a href=Route::Home.href()>{texts.home}</a></li>
                        <li><a href=Route::news().href()>{texts.news}</a></li>
                        <li><a href=Route::Search(SiteQuery::default()).href()>{texts.search}</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// `#main` would be read as a portal address, so the skip link moves focus itself.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

#[component]
pub fn Footer(lang: Lang) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{lang.texts().footer_about}</p>
            </div>
        </footer>
    }
}
