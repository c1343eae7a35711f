//! One file a view. `RouteView` picks the view for the address.

pub mod home;
pub mod news_item;
pub mod news_list;
pub mod not_found;
pub mod section;

use crate::content::Content;
use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn RouteView(route: ReadSignal<Route>, content: Arc<Content>, lang: Lang) -> impl IntoView {
    move || {
        let content = Arc::clone(&content);
        match route.get() {
            Route::Home => view! { <home::HomePage content=content lang=lang /> }.into_any(),
            Route::NewsList => view! { <news_list::NewsListPage content=content lang=lang /> }.into_any(),
            Route::Section(slug) => match content.section(&slug) {
                Some(section) => {
                    view! { <section::SectionPage section=section.clone() content=content lang=lang /> }.into_any()
                }
                None => view! { <not_found::NotFoundPage asked=Route::Section(slug).href() lang=lang /> }.into_any(),
            },
            Route::NewsItem(slug) => match content.news_item(&slug) {
                Some(item) => {
                    view! { <news_item::NewsItemPage item=item.clone() content=content lang=lang /> }.into_any()
                }
                None => view! { <not_found::NotFoundPage asked=Route::NewsItem(slug).href() lang=lang /> }.into_any(),
            },
            Route::NotFound(asked) => {
                view! { <not_found::NotFoundPage asked=format!("#{asked}") lang=lang /> }.into_any()
            }
        }
    }
}

/// The document title for a view: the view's own name first, so tabs and history tell views apart.
pub fn page_title(route: &Route, content: Option<&Content>, lang: Lang) -> String {
    let texts = lang.texts();
    let Some(content) = content else {
        return texts.portal_name.to_owned();
    };
    let view_name = match route {
        Route::Home => None,
        Route::NewsList => Some(texts.news.to_owned()),
        Route::Section(slug) => {
            Some(content.section(slug).map_or(texts.not_found_title, |s| s.title.text(lang)).to_owned())
        }
        Route::NewsItem(slug) => {
            Some(content.news_item(slug).map_or(texts.not_found_title, |n| n.title.text(lang)).to_owned())
        }
        Route::NotFound(_) => Some(texts.not_found_title.to_owned()),
    };
    let site = content.site.title.text(lang);
    match view_name {
        Some(name) => format!("{name} – {site}"),
        None => site.to_owned(),
    }
}
