//! One search result, in the news list and in site search alike: its title as a link, the line that
//! says what it is, and a snippet. Text in another language than the page's is marked with its own.

use super::highlight::Highlighted;
use super::rich_text::lang_attr;
use crate::content::{Date, NewsType};
use crate::i18n::Lang;
use crate::search::result_text::Marked;
use leptos::prelude::*;

/// What the line under a result's title says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultKind {
    Section,
    News { published: Date, kind: NewsType },
}

#[component]
pub fn ResultCard(href: String, title: Marked, kind: ResultKind, snippet: Marked, lang: Lang) -> impl IntoView {
    view! {
        <li class="news-card">
            <h3><a href=href lang=lang_attr(title.lang, lang)><Highlighted fragments=title.fragments /></a></h3>
            {match kind {
                ResultKind::Section => view! { <p class="meta">{lang.texts().section_result}</p> }.into_any(),
                ResultKind::News { published, kind } => {
                    view! { <NewsMeta published=published kind=kind lang=lang /> }.into_any()
                }
            }}
            <p lang=lang_attr(snippet.lang, lang)><Highlighted fragments=snippet.fragments /></p>
        </li>
    }
}

/// "18.12.2024 | News item": when a news item was published and what kind it is; on the item's own
/// page led by a word ("Published").
#[component]
pub fn NewsMeta(
    published: Date,
    kind: NewsType,
    lang: Lang,
    #[prop(optional)] lead: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="meta">
            {lead.map(|lead| format!("{lead} "))}
            <time datetime=published.to_iso()>{published.written_in(lang)}</time>
            <span aria-hidden="true">" | "</span>
            <span class="news-type">{kind.name_in(lang)}</span>
        </p>
    }
}
