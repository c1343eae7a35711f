//! The index's way into its words by the later parts of compounds: every place a part may start in a
//! word, ordered by what follows it.

use super::term::part_starts;
use crate::stable_sort::{leading_bytes, order_by_key, GroupedOrder};

/// Where later parts of compounds may start: a place in the vocabulary and a byte offset in one `u32`,
/// ordered by the first eight bytes from there, the one integer sort being enough for a lookup by
/// what a part starts with.
pub(super) struct Tails(Vec<u32>);

/// A tail's word and offset in one `u32`: words past the offsets a byte holds are not split further.
const OFFSET_BITS: u32 = 8;

fn unpack(packed: u32) -> (usize, usize) {
    ((packed >> OFFSET_BITS) as usize, (packed & ((1 << OFFSET_BITS) - 1)) as usize)
}

fn tail<P>(vocabulary: &[(Box<[u8]>, P)], packed: u32) -> &[u8] {
    let (word, at) = unpack(packed);
    &vocabulary[word].0[at..]
}

/// The tails of a vocabulary's words, ordered a group at a time ([`GroupedOrder`]) so that a large
/// archive's tails are never sorted in one long task.
pub(super) struct TailsInOrder {
    tails: Vec<u32>,
    order: GroupedOrder,
}

impl TailsInOrder {
    /// The tails of the words of a vocabulary, each word with what it carries (its postings).
    pub(super) fn of<P>(vocabulary: &[(Box<[u8]>, P)]) -> TailsInOrder {
        let max_offset = (1 << OFFSET_BITS) - 1;
        let mut tails: Vec<u32> = Vec::new();
        for (place, (word, _)) in vocabulary.iter().enumerate() {
            let starts = part_starts(word).take_while(|&at| at <= max_offset);
            tails.extend(starts.map(|at| (place as u32) << OFFSET_BITS | at as u32));
        }
        let first_byte = |i: usize| tail(vocabulary, tails[i]).first().copied().unwrap_or(0);
        let order = GroupedOrder::new(tails.len(), &first_byte);
        TailsInOrder { tails, order }
    }

    /// Orders the tails of one more first byte; true once all are ordered.
    pub(super) fn order_some<P>(&mut self, vocabulary: &[(Box<[u8]>, P)]) -> bool {
        let TailsInOrder { tails, order } = self;
        order.order_next(&|group| order_by_key(group, &|i| leading_bytes(tail(vocabulary, tails[i]))))
    }

    /// The tails in order, once [`TailsInOrder::order_some`] has said so.
    pub(super) fn into_tails(self) -> Tails {
        let TailsInOrder { mut tails, order } = self;
        crate::stable_sort::rearrange(&mut tails, order.into_order());
        Tails(tails)
    }
}

impl Tails {
    /// The words with a later part starting with `probe`, and where in the word that part starts.
    pub(super) fn starting_with<'a, P>(
        &'a self,
        vocabulary: &'a [(Box<[u8]>, P)],
        probe: &'a [u8],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        // Every tail starting with the probe's first eight bytes, or with a shorter probe, has leading
        // bytes between the probe's with zeros after it and with ones.
        let low = leading_bytes(probe);
        let high = low | u64::MAX.checked_shr(8 * probe.len() as u32).unwrap_or(0);
        let leading = move |packed: u32| leading_bytes(tail(vocabulary, packed));
        let start = self.0.partition_point(|&packed| leading(packed) < low);
        self.0[start..]
            .iter()
            .take_while(move |&&packed| leading(packed) <= high)
            .filter(move |&&packed| tail(vocabulary, packed).starts_with(probe))
            .map(|&packed| unpack(packed))
    }
}
