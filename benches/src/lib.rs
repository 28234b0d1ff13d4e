//! Shared inputs for the benchmarks: the corpus's word lists, and a deterministic generator of
//! news-like documents of any size built from the paired corpus with a tiny PRNG (no network,
//! no randomness from the machine: every run measures the same bytes).

use std::fs;
use std::io::{self, Read, Write};
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

/// The algorithms with a vocabulary in `corpus/snowball/` (`NAME.tsv.gz`): Snowball 3.1.0's 36
/// and `lovins`.
pub const SNOWBALL_VOCABULARIES: [&str; 37] = [
    "arabic",
    "armenian",
    "basque",
    "catalan",
    "czech",
    "danish",
    "dutch",
    "dutch_porter",
    "english",
    "esperanto",
    "estonian",
    "finnish",
    "french",
    "german",
    "greek",
    "hindi",
    "hungarian",
    "indonesian",
    "irish",
    "italian",
    "lithuanian",
    "lovins",
    "nepali",
    "norwegian",
    "persian",
    "polish",
    "porter",
    "portuguese",
    "romanian",
    "russian",
    "serbian",
    "sesotho",
    "spanish",
    "swedish",
    "tamil",
    "turkish",
    "yiddish",
];

/// The words of a Snowball algorithm's vocabulary (column 0 of `corpus/snowball/NAME.tsv.gz`),
/// in the file's order.
pub fn snowball_vocabulary(name: &str) -> io::Result<Vec<String>> {
    let path = corpus_dir().join("snowball").join(format!("{name}.tsv.gz"));
    let mut text = String::new();
    fs::File::open(&path)
        .and_then(|file| flate2::read::GzDecoder::new(file).read_to_string(&mut text))
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let body = text.strip_suffix('\n').unwrap_or(&text);
    Ok(body
        .split('\n')
        .skip(1)
        .map(|row| row.split('\t').next().unwrap_or_default().to_owned())
        .collect())
}

/// The paired documents the generator samples from.
const PAIRS: [&str; 3] = ["reuters-venezuela-defections", "gpl-3.0", "apache-2.0"];

/// Percent of words drawn from the Porter vocabulary instead of the pairs: real news has a long
/// tail of rare words, which the few thousand distinct words of the pairs alone would lack (and a
/// stemmer's cache would then never miss).
const RARE_WORD_PERCENT: u64 = 5;

/// A news-like document of at least `bytes` bytes: a title line, then paragraphs of sentences
/// (capitalized, with commas, numbers and full stops) whose words are drawn from the paired
/// corpus, with a tail of rare words from the Porter vocabulary. The same `seed` always gives
/// the same text.
pub fn news_document(bytes: usize, seed: u64) -> io::Result<String> {
    let source = Source::load()?;
    let mut writer = NewsWriter::new(&source, seed);
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

/// Writes [`news_document`]'s kind of text, at least `bytes` bytes, without holding it all.
pub fn write_news_document(out: &mut impl Write, bytes: usize, seed: u64) -> io::Result<()> {
    let source = Source::load()?;
    let mut writer = NewsWriter::new(&source, seed);
    writer.title();
    let mut written = 0;
    while written < bytes {
        writer.paragraph();
        written += writer.drain_into(out)?;
    }
    Ok(())
}

/// A title line, then ONE paragraph line of at least `bytes` bytes and no newline inside: the
/// input that tests whether a reader's memory stays bounded when a line does not end.
pub fn write_single_line_document(out: &mut impl Write, bytes: usize, seed: u64) -> io::Result<()> {
    let source = Source::load()?;
    let mut writer = NewsWriter::new(&source, seed);
    writer.title();
    let mut written = writer.drain_into(out)?;
    while written < bytes {
        writer.sentence();
        writer.text.push(' ');
        written += writer.drain_into(out)?;
    }
    out.write_all(b"\n")
}

/// A title line, then one body line of `bytes` ASCII letters or more and nothing else: news
/// text with every non-letter dropped, a single giant token (and, to `stemkit stem`, a single
/// giant word).
pub fn write_single_word_document(out: &mut impl Write, bytes: usize, seed: u64) -> io::Result<()> {
    let source = Source::load()?;
    let mut writer = NewsWriter::new(&source, seed);
    writer.title();
    writer.drain_into(out)?;
    let mut written = 0;
    while written < bytes {
        writer.sentence();
        let letters: Vec<u8> = std::mem::take(&mut writer.text)
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .collect();
        out.write_all(&letters)?;
        written += letters.len();
    }
    out.write_all(b"\n")
}

/// Exactly `count` tokens of news-like text (as [`news_tokens`] cuts them), one per line.
pub fn write_token_stream(out: &mut impl Write, count: usize, seed: u64) -> io::Result<()> {
    let source = Source::load()?;
    let mut writer = NewsWriter::new(&source, seed);
    let mut left = count;
    while left > 0 {
        writer.paragraph();
        let paragraph = std::mem::take(&mut writer.text);
        for word in ascii_words(&paragraph).iter().take(left) {
            out.write_all(word.as_bytes())?;
            out.write_all(b"\n")?;
            left -= 1;
        }
    }
    Ok(())
}

/// A news dataset as CSV with a header row `title,text,subject,date` and `records` rows; every
/// field quoted, the text's paragraphs separated by newlines inside its quotes.
pub fn write_news_csv(out: &mut impl Write, records: usize, seed: u64) -> io::Result<()> {
    out.write_all(b"title,text,subject,date\n")?;
    for_each_news_record(records, seed, |fields| {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write_csv_field(out, field)?;
        }
        out.write_all(b"\n")
    })
}

