//! The stems of an index part's words, kept once worked out: typing "int", "inte", "integ" asks for the
//! stems of the same range of words keystroke after keystroke, and Snowball is the slow part of it.

use super::stem::stem;
use crate::i18n::Lang;
use hashbrown::hash_table::{Entry, HashTable};
use std::sync::Mutex;

/// Stems kept at most; past it the cache starts again, so a long visit's memory stays bounded
/// (about 2 MB at most).
const MAX_KEPT: usize = 1 << 16;

/// A word's place in its part's vocabulary and a language, with the word's stem in that language.
#[derive(Default)]
pub(super) struct StemCache(Mutex<HashTable<(u32, Option<Box<str>>)>>);

impl StemCache {
    /// The stem in `lang` of `word`, the word at `place`, worked out on the first call only; `None` for a
    /// word too short to stem.
    pub(super) fn with_stem<T>(
        &self,
        place: usize,
        lang: Lang,
        word: &[u8],
        then: impl FnOnce(Option<&str>) -> T,
    ) -> T {
        let key = (place as u32) << 2 | lang as u32;
        let hash = |key: u32| u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26);
        // A poisoned lock only means a panic elsewhere; what it guards stays valid.
        let mut kept = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        let entry = match kept.entry(hash(key), |(known, _)| *known == key, |(known, _)| hash(*known)) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let worked_out = std::str::from_utf8(word).ok().and_then(|word| stem(lang, word));
                entry.insert((key, worked_out.map(String::into_boxed_str))).into_mut()
            }
        };
        then(entry.1.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_the_stem_each_time_and_keeps_languages_apart() {
        let cache = StemCache::default();
        for _ in 0..2 {
            assert_eq!(cache.with_stem(3, Lang::Fi, b"kunnan", |s| s.map(str::to_owned)), stem(Lang::Fi, "kunnan"));
            assert_eq!(cache.with_stem(3, Lang::Sv, b"kunnan", |s| s.map(str::to_owned)), stem(Lang::Sv, "kunnan"));
            assert_eq!(cache.with_stem(4, Lang::Fi, b"tyo", |s| s.map(str::to_owned)), None);
        }
    }

    #[test]
    fn starts_again_when_full_and_still_answers() {
        let cache = StemCache::default();
        for place in 0..MAX_KEPT + 10 {
            cache.with_stem(place, Lang::En, b"fees", |_| ());
        }
        assert!(cache.0.lock().unwrap().len() <= MAX_KEPT);
        assert_eq!(cache.with_stem(1, Lang::En, b"fees", |s| s.map(str::to_owned)), stem(Lang::En, "fees"));
    }
}
