//! The news as Atom feeds (RFC 4287), one per language, for officials who follow news in Outlook or
//! another feed reader. Written by hand: the XML is small and fixed, and escaping is all it needs.
//!
//! The portal's address is not known when it is built (admins copy the folder anywhere), so links are
//! relative to the feed, `index.html#/sv/news/<slug>`, which a feed reader resolves against the address
//! it fetched the feed from: the feeds sit beside `index.html`. Given the address, links are absolute.
//! Each feed links to the portal in its own language, whatever the reader's browser prefers.

use crate::content::markup::push_escaped;
use crate::content::model::{Content, NewsItem};
use crate::content::rich_text::{body_plain_text, LinkTarget, PlainText};
use crate::content::Date;
use crate::i18n::Lang;
use crate::route::Route;
use std::fmt::Write;

/// The file name of a language's feed, beside `index.html`: `news.fi.atom`.
pub fn feed_file_name(lang: Lang) -> String {
    format!("news.{}.atom", lang.code())
}

/// The Atom feed of `content`'s news in `lang`, in the order of `content.news` (newest first, as
/// [`crate::content::parse_content`] leaves it). `base_url` is the portal's folder address ending in `/`, or
/// empty for links relative to the feed.
pub fn atom_feed(content: &Content, lang: Lang, base_url: &str) -> String {
    let site_title = content.site.title.get(lang);
    let newest =
        content.news.iter().map(|item| item.published).max().or(content.sections.iter().map(|s| s.updated).max());
    let mut xml = String::new();
    let out = &mut xml;
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">", lang.code());
    if let Some(title) = site_title {
        text_element(out, 1, "title", title.value, title.lang, lang);
    }
    if let Some(introduction) = content.site.introduction.get(lang) {
        text_element(out, 1, "subtitle", introduction.value, introduction.lang, lang);
    }
    let _ = writeln!(out, "  <id>{}</id>", feed_id(lang));
    let _ = writeln!(out, "  <updated>{}</updated>", timestamp(newest));
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&format!("{base_url}{}", feed_file_name(lang)))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&portal_url(base_url, &Route::news(), lang))
    );
    // Atom needs an author for every entry; the portal's name stands for its editors.
    if let Some(title) = site_title {
        let _ = writeln!(out, "  <author><name>{}</name></author>", escape(title.value));
    }
    let _ = writeln!(out, "  <generator>integration-portal content-check</generator>");
    for item in &content.news {
        entry(out, content, item, lang, base_url);
    }
    out.push_str("</feed>\n");
    xml
}

/// A view's address in the portal, in `lang`: relative to the feed unless the portal's address is given.
fn portal_url(base_url: &str, route: &Route, lang: Lang) -> String {
    format!("{base_url}index.html{}", route.href_in(lang))
}

/// What a feed reader lists of an entry: its title (in the feed's language or the one it falls back
/// to), its date and its link. The editors' page shows these for a checked file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FeedEntry {
    pub title: String,
    pub title_lang: Lang,
    pub published: Date,
    pub link: String,
}

/// The entries of `lang`'s feed, in its order (newest first); links as [`atom_feed`] writes them.
pub fn feed_entries(content: &Content, lang: Lang, base_url: &str) -> Vec<FeedEntry> {
    content.news.iter().map(|item| feed_entry(item, lang, base_url)).collect()
}

fn feed_entry(item: &NewsItem, lang: Lang, base_url: &str) -> FeedEntry {
    let title = item.title.get(lang);
    FeedEntry {
        title: title.map_or_else(String::new, |title| title.value.to_owned()),
        title_lang: title.map_or(lang, |title| title.lang),
        published: item.published,
        link: portal_url(base_url, &Route::NewsItem(item.slug.clone()), lang),
    }
}

