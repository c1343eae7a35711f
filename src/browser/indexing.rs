//! The content and its search index for the views: the titles and summaries are indexed at once, the
//! bodies after, in slices between the page's other work when the archive is large.

use crate::browser::frames::{now, WORK_SLICE_MS};
use crate::browser::load::mark;
use crate::content::Content;
use crate::search::{BodyIndexing, SearchIndex};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// Content and its search index, built once per load.
#[derive(Clone)]
pub struct Loaded {
    pub content: Arc<Content>,
    /// The titles and summaries at first; the complete index once the bodies are in.
    pub index: ArcRwSignal<Arc<SearchIndex>>,
}

impl Loaded {
    pub fn new(content: Content) -> Loaded {
        let (headlines, bodies) = SearchIndex::build_headlines(&content);
        mark("portal:search-ready");
        let documents = content.sections.len() + content.news.len();
        let loaded = Loaded { content: Arc::new(content), index: ArcRwSignal::new(Arc::new(headlines)) };
        if documents <= INDEXED_AT_ONCE {
            index_in_one_go(loaded.clone(), bodies);
        } else {
            index_bodies(loaded.clone(), bodies);
        }
        loaded
    }
}

/// Up to this many sections and news items, the bodies are indexed before the first view: a few
/// milliseconds, and search results are then complete from the start rather than growing under the
/// reader's eyes (and moving the page) once the bodies are in. Larger archives are indexed in slices.
const INDEXED_AT_ONCE: usize = 500;

/// Indexes the bodies a slice at a time between the page's other work, then puts the complete index in
/// place of the headlines; the views' results follow. Each slice is queued as a message rather than a
/// zero timeout: timeouts nested five deep wait at least 4 ms each (HTML's clamping).
fn index_bodies(loaded: Loaded, bodies: BodyIndexing) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return index_in_one_go(loaded, bodies);
    };
    let (receiver, sender) = (channel.port1(), channel.port2());
    let mut left = Some((loaded, bodies));
    let index_a_slice = Closure::<dyn FnMut()>::new({
        let (receiver, sender) = (receiver.clone(), sender.clone());
        move || {
            let Some((loaded, bodies)) = left.as_mut() else { return };
            let start = now();
            let mut done = false;
            while !done && now() - start < WORK_SLICE_MS {
                done = bodies.index_some(&loaded.content, 16);
            }
            if !done {
                let _ = sender.post_message(&JsValue::NULL);
            } else if let Some((loaded, bodies)) = left.take() {
                receiver.set_onmessage(None);
                finish_indexing(&loaded, bodies);
            }
        }
    });
    receiver.set_onmessage(Some(index_a_slice.as_ref().unchecked_ref()));
    // Lives as long as the channel: once done it holds nothing, and the port lets go of it.
    index_a_slice.forget();
    // Posting null to a port of a new channel cannot fail: null can always be cloned.
    let _ = sender.post_message(&JsValue::NULL);
}

fn index_in_one_go(loaded: Loaded, mut bodies: BodyIndexing) {
    bodies.index_some(&loaded.content, usize::MAX);
    finish_indexing(&loaded, bodies);
}

fn finish_indexing(loaded: &Loaded, bodies: BodyIndexing) {
    let complete = bodies.finish(&loaded.index.get_untracked());
    loaded.index.set(Arc::new(complete));
    mark("portal:index-built");
}
