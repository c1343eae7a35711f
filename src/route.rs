//! The portal's addresses. Every view is named in the URL fragment (`#/news/some-item`), which a static
//! server never sees: a reload, a bookmark or a pasted link opens the same view from any folder, with no
//! rewrite rules. This module is the only place that prints or reads those addresses; a query after `?`
//! (`#/news?q=keha&topic=legislation-reform`) carries the search and filters of the views that have them.

use crate::i18n::Lang;
use crate::search::{NewsQuery, SiteQuery};

/// A full address: the language (`#/sv/…`), when it names one, and the view.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    pub lang: Option<Lang>,
    pub route: Route,
}

impl Address {
    /// Reads `#/sv/news?q=x`; without a language segment the language is left to the reader's choice.
    pub fn parse(fragment: &str) -> Address {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        let first = path.trim_start_matches('/').split(['/', '?']).next().unwrap_or_default();
        match Lang::from_code(first).filter(|_| path.starts_with('/') && first.len() == 2) {
            Some(lang) => Address { lang: Some(lang), route: Route::parse(&path[1 + first.len()..]) },
            None => Address { lang: None, route: Route::parse(path) },
        }
    }

    pub fn href(&self) -> String {
        match self.lang {
            Some(lang) => self.route.href_in(lang),
            None => self.route.href(),
        }
    }
}

/// A view of the portal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Section(String),
    NewsList(NewsQuery),
    NewsItem(String),
    Search(SiteQuery),
    /// The accessibility statement the Act on the Provision of Digital Services requires.
    Accessibility,
    /// An address the portal does not know; keeps what was asked for so the view can say it.
    NotFound(String),
}

impl Route {
    /// The fragment for this view, `#` included, for `href` attributes.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Section(slug) => format!("#/sections/{slug}"),
            Route::NewsList(query) => with_query("#/news", &query.to_query_string()),
            Route::NewsItem(slug) => format!("#/news/{slug}"),
            Route::Search(query) => with_query("#/search", &query.to_query_string()),
            Route::Accessibility => "#/accessibility".to_owned(),
            Route::NotFound(asked) => format!("#{asked}"),
        }
    }

    /// Reads a fragment as `location.hash` gives it (`#/news`, or empty on the bare folder address).
    /// Anything that is not a known address becomes `NotFound`, never an error.
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        match segments.as_slice() {
            [] if path.is_empty() || path.starts_with('/') => Route::Home,
            ["news"] => Route::NewsList(NewsQuery::from_query_string(query)),
            ["search"] => Route::Search(SiteQuery::from_query_string(query)),
            ["accessibility"] => Route::Accessibility,
            ["news", slug] if is_slug_like(slug) => Route::NewsItem((*slug).to_owned()),
            ["sections", slug] if is_slug_like(slug) => Route::Section((*slug).to_owned()),
            _ => Route::NotFound(fragment.to_owned()),
        }
    }
}

impl Route {
    /// The address of this view in `lang`: `#/fi/news?q=keha`. Every link the portal prints carries its
    /// language, so a shared link opens in the language it was copied in.
    pub fn href_in(&self, lang: Lang) -> String {
        let href = self.href();
        let path = href.trim_start_matches('#').trim_start_matches('/');
        format!("#/{}/{path}", lang.code())
    }

    /// The plain list of news.
    pub fn news() -> Route {
        Route::NewsList(NewsQuery::default())
    }

    /// The view without its query: two addresses that differ only in their query show the same view,
    /// which stays in place (and keeps focus in its search box) while the query changes.
    pub fn view(&self) -> Route {
        match self {
            Route::NewsList(_) => Route::news(),
            Route::Search(_) => Route::Search(SiteQuery::default()),
            other => other.clone(),
        }
    }
}

fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// A segment that could be a slug; anything else cannot name content and is not-found straight away.
fn is_slug_like(segment: &str) -> bool {
    crate::content::validate::is_valid_slug(segment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_address() {
        let routes = [
            Route::Home,
            Route::news(),
            Route::NewsList(NewsQuery::from_query_string(
                "q=keha%20keskus&topic=fees,legislation-reform&sort=oldest&page=3",
            )),
            Route::Search(SiteQuery { text: "tulkkaus ä".into(), page: 1 }),
            Route::Search(SiteQuery::default()),
            Route::Section("legislation".into()),
            Route::Accessibility,
            Route::NewsItem("keha-centre-work-and-skills-support-2025".into()),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn reads_what_browsers_give_for_the_bare_address() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/news/"), Route::news());
        assert_eq!(Route::parse("#/news?"), Route::news());
        assert_eq!(Route::parse("#/news?q=keha").view(), Route::news());
    }

    #[test]
    fn unknown_and_hostile_addresses_are_not_found() {
        for fragment in [
            "#/nothing-here",
            "#/news/a/b",
            "#/sections",
            "#/news/<script>",
            "#/news/Upper-Case",
            "#/news/%2e%2e",
            "#main",
            "#/sections/../news",
        ] {
            match Route::parse(fragment) {
                Route::NotFound(asked) => assert_eq!(format!("#{asked}"), fragment),
                other => panic!("{fragment} parsed as {other:?}"),
            }
        }
    }

    #[test]
    fn the_language_leads_the_address_and_round_trips() {
        let cases = [
            ("#/sv/news?q=keha", Some(Lang::Sv), Route::Search(SiteQuery::default()).view()),
            ("#/fi/", Some(Lang::Fi), Route::Home),
            ("#/fi", Some(Lang::Fi), Route::Home),
            ("#/en/sections/legislation", Some(Lang::En), Route::Section("legislation".into())),
            ("#/news", None, Route::news()),
            ("#/de/news", None, Route::NotFound("/de/news".into())),
            ("#/finance", None, Route::NotFound("/finance".into())),
        ];
        for (fragment, lang, route) in cases {
            let address = Address::parse(fragment);
            assert_eq!(address.lang, lang, "{fragment}");
            if fragment != "#/sv/news?q=keha" {
                assert_eq!(address.route, route, "{fragment}");
            }
            assert_eq!(Address::parse(&address.href()), address, "{fragment}");
        }
        assert_eq!(Address::parse("#/sv/news?q=keha").route, Route::NewsList(NewsQuery::from_query_string("q=keha")));
        assert_eq!(Route::news().href_in(Lang::Sv), "#/sv/news");
        assert_eq!(Route::Home.href_in(Lang::Fi), "#/fi/");
    }

    #[test]
    fn not_found_keeps_its_address() {
        let route = Route::parse("#/no/such/view");
        assert_eq!(Route::parse(&route.href()), route);
    }
}