fn entry(out: &mut String, content: &Content, item: &NewsItem, lang: Lang, base_url: &str) {
    let listed = feed_entry(item, lang, base_url);
    let entry_lang = listed.title_lang;
    let _ = writeln!(out, "  <entry xml:lang=\"{}\">", entry_lang.code());
    if item.title.get(lang).is_some() {
        text_element(out, 2, "title", &listed.title, listed.title_lang, entry_lang);
    }
    let _ = writeln!(out, "    <id>{}</id>", entry_id(lang, &item.slug));
    let _ = writeln!(out, "    <published>{}</published>", timestamp(Some(item.published)));
    let _ = writeln!(out, "    <updated>{}</updated>", timestamp(Some(item.published)));
    let _ = writeln!(out, "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape(&listed.link));
    if LinkTarget::of(&item.source) == LinkTarget::External {
        let _ = writeln!(out, "    <link rel=\"via\" href=\"{}\"/>", escape(&item.source));
    }
    let kind = item.kind;
    let _ = writeln!(out, "    <category term=\"{}\" label=\"{}\"/>", kind.id(), escape(kind.name_in(lang)));
    let topics = item.topics.iter().map(|id| (id, content.topic(id)));
    let audiences = item.audiences.iter().map(|id| (id, content.audience(id)));
    for (id, term) in topics.chain(audiences) {
        let label = term.map_or(id.as_str(), |term| term.name.text(lang));
        let _ = writeln!(out, "    <category term=\"{}\" label=\"{}\"/>", escape(id), escape(label));
    }
    if let Some(summary) = item.summary.get(lang) {
        text_element(out, 2, "summary", summary.value, summary.lang, entry_lang);
    }
    if let Some(body) = item.body.get(lang) {
        text_element(out, 2, "content", &body_plain_text(body.value, PlainText::Feed), body.lang, entry_lang);
    }
    out.push_str("  </entry>\n");
}

/// `<name type="text">…</name>`, with its own `xml:lang` when it fell back to another language than
/// its parent's.
fn text_element(out: &mut String, depth: usize, name: &str, text: &str, text_lang: Lang, parent_lang: Lang) {
    let indent = "  ".repeat(depth);
    let lang_attribute =
        if text_lang == parent_lang { String::new() } else { format!(" xml:lang=\"{}\"", text_lang.code()) };
    let _ = writeln!(out, "{indent}<{name} type=\"text\"{lang_attribute}>{}</{name}>", escape(text));
}

/// A date as an RFC 3339 timestamp at midnight UTC, which is early morning of the same day in Finland.
fn timestamp(date: Option<Date>) -> String {
    let date = date.unwrap_or(Date { year: 1970, month: 1, day: 1 });
    format!("{}T00:00:00Z", date.to_iso())
}

/// The permanent id of a language's feed.
pub fn feed_id(lang: Lang) -> String {
    uuid_urn(&format!("integration-portal feed news {}", lang.code()))
}

/// The permanent id of an item in a language's feed: it depends on the slug only, so editing an item
/// keeps its id and a reader shows it as updated, not new. (Changing the slug makes it a new item.)
pub fn entry_id(lang: Lang, slug: &str) -> String {
    uuid_urn(&format!("integration-portal news {} {slug}", lang.code()))
}

/// A `urn:uuid:` of RFC 9562's version 8 (custom), from the 128-bit FNV-1a hash of `name`: stable across
/// builds and machines, needing neither the portal's address nor a hash dependency.
fn uuid_urn(name: &str) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013b;
    let mut hash = OFFSET;
    for byte in name.bytes() {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    // Version 8 in bits 48-51, variant 0b10 in bits 64-65 (counting from the most significant).
    let hash = (hash & !(0xF << 76) & !(0b11 << 62)) | (0x8 << 76) | (0b10 << 62);
    let hex = format!("{hash:032x}");
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Text for XML character data and attribute values. Characters XML 1.0 forbids (most control
/// characters) are dropped: a feed with one is refused whole by readers.
pub fn escape(text: &str) -> String {
    let forbidden = |c: char| !matches!(c, '\t' | '\n' | '\r') && (c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}');
    let allowed: String = text.chars().filter(|&c| !forbidden(c)).collect();
    let mut escaped = String::with_capacity(allowed.len());
    push_escaped(&mut escaped, &allowed);
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Block, RichText};

    #[test]
    fn escapes_markup_and_drops_characters_xml_forbids() {
        assert_eq!(escape("<b>\"Tom\" & 'Jerry'</b>"), "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;");
        assert_eq!(escape("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
        assert_eq!(escape("Ääkköset 😀"), "Ääkköset 😀");
    }

    #[test]
    fn ids_are_stable_uuids_that_differ_by_language_and_slug() {
        let id = entry_id(Lang::Fi, "some-item");
        assert_eq!(id, entry_id(Lang::Fi, "some-item"));
        assert_ne!(id, entry_id(Lang::Sv, "some-item"));
        assert_ne!(id, entry_id(Lang::Fi, "some-other-item"));
        assert_ne!(feed_id(Lang::Fi), feed_id(Lang::En));
        let uuid = id.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<_> = uuid.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert!(uuid.chars().all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(&uuid[14..15], "8", "version 8");
        assert!("89ab".contains(&uuid[19..20]), "RFC 9562 variant");
        // Pinned: a change here would make every reader show every item as new.
        assert_eq!(id, "urn:uuid:c762637c-ce4b-8f91-bfdb-76a564ee7266");
    }

    #[test]
    fn plain_text_keeps_addresses_a_reader_can_open() {
        let blocks = vec![
            Block::Heading { text: "Act".into() },
            Block::Paragraph { text: RichText::parse("See [Finlex](https://www.finlex.fi/) and [news](#/news).") },
            Block::List { items: vec![RichText::parse("one"), RichText::parse("[mail](mailto:a@b.fi)")] },
        ];
        assert_eq!(
            body_plain_text(&blocks, PlainText::Feed),
            "Act\n\nSee Finlex (https://www.finlex.fi/) and news.\n\n• one\n• mail (mailto:a@b.fi)"
        );
    }

    #[test]
    fn timestamps_are_rfc_3339() {
        assert_eq!(timestamp(Some(Date { year: 2024, month: 12, day: 6 })), "2024-12-06T00:00:00Z");
    }
}
