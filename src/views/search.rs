//! Search over the whole portal: sections and news together, best match first.

use crate::app::Navigator;
use crate::components::highlight::Highlighted;
use crate::components::live_region::Announcer;
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::content::Content;
use crate::i18n::Lang;
use crate::route::Route;
use crate::search::index::body_text;
use crate::search::text::{highlight, snippet};
use crate::search::{Document, SearchIndex, SiteQuery, SiteResults};
use leptos::prelude::*;
use std::sync::Arc;

const SNIPPET_CHARS: usize = 180;

#[component]
pub fn SearchPage(
    content: Arc<Content>,
    index: ArcRwSignal<Arc<SearchIndex>>,
    query: Memo<SiteQuery>,
    lang: Lang,
) -> impl IntoView {
    let texts = lang.texts();
    let navigator = expect_context::<Navigator>();
    let announcer = expect_context::<Announcer>();
    let results = Memo::new(move |_| index.with(|index| query.with(|query| query.apply(index))));
    Effect::new(move |previous: Option<SiteQuery>| {
        let current = query.get();
        if previous.is_some() {
            announcer.announce(lang.result_count(results.with(|r| r.hits.len())));
        }
        current
    });
    let on_input = move |text: String| navigator.replace(Route::Search(query.get_untracked().with_text(text)));
    view! {
        <div class="wrap search-page">
            <h1 tabindex="-1">{texts.search_site}</h1>
            <SearchBox id="site-search" label=texts.search_site value=Signal::derive(move || query.with(|q| q.text.clone()))
                on_input=on_input />
            {move || {
                let results = results.get();
                let query = query.get();
                if results.terms.is_empty() {
                    return view! { <p class="hint">{texts.search_hint}</p> }.into_any();
                }
                view! {
                    <h2 id="result-count" class="result-count">{lang.result_count(results.hits.len())}</h2>
                    <SearchResults content=Arc::clone(&content) results=results query=query lang=lang />
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn SearchResults(content: Arc<Content>, results: SiteResults, query: SiteQuery, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    if results.hits.is_empty() {
        return view! {
            <div class="no-results">
                <p><strong>{texts.no_results_for}": "</strong>{format!("“{}”", query.text.trim())}</p>
                <ul><li><a href=Route::Search(SiteQuery::default()).href_in(lang)>{texts.clear_search}</a></li></ul>
            </div>
        }
        .into_any();
    }
    let pages = results.page_count();
    let page = query.page.min(pages - 1);
    let terms = &results.terms;
    let items = results
        .page(page)
        .iter()
        .map(|document| {
            let (route, title, summary, body, meta) = match *document {
                Document::Section(i) => {
                    let section = &content.sections[i];
                    (
                        Route::Section(section.slug.clone()),
                        &section.title,
                        &section.summary,
                        &section.body,
                        texts.section_result.to_owned(),
                    )
                }
                Document::News(i) => {
                    let item = &content.news[i];
                    let meta = format!("{} | {}", lang.date(item.published), lang.news_type(item.kind));
                    (Route::NewsItem(item.slug.clone()), &item.title, &item.summary, &item.body, meta)
                }
            };
            let summary = summary.text(lang);
            let shown = if highlight(summary, terms).iter().any(|f| f.matched) {
                snippet(summary, terms, SNIPPET_CHARS)
            } else {
                snippet(&body_text(body, lang), terms, SNIPPET_CHARS)
            };
            view! {
                <li class="news-card">
                    <h3><a href=route.href_in(lang)><Highlighted fragments=highlight(title.text(lang), terms) /></a></h3>
                    <p class="meta">{meta}</p>
                    <p><Highlighted fragments=shown /></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="news-list">{items}</ul>
        <Pagination page=page pages=pages previous=Route::Search(query.with_page(page.saturating_sub(1))).href_in(lang)
            next=Route::Search(query.with_page(page + 1)).href_in(lang) lang=lang />
    }
    .into_any()
}
