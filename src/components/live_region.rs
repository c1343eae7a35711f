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

impl Announcer {
    /// Announces `message(query)` each time the query changes, once it settles; not on first render,
    /// where the page itself is what a reader meets.
    pub fn announce_changes<Query>(&self, query: Memo<Query>, message: impl Fn(&Query) -> String + 'static)
    where
        Query: Clone + PartialEq + Send + Sync + 'static,
    {
        let announcer = *self;
        Effect::new(move |previous: Option<Query>| {
            let current = query.get();
            if previous.is_some() {
                announcer.announce(message(&current));
            }
            current
        });
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
