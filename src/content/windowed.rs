//! Reading content.json a window at a time, as the browser app does. The news items, nearly all of a
//! large file, are parsed one by one as the reading reaches them; the rest (site, sections) is parsed
//! as one small text whose news list is left empty. The whole file is then never in the wasm memory at
//! once, and that memory keeps its highest size for the life of the page (BENCHMARKS.md, "Memory").
//!
//! Only a file that reads cleanly this way is taken from here. For anything else the caller parses the
//! whole text with [`super::parse_content`], whose messages name the problem, so the two always agree.

use super::model::{Content, NewsItem};
use super::validate::{Checking, ContentError};

/// How much of the file is copied in at a time.
const WINDOW: usize = 256 * 1024;

/// What some editors (Notepad on Windows) put before the text; not part of the JSON.
pub const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// The file's bytes as `response.text()` reads them: a UTF-8 byte order mark dropped, bytes that are not
/// UTF-8 replaced (validation then names the text they are in). Borrowed when nothing needs changing.
pub fn decode_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes))
}

/// The content of a file of `len` bytes that `read(offset, buffer)` copies out a window at a time, as
/// [`super::parse_content`] would read it; `None` when the file does not read cleanly in pieces and
/// needs the whole parse, which then also says what is wrong.
pub fn parse_in_pieces(len: usize, mut read: impl FnMut(usize, &mut [u8])) -> Option<Result<Content, ContentError>> {
    let mut reading = PieceReading::new(len);
    while !reading.read_window(&mut read) {}
    reading.into_checking().map(|checking| checking.and_then(Checking::finish))
}

/// [`parse_in_pieces`] a window at a time, for a caller that lets the page do other work between
/// windows: a large file is then never read in one long task.
pub struct PieceReading {
    splitter: Splitter,
    window: Vec<u8>,
    window_size: usize,
    len: usize,
    offset: usize,
    /// The file did not split cleanly: it needs the whole parse.
    failed: bool,
}

impl PieceReading {
    /// Reading a file of `len` bytes from its start.
    pub fn new(len: usize) -> PieceReading {
        PieceReading {
            splitter: Splitter::default(),
            window: Vec::new(),
            window_size: WINDOW,
            len,
            offset: 0,
            failed: false,
        }
    }

    /// Copies in and reads the next window through `read(offset, buffer)`; true once nothing is left to
    /// read: the whole file, or a window that did not read cleanly, which [`PieceReading::finish`] reports.
    pub fn read_window(&mut self, read: &mut impl FnMut(usize, &mut [u8])) -> bool {
        if self.failed || self.offset >= self.len {
            return true;
        }
        let length = self.window_size.min(self.len - self.offset);
        self.window.resize(length, 0);
        read(self.offset, &mut self.window);
        let bytes = &self.window[..];
        let bytes = if self.offset == 0 { bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes) } else { bytes };
        self.failed = self.splitter.feed(bytes).is_none();
        self.offset += length;
        self.failed || self.offset >= self.len
    }

    /// The content to check, once [`PieceReading::read_window`] has read the whole file; `None` when
    /// the file does not read cleanly in pieces and needs the whole parse, which then also says what is
    /// wrong.
    pub fn into_checking(self) -> Option<Result<Checking, ContentError>> {
        self.end()?.into_content().map(Checking::new)
    }

    fn end(self) -> Option<Splitter> {
        if self.failed {
            return None;
        }
        let mut splitter = self.splitter;
        // The file has ended: an item still waiting for more is read as it is.
        splitter.wait_for = 0;
        splitter.feed(&[])?;
        Some(splitter)
    }
}

/// Where the reading stands in the top-level `"news": [ … ]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum List {
    /// Not reached yet: bytes go to the head.
    #[default]
    Before,
    /// Between items; what may come next.
    ItemOrEnd,
    Item,
    CommaOrEnd,
    /// Passed: bytes go to the head again.
    After,
}

/// How far the top level has spelt out `"news": [`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Key {
    #[default]
    Other,
    /// The key `"news"` was read.
    News,
    /// And its colon.
    NewsColon,
}

#[derive(Default)]
struct Splitter {
    /// Everything but the news items: the news list stays `[]`.
    head: Vec<u8>,
    /// Bytes read but not used yet: the start of a news item that the window cut off.
    pending: Vec<u8>,
    news: Vec<NewsItem>,
    /// How many objects and lists are open, outside the news items.
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The start of the current top-level string, enough to tell whether it is `news`.
    top_level_string: Vec<u8>,
    key: Key,
    list: List,
    /// After a window cut a news item off: how many bytes from its start to wait for before reading it
    /// again. Doubling it each time keeps a very large item from being read over and over.
    wait_for: usize,
    /// How often an item was read again from its start.
    rereads: usize,
}

