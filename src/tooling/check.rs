//! Checking a content.json for its editors: every problem at once, each with its JSON path, line and
//! column, and warnings for missing translations. The `content-check` command prints this report.
//!
//! It is built on the app's own verdict: [`parse_content`] decides whether the file is usable, and the
//! report has no errors exactly when the app would load the file. What it adds is finding *every*
//! problem where the app stops at the first, and positions for all of them.
//!
//! Order of work: a syntax error or an unreadable `format_version` stops everything (one message).
//! Otherwise each part (`site`, every `sections[i]`, every `news[i]`) is read on its own, so each
//! broken element reports its first problem with its full path. Only when every part reads are the
//! cross-checks of [`problems`] run (duplicate slugs, references, links, empty texts): they need the
//! whole file. Warnings for missing translations come with them.

use crate::content::consistency::problems;
use crate::content::locate::{Locator, Position};
use crate::content::model::{Content, Localized, NewsItem, Section, Site};
use crate::content::validate::{explain, parse_content, ContentError};
use crate::i18n::Lang;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt;

/// Whether a diagnostic stops the file from being used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The portal refuses the file.
    Error,
    /// The portal shows the file, but something is probably unintended (a missing translation).
    Warning,
}

/// One finding, at a JSON path (empty for a syntax error) and a line and character column.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `41:20: news[0].published: …`; the command puts the file name and severity in front.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Everything found in one content.json, each list in the order of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// Whether the checks that need the whole file (duplicates, references, links, texts) ran; they
    /// do not while a part of the file cannot be read at all.
    pub cross_checked: bool,
}

/// Where a diagnostic points: at a member's name (an unknown field) or at its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Point {
    Key,
    Value,
}

fn diagnostic(locator: &mut Locator, path: String, message: String, point: Point) -> Diagnostic {
    let position = locator
        .locate(&path)
        .map(|located| match (point, located.key) {
            (Point::Key, Some(key)) if located.exact => key,
            _ => located.value,
        })
        .unwrap_or(Position { line: 1, column: 1 });
    let path = if path.is_empty() || path == "." { "(top level)".to_owned() } else { path };
    Diagnostic { path, line: position.line, column: position.column, message }
}

/// A serde error as a diagnostic: unknown fields point at their name, anything else at the value.
fn shape_diagnostic(locator: &mut Locator, path: String, message: String) -> Diagnostic {
    let point = if message.starts_with("unknown field") { Point::Key } else { Point::Value };
    diagnostic(locator, path, message, point)
}

/// What the app's error says, as a diagnostic: used for the errors that stop everything, and for any
/// the part-by-part reading did not find.
fn from_content_error(locator: &mut Locator, error: &ContentError) -> Diagnostic {
    match error {
        ContentError::NotJson { line, column, message } => Diagnostic {
            path: String::new(),
            line: *line,
            column: *column,
            message: format!("this is not valid JSON here: {message}"),
        },
        ContentError::UnsupportedVersion { found } => {
            let path = if found.is_some() { "format_version" } else { "(top level)" };
            let message = error.to_string().replacen("content.json has", "the file has", 1);
            diagnostic(locator, path.into(), message, Point::Value)
        }
        ContentError::WrongShape { path, line, column, message } => {
            let mut found = shape_diagnostic(locator, path.clone(), message.clone());
            // Only serde_json's own position is right for what `Value` cannot show (a key written
            // twice, text after the end).
            if *line > 0 {
                (found.line, found.column) = (*line, *column);
            }
            found
        }
        ContentError::Invalid { problems } => {
            let problem = problems.first().cloned().unwrap_or_default();
            diagnostic(locator, problem.path, problem.message, Point::Value)
        }
    }
}

