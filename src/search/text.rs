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
    /// One reader for everyone who reads words a few at a time (the marks of search results), its table
    /// made once.
    pub fn shared() -> &'static WordReader {
        static SHARED: std::sync::OnceLock<WordReader> = std::sync::OnceLock::new();
        SHARED.get_or_init(WordReader::default)
    }

    /// The next word of `text` from byte `from` in its search form, and where it stands in `text`;
    /// `None` when no word is left. The words of [`word_spans`] folded as [`fold_word_into`] does. A
    /// word that is its own search form (lowercase ASCII, most words) is not copied; any other is
    /// folded into `scratch`.
    pub fn next_word<'a>(
        &self,
        text: &'a str,
        from: usize,
        scratch: &'a mut Vec<u8>,
    ) -> Option<(Word<'a>, Range<usize>)> {
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
            return Some((Word { form: &bytes[start..at], hash: Word::finish(hash) }, start..at));
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
        Some((Word { form: scratch, hash: Word::finish(hash) }, start..at))
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

#[cfg(test)]
mod tests {
    use super::*;

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
        while let Some((word, span)) = reader.next_word(text, at, &mut scratch) {
            assert_eq!(word, Word::new(word.form), "the hash as read is the word's hash");
            assert_eq!(fold(&text[span.clone()]).as_bytes(), word.form, "the span is the word's");
            words.push(String::from_utf8(word.form.to_vec()).expect("a word in UTF-8"));
            at = span.end;
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
}
