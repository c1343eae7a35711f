//! What the editors' page says of a chosen file: first whether it is text at all (empty, a picture, a
//! Word file, not UTF-8, too large), then everything `content-check` says of it, each problem with the
//! lines around it, and for a file without errors the entries of its news feeds. Pure logic: the page's
//! worker runs it on the file's bytes and sends the result back as JSON.

use super::lines::{Excerpt, LineIndex};
use crate::content::parse_content;
use crate::content::windowed::BYTE_ORDER_MARK;
use crate::i18n::Lang;
use crate::tooling::check::{check_content, Diagnostic};
use crate::tooling::feed::{feed_entries, feed_file_name, FeedEntry};
use serde::{Deserialize, Serialize};

/// A file up to this size previews at once; a larger one when asked: the portal reading it in the
/// preview holds the page for longer than a frame now and then, as it would for an official.
pub const PREVIEW_AT_ONCE: usize = 5_000_000;

/// Larger than any archive the portal can show on a phone; a larger file is refused unread.
pub const LARGEST_FILE: usize = 100 * 1024 * 1024;

/// Problems listed, each with its lines; a file with more (a missing translation in every item of a
/// large archive) has the rest counted, so the page stays quick to draw.
pub const PROBLEMS_LISTED: usize = 1000;

/// Why a file could not be checked as content.json at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// A file of another kind, by its first bytes: "a PNG picture".
    OtherKind {
        kind: FileKind,
    },
    /// Saved as UTF-16, which some Windows editors call "Unicode".
    Utf16,
    /// The first byte that is not UTF-8, where an editor shows it.
    NotUtf8 {
        line: usize,
        column: usize,
        byte: u8,
    },
    /// The browser could not read the file (it was moved or deleted after being chosen, say).
    NotRead {
        reason: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// A zip archive: also what Word, Excel and OpenDocument files are.
    ZipOrOffice,
}

/// One problem of the check with the lines around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub error: bool,
    pub diagnostic: Diagnostic,
    pub excerpt: Excerpt,
}

/// Feed entries listed a language; the feed itself has them all.
pub const ENTRIES_LISTED: usize = 20;

/// A language's feed: its file, how many entries it has, and the first of them, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub lang: Lang,
    pub file: String,
    pub total: usize,
    pub entries: Vec<FeedEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    pub bytes: usize,
    /// Errors and warnings together, in the order of the file, as `content-check` prints them; the
    /// first [`PROBLEMS_LISTED`].
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
    /// Whether the checks that need the whole file ran (see [`crate::tooling::Report`]).
    pub cross_checked: bool,
    /// The feeds a file without errors produces; none for a file with errors, which is not published.
    pub feeds: Vec<Feed>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Unreadable(FileProblem),
    Checked(Checked),
}

impl Verdict {
    /// The file's size when the portal can show something of it, so that a preview is worth offering.
    pub fn previewable(&self) -> Option<usize> {
        match self {
            Verdict::Checked(checked) => Some(checked.bytes),
            Verdict::Unreadable(_) => None,
        }
    }
}

/// Everything the page says of a file of these bytes.
pub fn examine(bytes: &[u8]) -> Verdict {
    match text_of(bytes) {
        Ok(text) => Verdict::Checked(check(text, bytes.len())),
        Err(problem) => Verdict::Unreadable(problem),
    }
}

/// The bytes as text, as the portal reads them (a byte order mark is skipped), or why not.
pub fn text_of(bytes: &[u8]) -> Result<&str, FileProblem> {
    if bytes.len() > LARGEST_FILE {
        return Err(FileProblem::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    if let Some(kind) = kind_of(bytes) {
        return Err(FileProblem::OtherKind { kind });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileProblem::Utf16);
    }
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // Valid up to there, so this reads.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        FileProblem::NotUtf8 {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            byte: bytes[error.valid_up_to()],
        }
    })
}

fn kind_of(bytes: &[u8]) -> Option<FileKind> {
    let kinds: [(&[u8], FileKind); 6] = [
        (b"\x89PNG", FileKind::Png),
        (b"\xFF\xD8\xFF", FileKind::Jpeg),
        (b"GIF8", FileKind::Gif),
        (b"%PDF", FileKind::Pdf),
        (b"PK\x03\x04", FileKind::ZipOrOffice),
        (b"RIFF", FileKind::Webp),
    ];
    kinds.into_iter().find(|(start, _)| bytes.starts_with(start)).map(|(_, kind)| kind)
}

