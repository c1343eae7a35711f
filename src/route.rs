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
    /// An address the portal does not know keeps every character as asked, its language included, so
    /// the not-found view can show it unchanged.
    pub fn parse(fragment: &str) -> Address {
        let asked = fragment.strip_prefix('#').unwrap_or(fragment);
        let (lang, rest) = match split_language(asked) {
            Some((lang, rest)) => (Some(lang), rest),
            None => (None, asked),
        };
        let route = match Route::parse(rest) {
            Route::NotFound(_) => Route::NotFound(asked.to_owned()),
            route => route,
        };
        Address { lang, route }
    }

    /// An in-portal link written in content (`#/news/x`), given the reader's language when it names
    /// none, so following it keeps the page's language rather than the browser's.
    pub fn link_in(href: &str, lang: Lang) -> String {
        match Address::parse(href) {
            Address { lang: None, route } if !matches!(route, Route::NotFound(_)) => route.href_in(lang),
            _ => href.to_owned(),
        }
    }
}

/// A view of the portal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Section(String),
    News(NewsQuery),
    NewsItem(String),
    Search(SiteQuery),
    /// The accessibility statement the Act on the Provision of Digital Services requires.
    Accessibility,
    /// An address the portal does not know: the fragment exactly as asked (without `#`), so the view
    /// can say it.
    NotFound(String),
}

