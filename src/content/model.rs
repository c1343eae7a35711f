//! The shape of content.json. Every type refuses unknown fields, so a misspelt field is reported
//! instead of silently ignored.

use super::date::Date;
use super::rich_text::Block;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The format this build reads; content.json names it in `format_version`.
pub const FORMAT_VERSION: u32 = 1;

/// What [`is_valid_slug`] accepts, as a JSON Schema pattern, so an editor's tooling
/// flags a bad slug or id as it is typed.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Lowercase letters, digits and single hyphens: safe in an address without escaping.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// Links the portal shows as links, as [`super::rich_text::LinkTarget::of`] accepts them: `http(s)://`
/// with a host, `mailto:` with an `@`, or an address in the portal, `#/…`. JSON Schema patterns have no
/// case-insensitive flag, hence the character classes.
pub const LINK_PATTERN: &str = "^([hH][tT][tT][pP][sS]?://[^/\\s]\\S*|[mM][aA][iI][lL][tT][oO]:\\S*@\\S*|#/\\S*)$";

/// A web address, `http(s)://` with a host.
pub const WEB_ADDRESS_PATTERN: &str = "^[hH][tT][tT][pP][sS]?://[^/\\s]\\S*$";

// The doc comments on these types and fields are also the help an editor's JSON tooling shows for
// content.json: they become the descriptions in content.schema.json (see `super::schema`). They are
// written for the people who edit the file.

/// Everything the portal shows: the site's texts, its sections and its news.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "content.json of the integration work portal"))]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Tells your editor where the rules for this file are, so it can help as you type. Keep it as
    /// "content.schema.json"; the portal itself ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of this file's format that the portal reads. Do not change it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = FORMAT_VERSION)))]
    pub format_version: u32,
    /// The portal's own texts, and the lists of audiences and topics that news items refer to.
    pub site: Site,
    /// The topic pages of the portal, in the order they are listed on the home page.
    pub sections: Vec<Section>,
    /// The news items, in any order: the portal shows them newest first.
    pub news: Vec<NewsItem>,
}

/// The portal's own texts, and the audiences and topics news items can be tagged with.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The portal's title, at the top of the home page, in browser tabs and as the name of the news feeds.
    pub title: Localized<String>,
    /// The text under the title on the home page.
    pub introduction: Localized<String>,
    /// The groups of officials the portal serves (employment services, municipalities, the health and
    /// social sector). News items name theirs by `id` in their `audiences`.
    pub audiences: Vec<Term>,
    /// The subjects news items are tagged with. News items name theirs by `id` in their `topics`.
    pub topics: Vec<Term>,
    /// The accessibility statement the Act on the Provision of Digital Services (306/2019) requires,
    /// linked from every page's footer at `#/accessibility`. Optional in the format so test files can
    /// leave it out; the bundled content.json must have it (a test checks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<AccessibilityStatement>,
}

/// The accessibility statement: conformance status, known gaps, how to give feedback, and the
/// supervisory authority, written as a body like a section's.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccessibilityStatement {
    /// The statement's heading.
    pub title: Localized<String>,
    /// The statement itself.
    pub body: Localized<Vec<Block>>,
    /// When the statement was last reviewed, as YYYY-MM-DD.
    pub updated: Date,
}

/// An audience or a topic: an `id` that news items use, and the name readers see.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The id news items use to refer to this term: lowercase letters a-z, digits and single hyphens,
    /// for example "health-social". Unique in its list.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(pattern(SLUG_PATTERN), length(max = 100)))]
    pub id: String,
    /// The name readers see.
    pub name: Localized<String>,
}

/// A topic page of the portal, at the address `#/sections/<slug>`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The last part of the page's address, `#/sections/<slug>`: lowercase letters a-z, digits and
    /// single hyphens, for example "reception-of-refugees". Unique among sections. Changing it breaks
    /// bookmarks and the news items that name it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(pattern(SLUG_PATTERN), length(max = 100)))]
    pub slug: String,
    /// The page's heading and its name in menus.
    pub title: Localized<String>,
    /// One or two sentences shown on the home page under the title.
    pub summary: Localized<String>,
    /// The page's text, as a list of blocks: headings, paragraphs and bulleted lists.
    pub body: Localized<Vec<Block>>,
    /// When the page's content was last checked or changed, "YYYY-MM-DD".
    pub updated: Date,
    /// Further reading listed at the end of the page. May be left out.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A link in a section's list of further reading.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The words of the link.
    pub title: Localized<String>,
    /// Where the link goes: an address starting with https:// or http://, an e-mail address as
    /// mailto:name@example.fi, or a page of the portal such as #/news.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(pattern(LINK_PATTERN)))]
    pub href: String,
}

/// What kind of news a news item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum NewsType {
    /// A news item ("Uutinen", "Nyhet").
    NewsItem,
    /// A press release ("Tiedote", "Pressmeddelande").
    PressRelease,
}

impl NewsType {
    /// Its id, as content.json, the address's `type=` and the feeds' categories write it.
    pub fn id(self) -> &'static str {
        match self {
            NewsType::NewsItem => "news-item",
            NewsType::PressRelease => "press-release",
        }
    }

    /// What readers call this kind of news in `lang`.
    pub fn name_in(self, lang: Lang) -> &'static str {
        match self {
            NewsType::NewsItem => lang.texts().news_item,
            NewsType::PressRelease => lang.texts().press_release,
        }
    }
}

