use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(asked: String, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    view! {
        <div class="wrap not-found">
            <h1 tabindex="-1">{texts.not_found_title}</h1>
            <p>{texts.not_found_body}</p>
            <p>{texts.not_found_address}": "<code>{asked}</code></p>
            <p><a href=Route::Home.href_in(lang)>{texts.go_home}</a></p>
        </div>
    }
}
