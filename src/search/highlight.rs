//! What of a text to show for a search, and which of its words to mark: every word that matched a query
//! word in any way the index finds, inflected forms and compound parts included.

use super::term::Term;
use super::text::{fold, word_spans};
use crate::i18n::Lang;
use std::ops::Range;

/// A piece of text to show, marked where it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub matched: bool,
}

/// Whether a word of a text in `lang` matched any of `terms`.
fn is_marked(word: &str, lang: Lang, terms: &[Term]) -> bool {
    let folded = fold(word);
    terms.iter().any(|term| term.matches(&folded, lang).is_some())
}

/// Splits `text` into plain and matched pieces.
pub fn highlight(text: &str, lang: Lang, terms: &[Term]) -> Vec<Fragment> {
    let mut fragments = Vec::new();
    let mut plain_start = 0;
    for span in word_spans(text) {
        if is_marked(&text[span.clone()], lang, terms) {
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
pub fn snippet(text: &str, lang: Lang, terms: &[Term], max_chars: usize) -> Vec<Fragment> {
    let spans: Vec<Range<usize>> = word_spans(text).collect();
    let first_match = spans.iter().position(|span| is_marked(&text[span.clone()], lang, terms));
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
    let mut fragments = highlight(window, lang, terms);
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
    use crate::search::term::query_terms;

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