/// One news item, at the address `#/news/<slug>`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewsItem {
    /// The last part of the item's address, `#/news/<slug>`: lowercase letters a-z, digits and single
    /// hyphens, for example "new-integration-act-2025". Unique among news items. Changing it breaks
    /// bookmarks and makes the item new again in news feeds.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(pattern(SLUG_PATTERN), length(max = 100)))]
    pub slug: String,
    /// The headline.
    pub title: Localized<String>,
    /// The day the item was published, "YYYY-MM-DD". The portal and the feeds list news newest first.
    pub published: Date,
    /// "news-item" or "press-release".
    #[serde(rename = "type")]
    pub kind: NewsType,
    /// One or two sentences shown in news lists and in the news feeds.
    pub summary: Localized<String>,
    /// The item's text, as a list of blocks: headings, paragraphs and bulleted lists.
    pub body: Localized<Vec<Block>>,
    /// Ids from site.topics that the item is about, for example ["legislation-reform"]. May be left out.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(inner(pattern(SLUG_PATTERN))))]
    pub topics: Vec<String>,
    /// Ids from site.audiences that the item is for, for example ["municipality"]. May be left out.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(inner(pattern(SLUG_PATTERN))))]
    pub audiences: Vec<String>,
    /// Slugs of the sections the item concerns; the item is listed on those pages. May be left out.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(inner(pattern(SLUG_PATTERN))))]
    pub sections: Vec<String>,
    /// The web address (https://…) where officials can check the facts, usually the original
    /// announcement.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(pattern(WEB_ADDRESS_PATTERN)))]
    pub source: String,
}

impl NewsItem {
    /// Gives back the room its lists were given while read and do not use: serde grows a list as it
    /// reads, up to twice its length, and a large archive holds tens of thousands of them.
    pub fn shrink_to_fit(&mut self) {
        for lang in Lang::ALL {
            if let Some(blocks) = self.body.slot(lang) {
                blocks.shrink_to_fit();
            }
        }
        for list in [&mut self.topics, &mut self.audiences, &mut self.sections] {
            list.shrink_to_fit();
        }
    }
}

/// A text in the portal's languages: "fi" Finnish, "sv" Swedish, "en" English. At least one is needed;
/// where the reader's language is missing the portal shows another with a notice.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Localized_{T}", extend("minProperties" = 1)))]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    /// In Finnish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<T>,
    /// In Swedish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<T>,
    /// In English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<T>,
}

/// A localized value with the language it is actually in, which differs from the one asked for when a
/// translation is missing; views mark such text with its own `lang`.
#[derive(Debug, PartialEq)]
pub struct InLanguage<'a, T> {
    pub lang: Lang,
    pub value: &'a T,
}

// Derived Copy would demand `T: Copy`; a shared reference is Copy for any T.
impl<T> Clone for InLanguage<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for InLanguage<'_, T> {}

impl<T> Localized<T> {
    pub fn get_exact(&self, lang: Lang) -> Option<&T> {
        match lang {
            Lang::Fi => self.fi.as_ref(),
            Lang::Sv => self.sv.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    /// The text in `lang`, else in the first language that has it (Finnish, Swedish, English).
    /// `None` only for a value with no language at all, which validation rejects.
    pub fn get(&self, lang: Lang) -> Option<InLanguage<'_, T>> {
        std::iter::once(lang)
            .chain(Lang::ALL)
            .find_map(|lang| self.get_exact(lang).map(|value| InLanguage { lang, value }))
    }

    /// Where the value in `lang` is kept.
    pub fn slot(&mut self, lang: Lang) -> &mut Option<T> {
        match lang {
            Lang::Fi => &mut self.fi,
            Lang::Sv => &mut self.sv,
            Lang::En => &mut self.en,
        }
    }

    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|lang| self.get_exact(*lang).is_some())
    }
}

impl Localized<String> {
    /// The text for `lang` with fallback; empty only where validation would have failed.
    pub fn text(&self, lang: Lang) -> &str {
        self.get(lang).map(|found| found.value.as_str()).unwrap_or_default()
    }
}

impl Content {
    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.slug == slug)
    }

    pub fn news_item(&self, slug: &str) -> Option<&NewsItem> {
        self.news.iter().find(|item| item.slug == slug)
    }

    /// News concerning a section, newest first.
    pub fn news_for_section<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a NewsItem> + 'a {
        self.news.iter().filter(move |item| item.sections.iter().any(|s| s == slug))
    }

    pub fn audience(&self, id: &str) -> Option<&Term> {
        self.site.audiences.iter().find(|term| term.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Term> {
        self.site.topics.iter().find(|term| term.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn localized(fi: Option<&str>, sv: Option<&str>, en: Option<&str>) -> Localized<String> {
        Localized { fi: fi.map(Into::into), sv: sv.map(Into::into), en: en.map(Into::into) }
    }

    #[test]
    fn returns_the_asked_language_when_present() {
        let text = localized(Some("Lainsäädäntö"), Some("Lagstiftning"), Some("Legislation"));
        assert_eq!(text.get(Lang::Sv).unwrap().value, "Lagstiftning");
        assert_eq!(text.get(Lang::Sv).unwrap().lang, Lang::Sv);
        assert_eq!(text.text(Lang::En), "Legislation");
    }

    #[test]
    fn falls_back_and_says_which_language_it_used() {
        let only_english = localized(None, None, Some("Legislation"));
        let found = only_english.get(Lang::Fi).unwrap();
        assert_eq!((found.lang, found.value.as_str()), (Lang::En, "Legislation"));

        let finnish_and_english = localized(Some("Lainsäädäntö"), None, Some("Legislation"));
        assert_eq!(finnish_and_english.get(Lang::Sv).unwrap().lang, Lang::Fi);
        assert_eq!(finnish_and_english.languages().collect::<Vec<_>>(), vec![Lang::Fi, Lang::En]);
    }

    #[test]
    fn empty_localized_has_no_text() {
        let empty = localized(None, None, None);
        assert!(empty.get(Lang::Fi).is_none());
        assert_eq!(empty.text(Lang::Fi), "");
    }
}
