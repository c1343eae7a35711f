//! Words as search sees them: lowercase, without diacritics, split at anything that is not a letter or
//! digit. "KEHA-keskus" is the words `keha` and `keskus`; "Ä" and "å" match "a", so a query typed on any
//! keyboard finds Finnish and Swedish text.

use std::ops::Range;

/// The search form of one character, appended to `out`.
fn fold_into(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        let folded = match lower {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
            'š' => 's',
            'ù' | 'ú' | 'û' | 'ü' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' => 'z',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            other => other,
        };
        out.push(folded);
    }
}

/// One word's search form.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_word_into(word, &mut out);
    out
}

/// Appends `word`'s search form to `out`; most words are plain ASCII and take the fast path.
pub fn fold_word_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        word.chars().for_each(|c| fold_into(c, out));
    }
}

/// Reads the words of texts for indexing, every word of every text at load: one table lookup a
/// character for ASCII and every character of two bytes in UTF-8 (U+0080–U+07FF, every Finnish and
/// Swedish letter among them), made once from [`fold_into`], instead of Unicode's tables being searched
/// for each `ä` anew and each word copied and lowercased again.
pub struct WordReader {
    /// By code point below U+0800: [`NOT_WORD`], [`FOLD_SLOWLY`] or the one ASCII byte it folds to.
    folded: Box<[u8; 0x800]>,
}

// Neither is an ASCII byte, nor a byte of UTF-8.
const NOT_WORD: u8 = 0xff;
const FOLD_SLOWLY: u8 = 0xfe;

impl Default for WordReader {
    fn default() -> Self {
        let mut folded = Box::new([NOT_WORD; 0x800]);
        for (slot, c) in folded.iter_mut().zip('\0'..) {
            let mut form = String::new();
            fold_into(c, &mut form);
            *slot = match form.as_bytes() {
                _ if !c.is_alphanumeric() => NOT_WORD,
                [ascii] if ascii.is_ascii_alphanumeric() => *ascii,
                _ => FOLD_SLOWLY,
            };
        }
        WordReader { folded }
    }
}

impl WordReader {
    /// The next word of `text` from byte `from` in its search form, and the byte after it; `None` when
    /// no word is left. The words of [`word_spans`] folded as [`fold_word_into`] does. A word that is
    /// its own search form (lowercase ASCII, most words) is not copied; any other is folded into
    /// `scratch`.
    pub fn next_word<'a>(&self, text: &'a str, from: usize, scratch: &'a mut Vec<u8>) -> Option<(Word<'a>, usize)> {
        let bytes = text.as_bytes();
        let mut at = from;
        loop {
            let (folded, length) = self.read(text, at)?;
            if folded != NOT_WORD {
                break;
            }
            at += length;
        }
        let start = at;
        let mut hash = 0;
        // Only a letter or digit that is its own search form equals its entry: other ASCII bytes have
        // NOT_WORD or another letter, and the bytes that start a character of two bytes have entries
        // below 0x80 or NOT_WORD or FOLD_SLOWLY, which are not bytes of UTF-8.
        while let Some(&byte) = bytes.get(at).filter(|&&byte| self.folded[usize::from(byte)] == byte) {
            hash = Word::hash_step(hash, byte);
            at += 1;
        }
        if self.read(text, at).is_none_or(|(folded, _)| folded == NOT_WORD) {
            return Some((Word { form: &bytes[start..at], hash: Word::finish(hash) }, at));
        }
        // The rest of the word is folded into `scratch` a character at a time, its hash going on.
        scratch.clear();
        scratch.extend_from_slice(&bytes[start..at]);
        while let Some((folded, length)) = self.read(text, at) {
            match folded {
                NOT_WORD => break,
                FOLD_SLOWLY => text[at..].chars().take(1).for_each(|c| {
                    let mut form = String::new();
                    fold_into(c, &mut form);
                    for &byte in form.as_bytes() {
                        hash = Word::hash_step(hash, byte);
                    }
                    scratch.extend_from_slice(form.as_bytes());
                }),
                ascii => {
                    hash = Word::hash_step(hash, ascii);
                    scratch.push(ascii);
                }
            }
            at += length;
        }
        Some((Word { form: scratch, hash: Word::finish(hash) }, at))
    }

    /// The folded form of the character at byte `at` (a char boundary), as in [`WordReader::folded`],
    /// and its length in bytes; `None` at the end of the text.
    #[inline(always)]
    fn read(&self, text: &str, at: usize) -> Option<(u8, usize)> {
        let bytes = text.as_bytes();
        let lead = *bytes.get(at)?;
        Some(if lead < 0x80 {
            (self.folded[usize::from(lead)], 1)
        } else if lead & 0xe0 == 0xc0 {
            let code = usize::from(lead & 0x1f) << 6 | usize::from(bytes[at + 1] & 0x3f);
            (self.folded[code], 2)
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            (if c.is_alphanumeric() { FOLD_SLOWLY } else { NOT_WORD }, c.len_utf8())
        })
    }
}

