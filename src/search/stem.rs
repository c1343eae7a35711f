//! A word's stem in its language, so that inflected forms meet: Snowball's Finnish, Swedish and English
//! stemmers (`rust-stemmers`), and for Finnish a few rules for the regular alternations Snowball leaves
//! apart. Applied to search forms (folded, "ä" as "a") on both sides, so a query typed without Nordic
//! letters meets the text's words the same way.

use crate::i18n::Lang;
use rust_stemmers::{Algorithm, Stemmer};

/// Finnish words shorter than this have no stem: "kun" (when) must not meet "kunta" (municipality).
pub const MIN_STEMMED_CHARS: usize = 4;

/// Swedish and English words have stems from three letters: "fee" meets "fees", "lag" meets "lagar".
const MIN_STEMMED_CHARS_SV_EN: usize = 3;

/// The stem of a word in its search form, in `lang`; `None` for a word too short to stem.
pub fn stem(lang: Lang, word: &str) -> Option<String> {
    let shortest = if lang == Lang::Fi { MIN_STEMMED_CHARS } else { MIN_STEMMED_CHARS_SV_EN };
    word.chars().nth(shortest - 1)?;
    let mut stem = snowball_stem(lang, word);
    if lang == Lang::Fi {
        finnish_alternations(word, &mut stem);
    }
    Some(stem)
}

/// The start of `stem` that every word with that stem starts with, to look for a stem's words among
/// those that start so: a stem up to its last consonant. Snowball cuts endings, and may undouble the
/// last consonant (*leikkaisi*, *leikai*) or change a final y (English *happi*): the consonant itself
/// stays. The Finnish rules that change it (*pakolais-* to *pakolain*, *tulkkauks-* to *tulkkaus*)
/// leave stems ending *-in*, *-us* or *-ys*, cut before it; the one that adds an *e* after a lost *k*
/// leaves the consonant before (*tuki*, *tue*). At least the first two letters, which no rule changes;
/// `None` for a shorter stem.
pub fn shared_start(stem: &str) -> Option<&str> {
    let last_consonant = stem.char_indices().rev().find(|(_, c)| !is_vowel_char(*c));
    let end = match last_consonant {
        Some((at, _)) if ["in", "us", "ys"].iter().any(|ending| stem.ends_with(ending)) => at,
        Some((at, c)) => at + c.len_utf8(),
        None => 0,
    };
    let first_two = stem.char_indices().nth(2).map_or(stem.len(), |(at, _)| at);
    (stem.chars().nth(1).is_some()).then(|| &stem[..end.max(first_two)])
}

fn is_vowel_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_vowel)
}

/// Snowball's stem alone, without the Finnish rules below; for measuring what they add.
pub fn snowball_stem(lang: Lang, word: &str) -> String {
    // Created with a constant each, so the build keeps only these three of the crate's algorithms.
    let stemmer = match lang {
        Lang::Fi => Stemmer::create(Algorithm::Finnish),
        Lang::Sv => Stemmer::create(Algorithm::Swedish),
        Lang::En => Stemmer::create(Algorithm::English),
    };
    stemmer.stem(word).into_owned()
}

/// Endings Snowball leaves in a Finnish stem that mark a regular alternation, and what they become so
/// that the forms meet. Measured on the bundled content's words (BENCHMARKS.md, "Finnish stems").
const FINNISH_ENDINGS: &[(&str, &str)] = &[
    // -nen words: pakolai|nen, pakolai|sen, pakolai|sia all meet at "pakolain", the form a prefix
    // typed past the stem ("pakolaine") still starts.
    ("is", "in"),
    // -us/-ys words: tulkkaus, tulkkauksen; työllisyys, työllisyyden, työllisyyttä.
    ("uks", "us"),
    ("yks", "ys"),
    ("uud", "uus"),
    ("yyd", "yys"),
    ("uut", "uus"),
    ("yyt", "yys"),
];

