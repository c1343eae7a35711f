//! The editors' page: a file chosen or dropped is checked in a worker, and what the check says is shown
//! with the file's lines, the feeds and the preview. The language is in the address (`editor.html#sv`),
//! so a link to the page opens in the language it was copied in.

use super::report::{FileReport, PreviewFrame};
use super::texts::{megabytes, EditorTexts};
use super::verdict::Verdict;
use super::worker::Check;
use crate::browser::language_memory::{reader_language, remember_language};
use crate::browser::preview::HANDOVER;
use crate::i18n::Lang;
use leptos::prelude::*;

/// Where the page is with the file chosen last.
#[derive(Clone)]
enum State {
    Waiting,
    Checking { name: String, bytes: usize },
    Checked { name: String, verdict: std::sync::Arc<Verdict> },
    Failed,
}

pub fn start() {
    leptos::mount::mount_to_body(EditorPage);
}

fn language_in_address() -> Option<Lang> {
    Lang::from_code(window().location().hash().unwrap_or_default().trim_start_matches('#'))
}

#[component]
fn EditorPage() -> impl IntoView {
    let lang = RwSignal::new(reader_language(language_in_address()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(chosen) = language_in_address() {
            remember_language(chosen);
            lang.set(chosen);
        }
    });
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        document().set_title(&format!("{} – {}", EditorTexts::of(lang).title, lang.texts().portal_name));
    });

    let state = RwSignal::new(State::Waiting);
    // The check under way; replacing it stops its worker.
    let check = StoredValue::new_local(None::<Check>);
    let choose = move |file: web_sys::File| {
        let name = file.name();
        // The preview in the frame reads the file from here (see crate::browser::preview).
        let _ = js_sys::Reflect::set(&window(), &HANDOVER.into(), &file);
        state.set(State::Checking { name: name.clone(), bytes: file.size() as usize });
        let finished = move |verdict: Option<Verdict>| {
            state.set(match verdict {
                Some(verdict) => State::Checked { name: name.clone(), verdict: std::sync::Arc::new(verdict) },
                None => State::Failed,
            })
        };
        match Check::start(file, finished) {
            Ok(started) => check.set_value(Some(started)),
            Err(_) => state.set(State::Failed),
        }
    };
    // A file dropped anywhere on the page is checked, rather than opened by the browser in its place.
    let _ = window_event_listener(leptos::ev::dragover, |event| event.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |event| {
        event.prevent_default();
        if let Some(file) = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0)) {
            choose(file);
        }
    });
    let chosen = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            choose(file);
        }
        // So that the same file, edited and saved again, can be chosen again.
        input.set_value("");
    };

    view! {
        {move || {
            let lang = lang.get();
            let texts = EditorTexts::of(lang);
            view! {
                <header class="site-header">
                    <div class="wrap header-row">
                        <a class="site-name" href=format!("index.html#/{}/", lang.code())>
                            {lang.texts().portal_name}
                        </a>
                        <nav class="languages" aria-label=texts.language>
                            <ul>
                                {Lang::ALL
                                    .map(|other| {
                                        view! {
                                            <li>
                                                <a
                                                    href=format!("#{}", other.code())
                                                    hreflang=other.code()
                                                    lang=other.code()
                                                    aria-current=(other == lang).then_some("true")
                                                >
                                                    {other.own_name()}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .to_vec()}
                            </ul>
                        </nav>
                    </div>
                </header>
                <main id="main" class="wrap editor">
                    <h1>{texts.title}</h1>
                    <p>{texts.introduction}</p>
                    <div class="file-choice">
                        <label for="content-file">{texts.choose}</label>
                        <input id="content-file" type="file" accept=".json,application/json" on:change=chosen />
                        <p class="drop-hint">{texts.drop}</p>
                    </div>
                    <div class="editor-status" role="status">
                        {move || match state.get() {
                            State::Checking { name, bytes } => {
                                Some(view! { <p>{(texts.checking)(&name, &megabytes(bytes, lang))}</p> }.into_any())
                            }
                            State::Failed => {
                                Some(view! { <p class="notice error-notice">{texts.worker_failed}</p> }.into_any())
                            }
                            // Said to screen readers, which would not otherwise hear that the check ended.
                            State::Checked { name, verdict } => {
                                let said = match &*verdict {
                                    Verdict::Unreadable(problem) => (texts.file_problem)(&name, problem),
                                    Verdict::Checked(checked) => {
                                        format!("{name}: {}", (texts.counts)(checked.errors, checked.warnings))
                                    }
                                };
                                Some(view! { <p class="visually-hidden">{said}</p> }.into_any())
                            }
                            State::Waiting => None,
                        }}
                    </div>
                    {move || match state.get() {
                        State::Checked { name, verdict } => {
                            let previewable = verdict.previewable();
                            Some(
                                view! {
                                    <FileReport lang=lang name=name.clone() verdict=verdict />
                                    {previewable.map(|bytes| view! { <PreviewFrame lang=lang name=name bytes=bytes /> })}
                                },
                            )
                        }
                        _ => None,
                    }}
                </main>
            }
        }}
    }
}