/// The records of [`write_news_csv`] (the same for the same `seed`) as JSON Lines: one object
/// per line with the fields `title`, `text`, `subject` and `date`.
pub fn write_news_jsonl(out: &mut impl Write, records: usize, seed: u64) -> io::Result<()> {
    const NAMES: [&str; 4] = ["title", "text", "subject", "date"];
    for_each_news_record(records, seed, |fields| {
        out.write_all(b"{")?;
        for (i, (name, field)) in NAMES.into_iter().zip(fields).enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\"{name}\":")?;
            serde_json::to_writer(&mut *out, field).map_err(io::Error::other)?;
        }
        out.write_all(b"}\n")
    })
}

/// Calls `each` with the fields (title, text, subject, date) of `records` news records.
fn for_each_news_record(
    records: usize,
    seed: u64,
    mut each: impl FnMut([&str; 4]) -> io::Result<()>,
) -> io::Result<()> {
    const SUBJECTS: [&str; 6] = [
        "politicsNews",
        "worldnews",
        "News",
        "Government News",
        "left-news",
        "US_News",
    ];
    let source = Source::load()?;
    let mut writer = NewsWriter::new(&source, seed);
    for _ in 0..records {
        writer.title();
        let title = std::mem::take(&mut writer.text);
        for i in 0..writer.rng.between(1, 6) {
            if i > 0 {
                writer.text.push('\n');
            }
            writer.paragraph_body();
        }
        let text = std::mem::take(&mut writer.text);
        let subject = SUBJECTS[writer.rng.below(SUBJECTS.len() as u64) as usize];
        let date = format!(
            "2017-{:02}-{:02}",
            writer.rng.between(1, 12),
            writer.rng.between(1, 28)
        );
        each([title.trim_end(), &text, subject, &date])?;
    }
    Ok(())
}

fn write_csv_field(out: &mut impl Write, field: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    out.write_all(field.replace('"', "\"\"").as_bytes())?;
    out.write_all(b"\"")
}

/// Lowercased maximal runs of ASCII letters, as `re.sub('[^a-zA-Z]', ' ', t).lower().split()`.
fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The words the generator draws from.
struct Source {
    /// Every whitespace-separated word of the pairs' bodies. The news article is lowercased and
    /// unpunctuated; the licences bring capitals and punctuation, so the mix tokenizes like news.
    common: Vec<String>,
    /// The Porter vocabulary's plain lowercase words: the rare tail.
    rare: Vec<String>,
}

impl Source {
    fn load() -> io::Result<Self> {
        let mut common = Vec::new();
        for pair in PAIRS {
            for line in corpus_lines(&format!("pairs/{pair}/raw.txt"))?
                .iter()
                .skip(1)
            {
                common.extend(line.split_whitespace().map(str::to_owned));
            }
        }
        let mut rare = porter_vocabulary()?;
        rare.retain(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()));
        Ok(Self { common, rare })
    }
}

/// Writes sentences by sampling words.
struct NewsWriter<'a> {
    source: &'a Source,
    rng: SplitMix64,
    text: String,
}

impl<'a> NewsWriter<'a> {
    fn new(source: &'a Source, seed: u64) -> Self {
        Self {
            source,
            rng: SplitMix64(seed),
            text: String::new(),
        }
    }

    /// Writes the text so far to `out` and forgets it; returns its length.
    fn drain_into(&mut self, out: &mut impl Write) -> io::Result<usize> {
        out.write_all(self.text.as_bytes())?;
        let length = self.text.len();
        self.text.clear();
        Ok(length)
    }

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
        self.paragraph_body();
        self.text.push('\n');
    }

    fn paragraph_body(&mut self) {
        for i in 0..self.rng.between(2, 5) {
            if i > 0 {
                self.text.push(' ');
            }
            self.sentence();
        }
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
        let source = self.source;
        let pool = if self.rng.chance(RARE_WORD_PERCENT) {
            &source.rare
        } else {
            &source.common
        };
        &pool[self.rng.below(pool.len() as u64) as usize]
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
    fn streamed_document_is_the_same_text() {
        let mut streamed = Vec::new();
        write_news_document(&mut streamed, 10_000, 5).unwrap();
        assert_eq!(streamed, news_document(10_000, 5).unwrap().into_bytes());
    }

    #[test]
    fn single_line_document_has_a_title_and_one_long_line() {
        let mut out = Vec::new();
        write_single_line_document(&mut out, 50_000, 5).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[1].len() >= 49_000 && text.ends_with('\n'));
    }

    #[test]
    fn token_stream_has_exactly_the_count() {
        let mut out = Vec::new();
        write_token_stream(&mut out, 12_345, 9).unwrap();
        let text = String::from_utf8(out).unwrap();
        let words: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(words.len(), 12_345);
        assert!(
            words
                .iter()
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    #[test]
    fn csv_has_a_header_and_one_quoted_row_per_record() {
        let mut out = Vec::new();
        write_news_csv(&mut out, 300, 4).unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text.strip_prefix("title,text,subject,date\n").unwrap();
        // Texts end in a full stop, so a quote before a newline only ends a record.
        assert_eq!(body.matches("\"\n").count(), 300);
        assert!(body.starts_with('"') && body.contains(".\n"));
        assert_eq!(body.matches('"').count() % 2, 0);
    }

    #[test]
    fn rare_words_come_from_the_vocabulary() {
        let tokens = news_tokens(20_000, 3).unwrap();
        let source = Source::load().unwrap();
        let rare = tokens
            .iter()
            .filter(|t| !source.common.iter().any(|c| c.eq_ignore_ascii_case(t)))
            .count();
        assert!(rare > 200 && rare < 2_000, "{rare}");
    }

    #[test]
    fn vocabularies_load_whole() {
        assert_eq!(porter_vocabulary().unwrap().len(), 42_603);
        assert_eq!(english_vocabulary().unwrap().len(), 42_649);
    }
}
