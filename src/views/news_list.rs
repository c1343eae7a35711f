use crate::components::news_card::NewsList;
use crate::content::Content;
use crate::i18n::Lang;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn NewsListPage(content: Arc<Content>, lang: Lang) -> impl IntoView {
    view! {
        <div class="wrap news-page">
            <h1 tabindex="-1">{lang.texts().latest_news}</h1>
            <NewsList items=content.news.clone() lang=lang />
        </div>
    }
}
