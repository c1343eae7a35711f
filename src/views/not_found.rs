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
            <p>{texts.not_found_address}": "<code>{shortened(&asked)}</code></p>
            <p><a href=Route::Home.href_in(lang)>{texts.go_home}</a></p>
        </div>
    }
}

/// Characters of an address shown: one of several kilobytes would bury the page.
const SHOWN_CHARS: usize = 200;

fn shortened(asked: &str) -> String {
    match asked.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &asked[..end]),
        None => asked.to_owned(),
    }
}
