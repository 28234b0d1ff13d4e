//! stemkit's Snowball compiler: reads a Snowball program (the language of
//! <https://snowballstem.org>, manual at `snowman.md`) and generates Rust for stemkit's
//! runtime. Std only.
//!
//! ```
//! let source = "externals (stem) define stem as ( [ 'a' ] delete )";
//! let program = stemkit_snowball::compile("tiny.sbl", source).unwrap();
//! let options = stemkit_snowball::rust::Options {
//!     source: "tiny.sbl".to_owned(),
//!     runtime: "crate::runtime".to_owned(),
//! };
//! let code = stemkit_snowball::rust::generate(&program, &options).unwrap();
//! assert!(code.contains("pub(crate) fn stem(z: &mut Env) -> bool"));
//!
//! let error = stemkit_snowball::compile("bad.sbl", "externals (stem)\ndefine stem as ( or )").unwrap_err();
//! assert_eq!(error.to_string(), "bad.sbl:2:18: unexpected or after (");
//! ```

pub mod among;
pub mod ast;
mod error;
mod lexer;
mod memo;
mod parser;
pub mod rust;

pub use error::{Error, Pos};

/// Compiles the Snowball program `source`; `file` names it in errors.
pub fn compile(file: &str, source: &str) -> Result<ast::Program, Error> {
    let locate = |(pos, message): (Pos, String)| Error {
        file: file.to_owned(),
        pos,
        message,
    };
    let tokens = lexer::tokenise(source).map_err(locate)?;
    parser::parse(tokens).map_err(locate)
}
