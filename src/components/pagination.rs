use crate::i18n::Lang;
use leptos::prelude::*;

/// Previous and next links around "Page 2 of 5"; nothing when everything fits on one page.
#[component]
pub fn Pagination(page: usize, pages: usize, previous: String, next: String, lang: Lang) -> impl IntoView {
    let texts = lang.texts();
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=texts.pagination>
                {(page > 0).then(|| view! { <a rel="prev" href=previous>{texts.previous_page}</a> })}
                <span aria-current="page">{lang.page_of(page + 1, pages)}</span>
                {(page + 1 < pages).then(|| view! { <a rel="next" href=next>{texts.next_page}</a> })}
            </nav>
        }
    })
}
