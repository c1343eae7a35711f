use crate::components::news_card::NewsCards;
use crate::components::rich_text::Text;
use crate::content::Content;
use crate::i18n::Lang;
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// How many news items the home page lists before "All news".
pub const LATEST_NEWS_ON_HOME: usize = 5;

#[component]
pub fn HomePage(content: Arc<Content>, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    let site = &content.site;
    let latest = content.news.iter().take(LATEST_NEWS_ON_HOME).cloned().collect::<Vec<_>>();
    view! {
        <div class="wrap home">
            <h1 tabindex="-1"><Text text=site.title.clone() lang=lang /></h1>
            <p class="lead"><Text text=site.introduction.clone() lang=lang /></p>
            <p class="audiences">
                <span class="label">{texts.for_whom}": "</span>
                {site.audiences.iter().enumerate().map(|(i, audience)| view! {
                    {(i > 0).then_some(", ")}
                    <Text text=audience.name.clone() lang=lang />
                }).collect_view()}
            </p>
            <section aria-labelledby="sections-heading">
                <h2 id="sections-heading" class="visually-hidden">{texts.sections}</h2>
                <ul class="section-grid">
                    {content.sections.iter().map(|section| view! {
                        <li class="section-card">
                            <h3><a href=Route::Section(section.slug.clone()).href_in(lang)><Text text=section.title.clone() lang=lang /></a></h3>
                            <p><Text text=section.summary.clone() lang=lang /></p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="news-heading">
                <h2 id="news-heading">{texts.latest_news}</h2>
                <NewsCards items=latest lang=lang />
                <p><a class="more" href=Route::news().href_in(lang)>{texts.all_news}</a></p>
            </section>
        </div>
    }
}
