use super::result_card::NewsMeta;
use super::rich_text::Text;
use crate::content::NewsItem;
use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;

/// A news item in a list: title as a link, date, type and summary.
#[component]
pub fn NewsCard(item: NewsItem, lang: Lang) -> impl IntoView {
    let href = Route::NewsItem(item.slug.clone()).href_in(lang);
    view! {
        <li class="news-card">
            <h3><a href=href><Text text=item.title lang=lang /></a></h3>
            <NewsMeta published=item.published kind=item.kind lang=lang />
            <p><Text text=item.summary lang=lang /></p>
        </li>
    }
}

#[component]
pub fn NewsCards(items: Vec<NewsItem>, lang: Lang) -> impl IntoView {
    view! {
        <ul class="news-list">
            {items.into_iter().map(|item| view! { <NewsCard item=item lang=lang /> }).collect_view()}
        </ul>
    }
}
