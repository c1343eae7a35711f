//! Rich text in content.json: blocks of headings, paragraphs and lists whose text may hold links written
//! `[link text](address)`. It is parsed into plain data, so the views build DOM nodes from it and never
//! inject HTML: a `<script>` in content.json is shown as the characters `<script>`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One block of a body: a heading, a paragraph or a bulleted list, chosen by "type".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Block {
    /// A subheading: { "type": "heading", "text": "…" }. Plain text, no links.
    Heading {
        /// The words of the subheading.
        text: String,
    },
    /// A paragraph: { "type": "paragraph", "text": "…" }.
    Paragraph {
        /// The paragraph's text; links are written `[link text](address)`.
        text: RichText,
    },
    /// A bulleted list: { "type": "list", "items": ["…", "…"] }.
    List {
        /// One text per bullet; links are written `[link text](address)`.
        items: Vec<RichText>,
    },
}

/// A run of text with links in it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RichText {
    pub inlines: Vec<Inline>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Link { text: String, href: String },
}

impl RichText {
    /// Splits `text` into plain runs and `[text](address)` links. Brackets that do not form a whole
    /// link stay as they are.
    pub fn parse(source: &str) -> RichText {
        // Most texts are one run without links: room for one, not the four a first push makes.
        let mut inlines = Vec::with_capacity(1);
        let mut plain = String::new();
        let mut rest = source;
        while let Some(open) = rest.find('[') {
            let after_open = &rest[open + 1..];
            let link = after_open.find("](").and_then(|close| {
                let text = &after_open[..close];
                let after_text = &after_open[close + 2..];
                let end = after_text.find(')')?;
                let href = &after_text[..end];
                let well_formed =
                    !text.is_empty() && !text.contains('[') && !href.is_empty() && !href.contains(char::is_whitespace);
                well_formed.then(|| (text, href, open + 1 + close + 2 + end + 1))
            });
            match link {
                Some((text, href, consumed)) => {
                    plain.push_str(&rest[..open]);
                    if !plain.is_empty() {
                        inlines.push(Inline::Text(std::mem::take(&mut plain)));
                    }
                    inlines.push(Inline::Link { text: text.to_owned(), href: href.to_owned() });
                    rest = &rest[consumed..];
                }
                None => {
                    plain.push_str(&rest[..=open]);
                    rest = after_open;
                }
            }
        }
        plain.push_str(rest);
        if !plain.is_empty() {
            inlines.push(Inline::Text(plain));
        }
        inlines.shrink_to_fit();
        RichText { inlines }
    }

    /// The text a reader sees, links reduced to their words: for search and snippets.
    pub fn plain_text(&self) -> String {
        self.plain_text_as(PlainText::Words)
    }

    pub fn plain_text_as(&self, style: PlainText) -> String {
        let with_address = |href: &str| {
            style == PlainText::Feed && matches!(LinkTarget::of(href), LinkTarget::External | LinkTarget::Email)
        };
        self.inlines
            .iter()
            .map(|inline| match inline {
                Inline::Link { text, href } if with_address(href) => format!("{text} ({href})"),
                Inline::Text(text) | Inline::Link { text, .. } => text.clone(),
            })
            .collect()
    }

    /// Writes the text back in content.json's notation.
    pub fn to_source(&self) -> String {
        self.inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text(text) => text.clone(),
                Inline::Link { text, href } => format!("[{text}]({href})"),
            })
            .collect()
    }

    pub fn links(&self) -> impl Iterator<Item = &str> {
        self.inlines.iter().filter_map(|inline| match inline {
            Inline::Link { href, .. } => Some(href.as_str()),
            Inline::Text(_) => None,
        })
    }
}

/// How a body reads as plain text: the one rendering of rich text without markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlainText {
    /// Links reduced to their words, blocks run together: for search and snippets.
    Words,
    /// For a feed reader, which cannot follow `#/…`: blocks apart by a blank line, list items as
    /// bullets, and a link's address after its words where it leads outside the portal.
    Feed,
}

/// A whole body as plain text in `style`.
pub fn body_plain_text(blocks: &[Block], style: PlainText) -> String {
    let separator = match style {
        PlainText::Words => " ",
        PlainText::Feed => "\n\n",
    };
    blocks.iter().map(|block| block.plain_text_as(style)).collect::<Vec<_>>().join(separator)
}

