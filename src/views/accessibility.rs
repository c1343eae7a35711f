use super::not_found::NotFoundPage;
use crate::components::rich_text::{Body, Text};
use crate::content::Content;
use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// The accessibility statement, with its text from content.json.
#[component]
pub fn AccessibilityPage(content: Arc<Content>, lang: Lang) -> impl IntoView {
    let Some(statement) = content.site.accessibility.clone() else {
        return view! { <NotFoundPage asked=Route::Accessibility.href_in(lang) lang=lang /> }.into_any();
    };
    view! {
        <article class="wrap section-page">
            <h1 tabindex="-1"><Text text=statement.title lang=lang /></h1>
            <p class="meta">
                {lang.texts().updated}" "<time datetime=statement.updated.to_iso()>{statement.updated.written_in(lang)}</time>
            </p>
            <Body body=statement.body lang=lang />
        </article>
    }
    .into_any()
}
