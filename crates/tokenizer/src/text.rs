//! In memory, for embedding (the Python package calls it): the tokens and stems of a string, a
//! document's title and stems, and many texts at once on several threads, without readers,
//! writers or files.
//!
//! Everything goes through the tokenizer, stemmer and document reader of [`Pipeline::run`],
//! so the results are the streaming pipeline's: the stems it writes, in order.
//!
//! ```
//! use std::num::NonZeroUsize;
//! use stemkit_stemmer::Algorithm;
//! use stemkit_tokenizer::TokenizerOptions;
//! use stemkit_tokenizer::text::{Document, TextStemmer};
//!
//! let mut stemmer = TextStemmer::new(TokenizerOptions::default(), Some(Algorithm::PorterNltk));
//! assert_eq!(stemmer.stems("Running ponies"), ["run", "poni"]);
//! let document = stemmer.document("\u{feff}Ponies, A Title\r\nRunning ponies\r\n");
//! assert_eq!(document, Document { title: "Ponies, A Title".into(), stems: vec!["run".into(), "poni".into()] });
//! let two = NonZeroUsize::new(2).unwrap();
//! assert_eq!(stemmer.stems_of_all(&["caresses", "ponies"], two), [["caress"], ["poni"]]);
//! ```

use std::convert::Infallible;
use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use stemkit_stemmer::Algorithm;

use crate::document::{DocumentReader, DocumentSink};
use crate::options::TokenizerOptions;
use crate::pipeline::Pipeline;
use crate::tokenizer::Tokenizer;

/// A document read from a string: line 1 the title, every later line body text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The title line verbatim, without a leading byte-order mark or the `\r` of a `\r\n`.
    pub title: String,
    /// The output tokens of the body (stemmed, if the stemmer stems), in order.
    pub stems: Vec<String>,
}

/// Tokenizes and stems strings. Build one per thread and reuse it: its stem cache stays warm.
#[derive(Clone, Debug)]
pub struct TextStemmer {
    tokenizer: Tokenizer,
    pipeline: Pipeline,
}

impl TextStemmer {
    /// Tokenizes with `options` and, when `algorithm` is given, stems each token.
    pub fn new(options: TokenizerOptions, algorithm: Option<Algorithm>) -> Self {
        TextStemmer {
            tokenizer: Tokenizer::new(options.clone()),
            pipeline: Pipeline::new(options, algorithm),
        }
    }

    /// The tokens of `text` (not stemmed), each with its byte range in `text`.
    ///
    /// ```
    /// use stemkit_tokenizer::text::TextStemmer;
    ///
    /// let mut stemmer = TextStemmer::new(Default::default(), None);
    /// assert_eq!(stemmer.tokens("Hi, Bob"), [("hi".to_owned(), 0..2), ("bob".to_owned(), 4..7)]);
    /// ```
    pub fn tokens(&mut self, text: &str) -> Vec<(String, Range<usize>)> {
        let mut tokens = Vec::new();
        self.tokenizer.tokenize(text, |token| {
            tokens.push((token.text.to_owned(), token.range))
        });
        tokens
    }

    /// The output tokens (stemmed, if this stemmer stems) of `text`, body text of any number
    /// of lines: what [`Pipeline::run`] writes for it after a title line.
    pub fn stems(&mut self, text: &str) -> Vec<String> {
        let mut stems = Vec::new();
        self.pipeline
            .for_each_token(text, |stem| stems.push(stem.to_owned()));
        stems
    }

    /// The title and stems of the document `text`, read as [`Pipeline::run`] reads a file.
    pub fn document(&mut self, text: &str) -> Document {
        let mut stems = Vec::new();
        let title = read_document(&mut self.pipeline, text, |stem, _, _| {
            stems.push(stem.to_owned());
        });
        Document { title, stems }
    }

