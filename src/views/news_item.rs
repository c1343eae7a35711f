use crate::components::result_card::NewsMeta;
use crate::components::rich_text::{Body, SafeLink, Text};
use crate::content::{Content, NewsItem};
use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn NewsItemPage(item: NewsItem, content: Arc<Content>, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    let sections = item.sections.iter().filter_map(|slug| content.section(slug)).cloned().collect::<Vec<_>>();
    view! {
        <article class="wrap news-item-page">
            <p class="back"><a href=Route::news().href_in(lang)>{texts.back_to_news}</a></p>
            <h1 tabindex="-1"><Text text=item.title lang=lang /></h1>
            <NewsMeta published=item.published kind=item.kind lang=lang lead=texts.published />
            <p class="lead"><Text text=item.summary lang=lang /></p>
            <Body body=item.body lang=lang />
            {(!sections.is_empty()).then(|| view! {
                <section aria-labelledby="related-sections-heading">
                    <h2 id="related-sections-heading">{texts.related_sections}</h2>
                    <ul class="link-list">
                        {sections.into_iter().map(|section| view! {
                            <li><a href=Route::Section(section.slug).href_in(lang)><Text text=section.title lang=lang /></a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <p class="source">{texts.source}": "<SafeLink href=item.source.clone() lang=lang>{item.source.clone()}</SafeLink></p>
            <p class="back"><a href=Route::news().href_in(lang)>{texts.back_to_news}</a></p>
        </article>
    }
}
