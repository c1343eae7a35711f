//! Search over the whole portal: sections and news together, best match first.

use crate::browser::navigation::Navigator;
use crate::components::did_you_mean::DidYouMean;
use crate::components::live_region::Announcer;
use crate::components::pagination::Pagination;
use crate::components::result_card::{ResultCard, ResultKind, ResultList};
use crate::components::search_box::SearchBox;
use crate::content::Content;
use crate::i18n::Lang;
use crate::route::Route;
use crate::search::card_words::CardWords;
use crate::search::result_text::{did_you_mean, marked_snippet, marked_title};
use crate::search::{Document, SearchIndex, SiteQuery, SiteResults};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

#[component]
pub fn SiteSearchPage(
    content: Arc<Content>,
    index: ArcRwSignal<Arc<SearchIndex>>,
    query: Memo<SiteQuery>,
    lang: Lang,
) -> impl IntoView {
    let texts = lang.texts();
    let navigator = expect_context::<Navigator>();
    let announcer = expect_context::<Announcer>();
    let results = Memo::new(move |_| index.with(|index| query.with(|query| query.apply(index))));
    // What is announced is what the page shows: the hint when there is nothing to search for.
    announcer.announce_changes(query, move |query| match query.has_search_words() {
        true => lang.result_count(results.with(|r| r.hits.len())),
        false => texts.search_hint.to_owned(),
    });
    let on_input = move |text: String| navigator.replace(Route::Search(query.get_untracked().with_text(text)));
    // The cards' words are read once while they are shown.
    let card_words = CardWords::shared();
    view! {
        <div class="wrap search-page">
            <h1 tabindex="-1">{texts.search_site}</h1>
            <SearchBox id="site-search" label=texts.search_site value=Signal::derive(move || query.with(|q| q.text.clone()))
                on_input=on_input />
            {move || {
                let results = results.get();
                let query = query.get();
                if !query.has_search_words() {
                    return view! { <p class="hint">{texts.search_hint}</p> }.into_any();
                }
                view! {
                    <h2 id="result-count" class="result-count">{lang.result_count(results.hits.len())}</h2>
                    <SearchResults content=Arc::clone(&content) results=results query=query card_words=Arc::clone(&card_words) lang=lang />
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn SearchResults(
    content: Arc<Content>,
    results: SiteResults,
    query: SiteQuery,
    card_words: Arc<Mutex<CardWords>>,
    lang: Lang,
) -> impl IntoView {
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
    let respelt = did_you_mean(&query.text, terms, results.page(page).iter().map(|hit| hit.texts(&content)));
    let respelt_href = |text: String| Route::Search(query.with_text(text)).href_in(lang);
    let items = results.page(page).iter().map(|document| {
        let (title, summary, body) = document.texts(&content);
        // Its place among the documents, sections then news as the index numbers them, keeps its words.
        let (href, kind, place) = match *document {
            Document::Section(i) => {
                (Route::Section(content.sections[i].slug.clone()).href_in(lang), ResultKind::Section, i)
            }
            Document::News(i) => {
                let item = &content.news[i];
                let kind = ResultKind::News { published: item.published, kind: item.kind };
                (Route::NewsItem(item.slug.clone()).href_in(lang), kind, content.sections.len() + i)
            }
        };
        let words = &mut *CardWords::lock(&card_words);
        let (title, snippet) = (
            marked_title(title, lang, terms, (place, words)),
            marked_snippet(summary, body, lang, terms, (place, words)),
        );
        ResultCard { href, title, kind, snippet }
    });
    view! {
        <DidYouMean respelt=respelt href=respelt_href lang=lang />
        <ResultList cards=items.collect() lang=lang />
        <Pagination page=page pages=pages previous=Route::Search(query.with_page(page.saturating_sub(1))).href_in(lang)
            next=Route::Search(query.with_page(page + 1)).href_in(lang) lang=lang />
    }
    .into_any()
}
