//! Finding and fetching content.json and saying clearly what went wrong.

use crate::browser::frames::in_slices;
use crate::browser::offline::{SavedAt, CACHED_AT_HEADER};
use crate::browser::preview::HandedOver;
use crate::content::salvage::{salvage_content, Salvaged};
use crate::content::windowed::{decode_text, PieceReading};
use crate::content::{Content, ContentError, Problem};
use crate::portal_config::{content_address, parse_settings, SettingsError, DEFAULT_CONTENT, SETTINGS_FILE};
use std::fmt;

/// The content as it arrived, when it was saved if it is the offline copy, and what in the file was
/// left out or mended to show the rest.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub content: Content,
    pub saved_at: Option<SavedAt>,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, a blocked request.
    Network { url: String, message: String },
    /// The server answered with an error status (404, 500, …).
    Status { url: String, status: u16, status_text: String },
    /// The file arrived but cannot be used.
    Content(ContentError),
    /// portal-config.json is broken or points somewhere the portal does not load content from.
    Settings(SettingsError),
}

impl LoadError {
    /// A network or server failure may pass; a broken file needs an editor, but retrying after a fix
    /// is still useful, so every error offers retry and this only picks the wording.
    pub fn is_transfer_failure(&self) -> bool {
        !matches!(self, LoadError::Content(_) | LoadError::Settings(_))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, message } => write!(f, "Could not fetch {url}: {message}"),
            LoadError::Status { url, status, status_text } => {
                write!(f, "Fetching {url} failed: the server answered {status} {status_text}")
            }
            LoadError::Content(error) => error.fmt(f),
            LoadError::Settings(error) => error.fmt(f),
        }
    }
}

/// Reads portal-config.json beside the page, then fetches the content it names. Without that file the
/// content is content.json beside the page. In the editors' preview, the file handed over instead.
pub async fn load_content(preview: Option<HandedOver>) -> Result<Fetched, LoadError> {
    if let Some(file) = preview {
        let bytes = js_sys::Uint8Array::new(&js_promise(file.array_buffer(), &file.name).await?);
        return read_content(bytes, None).await;
    }
    let (configured, address) = content_location().await?;
    fetch_named(&address, &configured).await
}

/// The content's address as configured (for messages) and as an absolute address (to fetch). Only
/// portal-config.json decides it, never the page's own address.
async fn content_location() -> Result<(String, String), LoadError> {
    let response = get(SETTINGS_FILE, SETTINGS_FILE).await?;
    let configured = match response.status() {
        404 => DEFAULT_CONTENT.to_owned(),
        _ if response.ok() => {
            let text = text_of(SETTINGS_FILE, &response).await?;
            parse_settings(&text).map_err(LoadError::Settings)?.content
        }
        _ => return Err(status_error(SETTINGS_FILE, &response)),
    };
    let page = leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default();
    let address = content_address(&configured, &page).map_err(LoadError::Settings)?;
    // The same check again with the browser's own reading of the address.
    let origin = leptos::prelude::window().location().origin().unwrap_or_default();
    match web_sys::Url::new(&address) {
        Ok(url) if url.origin() == origin => Ok((configured, url.href())),
        _ => Err(LoadError::Settings(SettingsError::OtherSite { value: configured, origin })),
    }
}

/// Fetches `url`; messages name it as `name`, the address as the admin wrote it.
async fn fetch_named(url: &str, name: &str) -> Result<Fetched, LoadError> {
    let response = get(url, name).await?;
    if !response.ok() {
        return Err(status_error(name, &response));
    }
    let saved_at = response.headers().get(CACHED_AT_HEADER).ok().flatten().as_deref().and_then(SavedAt::from_header);
    // Bytes rather than text: text would be a UTF-16 copy of the whole file in JavaScript, then a buffer
    // three times the file's length while wasm-bindgen converts it. The bytes stay in JavaScript and
    // reach the wasm memory a window at a time: that memory never shrinks, and the whole file in it
    // beside the parsed content set the page's memory (BENCHMARKS.md, "Memory").
    let file = js_sys::Uint8Array::new(&js_promise(response.array_buffer(), name).await?);
    read_content(file, saved_at).await
}