/// A word as [`WordReader`] reads it: its search form, and its hash for the index's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub form: &'a [u8],
    pub hash: u64,
}

impl Word<'_> {
    /// A search form with its hash, as [`WordReader::next_word`] would read it.
    pub fn new(form: &[u8]) -> Word<'_> {
        Word { form, hash: Word::finish(form.iter().fold(0, |hash, &byte| Word::hash_step(hash, byte))) }
    }

    /// FxHash's step, a byte at a time so that it runs as the word is read.
    #[inline(always)]
    fn hash_step(hash: u64, byte: u8) -> u64 {
        (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0xf135_7aea_2e62_a9c5)
    }

    /// The product's high bits, which mix every byte, moved down to where the table takes its slot.
    #[inline(always)]
    fn finish(hash: u64) -> u64 {
        hash.rotate_left(26)
    }
}

/// Byte ranges of the words in `text`, for highlighting the original text.
pub fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let (is_word, length) = char_class(text, at);
            if is_word {
                break;
            }
            at += length;
        }
        if at >= text.len() {
            return None;
        }
        let start = at;
        while at < text.len() {
            let (is_word, length) = char_class(text, at);
            if !is_word {
                break;
            }
            at += length;
        }
        Some(start..at)
    })
}

/// Whether the character at byte `at` belongs to a word, and its length; ASCII without decoding.
/// Inlined even in the size-optimised build: it runs for every byte of every text when indexing.
#[inline(always)]
fn char_class(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        (byte.is_ascii_alphanumeric(), 1)
    } else {
        let c = text[at..].chars().next().unwrap_or_default();
        (c.is_alphanumeric(), c.len_utf8().max(1))
    }
}

/// The search forms of the words in `text`.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_spans(text).map(|span| fold(&text[span]))
}

/// A word of a query, folded, and how it matches the words of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    whole_word: bool,
}

impl Term {
    /// Does a word of the text (already folded) match? Most terms match the words they start. A single
    /// letter the reader has typed past matches only itself, such as the Swedish word "i" or "å",
    /// rather than every word that starts with it. The letter being typed, last in the query, is a
    /// prefix like any other term: the results narrow from "integration" to "integration p" instead of
    /// flashing "no results" until the next letter.
    pub fn matches(&self, folded_word: impl AsRef<[u8]>) -> bool {
        let (word, text) = (folded_word.as_ref(), self.text.as_bytes());
        if self.whole_word {
            word == text
        } else {
            word.starts_with(text)
        }
    }

    /// The letter or digit being typed, when the term is just that: it matches every word it starts.
    pub fn initial(&self) -> Option<u8> {
        match self.text.as_bytes() {
            [initial] if !self.whole_word && initial.is_ascii_alphanumeric() => Some(*initial),
            _ => None,
        }
    }
}

/// The words of a query, without repeats.
pub fn query_terms(query: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for span in word_spans(query) {
        let text = fold(&query[span.clone()]);
        let typed_past = span.end < query.len();
        let whole_word = typed_past && text.chars().nth(1).is_none();
        match terms.iter_mut().find(|term| term.text == text) {
            Some(known) => known.whole_word |= whole_word,
            None => terms.push(Term { text, whole_word }),
        }
    }
    terms
}

/// A piece of text to show, marked where it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub matched: bool,
}

/// Splits `text` into plain and matched pieces.
pub fn highlight(text: &str, terms: &[Term]) -> Vec<Fragment> {
    let mut fragments = Vec::new();
    let mut plain_start = 0;
    for span in word_spans(text) {
        let folded = fold(&text[span.clone()]);
        if terms.iter().any(|term| term.matches(&folded)) {
            if plain_start < span.start {
                fragments.push(Fragment { text: text[plain_start..span.start].to_owned(), matched: false });
            }
            fragments.push(Fragment { text: text[span.clone()].to_owned(), matched: true });
            plain_start = span.end;
        }
    }
    if plain_start < text.len() {
        fragments.push(Fragment { text: text[plain_start..].to_owned(), matched: false });
    }
    fragments
}

