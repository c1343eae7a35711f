//! The words of the texts on the result cards, read once while the page shows them, and whether each
//! distinct word matches, worked out once for each query: every keystroke marks the page's cards again,
//! mostly the same cards, whose 20 texts share many words (BENCHMARKS.md, session 18).

use super::term::Term;
use crate::i18n::Lang;
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard};

/// Texts kept at most (a title, summary and body a card, for two pages of cards); past it all is read
/// again, so a long visit's memory stays bounded (a few hundred kilobytes) and the texts are few to look
/// through.
const MAX_TEXTS: usize = 120;

/// Which text of a result a [`ReadWords`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardText {
    Title,
    Summary,
    Body,
}

/// A text of a card: the caller's number for its document, which text, and the language it is in.
pub(super) type TextKey = (usize, CardText, Lang);

/// A text's words as far as read: where each stands, and its search form by number in [`Forms`].
#[derive(Default)]
pub struct ReadWords {
    pub(super) words: Vec<(Range<usize>, u32)>,
    /// Where reading goes on; past the text once every word is read.
    pub(super) read_to: usize,
}

/// The search forms met, by number, and whether each matches the query's terms in each language.
#[derive(Default)]
pub struct Forms {
    forms: Vec<Box<[u8]>>,
    /// The numbers in the order of their forms, to find a form's number.
    in_order: Vec<u32>,
    /// By form and language: not asked yet, or whether it matched, for `terms`.
    matched: Vec<Option<bool>>,
    /// What the matching of `terms` depends on ([`Term::write_key`]), and the next terms' beside it.
    key: Vec<u8>,
    next_key: Vec<u8>,
}

impl Forms {
    /// The number of `form`, given it the first time.
    pub(super) fn number(&mut self, form: &[u8]) -> u32 {
        let Forms { forms, in_order, .. } = self;
        let at = in_order.partition_point(|&number| *forms[number as usize] < *form);
        match in_order.get(at) {
            Some(&number) if *forms[number as usize] == *form => number,
            _ => {
                let number = forms.len() as u32;
                forms.push(form.into());
                in_order.insert(at, number);
                number
            }
        }
    }

    /// Whether the form `number` matches any of `terms` in `lang`, asked of the terms once; `terms` are
    /// those of the last [`Forms::for_terms`].
    pub(super) fn matches(&mut self, number: u32, lang: Lang, terms: &[Term]) -> bool {
        let slot = number as usize * Lang::ALL.len() + lang as usize;
        if self.matched.len() <= slot {
            self.matched.resize(slot + 1, None);
        }
        let form = &self.forms[number as usize];
        *self.matched[slot].get_or_insert_with(|| terms.iter().any(|term| term.matches(form, lang).is_some()))
    }

    /// Ready for `terms`: what was worked out for others is forgotten.
    pub(super) fn for_terms(&mut self, terms: &[Term]) {
        self.next_key.clear();
        terms.iter().for_each(|term| term.write_key(&mut self.next_key));
        if self.next_key != self.key {
            std::mem::swap(&mut self.key, &mut self.next_key);
            self.matched.clear();
        }
    }
}

/// The cards' texts read so far, with the body's plain text they were read from, and their forms. For
/// one content, whose documents the keys number.
#[derive(Default)]
pub struct CardWords {
    /// Looked for one by one: a page's cards, and those of the keystrokes before.
    texts: Vec<(TextKey, Option<String>, ReadWords)>,
    pub(super) forms: Forms,
}

impl CardWords {
    /// One for a view, which marks its cards from the closures of its memos.
    pub fn shared() -> Arc<Mutex<CardWords>> {
        Arc::default()
    }

    /// The view's, to mark with; a panic while marking left nothing unsound behind.
    pub fn lock(shared: &Mutex<CardWords>) -> MutexGuard<'_, CardWords> {
        shared.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The words of a text as read so far, and its plain text when `plain` makes it (a body's); a text
    /// not seen before is read from its start.
    pub(super) fn text(
        &mut self,
        key: TextKey,
        plain: impl FnOnce() -> Option<String>,
    ) -> (&Option<String>, &mut ReadWords, &mut Forms) {
        let at = match self.texts.iter().position(|(known, ..)| *known == key) {
            Some(at) => at,
            None => {
                if self.texts.len() >= MAX_TEXTS {
                    let key = std::mem::take(&mut self.forms.key);
                    *self = CardWords::default();
                    self.forms.key = key;
                }
                self.texts.push((key, plain(), ReadWords::default()));
                self.texts.len() - 1
            }
        };
        let (_, text, words) = &mut self.texts[at];
        (text, words, &mut self.forms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::highlight::{Fragment, Marks};
    use crate::search::term::query_terms;

    fn marked(words: &mut CardWords, document: usize, text: &str, terms: &[Term]) -> Vec<Fragment> {
        words.forms.for_terms(terms);
        let (_, read, forms) = words.text((document, CardText::Summary, Lang::En), || None);
        Marks::new(text, Lang::En, terms, read, forms).whole()
    }

    fn fresh(text: &str, terms: &[Term]) -> Vec<Fragment> {
        marked(&mut CardWords::default(), 0, text, terms)
    }

    #[test]
    fn kept_words_are_marked_for_the_terms_of_the_keystroke() {
        let text = "Interpreter fees: the fee for interpreting, and other fees of the integration plan.";
        let mut words = CardWords::default();
        for query in ["f", "fe", "fee", "fees", "int", "integration p", "plan", "fees"] {
            let terms = query_terms(query);
            assert_eq!(marked(&mut words, 7, text, &terms), fresh(text, &terms), "{query}");
        }
        assert!(fresh(text, &query_terms("fee")).iter().filter(|fragment| fragment.matched).count() >= 3);
    }

    #[test]
    fn a_full_keep_starts_again_and_marks_as_before() {
        let terms = query_terms("fee");
        let mut words = CardWords::default();
        for document in 0..MAX_TEXTS * 2 {
            let text = format!("Fee {document}: fees and other costs");
            assert_eq!(marked(&mut words, document, &text, &terms), fresh(&text, &terms));
            assert!(words.texts.len() <= MAX_TEXTS);
        }
    }
}
