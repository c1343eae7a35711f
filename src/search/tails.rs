//! The index's way into its words by the later parts of compounds: every place a part may start in a
//! word, ordered by what follows it.

use super::term::part_starts;
use crate::stable_sort::leading_bytes;

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

impl Tails {
    /// The tails of the words of a vocabulary, each word with what it carries (its postings).
    pub(super) fn of<P>(vocabulary: &[(Box<[u8]>, P)]) -> Tails {
        let max_offset = (1 << OFFSET_BITS) - 1;
        let mut tails: Vec<u32> = Vec::new();
        for (place, (word, _)) in vocabulary.iter().enumerate() {
            let starts = part_starts(word).take_while(|&at| at <= max_offset);
            tails.extend(starts.map(|at| (place as u32) << OFFSET_BITS | at as u32));
        }
        let order = crate::stable_sort::highest_first(tails.len(), &|i| !leading_bytes(tail(vocabulary, tails[i])));
        crate::stable_sort::rearrange(&mut tails, order);
        Tails(tails)
    }

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
