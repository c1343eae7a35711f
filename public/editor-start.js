// Starts the editors' page (editor.html) and, loaded as its worker, the checks: the same wasm
// decides which by where it runs (src/editor/mod.rs). A file of its own for the Content-Security-Policy.
import init from "./editor.js";

init();
