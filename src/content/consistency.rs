//! What serde cannot check in content.json: unique and well-formed slugs and ids, references that
//! resolve, safe links, texts present. The same rules serve the build, which refuses a file with any
//! problem, and the running portal, which repairs what it can and shows the rest.

use super::model::{is_valid_slug, Content, Localized, NewsItem};
use super::rich_text::{Block, LinkTarget};
use crate::i18n::Lang;
use std::collections::HashSet;
use std::fmt;

/// One thing wrong in a content.json, at a JSON path such as `news[3].sections[0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Most entries a facet's list may have: search keeps each facet's options as bits of one 64-bit word.
pub const MAX_OPTIONS: usize = 64;

/// Everything inconsistent in a parsed content.json.
pub fn problems(content: &Content) -> Vec<Problem> {
    repair(&mut content.clone())
}

/// Every problem of [`problems`], each mended so the portal can show the rest: an item or term with a
/// bad or duplicate slug or without a title is left out, a reference that resolves to nothing is
/// dropped, an empty text counts as missing. An unsafe link stays in the text, where the portal shows
/// it as plain words. Paths name the places in `content` as it was given.
pub fn repair(content: &mut Content) -> Vec<Problem> {
    let mut repairing = Repairing::start(content);
    while !repairing.repair_some(content, usize::MAX) {}
    repairing.finish(content)
}

/// [`repair`] a few news items at a time, for a caller that lets the page do other work between them:
/// the site and sections first, then the news, then what the news may no longer refer to.
pub struct Repairing {
    check: Checker,
    named: Named,
    news_slugs: HashSet<String>,
    /// Whether each news item checked so far is kept.
    keep: Vec<bool>,
}

impl Repairing {
    /// Checks and mends the site and the sections; the news are next.
    pub fn start(content: &mut Content) -> Repairing {
        let mut check = Checker::default();
        // References are checked against what the file names; those to something left out go silently.
        let named = Named::of(content);
        let site = &mut content.site;
        check.text(&mut site.title, "site.title");
        if site.title.languages().next().is_none() {
            let name = |lang: Lang| Some(lang.texts().portal_name.to_owned());
            site.title = Localized { fi: name(Lang::Fi), sv: name(Lang::Sv), en: name(Lang::En) };
        }
        check.text(&mut site.introduction, "site.introduction");
        if let Some(statement) = &mut site.accessibility {
            let titled = check.text(&mut statement.title, "site.accessibility.title");
            check.body(&statement.body, "site.accessibility.body");
            if !titled {
                site.accessibility = None;
            }
        }
        for (kind, terms) in [("audiences", &mut site.audiences), ("topics", &mut site.topics)] {
            let mut seen = HashSet::new();
            let keep: Vec<bool> = terms
                .iter_mut()
                .enumerate()
                .map(|(i, term)| {
                    let path = format!("site.{kind}[{i}]");
                    let identified = check.identifier(&term.id, &format!("{path}.id"), "id", &mut seen);
                    check.text(&mut term.name, &format!("{path}.name")) && identified
                })
                .collect();
            retain(terms, &keep);
        }

        for (path, count) in [
            ("site.topics", content.site.topics.len()),
            ("site.audiences", content.site.audiences.len()),
            ("sections", content.sections.len()),
        ] {
            if count > MAX_OPTIONS {
                check.report(path.into(), format!("has {count} entries; the portal can filter by at most 64"));
            }
        }
        content.site.topics.truncate(MAX_OPTIONS);
        content.site.audiences.truncate(MAX_OPTIONS);

        let mut section_slugs = HashSet::new();
        let keep: Vec<bool> = content
            .sections
            .iter_mut()
            .enumerate()
            .map(|(i, section)| {
                let path = format!("sections[{i}]");
                let identified = check.identifier(&section.slug, &format!("{path}.slug"), "slug", &mut section_slugs);
                let titled = check.text(&mut section.title, &format!("{path}.title"));
                check.text(&mut section.summary, &format!("{path}.summary"));
                check.body(&section.body, &format!("{path}.body"));
                let mut titled_links = Vec::new();
                for (j, link) in section.links.iter_mut().enumerate() {
                    titled_links.push(check.text(&mut link.title, &format!("{path}.links[{j}].title")));
                    check.link(&link.href, &format!("{path}.links[{j}].href"));
                }
                retain(&mut section.links, &titled_links);
                identified && titled && i < MAX_OPTIONS
            })
            .collect();
        retain(&mut content.sections, &keep);
        Repairing { check, named, news_slugs: HashSet::new(), keep: Vec::with_capacity(content.news.len()) }
    }