/// Checks content.json text: every error and warning, in the order of the file.
pub fn check_content(text: &str) -> Report {
    let verdict = parse_content(text);
    let locator = &mut Locator::new(text);
    let mut report = Report::default();
    match &verdict {
        Err(error @ (ContentError::NotJson { .. } | ContentError::UnsupportedVersion { .. })) => {
            report.errors.push(from_content_error(locator, error));
            return report;
        }
        Err(error @ ContentError::WrongShape { path, .. })
            if path == "(top level)" && !text.trim_start().starts_with('{') =>
        {
            report.errors.push(from_content_error(locator, error));
            return report;
        }
        _ => {}
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(_) => {
            // parse_content read this text as JSON, so this does not happen; say what the app says.
            report.errors.extend(verdict.err().map(|error| from_content_error(locator, &error)));
            return report;
        }
    };

    report.errors = part_errors(locator, &value);
    if report.errors.is_empty() {
        match serde_path_to_error::deserialize::<_, Content>(&value) {
            Ok(content) => {
                report.cross_checked = true;
                report.errors = problems(&content)
                    .into_iter()
                    .map(|problem| diagnostic(locator, problem.path, problem.message, Point::Value))
                    .collect();
                report.warnings = translation_warnings(locator, &content);
                report.warnings.extend(news_first_warning(locator));
            }
            Err(error) => {
                let path = error.path().to_string();
                report.errors.push(shape_diagnostic(locator, path, explain(&error.into_inner().to_string())));
            }
        }
    }
    if report.errors.is_empty() {
        if let Err(error) = &verdict {
            report.errors.push(from_content_error(locator, error));
        }
    }
    report.errors.sort_by_key(|found| (found.line, found.column));
    report.warnings.sort_by_key(|found| (found.line, found.column));
    report
}

const TOP_LEVEL_FIELDS: [&str; 5] = ["$schema", "format_version", "site", "sections", "news"];

/// Reads `site`, every section and every news item on its own; each that does not fit the model
/// gives one error, the first serde meets in it.
fn part_errors(locator: &mut Locator, value: &Value) -> Vec<Diagnostic> {
    let Value::Object(top) = value else {
        return vec![diagnostic(
            locator,
            String::new(),
            "content.json must be one JSON object, { … }".into(),
            Point::Value,
        )];
    };
    let mut errors = Vec::new();
    for key in top.keys().filter(|key| !TOP_LEVEL_FIELDS.contains(&key.as_str())) {
        let expected = TOP_LEVEL_FIELDS.map(|field| format!("`{field}`")).join(", ");
        let message = explain(&format!("unknown field `{key}`, expected one of {expected}"));
        errors.push(diagnostic(locator, key.clone(), message, Point::Key));
    }
    for field in &TOP_LEVEL_FIELDS[1..] {
        if !top.contains_key(*field) {
            errors.push(diagnostic(locator, String::new(), format!("missing field `{field}`"), Point::Value));
        }
    }
    let mut part = |path: String, value: &Value, read: fn(&Value) -> Result<(), (String, String)>| {
        if let Err((inner, message)) = read(value) {
            let path = match inner.as_str() {
                "." => path,
                _ if inner.starts_with('[') => format!("{path}{inner}"),
                _ => format!("{path}.{inner}"),
            };
            errors.push(shape_diagnostic(locator, path, message));
        }
    };
    if let Some(schema) = top.get("$schema") {
        part("$schema".into(), schema, read::<Option<String>>);
    }
    if let Some(site) = top.get("site") {
        part("site".into(), site, read::<Site>);
    }
    for (field, read_one) in [("sections", read::<Section> as fn(&Value) -> _), ("news", read::<NewsItem>)] {
        match top.get(field) {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    part(format!("{field}[{i}]"), item, read_one);
                }
            }
            Some(other) => part(field.into(), other, read::<Vec<Value>>),
            None => {}
        }
    }
    errors
}

/// Reads one part as `T`: on failure, the path inside the part and the explained message.
fn read<T: DeserializeOwned>(value: &Value) -> Result<(), (String, String)> {
    serde_path_to_error::deserialize::<_, T>(value)
        .map(drop)
        .map_err(|error| (error.path().to_string(), explain(&error.inner().to_string())))
}

