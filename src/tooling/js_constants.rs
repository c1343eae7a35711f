//! The rules and words the two JavaScript files share with the app, written from the Rust side into a
//! marked block at the top of each: `public/first-paint.js` (languages, where the choice is kept, the
//! slug rule, the shell's words) and `public/sw.js` (the settings file, the default content, the
//! header of saved copies). Every build writes them first (`cargo run --bin write-js-constants`, a
//! Trunk hook); `tests/js_constants.rs` fails when a committed file's block differs from what Rust says.

use crate::browser::language_memory::LANGUAGE_KEY;
use crate::browser::offline::CACHED_AT_HEADER;
use crate::browser::preview::PREVIEW_QUERY;
use crate::content::model::SLUG_PATTERN;
use crate::i18n::{Lang, Texts};
use crate::portal_config::{DEFAULT_CONTENT, SETTINGS_FILE};

/// The first line of the block.
pub const BEGIN: &str =
    "// Written from the Rust side by `cargo run --bin write-js-constants`; tests/js_constants.rs checks it.";
/// Its last line.
pub const END: &str = "// End of what the Rust side writes.";

/// The block of `public/first-paint.js`.
pub fn first_paint() -> String {
    let codes: Vec<String> = Lang::ALL.iter().map(|lang| quoted(lang.code())).collect();
    let per_language = |text: &dyn Fn(Lang) -> String| {
        let entries = Lang::ALL.iter().map(|&lang| format!("  {}: {},", lang.code(), text(lang)));
        format!("{{\n{}\n}}", entries.collect::<Vec<_>>().join("\n"))
    };
    let words = |lang: Lang| {
        let texts = lang.texts();
        let pairs = EARLY_PAINT_WORDS.iter().map(|(name, word)| format!("{name}: {}", quoted(word(texts))));
        format!("{{ {} }}", pairs.collect::<Vec<_>>().join(", "))
    };
    block(&[
        format!("const LANGUAGES = [{}];", codes.join(", ")),
        format!("const LANGUAGE_KEY = {};", quoted(LANGUAGE_KEY)),
        format!("const SLUG = /{SLUG_PATTERN}/;"),
        "// The page address of the editors' preview, which paints nothing of the deployed content.".to_owned(),
        format!("const PREVIEW_QUERY = {};", quoted(PREVIEW_QUERY)),
        "// The app's words that the early paint shows, named as in `Texts`.".to_owned(),
        format!("const WORDS = {};", per_language(&words)),
    ])
}

/// One of the app's words, read from its `Texts`.
type Word = fn(&Texts) -> &'static str;

/// The words of `Texts` that the early paint shows: the header, the shell, and the home, section and
/// news item views (src/components/layout.rs and src/views/).
const EARLY_PAINT_WORDS: &[(&str, Word)] = &[
    ("portal_name", |t| t.portal_name),
    ("loading", |t| t.loading),
    ("skip_to_content", |t| t.skip_to_content),
    ("main_navigation", |t| t.main_navigation),
    ("home", |t| t.home),
    ("news", |t| t.news),
    ("search", |t| t.search),
    ("language", |t| t.language),
    ("for_whom", |t| t.for_whom),
    ("sections", |t| t.sections),
    ("updated", |t| t.updated),
    ("related_links", |t| t.related_links),
    ("opens_outside", |t| t.opens_outside),
    ("not_in_language", |t| t.not_in_language),
    ("back_to_news", |t| t.back_to_news),
    ("published", |t| t.published),
    ("news_item", |t| t.news_item),
    ("press_release", |t| t.press_release),
    ("related_sections", |t| t.related_sections),
    ("source", |t| t.source),
];

/// The block of `public/sw.js`.
pub fn service_worker() -> String {
    block(&[
        format!("const SETTINGS = {};", quoted(SETTINGS_FILE)),
        format!("const DEFAULT_CONTENT = {};", quoted(DEFAULT_CONTENT)),
        format!("const CACHED_AT = {};", quoted(CACHED_AT_HEADER)),
    ])
}

/// `js` with its block replaced by `constants`; an error when `js` has no whole block.
pub fn with_constants(js: &str, constants: &str) -> Result<String, String> {
    let start = js.find(BEGIN).ok_or("no line where the constants begin")?;
    let end = js[start..].find(END).ok_or("no line where the constants end")? + start + END.len();
    Ok(format!("{}{constants}{}", &js[..start], &js[end..]))
}

/// The block as it stands in `js`, if it has one.
pub fn constants_in(js: &str) -> Option<&str> {
    let start = js.find(BEGIN)?;
    let end = js[start..].find(END)? + start + END.len();
    Some(&js[start..end])
}

fn block(lines: &[String]) -> String {
    format!("{BEGIN}\n{}\n{END}", lines.join("\n"))
}

/// A JavaScript string literal: JSON's is one.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_replaced_whole_and_only_a_whole_one() {
        let js = format!("a\n{BEGIN}\nold\n{END}\nb");
        assert_eq!(with_constants(&js, "new").unwrap(), "a\nnew\nb");
        assert!(with_constants("a\nb", "new").is_err());
        assert_eq!(constants_in(&js), Some(&js[2..js.len() - 2]));
        assert!(first_paint().contains("const LANGUAGE_KEY = \"portal-language\";"));
        assert!(service_worker().contains("const CACHED_AT = \"X-Portal-Cached-At\";"));
    }
}
