//! The portal's one setting, in `portal-config.json` beside index.html: where content is loaded from.
//!
//! An intranet admin edits that file in the built folder (no rebuild) to point the portal at, say, the
//! content.json the intranet's CMS exports. Only addresses on the portal's own site are accepted, and
//! only the file decides: the page's own address (its query and fragment, which anyone can put in a
//! link) is used for nothing but the site and folder that relative addresses start from.

use serde::Deserialize;
use std::fmt;

/// The settings file, beside index.html.
pub const SETTINGS_FILE: &str = "portal-config.json";
/// Where content is when the settings file does not exist.
pub const DEFAULT_CONTENT: &str = "content.json";

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The content file: a path relative to the portal's folder (`content.json`), a path on the site
    /// (`/cms/export/content.json`) or a full address on the same site (`https://intranet.example/…`).
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    /// The file is not `{ "content": "…" }`.
    Unreadable { message: String },
    /// `javascript:`, `data:`, `ftp:` and the like.
    NotWebAddress { value: String },
    /// A web address of another site: another host, port or scheme.
    OtherSite { value: String, origin: String },
    /// Empty, spaces, backslashes, only a query or fragment: not clearly a file of this site.
    Malformed { value: String, reason: &'static str },
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let examples = "write a path such as \"content.json\" or \"/cms/content.json\"";
        match self {
            SettingsError::Unreadable { message } => {
                write!(f, "{SETTINGS_FILE} must be {{ \"content\": \"content.json\" }}: {message}")
            }
            SettingsError::NotWebAddress { value } => write!(
                f,
                "{SETTINGS_FILE}: \"content\" is {value:?}, which is not a web address of this site; {examples}"
            ),
            SettingsError::OtherSite { value, origin } => write!(
                f,
                "{SETTINGS_FILE}: \"content\" is {value:?}, an address on another site; the portal loads content \
                 only from its own site, {origin}: {examples}"
            ),
            SettingsError::Malformed { value, reason } => {
                write!(f, "{SETTINGS_FILE}: \"content\" is {value:?}, which {reason}; {examples}")
            }
        }
    }
}

pub fn parse_settings(text: &str) -> Result<Settings, SettingsError> {
    serde_json::from_slice(text.as_bytes()).map_err(|error| SettingsError::Unreadable { message: error.to_string() })
}

/// The absolute address of the content file, for a page at `page` (the document's base address, e.g.
/// `https://intranet.example/integration/?x#/news`). Relative addresses start from the page's folder;
/// the page's query and fragment play no part. Anything that is not plainly a file on the page's own
/// site is refused, before any request is made.
pub fn content_address(configured: &str, page: &str) -> Result<String, SettingsError> {
    let malformed = |reason| SettingsError::Malformed { value: configured.to_owned(), reason };
    let page =
        PageAddress::parse(page).ok_or_else(|| malformed("cannot be used: the portal is not on a web server"))?;
    if configured.is_empty() {
        return Err(malformed("is empty"));
    }
    // Browsers drop tabs and newlines inside addresses and read `\` as `/`: `ht\ttps:` or `\\host` would
    // mean something else to the browser than to this check, so neither is accepted.
    if configured.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(malformed("contains a space or control character"));
    }
    if configured.contains('\\') {
        return Err(malformed("contains a backslash"));
    }
    if configured.starts_with(['?', '#']) {
        return Err(malformed("names no file"));
    }
    if let Some(rest) = configured.strip_prefix("//") {
        // Scheme-relative: a host follows.
        return same_site(configured, &page, page.scheme, rest);
    }
    if let Some((scheme, rest)) = split_scheme(configured) {
        let scheme = scheme.to_ascii_lowercase();
        let scheme = match scheme.as_str() {
            "http" => "http",
            "https" => "https",
            _ => return Err(SettingsError::NotWebAddress { value: configured.to_owned() }),
        };
        // `https:content.json` is read differently depending on the page's own scheme.
        let rest = rest.strip_prefix("//").ok_or_else(|| malformed("has a scheme but no host"))?;
        return same_site(configured, &page, scheme, rest);
    }
    if configured.starts_with('/') {
        Ok(format!("{}{configured}", page.origin()))
    } else {
        Ok(format!("{}{}{configured}", page.origin(), page.folder))
    }
}

/// `rest` is what follows `scheme://`: an authority, then a path, query or fragment.
fn same_site(configured: &str, page: &PageAddress, scheme: &str, rest: &str) -> Result<String, SettingsError> {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let other_site = || SettingsError::OtherSite { value: configured.to_owned(), origin: page.origin() };
    if authority.contains('@') {
        // user:password@host: refused rather than reasoned about.
        return Err(other_site());
    }
    if scheme != page.scheme || normal_authority(scheme, authority) != page.authority {
        return Err(other_site());
    }
    Ok(format!("{}{}", page.origin(), if path.is_empty() { "/" } else { path }))
}

/// A scheme as URLs write it (a letter, then letters, digits, `+`, `-`, `.`) and what follows its `:`.
fn split_scheme(address: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = address.split_once(':')?;
    let mut chars = scheme.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_is_letter && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some((scheme, rest))
}