/// A text that has some of the languages the file uses but not all. A language no text has at all
/// (a translation not yet begun) is one warning for the whole file rather than one per text.
fn translation_warnings(locator: &mut Locator, content: &Content) -> Vec<Diagnostic> {
    let mut texts: Vec<(String, [bool; 3])> = Vec::new();
    let mut add = |path: String, languages: [bool; 3]| texts.push((path, languages));
    fn has<T>(localized: &Localized<T>) -> [bool; 3] {
        Lang::ALL.map(|lang| localized.get_exact(lang).is_some())
    }
    add("site.title".into(), has(&content.site.title));
    add("site.introduction".into(), has(&content.site.introduction));
    for (kind, terms) in [("audiences", &content.site.audiences), ("topics", &content.site.topics)] {
        for (i, term) in terms.iter().enumerate() {
            add(format!("site.{kind}[{i}].name"), has(&term.name));
        }
    }
    for (i, section) in content.sections.iter().enumerate() {
        add(format!("sections[{i}].title"), has(&section.title));
        add(format!("sections[{i}].summary"), has(&section.summary));
        add(format!("sections[{i}].body"), has(&section.body));
        for (j, link) in section.links.iter().enumerate() {
            add(format!("sections[{i}].links[{j}].title"), has(&link.title));
        }
    }
    for (i, item) in content.news.iter().enumerate() {
        add(format!("news[{i}].title"), has(&item.title));
        add(format!("news[{i}].summary"), has(&item.summary));
        add(format!("news[{i}].body"), has(&item.body));
    }

    let used = Lang::ALL.map(|lang| {
        let index = lang_index(lang);
        texts.iter().any(|(_, languages)| languages[index])
    });
    let mut warnings = Vec::new();
    let unused: Vec<String> = Lang::ALL
        .into_iter()
        .filter(|lang| !used[lang_index(*lang)])
        .map(|lang| format!("{} ({})", language_name(lang), lang.code()))
        .collect();
    if !unused.is_empty() {
        let message = format!(
            "no text is in {} yet: readers who choose it see another language, with a notice",
            join_words(&unused, "or")
        );
        warnings.push(Diagnostic { path: String::new(), line: 1, column: 1, message });
    }
    for (path, languages) in texts {
        if !languages.contains(&true) {
            continue; // An error already.
        }
        let missing: Vec<Lang> =
            Lang::ALL.into_iter().filter(|lang| used[lang_index(*lang)] && !languages[lang_index(*lang)]).collect();
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> =
            missing.iter().map(|lang| format!("{} ({})", language_name(*lang), lang.code())).collect();
        let message = format!("missing translation: no {} text", join_words(&names, "and no"));
        warnings.push(diagnostic(locator, path, message, Point::Value));
    }
    warnings
}

/// A file whose `news` comes before `site` or `sections`: a shared link's early paint (first-paint.js)
/// shows the home view and the sections once those parts have arrived, so an archive ahead of them
/// slows every such link (README, "A shared link opens fast").
fn news_first_warning(locator: &mut Locator) -> Option<Diagnostic> {
    let news = member_start(locator, "news")?;
    let after: Vec<String> = ["site", "sections"]
        .into_iter()
        .filter(|member| member_start(locator, member).is_some_and(|start| start > news))
        .map(str::to_owned)
        .collect();
    if after.is_empty() {
        return None;
    }
    let message = format!(
        "news comes before {}: a shared link to the home view or a section waits for the whole news list; \
         move \"news\" to the end of the file",
        join_words(&after, "and")
    );
    Some(Diagnostic { path: "news".to_owned(), line: news.line, column: news.column, message })
}

/// Where the top-level member's name stands.
fn member_start(locator: &mut Locator, member: &str) -> Option<Position> {
    locator.locate(member).and_then(|found| found.key)
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|other| *other == lang).unwrap_or_default()
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => "Finnish",
        Lang::Sv => "Swedish",
        Lang::En => "English",
    }
}

/// "a", "a or b", "a, b or c" (with `last_joiner` "or").
fn join_words(words: &[String], last_joiner: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {last_joiner} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.json");

    #[test]
    fn a_valid_file_has_no_errors() {
        let report = check_content(MINIMAL);
        assert_eq!(report.errors, []);
        assert!(report.cross_checked);
    }

    #[test]
    fn news_ahead_of_the_sections_is_a_warning_at_its_name() {
        assert!(!check_content(MINIMAL).warnings.iter().any(|warning| warning.path == "news"));
        let mut value: Value = serde_json::from_str(MINIMAL).unwrap();
        let news = value.as_object_mut().unwrap().remove("news").unwrap();
        // serde_json's map keeps keys sorted: "news" now comes before "sections" and "site".
        value.as_object_mut().unwrap().insert("news".into(), news);
        let text = serde_json::to_string_pretty(&value).unwrap();
        let report = check_content(&text);
        let warning = report.warnings.iter().find(|warning| warning.path == "news").expect("a warning on news");
        assert_eq!(
            warning.message,
            "news comes before site and sections: a shared link to the home view or a section waits for the \
             whole news list; move \"news\" to the end of the file"
        );
        let line = text.lines().position(|line| line.trim_start().starts_with("\"news\"")).unwrap() + 1;
        assert_eq!((warning.line, warning.column), (line, 3));
    }

    #[test]
    fn joins_language_names_as_prose() {
        let words = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_words(&words[..1], "or"), "a");
        assert_eq!(join_words(&words[..2], "or"), "a or b");
        assert_eq!(join_words(&words, "and no"), "a, b and no c");
    }
}
