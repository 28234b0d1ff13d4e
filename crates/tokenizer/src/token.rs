//! A token: its lowercased text and where it stood in the input.

use std::ops::Range;

/// One token. `text` borrows from the input when it needed no change, otherwise from the
/// tokenizer's reused buffer; `range` is its byte range in the text that was tokenized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token, lowercased (and folded, if asked).
    pub text: &'a str,
    /// Byte range of the token in the tokenized text, for highlighting.
    pub range: Range<usize>,
}
