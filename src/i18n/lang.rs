//! The portal's three languages, and which one a reader gets: the leaf every other layer builds on.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    /// In order of preference when a text is missing: the national languages first.
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The BCP 47 tag, for `lang` attributes and addresses.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language to show: the address's, else the one the reader chose before, else the first of
    /// the browser's languages the portal has ("sv-FI" counts as Swedish), else Finnish.
    pub fn choose(address: Option<Lang>, remembered: Option<&str>, browser: &[String]) -> Lang {
        address
            .or_else(|| remembered.and_then(Lang::from_code))
            .or_else(|| {
                browser.iter().find_map(|tag| Lang::from_code(tag.split(['-', '_']).next().unwrap_or_default()))
            })
            .unwrap_or(Lang::Fi)
    }

    /// The language's name in itself, for the switcher.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomeksi",
            Lang::Sv => "På svenska",
            Lang::En => "In English",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_then_the_remembered_choice_then_the_browser_decide_else_finnish() {
        let browser = ["de-DE".to_owned(), "sv-FI".to_owned(), "en".to_owned()];
        assert_eq!(Lang::choose(Some(Lang::En), Some("sv"), &browser), Lang::En);
        assert_eq!(Lang::choose(None, Some("en"), &browser), Lang::En);
        assert_eq!(Lang::choose(None, Some("xx"), &browser), Lang::Sv);
        assert_eq!(Lang::choose(None, None, &browser), Lang::Sv);
        assert_eq!(Lang::choose(None, None, &["de".to_owned()]), Lang::Fi);
        assert_eq!(Lang::choose(None, None, &[]), Lang::Fi);
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("SV"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("de"), None);
    }
}
