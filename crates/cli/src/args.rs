//! The command line: every subcommand, flag and help text, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{TokenMode, TokenizerOptions};

const MAIN_EXAMPLES: &str = "\
Examples:
  stemkit stem words.txt                      one stem per line
  stemkit process article.txt                 title, then one stem per line
  stemkit process corpus/ -o stemmed/         every *.txt below corpus/, mirrored
  stemkit process --input-format csv --output-format csv news.csv -o news-stemmed.csv
  stemkit verify raw.txt stemmed.txt          compare with a reference
  stemkit explain generalizations             every step and the rule that fired
  stemkit algorithms                          the algorithms and their references";

const STEM_EXAMPLES: &str = "\
Examples:
  stemkit stem words.txt > stems.txt
  printf 'running\\nponies\\n' | stemkit stem
  stemkit stem --algorithm porter2 words.txt -o stems.txt
  stemkit stem --lossy latin1-words.txt       replace invalid UTF-8 by U+FFFD";

const TOKENIZE_EXAMPLES: &str = "\
Examples:
  stemkit tokenize article.txt                title, then each line's tokens
  stemkit tokenize --unicode --keep-numbers article.txt
  stemkit tokenize --algorithm french article.txt   French words (implies --unicode)
  stemkit tokenize docs/ -o tokens/ --threads 4
  stemkit tokenize --input-format jsonl --output-format jsonl news.jsonl";

const PROCESS_EXAMPLES: &str = "\
Examples:
  stemkit process article.txt                 title, then one stem per line
  stemkit process a.txt b.txt -o both.txt     outputs concatenated in order
  stemkit process docs/ -o stemmed/           mirrored tree, in parallel
  stemkit process --stopwords --min-len 3 article.txt
  stemkit process --algorithm german artikel.txt    German words and stems (implies --unicode)
  stemkit process --input-format csv --text-field body --output-format csv news.csv
  stemkit process --input-format jsonl --output-format jsonl news.jsonl -o out.jsonl";

const VERIFY_EXAMPLES: &str = "\
Examples:
  stemkit verify raw.txt stemmed.txt
  stemkit verify raw.txt stemmed.txt --max-hunks 0   exit 1 on any difference";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  stemkit explain generalizations
  stemkit explain --algorithm porter2 dying";

const ALGORITHMS_EXAMPLES: &str = "\
Examples:
  stemkit algorithms";

/// Stem English text exactly as NLTK's Porter stemmer does, only faster.
#[derive(Debug, Parser)]
#[command(name = "stemkit", version, after_help = MAIN_EXAMPLES)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Stem one word per line: each input line is a word, each output line its stem.
    #[command(after_help = STEM_EXAMPLES)]
    Stem(StemArgs),
    /// Tokenize documents: the title line verbatim, then each line's tokens joined by spaces.
    #[command(after_help = TOKENIZE_EXAMPLES)]
    Tokenize(ProcessArgs),
    /// Tokenize and stem documents: the title line verbatim, then one stem per line.
    #[command(after_help = PROCESS_EXAMPLES)]
    Process(ProcessArgs),
    /// Process RAW and compare the result with the reference STEMMED, difference by difference.
    #[command(after_help = VERIFY_EXAMPLES)]
    Verify(VerifyArgs),
    /// Show every step of stemming WORD and the rule that fired in each.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// List the algorithms, each with the reference it matches.
    #[command(after_help = ALGORITHMS_EXAMPLES)]
    Algorithms,
}

/// Arguments of `stemkit stem`.
#[derive(Debug, Args)]
pub(crate) struct StemArgs {
    /// Word lists, one word per line; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) algorithm: AlgorithmArg,
    /// Write here (atomically: replaced only when the run succeeds) instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) utf8: Utf8Arg,
    /// Threads in all (default: one per core): each in turn reads a block, stems it and writes
    /// what is next, so output order is input order whatever the count.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
}

/// The `--algorithm` option.
#[derive(Debug, Args)]
pub(crate) struct AlgorithmArg {
    /// The stemming algorithm, and so the language; `stemkit algorithms` lists them. In
    /// documents, any but the English ones (porter*, english*, lovins) implies --unicode: words
    /// are Unicode (UAX #29) words, lowercased as Python's str.lower() does, not ASCII letter
    /// runs, which would cut `développement` into `d` and `veloppement`.
    #[arg(short, long = "algorithm", value_name = "NAME", default_value_t = Algorithm::PorterNltk)]
    pub(crate) algorithm: Algorithm,
}

