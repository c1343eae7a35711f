//! One part of the search index, as it is laid out and built: each word's postings (a document and
//! the fields the word stands in, in one `u32`), the words in order, and for each letter the documents
//! with a word that starts with it.

use super::text::{Word, WordReader};
use hashbrown::hash_table::{Entry, HashTable};

/// Where in a document a word stands; a title hit outranks any number of body hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title = 1,
    Summary = 2,
    Body = 4,
}

impl Field {
    pub(super) fn weight(mask: u8) -> u32 {
        if mask & Field::Title as u8 != 0 {
            1_000
        } else if mask & Field::Summary as u8 != 0 {
            30
        } else {
            1
        }
    }
}

/// A document and the fields a word stands in there, in one `u32`: half the memory of a struct with a
/// separate byte, for the millions of postings of a large archive.
#[derive(Clone, Copy, Debug)]
pub(super) struct Posting(u32);

impl Posting {
    const FIELD_BITS: u32 = 3;

    fn new(document: u32, field: Field) -> Posting {
        Posting(document << Self::FIELD_BITS | field as u32)
    }

    pub(super) fn document(self) -> u32 {
        self.0 >> Self::FIELD_BITS
    }

    pub(super) fn fields(self) -> u8 {
        (self.0 & ((1 << Self::FIELD_BITS) - 1)) as u8
    }

    fn add_field(&mut self, field: Field) {
        self.0 |= field as u32;
    }
}

/// Words in order (their search forms, as the bytes they were read into), each with the documents it
/// stands in.
pub(super) type Vocabulary = Vec<(Box<[u8]>, Box<[Posting]>)>;

/// Letters and digits a word can start with, in [`Initials`].
const INITIALS: usize = 36;

/// For each letter and digit, the fields of each document where a word starting with it stands: the
/// letter being typed ("i", "integration p") is one pass over the documents instead of the postings of
/// the thousands of words it starts.
pub(super) struct Initials(Vec<u8>);

impl Initials {
    fn new(documents: usize) -> Initials {
        Initials(vec![0; INITIALS * documents])
    }

    fn slot(initial: u8) -> Option<usize> {
        match initial {
            b'0'..=b'9' => Some(usize::from(initial - b'0')),
            b'a'..=b'z' => Some(usize::from(initial - b'a') + 10),
            _ => None,
        }
    }

    fn add(&mut self, document: u32, field: Field, word: &[u8]) {
        if let Some(slot) = word.first().copied().and_then(Initials::slot) {
            self.0[slot + INITIALS * document as usize] |= field as u8;
        }
    }

    /// The fields of each document where a word starting with `initial` stands.
    pub(super) fn fields(&self, initial: u8) -> Option<impl Iterator<Item = u8> + '_> {
        Initials::slot(initial).map(|slot| self.0.iter().skip(slot).step_by(INITIALS).copied())
    }
}

/// A part of the index: the words of some fields, and their initials.
pub(super) struct Part {
    pub(super) vocabulary: Vocabulary,
    pub(super) initials: Initials,
}

/// Collects words into postings, allocating only for words not seen before.
pub(super) struct Builder {
    /// Each word seen, with the documents it stands in so far: a word repeated within a document is
    /// settled by the last of them, found with the word.
    words: HashTable<(Box<[u8]>, Vec<Posting>)>,
    reader: WordReader,
    /// Where a word that is not its own search form is folded.
    scratch: Vec<u8>,
    initials: Initials,
}

impl Builder {
    pub(super) fn new(documents: usize) -> Builder {
        Builder {
            words: HashTable::new(),
            reader: WordReader::default(),
            scratch: Vec::new(),
            initials: Initials::new(documents),
        }
    }

    /// Documents must be added in ascending order.
    pub(super) fn add(&mut self, document: u32, field: Field, text: &str) {
        let Builder { words, reader, scratch, initials } = self;
        let mut at = 0;
        while let Some((word, end)) = reader.next_word(text, at, scratch) {
            at = end;
            initials.add(document, field, word.form);
            let is_word = |(known, _): &(Box<[u8]>, Vec<Posting>)| **known == *word.form;
            let hash_again = |(known, _): &(Box<[u8]>, Vec<Posting>)| Word::new(known).hash;
            let (_, postings) = match words.entry(word.hash, is_word, hash_again) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => entry.insert((word.form.into(), Vec::new())).into_mut(),
            };
            match postings.last_mut() {
                Some(latest) if latest.document() == document => latest.add_field(field),
                _ => postings.push(Posting::new(document, field)),
            }
        }
    }

    /// The words in order, each with its postings without spare capacity, and their initials.
    pub(super) fn into_part(self) -> Part {
        let Builder { words, initials, .. } = self;
        let mut vocabulary: Vocabulary =
            words.into_iter().map(|(word, postings)| (word, postings.into_boxed_slice())).collect();
        // Sorted by their first eight bytes as integers through the app's one integer sort, then each
        // group sharing those bytes by whole words: about half the instructions of comparing every
        // pair of words byte by byte.
        let order = crate::stable_sort::highest_first(vocabulary.len(), &|i| !leading_bytes(&vocabulary[i].0));
        crate::stable_sort::rearrange(&mut vocabulary, order);
        for group in vocabulary.chunk_by_mut(|a, b| leading_bytes(&a.0) == leading_bytes(&b.0)) {
            group.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        }
        Part { vocabulary, initials }
    }
}

/// A word's first eight bytes as an integer that orders as the word does (a word has no zero bytes,
/// so the zeros after a shorter word order it first).
fn leading_bytes(word: &[u8]) -> u64 {
    let mut leading = [0; 8];
    leading.iter_mut().zip(word).for_each(|(slot, byte)| *slot = *byte);
    u64::from_be_bytes(leading)
}
