//! What the reader sees before content is there: loading, or exactly what went wrong.

use crate::browser::load::LoadError;
use crate::browser::offline::SavedAt;
use crate::content::{ContentError, Problem};
use crate::i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn LoadErrorView(lang: Lang, error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let texts = lang.texts();
    let title = match &error {
        LoadError::Settings(_) => texts.settings_broken_title,
        _ if error.is_transfer_failure() => texts.fetch_failed_title,
        _ => texts.content_broken_title,
    };
    let details = match &error {
        LoadError::Content(ContentError::Invalid { problems }) => view! {
            <p>{texts.content_broken_body}</p>
            <p class="error-summary">{error.to_string().lines().next().unwrap_or_default().to_owned()}</p>
            <ul class="problems">
                {problems.iter().map(|problem| view! {
                    <li><code>{problem.path.clone()}</code>": "{problem.message.clone()}</li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        LoadError::Content(_) => view! {
            <p>{texts.content_broken_body}</p>
            <p class="error-summary">{error.to_string()}</p>
        }
        .into_any(),
        LoadError::Settings(_) => view! {
            <p>{texts.settings_broken_body}</p>
            <p class="error-summary">{error.to_string()}</p>
        }
        .into_any(),
        _ => view! { <p class="error-summary">{error.to_string()}</p> }.into_any(),
    };
    view! {
        <div class="wrap status load-error" role="alert">
            <h1 tabindex="-1">{title}</h1>
            {details}
            <button type="button" class="button" on:click=move |_| on_retry()>{texts.retry}</button>
        </div>
    }
}

/// Below the view when content.json has problems the portal worked around: folded, for the
/// administrator, out of the officials' way; each problem with its path in the file.
#[component]
pub fn ContentProblemsNotice(lang: Lang, problems: Vec<Problem>) -> impl IntoView {
    let texts = lang.texts();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="wrap">
                <details class="content-problems">
                    <summary>{lang.content_problem_count(problems.len())}</summary>
                    <p>{texts.content_problems_body}</p>
                    <ul class="problems">
                        {problems.into_iter().map(|problem| view! {
                            <li><code>{problem.path}</code>": "{problem.message}</li>
                        }).collect_view()}
                    </ul>
                </details>
            </div>
        }
    })
}

/// Above every view of the editors' preview: this is not what officials see.
#[component]
pub fn PreviewNotice(lang: Lang, name: String) -> impl IntoView {
    view! {
        <div class="preview-notice" role="note">
            <p class="wrap">{lang.texts().preview_notice.replace("{file}", &name)}</p>
        </div>
    }
}

/// Above the view when the content is the copy saved for offline reading.
#[component]
pub fn SavedNotice(lang: Lang, saved_at: SavedAt) -> impl IntoView {
    view! {
        <div class="wrap">
            <p class="notice saved-notice" role="status">{saved_at.notice_in(lang)}</p>
        </div>
    }
}
