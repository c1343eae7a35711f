//! The facets of the news list: what each is called in the address and in words, which values it
//! offers, and each news item's values as bits, which filtering and counting work on.

use crate::content::model::is_valid_slug;
use crate::content::{Content, Date, NewsItem, NewsType};
use crate::i18n::Lang;

/// A way to narrow news by a property items have several values of. OR within a facet, AND across.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Type,
    Topic,
    Audience,
    Section,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Type, Facet::Topic, Facet::Audience, Facet::Section];

    /// Its name in the address.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Type => "type",
            Facet::Topic => "topic",
            Facet::Audience => "audience",
            Facet::Section => "section",
        }
    }

    /// The facet an address's key names.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.key() == key)
    }

    /// Reads its values from the address's `key=a,b`; a value that cannot be an id is ignored.
    pub fn read(self, value: &str) -> impl Iterator<Item = String> + '_ {
        value.split(',').filter(|value| is_valid_slug(value)).map(str::to_owned)
    }

    /// Writes its values back as the address's `key=a,b`.
    pub fn write(self, values: &[String]) -> (&'static str, String) {
        (self.key(), values.join(","))
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let texts = lang.texts();
        match self {
            Facet::Type => texts.facet_type,
            Facet::Topic => texts.facet_topic,
            Facet::Audience => texts.facet_audience,
            Facet::Section => texts.facet_section,
        }
    }

    /// The values this facet offers, in the order content.json gives them.
    pub fn options(self, content: &Content) -> Vec<&str> {
        match self {
            Facet::Type => vec![NewsType::NewsItem.id(), NewsType::PressRelease.id()],
            Facet::Topic => content.site.topics.iter().map(|t| t.id.as_str()).collect(),
            Facet::Audience => content.site.audiences.iter().map(|t| t.id.as_str()).collect(),
            Facet::Section => content.sections.iter().map(|s| s.slug.as_str()).collect(),
        }
    }

    /// Calls `each` with every value an item has for this facet.
    fn for_each_value<'a>(self, item: &'a NewsItem, mut each: impl FnMut(&'a str)) {
        let values: &[String] = match self {
            Facet::Type => return each(item.kind.id()),
            Facet::Topic => &item.topics,
            Facet::Audience => &item.audiences,
            Facet::Section => &item.sections,
        };
        values.iter().for_each(|value| each(value));
    }

    /// A value's name for people, in `lang` where the content has it.
    pub fn value_label(self, content: &Content, lang: Lang, value: &str) -> String {
        let name = match self {
            Facet::Type => {
                let kind =
                    if value == NewsType::PressRelease.id() { NewsType::PressRelease } else { NewsType::NewsItem };
                return kind.name_in(lang).to_owned();
            }
            Facet::Topic => content.topic(value).map(|t| &t.name),
            Facet::Audience => content.audience(value).map(|t| &t.name),
            Facet::Section => content.section(value).map(|s| &s.title),
        };
        name.map_or_else(|| value.to_owned(), |name| name.text(lang).to_owned())
    }

    pub(super) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Most options a facet can have: each is one bit of a `u64` (the content's checks enforce it).
pub use crate::content::consistency::MAX_OPTIONS;

/// A news item's facet values as bit sets over each facet's options, and its date, for filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FilterBits {
    /// Indexed by `Facet as usize`; bit `i` is the facet's `i`-th option.
    pub values: [u64; 4],
    pub published: Date,
}

impl FilterBits {
    /// The filter bits of the news items in `items`, in content order.
    pub(crate) fn of_news(content: &Content, items: std::ops::Range<usize>) -> impl Iterator<Item = FilterBits> + '_ {
        let options = Facet::ALL.map(|facet| facet.options(content));
        content.news[items].iter().map(move |item| {
            let mut values = [0u64; 4];
            for facet in Facet::ALL {
                facet.for_each_value(item, |value| {
                    if let Some(bit) = options[facet as usize].iter().position(|option| *option == value) {
                        values[facet as usize] |= 1 << bit;
                    }
                });
            }
            FilterBits { values, published: item.published }
        })
    }
}