/// About `max_chars` of `text` around its first match, cut at word boundaries and marked with "…" where
/// cut; the start of the text when nothing matches.
pub fn snippet(text: &str, terms: &[Term], max_chars: usize) -> Vec<Fragment> {
    let spans: Vec<Range<usize>> = word_spans(text).collect();
    let first_match = spans.iter().position(|span| terms.iter().any(|term| term.matches(fold(&text[span.clone()]))));
    // Start a few words before the match, so the reader sees what leads up to it.
    let start_word = first_match.map_or(0, |i| i.saturating_sub(6));
    let start = if start_word == 0 { 0 } else { spans[start_word].start };
    let mut end = text.len();
    for span in &spans[start_word..] {
        if text[start..span.end].chars().count() > max_chars {
            end = span.start;
            break;
        }
    }
    let window = text[start..end].trim_end();
    let mut fragments = highlight(window, terms);
    if start > 0 {
        fragments.insert(0, Fragment { text: "…".into(), matched: false });
    }
    if end < text.len() {
        fragments.push(Fragment { text: "…".into(), matched: false });
    }
    fragments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(fragments: &[Fragment]) -> String {
        fragments.iter().map(|f| if f.matched { format!("[{}]", f.text) } else { f.text.clone() }).collect()
    }

    #[test]
    fn folds_case_and_nordic_letters() {
        assert_eq!(fold("KEHA-keskus"), "keha-keskus");
        assert_eq!(fold("Työllisyysalueet"), "tyollisyysalueet");
        assert_eq!(fold("Välfärdsområdena"), "valfardsomradena");
        assert_eq!(fold("ÅÄÖ åäö"), "aao aao");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn splits_words_at_hyphens_slashes_and_punctuation() {
        assert_eq!(
            words("KEHA-keskus (681/2023), 56,70 €.").collect::<Vec<_>>(),
            ["keha", "keskus", "681", "2023", "56", "70"]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" – ").count(), 0);
    }

    /// What indexing reads from `text`, word by word.
    fn indexed_words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut at = 0;
        let mut scratch = Vec::new();
        let reader = WordReader::default();
        while let Some((word, end)) = reader.next_word(text, at, &mut scratch) {
            assert_eq!(word, Word::new(word.form), "the hash as read is the word's hash");
            words.push(String::from_utf8(word.form.to_vec()).expect("a word in UTF-8"));
            at = end;
        }
        words
    }

    #[test]
    fn indexing_reads_the_words_search_and_highlighting_see() {
        for text in ["KEHA-keskus (681/2023), 56,70 €.", "Välfärdsområdena ÅÄÖ åäö", "Straße–ß", "", " – ", "x"]
        {
            assert_eq!(indexed_words(text), words(text).collect::<Vec<_>>(), "{text:?}");
        }
        assert_eq!(indexed_words("Työ- ja ELINKEINOministeriö"), ["tyo", "ja", "elinkeinoministerio"]);
    }

    proptest::proptest! {
        #[test]
        fn indexing_and_highlighting_split_any_text_alike(text in "[a-zA-Z0-9 .,äöåÄÖÅßéŠ€–×ÆøŁł²Жİþÿ-]{0,40}") {
            proptest::prop_assert_eq!(indexed_words(&text), words(&text).collect::<Vec<_>>());
        }
    }

    fn texts(terms: &[Term]) -> Vec<&str> {
        terms.iter().map(|term| term.text.as_str()).collect()
    }

    #[test]
    fn query_terms_are_folded_and_unique() {
        assert_eq!(texts(&query_terms("  Keha KEHA kotoutuminen ")), ["keha", "kotoutuminen"]);
        assert_eq!(texts(&query_terms("<script>")), ["script"]);
    }

    #[test]
    fn terms_match_word_prefixes() {
        let terms = query_terms("keh ke");
        assert!(terms.iter().all(|term| term.matches("keha")), "typed past or not");
        assert!(!terms[0].matches("eha"));
    }

    #[test]
    fn a_single_letter_typed_past_matches_only_itself_but_while_typed_starts_words() {
        let being_typed = &query_terms("integration p")[1];
        assert!(being_typed.matches("p") && being_typed.matches("plan"));
        for query in ["p integration", "integration p ", "p-integration"] {
            let typed_past = query_terms(query).into_iter().find(|term| term.text == "p").unwrap();
            assert!(typed_past.matches("p"), "{query:?}");
            assert!(!typed_past.matches("plan"), "{query:?}");
        }
        let repeated = query_terms("å plan å");
        assert!(!repeated[0].matches("aland"), "the stricter reading of a repeated letter holds");
        assert!(query_terms("Ö")[0].matches("oljy"), "a lone letter being typed is a prefix too");
    }

    #[test]
    fn highlights_matched_words_in_original_form() {
        let terms = query_terms("keha tyo");
        assert_eq!(
            marked(&highlight("KEHA-keskus ja työ- ja elinkeinoministeriö", &terms)),
            "[KEHA]-keskus ja [työ]- ja elinkeinoministeriö"
        );
        assert_eq!(marked(&highlight("Ålands landskapsregering", &query_terms("alan"))), "[Ålands] landskapsregering");
        assert_eq!(marked(&highlight("nothing here", &terms)), "nothing here");
    }

    #[test]
    fn snippet_centres_on_the_first_match() {
        let text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
                    interpreter fee sixteen seventeen eighteen nineteen twenty twenty-one twenty-two";
        let fragments = snippet(text, &query_terms("interpreter"), 80);
        let shown = marked(&fragments);
        assert!(shown.starts_with("…ten eleven"), "{shown}");
        assert!(shown.contains("[interpreter] fee"), "{shown}");
        assert!(shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= 80 + 4, "{shown}");
    }

    #[test]
    fn snippet_without_match_is_the_start() {
        let shown = marked(&snippet("Short text.", &query_terms("zzz"), 80));
        assert_eq!(shown, "Short text.");
    }
}
