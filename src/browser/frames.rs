//! Work that can wait for the page to be painted: a keystroke first shows what the reader is looking
//! at, and what stands beside it follows a frame later; and long work done in slices, with the page's
//! other tasks between them.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Runs `work` just after the next frame is painted: in a message task queued from that frame's
/// animation callback. A zero timeout instead may run before the frame, or wait 4 ms when nested.
/// What `work` changes is laid out in a task of its own straight after, not by the next frame: a
/// keystroke typed before that frame would otherwise wait for it (the filter panel's counts, a third
/// of a keystroke's layout in the peer benchmark; BENCHMARKS.md).
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        let Ok(channel) = web_sys::MessageChannel::new() else { return work() };
        // Frees itself once called.
        let on_message = Closure::once_into_js(move || {
            work();
            // A task later, once the effects `work` set off have changed the page.
            leptos::task::spawn_local(async {
                next_task().await;
                if let Some(body) = document().body() {
                    body.offset_height();
                }
            });
        });
        channel.port1().set_onmessage(Some(on_message.unchecked_ref()));
        // Posting null to a port of a new channel cannot fail: null can always be cloned.
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
}

/// How long one slice of long work (reading a large content.json, indexing it) may hold the page: well
/// inside a frame, so typing, scrolling and the first views go on meanwhile.
const WORK_SLICE_MS: f64 = 8.0;

/// Runs `step` until it says it is done, giving the page a task of its own every [`WORK_SLICE_MS`].
/// A `dyn` step: one copy of this loop in the wasm for all its callers.
pub async fn in_slices(step: &mut dyn FnMut() -> bool) {
    let mut start = now();
    while !step() {
        // Without a clock, each step is a slice of its own.
        let elapsed = now().zip(start).map(|(now, start)| now - start);
        if elapsed.is_none_or(|elapsed| elapsed >= WORK_SLICE_MS) {
            next_task().await;
            start = now();
        }
    }
}

/// Milliseconds since the page started; `None` where the browser has no clock.
fn now() -> Option<f64> {
    window().performance().map(|performance| performance.now())
}

/// Resolves in a message task of its own, so the page paints and handles input before the work that
/// awaits it goes on. A message rather than a zero timeout: timeouts nested five deep wait at least 4 ms.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            // Posting null to a port of a new channel cannot fail: null can always be cloned.
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        Err(_) => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