impl Block {
    /// Calls `each` with every run of visible text, without building a string: for indexing.
    pub fn for_each_text<'a>(&'a self, mut each: impl FnMut(&'a str)) {
        let mut inlines = |text: &'a RichText| {
            for inline in &text.inlines {
                match inline {
                    Inline::Text(text) | Inline::Link { text, .. } => each(text),
                }
            }
        };
        match self {
            Block::Heading { text } => each(text),
            Block::Paragraph { text } => inlines(text),
            Block::List { items } => items.iter().for_each(inlines),
        }
    }

    pub fn plain_text(&self) -> String {
        self.plain_text_as(PlainText::Words)
    }

    /// The block as plain text, list items a line each (bulleted for a feed reader).
    pub fn plain_text_as(&self, style: PlainText) -> String {
        let item = |item: &RichText| match style {
            PlainText::Words => item.plain_text_as(style),
            PlainText::Feed => format!("• {}", item.plain_text_as(style)),
        };
        match self {
            Block::Heading { text } => text.clone(),
            Block::Paragraph { text } => text.plain_text_as(style),
            Block::List { items } => items.iter().map(item).collect::<Vec<_>>().join("\n"),
        }
    }

    pub fn links(&self) -> Vec<&str> {
        match self {
            Block::Heading { .. } => Vec::new(),
            Block::Paragraph { text } => text.links().collect(),
            Block::List { items } => items.iter().flat_map(RichText::links).collect(),
        }
    }
}

/// Read by hand rather than derived: serde's derive for a tagged enum first copies each block into its
/// own generic buffer, 3 KB of brotli in the wasm (BENCHMARKS.md, "Size budget"). The fields are read
/// once, in any order, with serde's own messages for what is wrong.
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

/// A block's "type", read on its own so that an unknown one is named where it stands.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum BlockType {
    Heading,
    Paragraph,
    List,
}

impl<'de> serde::de::Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a block: a heading, a paragraph or a list")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        use serde::de::Error;
        let (mut kind, mut text, mut items, mut unknown) =
            (None::<BlockType>, None::<String>, None::<Vec<RichText>>, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" if kind.is_some() => return Err(A::Error::duplicate_field("type")),
                "text" if text.is_some() => return Err(A::Error::duplicate_field("text")),
                "items" if items.is_some() => return Err(A::Error::duplicate_field("items")),
                "type" => kind = Some(map.next_value()?),
                "text" => text = Some(map.next_value()?),
                "items" => items = Some(map.next_value()?),
                _ => {
                    unknown.get_or_insert(key);
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        let kind = kind.ok_or_else(|| A::Error::missing_field("type"))?;
        let (fields, stray): (&[&str], _) = match kind {
            BlockType::Heading | BlockType::Paragraph => (&["text"], items.as_ref().map(|_| "items".to_owned())),
            BlockType::List => (&["items"], text.as_ref().map(|_| "text".to_owned())),
        };
        if let Some(field) = unknown.or(stray) {
            return Err(A::Error::unknown_field(&field, fields));
        }
        let text = || text.ok_or_else(|| A::Error::missing_field("text"));
        Ok(match kind {
            BlockType::Heading => Block::Heading { text: text()? },
            BlockType::Paragraph => Block::Paragraph { text: RichText::parse(&text()?) },
            BlockType::List => Block::List { items: items.ok_or_else(|| A::Error::missing_field("items"))? },
        })
    }
}

impl<'de> Deserialize<'de> for RichText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RichTextVisitor;

        impl serde::de::Visitor<'_> for RichTextVisitor {
            type Value = RichText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text in quotes")
            }

            fn visit_str<E: serde::de::Error>(self, source: &str) -> Result<RichText, E> {
                Ok(RichText::parse(source))
            }
        }

        deserializer.deserialize_str(RichTextVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for RichText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RichText".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text that may hold links written [link text](address), where the address starts with https://, http://, mailto: or #/ (a page of the portal). For example: \"See [Finlex](https://www.finlex.fi/).\"",
            "type": "string"
        })
    }
}

impl Serialize for RichText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_source())
    }
}

/// What kind of address a link holds, decided once so views and validation agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// `http://` or `https://`: opens outside the portal.
    External,
    /// `mailto:`.
    Email,
    /// `#/…`: a view of the portal itself.
    InApp,
    /// Anything else (`javascript:`, `data:`, relative paths): never rendered as a link.
    Unsafe,
}

