use crate::i18n::Lang;
use leptos::prelude::*;

/// "Did you mean …?" with the query respelt as a link, when a word of it matched only as a typo.
#[component]
pub fn DidYouMean(respelt: Option<String>, href: impl Fn(String) -> String, lang: Lang) -> impl IntoView {
    respelt.map(|respelt| {
        let href = href(respelt.clone());
        view! {
            <p class="did-you-mean">{lang.texts().did_you_mean}" "<a href=href>{respelt}</a>"?"</p>
        }
    })
}
