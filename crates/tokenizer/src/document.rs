//! The document model: line 1 a verbatim title, every later line a paragraph; read in chunks.

use std::borrow::Cow;

use crate::pipeline::PipelineError;

/// Decodes a whole in-memory document as UTF-8. Invalid bytes are an error naming the 1-based
/// line and the 0-based byte offset in `bytes`, or with `lossy` are replaced by U+FFFD.
/// A leading UTF-8 byte-order mark is kept; the document reader drops it.
pub fn decode_utf8(bytes: &[u8], lossy: bool) -> Result<Cow<'_, str>, PipelineError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(error) => {
            let byte = error.valid_up_to();
            let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count() as u64;
            Err(PipelineError::InvalidUtf8 {
                line,
                byte: byte as u64,
            })
        }
    }
}
