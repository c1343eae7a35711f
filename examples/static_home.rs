//! Writes the home view as one plain static HTML page, from a content.json, for the load benchmark
//! (`scripts/bench-load`): the same header, title, introduction, six section cards, latest news and
//! footer as the app renders, with the same classes and stylesheet, but no script. It is the floor any
//! page showing that view pays: one HTML file and one stylesheet.
//!   cargo run --example static_home -- content.json style-<hash>.css > static-home.html

use integration_portal::content::parse_content;
use integration_portal::i18n::Lang;
use integration_portal::route::Route;
use integration_portal::search::SiteQuery;
use integration_portal::views::home::LATEST_NEWS_ON_HOME;
use std::fmt::Write;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let content_path = args.next().unwrap_or_else(|| "content.json".to_owned());
    let stylesheet = args.next().unwrap_or_else(|| "style.css".to_owned());
    let text = std::fs::read_to_string(&content_path).unwrap_or_else(|e| panic!("read {content_path}: {e}"));
    let content = parse_content(&text).unwrap_or_else(|e| panic!("{content_path}: {e}"));
    let lang = Lang::En;
    let texts = lang.texts();
    let site = &content.site;
    let t = |text: &integration_portal::content::Localized<String>| escape(text.text(lang));

    let mut html = String::new();
    let audiences: Vec<String> = site.audiences.iter().map(|a| t(&a.name)).collect();
    write!(
        html,
        r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{stylesheet}">
</head>
<body>
<a class="skip-link" href="#main">{skip}</a>
<header class="site-header"><div class="wrap header-row">
<a class="site-name" href="{home}">{portal}</a>
<nav aria-label="{nav}"><ul class="nav-list">
<li><a href="{home}">{home_text}</a></li><li><a href="{news}">{news_text}</a></li><li><a href="{search}">{search_text}</a></li>
</ul></nav>
<nav class="languages" aria-label="{languages}"><ul>{switcher}</ul></nav>
</div></header>
<main id="main" tabindex="-1"><div class="wrap home">
<h1 tabindex="-1">{title}</h1>
<p class="lead">{intro}</p>
<p class="audiences"><span class="label">{for_whom}: </span>{audiences}</p>
<section aria-labelledby="sections-heading">
<h2 id="sections-heading" class="visually-hidden">{sections}</h2>
<ul class="section-grid">
"##,
        title = t(&site.title),
        skip = texts.skip_to_content,
        home = Route::Home.href_in(lang),
        portal = texts.portal_name,
        nav = texts.main_navigation,
        home_text = texts.home,
        news = Route::news().href_in(lang),
        news_text = texts.news,
        search = Route::Search(SiteQuery::default()).href_in(lang),
        search_text = texts.search,
        intro = t(&site.introduction),
        for_whom = texts.for_whom,
        audiences = audiences.join(", "),
        sections = texts.sections,
        languages = texts.language,
        switcher = Lang::ALL
            .into_iter()
            .map(|other| format!(
                r#"<li><a href="{}" lang="{code}" hreflang="{code}"{current}>{}</a></li>"#,
                Route::Home.href_in(other),
                other.own_name(),
                code = other.code(),
                current = if other == lang { r#" aria-current="true""# } else { "" }
            ))
            .collect::<String>(),
    )
    .unwrap();
    for section in &content.sections {
        writeln!(
            html,
            r#"<li class="section-card"><h3><a href="{}">{}</a></h3><p>{}</p></li>"#,
            Route::Section(section.slug.clone()).href_in(lang),
            t(&section.title),
            t(&section.summary)
        )
        .unwrap();
    }
    write!(
        html,
        "</ul>\n</section>\n<section aria-labelledby=\"news-heading\">\n<h2 id=\"news-heading\">{}</h2>\n<ul class=\"news-list\">\n",
        texts.latest_news
    )
    .unwrap();
    for item in content.news.iter().take(LATEST_NEWS_ON_HOME) {
        writeln!(
            html,
            r#"<li class="news-card"><h3><a href="{}">{}</a></h3><p class="meta"><time datetime="{}">{}</time><span aria-hidden="true"> | </span><span class="news-type">{}</span></p><p>{}</p></li>"#,
            Route::NewsItem(item.slug.clone()).href_in(lang),
            t(&item.title),
            item.published.to_iso(),
            item.published.written_in(lang),
            item.kind.name_in(lang),
            t(&item.summary)
        )
        .unwrap();
    }
    write!(
        html,
        "</ul>\n<p><a class=\"more\" href=\"{}\">{}</a></p>\n</section>\n</div></main>\n<footer class=\"site-footer\"><div class=\"wrap\"><p>{}</p><p><a href=\"{}\">{}</a></p></div></footer>\n</body>\n</html>\n",
        Route::news().href_in(lang),
        texts.all_news,
        texts.footer_about,
        Route::Accessibility.href_in(lang),
        texts.accessibility
    )
    .unwrap();
    print!("{html}");
}
