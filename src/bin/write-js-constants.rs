//! `write-js-constants`: writes the constants and words that `public/first-paint.js` and
//! `public/sw.js` share with the app into their marked blocks, from the Rust side
//! (`integration_portal::tooling::js_constants`). Every build runs it first (a Trunk `pre_build`
//! hook), so a change in Rust reaches the scripts; it writes a file only when its block differs, and
//! `tests/js_constants.rs` fails while a committed file lags behind.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use integration_portal::tooling::js_constants::{first_paint, service_worker, with_constants};
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
    for (file, constants) in [("first-paint.js", first_paint()), ("sw.js", service_worker())] {
        let path = public.join(file);
        let written = std::fs::read_to_string(&path).map_err(|error| error.to_string()).and_then(|js| {
            let updated = with_constants(&js, &constants)?;
            if updated != js {
                std::fs::write(&path, updated).map_err(|error| error.to_string())?;
                println!("write-js-constants: updated the constants of {}", path.display());
            }
            Ok(())
        });
        if let Err(error) = written {
            eprintln!("write-js-constants: {}: {error}", path.display());
            return std::process::ExitCode::from(2);
        }
    }
    std::process::ExitCode::SUCCESS
}

// Trunk builds only the app's binary for the browser; this keeps `cargo build --target wasm32-…` of
// every target working all the same.
#[cfg(target_arch = "wasm32")]
fn main() {}
