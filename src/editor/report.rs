//! What the editors' page shows of a checked file: the problems, each with its place and a view of its
//! lines; for a file without errors how to publish it and its feeds; and the preview. Every text from
//! the file is shown as text.

use super::lines::{Excerpt, Line};
use super::texts::{megabytes, EditorTexts};
use super::verdict::{Checked, Feed, Finding, Verdict, PREVIEW_AT_ONCE, PROBLEMS_LISTED};
use crate::browser::preview::PREVIEW_QUERY;
use crate::i18n::Lang;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FileReport(lang: Lang, name: String, verdict: Arc<Verdict>) -> impl IntoView {
    let texts = EditorTexts::of(lang);
    let body = match &*verdict {
        Verdict::Unreadable(problem) => {
            view! { <p class="notice error-notice">{(texts.file_problem)(&name, problem)}</p> }.into_any()
        }
        Verdict::Checked(checked) => view! { <Problems lang=lang checked=checked.clone() /> }.into_any(),
    };
    view! {
        <section class="file-report" aria-labelledby="report-heading">
            <h2 id="report-heading">{name}</h2>
            {body}
        </section>
    }
}

#[component]
fn Problems(lang: Lang, checked: Checked) -> impl IntoView {
    let texts = EditorTexts::of(lang);
    let Checked { findings, errors, warnings, cross_checked, feeds, .. } = checked;
    let verdict = if errors == 0 { texts.can_show } else { texts.cannot_show };
    let listed = findings.len();
    view! {
        {(errors == 0).then(|| view! { <p class="no-errors">{texts.no_errors}</p> })}
        <p class="check-summary">
            <span class="check-counts">{format!("{}: {verdict}", (texts.counts)(errors, warnings))}</span>
        </p>
        {(errors > 0 && !cross_checked).then(|| view! { <p>{texts.checked_later}</p> })}
        {[(true, texts.errors_heading), (false, texts.warnings_heading)]
            .into_iter()
            .map(|(severity, heading)| {
                let these: Vec<(usize, Finding)> =
                    findings.iter().cloned().enumerate().filter(|(_, finding)| finding.error == severity).collect();
                (!these.is_empty())
                    .then(|| {
                        view! {
                            <h3>{heading}</h3>
                            <ol class="problems">{in_frames(lang, these)}</ol>
                        }
                    })
            })
            .collect_view()}
        {(errors + warnings > listed)
            .then(|| view! { <p>{(texts.more_not_listed)(PROBLEMS_LISTED, errors + warnings)}</p> })}
        {(errors == 0).then(|| view! { <Publishing lang=lang feeds=feeds /> })}
    }
}

/// Problems drawn a batch a frame: hundreds at once would hold the page for a tenth of a second.
const PROBLEMS_A_FRAME: usize = 20;

/// The problems' items (with their place in the file's order), each batch appearing in the frame after
/// the one before.
fn in_frames(lang: Lang, findings: Vec<(usize, Finding)>) -> impl IntoView {
    let batches: Vec<Vec<(usize, Finding)>> = findings.chunks(PROBLEMS_A_FRAME).map(<[_]>::to_vec).collect();
    let drawn = RwSignal::new(1);
    let count = batches.len();
    fn draw_next(drawn: RwSignal<usize>, count: usize) {
        if drawn.try_get_untracked().is_some_and(|drawn| drawn < count) {
            request_animation_frame(move || {
                drawn.update(|drawn| *drawn += 1);
                draw_next(drawn, count);
            });
        }
    }
    draw_next(drawn, count);
    batches
        .into_iter()
        .enumerate()
        .map(|(batch, findings)| {
            // Changes once, so a batch is drawn once.
            let visible = Memo::new(move |_| drawn.get() > batch);
            move || {
                visible.get().then(|| {
                    findings
                        .iter()
                        .cloned()
                        .map(|(index, finding)| view! { <Problem lang=lang index=index finding=finding /> })
                        .collect_view()
                })
            }
        })
        .collect_view()
}

