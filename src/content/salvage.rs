//! Reading a content.json that has faults, for the running portal: everything that fits the model is
//! shown, and each problem is named for the administrator. One typo in a file already on the server
//! must not take the portal down. The build and `content-check` stay strict ([`super::parse_content`]),
//! so a broken file is still never deployed by the build.
//!
//! The strict reading is run again with each part it stops at cut out of the text, as the smallest
//! part that holds it: an unknown field, a body block, a news item, section, topic or audience. This
//! reuses the one deserializer of the model; reading part by part would add a second to the download.

use super::consistency::{repair, Problem};
use super::locate::byte_span;
use super::model::Content;
use super::validate::{deserialize, newest_first, parse_content, ContentError};

/// Content to show, and what in the file was left out or mended to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Salvaged {
    pub content: Content,
    pub problems: Vec<Problem>,
}

/// More parts than this cut out of one file, and it is refused as a whole: each cut reads the whole
/// file again, and a file this broken is no longer one typo.
const MOST_PARTS_LEFT_OUT: usize = 32;

/// The content of `text` with every item, term, block and field that fits the model; each one that
/// does not is left out and named with its path in the file. An error only for a file that cannot be
/// used at all: not JSON, not an object, a wrong or missing `format_version`, no section that reads,
/// or more than [`MOST_PARTS_LEFT_OUT`] parts that do not fit.
pub fn salvage_content(text: &str) -> Result<Salvaged, ContentError> {
    let strict = match parse_content(text) {
        Ok(content) => return Ok(Salvaged { content, problems: Vec::new() }),
        Err(ContentError::Invalid { .. }) => None,
        Err(error @ ContentError::WrongShape { .. }) => Some(error),
        Err(error) => return Err(error),
    };
    let mut text = text.to_owned();
    let mut problems = Vec::new();
    let mut origins = Origins::default();
    let mut content = None;
    for _ in 0..=MOST_PARTS_LEFT_OUT {
        match deserialize(&text) {
            Ok(read) => {
                content = Some(read);
                break;
            }
            Err(ContentError::WrongShape { path, message, .. }) => {
                problems.push(Problem { path: origins.in_file(&path), message: message.clone() });
                let Some(mended) = left_out(&text, &path, &message, &mut origins) else { break };
                text = mended;
            }
            Err(_) => break,
        }
    }
    let refused = || strict.clone().unwrap_or_else(|| ContentError::Invalid { problems: problems.clone() });
    let mut content = content.ok_or_else(refused)?;
    if content.sections.is_empty() && origins.left_out_of("sections") {
        return Err(refused());
    }
    let mended = repair(&mut content);
    problems.extend(mended.into_iter().map(|problem| Problem { path: origins.in_file(&problem.path), ..problem }));
    newest_first(&mut content);
    Ok(Salvaged { content, problems })
}

/// `text` without the smallest part that holds the problem at `path`, or with an empty value where
/// the site's texts and lists must be; `None` when nothing can stand in.
fn left_out(text: &str, path: &str, message: &str, origins: &mut Origins) -> Option<String> {
    if let Some(field) = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
        if path == "site" && SITE_DEFAULTS.iter().any(|(name, _)| *name == field) {
            return Some(with_member(text, path, field));
        }
    }
    if message.starts_with("unknown field") {
        return cut(text, path);
    }
    // A site text that does not fit is emptied, as is a site list that is not a list.
    let stands_in = SITE_DEFAULTS.iter().find(|(name, empty)| {
        let field = format!("site.{name}");
        path == field || *empty == "{}" && path.strip_prefix(&field).is_some_and(|rest| rest.starts_with(['.', '[']))
    });
    if let Some((name, empty)) = stands_in {
        let span = byte_span(text, &format!("site.{name}"))?;
        return Some(format!("{}{empty}{}", &text[..span.value], &text[span.end..]));
    }
    let part = removable_part(path)?;
    let (list, index) = part.rsplit_once('[')?;
    origins.leave_out(&origins.in_file(list), index.trim_end_matches(']').parse().ok()?);
    cut(text, part)
}

