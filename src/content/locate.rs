//! Where in the text of a JSON file a value is, given its JSON path (`news[3].sections[0]`, the paths
//! validation reports), so that every problem can name its line and column.
//!
//! The text is read by the small scanner of [`super::json_scanner`]. Lines count from 1, like serde_json's; columns count characters from 1, as an editor shows them
//! (serde_json counts bytes: [`serde_json_position`] converts).

use super::json_scanner::{Members, Scanner};
use std::collections::HashMap;

/// A place in the text, both counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where a path's value is. `key` is where its name is written when it is a member of an object, which
/// is the better place to point at for an unknown field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    pub key: Option<Position>,
    pub value: Position,
    /// False when the path goes deeper than the text does (a missing field, say): then `value` is that
    /// of the deepest part of the path that exists.
    pub exact: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// Splits `site.topics[0].name` into keys and indices. Validation's paths never quote keys; a key
/// holding `.` or `[` is split wrongly and then simply not found.
fn segments(path: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut rest = path;
    if matches!(rest, "." | "(top level)") {
        return segments;
    }
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else { break };
            match after[..end].parse() {
                Ok(index) => segments.push(Segment::Index(index)),
                Err(_) => segments.push(Segment::Key(after[..end].to_owned())),
            }
            rest = &after[end + 1..];
        } else {
            let rest_of_key = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_of_key.find(['.', '[']).unwrap_or(rest_of_key.len());
            segments.push(Segment::Key(rest_of_key[..end].to_owned()));
            rest = &rest_of_key[end..];
        }
    }
    segments
}

/// Where the value at `path` begins in `text` (and its key, if it has one); `None` only when `text`
/// does not even begin with a JSON value.
pub fn locate(text: &str, path: &str) -> Option<Located> {
    Locator::new(text).locate(path)
}

/// Locates many paths in one text: every array's elements, every object's members and the text's lines
/// are found once, so a file's thousands of problems (a missing translation in every news item of a
/// large archive) cost about one reading of the file rather than one each.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Characters before each [`CHUNK`] of bytes: a column on a long line (a minified file is one) is
    /// counted from the nearest one rather than from the line's start.
    chars_before_chunk: Vec<usize>,
    /// Where each array's elements begin, by the array's own offset, once one of them is asked for.
    elements: HashMap<usize, Vec<usize>>,
    /// Each object's members (name, key and value offsets), likewise; `None` for a broken object.
    members: HashMap<usize, Option<Members>>,
}

const CHUNK: usize = 4096;

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        let mut chars_before_chunk = vec![0];
        for chunk in text.as_bytes().chunks(CHUNK) {
            chars_before_chunk.push(chars_before_chunk.last().copied().unwrap_or_default() + count_chars(chunk));
        }
        let (elements, members) = Default::default();
        Locator { text, line_starts: line_starts(text), chars_before_chunk, elements, members }
    }

    /// Where the value at `path` begins (and its key, if it has one); `None` only when the text does not
    /// even begin with a JSON value.
    pub fn locate(&mut self, path: &str) -> Option<Located> {
        let mut scanner = Scanner { bytes: self.text.as_bytes(), at: 0 };
        scanner.skip_whitespace();
        if scanner.at >= scanner.bytes.len() {
            return None;
        }
        let mut found = (None, scanner.at);
        let mut exact = true;
        for segment in segments(path) {
            let next = match segment {
                Segment::Key(key) => {
                    let object = scanner.at;
                    let members = self.members.entry(object).or_insert_with(|| scanner.members());
                    // The last one wins, as in serde_json's `Value`, should a key be written twice.
                    let mut named = members.iter().flatten().filter(|(name, _, _)| *name == key);
                    named.next_back().map(|&(_, key_at, value_at)| (Some(key_at), value_at))
                }
                Segment::Index(index) => {
                    let array = scanner.at;
                    let elements = self.elements.entry(array).or_insert_with(|| scanner.elements());
                    elements.get(index).map(|&at| (None, at))
                }
            };
            match next {
                Some((key_at, value_at)) => {
                    found = (key_at, value_at);
                    scanner.at = value_at;
                }
                None => {
                    exact = false;
                    break;
                }
            }
        }
        let (key_at, value_at) = found;
        Some(Located { key: key_at.map(|at| self.position(at)), value: self.position(value_at), exact })
    }

    /// What [`position_of`] says of byte offset `at`.
    pub fn position(&self, at: usize) -> Position {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= at);
        let line_start = self.line_starts[line - 1];
        Position { line, column: 1 + self.chars_before(at) - self.chars_before(line_start) }
    }

    fn chars_before(&self, at: usize) -> usize {
        let chunk = at / CHUNK;
        self.chars_before_chunk[chunk] + count_chars(&self.text.as_bytes()[chunk * CHUNK..at])
    }
}

