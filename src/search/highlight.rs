//! What of a text to show for a search, and which of its words to mark: every word that matched a query
//! word in any way the index finds, inflected forms and compound parts included.

use super::card_words::{Forms, ReadWords};
use super::term::Term;
use super::text::WordReader;
use crate::i18n::Lang;
use std::ops::Range;

/// A piece of text to show, marked where it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub matched: bool,
}

/// Which words of a text in `lang` matched the query, read and worked out only as far as asked: a
/// snippet needs the words up to its window's end, not the whole of a long body. The words read and
/// the forms worked out are kept by the caller ([`super::card_words`]) for the next keystroke.
pub struct Marks<'a> {
    text: &'a str,
    lang: Lang,
    terms: &'a [Term],
    read: &'a mut ReadWords,
    forms: &'a mut Forms,
    scratch: Vec<u8>,
}

impl<'a> Marks<'a> {
    /// Marks for `terms`, which `forms` is ready for ([`Forms::for_terms`]); `read` holds the words
    /// of `text` read before, if any.
    pub fn new(
        text: &'a str,
        lang: Lang,
        terms: &'a [Term],
        read: &'a mut ReadWords,
        forms: &'a mut Forms,
    ) -> Marks<'a> {
        Marks { text, lang, terms, read, forms, scratch: Vec::new() }
    }

    /// The `index`-th word, read if it has not been, and whether it matched; `None` past the last word.
    fn word(&mut self, index: usize) -> Option<(Range<usize>, bool)> {
        while self.read.words.len() <= index {
            let Marks { text, read, forms, scratch, .. } = self;
            let (word, span) = WordReader::shared().next_word(text, read.read_to, scratch)?;
            let number = forms.number(word.form);
            read.read_to = span.end;
            read.words.push((span, number));
        }
        let (span, number) = self.read.words[index].clone();
        Some((span, self.forms.matches(number, self.lang, self.terms)))
    }

    /// The first word that matched.
    pub fn first_match(&mut self) -> Option<usize> {
        (0..).map_while(|index| Some((index, self.word(index)?.1))).find(|&(_, marked)| marked).map(|(index, _)| index)
    }

    /// `text[start..end]`, cut into plain and matched pieces; `start` and `end` lie between words.
    fn fragments(&mut self, start: usize, end: usize) -> Vec<Fragment> {
        let mut fragments = Vec::new();
        let mut plain_start = start;
        for index in 0.. {
            let Some((span, marked)) = self.word(index).filter(|(span, _)| span.start < end) else { break };
            if span.start < start || span.end > end || !marked {
                continue;
            }
            if plain_start < span.start {
                fragments.push(Fragment { text: self.text[plain_start..span.start].to_owned(), matched: false });
            }
            fragments.push(Fragment { text: self.text[span.clone()].to_owned(), matched: true });
            plain_start = span.end;
        }
        if plain_start < end {
            fragments.push(Fragment { text: self.text[plain_start..end].to_owned(), matched: false });
        }
        fragments
    }

    /// The whole text, cut into plain and matched pieces.
    pub fn whole(mut self) -> Vec<Fragment> {
        self.fragments(0, self.text.len())
    }

    /// About `max_chars` of the text around its first match, cut at word boundaries and marked with "…"
    /// where cut; the start of the text when nothing matches.
    pub fn snippet(mut self, max_chars: usize) -> Vec<Fragment> {
        let text = self.text;
        // Start a few words before the match, so the reader sees what leads up to it.
        let start_word = self.first_match().map_or(0, |i| i.saturating_sub(6));
        let start = if start_word == 0 { 0 } else { self.read.words[start_word].0.start };
        let mut end = text.len();
        // Characters from `start` to the end of the word before, counted a word at a time.
        let (mut chars, mut counted_to) = (0, start);
        for index in start_word.. {
            let Some((span, _)) = self.word(index) else { break };
            chars += text[counted_to..span.end].chars().count();
            counted_to = span.end;
            if chars > max_chars {
                end = span.start;
                break;
            }
        }
        let window_end = start + text[start..end].trim_end().len();
        let mut fragments = self.fragments(start, window_end);
        if start > 0 {
            fragments.insert(0, Fragment { text: "…".into(), matched: false });
        }
        if end < text.len() {
            fragments.push(Fragment { text: "…".into(), matched: false });
        }
        fragments
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::term::query_terms;

    /// Splits `text` into plain and matched pieces.
    fn highlight(text: &str, lang: Lang, terms: &[Term]) -> Vec<Fragment> {
        let (mut read, mut forms) = (ReadWords::default(), Forms::default());
        forms.for_terms(terms);
        Marks::new(text, lang, terms, &mut read, &mut forms).whole()
    }

    /// About `max_chars` of `text` around its first match.
    fn snippet(text: &str, lang: Lang, terms: &[Term], max_chars: usize) -> Vec<Fragment> {
        let (mut read, mut forms) = (ReadWords::default(), Forms::default());
        forms.for_terms(terms);
        Marks::new(text, lang, terms, &mut read, &mut forms).snippet(max_chars)
    }

    fn marked(fragments: &[Fragment]) -> String {
        fragments.iter().map(|f| if f.matched { format!("[{}]", f.text) } else { f.text.clone() }).collect()
    }

    #[test]
    fn highlights_matched_words_in_original_form() {
        let terms = query_terms("keha tyo");
        assert_eq!(
            marked(&highlight("KEHA-keskus ja työ- ja elinkeinoministeriö", Lang::Fi, &terms)),
            "[KEHA]-keskus ja [työ]- ja elinkeinoministeriö"
        );
        assert_eq!(
            marked(&highlight("Ålands landskapsregering", Lang::Sv, &query_terms("alan"))),
            "[Ålands] landskapsregering"
        );
        assert_eq!(marked(&highlight("nothing here", Lang::En, &terms)), "nothing here");
    }

    #[test]
    fn snippet_centres_on_the_first_match() {
        let text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
                    interpreter fee sixteen seventeen eighteen nineteen twenty twenty-one twenty-two";
        let fragments = snippet(text, Lang::En, &query_terms("interpreter"), 80);
        let shown = marked(&fragments);
        assert!(shown.starts_with("…ten eleven"), "{shown}");
        assert!(shown.contains("[interpreter] fee"), "{shown}");
        assert!(shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= 80 + 4, "{shown}");
    }

    #[test]
    fn snippet_without_match_is_the_start() {
        let shown = marked(&snippet("Short text.", Lang::En, &query_terms("zzz"), 80));
        assert_eq!(shown, "Short text.");
    }

    #[test]
    fn inflected_forms_and_compound_parts_are_marked() {
        let text = "Kiintiöpakolaisten vastaanotto ja kotoutumissuunnitelmat";
        assert_eq!(
            marked(&highlight(text, Lang::Fi, &query_terms("pakolainen suunnitelma"))),
            "[Kiintiöpakolaisten] vastaanotto ja [kotoutumissuunnitelmat]"
        );
    }
}
