//! One search result, in the news list and in site search alike: its title as a link, the line that
//! says what it is, and a snippet. Text in another language than the page's is marked with its own.
//!
//! Each card's contents are written as one piece of markup, every text escaped, as the fastest search
//! pages write their lists: a keystroke that changes a card is then one change to the page instead of a
//! few dozen calls from the wasm, and a card that stays as it was is left alone (BENCHMARKS.md, session 17).

use super::rich_text::lang_attr;
use crate::content::markup::push_escaped;
use crate::content::{Date, NewsType};
use crate::i18n::Lang;
use crate::search::highlight::Fragment;
use crate::search::result_text::Marked;
use leptos::prelude::*;

/// What the line under a result's title says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultKind {
    Section,
    News { published: Date, kind: NewsType },
}

/// One result as its card shows it.
pub struct ResultCard {
    pub href: String,
    pub title: Marked,
    pub kind: ResultKind,
    pub snippet: Marked,
}

impl ResultCard {
    /// What goes inside the card's `<li class="news-card">`.
    fn markup(&self, page: Lang) -> String {
        let mut out = String::from("<h3><a href=\"");
        push_escaped(&mut out, &self.href);
        out.push('"');
        push_marked(&mut out, &self.title, page);
        out.push_str("</a></h3><p class=\"meta\">");
        match self.kind {
            ResultKind::Section => push_escaped(&mut out, page.texts().section_result),
            ResultKind::News { published, kind } => push_meta(&mut out, published, kind, page),
        }
        out.push_str("</p><p");
        push_marked(&mut out, &self.snippet, page);
        out.push_str("</p>");
        out
    }
}

/// A page of results as a list.
#[component]
pub fn ResultList(cards: Vec<ResultCard>, lang: Lang) -> impl IntoView {
    let cards = cards.iter().map(|card| view! { <li class="news-card" inner_html=card.markup(lang)></li> });
    view! { <ul class="news-list">{cards.collect_view()}</ul> }
}

/// Ends an opening tag, with the text's `lang` where it is not the page's, then the text with its
/// matched words in `<mark>`.
fn push_marked(out: &mut String, marked: &Marked, page: Lang) {
    if let Some(code) = lang_attr(marked.lang, page) {
        out.push_str(" lang=\"");
        out.push_str(code);
        out.push('"');
    }
    out.push('>');
    for Fragment { text, matched } in &marked.fragments {
        if *matched {
            out.push_str("<mark>");
            push_escaped(out, text);
            out.push_str("</mark>");
        } else {
            push_escaped(out, text);
        }
    }
}

/// "18.12.2024 | News item".
fn push_meta(out: &mut String, published: Date, kind: NewsType, lang: Lang) {
    out.push_str("<time datetime=\"");
    out.push_str(&published.to_iso());
    out.push_str("\">");
    out.push_str(&published.written_in(lang));
    out.push_str("</time><span aria-hidden=\"true\"> | </span><span class=\"news-type\">");
    push_escaped(out, kind.name_in(lang));
    out.push_str("</span>");
}

/// "18.12.2024 | News item": when a news item was published and what kind it is; on the item's own
/// page led by a word ("Published"). The same markup as a result card's.
#[component]
pub fn NewsMeta(
    published: Date,
    kind: NewsType,
    lang: Lang,
    #[prop(optional)] lead: Option<&'static str>,
) -> impl IntoView {
    let mut markup = String::new();
    if let Some(lead) = lead {
        push_escaped(&mut markup, lead);
        markup.push(' ');
    }
    push_meta(&mut markup, published, kind, lang);
    view! { <p class="meta" inner_html=markup></p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(lang: Lang, pieces: &[(&str, bool)]) -> Marked {
        let fragments = pieces.iter().map(|&(text, matched)| Fragment { text: text.into(), matched }).collect();
        Marked { lang, fragments }
    }

    #[test]
    fn a_card_is_its_texts_escaped_with_their_marks_and_languages() {
        let card = ResultCard {
            href: "#/en/news/a\"b".into(),
            title: marked(Lang::En, &[("Fees & ", false), ("<script>", true), ("alert(1)</script>", false)]),
            kind: ResultKind::News { published: Date { year: 2024, month: 12, day: 18 }, kind: NewsType::PressRelease },
            snippet: marked(Lang::Fi, &[("<img src=x onerror=alert(1)>", false), ("maksu", true)]),
        };
        assert_eq!(
            card.markup(Lang::En),
            "<h3><a href=\"#/en/news/a&quot;b\">Fees &amp; <mark>&lt;script&gt;</mark>\
             alert(1)&lt;/script&gt;</a></h3><p class=\"meta\"><time datetime=\"2024-12-18\">18.12.2024</time>\
             <span aria-hidden=\"true\"> | </span><span class=\"news-type\">Press release</span></p>\
             <p lang=\"fi\">&lt;img src=x onerror=alert(1)&gt;<mark>maksu</mark></p>"
        );
    }

    #[test]
    fn a_section_card_says_it_is_a_topic_page() {
        let card = ResultCard {
            href: "#/sv/sections/x".into(),
            title: marked(Lang::Sv, &[("Tolk", true)]),
            kind: ResultKind::Section,
            snippet: marked(Lang::Sv, &[]),
        };
        let markup = card.markup(Lang::Sv);
        assert!(markup.ends_with("<p class=\"meta\">Ämnessida</p><p></p>"), "{markup}");
    }
}