impl LinkTarget {
    pub fn of(href: &str) -> LinkTarget {
        let lower = href.trim_start().to_ascii_lowercase();
        let has_host =
            |prefix: &str| lower.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
        if href.chars().any(|c| c.is_control() || c.is_whitespace()) {
            LinkTarget::Unsafe
        } else if has_host("https://") || has_host("http://") {
            LinkTarget::External
        } else if lower.strip_prefix("mailto:").is_some_and(|rest| rest.contains('@')) {
            LinkTarget::Email
        } else if lower.starts_with("#/") {
            LinkTarget::InApp
        } else {
            LinkTarget::Unsafe
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_read_in_any_order_and_their_faults_named() {
        let read = |json: &str| serde_json::from_str::<Block>(json).map_err(|error| error.to_string());
        assert_eq!(read(r#"{"text": "Otsikko", "type": "heading"}"#), Ok(Block::Heading { text: "Otsikko".into() }));
        assert_eq!(
            read(r#"{"type": "paragraph", "text": "[a](#/fi)"}"#),
            Ok(Block::Paragraph { text: RichText::parse("[a](#/fi)") })
        );
        assert_eq!(read(r#"{"items": ["a"], "type": "list"}"#), Ok(Block::List { items: vec![RichText::parse("a")] }));
        for (json, fault) in [
            (r#"{"type": "table"}"#, "unknown variant `table`"),
            (r#"{"text": "x"}"#, "missing field `type`"),
            (r#"{"type": "heading"}"#, "missing field `text`"),
            (r#"{"type": "list", "text": "x", "items": []}"#, "unknown field `text`, expected `items`"),
            (r#"{"type": "heading", "text": "x", "colour": "red"}"#, "unknown field `colour`, expected `text`"),
            (r#"{"type": "heading", "text": "x", "text": "y"}"#, "duplicate field `text`"),
            (r#"["heading"]"#, "expected a block"),
        ] {
            assert!(read(json).is_err_and(|message| message.contains(fault)), "{json}: {:?}", read(json));
        }
    }

    fn text(value: &str) -> Inline {
        Inline::Text(value.into())
    }

    #[test]
    fn splits_links_from_plain_text() {
        let rich = RichText::parse("See [Finlex](https://www.finlex.fi/) and [news](#/news).");
        assert_eq!(
            rich.inlines,
            vec![
                text("See "),
                Inline::Link { text: "Finlex".into(), href: "https://www.finlex.fi/".into() },
                text(" and "),
                Inline::Link { text: "news".into(), href: "#/news".into() },
                text("."),
            ]
        );
        assert_eq!(rich.plain_text(), "See Finlex and news.");
        assert_eq!(rich.to_source(), "See [Finlex](https://www.finlex.fi/) and [news](#/news).");
    }

    #[test]
    fn leaves_incomplete_brackets_as_text() {
        for source in ["[not a link]", "a [b] (c)", "[x](no end", "[](#/news)", "[x](has space)"] {
            let rich = RichText::parse(source);
            assert_eq!(rich.plain_text(), source, "{source}");
            assert!(rich.links().next().is_none(), "{source}");
        }
        // As in Markdown, a stray bracket before a link stays text and the link still works.
        let nested = RichText::parse("[[x](#/a)");
        assert_eq!(nested.inlines, vec![text("["), Inline::Link { text: "x".into(), href: "#/a".into() }]);
    }

    #[test]
    fn markup_stays_text() {
        let rich = RichText::parse("<img src=x onerror=alert(1)>");
        assert_eq!(rich.inlines, vec![text("<img src=x onerror=alert(1)>")]);
    }

    #[test]
    fn classifies_link_targets() {
        assert_eq!(LinkTarget::of("https://kotoutuminen.fi/en"), LinkTarget::External);
        assert_eq!(LinkTarget::of("http://example.org"), LinkTarget::External);
        assert_eq!(LinkTarget::of("mailto:kirjaamo@example.fi"), LinkTarget::Email);
        assert_eq!(LinkTarget::of("#/news/some-item"), LinkTarget::InApp);
        for unsafe_href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "//evil.example",
            "https:///path",
            "/absolute/path",
            "relative.html",
            "vbscript:x",
            "https://exa mple.org",
            "java\tscript:alert(1)",
            "mailto:",
        ] {
            assert_eq!(LinkTarget::of(unsafe_href), LinkTarget::Unsafe, "{unsafe_href}");
        }
    }
}
