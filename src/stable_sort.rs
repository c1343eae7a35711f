//! The one stable sort the app uses, and the one sort of byte strings. Each `sort_by_key` with its own closure or element type is a
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

/// Orders `positions` by the byte strings `bytes` gives them, lowest first: eight bytes at a time as
/// integers through [`highest_first`], each group sharing them ordered again by the next eight. Half
/// the instructions of comparing words byte by byte, and no other copy of the standard library's sort.
pub fn order_by_bytes<'a>(positions: &mut [usize], bytes: &dyn Fn(usize) -> &'a [u8]) {
    order_from(positions, bytes, 0);
}

/// Orders `positions` by `key`, lowest first; equal keys keep their order.
pub fn order_by_key(positions: &mut [usize], key: &dyn Fn(usize) -> u64) {
    let order = highest_first(positions.len(), &|i| !key(positions[i]));
    rearrange(positions, order);
}

/// An order made a group at a time, so that no one step sorts a long list: the positions grouped by
/// their first byte in one counting pass, then each group ordered apart when asked. For an order that
/// ranks by that byte first, the groups in byte order, each ordered, are the whole order.
#[derive(Default)]
pub struct GroupedOrder {
    positions: Vec<usize>,
    /// Where each first byte's group ends in `positions`.
    ends: Vec<usize>,
    /// The first group not ordered yet.
    next: usize,
}

impl GroupedOrder {
    /// The positions `0..len` grouped by `first_byte`, each group in its positions' order.
    pub fn new(len: usize, first_byte: &dyn Fn(usize) -> u8) -> GroupedOrder {
        let mut counts = vec![0; 256];
        (0..len).for_each(|position| counts[usize::from(first_byte(position))] += 1);
        let mut starts: Vec<usize> = counts
            .iter()
            .scan(0, |start, count| {
                *start += count;
                Some(*start - count)
            })
            .collect();
        let mut positions = vec![0; len];
        for position in 0..len {
            let slot = &mut starts[usize::from(first_byte(position))];
            positions[*slot] = position;
            *slot += 1;
        }
        GroupedOrder { positions, ends: starts, next: 0 }
    }

    /// Orders the next group of more than one position with `order`; true once every group is ordered.
    pub fn order_next(&mut self, order: &dyn Fn(&mut [usize])) -> bool {
        while let Some(&end) = self.ends.get(self.next) {
            let start = self.next.checked_sub(1).map_or(0, |before| self.ends[before]);
            self.next += 1;
            if end - start > 1 {
                order(&mut self.positions[start..end]);
                break;
            }
        }
        self.next >= self.ends.len()
    }

    /// The positions in their order, every group ordered or not.
    pub fn into_order(self) -> Vec<usize> {
        self.positions
    }
}

/// Orders `positions`, whose strings share their first `depth` bytes, by the rest of them.
fn order_from<'a>(positions: &mut [usize], bytes: &dyn Fn(usize) -> &'a [u8], depth: usize) {
    let key = |position: usize| leading_bytes(bytes(position).get(depth..).unwrap_or_default());
    order_by_key(positions, &key);
    for group in positions.chunk_by_mut(|&a, &b| key(a) == key(b)) {
        if group.len() > 1 && group.iter().any(|&position| bytes(position).len() > depth + 8) {
            order_from(group, bytes, depth + 8);
        }
    }
}

/// A string's first eight bytes as an integer that orders as the string does, when no string holds a
/// zero byte (the zeros after a shorter string order it first).
pub fn leading_bytes(bytes: &[u8]) -> u64 {
    let mut leading = [0; 8];
    leading.iter_mut().zip(bytes).for_each(|(slot, byte)| *slot = *byte);
    u64::from_be_bytes(leading)
}

/// Rearranges `items` in place so that position `i` holds what was at `order[i]`; `order`, a
/// permutation of the positions such as `highest_first` gives, is used up. In place rather than into a
/// new list: the news are ordered while the whole content file is still in memory, the moment the
/// page's memory peaks.
pub fn rearrange<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len().min(items.len()) {
        // Follow the cycle through `start`, swapping each position's item into place.
        let mut at = start;
        while order[at] != DONE {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start || from >= items.len() {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
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
    fn orders_byte_strings_as_their_comparison_does() {
        let words: [&[u8]; 7] =
            [b"kotoutumisohjelma", b"kotoutumis", b"a", b"kotoutumisen", b"", b"kotoutuminen", b"b"];
        let mut order: Vec<usize> = (0..words.len()).collect();
        order_by_bytes(&mut order, &|i| words[i]);
        let mut sorted = words;
        sorted.sort();
        assert_eq!(order.iter().map(|&i| words[i]).collect::<Vec<_>>(), sorted);
    }

    proptest::proptest! {
        #[test]
        fn an_order_made_a_group_at_a_time_is_the_whole_order(words in proptest::collection::vec("[a-d]{0,10}", 0..60)) {
            let bytes = |i: usize| words[i].as_bytes();
            let mut whole: Vec<usize> = (0..words.len()).collect();
            order_by_bytes(&mut whole, &bytes);
            let mut grouped = GroupedOrder::new(words.len(), &|i| bytes(i).first().copied().unwrap_or(0));
            while !grouped.order_next(&|group| order_by_bytes(group, &bytes)) {}
            proptest::prop_assert_eq!(grouped.into_order(), whole.clone());
            let key = |i: usize| leading_bytes(bytes(i));
            let mut grouped = GroupedOrder::new(words.len(), &|i| (key(i) >> 56) as u8);
            while !grouped.order_next(&|group| order_by_key(group, &key)) {}
            let mut by_key: Vec<usize> = (0..words.len()).collect();
            by_key.sort_by_key(|&i| key(i));
            proptest::prop_assert_eq!(grouped.into_order(), by_key);
        }
    }

    #[test]
    fn rearranges_in_place_by_an_order() {
        let mut items = ["a", "b", "c", "d", "e"];
        rearrange(&mut items, vec![2, 0, 1, 4, 3]);
        assert_eq!(items, ["c", "a", "b", "e", "d"]);
        let keys = [1u64, 5, 5, 0, 9, 2];
        let mut positions: Vec<usize> = (0..keys.len()).collect();
        rearrange(&mut positions, highest_first(keys.len(), &|i| keys[i]));
        assert_eq!(positions, [4, 1, 2, 5, 0, 3]);
    }
}
