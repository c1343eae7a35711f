//! One polite live region for the whole app: result counts are announced once typing pauses, not on
//! every keystroke.

use leptos::prelude::*;
use std::time::Duration;

/// How long the results must stay unchanged before they are announced.
const SETTLE: Duration = Duration::from_millis(800);

#[derive(Clone, Copy)]
pub struct Announcer {
    message: RwSignal<String>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Announcer {
    pub fn new() -> Announcer {
        Announcer { message: RwSignal::new(String::new()), pending: StoredValue::new(None) }
    }

    /// Announces `text` after a pause, replacing anything still waiting.
    pub fn announce(&self, text: String) {
        if let Some(waiting) = self.pending.get_value() {
            waiting.clear();
        }
        let message = self.message;
        let handle = set_timeout_with_handle(move || message.set(text), SETTLE).ok();
        self.pending.set_value(handle);
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Announcer::new()
    }
}

#[component]
pub fn LiveRegion(announcer: Announcer) -> impl IntoView {
    view! { <div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{move || announcer.message.get()}</div> }
}
