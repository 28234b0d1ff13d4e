//! Compile errors: a message with the file, line and column it is about.

use std::fmt;

/// Where a token starts in a `.sbl` source: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// The 1-based line.
    pub line: u32,
    /// The 1-based column, counted in characters.
    pub column: u32,
}

/// Why a Snowball program does not compile, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The file name as given to [`crate::compile`].
    pub file: String,
    /// Where the offending token starts.
    pub pos: Pos,
    /// What is wrong, in the words of Snowball's own compiler where it has one.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.pos.line, self.pos.column, self.message
        )
    }
}

impl std::error::Error for Error {}

/// An error without its file name yet: the compiler's passes fill the name in at the end.
pub(crate) type Located = (Pos, String);

/// Shorthand for a pass's result.
pub(crate) type Result<T> = std::result::Result<T, Located>;

/// An error at `pos` saying `message`.
pub(crate) fn err<T>(pos: Pos, message: impl Into<String>) -> Result<T> {
    Err((pos, message.into()))
}
