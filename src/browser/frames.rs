//! Work that can wait for the page to be painted: a keystroke first shows what the reader is looking
//! at, and what stands beside it follows a frame later.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Runs `work` just after the next frame is painted: in a message task queued from that frame's
/// animation callback. A zero timeout instead may run before the frame, or wait 4 ms when nested.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        let Ok(channel) = web_sys::MessageChannel::new() else { return work() };
        // Frees itself once called.
        let on_message = Closure::once_into_js(work);
        channel.port1().set_onmessage(Some(on_message.unchecked_ref()));
        // Posting null to a port of a new channel cannot fail: null can always be cloned.
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
}
