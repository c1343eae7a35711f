use crate::search::highlight::Fragment;
use leptos::prelude::*;

/// Text with the words that matched the search marked.
#[component]
pub fn Highlighted(fragments: Vec<Fragment>) -> impl IntoView {
    fragments
        .into_iter()
        .map(|fragment| {
            if fragment.matched {
                view! { <mark>{fragment.text}</mark> }.into_any()
            } else {
                fragment.text.into_any()
            }
        })
        .collect_view()
}
