//! The news list: search as you type, facets with counts, active filters as chips, sort and pages, all
//! read from and written to the address.

use crate::browser::frames::after_next_paint;
use crate::browser::navigation::Navigator;
use crate::components::did_you_mean::DidYouMean;
use crate::components::filter_words::{described, filter_label};
use crate::components::live_region::Announcer;
use crate::components::pagination::Pagination;
use crate::components::result_card::{ResultCard, ResultKind, ResultList};
use crate::components::search_box::SearchBox;
use crate::content::{Content, Date};
use crate::i18n::Lang;
use crate::route::Route;
use crate::search::card_words::CardWords;
use crate::search::result_text::{did_you_mean, marked_news};
use crate::search::{Facet, FilterCounts, NewsQuery, NewsResults, SearchIndex, Sort};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn NewsListPage(
    content: Arc<Content>,
    index: ArcRwSignal<Arc<SearchIndex>>,
    query: Memo<NewsQuery>,
    lang: Lang,
) -> impl IntoView {
    let texts = lang.texts();
    let navigator = expect_context::<Navigator>();
    // The results follow the search box at once; the address, and all that reads it (links, chips, the
    // title), follow once the results are painted, so a keystroke does the least before its frame.
    let typed = RwSignal::new(None::<String>);
    let shown = Memo::new(move |_| match typed.get() {
        Some(text) => query.with(|q| q.with_text(text)),
        None => query.get(),
    });
    let on_input = move |text: String| {
        let address_waits = typed.with_untracked(Option::is_some);
        typed.set(Some(text));
        if !address_waits {
            after_next_paint(move || {
                if let Some(text) = typed.try_get_untracked().flatten() {
                    navigator.replace(Route::News(query.get_untracked().with_text(text)));
                    typed.try_set(None);
                }
            });
        }
    };
    let results = {
        let (content, index) = (Arc::clone(&content), index.clone());
        Memo::new(move |_| index.with(|index| shown.with(|query| query.apply(&content, index))))
    };
    // The counts beside the results follow the address, as the filter panel's links do: once the
    // results are painted, from the results as they are then.
    let counts = {
        let content = Arc::clone(&content);
        Memo::new(move |_| {
            query.track();
            index.with(|index| results.with_untracked(|r| r.counts(&content, index)))
        })
    };
    expect_context::<Announcer>().announce_changes(query, move |_| lang.news_count(results.with(|r| r.items.len())));

    let filters_open = RwSignal::new(false);

    let content_for_panel = Arc::clone(&content);
    let content_for_results = Arc::clone(&content);
    view! {
        <div class="wrap news-page">
            <h1 tabindex="-1">{texts.latest_news}</h1>
            <SearchBox id="news-search" label=texts.search_news value=Signal::derive(move || shown.with(|q| q.text.clone()))
                on_input=on_input />
            <button type="button" class="filter-toggle button secondary" aria-controls="news-filters"
                aria-expanded=move || filters_open.get().to_string() on:click=move |_| filters_open.update(|open| *open = !*open)>
                {move || {
                    let active = query.with(NewsQuery::filter_count);
                    let label = if filters_open.get() { texts.hide_filters } else { texts.show_filters };
                    if active > 0 { format!("{label} ({active})") } else { label.to_owned() }
                }}
            </button>
            <div class="news-layout">
                <FilterPanel content=content_for_panel query=query counts=counts open=filters_open lang=lang />
                <ResultsPane content=content_for_results query=query shown=shown results=results lang=lang />
            </div>
        </div>
    }
}

