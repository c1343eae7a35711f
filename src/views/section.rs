use crate::components::news_card::NewsCards;
use crate::components::rich_text::{Body, SafeLink, Text};
use crate::content::{Content, Section};
use crate::i18n::Lang;
use crate::route::Route;
use crate::search::{Facet, NewsQuery};
use leptos::prelude::*;
use std::sync::Arc;

/// How many of a section's news its page lists before linking to all of them.
const LATEST_NEWS_ON_SECTION: usize = 5;

#[component]
pub fn SectionPage(section: Section, content: Arc<Content>, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    let related = content.news_for_section(&section.slug).take(LATEST_NEWS_ON_SECTION).cloned().collect::<Vec<_>>();
    let news_of_section = Route::News(NewsQuery::default().toggled(Facet::Section, &section.slug)).href_in(lang);
    view! {
        <article class="wrap section-page">
            <h1 tabindex="-1"><Text text=section.title lang=lang /></h1>
            <p class="lead"><Text text=section.summary lang=lang /></p>
            <p class="meta">{texts.updated}" "<time datetime=section.updated.to_iso()>{section.updated.written_in(lang)}</time></p>
            <Body body=section.body lang=lang />
            {(!section.links.is_empty()).then(|| view! {
                <section aria-labelledby="links-heading">
                    <h2 id="links-heading">{texts.related_links}</h2>
                    <ul class="link-list">
                        {section.links.into_iter().map(|link| view! {
                            <li><SafeLink href=link.href lang=lang><Text text=link.title lang=lang /></SafeLink></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!related.is_empty()).then(|| view! {
                <section aria-labelledby="related-news-heading">
                    <h2 id="related-news-heading">{texts.related_news}</h2>
                    <NewsCards items=related lang=lang />
                    <p><a class="more" href=news_of_section>{texts.all_news}</a></p>
                </section>
            })}
        </article>
    }
}
