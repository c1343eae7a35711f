//! Renders content.json's rich text as DOM nodes. No HTML string ever reaches the page.

use crate::content::{Block, Inline, LinkTarget, Localized, RichText};
use crate::i18n::Lang;
use crate::route::Address;
use leptos::prelude::*;

/// The `lang` attribute a text needs: set only where the text is not in the page's language.
pub fn lang_attr(shown: Lang, page: Lang) -> Option<&'static str> {
    (shown != page).then(|| shown.code())
}

/// A localized plain text in a `<span>`, marked with its language when it had to fall back.
#[component]
pub fn Text(text: Localized<String>, lang: Lang) -> impl IntoView {
    let found = text.get(lang);
    let shown = found.map(|f| f.lang).unwrap_or(lang);
    let value = found.map(|f| f.value.clone()).unwrap_or_default();
    view! { <span lang=lang_attr(shown, lang)>{value}</span> }
}

#[component]
pub fn Body(body: Localized<Vec<Block>>, lang: Lang) -> impl IntoView {
    let found = body.get(lang);
    let shown = found.map(|f| f.lang).unwrap_or(lang);
    let blocks = found.map(|f| f.value.clone()).unwrap_or_default();
    view! {
        <div class="body" lang=lang_attr(shown, lang)>
            {(shown != lang).then(|| view! { <p class="notice">{lang.texts().not_in_language}</p> })}
            {blocks.into_iter().map(|block| render_block(block, lang)).collect_view()}
        </div>
    }
}

fn render_block(block: Block, lang: Lang) -> AnyView {
    match block {
        Block::Heading { text } => view! { <h2>{text}</h2> }.into_any(),
        Block::Paragraph { text } => view! { <p>{render_rich_text(text, lang)}</p> }.into_any(),
        Block::List { items } => view! {
            <ul>{items.into_iter().map(|item| view! { <li>{render_rich_text(item, lang)}</li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}

fn render_rich_text(text: RichText, lang: Lang) -> impl IntoView {
    text.inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Link { text, href } => view! { <SafeLink href=href lang=lang>{text}</SafeLink> }.into_any(),
        })
        .collect_view()
}

/// A link from content.json. A link to a view of the portal opens it in the page's language. External
/// links say so to screen readers and open in the whole window, not in the frame when the portal is
/// embedded in an intranet page (most sites refuse to be framed). An address that is not allowed is
/// shown as plain text: the content file may hold one, and the portal lists it as a problem.
#[component]
pub fn SafeLink(href: String, lang: Lang, children: Children) -> impl IntoView {
    match LinkTarget::of(&href) {
        LinkTarget::Unsafe => view! { <span class="unsafe-link">{children()}</span> }.into_any(),
        LinkTarget::InApp => view! { <a href=Address::link_in(&href, lang)>{children()}</a> }.into_any(),
        LinkTarget::Email => view! { <a href=href>{children()}</a> }.into_any(),
        LinkTarget::External => view! {
            <a href=href rel="noopener noreferrer" target="_top" class="external">
                {children()}
                <span class="visually-hidden">" "{lang.texts().opens_outside}</span>
            </a>
        }
        .into_any(),
    }
}
