//! In-browser benchmark, run by `scripts/bench` (ignored in the normal test run): the release build with
//! a generated 10 000-item content.json in headless Chromium. Measures the parse and the index at load
//! (User Timing marks the app sets: search ready on the headlines, then complete with the bodies, and the
//! longest task meanwhile; and the page's own time on the index, apart from the first view rendered
//! between the slices), keystroke-to-updated-results while typing in the news search, and the page's
//! memory. Prints one JSON line that `scripts/bench` copies into BENCHMARKS.md.

use crate::browser::Browser;
use crate::serve;
use integration_portal::content::parse_content;
use integration_portal::i18n::Lang;
use integration_portal::search::{NewsQuery, SearchIndex};

/// Typed one character at a time, ten times over; every prefix is a query.
const TYPED: &str = "integration plan kunta";
const ROUNDS: u32 = 10;

const MEASURE_TYPING: &str = concat!(
    typing_helpers_js!(),
    r#"
const [text, rounds, done] = arguments;
(async () => {
    const times = [];
    for (let round = 0; round < rounds; round++) {
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await pause(50);
        for (let i = 1; i <= text.length; i++) {
            const start = performance.now();
            input.value = text.slice(0, i);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            // Leptos applies the update in microtasks.
            await nextTask();
            times.push(performance.now() - start);
            await pause(10);
        }
    }
    done(times);
})();
"#
);

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The six typed prefixes slowest to answer, by their median over the rounds, as a JSON object: which
/// keystrokes make the 95th percentile.
fn slowest_prefixes(times_in_typing_order: &[f64]) -> String {
    let mut by_prefix: Vec<(&str, f64)> = (1..=TYPED.len())
        .map(|length| {
            let mut times: Vec<f64> =
                times_in_typing_order.iter().skip(length - 1).step_by(TYPED.len()).copied().collect();
            times.sort_by(f64::total_cmp);
            (&TYPED[..length], percentile(&times, 0.5))
        })
        .collect();
    by_prefix.sort_by(|a, b| b.1.total_cmp(&a.1));
    let entries: Vec<String> = by_prefix.iter().take(6).map(|(prefix, ms)| format!("\"{prefix}\": {ms:.2}")).collect();
    format!("{{{}}}", entries.join(", "))
}

#[tokio::test]
#[ignore = "benchmark: run by scripts/bench"]
async fn keystrokes_with_ten_thousand_news_items() {
    let path = std::env::var("PORTAL_BENCH_CONTENT").expect("PORTAL_BENCH_CONTENT names the generated content.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let content = parse_content(&text).unwrap();
    let server = serve();
    server.replace("content.json", Some(text.as_bytes()));

    let browser = Browser::open("about:blank").await;
    // Trunk's loader announces the started module with its exports, the wasm memory among them. Tasks of
    // 50 ms and more are listed, to see whether indexing the bodies holds the page. The time in message
    // tasks, which on this page are only the app's slices of indexing bodies, is summed.
    browser
        .before_each_page(
            "addEventListener('TrunkApplicationStarted', (e) => { window.portalMemory = e.detail.wasm.memory; });
             window.portalLongTasks = [];
             new PerformanceObserver((list) => window.portalLongTasks.push(...list.getEntries()))
                 .observe({ type: 'longtask', buffered: true });
             window.portalSlicesMs = 0;
             const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
             Object.defineProperty(MessagePort.prototype, 'onmessage', {
                 get() { return onmessage.get.call(this); },
                 set(handler) {
                     onmessage.set.call(this, handler && function (event) {
                         const start = performance.now();
                         try { return handler.call(this, event); }
                         finally { window.portalSlicesMs += performance.now() - start; }
                     });
                 },
             });",
        )
        .await;
    browser.client.goto(&format!("{}#/news", server.url)).await.unwrap();
    browser.wait_for_heading("New for authorities").await;
    // Typing is measured on the complete index.
    let marks = browser
        .client
        .execute_async(
            "const done = arguments[0];
             const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
             const poll = () => at('portal:index-built') === undefined ? setTimeout(poll, 20) : done([
                 at('portal:content-fetched'), at('portal:content-parsed'), at('portal:search-ready'),
                 at('portal:index-built'), window.portalSlicesMs,
                 Math.max(0, ...window.portalLongTasks
                     .filter((task) => task.startTime >= at('portal:search-ready'))
                     .map((task) => task.duration)),
             ]);
             poll();",
            vec![],
        )
        .await
        .unwrap();
    let marks: Vec<f64> = marks.as_array().unwrap().iter().map(|m| m.as_f64().unwrap()).collect();
    let (parse_ms, search_ready_ms, index_ms) = (marks[1] - marks[0], marks[2] - marks[1], marks[3] - marks[1]);
    // The page's own work on the index: the headlines in one task, then the bodies' slices, which the
    // first view's rendering and painting run between.
    let indexing_work_ms = search_ready_ms + marks[4];
    let longest_task_while_indexing_ms = marks[5];

    let times = browser.client.execute_async(MEASURE_TYPING, vec![TYPED.into(), ROUNDS.into()]).await.unwrap();
    let mut times: Vec<f64> = times.as_array().unwrap().iter().map(|t| t.as_f64().unwrap()).collect();
    let slowest = slowest_prefixes(&times);
    times.sort_by(f64::total_cmp);

    // The last keystroke's results really are on screen.
    let index = SearchIndex::build(&content);
    let expected = NewsQuery::default().with_text(TYPED.into()).apply(&content, &index).items.len();
    assert_eq!(browser.text_of(".result-count").await.unwrap(), Lang::En.news_count(expected));
    browser.collect_garbage().await;
    let heap = browser
        .client
        .execute("return [performance.memory.usedJSHeapSize, window.portalMemory.buffer.byteLength]", vec![])
        .await
        .unwrap();
    let [js_heap_mb, wasm_mb] = [0, 1].map(|i| heap[i].as_f64().unwrap() / 1_048_576.0);
    let heap_mb = js_heap_mb + wasm_mb;

    println!(
        "{{\"items\": {}, \"parse_ms\": {parse_ms:.1}, \"search_ready_ms\": {search_ready_ms:.1}, \"index_complete_ms\": {index_ms:.1}, \"indexing_work_ms\": {indexing_work_ms:.1}, \"longest_task_while_indexing_ms\": {longest_task_while_indexing_ms:.1}, \"keystrokes\": {}, \"keystroke_p50_ms\": {:.2}, \"keystroke_p95_ms\": {:.2}, \"keystroke_max_ms\": {:.2}, \"heap_mb\": {heap_mb:.1}, \"js_heap_mb\": {js_heap_mb:.1}, \"wasm_memory_mb\": {wasm_mb:.1}, \"slowest_prefixes_median_ms\": {slowest}}}",
        content.news.len(),
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1],
    );
    browser.close().await;
}
