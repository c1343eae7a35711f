//! The editors' preview: the portal inside `editor.html` showing the file an editor chose there instead
//! of its own content. Only that page can hand a file over: the portal's address asks for a preview,
//! its parent frame is `editor.html` of the same folder on the same site, and the file is the one that
//! page put in [`HANDOVER`]. Anything else (the address alone, another site or page framing the portal)
//! gets nothing, and the portal loads its own content as always.

use wasm_bindgen::{JsCast, JsValue};

/// The page address's query that asks for a preview: `index.html?preview#/fi/`. It is outside the
/// fragment, so the portal's own links keep it.
pub const PREVIEW_QUERY: &str = "?preview";
/// The editors' page, beside `index.html`.
pub const EDITOR_PAGE: &str = "editor.html";
/// Where `editor.html` leaves the chosen `File` for the portal in its frame.
pub const HANDOVER: &str = "portalPreviewFile";

/// The file `editor.html` handed over, when this page is its preview.
#[derive(Clone, Debug)]
pub struct HandedOver {
    /// A `File` of the parent page's realm: `instanceof File` is false here, so it is used through
    /// its methods.
    file: JsValue,
    pub name: String,
}

impl HandedOver {
    /// The file's bytes: a promise of an `ArrayBuffer`, made a promise of this realm.
    pub fn array_buffer(&self) -> Result<js_sys::Promise, JsValue> {
        let read: js_sys::Function = js_sys::Reflect::get(&self.file, &"arrayBuffer".into())?.unchecked_into();
        Ok(js_sys::Promise::resolve(&read.call0(&self.file)?))
    }
}

pub fn handed_over() -> Option<HandedOver> {
    let window = web_sys::window()?;
    let location = window.location();
    if location.search().ok()? != PREVIEW_QUERY {
        return None;
    }
    let parent = window.parent().ok()??;
    if AsRef::<JsValue>::as_ref(&parent) == AsRef::<JsValue>::as_ref(&window) {
        return None;
    }
    // Another site's location cannot be read: that is an error here, and no preview.
    let parent_location = parent.location();
    if parent_location.origin().ok()? != location.origin().ok()? {
        return None;
    }
    let own = location.pathname().ok()?;
    let folder = &own[..own.rfind('/')? + 1];
    if parent_location.pathname().ok()? != format!("{folder}{EDITOR_PAGE}") {
        return None;
    }
    let file = js_sys::Reflect::get(&parent, &HANDOVER.into()).ok()?;
    let name = js_sys::Reflect::get(&file, &"name".into()).ok()?.as_string()?;
    Some(HandedOver { file, name })
}
