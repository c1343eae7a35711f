//! One part of the search index, as it is laid out and built: each word's postings (a document and
//! the fields the word stands in, in one `u32`), the words in order, for each letter the documents
//! with a word that starts with it, the words by their stems, and the words by their later parts.

use super::stem_cache::StemCache;
use super::tails::{Tails, TailsInOrder};
use super::text::{Word, WordReader};
use crate::i18n::Lang;
use crate::stable_sort::GroupedOrder;
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
pub(super) type Vocabulary = Vec<VocabularyEntry>;
pub(super) type VocabularyEntry = (Box<[u8]>, Box<[Posting]>);

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

/// A part of the index: the words of some fields, their initials, languages and later parts. Stems
/// are found when a query asks, among the words that start as the stem does: stemming every word
/// here would double the time the index takes.
pub(super) struct Part {
    pub(super) vocabulary: Vocabulary,
    pub(super) initials: Initials,
    /// The languages each word of `vocabulary` was read in, a bit each: the stems it has.
    pub(super) languages: Vec<u8>,
    pub(super) tails: Tails,
    /// The stems of its words in each language, as queries ask for them.
    pub(super) stems: StemCache,
}

impl Part {
    /// The words that start with `prefix`, with their places in the vocabulary.
    pub(super) fn starting_with<'a>(
        &'a self,
        prefix: &'a [u8],
    ) -> impl Iterator<Item = (usize, &'a VocabularyEntry)> + 'a {
        let start = self.vocabulary.partition_point(|(word, _)| **word < *prefix);
        self.vocabulary[start..]
            .iter()
            .take_while(move |(word, _)| word.starts_with(prefix))
            .enumerate()
            .map(move |(i, entry)| (start + i, entry))
    }
}

/// Collects words into postings, allocating only for words not seen before.
pub(super) struct Builder {
    /// Each word seen, with the documents it stands in so far (a word repeated within a document is
    /// settled by the last of them, found with the word) and the languages it was read in, a bit each.
    words: HashTable<(Box<[u8]>, Vec<Posting>, u8)>,
    reader: &'static WordReader,
    /// Where a word that is not its own search form is folded.
    scratch: Vec<u8>,
    initials: Initials,
}

impl Builder {
    pub(super) fn new(documents: usize) -> Builder {
        Builder {
            words: HashTable::new(),
            reader: WordReader::shared(),
            scratch: Vec::new(),
            initials: Initials::new(documents),
        }
    }

    /// Documents must be added in ascending order.
    pub(super) fn add(&mut self, document: u32, field: Field, lang: Lang, text: &str) {
        let Builder { words, reader, scratch, initials } = self;
        let mut at = 0;
        while let Some((word, span)) = reader.next_word(text, at, scratch) {
            at = span.end;
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

    /// Its words and postings, made into a part a step at a time by [`Finishing`]; the builder is left
    /// empty.
    pub(super) fn finishing(&mut self) -> Finishing {
        let words = std::mem::take(&mut self.words).into_iter();
        let words: Vec<_> = words.map(|(word, postings, langs)| ((word, postings.into_boxed_slice()), langs)).collect();
        let order = GroupedOrder::new(words.len(), &|i| words[i].0 .0.first().copied().unwrap_or(0));
        let initials = std::mem::replace(&mut self.initials, Initials(Vec::new()));
        Finishing { stage: Stage::Words(words, order, initials) }
    }
}

/// A builder's words made into a [`Part`] a step at a time: the words ordered a first letter at a
/// time, then their later parts, so a large archive's sorts never hold the page for long.
pub(super) struct Finishing {
    stage: Stage,
}

enum Stage {
    /// Each word with its postings and languages, being ordered.
    Words(Vec<(VocabularyEntry, u8)>, GroupedOrder, Initials),
    /// The words in order with their languages, their later parts being ordered.
    Tails(Vocabulary, Vec<u8>, TailsInOrder, Initials),
    Done(Part),
}

impl Stage {
    fn next(self) -> Stage {
        match self {
            Stage::Words(mut words, mut order, initials) => {
                if !order.order_next(&|group| crate::stable_sort::order_by_bytes(group, &|i| &words[i].0 .0)) {
                    return Stage::Words(words, order, initials);
                }
                crate::stable_sort::rearrange(&mut words, order.into_order());
                let (vocabulary, languages): (Vocabulary, Vec<u8>) = words.into_iter().unzip();
                let tails = TailsInOrder::of(&vocabulary);
                Stage::Tails(vocabulary, languages, tails, initials)
            }
            Stage::Tails(vocabulary, languages, mut tails, initials) => {
                if !tails.order_some(&vocabulary) {
                    return Stage::Tails(vocabulary, languages, tails, initials);
                }
                let tails = tails.into_tails();
                Stage::Done(Part { vocabulary, initials, languages, tails, stems: StemCache::default() })
            }
            done @ Stage::Done(_) => done,
        }
    }
}

impl Finishing {
    /// Takes one more step; true once the part is made.
    pub(super) fn step(&mut self) -> bool {
        let placeholder = Stage::Words(Vec::new(), GroupedOrder::default(), Initials(Vec::new()));
        self.stage = std::mem::replace(&mut self.stage, placeholder).next();
        matches!(self.stage, Stage::Done(_))
    }

    /// The words in order, each with its postings without spare capacity, their initials, languages
    /// and later parts; the steps left are taken first.
    pub(super) fn into_part(self) -> Part {
        let mut stage = self.stage;
        loop {
            match stage {
                Stage::Done(part) => return part,
                unfinished => stage = unfinished.next(),
            }
        }
    }
}