/// Consonant gradation at the end of a stem: the strong and weak grades of the regular alternations
/// (kunta, kunnan; valta, vallan; hinta, hinnan; tulkki, tulkin) meet at one form.
const FINNISH_GRADES: &[(&str, &str)] = &[
    ("nt", "n"),
    ("nn", "n"),
    ("lt", "l"),
    ("ll", "l"),
    ("rt", "r"),
    ("rr", "r"),
    ("mp", "m"),
    ("mm", "m"),
    ("nk", "n"),
    ("ng", "n"),
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
];

/// Case endings Snowball leaves on short words, whose first syllable is most of the word: tuen, tuesta.
const SHORT_WORD_ENDINGS: &[&str] = &["ssa", "sta", "lla", "lta", "lle", "ksi", "na", "ta", "n", "a"];

fn finnish_alternations(word: &str, stem: &mut String) {
    // -sten, the plural genitive of -nen words (pakolaisten), which Snowball leaves as "pakolaist".
    if word.ends_with("sten") && stem.ends_with("ist") {
        stem.pop();
    }
    if word.len() <= 6 {
        if let Some(ending) =
            SHORT_WORD_ENDINGS.iter().find(|ending| word.len() >= ending.len() + 2 && word.ends_with(*ending))
        {
            if word.len() - ending.len() < stem.len() {
                stem.truncate(word.len() - ending.len());
            }
        }
    }
    replace_ending(stem, FINNISH_ENDINGS);
    if replace_ending(stem, FINNISH_GRADES) {
        return;
    }
    // The k that vanishes between vowels in the weak grade meets it at "e": tuki, tuen, tukea, tuesta
    // at "tue"; osaamistuki, osaamistuen at "osaamistue"; laki, lain at "lae". Only after a consonant
    // and one vowel, so "asiak" (asiakas, client) keeps its k and stays apart from "asia" (matter).
    let bytes = stem.as_bytes();
    let consonant_vowel_before = |from_end: usize| {
        bytes.len() >= from_end + 2
            && is_vowel(bytes[bytes.len() - from_end - 1])
            && !is_vowel(bytes[bytes.len() - from_end - 2])
    };
    let weak_end = if (stem.ends_with("ki") || stem.ends_with("ke")) && consonant_vowel_before(2) {
        Some(2)
    } else if (stem.ends_with('k') || stem.len() <= 3 && stem.ends_with('i')) && consonant_vowel_before(1) {
        Some(1)
    } else {
        None
    };
    if let Some(cut) = weak_end {
        stem.truncate(stem.len() - cut);
        stem.push('e');
    }
}

