//! Text to tokens, and documents to stemmed token streams.
//!
//! The default [`Tokenizer`] reproduces Python's `re.sub('[^a-zA-Z]', ' ', text).lower().split()`;
//! [`TokenizerOptions`] switch to Unicode (UAX #29) words, fold letters to ASCII, drop NLTK's
//! English stopwords or tokens outside a length range;
//! a [`Pipeline`] adds a stemmer and the document model (line 1 a verbatim title, every later
//! line a paragraph) and streams whole files in bounded memory.
//!
//! ```
//! use stemkit_tokenizer::{Tokenizer, TokenizerOptions};
//!
//! let mut tokenizer = Tokenizer::new(TokenizerOptions::default());
//! assert_eq!(tokenizer.tokens("Venezuela’s army, 2019"), ["venezuela", "s", "army"]);
//! ```

mod ascii;
mod boundaries;
mod document;
mod fold;
pub mod framing;
mod giant;
mod options;
mod pipeline;
mod stopwords;
pub mod text;
mod token;
mod tokenizer;
mod unicode;
mod verify;

pub use options::{TokenMode, TokenizerOptions};
pub use pipeline::{IoFailure, Layout, Pipeline, PipelineError, Side, Summary};
pub use stopwords::english_stopwords;
pub use token::Token;
pub use tokenizer::Tokenizer;
pub use verify::{Hunk, RawWord, VerifyReport, verify};
