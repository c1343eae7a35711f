//! Reading a content.json that has faults, for the running portal: everything that fits the model is
//! shown, and each problem is named for the administrator. One typo in a file already on the server
//! must not take the portal down. The build and `content-check` stay strict ([`super::parse_content`]),
//! so a broken file is still never deployed by the build.

use super::consistency::repair;
use super::consistency::Problem;
use super::model::{AccessibilityStatement, Content, Localized, Site, FORMAT_VERSION};
use super::rich_text::Block;
use super::validate::{from_serde, newest_first, parse_content, ContentError};
use crate::i18n::Lang;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Content to show, and what in the file was left out or mended to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Salvaged {
    pub content: Content,
    pub problems: Vec<Problem>,
}

/// The content of `text` with every item, term and block that fits the model; each one that does not
/// is left out and named with its path in the file. An error only for a file that cannot be used at
/// all: not JSON, not an object, a wrong or missing `format_version`, or no section that reads.
pub fn salvage_content(text: &str) -> Result<Salvaged, ContentError> {
    let strict = match parse_content(text) {
        Ok(content) => return Ok(Salvaged { content, problems: Vec::new() }),
        Err(error @ (ContentError::NotJson { .. } | ContentError::UnsupportedVersion { .. })) => return Err(error),
        Err(error) => error,
    };
    let Ok(Value::Object(top)) = serde_json::from_str::<Value>(text) else { return Err(strict) };
    let mut reader = Reader::default();
    let Some(mut content) = reader.content(top) else { return Err(strict) };
    let mended = repair(&mut content);
    let Reader { mut problems, origins } = reader;
    problems.extend(mended.into_iter().map(|problem| Problem { path: origins.in_file(&problem.path), ..problem }));
    newest_first(&mut content);
    Ok(Salvaged { content, problems })
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    origins: Origins,
}

/// For each list something was left out of, by its path in the file: where each element kept stands
/// in the file. Paths that the checks give in terms of what was kept are turned back with it.
#[derive(Default)]
struct Origins(HashMap<String, Vec<usize>>);

impl Origins {
    fn in_file(&self, path: &str) -> String {
        let mut in_file = String::new();
        let mut rest = path;
        while let Some((before, after)) = rest.split_once('[') {
            in_file.push_str(before);
            let Some((index, after)) = after.split_once(']') else {
                rest = after;
                in_file.push('[');
                break;
            };
            let origin = index.parse::<usize>().ok().and_then(|i| self.0.get(&in_file)?.get(i).copied());
            in_file.push_str(&origin.map_or_else(|| format!("[{index}]"), |origin| format!("[{origin}]")));
            rest = after;
        }
        in_file.push_str(rest);
        in_file
    }
}

