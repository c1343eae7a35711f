use leptos::prelude::*;

/// A labelled search field that reports every keystroke; its value follows the address.
#[component]
pub fn SearchBox(
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="search-box" role="search">
            <label for=id>{label}</label>
            <input id=id type="search" autocomplete="off" spellcheck="false" prop:value=value
                on:input=move |event| on_input(event_target_value(&event)) />
        </div>
    }
}
