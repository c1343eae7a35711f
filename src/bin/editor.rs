//! The editors' page's wasm (`editor.html`, `editor_bg.wasm`): Trunk builds it beside the portal's
//! (public/index.html), and the page and its worker both start it.

#[cfg(target_arch = "wasm32")]
fn main() {
    integration_portal::editor::start();
}

// Natively there is nothing to run: the same checks are `content-check`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("editor: this is the editors' page's wasm; open editor.html in the built folder, or run content-check");
    std::process::exit(2);
}