impl Reader {
    fn report(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    /// `value` as a `T`, or `None` with the problem named at its place inside `value`.
    fn read<T: DeserializeOwned>(&mut self, value: Value, path: &str) -> Option<T> {
        // From text, so serde gives a position, and the position a path.
        let text = value.to_string();
        let error = match serde_json::from_str(&text) {
            Ok(read) => return Some(read),
            Err(error) => error,
        };
        match from_serde(&text, error) {
            ContentError::WrongShape { path: inner, message, .. } => self.report(joined(path, &inner), message),
            other => self.report(path.to_owned(), other.to_string()),
        }
        None
    }

    /// A member the model requires, or `None` with its absence named.
    fn required(&mut self, object: &mut Map<String, Value>, key: &str, path: &str) -> Option<Value> {
        let value = object.remove(key);
        if value.is_none() {
            self.report(path.to_owned(), format!("missing field `{key}`"));
        }
        value
    }

    /// Members the model does not have are named; the rest of the object still counts.
    fn unknown(&mut self, object: Map<String, Value>, path: &str) {
        for key in object.keys() {
            self.report(joined(path, key), format!("unknown field `{key}`; it is left out"));
        }
    }

    /// The elements of a list that read, in order.
    fn list<T>(&mut self, value: Value, path: &str, read: impl Fn(&mut Self, Value, &str) -> Option<T>) -> Vec<T> {
        let Value::Array(elements) = value else {
            self.read::<Vec<Value>>(value, path);
            return Vec::new();
        };
        let length = elements.len();
        let mut kept = Vec::new();
        let mut origin = Vec::new();
        for (i, element) in elements.into_iter().enumerate() {
            if let Some(element) = read(self, element, &format!("{path}[{i}]")) {
                kept.push(element);
                origin.push(i);
            }
        }
        if origin.len() < length {
            self.origins.0.insert(path.to_owned(), origin);
        }
        kept
    }

    fn content(&mut self, mut top: Map<String, Value>) -> Option<Content> {
        let schema = top.remove("$schema").and_then(|value| self.read(value, "$schema"));
        let format_version = self.read(top.remove("format_version")?, "format_version")?;
        let site = self.site(top.remove("site"));
        let sections = top.remove("sections")?;
        let listed = sections.as_array()?.len();
        let sections = self.list(sections, "sections", |reader, value, path| reader.with_body(value, path));
        if sections.is_empty() && listed > 0 {
            return None;
        }
        let news = match self.required(&mut top, "news", "(top level)") {
            Some(news) => self.list(news, "news", |reader, value, path| reader.with_body(value, path)),
            None => Vec::new(),
        };
        self.unknown(top, "");
        debug_assert_eq!(format_version, FORMAT_VERSION, "parse_content refuses other versions");
        Some(Content { schema, format_version, site, sections, news })
    }

    fn site(&mut self, value: Option<Value>) -> Site {
        let mut site = match value {
            Some(Value::Object(site)) => site,
            Some(other) => {
                self.read::<Map<String, Value>>(other, "site");
                Map::new()
            }
            None => {
                self.report("(top level)".into(), "missing field `site`".into());
                Map::new()
            }
        };
        let mut text = |reader: &mut Self, key: &str| {
            let path = format!("site.{key}");
            reader.required(&mut site, key, "site").and_then(|value| reader.read(value, &path)).unwrap_or_else(nothing)
        };
        let title = text(self, "title");
        let introduction = text(self, "introduction");
        let mut terms = |reader: &mut Self, key: &str| match reader.required(&mut site, key, "site") {
            Some(terms) => reader.list(terms, &format!("site.{key}"), |reader, value, path| reader.read(value, path)),
            None => Vec::new(),
        };
        let audiences = terms(self, "audiences");
        let topics = terms(self, "topics");
        let accessibility = site.remove("accessibility").and_then(|value| self.statement(value));
        self.unknown(site, "site");
        Site { title, introduction, audiences, topics, accessibility }
    }

    fn statement(&mut self, value: Value) -> Option<AccessibilityStatement> {
        self.with_body(value, "site.accessibility")
    }

    /// A section, news item or statement: its body is read a block at a time, so one block that does not
    /// fit leaves out only itself.
    fn with_body<T: DeserializeOwned + HasBody>(&mut self, value: Value, path: &str) -> Option<T> {
        let Value::Object(mut object) = value else { return self.read(value, path) };
        let body = object.insert("body".into(), Value::Object(Map::new()));
        let mut read: T = self.read(Value::Object(object), path)?;
        let body_path = format!("{path}.body");
        *read.body_mut() = match body {
            Some(body) => self.body(body, &body_path),
            None => {
                self.report(path.to_owned(), "missing field `body`".into());
                nothing()
            }
        };
        Some(read)
    }

    fn body(&mut self, value: Value, path: &str) -> Localized<Vec<Block>> {
        let mut body = nothing();
        let Value::Object(languages) = value else {
            self.read::<Localized<Vec<Block>>>(value, path);
            return body;
        };
        for (code, blocks) in languages {
            let Some(lang) = Lang::ALL.into_iter().find(|lang| lang.code() == code) else {
                self.report(joined(path, &code), format!("unknown field `{code}`, expected one of `fi`, `sv`, `en`"));
                continue;
            };
            let listed = blocks.as_array().map(Vec::len);
            let lang_path = joined(path, &code);
            let blocks = self.list(blocks, &lang_path, |reader, value, path| reader.read::<Block>(value, path));
            // A language of which no block reads counts as missing, so another is shown instead.
            if !blocks.is_empty() || listed == Some(0) {
                *body.slot(lang) = Some(blocks);
            }
        }
        body
    }
}

/// Types whose body [`Reader::with_body`] reads on its own.
trait HasBody {
    fn body_mut(&mut self) -> &mut Localized<Vec<Block>>;
}

impl HasBody for super::Section {
    fn body_mut(&mut self) -> &mut Localized<Vec<Block>> {
        &mut self.body
    }
}

impl HasBody for super::NewsItem {
    fn body_mut(&mut self) -> &mut Localized<Vec<Block>> {
        &mut self.body
    }
}

impl HasBody for AccessibilityStatement {
    fn body_mut(&mut self) -> &mut Localized<Vec<Block>> {
        &mut self.body
    }
}

fn nothing<T>() -> Localized<T> {
    Localized { fi: None, sv: None, en: None }
}

/// `news[3]` and `published` as `news[3].published`; a path inside that is the top level adds nothing.
fn joined(path: &str, inner: &str) -> String {
    match inner {
        "" | "(top level)" => path.to_owned(),
        _ if path.is_empty() || path == "(top level)" => inner.to_owned(),
        _ if inner.starts_with('[') => format!("{path}{inner}"),
        _ => format!("{path}.{inner}"),
    }
}