/// One problem as `content-check` words it, its place linking to the lines around it.
#[component]
fn Problem(lang: Lang, index: usize, finding: Finding) -> impl IntoView {
    let texts = EditorTexts::of(lang);
    let Finding { error, diagnostic, excerpt } = finding;
    let lines_id = format!("lines-{index}");
    view! {
        <li
            class=if error { "problem problem-error" } else { "problem problem-warning" }
            data-line=diagnostic.line
            data-column=diagnostic.column
        >
            <p>
                <strong class="severity">{if error { texts.error } else { texts.warning }}</strong>
                " "
                <a class="place" href=format!("#{lines_id}")>{(texts.place)(diagnostic.line, diagnostic.column)}</a>
                " "
                {(!diagnostic.path.is_empty()).then(|| view! { <code class="path">{diagnostic.path.clone()}</code> ": " })}
                <span class="message" lang="en">{diagnostic.message}</span>
            </p>
            <LineView lang=lang id=lines_id excerpt=excerpt />
        </li>
    }
}

/// The numbered lines around a problem, the character it points at marked.
#[component]
fn LineView(lang: Lang, id: String, excerpt: Excerpt) -> impl IntoView {
    let first = excerpt.lines.first().map_or(1, |line| line.number);
    let last = excerpt.lines.last().map_or(1, |line| line.number);
    let caption = (EditorTexts::of(lang).lines_of)(first, last);
    view! {
        <figure class="line-view" id=id tabindex="-1">
            <figcaption>{caption}</figcaption>
            <pre tabindex="0"><code>{excerpt.lines.into_iter().map(|line| view! { <LineText line=line /> }).collect_view()}</code></pre>
        </figure>
    }
}

#[component]
fn LineText(line: Line) -> impl IntoView {
    let Line { number, text, cut_before, cut_after, mark } = line;
    let (before, marked, after) = match mark {
        Some(at) => {
            let chars: Vec<char> = text.chars().collect();
            let at = at.min(chars.len());
            let end = (at + 1).min(chars.len());
            let part = |range: std::ops::Range<usize>| chars[range].iter().collect::<String>();
            // A mark at the end of the line (a missing comma) marks a space.
            let marked = if at < end { part(at..end) } else { " ".to_owned() };
            (part(0..at), Some(marked), part(end..chars.len()))
        }
        None => (text, None, String::new()),
    };
    view! {
        <span class=if mark.is_some() { "line line-current" } else { "line" }>
            <span class="line-number">{number}</span>
            {cut_before.then_some("…")}
            {before}
            {marked.map(|marked| view! { <mark>{marked}</mark> })}
            {after}
            {cut_after.then_some("…")}
            "\n"
        </span>
    }
}

/// For a file without errors: how to publish it, and what its feeds will list.
#[component]
fn Publishing(lang: Lang, feeds: Vec<Feed>) -> impl IntoView {
    let texts = EditorTexts::of(lang);
    view! {
        <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{texts.publish}</h2>
            <p>{texts.publish_how}</p>
        </section>
        <section class="feeds" aria-labelledby="feeds-heading">
            <h2 id="feeds-heading">{texts.feeds}</h2>
            {feeds
                .into_iter()
                .map(|feed| {
                    let more = feed.total - feed.entries.len();
                    view! {
                        <h3>{(texts.feed_heading)(&feed.file, feed.total)}</h3>
                        <ol class="feed-entries" lang=feed.lang.code()>
                            {feed
                                .entries
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <li>
                                            <time datetime=entry.published.to_iso()>{entry.published.to_dotted()}</time>
                                            " "
                                            <span lang=entry.title_lang.code()>{entry.title}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                        {(more > 0).then(|| view! { <p>{(texts.more_entries)(more)}</p> })}
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The portal itself in a frame, showing the chosen file (handed over by the page, see
/// `crate::browser::preview`); a large file's preview waits to be asked for.
#[component]
pub fn PreviewFrame(lang: Lang, name: String, bytes: usize) -> impl IntoView {
    let texts = EditorTexts::of(lang);
    let shown = RwSignal::new(bytes <= PREVIEW_AT_ONCE);
    let title = (texts.preview_frame)(&name);
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{texts.preview}</h2>
            <p>{texts.preview_note}</p>
            {move || {
                if shown.get() {
                    view! {
                        <iframe
                            class="preview-frame"
                            src=format!("index.html{PREVIEW_QUERY}#/{}/", lang.code())
                            title=title.clone()
                        ></iframe>
                    }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="button show-preview" on:click=move |_| shown.set(true)>
                            {(texts.show_preview)(&megabytes(bytes, lang))}
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
