//! One file a view. `RouteView` picks the view for the address.

pub mod accessibility;
pub mod home;
pub mod news_item;
pub mod news_list;
pub mod not_found;
pub mod section;
pub mod site_search;

use crate::browser::indexing::Loaded;
use crate::content::Content;
use crate::i18n::Lang;
use crate::route::Route;
use crate::search::{NewsQuery, SiteQuery};
use leptos::prelude::*;
use std::sync::Arc;

/// Picks the view for the address. It re-renders only when the view changes, not its query: the news
/// list and search views follow their query themselves, so the search box keeps focus while typing.
#[component]
pub fn RouteView(route: RwSignal<Route>, loaded: Loaded, lang: Lang) -> impl IntoView {
    let view = Memo::new(move |_| route.with(Route::without_query));
    move || {
        let Loaded { content, index } = loaded.clone();
        match view.get() {
            Route::Home => view! { <home::HomePage content=content lang=lang /> }.into_any(),
            Route::News(_) => {
                let known = Arc::clone(&content);
                let query = Memo::new(move |_| match route.get() {
                    Route::News(query) => query.without_unknown_values(&known),
                    _ => NewsQuery::default(),
                });
                view! { <news_list::NewsListPage content=content index=index query=query lang=lang /> }.into_any()
            }
            Route::Search(_) => {
                let query = Memo::new(move |_| match route.get() {
                    Route::Search(query) => query,
                    _ => SiteQuery::default(),
                });
                view! { <site_search::SiteSearchPage content=content index=index query=query lang=lang /> }.into_any()
            }
            Route::Section(slug) => match content.section(&slug) {
                Some(section) => {
                    view! { <section::SectionPage section=section.clone() content=content lang=lang /> }.into_any()
                }
                None => {
                    view! { <not_found::NotFoundPage asked=Route::Section(slug).href_in(lang) lang=lang /> }.into_any()
                }
            },
            Route::NewsItem(slug) => match content.news_item(&slug) {
                Some(item) => {
                    view! { <news_item::NewsItemPage item=item.clone() content=content lang=lang /> }.into_any()
                }
                None => {
                    view! { <not_found::NotFoundPage asked=Route::NewsItem(slug).href_in(lang) lang=lang /> }.into_any()
                }
            },
            Route::Accessibility => view! { <accessibility::AccessibilityPage content=content lang=lang /> }.into_any(),
            Route::NotFound(asked) => {
                // Shown as asked: the address bar keeps it too, without a language added.
                view! { <not_found::NotFoundPage asked=Route::NotFound(asked).href() lang=lang /> }.into_any()
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
        Route::News(_) => Some(texts.news.to_owned()),
        Route::Search(_) => Some(texts.search.to_owned()),
        Route::Accessibility => Some(texts.accessibility.to_owned()),
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
