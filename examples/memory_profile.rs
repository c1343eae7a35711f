//! Where the memory of loading goes, natively: the bytes held and the peak after each step the app takes
//! (the response text, the parsed content, the search index), counted by a wrapping allocator. The wasm's
//! linear memory never shrinks, so its size in the browser is the highest peak; this shows which step
//! sets it. `cargo run --release --example memory_profile -- content.json` (BENCHMARKS.md, "Memory").

use integration_portal::content::parse_content;
use integration_portal::content::windowed::decode_text;
use integration_portal::content::windowed::parse_in_pieces;
use integration_portal::search::SearchIndex;
use std::alloc::{GlobalAlloc, Layout, System};
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What is held now and the most held during the step just done.
fn report(step: &str) {
    let mb = |bytes: usize| bytes as f64 / 1_048_576.0;
    let held = HELD.load(Ordering::Relaxed);
    println!(
        "{step:<28} held {:>6.1} MB, at most {:>6.1} MB during the step",
        mb(held),
        mb(PEAK.load(Ordering::Relaxed))
    );
    PEAK.store(held, Ordering::Relaxed);
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: memory_profile CONTENT.json");
    // As the app reads the response, which stays in JavaScript: a window at a time, here from the file.
    let file = std::fs::File::open(&path).expect("open the content file");
    let len = file.metadata().expect("the content file's size").len() as usize;
    let read =
        |offset: usize, window: &mut [u8]| file.read_exact_at(window, offset as u64).expect("read the content file");
    let content = parse_in_pieces(len, read).expect("a file that reads in pieces").expect("a valid content file");
    report("parsed in pieces");
    drop(content);
    report("dropped");
    // As the app reads a file that does not read in pieces: all its bytes, then the whole parse.
    let bytes = std::fs::read(&path).expect("read the content file");
    report("response bytes");
    let content = parse_content(&decode_text(&bytes)).expect("a valid content file");
    report("parsed whole");
    drop(bytes);
    report("bytes dropped");
    let index = SearchIndex::build(&content);
    report("index built");
    println!(
        "news items: {}, words indexed (headlines and bodies apart): {}",
        content.news.len(),
        index.indexed_words()
    );
}
