//! One part of the search index, as it is laid out and built: each word's postings (a document and
//! the fields the word stands in, in one `u32`), the words in order, for each letter the documents
//! with a word that starts with it, the words by their stems, and the words by their later parts.

use super::stem::stem;
use super::term::part_starts;
use super::text::{Word, WordReader};
use crate::i18n::Lang;
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

/// Stems behind a byte for their language, in order, each with the places in a [`Vocabulary`] of
/// the words of that language it is the stem of.
type Stems = Vec<(Box<[u8]>, Box<[u32]>)>;

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

/// A part of the index: the words of some fields, their initials, stems and later parts.
pub(super) struct Part {
    pub(super) vocabulary: Vocabulary,
    pub(super) initials: Initials,
    stems: Stems,
    /// Where later parts of compounds start: a place in `vocabulary` and a byte offset in one `u32`,
    /// sorted by the word from that offset on.
    tails: Vec<u32>,
}

/// A tail's word and offset in one `u32`: words past the offsets a byte holds are not split further.
const TAIL_OFFSET_BITS: u32 = 8;

impl Part {
    /// The words of `lang` whose stem is `stem`.
    pub(super) fn words_with_stem(&self, lang: Lang, stem: &str) -> &[u32] {
        let key = stem_key(lang, stem);
        match self.stems.binary_search_by(|(known, _)| (**known).cmp(&key)) {
            Ok(found) => &self.stems[found].1,
            Err(_) => &[],
        }
    }

    /// The words with a later part starting with `probe`, and where in the word that part starts.
    pub(super) fn parts_starting_with<'a>(&'a self, probe: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
        let tail = |packed: u32| {
            let (word, at) = unpack_tail(packed);
            &self.vocabulary[word].0[at..]
        };
        let start = self.tails.partition_point(|&packed| tail(packed) < probe);
        self.tails[start..].iter().take_while(move |&&packed| tail(packed).starts_with(probe)).map(|&p| unpack_tail(p))
    }
}

fn stem_key(lang: Lang, stem: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(stem.len() + 1);
    key.push(lang as u8);
    key.extend_from_slice(stem.as_bytes());
    key
}

fn unpack_tail(packed: u32) -> (usize, usize) {
    ((packed >> TAIL_OFFSET_BITS) as usize, (packed & ((1 << TAIL_OFFSET_BITS) - 1)) as usize)
}

/// Each word's stem in each language it was read in, grouped by stem.
fn stems_of(vocabulary: &Vocabulary, languages: &[u8]) -> Stems {
    let mut stems: Vec<(Vec<u8>, u32)> = Vec::new();
    for (place, ((word, _), &langs)) in vocabulary.iter().zip(languages).enumerate() {
        let Ok(word) = std::str::from_utf8(word) else { continue };
        for lang in Lang::ALL.into_iter().filter(|&lang| langs & 1 << lang as u8 != 0) {
            if let Some(stem) = stem(lang, word) {
                stems.push((stem_key(lang, &stem), place as u32));
            }
        }
    }
    let order = crate::stable_sort::by_bytes(stems.len(), &|i| &stems[i].0);
    crate::stable_sort::rearrange(&mut stems, order);
    stems
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| (group[0].0.clone().into_boxed_slice(), group.iter().map(|(_, place)| *place).collect()))
        .collect()
}

/// Every place a later part may start in each word, sorted by the word from there on.
fn tails_of(vocabulary: &Vocabulary) -> Vec<u32> {
    let max_offset = (1 << TAIL_OFFSET_BITS) - 1;
    let mut tails: Vec<u32> = Vec::new();
    for (place, (word, _)) in vocabulary.iter().enumerate() {
        let Ok(word) = std::str::from_utf8(word) else { continue };
        let starts = part_starts(word).take_while(|&at| at <= max_offset);
        tails.extend(starts.map(|at| (place as u32) << TAIL_OFFSET_BITS | at as u32));
    }
    let tail = |packed: u32| {
        let (word, at) = unpack_tail(packed);
        &vocabulary[word].0[at..]
    };
    let order = crate::stable_sort::by_bytes(tails.len(), &|i| tail(tails[i]));
    crate::stable_sort::rearrange(&mut tails, order);
    tails
}

/// Collects words into postings, allocating only for words not seen before.
pub(super) struct Builder {
    /// Each word seen, with the documents it stands in so far (a word repeated within a document is
    /// settled by the last of them, found with the word) and the languages it was read in, a bit each.
    words: HashTable<(Box<[u8]>, Vec<Posting>, u8)>,
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
    pub(super) fn add(&mut self, document: u32, field: Field, lang: Lang, text: &str) {
        let Builder { words, reader, scratch, initials } = self;
        let mut at = 0;
        while let Some((word, end)) = reader.next_word(text, at, scratch) {
            at = end;
            initials.add(document, field, word.form);
            let is_word = |(known, ..): &(Box<[u8]>, Vec<Posting>, u8)| **known == *word.form;
            let hash_again = |(known, ..): &(Box<[u8]>, Vec<Posting>, u8)| Word::new(known).hash;
            let (_, postings, langs) = match words.entry(word.hash, is_word, hash_again) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => entry.insert((word.form.into(), Vec::new(), 0)).into_mut(),
            };
            *langs |= 1 << lang as u8;
            match postings.last_mut() {
                Some(latest) if latest.document() == document => latest.add_field(field),
                _ => postings.push(Posting::new(document, field)),
            }
        }
    }

    /// The words in order, each with its postings without spare capacity, their initials, stems and
    /// later parts.
    pub(super) fn into_part(self) -> Part {
        let Builder { words, initials, .. } = self;
        // Each word with the languages it was read in, sorted together.
        let mut vocabulary: Vec<(_, u8)> =
            words.into_iter().map(|(word, postings, langs)| ((word, postings.into_boxed_slice()), langs)).collect();
        let order = crate::stable_sort::by_bytes(vocabulary.len(), &|i| &vocabulary[i].0 .0);
        crate::stable_sort::rearrange(&mut vocabulary, order);
        let (vocabulary, languages): (Vocabulary, Vec<u8>) = vocabulary.into_iter().unzip();
        let stems = stems_of(&vocabulary, &languages);
        let tails = tails_of(&vocabulary);
        Part { vocabulary, initials, stems, tails }
    }
}