#[component]
fn FilterPanel(
    content: Arc<Content>,
    query: Memo<NewsQuery>,
    counts: Memo<FilterCounts>,
    open: RwSignal<bool>,
    lang: Lang,
) -> impl IntoView {
    let texts = lang.texts();
    let navigator = expect_context::<Navigator>();
    let push = move |next: NewsQuery| navigator.push(Route::News(next));
    // The options never change while the page is shown: each checkbox is made once, and only its
    // checked and disabled state and its count follow the results, which keeps keystrokes cheap.
    let facets = Facet::ALL
        .into_iter()
        .map(|facet| {
            let options = facet.options(&content).into_iter().enumerate().map(|(position, value)| {
                let value = value.to_owned();
                let id = format!("facet-{}-{}", facet.key(), value);
                let label = facet.value_label(&content, lang, &value);
                let count = Memo::new(move |_| {
                    counts.with(|c| c.facet_counts.iter().find(|(f, _)| *f == facet).map_or(0, |(_, c)| c[position].1))
                });
                let checked = {
                    let value = value.clone();
                    Memo::new(move |_| query.with(|q| q.is_selected(facet, &value)))
                };
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() prop:checked=checked
                            disabled=move || count.get() == 0 && !checked.get()
                            on:change=move |_| push(query.get_untracked().toggled(facet, &value)) />
                        <label for=id>{label}" "<span class="count">"("{count}")"</span></label>
                    </div>
                }
            });
            view! {
                <fieldset class="facet">
                    <legend>{facet.label(lang)}</legend>
                    {options.collect_view()}
                </fieldset>
            }
        })
        .collect_view();

    let date_input = move |id: &'static str, label: &'static str, is_from: bool| {
        let value = move || query.with(|q| if is_from { q.from } else { q.to }).map(Date::to_iso).unwrap_or_default();
        view! {
            <div class="date-field">
                <label for=id>{label}</label>
                <input type="date" id=id prop:value=value on:change=move |event| {
                    let date = Date::parse(&event_target_value(&event)).ok();
                    let q = query.get_untracked();
                    push(if is_from { q.with_dates(date, q.to) } else { q.with_dates(q.from, date) });
                } />
            </div>
        }
    };

    view! {
        <aside id="news-filters" class="filter-panel" class:open=move || open.get() aria-label=texts.filters>
            <h2 class="filter-heading">{texts.filters}</h2>
            {facets}
            <fieldset class="facet dates">
                <legend>{texts.date_range}</legend>
                <ul class="years">
                    <li>
                        <a href=move || Route::News(query.get().with_dates(None, None)).href_in(lang)
                            aria-current=move || (query.with(|q| q.from.is_none() && q.to.is_none())).then_some("true")>{texts.any_year}</a>
                    </li>
                    {move || counts.with(|c| c.years.clone()).into_iter().map(|(year, count)| view! {
                        <li>
                            <a href=Route::News(query.get().with_year(year)).href_in(lang)
                                aria-current=query.with(|q| q.is_year(year)).then_some("true")>
                                {year}" "<span class="count">"("{count}")"</span>
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
                {date_input("news-from", texts.date_from, true)}
                {date_input("news-to", texts.date_to, false)}
            </fieldset>
        </aside>
    }
}

#[component]
fn ResultsPane(
    content: Arc<Content>,
    query: Memo<NewsQuery>,
    shown: Memo<NewsQuery>,
    results: Memo<NewsResults>,
    lang: Lang,
) -> impl IntoView {
    let texts = lang.texts();
    let navigator = expect_context::<Navigator>();
    let chips_content = Arc::clone(&content);
    let cards_content = Arc::clone(&content);
    // The page's cards follow the results as typed; a keystroke that leaves them as they were leaves them
    // untouched on screen. The links around them follow the address, which is written after the paint.
    // The cards' words are read once while they are shown.
    let card_words = CardWords::shared();
    let shown_page = {
        let content = Arc::clone(&content);
        Memo::new(move |_| {
            results.with(|r| {
                let page = r.page(shown.with(|q| q.page));
                let written =
                    page.iter().map(|&i| (&content.news[i].title, &content.news[i].summary, &content.news[i].body));
                let respelt = shown.with(|q| did_you_mean(&q.text, &r.terms, written));
                (marked_news(&content, page, lang, &r.terms, &mut CardWords::lock(&card_words)), respelt)
            })
        })
    };
    let respelt_href = move |text: String| Route::News(query.get_untracked().with_text(text)).href_in(lang);
    let on_sort = move |event: leptos::ev::Event| {
        let sort = Sort::from_key(&event_target_value(&event)).unwrap_or_default();
        navigator.push(Route::News(query.get_untracked().with_sort(sort)));
    };
    view! {
        <div class="results">
            <div class="results-head">
                <h2 id="result-count" class="result-count">{move || lang.news_count(results.with(|r| r.items.len()))}</h2>
                <div class="sort">
                    <label for="news-sort">{texts.sort_by}</label>
                    <select id="news-sort" on:change=on_sort>
                        {move || {
                            let searching = query.with(NewsQuery::has_search_words);
                            let current = query.with(NewsQuery::effective_sort);
                            Sort::ALL.into_iter().filter(|sort| searching || *sort != Sort::Relevance).map(|sort| view! {
                                <option value=sort.key() selected=sort == current>{sort.label(lang)}</option>
                            }).collect_view()
                        }}
                    </select>
                </div>
            </div>
            {move || {
                let chips = query.with(NewsQuery::active_filters);
                (!chips.is_empty()).then(|| view! {
                    <div class="chips">
                        <h3 class="visually-hidden">{texts.active_filters}</h3>
                        <ul>
                            {chips.into_iter().map(|chip| view! {
                                <li><a class="chip" href=Route::News(chip.without).href_in(lang)>
                                    <span class="visually-hidden">{texts.remove_filter}": "</span>
                                    {filter_label(&chip.filter, &chips_content, lang)}
                                    <span aria-hidden="true">" ×"</span>
                                </a></li>
                            }).collect_view()}
                            <li><a class="clear-all" href=Route::news().href_in(lang)>{texts.clear_all}</a></li>
                        </ul>
                    </div>
                })
            }}
            {move || {
                let (cards, respelt) = shown_page.get();
                if cards.is_empty() {
                    return view! { <NoResults content=Arc::clone(&content) query=shown.get() lang=lang /> }.into_any();
                }
                let cards = cards.into_iter().map(|card| {
                    let item = &cards_content.news[card.item];
                    ResultCard {
                        href: Route::NewsItem(item.slug.clone()).href_in(lang),
                        title: card.title,
                        kind: ResultKind::News { published: item.published, kind: item.kind },
                        snippet: card.snippet,
                    }
                });
                view! {
                    <DidYouMean respelt=respelt href=respelt_href lang=lang />
                    <ResultList cards=cards.collect() lang=lang />
                }.into_any()
            }}
            {move || {
                let pages = results.with(NewsResults::page_count);
                let page = query.with(|q| q.page).min(pages - 1);
                let previous = Route::News(query.get().with_page(page.saturating_sub(1))).href_in(lang);
                let next = Route::News(query.get().with_page(page + 1)).href_in(lang);
                view! { <Pagination page=page pages=pages previous=previous next=next lang=lang /> }
            }}
        </div>
    }
}

/// Says what was searched and offers ways to widen it.
#[component]
fn NoResults(content: Arc<Content>, query: NewsQuery, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    let searched = described(&query, &content, lang);
    let site_search = crate::search::SiteQuery::default().with_text(query.text.clone());
    view! {
        <div class="no-results">
            <p><strong>{texts.no_results_for}": "</strong>{searched}</p>
            <ul>
                {query.has_filters().then(|| view! {
                    <li><a href=Route::News(query.without_filters()).href_in(lang)>{texts.remove_filters_keep_words}</a></li>
                })}
                {query.has_search_words().then(|| view! {
                    <li><a href=Route::News(query.with_text(String::new())).href_in(lang)>{texts.clear_search}</a></li>
                    <li><a href=Route::Search(site_search).href_in(lang)>{texts.search_whole_portal}</a></li>
                })}
            </ul>
        </div>
    }
}