/// The byte offset where each line of `text` starts, the first line's (0) included.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect()
}

/// The JSON path (`news[3].published`) of the innermost value or key whose text holds byte offset `at`:
/// serde_json reports where it stopped reading, and that byte lies within the value it could not read
/// (a key, for an unknown field; the closing brace, for a missing one). Empty for the top level.
pub fn path_at(text: &str, at: usize) -> String {
    let mut scanner = Scanner { bytes: text.as_bytes(), at: 0 };
    let mut path = String::new();
    scanner.descend_to(at, &mut path);
    path
}

/// The byte offset of serde_json's error position (line from 1, byte column from 1, 0 for the line
/// break ending the line before): the last byte it read.
pub fn byte_offset(text: &str, line: usize, byte_column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + byte_column).saturating_sub(1).min(text.len())
}

/// The text of a member of the top-level object, as written (`1`, `"2"`), if it is there.
pub fn top_level_member<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let mut scanner = Scanner { bytes: text.as_bytes(), at: 0 };
    let (_, start) = scanner.member(key)?;
    scanner.at = start;
    scanner.skip_value()?;
    text.get(start..scanner.at)
}

/// Where the value at `path` is written in `text`, in bytes: the start of its key when it is a member
/// of an object, and its value from start to end. `None` unless the path leads exactly to a value.
pub fn byte_span(text: &str, path: &str) -> Option<ByteSpan> {
    let mut scanner = Scanner { bytes: text.as_bytes(), at: 0 };
    scanner.skip_whitespace();
    let mut key = None;
    for segment in segments(path) {
        let (key_at, value_at) = match segment {
            Segment::Key(wanted) => scanner.member(&wanted)?,
            Segment::Index(index) => scanner.element(index)?,
        };
        key = key_at;
        scanner.at = value_at;
    }
    let value = scanner.at;
    scanner.skip_value()?;
    Some(ByteSpan { key, value, end: scanner.at })
}

/// Byte offsets of a value in a text: see [`byte_span`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSpan {
    pub key: Option<usize>,
    pub value: usize,
    pub end: usize,
}

/// The line and character column of byte offset `at`.
pub fn position_of(text: &str, at: usize) -> Position {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    Position { line, column: 1 + count_chars(&before[line_start..]) }
}

/// serde_json's position of an error (its column counts bytes from the start of the line, the byte
/// it stopped at included) as a line and character column, which is what an editor shows. serde_json
/// gives column 0 when it stopped at a line break; that is the end of the line before.
pub fn serde_json_position(text: &str, line: usize, byte_column: usize) -> Position {
    let lines: Vec<&str> = text.split('\n').collect();
    match (line, byte_column) {
        (0, _) => Position { line: 1, column: 1 },
        (line, 0) if line > 1 => {
            let previous = lines.get(line - 2).copied().unwrap_or_default();
            Position { line: line - 1, column: previous.chars().count() + 1 }
        }
        (line, _) => {
            let bytes = lines.get(line - 1).copied().unwrap_or_default().as_bytes();
            Position { line, column: count_chars(&bytes[..byte_column.min(bytes.len())]).max(1) }
        }
    }
}

