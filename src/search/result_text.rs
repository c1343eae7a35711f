//! What a search result shows of an item: its title and a snippet, marked where the words matched, each
//! with the language it is written in. The news list and site search both show results this way.

use super::card_words::{CardText, CardWords};
use super::highlight::{Fragment, Marks};
use super::term::{respelt, Term};
use super::text::{fold, word_spans};
use crate::content::rich_text::{body_plain_text, PlainText};
use crate::content::{Block, Content, Localized};
use crate::i18n::Lang;

/// Characters of a result's text shown around the match.
pub const SNIPPET_CHARS: usize = 180;

/// A text cut into matched and plain pieces, in the language it is in: the page's, or another where the
/// item lacks the page's (the view then marks it with its own `lang`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub lang: Lang,
    pub fragments: Vec<Fragment>,
}

/// A news item as its result card shows it: a keystroke that leaves the page's cards as they were
/// leaves them on screen untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedNews {
    /// Its index in `content.news`.
    pub item: usize,
    pub title: Marked,
    pub snippet: Marked,
}

/// The cards of the news items `items`, in order; `words` keeps what was read for the next keystroke.
pub fn marked_news(
    content: &Content,
    items: &[usize],
    lang: Lang,
    terms: &[Term],
    words: &mut CardWords,
) -> Vec<MarkedNews> {
    let mut marked = |&item: &usize| {
        let news = &content.news[item];
        let title = marked_title(&news.title, lang, terms, (item, words));
        let snippet = marked_snippet(&news.summary, &news.body, lang, terms, (item, words));
        MarkedNews { item, title, snippet }
    };
    items.iter().map(&mut marked).collect()
}

/// The title, its matched words marked; `document` numbers it in `words`.
pub fn marked_title(
    title: &Localized<String>,
    lang: Lang,
    terms: &[Term],
    (document, words): (usize, &mut CardWords),
) -> Marked {
    let found = title.get(lang);
    let text = found.map(|found| found.value.as_str()).unwrap_or_default();
    let lang = found.map_or(lang, |found| found.lang);
    words.forms.for_terms(terms);
    let (_, read, forms) = words.text((document, CardText::Title, lang), || None);
    Marked { lang, fragments: Marks::new(text, lang, terms, read, forms).whole() }
}

/// Where the words matched: the summary, else the body; the start of the summary when there are no
/// words to match. `document` numbers it in `words`.
pub fn marked_snippet(
    summary: &Localized<String>,
    body: &Localized<Vec<Block>>,
    lang: Lang,
    terms: &[Term],
    (document, words): (usize, &mut CardWords),
) -> Marked {
    let summary = summary.get(lang);
    let summary_text = summary.map(|found| found.value.as_str()).unwrap_or_default();
    let summary_lang = summary.map_or(lang, |found| found.lang);
    words.forms.for_terms(terms);
    let (_, read, forms) = words.text((document, CardText::Summary, summary_lang), || None);
    let mut summary_marks = Marks::new(summary_text, summary_lang, terms, read, forms);
    if terms.is_empty() || summary_marks.first_match().is_some() {
        return Marked { lang: summary_lang, fragments: summary_marks.snippet(SNIPPET_CHARS) };
    }
    let body = body.get(lang);
    let body_lang = body.map_or(lang, |found| found.lang);
    let plain = || body.map(|found| body_plain_text(found.value, PlainText::Words));
    let (body_text, read, forms) = words.text((document, CardText::Body, body_lang), plain);
    let body_text = body_text.as_deref().unwrap_or_default();
    Marked { lang: body_lang, fragments: Marks::new(body_text, body_lang, terms, read, forms).snippet(SNIPPET_CHARS) }
}

/// The query respelt where a word matched only as a typo, each correction written as the first of
/// `results` that has it writes it: "Did you mean …?".
pub fn did_you_mean<'a>(
    query: &str,
    terms: &[Term],
    results: impl Iterator<Item = (&'a Localized<String>, &'a Localized<String>, &'a Localized<Vec<Block>>)> + Clone,
) -> Option<String> {
    respelt(query, terms, |folded| {
        let written = results.clone().find_map(|(title, summary, body)| written_as(folded, title, summary, body));
        written.unwrap_or_else(|| folded.to_owned())
    })
}