/// Replaces the first of `endings` that `stem` ends with; whether one did.
fn replace_ending(stem: &mut String, endings: &[(&str, &str)]) -> bool {
    match endings.iter().find(|(from, _)| stem.ends_with(from)) {
        Some((from, to)) => {
            stem.truncate(stem.len() - from.len());
            stem.push_str(to);
            true
        }
        None => false,
    }
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::text::fold;

    fn meet(lang: Lang, words: &[&str]) {
        let stems: Vec<Option<String>> = words.iter().map(|word| stem(lang, &fold(word))).collect();
        assert!(stems[0].is_some(), "{words:?}");
        assert!(stems.iter().all(|s| *s == stems[0]), "{words:?} stem as {stems:?}");
    }

    fn apart(lang: Lang, a: &str, b: &str) {
        assert_ne!(stem(lang, &fold(a)), stem(lang, &fold(b)), "{a} and {b}");
    }

    #[test]
    fn finnish_cases_and_numbers_meet() {
        meet(Lang::Fi, &["hyvinvointialue", "hyvinvointialueen", "hyvinvointialueet", "hyvinvointialuetta"]);
        meet(Lang::Fi, &["palvelu", "palvelut", "palvelujen", "palveluissa"]);
        meet(Lang::Fi, &["maahanmuuttaja", "maahanmuuttajien", "maahanmuuttajille"]);
    }

    #[test]
    fn finnish_nen_words_meet_in_every_form() {
        meet(Lang::Fi, &["pakolainen", "pakolaisen", "pakolaisia", "pakolaisten", "pakolaiset"]);
        meet(Lang::Fi, &["kotoutuminen", "kotoutumisen", "kotoutumisesta"]);
        meet(Lang::Fi, &["viranomainen", "viranomaisen", "viranomaisten"]);
    }

    #[test]
    fn finnish_us_words_meet_in_every_form() {
        meet(Lang::Fi, &["tulkkaus", "tulkkauksen", "tulkkauksessa"]);
        meet(Lang::Fi, &["työllisyys", "työllisyyden", "työllisyyttä"]);
        meet(Lang::Fi, &["kumppanuus", "kumppanuuden", "kumppanuutta"]);
    }

    #[test]
    fn finnish_consonant_gradation_meets() {
        meet(Lang::Fi, &["tulkki", "tulkin", "tulkkien"]);
        meet(Lang::Fi, &["kunta", "kunnan", "kuntien", "kunnille"]);
        meet(Lang::Fi, &["tuki", "tuen", "tukea", "tuesta"]);
        meet(Lang::Fi, &["laki", "lain", "lakia", "laissa"]);
        meet(Lang::Fi, &["osaamistuki", "osaamistuen", "osaamistukea", "osaamistuesta"]);
        meet(Lang::Fi, &["vastaanotto", "vastaanoton", "vastaanotossa"]);
    }

    #[test]
    fn different_words_stay_apart() {
        apart(Lang::Fi, "kunta", "kun");
        apart(Lang::Fi, "tulkki", "tulkkaus");
        apart(Lang::Fi, "asiakkaalla", "asia");
        apart(Lang::Fi, "laki", "lapsi");
        assert_eq!(stem(Lang::Fi, "kun"), None, "too short to stem");
    }

    /// The words of the bundled content, each with its stem's shared start: the lookup of a stem's
    /// words among those that start with it misses none.
    #[test]
    fn every_word_starts_with_its_stems_shared_start() {
        let content: serde_json::Value = serde_json::from_str(include_str!("../../content.json")).unwrap();
        let mut checked = 0;
        let mut walk = vec![(&content, None)];
        while let Some((value, lang)) = walk.pop() {
            match value {
                serde_json::Value::String(text) => {
                    for word in crate::search::text::words(text) {
                        let langs = lang.map_or(Lang::ALL.to_vec(), |lang| vec![lang]);
                        for lang in langs {
                            if let Some(start) =
                                stem(lang, &word).as_deref().and_then(|s| shared_start(s).map(str::to_owned))
                            {
                                assert!(word.starts_with(&start), "{lang:?} {word} {start}");
                                checked += 1;
                            }
                        }
                    }
                }
                serde_json::Value::Array(values) => walk.extend(values.iter().map(|v| (v, lang))),
                serde_json::Value::Object(fields) => walk.extend(
                    fields.iter().map(|(key, v)| (v, Lang::ALL.into_iter().find(|lang| lang.code() == key).or(lang))),
                ),
                _ => {}
            }
        }
        assert!(checked > 3000, "{checked}");
    }

    #[test]
    fn swedish_and_english_definite_and_plural_forms_meet() {
        meet(Lang::Sv, &["integrationsplan", "integrationsplanen", "integrationsplanerna"]);
        meet(Lang::Sv, &["kommun", "kommunen", "kommunerna", "kommunernas"]);
        meet(Lang::Sv, &["flykting", "flyktingar", "flyktingarna"]);
        meet(Lang::En, &["interpreter", "interpreters", "interpreting"]);
        meet(Lang::En, &["municipality", "municipalities"]);
        meet(Lang::En, &["fee", "fees"]);
        meet(Lang::Sv, &["lag", "lagar", "lagen"]);
    }
}
