//! The check runs in a worker, so a large or strange file never holds the page: the page hands the
//! worker the chosen `File` and gets the [`Verdict`] back as JSON. The worker is this same wasm, started
//! by the same script (`editor-start.js`) where there is no window. A new file gets a new worker, and
//! the old one is stopped with whatever it was checking.

use super::verdict::{examine, FileProblem, Verdict};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The script that starts this wasm, in the page and in its worker.
const START_SCRIPT: &str = "editor-start.js";
/// What the worker says once it listens.
const READY: &str = "ready";

/// In the worker: answers each file with its verdict.
pub fn serve_checks() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answering = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let file: web_sys::Blob = event.data().unchecked_into();
        let scope = answering.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let verdict = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => examine(&js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(error) => Verdict::Unreadable(FileProblem::NotRead {
                    reason: String::from(js_sys::Error::from(error).message()),
                }),
            };
            let _ = scope.post_message(&serde_json::to_string(&verdict).unwrap_or_default().into());
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its one check.
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}

/// On the page: one check of one file in a worker of its own.
pub struct Check {
    worker: Worker,
}

impl Check {
    /// Starts checking `file`; `done` gets the verdict, or `None` when the worker failed.
    pub fn start(file: web_sys::File, done: impl Fn(Option<Verdict>) + 'static) -> Result<Check, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(START_SCRIPT, &options)?;
        let done = std::rc::Rc::new(done);
        let talking = worker.clone();
        let answered = done.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            match event.data().as_string().as_deref() {
                Some(READY) => {
                    let _ = talking.post_message(&file);
                }
                Some(json) => {
                    answered(serde_json::from_str(json).ok());
                    talking.terminate();
                }
                None => answered(None),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn Fn()>::new(move || done(None));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(Check { worker })
    }
}

impl Drop for Check {
    /// A check no longer wanted (another file was chosen) stops.
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
