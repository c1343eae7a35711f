//! Reading content.json into the model, with messages that name what does not fit and where; what
//! serde cannot check is in [`super::consistency`].

use super::consistency::Problem;
use super::locate::{byte_offset, path_at, serde_json_position, top_level_member, Position};
use super::model::{Content, FORMAT_VERSION};
use crate::edit_distance::edit_distance;
use std::fmt;

/// Why a content.json could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ContentError {
    /// The text is not JSON at all.
    NotJson { line: usize, column: usize, message: String },
    /// JSON, but `format_version` is missing or names a format this build does not read.
    UnsupportedVersion { found: Option<String> },
    /// JSON of the wrong shape: a missing field, a wrong type, an unknown field, a bad date.
    WrongShape { path: String, line: usize, column: usize, message: String },
    /// Well-formed, but inconsistent: every problem found.
    Invalid { problems: Vec<Problem> },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::NotJson { line, column, message } => {
                write!(f, "content.json is not valid JSON at line {line}, column {column}: {message}")
            }
            ContentError::UnsupportedVersion { found: None } => {
                write!(f, "content.json has no format_version; this portal reads format_version {FORMAT_VERSION}")
            }
            ContentError::UnsupportedVersion { found: Some(found) } => {
                write!(f, "content.json has format_version {found}; this portal reads format_version {FORMAT_VERSION}")
            }
            ContentError::WrongShape { path, line, column, message } => {
                write!(
                    f,
                    "content.json does not fit the content model at {path} (line {line}, column {column}): {message}"
                )
            }
            ContentError::Invalid { problems } => {
                write!(f, "content.json has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ContentError {}

/// Parses and validates content.json text. On success the news are ordered newest first.
pub fn parse_content(text: &str) -> Result<Content, ContentError> {
    checked(deserialize(text)?)
}

/// The text read into the model, or what in it does not fit.
pub(super) fn deserialize(text: &str) -> Result<Content, ContentError> {
    // serde would read a struct from an array too; content.json is always an object.
    let trimmed = text.trim_start();
    if !trimmed.is_empty() && !trimmed.starts_with('{') {
        let leading = &text[..text.len() - trimmed.len()];
        let line_start = leading.rfind('\n').map_or(0, |i| i + 1);
        return Err(ContentError::WrongShape {
            path: "(top level)".into(),
            line: 1 + leading.matches('\n').count(),
            column: leading.len() - line_start + 1,
            message: "content.json must be one JSON object, { … }".into(),
        });
    }
    match serde_json::from_slice(text.as_bytes()) {
        Ok(content) => Ok(content),
        Err(error) if error.classify() == serde_json::error::Category::Data => {
            // serde stops at the first field that does not fit, which may come before a syntax error
            // further on; broken JSON is the first thing to fix, so it is named first.
            if let Err(syntax) = serde_json::from_slice::<serde::de::IgnoredAny>(text.as_bytes()) {
                return Err(from_serde(text, syntax));
            }
            // A future format is named as such rather than failing on whichever field changed.
            Err(match top_level_member(text, "format_version") {
                Some(version) if version == FORMAT_VERSION.to_string() => from_serde(text, error),
                found => ContentError::UnsupportedVersion { found: found.map(str::to_owned) },
            })
        }
        Err(error) => Err(from_serde(text, error)),
    }
}

/// What serde cannot check: the format version and the content's consistency. News in date order.
pub(super) fn checked(content: Content) -> Result<Content, ContentError> {
    Checking::new(content)?.finish()
}

/// [`checked`] a few news items at a time, for a caller that lets the page do other work between them.
pub struct Checking {
    content: Content,
    // Repaired in place rather than a copy checked: a content without problems is left as it was, and
    // a copy of a large archive would double the memory the page keeps for good.
    repairing: super::consistency::Repairing,
}

impl Checking {
    /// The content's format version checked, its site and sections; the news are next.
    pub(super) fn new(mut content: Content) -> Result<Checking, ContentError> {
        if content.format_version != FORMAT_VERSION {
            return Err(ContentError::UnsupportedVersion { found: Some(content.format_version.to_string()) });
        }
        let repairing = super::consistency::Repairing::start(&mut content);
        Ok(Checking { content, repairing })
    }

    /// Checks up to `count` more news items; true once every one is checked.
    pub fn check_some(&mut self, count: usize) -> bool {
        self.repairing.repair_some(&mut self.content, count)
    }

    /// The content, once [`Checking::check_some`] has checked every item, or every problem found.
    pub fn finish(self) -> Result<Content, ContentError> {
        let Checking { mut content, mut repairing } = self;
        while !repairing.repair_some(&mut content, usize::MAX) {}
        let problems = repairing.finish(&mut content);
        if !problems.is_empty() {
            return Err(ContentError::Invalid { problems });
        }
        newest_first(&mut content);
        Ok(content)
    }
}

/// The news in date order, newest first. Stable: items of one day keep the order the editor gave them.
pub(super) fn newest_first(content: &mut Content) {
    let news = &content.news;
    let order = crate::stable_sort::highest_first(news.len(), &|i| news[i].published.ordinal());
    crate::stable_sort::rearrange(&mut content.news, order);
}

pub(super) fn from_serde(text: &str, error: serde_json::Error) -> ContentError {
    // serde_json counts columns in bytes; editors, and every other position reported, in characters.
    let Position { line, column } = serde_json_position(text, error.line(), error.column());
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = error.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    let message = if error.classify() == serde_json::error::Category::Data { explain(message) } else { message.into() };
    match error.classify() {
        serde_json::error::Category::Data => ContentError::WrongShape {
            path: match path_at(text, byte_offset(text, error.line(), error.column())) {
                path if path.is_empty() => "(top level)".into(),
                path => path,
            },
            line,
            column,
            message,
        },
        _ => ContentError::NotJson { line, column, message },
    }
}

/// serde's message for a value that does not fit the model, in words an editor knows: "the number 5"
/// rather than "integer `5`", "a list [ … ]" rather than "a sequence", and for a misspelt name the
/// closest right one. serde's opening words ("invalid type", "unknown field `x`") are kept.
pub fn explain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = match expected {
            "a sequence" => "a list [ … ]".to_owned(),
            "a map" => "an object { … }".to_owned(),
            "a string" => "a text in quotes".to_owned(),
            "u32" | "u64" | "usize" => "a whole number".to_owned(),
            _ if expected.starts_with("struct ") || expected.starts_with("internally tagged enum") => {
                "an object { … }".to_owned()
            }
            _ => expected.to_owned(),
        };
        return format!("invalid type: {}, expected {expected}", describe_found(found));
    }
    for (prefix, kind) in [("unknown field `", "field"), ("unknown variant `", "type")] {
        let Some(rest) = message.strip_prefix(prefix) else { continue };
        let Some((wrong, rest)) = rest.split_once('`') else { continue };
        let candidates: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let closest = candidates
            .iter()
            .filter_map(|candidate| {
                let budget = 1.max(candidate.len() / 3);
                Some((edit_distance(wrong.to_lowercase().as_bytes(), candidate.as_bytes(), budget)?, *candidate))
            })
            .min();
        let mut explained = message.to_owned();
        if kind == "field" && candidates.is_empty() {
            explained.push_str(" (this object takes no further fields)");
        }
        if let Some((_, candidate)) = closest {
            explained.push_str(&format!("; did you mean `{candidate}`?"));
        }
        return explained;
    }
    message.to_owned()
}

