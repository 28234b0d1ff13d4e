//! Shared inputs for the benchmarks: the corpus's word lists, and a deterministic generator of
//! news-like documents of any size built from the paired corpus with a tiny PRNG (no network,
//! no randomness from the machine: every run measures the same bytes).

use std::fs;
use std::io;
use std::path::PathBuf;

/// The repository's `corpus/` directory.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// The lines of a corpus file, split on `\n` only (some vocabulary words hold unusual characters).
pub fn corpus_lines(relative: &str) -> io::Result<Vec<String>> {
    let path = corpus_dir().join(relative);
    let text = fs::read_to_string(&path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let text = text.strip_suffix('\n').unwrap_or(&text);
    Ok(text.split('\n').map(str::to_owned).collect())
}

/// Snowball's Porter test vocabulary: 42,603 distinct words, many rare.
pub fn porter_vocabulary() -> io::Result<Vec<String>> {
    corpus_lines("vocab/porter-voc.txt")
}

/// Snowball's English (Porter2) test vocabulary: 42,649 distinct words.
pub fn english_vocabulary() -> io::Result<Vec<String>> {
    corpus_lines("vocab/english-voc.txt")
}

/// The paired documents the generator samples from.
const PAIRS: [&str; 3] = ["reuters-venezuela-defections", "gpl-3.0", "apache-2.0"];

/// A news-like document of at least `bytes` bytes: a title line, then paragraphs of sentences
/// (capitalized, with commas, numbers and full stops) whose words are drawn from the paired
/// corpus. The same `seed` always gives the same text.
pub fn news_document(bytes: usize, seed: u64) -> io::Result<String> {
    let words = source_words()?;
    let mut writer = NewsWriter {
        words: &words,
        rng: SplitMix64(seed),
        text: String::with_capacity(bytes + 1024),
    };
    writer.title();
    while writer.text.len() < bytes {
        writer.paragraph();
    }
    Ok(writer.text)
}

/// The tokens of a news-like document as the default pipeline cuts them (lowercased runs of
/// ASCII letters): a realistic stream for the stemmers, with frequent words repeating.
pub fn news_tokens(count: usize, seed: u64) -> io::Result<Vec<String>> {
    let mut tokens = Vec::with_capacity(count);
    let mut size = count * 8;
    while tokens.len() < count {
        tokens = ascii_words(&news_document(size, seed)?);
        size *= 2;
    }
    tokens.truncate(count);
    Ok(tokens)
}

/// Lowercased maximal runs of ASCII letters, as `re.sub('[^a-zA-Z]', ' ', t).lower().split()`.
fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Every whitespace-separated word of the pairs' bodies. The news article is lowercased and
/// unpunctuated; the licences bring capitals and punctuation, so the mix tokenizes like news.
fn source_words() -> io::Result<Vec<String>> {
    let mut words = Vec::new();
    for pair in PAIRS {
        for line in corpus_lines(&format!("pairs/{pair}/raw.txt"))?
            .iter()
            .skip(1)
        {
            words.extend(line.split_whitespace().map(str::to_owned));
        }
    }
    Ok(words)
}

/// Writes sentences by sampling words.
struct NewsWriter<'a> {
    words: &'a [String],
    rng: SplitMix64,
    text: String,
}

impl<'a> NewsWriter<'a> {
    fn title(&mut self) {
        let length = self.rng.between(6, 12);
        for i in 0..length {
            if i > 0 {
                self.text.push(' ');
            }
            let word = self.word();
            capitalized(word, &mut self.text);
        }
        self.text.push('\n');
    }

    fn paragraph(&mut self) {
        for i in 0..self.rng.between(2, 5) {
            if i > 0 {
                self.text.push(' ');
            }
            self.sentence();
        }
        self.text.push('\n');
    }

    fn sentence(&mut self) {
        let length = self.rng.between(8, 30);
        for i in 0..length {
            if i > 0 {
                self.text.push(' ');
            }
            if self.rng.chance(3) {
                self.number();
            } else if i == 0 {
                let word = self.word();
                capitalized(word, &mut self.text);
            } else {
                let word = self.word();
                self.text.push_str(word);
            }
            if i + 1 < length && self.rng.chance(8) {
                self.text.push(',');
            }
        }
        self.text.push('.');
    }

    fn number(&mut self) {
        let number = self.rng.between(1, 2030);
        self.text.push_str(&number.to_string());
    }

    fn word(&mut self) -> &'a str {
        let index = self.rng.below(self.words.len() as u64) as usize;
        &self.words[index]
    }
}

fn capitalized(word: &str, out: &mut String) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// SplitMix64: a tiny, good-enough PRNG, so the inputs need no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-enough in `0..bound`; `bound` must not be 0.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// Uniform-enough in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// True with probability `percent`%.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_deterministic_and_sized() {
        let a = news_document(10_000, 1).unwrap();
        assert_eq!(a, news_document(10_000, 1).unwrap());
        assert_ne!(a, news_document(10_000, 2).unwrap());
        assert!(a.len() >= 10_000 && a.len() < 12_000, "{}", a.len());
    }

    #[test]
    fn documents_look_like_news() {
        let text = news_document(20_000, 7).unwrap();
        let mut lines = text.lines();
        let title = lines.next().unwrap();
        assert!(title.chars().next().unwrap().is_uppercase(), "{title}");
        let paragraphs: Vec<&str> = lines.collect();
        assert!(paragraphs.len() > 5);
        assert!(paragraphs.iter().all(|p| p.ends_with('.')));
        assert!(text.contains(", ") && text.bytes().any(|b| b.is_ascii_digit()));
    }

    #[test]
    fn tokens_are_lowercase_letter_runs() {
        let tokens = news_tokens(5_000, 3).unwrap();
        assert_eq!(tokens.len(), 5_000);
        assert!(
            tokens
                .iter()
                .all(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert_eq!(
            ascii_words("Venezuela's army, 2019"),
            ["venezuela", "s", "army"]
        );
    }

    #[test]
    fn vocabularies_load_whole() {
        assert_eq!(porter_vocabulary().unwrap().len(), 42_603);
        assert_eq!(english_vocabulary().unwrap().len(), 42_649);
    }
}
