//! The JavaScript files say what the Rust side says: their marked blocks are exactly what
//! `integration_portal::tooling::js_constants` writes (`cargo run --bin write-js-constants` rewrites them).

use integration_portal::tooling::js_constants::{constants_in, first_paint, service_worker};
use std::path::Path;

fn public(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public").join(file)).unwrap()
}

#[test]
fn first_paint_js_has_the_apps_languages_slug_rule_and_words() {
    let js = public("first-paint.js");
    let block = constants_in(&js).expect("first-paint.js has its block of constants");
    assert_eq!(block, first_paint(), "run `cargo run --bin write-js-constants`");
}

#[test]
fn sw_js_has_the_apps_file_names_and_header() {
    let js = public("sw.js");
    let block = constants_in(&js).expect("sw.js has its block of constants");
    assert_eq!(block, service_worker(), "run `cargo run --bin write-js-constants`");
}