/// serde's words for the value it found, as an editor would say them.
fn describe_found(found: &str) -> String {
    let between_backticks = |text: &str| text.split('`').nth(1).unwrap_or_default().to_owned();
    match found {
        "map" => "an object { … }".into(),
        "sequence" => "a list [ … ]".into(),
        "unit value" | "null" => "null".into(),
        _ if found.starts_with("integer `") || found.starts_with("floating point `") => {
            format!("the number {}", between_backticks(found))
        }
        _ if found.starts_with("boolean `") => between_backticks(found),
        _ if found.starts_with("string ") => format!("the text {}", &found["string ".len()..]),
        _ => found.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_serde_messages_in_plain_words() {
        assert_eq!(
            explain("invalid type: integer `20241022`, expected a date in quotes, \"YYYY-MM-DD\""),
            "invalid type: the number 20241022, expected a date in quotes, \"YYYY-MM-DD\""
        );
        assert_eq!(
            explain("invalid type: map, expected a sequence"),
            "invalid type: an object { … }, expected a list [ … ]"
        );
        assert_eq!(
            explain("invalid type: string \"x\", expected struct Site"),
            "invalid type: the text \"x\", expected an object { … }"
        );
        assert_eq!(
            explain("invalid type: boolean `true`, expected u32"),
            "invalid type: true, expected a whole number"
        );
        assert_eq!(explain("missing field `source`"), "missing field `source`");
    }

    #[test]
    fn suggests_the_field_or_type_meant() {
        assert_eq!(
            explain("unknown field `sumary`, expected one of `slug`, `summary`, `source`"),
            "unknown field `sumary`, expected one of `slug`, `summary`, `source`; did you mean `summary`?"
        );
        assert_eq!(
            explain("unknown variant `press_release`, expected `news-item` or `press-release`"),
            "unknown variant `press_release`, expected `news-item` or `press-release`; did you mean `press-release`?"
        );
        assert_eq!(
            explain("unknown field `de`, expected one of `fi`, `sv`, `en`"),
            "unknown field `de`, expected one of `fi`, `sv`, `en`"
        );
        assert_eq!(
            explain("unknown field `Title`, expected `title`"),
            "unknown field `Title`, expected `title`; did you mean `title`?"
        );
    }
}