impl Route {
    /// The fragment for this view, `#` included, for `href` attributes.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Section(slug) => format!("#/sections/{slug}"),
            Route::News(query) => with_query("#/news", &query.to_query_string()),
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
            ["news"] => Route::News(NewsQuery::from_query_string(query)),
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
        let path = href.strip_prefix('#').unwrap_or(&href);
        // Only a not-found address can hold a language already; it is replaced.
        let path = split_language(path).map_or(path, |(_, rest)| rest).trim_start_matches('/');
        format!("#/{}/{path}", lang.code())
    }

    /// The plain list of news.
    pub fn news() -> Route {
        Route::News(NewsQuery::default())
    }

    /// The view without its query: two addresses that differ only in their query show the same view,
    /// which stays in place (and keeps focus in its search box) while the query changes.
    pub fn without_query(&self) -> Route {
        match self {
            Route::News(_) => Route::news(),
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

/// `/sv/news` as `(Sv, "/news")`: the language is the first segment of a path that starts with `/`,
/// however many slashes lead it, and ends at the next `/`, at `?` or with the path.
fn split_language(path: &str) -> Option<(Lang, &str)> {
    let segment_and_rest = path.strip_prefix('/')?.trim_start_matches('/');
    let end = segment_and_rest.find(['/', '?']).unwrap_or(segment_and_rest.len());
    let lang = Lang::from_code(&segment_and_rest[..end]).filter(|_| end == 2)?;
    Some((lang, &segment_and_rest[end..]))
}

/// A segment that could be a slug; anything else cannot name content and is not-found straight away.
fn is_slug_like(segment: &str) -> bool {
    crate::content::model::is_valid_slug(segment)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an address is written as: the route's fragment, in its language when it names one.
    fn href_of(address: &Address) -> String {
        match address.lang {
            Some(lang) => address.route.href_in(lang),
            None => address.route.href(),
        }
    }

    #[test]
    fn every_route_round_trips_through_its_address() {
        let routes = [
            Route::Home,
            Route::news(),
            Route::News(NewsQuery::from_query_string(
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
        assert_eq!(Route::parse("#/news?q=keha").without_query(), Route::news());
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
            ("#/sv/news?q=keha", Some(Lang::Sv), Route::Search(SiteQuery::default()).without_query()),
            ("#/fi/", Some(Lang::Fi), Route::Home),
            ("#/fi", Some(Lang::Fi), Route::Home),
            ("#/en/sections/legislation", Some(Lang::En), Route::Section("legislation".into())),
            ("#/news", None, Route::news()),
            ("#/de/news", None, Route::NotFound("/de/news".into())),
            ("#/sv/nothing-here", Some(Lang::Sv), Route::NotFound("/sv/nothing-here".into())),
            ("#/finance", None, Route::NotFound("/finance".into())),
        ];
        for (fragment, lang, route) in cases {
            let address = Address::parse(fragment);
            assert_eq!(address.lang, lang, "{fragment}");
            if fragment != "#/sv/news?q=keha" {
                assert_eq!(address.route, route, "{fragment}");
            }
            assert_eq!(Address::parse(&href_of(&address)), address, "{fragment}");
        }
        assert_eq!(Address::parse("#/sv/news?q=keha").route, Route::News(NewsQuery::from_query_string("q=keha")));
        assert_eq!(Route::news().href_in(Lang::Sv), "#/sv/news");
        assert_eq!(Route::Home.href_in(Lang::Fi), "#/fi/");
    }

    #[test]
    fn not_found_keeps_its_address() {
        let route = Route::parse("#/no/such/view");
        assert_eq!(Route::parse(&route.href()), route);
    }

    #[test]
    fn a_not_found_address_is_kept_exactly_as_asked() {
        for fragment in ["#/de/news", "#/sv/nothing-here", "#/fi/news/a/b", "#nothing", "#/fi/de//x?y"] {
            let address = Address::parse(fragment);
            assert!(matches!(&address.route, Route::NotFound(asked) if format!("#{asked}") == fragment), "{fragment}");
            assert_eq!(address.route.href(), fragment, "{fragment}: shown as asked");
        }
        // The language switcher's links on a not-found page: the same address in another language.
        assert_eq!(Address::parse("#/sv/nothing-here").route.href_in(Lang::Fi), "#/fi/nothing-here");
        assert_eq!(Address::parse("#/de/news").route.href_in(Lang::Sv), "#/sv/de/news");
    }

    #[test]
    fn odd_addresses_give_the_sensible_view_or_not_found() {
        let cases = [
            ("#//fi/news", Some(Lang::Fi), Route::news()),
            ("#/fi//news", Some(Lang::Fi), Route::news()),
            ("#/fi/news?", Some(Lang::Fi), Route::news()),
            ("#/fi?", Some(Lang::Fi), Route::Home),
            ("#/sv/?", Some(Lang::Sv), Route::Home),
            ("#?", None, Route::Home),
            ("#/news//", None, Route::news()),
            ("#/fi/sections//legislation/", Some(Lang::Fi), Route::Section("legislation".into())),
            ("#/FI/accessibility", Some(Lang::Fi), Route::Accessibility),
            ("#/fin/news", None, Route::NotFound("/fin/news".into())),
            ("#/f/news", None, Route::NotFound("/f/news".into())),
            ("#fi/news", None, Route::NotFound("fi/news".into())),
        ];
        for (fragment, lang, route) in cases {
            assert_eq!(Address::parse(fragment), Address { lang, route }, "{fragment}");
        }
    }

    #[test]
    fn an_address_of_several_kilobytes_is_read_as_what_it_says() {
        let words = "tulkki%20".repeat(1000);
        let search = Address::parse(&format!("#/fi/search?q={words}"));
        assert_eq!(search.lang, Some(Lang::Fi));
        assert!(matches!(&search.route, Route::Search(query) if query.text.len() == 7000 && query.page == 0));
        for long in [format!("#/fi/news/{}", "a".repeat(5000)), format!("#/fi/{}", "x/".repeat(4000))] {
            assert!(matches!(Address::parse(&long).route, Route::NotFound(asked) if format!("#{asked}") == long));
        }
    }

    #[test]
    fn links_in_content_keep_the_readers_language() {
        assert_eq!(Address::link_in("#/news/some-item", Lang::Sv), "#/sv/news/some-item");
        assert_eq!(Address::link_in("#/sections/legislation", Lang::En), "#/en/sections/legislation");
        assert_eq!(Address::link_in("#/news?topic=fees", Lang::Sv), "#/sv/news?topic=fees");
        assert_eq!(Address::link_in("#/", Lang::Sv), "#/sv/");
        // A link that names its language keeps it; one the portal does not know stays as written.
        assert_eq!(Address::link_in("#/fi/news/some-item", Lang::Sv), "#/fi/news/some-item");
        assert_eq!(Address::link_in("#/no-such-view", Lang::Sv), "#/no-such-view");
    }
}