fn check(text: &str, bytes: usize) -> Checked {
    let report = check_content(text);
    let (errors, warnings) = (report.errors.len(), report.warnings.len());
    let mut found: Vec<(bool, Diagnostic)> = report
        .errors
        .into_iter()
        .map(|diagnostic| (true, diagnostic))
        .chain(report.warnings.into_iter().map(|diagnostic| (false, diagnostic)))
        .collect();
    // Stable: at one place, errors before warnings, as content-check prints them.
    found.sort_by_key(|(_, diagnostic)| (diagnostic.line, diagnostic.column));
    let lines = LineIndex::new(text);
    let findings = found
        .into_iter()
        .take(PROBLEMS_LISTED)
        .map(|(error, diagnostic)| Finding {
            error,
            excerpt: lines.excerpt(text, diagnostic.line, diagnostic.column),
            diagnostic,
        })
        .collect();
    let feeds = match (errors, parse_content(text)) {
        (0, Ok(content)) => Lang::ALL
            .into_iter()
            .map(|lang| {
                let mut entries = feed_entries(&content, lang, "");
                let total = entries.len();
                entries.truncate(ENTRIES_LISTED);
                Feed { lang, file: feed_file_name(lang), total, entries }
            })
            .collect(),
        _ => Vec::new(),
    };
    Checked { bytes, findings, errors, warnings, cross_checked: report.cross_checked, feeds }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.json");

    fn checked(bytes: &[u8]) -> Checked {
        match examine(bytes) {
            Verdict::Checked(checked) => checked,
            other => panic!("not checked: {other:?}"),
        }
    }

    #[test]
    fn files_that_are_not_text_are_named_for_what_they_are() {
        assert_eq!(examine(b""), Verdict::Unreadable(FileProblem::Empty));
        assert_eq!(examine(b" \n\t"), Verdict::Unreadable(FileProblem::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(examine(png), Verdict::Unreadable(FileProblem::OtherKind { kind: FileKind::Png }));
        let docx = b"PK\x03\x04\x14\0\x06\0";
        assert_eq!(examine(docx), Verdict::Unreadable(FileProblem::OtherKind { kind: FileKind::ZipOrOffice }));
        assert_eq!(examine(b"\xFF\xFE{\0"), Verdict::Unreadable(FileProblem::Utf16));
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_placed_where_an_editor_shows_it() {
        // "ä" saved as Latin-1 on the second line, after a character of two bytes.
        let latin1 = b"{\n  \"\xC3\xA5\": \"p\xE4iv\xE4\"\n}";
        assert_eq!(examine(latin1), Verdict::Unreadable(FileProblem::NotUtf8 { line: 2, column: 10, byte: 0xE4 }));
    }

    #[test]
    fn a_byte_order_mark_is_read_past_as_the_portal_does() {
        let with_mark = [BYTE_ORDER_MARK, MINIMAL.as_bytes()].concat();
        assert_eq!(checked(&with_mark).errors, 0);
    }

    #[test]
    fn a_good_file_has_its_feeds_newest_first_in_every_language() {
        let found = checked(MINIMAL.as_bytes());
        assert_eq!(found.errors, 0);
        assert_eq!(found.feeds.iter().map(|feed| feed.lang).collect::<Vec<_>>(), Lang::ALL);
        let content = parse_content(MINIMAL).unwrap();
        for feed in &found.feeds {
            assert_eq!(feed.file, format!("news.{}.atom", feed.lang.code()));
            assert_eq!(feed.total, content.news.len());
            assert_eq!(feed.entries.len(), content.news.len().min(ENTRIES_LISTED));
            assert!(feed.entries.windows(2).all(|pair| pair[0].published >= pair[1].published));
        }
    }

    #[test]
    fn every_problem_comes_with_its_lines_in_the_order_of_the_file() {
        let broken =
            MINIMAL.replacen("\"published\": \"", "\"published\": \"x", 1).replacen("\"slug\"", "\"slugg\"", 1);
        let found = checked(broken.as_bytes());
        assert!(found.errors >= 2, "{found:?}");
        assert!(found.feeds.is_empty());
        let places: Vec<_> = found.findings.iter().map(|f| (f.diagnostic.line, f.diagnostic.column)).collect();
        assert!(places.windows(2).all(|pair| pair[0] <= pair[1]));
        for finding in &found.findings {
            assert!(finding.excerpt.lines.iter().any(|line| line.number == finding.diagnostic.line));
        }
    }

    #[test]
    fn a_file_with_very_many_problems_lists_the_first_and_counts_them_all() {
        let content = parse_content(MINIMAL).unwrap();
        let mut item = serde_json::to_value(&content.news[0]).unwrap();
        item["title"] = serde_json::json!({ "en": "Only in English" });
        let mut file = serde_json::to_value(&content).unwrap();
        file["news"] = (0..PROBLEMS_LISTED + 5)
            .map(|i| {
                let mut item = item.clone();
                item["slug"] = format!("item-{i}").into();
                item
            })
            .collect();
        let found = checked(serde_json::to_string_pretty(&file).unwrap().as_bytes());
        assert_eq!(found.errors, 0);
        assert!(found.warnings > PROBLEMS_LISTED, "{}", found.warnings);
        assert_eq!(found.findings.len(), PROBLEMS_LISTED);
    }
}
