use crate::browser::language_memory::remember_language;
use crate::i18n::Lang;
use crate::route::Route;
use crate::search::SiteQuery;
use leptos::prelude::*;

#[component]
pub fn Header(lang: Lang, route: RwSignal<Route>) -> impl IntoView {
    let texts = lang.texts();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{texts.skip_to_content}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-name" href=Route::Home.href_in(lang)>{texts.portal_name}</a>
                <nav aria-label=texts.main_navigation>
                    <ul class="nav-list">
                        <li><a href=Route::Home.href_in(lang)>{texts.home}</a></li>
                        <li><a href=Route::news().href_in(lang)>{texts.news}</a></li>
                        <li><a href=Route::Search(SiteQuery::default()).href_in(lang)>{texts.search}</a></li>
                    </ul>
                </nav>
                <LanguageSwitcher lang=lang route=route />
            </div>
        </header>
    }
}

/// The same view in each language, named in that language; the choice is remembered for next time.
#[component]
fn LanguageSwitcher(lang: Lang, route: RwSignal<Route>) -> impl IntoView {
    view! {
        <nav class="languages" aria-label=lang.texts().language>
            <ul>
                {Lang::ALL.into_iter().map(|other| view! {
                    <li>
                        <a href=move || route.with(|r| r.href_in(other)) lang=other.code() hreflang=other.code()
                            aria-current=(other == lang).then_some("true") on:click=move |_| remember_language(other)>
                            {other.own_name()}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
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
                <p><a href=Route::Accessibility.href_in(lang)>{lang.texts().accessibility}</a></p>
            </div>
        </footer>
    }
}