/// The content of a file's bytes, read in slices.
async fn read_content(file: js_sys::Uint8Array, saved_at: Option<SavedAt>) -> Result<Fetched, LoadError> {
    mark("portal:content-fetched");
    let mut read =
        |offset: usize, window: &mut [u8]| file.subarray(offset as u32, (offset + window.len()) as u32).copy_to(window);
    // A window at a time, the page's other tasks between slices: a large archive does not hold the page.
    let mut reading = PieceReading::new(file.length() as usize);
    in_slices(&mut || reading.read_window(&mut read)).await;
    let checked = match reading.into_checking() {
        Some(Ok(mut checking)) => {
            in_slices(&mut || checking.check_some(ITEMS_CHECKED_AT_ONCE)).await;
            Some(checking.finish())
        }
        _ => None,
    };
    // A file that does not read or check cleanly is read whole, which shows what fits and names the rest.
    let salvaged = match checked {
        Some(Ok(content)) => Ok(Salvaged { content, problems: Vec::new() }),
        _ => salvage_content(&decode_text(&file.to_vec())),
    };
    mark("portal:content-parsed");
    let Salvaged { content, problems } = salvaged.map_err(LoadError::Content)?;
    Ok(Fetched { content, saved_at, problems })
}

/// News items checked between looks at the clock: a few microseconds each.
const ITEMS_CHECKED_AT_ONCE: usize = 64;

/// What a promise of the browser's gives, or a network error naming `name`.
async fn js_promise(
    promise: Result<js_sys::Promise, wasm_bindgen::JsValue>,
    name: &str,
) -> Result<wasm_bindgen::JsValue, LoadError> {
    match promise {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
        Err(error) => Err(error),
    }
    .map_err(|error| network_error(name, String::from(js_sys::Error::from(error).to_string())))
}

/// A User Timing mark, so benchmarks (and anyone's browser tools) can see where load time goes.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// The response for `url`: first-paint.js's download of it, else the app's own. `fetch` with web-sys
/// rather than gloo-net, whose request builder and errors cost the first view 1.8 KB brotli for
/// this one plain GET.
async fn get(url: &str, name: &str) -> Result<web_sys::Response, LoadError> {
    use wasm_bindgen::JsCast;
    let download = take_handed_over(url).map(Ok).unwrap_or_else(|| {
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoCache);
        Ok(leptos::prelude::window().fetch_with_str_and_init(url, &init))
    });
    Ok(js_promise(download, name).await?.unchecked_into())
}

/// A download of `url` that index.html's first-paint.js already started (it paints the view of the
/// address from the content before the app arrives), so the file travels once. Each is taken once: a retry fetches
/// anew.
fn take_handed_over(url: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let downloads = js_sys::Reflect::get(&window, &HANDED_OVER.into()).ok()?.dyn_into::<js_sys::Map>().ok()?;
    let base = window.document()?.base_uri().ok().flatten()?;
    let address = wasm_bindgen::JsValue::from(web_sys::Url::new_with_base(url, &base).ok()?.href());
    let download = downloads.get(&address).dyn_into::<js_sys::Promise>().ok()?;
    downloads.delete(&address);
    Some(download)
}

/// The global where first-paint.js leaves its downloads, by absolute address.
const HANDED_OVER: &str = "portalDownloads";

async fn text_of(url: &str, response: &web_sys::Response) -> Result<String, LoadError> {
    Ok(js_promise(response.text(), url).await?.as_string().unwrap_or_default())
}

/// No answer, or one cut off, from `url` (named as the admin wrote it).
fn network_error(url: &str, error: impl fmt::Display) -> LoadError {
    LoadError::Network { url: url.to_owned(), message: error.to_string() }
}

fn status_error(url: &str, response: &web_sys::Response) -> LoadError {
    LoadError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() }
}
