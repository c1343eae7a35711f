//! Fetching content.json and saying clearly what went wrong.

use crate::content::{parse_content, Content, ContentError};
use std::fmt;

/// Relative, so the portal finds its content in whatever folder it was copied to.
pub const CONTENT_URL: &str = "content.json";

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, a blocked request.
    Network { url: String, message: String },
    /// The server answered with an error status (404, 500, …).
    Status { url: String, status: u16, status_text: String },
    /// The file arrived but cannot be used.
    Content(ContentError),
}

impl LoadError {
    /// A network or server failure may pass; a broken file needs an editor, but retrying after a fix
    /// is still useful, so every error offers retry and this only picks the wording.
    pub fn is_transfer_failure(&self) -> bool {
        !matches!(self, LoadError::Content(_))
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
        }
    }
}

/// Fetches and validates the content. `no-cache` makes the browser revalidate, so an edited
/// content.json shows on the next load.
pub async fn fetch_content(url: &str) -> Result<Content, LoadError> {
    use gloo_net::http::Request;
    use web_sys::RequestCache;

    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| LoadError::Network { url: url.to_owned(), message: error.to_string() })?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response
        .text()
        .await
        .map_err(|error| LoadError::Network { url: url.to_owned(), message: error.to_string() })?;
    mark("portal:content-fetched");
    let content = parse_content(&text).map_err(LoadError::Content);
    mark("portal:content-parsed");
    content
}

/// A User Timing mark, so benchmarks (and anyone's browser tools) can see where load time goes.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}