/// Lower case, without the scheme's default port, as a browser writes an origin.
fn normal_authority(scheme: &str, authority: &str) -> String {
    let authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    match authority.strip_suffix(default_port) {
        Some(host) => host.to_owned(),
        None => authority.strip_suffix(':').unwrap_or(&authority).to_owned(),
    }
}

struct PageAddress<'a> {
    scheme: &'static str,
    authority: String,
    /// The path up to and including its last `/`.
    folder: &'a str,
}

impl<'a> PageAddress<'a> {
    fn parse(page: &'a str) -> Option<PageAddress<'a>> {
        let (scheme, rest) = split_scheme(page)?;
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "http" => "http",
            "https" => "https",
            _ => return None,
        };
        let rest = rest.strip_prefix("//")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, after) = rest.split_at(end);
        // The query and fragment are cut off first: nothing in them counts.
        let path = &after[..after.find(['?', '#']).unwrap_or(after.len())];
        let folder = match path.rfind('/') {
            Some(last) => &path[..=last],
            None => "/",
        };
        let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        Some(PageAddress { scheme, authority: normal_authority(scheme, authority), folder })
    }

    fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://intranet.example.fi/intranet/integration/";

    fn address(configured: &str) -> Result<String, SettingsError> {
        content_address(configured, PAGE)
    }

    #[test]
    fn the_settings_file_names_the_content() {
        assert_eq!(parse_settings(r#"{ "content": "content.json" }"#).unwrap().content, "content.json");
        assert!(matches!(parse_settings("{}"), Err(SettingsError::Unreadable { .. })));
        assert!(matches!(parse_settings(r#"{ "contnet": "x.json" }"#), Err(SettingsError::Unreadable { .. })));
        assert!(matches!(parse_settings("content.json"), Err(SettingsError::Unreadable { .. })));
    }

    #[test]
    fn paths_and_same_site_addresses_are_accepted() {
        let folder = "https://intranet.example.fi/intranet/integration/";
        assert_eq!(address("content.json").unwrap(), format!("{folder}content.json"));
        assert_eq!(address("other/content.json").unwrap(), format!("{folder}other/content.json"));
        assert_eq!(address("./content.json").unwrap(), format!("{folder}./content.json"));
        assert_eq!(address("../cms/content.json").unwrap(), format!("{folder}../cms/content.json"));
        assert_eq!(
            address("/cms/export/content.json?format=portal").unwrap(),
            "https://intranet.example.fi/cms/export/content.json?format=portal"
        );
        assert_eq!(
            address("https://intranet.example.fi/cms/content.json").unwrap(),
            "https://intranet.example.fi/cms/content.json"
        );
        assert_eq!(
            address("HTTPS://Intranet.Example.FI:443/cms/content.json").unwrap(),
            "https://intranet.example.fi/cms/content.json"
        );
        assert_eq!(address("//intranet.example.fi/c.json").unwrap(), "https://intranet.example.fi/c.json");
        assert_eq!(
            content_address("content.json", "http://127.0.0.1:8080/a/index.html").unwrap(),
            "http://127.0.0.1:8080/a/content.json"
        );
    }

    #[test]
    fn other_sites_are_refused_and_named() {
        for other in [
            "https://evil.example/content.json",
            "//evil.example/content.json",
            "http://intranet.example.fi/content.json",
            "https://intranet.example.fi:8443/content.json",
            "https://intranet.example.fi.evil.example/content.json",
            "https://intranet.example.fi@evil.example/content.json",
            "https://user@intranet.example.fi/content.json",
        ] {
            let error = address(other).unwrap_err();
            assert_eq!(
                error,
                SettingsError::OtherSite { value: other.into(), origin: "https://intranet.example.fi".into() },
                "{other}"
            );
            let message = error.to_string();
            assert!(message.contains("portal-config.json") && message.contains("\"content\""), "{message}");
            assert!(message.contains(&format!("{other:?}")), "{message}");
        }
    }

    #[test]
    fn other_schemes_and_tricks_are_refused() {
        for value in
            ["javascript:alert(1)", "data:application/json,{}", "ftp://intranet.example.fi/c.json", "file:///c"]
        {
            assert_eq!(address(value), Err(SettingsError::NotWebAddress { value: value.into() }), "{value}");
        }
        for value in [
            "",
            " content.json",
            "ht\ttps://evil.example/",
            "/\\evil.example/content.json",
            "\\\\evil.example\\content.json",
            "https:evil.example",
            "https:content.json",
            "?content=x",
            "#/news",
        ] {
            assert!(matches!(address(value), Err(SettingsError::Malformed { .. })), "{value:?}");
        }
    }

    #[test]
    fn the_page_query_and_fragment_change_nothing() {
        let plain = address("content.json").unwrap();
        for page in [
            "https://intranet.example.fi/intranet/integration/?content=https://evil.example/c.json",
            "https://intranet.example.fi/intranet/integration/#/news?content=//evil.example/c.json",
            "https://intranet.example.fi/intranet/integration/index.html?x=/y/#/z/",
            "https://intranet.example.fi/intranet/integration/?a=b/c#d/e",
        ] {
            assert_eq!(content_address("content.json", page).unwrap(), plain, "{page}");
            assert_eq!(
                content_address("/cms/c.json", page).unwrap(),
                "https://intranet.example.fi/cms/c.json",
                "{page}"
            );
        }
    }
}