    /// [`Self::stems`] of each of `texts`, on up to `threads` threads, in order.
    pub fn stems_of_all<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        threads: NonZeroUsize,
    ) -> Vec<Vec<String>> {
        self.on_threads(texts, threads, |stemmer, text| stemmer.stems(text))
    }

    /// [`Self::document`] of each of `texts`, on up to `threads` threads, in order.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use stemkit_tokenizer::text::TextStemmer;
    ///
    /// let stemmer = TextStemmer::new(Default::default(), Some(Default::default()));
    /// let documents = stemmer.documents_of_all(&["T1\nponies", "T2"], NonZeroUsize::MIN);
    /// assert_eq!((documents[0].title.as_str(), documents[0].stems.as_slice()), ("T1", &["poni".to_owned()][..]));
    /// assert!(documents[1].stems.is_empty());
    /// ```
    pub fn documents_of_all<T: AsRef<str> + Sync>(
        &self,
        texts: &[T],
        threads: NonZeroUsize,
    ) -> Vec<Document> {
        self.on_threads(texts, threads, |stemmer, text| stemmer.document(text))
    }

    /// A copy for one of `n` threads: its stem cache is 1/n of this one's.
    fn share(&self, n: NonZeroUsize) -> TextStemmer {
        TextStemmer {
            tokenizer: self.tokenizer.clone(),
            pipeline: self.pipeline.clone().one_of(n),
        }
    }

    /// `each` of every text, on up to `threads` threads, each with a copy of this stemmer
    /// whose stem cache is its share of this one's (see [`Pipeline::one_of`]). Threads take
    /// the next text as they finish one, so uneven texts keep them all busy.
    fn on_threads<T, R>(
        &self,
        texts: &[T],
        threads: NonZeroUsize,
        each: impl Fn(&mut TextStemmer, &str) -> R + Sync,
    ) -> Vec<R>
    where
        T: AsRef<str> + Sync,
        R: Send,
    {
        let threads = threads.get().min(texts.len()).max(1);
        if threads == 1 {
            let mut stemmer = self.clone();
            return texts
                .iter()
                .map(|text| each(&mut stemmer, text.as_ref()))
                .collect();
        }
        let share = NonZeroUsize::new(threads).unwrap_or(NonZeroUsize::MIN);
        let next = AtomicUsize::new(0);
        let mut results: Vec<Option<R>> =
            std::iter::repeat_with(|| None).take(texts.len()).collect();
        thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        let mut stemmer = self.share(share);
                        loop {
                            let index = next.fetch_add(1, Ordering::Relaxed);
                            let Some(text) = texts.get(index) else {
                                return done;
                            };
                            done.push((index, each(&mut stemmer, text.as_ref())));
                        }
                    })
                })
                .collect();
            for worker in workers {
                match worker.join() {
                    Ok(done) => {
                        for (index, result) in done {
                            results[index] = Some(result);
                        }
                    }
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        results.into_iter().flatten().collect()
    }
}

/// Reads the document `text` through `pipeline`'s tokenizer and stemmer with the document
/// reader of [`Pipeline::run`], calling `each(stem, word, line)` with every output token, the
/// body word it came from and its 1-based line. Returns the title line.
pub(crate) fn read_document(
    pipeline: &mut Pipeline,
    text: &str,
    each: impl FnMut(&str, &str, u64),
) -> String {
    let boundaries = pipeline.boundaries().clone();
    let mut collector = Collector {
        pipeline,
        title: String::new(),
        line: 2,
        giant: String::new(),
        each,
    };
    // The whole text at once: every line is complete, nothing is left over, and no line is
    // cut (the boundaries are never asked).
    let mut reader = DocumentReader::new(usize::MAX);
    match reader.feed(text, true, &boundaries, &mut collector) {
        Ok(_consumed) => collector.title,
        Err(never) => match never {},
    }
}

/// Gathers the title and hands on the output tokens of a document read in memory.
struct Collector<'a, F> {
    pipeline: &'a mut Pipeline,
    title: String,
    line: u64,
    /// The pieces of a giant token so far, tokenized whole with the last.
    giant: String,
    each: F,
}

impl<F: FnMut(&str, &str, u64)> DocumentSink for Collector<'_, F> {
    type Error = Infallible;

    fn title(&mut self, piece: &str) -> Result<(), Infallible> {
        self.title.push_str(piece);
        Ok(())
    }

    fn title_end(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn body(&mut self, piece: &str) -> Result<(), Infallible> {
        let Collector {
            pipeline,
            line,
            each,
            ..
        } = self;
        pipeline.for_each_token_with_range(piece, |stem, range| each(stem, &piece[range], *line));
        Ok(())
    }

    fn body_end(&mut self) -> Result<(), Infallible> {
        self.line += 1;
        Ok(())
    }

    fn giant_piece(&mut self, piece: &str, last: bool) -> Result<(), Infallible> {
        self.giant.push_str(piece);
        if last {
            let giant = std::mem::take(&mut self.giant);
            self.body(&giant)?;
        }
        Ok(())
    }
}