/// The `--lossy` option: what invalid UTF-8 in an input does.
#[derive(Debug, Args)]
pub(crate) struct Utf8Arg {
    /// Replace invalid UTF-8 by U+FFFD instead of failing.
    #[arg(long)]
    pub(crate) lossy: bool,
}

/// Arguments of `stemkit process` and `stemkit tokenize` (whose algorithm only picks how words
/// are cut).
#[derive(Debug, Args)]
pub(crate) struct ProcessArgs {
    #[command(flatten)]
    pub(crate) algorithm: AlgorithmArg,
    #[command(flatten)]
    pub(crate) documents: DocumentArgs,
}

/// Arguments shared by `tokenize` and `process`: inputs, outputs, formats, tokenizer options.
#[derive(Debug, Args)]
pub(crate) struct DocumentArgs {
    /// Documents, `-` for standard input (the default), or directories (every `*.txt` below).
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// Write here, atomically; a directory when an input is a directory (its tree is mirrored).
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// How inputs are read: plain documents, or datasets of records (one document each).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub(crate) input_format: InputFormat,
    /// How results are written.
    #[arg(long, value_enum, default_value_t = OutputFormat::Lines)]
    pub(crate) output_format: OutputFormat,
    /// Datasets: the field (CSV column, JSON key) holding the title, passed through verbatim.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub(crate) title_field: String,
    /// Datasets: the field holding the text; its newlines are paragraph breaks.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub(crate) text_field: String,
    /// Worker threads for directories and datasets (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
    #[command(flatten)]
    pub(crate) utf8: Utf8Arg,
    #[command(flatten)]
    pub(crate) tokenizer: TokenizerArgs,
}

/// Which tokens come out of a text.
#[derive(Debug, Args)]
pub(crate) struct TokenizerArgs {
    /// Unicode words (UAX #29) instead of runs of ASCII letters; implied by a non-English
    /// --algorithm.
    #[arg(long)]
    pub(crate) unicode: bool,
    /// Keep words holding digits (with --unicode).
    #[arg(long)]
    pub(crate) keep_numbers: bool,
    /// Fold accented letters to ASCII first (`Nicolás` -> `nicolas`).
    #[arg(long)]
    pub(crate) fold_ascii: bool,
    /// Drop NLTK's English stopwords (whatever the --algorithm).
    #[arg(long)]
    pub(crate) stopwords: bool,
    /// Drop tokens shorter than N characters.
    #[arg(long, value_name = "N")]
    pub(crate) min_len: Option<usize>,
    /// Drop tokens longer than N characters.
    #[arg(long, value_name = "N")]
    pub(crate) max_len: Option<usize>,
}

impl TokenizerArgs {
    /// The library's options for these flags, for documents in `algorithm`'s language.
    pub(crate) fn options(&self, algorithm: Algorithm) -> TokenizerOptions {
        TokenizerOptions {
            mode: if self.unicode {
                TokenMode::Unicode
            } else {
                TokenMode::Ascii
            },
            keep_numbers: self.keep_numbers,
            fold_to_ascii: self.fold_ascii,
            remove_stopwords: self.stopwords,
            min_len: self.min_len,
            max_len: self.max_len,
        }
        .in_language_of(algorithm)
    }
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    /// Plain documents: line 1 the title, every later line a paragraph.
    Text,
    /// CSV with a header row; one record per document.
    Csv,
    /// One JSON object per line; one record per document.
    Jsonl,
}

/// How results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Per document: the title line, then the tokens (the `stemmed.txt` format).
    Lines,
    /// Per document: `{"title": ..., "tokens": [...]}` on one line.
    Jsonl,
    /// CSV: every input column kept, plus the tokens joined by spaces.
    Csv,
}

/// Arguments of `stemkit verify`.
#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    /// The raw document.
    #[arg(value_name = "RAW")]
    pub(crate) raw: PathBuf,
    /// The reference: the title line, then one stem per line.
    #[arg(value_name = "STEMMED")]
    pub(crate) stemmed: PathBuf,
    /// Exit with status 1 when more than N hunks differ.
    #[arg(long, value_name = "N")]
    pub(crate) max_hunks: Option<usize>,
    #[command(flatten)]
    pub(crate) algorithm: AlgorithmArg,
    #[command(flatten)]
    pub(crate) utf8: Utf8Arg,
    #[command(flatten)]
    pub(crate) tokenizer: TokenizerArgs,
}

/// Arguments of `stemkit explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The word to stem, as given (it is lowercased as the algorithm's reference does).
    #[arg(value_name = "WORD")]
    pub(crate) word: String,
    #[command(flatten)]
    pub(crate) algorithm: AlgorithmArg,
}