/// Characters in UTF-8 bytes: every byte but continuation bytes starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    fn value_of(text: &str, path: &str) -> Position {
        let located = locate(text, path).unwrap();
        assert!(located.exact, "{path} not found exactly");
        located.value
    }

    const SAMPLE: &str = r#"{
  "site": { "title": { "en": "A \"quoted\" [title] {x}" } },
  "news": [
    { "slug": "first", "sections": ["a", "b"] },
    { "slug": "se]cond", "title": { "fi": "Ääkköset ja 😀" }, "sections": ["c"] }
  ]
}"#;

    #[test]
    fn a_locator_asked_many_paths_finds_what_a_fresh_one_finds_for_each() {
        let paths = [
            "",
            "news[1].title.fi",
            "site",
            "news[0].sections[1]",
            "site.title.en",
            "news",
            "news[0]",
            "news[1].slug",
            "news[1].sections[0]",
            "news[2]",
            "news[1].missing",
            "news[0].sections[5]",
            "(top level)",
        ];
        let mut locator = Locator::new(SAMPLE);
        for path in paths {
            assert_eq!(locator.locate(path), Locator::new(SAMPLE).locate(path), "{path}");
        }
        assert_eq!(locator.locate("news[1].sections[0]").unwrap().value, at(5, 75));
        for at in 0..=SAMPLE.len() {
            if SAMPLE.is_char_boundary(at) {
                assert_eq!(locator.position(at), position_of(SAMPLE, at), "at {at}");
            }
        }
        let broken = "{\"news\": [ {\"a\": 1}, {\"b\": tru";
        let mut locator = Locator::new(broken);
        for path in ["news[1].b", "news[0].a", "news[2]"] {
            assert_eq!(locator.locate(path), Locator::new(broken).locate(path), "{path}");
        }
        assert_eq!(locator.locate("news[1].b").map(|found| found.exact), Some(false));
    }

    #[test]
    fn columns_on_a_long_line_count_characters_across_chunks() {
        let text = format!("{{\"a\": \"{}\", \"b\": 1}}", "ä😀x".repeat(5000));
        let mut locator = Locator::new(&text);
        assert_eq!(locator.locate("b"), locate(&text, "b"));
        assert_eq!(locator.locate("b").unwrap().value.column, 3 * 5000 + 16);
    }

    #[test]
    fn splits_paths_into_keys_and_indices() {
        use Segment::{Index, Key};
        assert_eq!(segments("news[3].sections[0]"), [Key("news".into()), Index(3), Key("sections".into()), Index(0)]);
        assert_eq!(segments("site.topics[0].name.de"), segments(".site.topics[0].name.de"));
        assert!(segments("(top level)").is_empty());
        assert!(segments(".").is_empty());
    }

    #[test]
    fn finds_members_and_elements() {
        assert_eq!(value_of(SAMPLE, "(top level)"), at(1, 1));
        assert_eq!(value_of(SAMPLE, "site.title.en"), at(2, 30));
        assert_eq!(value_of(SAMPLE, "news"), at(3, 11));
        assert_eq!(value_of(SAMPLE, "news[0]"), at(4, 5));
        assert_eq!(value_of(SAMPLE, "news[0].sections[1]"), at(4, 42));
        let located = locate(SAMPLE, "news[1].sections").unwrap();
        assert_eq!(located.key, Some(at(5, 62)));
        assert_eq!(located.value, at(5, 74));
        assert_eq!(value_of(SAMPLE, "news[1].sections[0]"), at(5, 75));
    }

    #[test]
    fn quotes_and_brackets_inside_strings_are_text() {
        // The escaped quotes and the brackets in the title must not end the string or open a value.
        let text = r#"{"a": "x\"}]", "b": ["[", "\\", {"c": "\"{"}], "d": 1}"#;
        assert_eq!(value_of(text, "b[2].c"), at(1, 39));
        assert_eq!(value_of(text, "d"), at(1, 53));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "Ääkköset ja 😀" holds three two-byte letters and one four-byte emoji before `"sections"`.
        let located = locate(SAMPLE, "news[1].sections").unwrap();
        let line = SAMPLE.lines().nth(4).unwrap();
        let key_byte = line.find("\"sections\"").unwrap();
        assert_eq!(located.key.unwrap().column, line[..key_byte].chars().count() + 1);
        assert!(key_byte + 1 > located.key.unwrap().column, "bytes and characters differ on this line");
    }

    #[test]
    fn escaped_keys_match_their_decoded_name() {
        let text = "{\"ti\\u0074le\": 1, \"\\ud83d\\ude00\": 2, \"line\\nbreak\": 3}";
        assert_eq!(value_of(text, "title"), at(1, 16));
        assert_eq!(value_of(text, "😀"), at(1, 35));
        assert_eq!(value_of(text, "line\nbreak"), at(1, 53));
    }

    #[test]
    fn a_key_written_twice_is_found_where_serde_json_reads_it() {
        let text = "{\"a\": 1,\n \"a\": 2}";
        assert_eq!(value_of(text, "a"), at(2, 7));
    }

    #[test]
    fn a_missing_part_gives_the_deepest_part_that_exists() {
        let located = locate(SAMPLE, "news[1].summary.en").unwrap();
        assert!(!located.exact);
        assert_eq!(located.value, at(5, 5));
        assert!(!locate(SAMPLE, "news[7]").unwrap().exact);
        assert!(!locate(SAMPLE, "news[0].slug[0]").unwrap().exact);
        assert!(locate("  ", "a").is_none());
    }

    #[test]
    fn numbers_and_literals_are_skipped() {
        let text = "[1.5e3, -2, true, false, null, {\"x\": [ ]}, \"last\"]";
        assert_eq!(value_of(text, "[6]"), at(1, 44));
        assert_eq!(value_of(text, "[5].x"), at(1, 38));
    }

    #[test]
    fn path_at_names_the_innermost_member_or_element() {
        let offset = |needle: &str| SAMPLE.find(needle).unwrap();
        assert_eq!(path_at(SAMPLE, offset("\"first\"") + 3), "news[0].slug");
        assert_eq!(path_at(SAMPLE, offset("\"b\"")), "news[0].sections[1]");
        assert_eq!(path_at(SAMPLE, offset("\"c\"]") + 3), "news[1].sections");
        assert_eq!(path_at(SAMPLE, offset("\"c\"]") + 5), "news[1]");
        assert_eq!(path_at(SAMPLE, offset("quoted")), "site.title.en");
        // On a key: the member it names, as for an unknown field.
        assert_eq!(path_at(SAMPLE, offset("\"sections\": [\"c")), "news[1].sections");
        // Between values, and at the closing brace of an object: the object.
        assert_eq!(path_at(SAMPLE, offset("},\n    { \"slug\": \"se")), "news[0]");
        assert_eq!(path_at(SAMPLE, 0), "");
        assert_eq!(path_at(SAMPLE, SAMPLE.len() - 1), "");
        assert_eq!(path_at("{\"a\": [1, {\"b\": tru", 17), "a[1].b");
    }

    #[test]
    fn a_serde_json_column_0_is_the_end_of_the_line_before() {
        let text = "{\"a\": \"äb\n\"}";
        let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert_eq!((error.line(), error.column()), (2, 0));
        assert_eq!(serde_json_position(text, error.line(), error.column()), at(1, 10));
    }

    #[test]
    fn converts_serde_json_byte_columns_to_characters() {
        // A syntax error after non-ASCII text on the same line: serde_json counts bytes.
        let text = "{\n  \"title\": \"Ääkköset\" x\n}";
        let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let line = text.lines().nth(1).unwrap();
        let x_chars = line.chars().position(|c| c == 'x').unwrap() + 1;
        assert_eq!(error.line(), 2);
        assert_eq!(error.column(), line.find('x').unwrap() + 1, "serde_json counts bytes");
        assert_eq!(serde_json_position(text, error.line(), error.column()), at(2, x_chars));
        assert_eq!(position_of(text, text.find('x').unwrap()), at(2, x_chars));
    }
}
