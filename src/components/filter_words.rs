//! The news list's filters in force, in words: on the chips that remove them, and in the sentence that
//! says what found nothing.

use crate::content::Content;
use crate::i18n::Lang;
use crate::search::{Filter, NewsQuery};

/// "Topic: Fees", "From 1.1.2024", "“keha”".
pub fn filter_label(filter: &Filter, content: &Content, lang: Lang) -> String {
    let texts = lang.texts();
    match filter {
        Filter::Words(words) => format!("“{words}”"),
        Filter::Value(facet, value) => format!("{}: {}", facet.label(lang), facet.value_label(content, lang, value)),
        Filter::From(date) => format!("{} {}", texts.date_from, date.written_in(lang)),
        Filter::To(date) => format!("{} {}", texts.date_to, date.written_in(lang)),
    }
}

/// The query in one sentence, for the no-results message.
pub fn described(query: &NewsQuery, content: &Content, lang: Lang) -> String {
    let labels: Vec<String> =
        query.active_filters().iter().map(|active| filter_label(&active.filter, content, lang)).collect();
    labels.join(", ")
}