/// What must stand in for a site field that is missing or does not fit.
const SITE_DEFAULTS: [(&str, &str); 4] =
    [("title", "{}"), ("introduction", "{}"), ("audiences", "[]"), ("topics", "[]")];

/// The list element at or above `path` that can go: a body block, else a news item, section, topic
/// or audience; the accessibility statement goes whole.
fn removable_part(path: &str) -> Option<&str> {
    let element_end = |at: usize| path[at..].find(']').map(|end| at + end + 1);
    if let Some(body) = path.find(".body.") {
        let block = path[body..].find('[').map(|open| body + open);
        if let Some(end) = block.and_then(element_end) {
            return Some(&path[..end]);
        }
    }
    if path.starts_with("site.accessibility") {
        return None;
    }
    ["news[", "sections[", "site.topics[", "site.audiences["]
        .iter()
        .find(|list| path.starts_with(*list))
        .and_then(|list| element_end(list.len()))
        .map(|end| &path[..end])
}

/// `text` without the member or element at `path`, and the comma that went with it.
fn cut(text: &str, path: &str) -> Option<String> {
    let span = byte_span(text, path)?;
    let mut start = span.key.unwrap_or(span.value);
    let after = text[span.end..].trim_start();
    let mut end = text.len() - after.len();
    if after.starts_with(',') {
        end += 1;
    } else {
        let before = text[..start].trim_end();
        if before.ends_with(',') {
            start = before.len() - 1;
        }
    }
    Some(format!("{}{}", &text[..start], &text[end..]))
}

/// `text` with an empty `field` added first to the object at `path`.
fn with_member(text: &str, path: &str, field: &str) -> String {
    let Some(span) = byte_span(text, path) else { return text.to_owned() };
    let empty = SITE_DEFAULTS.iter().find(|(name, _)| *name == field).map_or("{}", |(_, empty)| *empty);
    let inside = text[span.value + 1..span.end - 1].trim();
    let separator = if inside.is_empty() { "" } else { "," };
    format!("{}\"{field}\": {empty}{separator}{}", &text[..=span.value], &text[span.value + 1..])
}

/// For each list something was left out of, by its path in the file: the places in the file of the
/// elements left out, in order. Paths in terms of what is left are turned back into the file's.
#[derive(Default)]
struct Origins(Vec<(String, Vec<usize>)>);

impl Origins {
    fn leave_out(&mut self, list: &str, index: usize) {
        let in_file = self.original(list, index);
        match self.0.iter_mut().find(|(name, _)| name == list) {
            Some((_, left_out)) => {
                let at = left_out.partition_point(|&left| left < in_file);
                left_out.insert(at, in_file);
            }
            None => self.0.push((list.to_owned(), vec![in_file])),
        }
    }

    fn left_out_of(&self, list: &str) -> bool {
        self.0.iter().any(|(name, _)| name == list)
    }

    /// Where element `index` of what is left of `list` (a path in the file) stands in the file.
    fn original(&self, list: &str, index: usize) -> usize {
        let left_out = self.0.iter().find(|(name, _)| name == list).map_or(&[][..], |(_, left)| left.as_slice());
        left_out.iter().fold(index, |at, &left| if left <= at { at + 1 } else { at })
    }

    fn in_file(&self, path: &str) -> String {
        let mut in_file = String::new();
        let mut rest = path;
        while let Some((before, after)) = rest.split_once('[') {
            in_file.push_str(before);
            let Some((index, after)) = after.split_once(']') else {
                in_file.push('[');
                rest = after;
                break;
            };
            match index.parse::<usize>() {
                Ok(index) => in_file.push_str(&format!("[{}]", self.original(&in_file, index))),
                Err(_) => in_file.push_str(&format!("[{index}]")),
            }
            rest = after;
        }
        in_file.push_str(rest);
        in_file
    }
}
