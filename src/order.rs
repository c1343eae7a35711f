//! The one stable sort the app uses. Each `sort_by_key` with its own closure or element type is a
//! separate copy of the standard library's sort in the wasm, a few kilobytes each against the first
//! view's size budget (BENCHMARKS.md, "Size budget"); these orders all go through one copy instead.

use std::cmp::Reverse;

/// The positions `0..len` ordered by `key`, highest first; equal keys keep their order. (Each pair of
/// key and position is unique, so the unstable sort gives the stable order.)
pub fn highest_first(len: usize, key: &dyn Fn(usize) -> u64) -> Vec<usize> {
    let mut keyed: Vec<(Reverse<u64>, usize)> = (0..len).map(|position| (Reverse(key(position)), position)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, position)| position).collect()
}

/// `items` rearranged into `order`, a permutation of their positions such as `highest_first` gives.
pub fn rearranged<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&position| slots.get_mut(position).and_then(Option::take)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highest_first_and_ties_in_their_order() {
        let keys = [3u64, 7, 3, 9, 7, 0];
        assert_eq!(highest_first(keys.len(), &|i| keys[i]), [3, 1, 4, 0, 2, 5]);
        assert!(highest_first(0, &|_| 0).is_empty());
    }

    #[test]
    fn rearranges_by_an_order() {
        assert_eq!(rearranged(vec!["a", "b", "c"], &[2, 0, 1]), ["c", "a", "b"]);
    }
}
