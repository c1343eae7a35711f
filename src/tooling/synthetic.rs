//! Synthetic content in the portal's own format, for benchmarks: the bundled site and sections with as
//! many generated news items as asked, with realistic text lengths, in three languages, deterministic
//! for a seed.

use crate::content::model::{Content, Localized, NewsItem, NewsType};
use crate::content::{Block, Date, RichText};

/// Words officials' texts are made of, so searches for real words find realistic numbers of items.
const WORDS: &[&str] = &[
    "integration",
    "municipality",
    "employment",
    "services",
    "authority",
    "wellbeing",
    "county",
    "refugee",
    "reception",
    "quota",
    "plan",
    "programme",
    "training",
    "language",
    "Finnish",
    "Swedish",
    "interpreter",
    "fee",
    "appointment",
    "reform",
    "act",
    "section",
    "centre",
    "KEHA-keskus",
    "ELY",
    "partnership",
    "network",
    "cooperation",
    "statistics",
    "jobseekers",
    "orientation",
    "counselling",
    "guidance",
    "assessment",
    "skills",
    "support",
    "professionals",
    "family",
    "children",
    "housing",
    "health",
    "social",
    "education",
    "data",
    "system",
    "compensation",
    "state",
    "kotoutuminen",
    "kunta",
    "työllisyysalue",
    "hyvinvointialue",
    "pakolainen",
    "kiintiö",
    "suunnitelma",
    "koulutus",
    "kieli",
    "tulkki",
    "maksu",
    "uudistus",
    "laki",
    "keskus",
    "kumppanuus",
    "yhteistyö",
    "tilasto",
    "palvelu",
    "integration",
    "kommun",
    "sysselsättning",
    "välfärdsområde",
    "flykting",
    "kvot",
    "plan",
    "utbildning",
    "språk",
    "tolk",
    "avgift",
    "reform",
    "lag",
    "centret",
    "samarbete",
    "statistik",
    "tjänster",
    "the",
    "and",
    "of",
    "to",
    "in",
    "for",
    "on",
    "with",
    "from",
    "by",
    "a",
    "is",
    "are",
    "will",
    "may",
    "must",
    "ja",
    "on",
    "että",
    "och",
    "att",
];

/// A small deterministic generator (xorshift): the same seed gives the same file on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// A real word most of the time, else a made-up one, so the vocabulary grows as real text's does.
    fn word(&mut self) -> String {
        if self.below(4) > 0 {
            WORDS[self.below(WORDS.len())].to_owned()
        } else {
            let syllables =
                ["ka", "lo", "mi", "nen", "sta", "ri", "vä", "ö", "ta", "kse", "lä", "ne", "ber", "gå", "ing"];
            (0..self.between(2, 4)).map(|_| syllables[self.below(syllables.len())]).collect()
        }
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text = (0..words).map(|_| self.word()).collect::<Vec<_>>().join(" ");
        if let Some(first) = text.get(..1) {
            text.replace_range(..1, &first.to_uppercase());
        }
        text.push('.');
        text
    }

    fn text(&mut self, words: usize) -> String {
        let mut left = words;
        let mut sentences = Vec::new();
        while left > 0 {
            let length = self.between(8, 18).min(left);
            sentences.push(self.sentence(length));
            left -= length;
        }
        sentences.join(" ")
    }

    fn pick(&mut self, options: &[String], most: usize) -> Vec<String> {
        let mut picked: Vec<String> =
            (0..self.between(1, most)).map(|_| options[self.below(options.len())].clone()).collect();
        picked.sort();
        picked.dedup();
        picked
    }
}

fn in_three_languages<T>(mut make: impl FnMut() -> T) -> Localized<T> {
    Localized { fi: Some(make()), sv: Some(make()), en: Some(make()) }
}

/// What the keystroke benchmarks type, a letter at a time (`scripts/bench-peers`, `scripts/profile`, the
/// marking bench in `benches/search.rs`): issue #16's six queries, then words of this generator's vocabulary:
/// the commonest words of each language, one-letter queries and longer compounds.
pub const TYPED_QUERIES: &[&str] = &[
    "keha",
    "integration plan",
    "refugee quota",
    "municipalities wellbeing",
    "interpreter fee",
    "partnership programme",
    "the",
    "ja",
    "och att",
    "a",
    "s",
    "kunta palvelu",
    "tolk avgift",
    "työllisyysalue",
];

/// `base` with its news replaced by `count` generated items, dated over ten years: titles of 6–12 words
/// and summaries of 20–40 in Finnish, Swedish and English; a body of 3–6 paragraphs and 120–300 words
/// in one of them (Finnish for most), as kotoutuminen.fi publishes each item's full text in one or two
/// languages.
pub fn generate(base: &Content, count: usize, seed: u64) -> Content {
    let mut random = Random(seed.max(1));
    let topics: Vec<String> = base.site.topics.iter().map(|t| t.id.clone()).collect();
    let audiences: Vec<String> = base.site.audiences.iter().map(|t| t.id.clone()).collect();
    let sections: Vec<String> = base.sections.iter().map(|s| s.slug.clone()).collect();
    let news = (0..count)
        .map(|i| {
            let body_words = random.between(120, 300);
            let blocks = random.between(3, 6);
            NewsItem {
                slug: format!("item-{i}"),
                title: in_three_languages(|| {
                    let words = random.between(6, 12);
                    random.sentence(words).trim_end_matches('.').to_owned()
                }),
                published: Date {
                    year: 2016 + random.below(10) as u16,
                    month: random.between(1, 12) as u8,
                    day: random.between(1, 28) as u8,
                },
                kind: if random.below(5) == 0 { NewsType::PressRelease } else { NewsType::NewsItem },
                summary: in_three_languages(|| {
                    let words = random.between(20, 40);
                    random.text(words)
                }),
                body: {
                    let blocks: Vec<Block> = (0..blocks)
                        .map(|_| Block::Paragraph { text: RichText::parse(&random.text(body_words / blocks)) })
                        .collect();
                    match random.below(5) {
                        0 => Localized { fi: None, sv: Some(blocks), en: None },
                        1 => Localized { fi: None, sv: None, en: Some(blocks) },
                        _ => Localized { fi: Some(blocks), sv: None, en: None },
                    }
                },
                topics: random.pick(&topics, 3),
                audiences: random.pick(&audiences, 3),
                sections: random.pick(&sections, 2),
                source: "https://kotoutuminen.fi/en/news".to_owned(),
            }
        })
        .collect();
    Content { news, ..base.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{consistency::problems, parse_content};

    #[test]
    fn generated_content_is_valid_deterministic_and_sized_as_asked() {
        let base = parse_content(include_str!("../../tests/fixtures/minimal.json")).unwrap();
        let content = generate(&base, 50, 7);
        assert_eq!(content.news.len(), 50);
        assert!(problems(&content).is_empty(), "{:?}", problems(&content));
        assert_eq!(generate(&base, 50, 7), content);
        assert_ne!(generate(&base, 50, 8), content);
        let text = serde_json::to_string(&content).unwrap();
        assert_eq!(parse_content(&text).unwrap().news.len(), 50);
    }
}