impl Splitter {
    /// Reads the next bytes of the file; `None` when it does not split cleanly.
    fn feed(&mut self, bytes: &[u8]) -> Option<()> {
        let mut pending = std::mem::take(&mut self.pending);
        pending.extend_from_slice(bytes);
        let used = self.scan(&pending)?;
        pending.drain(..used);
        self.pending = pending;
        Some(())
    }

    /// Reads as far as `bytes` go; returns how many were used.
    fn scan(&mut self, bytes: &[u8]) -> Option<usize> {
        // The start of the bytes not yet copied to the head.
        let mut run = 0;
        let mut at = 0;
        while at < bytes.len() {
            if self.in_string {
                at = self.skip_string(bytes, at);
                continue;
            }
            let byte = bytes[at];
            if matches!(self.list, List::ItemOrEnd | List::Item | List::CommaOrEnd) {
                if byte == b'{' && self.list != List::CommaOrEnd {
                    let available = bytes.len() - at;
                    if available < self.wait_for {
                        return Some(at);
                    }
                    // serde reads the item in place and says where it ended.
                    let mut items = serde_json::Deserializer::from_slice(&bytes[at..]).into_iter::<NewsItem>();
                    match items.next()? {
                        Ok(mut item) => {
                            item.shrink_to_fit();
                            self.news.push(item);
                        }
                        // The rest of this item comes with the next windows.
                        Err(error) if error.is_eof() => {
                            self.rereads += 1;
                            self.wait_for = 2 * available;
                            return Some(at);
                        }
                        Err(_) => return None,
                    }
                    self.wait_for = 0;
                    at += items.byte_offset();
                    self.list = List::CommaOrEnd;
                } else {
                    self.between_items(byte)?;
                    run = at;
                    at += 1;
                }
                continue;
            }
            let key = std::mem::take(&mut self.key);
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => self.key = key,
                b'"' => {
                    self.in_string = true;
                    self.top_level_string.clear();
                }
                b':' if key == Key::News && self.depth == 1 => self.key = Key::NewsColon,
                b'[' if key == Key::NewsColon && self.depth == 1 && self.list == List::Before => {
                    self.head.extend_from_slice(&bytes[run..=at]);
                    self.depth += 1;
                    self.list = List::ItemOrEnd;
                }
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => self.depth = self.depth.checked_sub(1)?,
                _ => {}
            }
            at += 1;
        }
        if matches!(self.list, List::Before | List::After) {
            self.head.extend_from_slice(&bytes[run..]);
        }
        Some(bytes.len())
    }

    /// Inside a string nothing counts but its end; returns where reading goes on.
    fn skip_string(&mut self, bytes: &[u8], at: usize) -> usize {
        if self.escaped {
            self.escaped = false;
            return at + 1;
        }
        let rest = &bytes[at..];
        let length = rest.iter().position(|&b| b == b'"' || b == b'\\').unwrap_or(rest.len());
        if self.depth == 1 && self.top_level_string.len() <= b"news".len() {
            // An escape is kept as its backslash: a key spelt with one is not taken for `news`.
            self.top_level_string.extend(rest.iter().take(length + 1).take(b"news".len() + 1));
        }
        match rest.get(length) {
            Some(b'\\') => self.escaped = true,
            Some(_) => {
                self.in_string = false;
                if self.depth == 1 && self.top_level_string == b"news\"" {
                    self.key = Key::News;
                }
            }
            None => {}
        }
        at + length + 1
    }

    /// Whitespace, commas and the end of the news list, in the only order JSON allows.
    fn between_items(&mut self, byte: u8) -> Option<()> {
        self.list = match (byte, self.list) {
            (b' ' | b'\t' | b'\n' | b'\r', list) => list,
            (b',', List::CommaOrEnd) => List::Item,
            (b']', List::ItemOrEnd | List::CommaOrEnd) => {
                self.depth -= 1;
                List::After
            }
            _ => return None,
        };
        Some(())
    }

    /// The head with the news items put back in; `None` if the file ended inside them or the head does
    /// not read.
    fn into_content(self) -> Option<Content> {
        // serde would read a struct from an array too; parse_content refuses anything but an object.
        if self.in_string || !self.pending.is_empty() || self.head.trim_ascii_start().first() != Some(&b'{') {
            return None;
        }
        let mut content: Content = serde_json::from_slice(&self.head).ok()?;
        match self.list {
            List::After => content.news = self.news,
            List::Before => {}
            _ => return None,
        }
        Some(content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_content;
    use crate::content::validate::checked;
    use crate::tooling::synthetic;
    use proptest::prelude::*;

    /// The splitter after reading the whole file in windows of `window_size` bytes.
    fn split(len: usize, window_size: usize, mut read: impl FnMut(usize, &mut [u8])) -> Option<Splitter> {
        let mut reading = PieceReading { window_size, ..PieceReading::new(len) };
        while !reading.read_window(&mut read) {}
        reading.end()
    }

    fn pieces(bytes: &[u8], window: usize) -> Option<Result<Content, ContentError>> {
        let read = |offset: usize, buffer: &mut [u8]| buffer.copy_from_slice(&bytes[offset..offset + buffer.len()]);
        split(bytes.len(), window, read)?.into_content().map(checked)
    }

    fn whole(bytes: &[u8]) -> Result<Content, ContentError> {
        parse_content(&decode_text(bytes))
    }

    /// Either the pieces give up, or they give exactly what the whole parse gives.
    fn agree(bytes: &[u8], window: usize) -> Result<(), TestCaseError> {
        if let Some(result) = pieces(bytes, window) {
            prop_assert!(result == whole(bytes), "window {}, text {:?}", window, String::from_utf8_lossy(bytes));
        }
        Ok(())
    }

    fn bundled() -> &'static [u8] {
        include_bytes!("../../content.json")
    }

    #[test]
    fn news_read_in_pieces_keep_no_spare_room() {
        use crate::content::rich_text::Block;
        let base = whole(bundled()).unwrap();
        let json = serde_json::to_vec(&synthetic::generate(&base, 200, 5)).unwrap();
        let content = pieces(&json, WINDOW).unwrap().unwrap();
        let mut paragraphs = 0;
        for item in &content.news {
            for list in [&item.topics, &item.audiences, &item.sections] {
                assert_eq!(list.capacity(), list.len(), "{}", item.slug);
            }
            for lang in crate::i18n::Lang::ALL {
                let Some(blocks) = item.body.get_exact(lang) else { continue };
                assert_eq!(blocks.capacity(), blocks.len(), "{}", item.slug);
                for block in blocks {
                    if let Block::Paragraph { text } = block {
                        assert_eq!(text.inlines.capacity(), text.inlines.len(), "{}", item.slug);
                        paragraphs += 1;
                    }
                }
            }
        }
        assert!(paragraphs > 500, "{paragraphs} paragraphs");
    }

    #[test]
    fn a_valid_file_reads_the_same_in_any_window() {
        let expected = whole(bundled()).unwrap();
        for window in [1, 7, 64, 4096, WINDOW] {
            assert_eq!(pieces(bundled(), window), Some(Ok(expected.clone())), "window {window}");
        }
        let marked = [BYTE_ORDER_MARK, bundled()].concat();
        assert_eq!(pieces(&marked, WINDOW), Some(Ok(expected)));
    }

    #[test]
    fn the_news_items_never_sit_in_memory_as_text_all_at_once() {
        let base = whole(bundled()).unwrap();
        let text = serde_json::to_string_pretty(&synthetic::generate(&base, 300, 7)).unwrap();
        let read =
            |offset: usize, buffer: &mut [u8]| buffer.copy_from_slice(&text.as_bytes()[offset..][..buffer.len()]);
        let splitter = split(text.len(), 4096, read).unwrap();
        assert_eq!(splitter.news.len(), 300);
        // The head is the site and sections only; of the items, a window and the item it cut, at most.
        assert!(splitter.head.len() < base_size(&base), "head {} bytes", splitter.head.len());
        assert!(text.len() > 1 << 20);
        assert!(splitter.pending.capacity() <= 32 * 1024, "bytes held back {}", splitter.pending.capacity());
        assert!(String::from_utf8(splitter.head).unwrap().contains("\"news\": []"));
    }

    /// The bundled file without its news, as text: what the head may hold at most.
    fn base_size(base: &Content) -> usize {
        let without_news = Content { news: Vec::new(), ..base.clone() };
        serde_json::to_string_pretty(&without_news).unwrap().len() + 64
    }

    #[test]
    fn a_very_large_item_is_not_read_again_for_every_window() {
        let base = whole(bundled()).unwrap();
        let mut content = synthetic::generate(&base, 3, 5);
        let blocks: Vec<_> = content
            .news
            .iter()
            .flat_map(|n| [&n.body.fi, &n.body.sv, &n.body.en])
            .flatten()
            .flatten()
            .cloned()
            .collect();
        let long: Vec<_> = blocks.into_iter().cycle().take(4000).collect();
        content.news[1].body.fi = Some(long);
        let text = serde_json::to_string(&content).unwrap();
        assert!(text.len() > 1 << 20);
        let read =
            |offset: usize, buffer: &mut [u8]| buffer.copy_from_slice(&text.as_bytes()[offset..][..buffer.len()]);
        let splitter = split(text.len(), 1024, read).unwrap();
        // Read again each time its text doubled, not once for each of the thousand windows.
        assert!(splitter.rereads <= 2 * (text.len() / 1024).ilog2() as usize, "{} rereads", splitter.rereads);
        assert_eq!(splitter.into_content().map(checked), Some(whole(text.as_bytes())));
    }

    #[test]
    fn what_the_whole_parse_must_explain_is_left_to_it() {
        let text = String::from_utf8(bundled().to_vec()).unwrap();
        let cases = [
            // A control character inside a text, which JSON does not allow unescaped.
            text.replacen("Multisectoral", "Multisectoral \u{1}", 1),
            text.replacen("\"news\": [", "\"news\": [,", 1),
            text.replacen("\"news\": [", "\"news\": {", 1),
            text.replacen("\"news\": [", "\"news\": [ 1, ", 1),
            text[..text.len() / 2].to_owned(),
            format!("[{text}]"),
            text.replacen('{', "{\"news\": [], ", 1),
            text.replacen("\"news\"", "\"n\\u0065ws\"", 1),
            // Between the news items: a comma too many, one missing, a stray value.
            text.replacen("    }\n  ]\n}", "    },\n  ]\n}", 1),
            text.replacen("    },\n    {", "    }\n    {", 1),
            text.replacen("    },\n    {", "    }, null, {", 1),
            text.replacen("    },\n    {", "    }],\n    \"x\": [{", 1),
        ];
        for case in &cases[8..] {
            assert_ne!(case, &text, "the edit was made");
        }
        for (i, case) in cases.iter().enumerate() {
            let from_pieces = pieces(case.as_bytes(), 64);
            assert!(
                from_pieces.is_none() || from_pieces == Some(whole(case.as_bytes())),
                "case {i}: read in pieces as {:?}",
                from_pieces.map(|result| result.map(|content| content.news.len()))
            );
        }
        // A key spelt with an escape is still `news` to serde, and the file reads whole from the head.
        assert_eq!(pieces(cases[7].as_bytes(), 64), Some(whole(bundled())));
        let latin1 = [&bundled()[..200], b"\xE4", &bundled()[200..]].concat();
        assert_eq!(pieces(&latin1, WINDOW), None);
    }

    #[test]
    fn every_single_deletion_gives_up_or_agrees() {
        let text = include_bytes!("../../tests/fixtures/minimal.json");
        for at in 0..text.len() {
            let deleted = [&text[..at], &text[at + 1..]].concat();
            agree(&deleted, 7).unwrap();
        }
    }

    proptest! {
        #[test]
        fn any_edit_gives_up_or_agrees(
            at in 0usize..100_000,
            replacement in prop::sample::select(vec!["", "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "news", "\"news\":[]"]),
            window in 1usize..40,
        ) {
            let text = include_bytes!("../../tests/fixtures/minimal.json");
            let at = at % text.len();
            let edited = [&text[..at], replacement.as_bytes(), &text[at + 1..]].concat();
            agree(&edited, window)?;
        }
    }

    #[test]
    fn content_bytes_are_read_as_the_browser_reads_text() {
        let valid = "{\"title\": \"Ääkköset\"}";
        assert!(matches!(decode_text(valid.as_bytes()), std::borrow::Cow::Borrowed(text) if text == valid));
        // Editors on Windows often save with a byte order mark; JSON parsers refuse it.
        let with_mark = [b"\xEF\xBB\xBF".as_slice(), valid.as_bytes()].concat();
        assert_eq!(decode_text(&with_mark), valid);
        // Latin-1 "ä" is not UTF-8: replaced, as response.text() would, rather than refused outright.
        assert_eq!(decode_text(b"{\"a\": \"\xE4\"}"), "{\"a\": \"\u{FFFD}\"}");
    }
}