/// A word in its search form as the texts write it, Nordic letters and all: in lower case where some
/// text has it so (not the capital a title starts with), else as first written; in the title, summary
/// or body, in any language.
pub fn written_as(
    folded: &str,
    title: &Localized<String>,
    summary: &Localized<String>,
    body: &Localized<Vec<Block>>,
) -> Option<String> {
    let mut first = None;
    for lang in Lang::ALL {
        let body = body.get_exact(lang).map(|blocks| body_plain_text(blocks, PlainText::Words));
        let texts =
            [title.get_exact(lang).map(String::as_str), summary.get_exact(lang).map(String::as_str), body.as_deref()];
        for text in texts.into_iter().flatten() {
            for word in word_spans(text).map(|span| &text[span]).filter(|word| fold(word) == folded) {
                if !word.chars().any(char::is_uppercase) {
                    return Some(word.to_owned());
                }
                first.get_or_insert_with(|| word.to_owned());
            }
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::RichText;
    use crate::search::term::query_terms;

    fn finnish_only(text: &str) -> Localized<String> {
        Localized { fi: Some(text.into()), sv: None, en: None }
    }

    fn marked_text(marked: &Marked) -> String {
        marked.fragments.iter().map(|fragment| fragment.text.as_str()).collect()
    }

    #[test]
    fn text_in_a_fallback_language_says_which_it_is() {
        let title = Localized { fi: Some("Tulkkaus".into()), sv: None, en: Some("Interpreting".into()) };
        let terms = query_terms("tulk");
        assert_eq!(marked_title(&title, Lang::Sv, &terms, (0, &mut CardWords::default())).lang, Lang::Fi);
        assert_eq!(marked_title(&title, Lang::En, &terms, (0, &mut CardWords::default())).lang, Lang::En);

        let body = Localized {
            fi: None,
            sv: Some(vec![Block::Paragraph { text: RichText::parse("Tolkning i kommunen") }]),
            en: None,
        };
        let from_summary = marked_snippet(
            &finnish_only("Tulkkauksen kustannukset"),
            &body,
            Lang::Sv,
            &terms,
            (0, &mut CardWords::default()),
        );
        assert_eq!((from_summary.lang, marked_text(&from_summary).as_str()), (Lang::Fi, "Tulkkauksen kustannukset"));
        let from_body = marked_snippet(
            &finnish_only("Kustannukset"),
            &body,
            Lang::Sv,
            &query_terms("tolkning"),
            (0, &mut CardWords::default()),
        );
        assert_eq!((from_body.lang, marked_text(&from_body).as_str()), (Lang::Sv, "Tolkning i kommunen"));
        assert!(from_body.fragments[0].matched);
    }

    #[test]
    fn a_folded_word_is_found_as_the_text_writes_it() {
        let body = Localized {
            fi: None,
            sv: Some(vec![Block::Paragraph { text: RichText::parse("Välfärdsområdet") }]),
            en: None,
        };
        let title = finnish_only("Työllisyysalueet");
        assert_eq!(written_as("tyollisyysalueet", &title, &title, &body).as_deref(), Some("Työllisyysalueet"));
        let summary = finnish_only("Uudet työllisyysalueet");
        assert_eq!(written_as("tyollisyysalueet", &title, &summary, &body).as_deref(), Some("työllisyysalueet"));
        assert_eq!(written_as("valfardsomradet", &title, &title, &body).as_deref(), Some("Välfärdsområdet"));
        assert_eq!(written_as("nowhere", &title, &title, &body), None);
    }

    #[test]
    fn without_search_words_the_summary_starts_the_snippet() {
        let body = Localized { fi: Some(vec![Block::Heading { text: "Otsikko".into() }]), sv: None, en: None };
        let shown = marked_snippet(&finnish_only("Yhteenveto"), &body, Lang::Fi, &[], (0, &mut CardWords::default()));
        assert_eq!(marked_text(&shown), "Yhteenveto");
    }
}