    /// Checks and mends up to `count` more news items; true once every one is checked.
    pub fn repair_some(&mut self, content: &mut Content, count: usize) -> bool {
        let Repairing { check, named, news_slugs, keep } = self;
        let start = keep.len();
        let end = content.news.len().min(start.saturating_add(count));
        for (i, item) in content.news[start..end].iter_mut().enumerate() {
            let path = format!("news[{}]", start + i);
            let identified = check.identifier(&item.slug, &format!("{path}.slug"), "slug", news_slugs);
            let titled = check.text(&mut item.title, &format!("{path}.title"));
            check.text(&mut item.summary, &format!("{path}.summary"));
            check.body(&item.body, &format!("{path}.body"));
            check.references(named, item, &path);
            if LinkTarget::of(&item.source) != LinkTarget::External {
                check.report(
                    format!("{path}.source"),
                    format!(
                        "\"{}\" is not a web address (https://…) an official can open to check the facts",
                        item.source
                    ),
                );
            }
            keep.push(identified && titled);
        }
        end == content.news.len()
    }

    /// Leaves out the news items that cannot be shown and their references to what was left out; every
    /// problem found. A file without problems has nothing to leave out, and a large archive's news are
    /// not gone through again.
    pub fn finish(self, content: &mut Content) -> Vec<Problem> {
        if self.check.problems.is_empty() {
            return self.check.problems;
        }
        retain(&mut content.news, &self.keep);
        let kept = Named::of(content);
        for item in &mut content.news {
            item.sections.retain(|slug| kept.sections.contains(slug));
            item.topics.retain(|id| kept.topics.contains(id));
            item.audiences.retain(|id| kept.audiences.contains(id));
        }
        self.check.problems
    }
}

/// The section slugs and term ids a file names.
struct Named {
    sections: HashSet<String>,
    topics: HashSet<String>,
    audiences: HashSet<String>,
}

impl Named {
    fn of(content: &Content) -> Named {
        let ids = |terms: &[super::Term]| terms.iter().map(|term| term.id.clone()).collect();
        Named {
            sections: content.sections.iter().map(|section| section.slug.clone()).collect(),
            topics: ids(&content.site.topics),
            audiences: ids(&content.site.audiences),
        }
    }
}

/// Keeps the elements whose flag is set.
fn retain<T>(list: &mut Vec<T>, keep: &[bool]) {
    let mut flags = keep.iter();
    list.retain(|_| flags.next().copied().unwrap_or(true));
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    /// Whether `value` is a well-formed id not seen before.
    fn identifier(&mut self, value: &str, path: &str, what: &str, seen: &mut HashSet<String>) -> bool {
        let valid = is_valid_slug(value);
        if !valid {
            self.report(
                path.into(),
                format!("{what} \"{value}\" must be lowercase letters a-z, digits and single hyphens"),
            );
        }
        let new = seen.insert(value.to_owned());
        if !new {
            self.report(path.into(), format!("duplicate {what} \"{value}\""));
        }
        valid && new
    }

    /// Whether the text is there in some language once empty translations are taken out.
    fn text(&mut self, text: &mut Localized<String>, path: &str) -> bool {
        if text.languages().next().is_none() {
            self.report(path.into(), "needs a text in at least one of fi, sv, en".into());
        }
        for lang in Lang::ALL {
            let slot = text.slot(lang);
            if slot.as_ref().is_some_and(|value| value.trim().is_empty()) {
                self.report(format!("{path}.{}", lang.code()), "is empty".into());
                *slot = None;
            }
        }
        text.languages().next().is_some()
    }

    fn body(&mut self, body: &Localized<Vec<Block>>, path: &str) {
        if body.languages().next().is_none() {
            self.report(path.into(), "needs a body in at least one of fi, sv, en".into());
        }
        for lang in body.languages() {
            let blocks = body.get_exact(lang).map(Vec::as_slice).unwrap_or_default();
            for (i, block) in blocks.iter().enumerate() {
                for href in block.links() {
                    self.link(href, &format!("{path}.{}[{i}]", lang.code()));
                }
            }
        }
    }

    fn link(&mut self, href: &str, path: &str) {
        if LinkTarget::of(href) == LinkTarget::Unsafe {
            self.report(
                path.into(),
                format!("link \"{href}\" is not allowed: use https://, http://, mailto: or an in-portal address #/…"),
            );
        }
    }

    /// Each of the item's sections, topics and audiences that names nothing in the file.
    fn references(&mut self, named: &Named, item: &NewsItem, path: &str) {
        let references = [
            ("sections", &item.sections, "a slug in sections", &named.sections),
            ("topics", &item.topics, "an id in site.topics", &named.topics),
            ("audiences", &item.audiences, "an id in site.audiences", &named.audiences),
        ];
        for (field, values, known, names) in references {
            for (j, value) in values.iter().enumerate().filter(|(_, value)| !names.contains(*value)) {
                self.report(format!("{path}.{field}[{j}]"), format!("\"{value}\" is not {known}"));
            }
        }
    }
}
