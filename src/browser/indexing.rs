//! The content and its search index for the views: the titles and summaries are indexed before the
//! first view, the bodies after it, each in slices between the page's other work when the archive is
//! large.

use crate::browser::frames::in_slices;
use crate::browser::load::mark;
use crate::content::Content;
use crate::search::{BodyIndexing, SearchIndex};
use leptos::prelude::*;
use std::sync::Arc;

/// Content and its search index, built once per load.
#[derive(Clone)]
pub struct Loaded {
    pub content: Arc<Content>,
    /// The titles and summaries at first; the complete index once the bodies are in.
    pub index: ArcRwSignal<Arc<SearchIndex>>,
}

impl Loaded {
    /// Indexes the headlines, a slice at a time, then has the bodies indexed after the first view.
    pub async fn build(content: Content) -> Loaded {
        let mut headlines = SearchIndex::index_headlines(&content);
        in_slices(&mut || headlines.index_some(&content, SLICE_DOCUMENTS)).await;
        let (headlines, bodies) = headlines.finish(&content);
        mark("portal:search-ready");
        let documents = content.sections.len() + content.news.len();
        let loaded = Loaded { content: Arc::new(content), index: ArcRwSignal::new(Arc::new(headlines)) };
        if documents <= INDEXED_AT_ONCE {
            index_in_one_go(loaded.clone(), bodies);
        } else {
            leptos::task::spawn_local(index_bodies(loaded.clone(), bodies));
        }
        loaded
    }
}

/// Up to this many sections and news items, the bodies are indexed before the first view: a few
/// milliseconds, and search results are then complete from the start rather than growing under the
/// reader's eyes (and moving the page) once the bodies are in. Larger archives are indexed in slices.
const INDEXED_AT_ONCE: usize = 500;

/// Documents indexed between looks at the clock.
const SLICE_DOCUMENTS: usize = 16;

/// Indexes the bodies between the page's other work, then puts the complete index in place of the
/// headlines; the views' results follow.
async fn index_bodies(loaded: Loaded, mut bodies: BodyIndexing) {
    in_slices(&mut || bodies.index_some(&loaded.content, SLICE_DOCUMENTS)).await;
    finish_indexing(&loaded, bodies);
}

fn index_in_one_go(loaded: Loaded, mut bodies: BodyIndexing) {
    while !bodies.index_some(&loaded.content, usize::MAX) {}
    finish_indexing(&loaded, bodies);
}

fn finish_indexing(loaded: &Loaded, bodies: BodyIndexing) {
    let complete = bodies.finish(&loaded.index.get_untracked());
    loaded.index.set(Arc::new(complete));
    mark("portal:index-built");
}
