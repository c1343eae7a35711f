//! The shape of content.json. Every type refuses unknown fields, so a misspelt field is reported
//! instead of silently ignored.

use super::date::Date;
use super::rich_text::Block;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The format this build reads; content.json names it in `format_version`.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Lets an editor's JSON tooling find the schema; the portal itself ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub format_version: u32,
    pub site: Site,
    pub sections: Vec<Section>,
    /// Kept newest first after loading.
    pub news: Vec<NewsItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub title: Localized<String>,
    pub introduction: Localized<String>,
    /// The officials the portal serves: employment services, municipality, health and social sector.
    pub audiences: Vec<Term>,
    /// Subjects news items are tagged with.
    pub topics: Vec<Term>,
}

/// A named value that news items refer to by `id`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub name: Localized<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub slug: String,
    pub title: Localized<String>,
    pub summary: Localized<String>,
    pub body: Localized<Vec<Block>>,
    pub updated: Date,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub title: Localized<String>,
    pub href: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NewsType {
    NewsItem,
    PressRelease,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NewsItem {
    pub slug: String,
    pub title: Localized<String>,
    pub published: Date,
    #[serde(rename = "type")]
    pub kind: NewsType,
    pub summary: Localized<String>,
    pub body: Localized<Vec<Block>>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    /// Slugs of the sections this item concerns.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Where an official can check the facts.
    pub source: String,
}

/// A text in some of the portal's languages. At least one must be present (checked by validation).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<T>,
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
