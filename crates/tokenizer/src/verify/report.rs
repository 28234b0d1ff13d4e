//! The human-readable verify report.

use std::fmt::{self, Display, Formatter};

use super::{Hunk, RawWord, VerifyReport};

impl Display for VerifyReport {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.title_matches {
            writeln!(f, "title: matches")?;
        } else {
            writeln!(f, "title: differs")?;
            writeln!(f, "  produced: {:?}", self.produced_title)?;
            writeln!(f, "  expected: {:?}", self.expected_title)?;
        }
        writeln!(
            f,
            "tokens: {} produced, {} expected",
            self.produced, self.expected
        )?;
        writeln!(
            f,
            "aligned: {} tokens ({:.1}% of the longer stream)",
            self.aligned,
            self.aligned_percent()
        )?;
        writeln!(f, "hunks: {}", self.hunks)?;
        for (number, hunk) in self.differences.iter().enumerate() {
            writeln!(f)?;
            write_hunk(f, number + 1, self.hunks, hunk)?;
        }
        Ok(())
    }
}

/// One hunk: where it is, its context, both sides, and the raw words behind the output.
fn write_hunk(f: &mut Formatter<'_>, number: usize, total: usize, hunk: &Hunk) -> fmt::Result {
    writeln!(
        f,
        "hunk {number} of {total}: {} produced at #{}, {} expected at #{}",
        count(hunk.produced.len()),
        hunk.produced_range.start + 1,
        count(hunk.expected.len()),
        hunk.expected_range.start + 1,
    )?;
    writeln!(f, "  before:    {}", Tokens(&hunk.before))?;
    writeln!(f, "  produced:  {}", Tokens(&hunk.produced))?;
    writeln!(f, "  expected:  {}", Tokens(&hunk.expected))?;
    writeln!(f, "  after:     {}", Tokens(&hunk.after))?;
    writeln!(f, "  raw words: {}", RawWords(&hunk.raw_words))
}

fn count(tokens: usize) -> String {
    match tokens {
        1 => "1 token".to_owned(),
        n => format!("{n} tokens"),
    }
}

/// Tokens separated by spaces, or `(none)`.
struct Tokens<'a>(&'a [String]);

impl Display for Tokens<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(none)");
        }
        f.write_str(&self.0.join(" "))
    }
}

/// Raw words grouped by line: `line 3: Feb; line 4: the Leader`, or `(none)`.
struct RawWords<'a>(&'a [RawWord]);

impl Display for RawWords<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(none)");
        }
        let mut current_line = None;
        for word in self.0 {
            if current_line == Some(word.line) {
                write!(f, " {}", word.text)?;
            } else {
                if current_line.is_some() {
                    f.write_str("; ")?;
                }
                write!(f, "line {}: {}", word.line, word.text)?;
                current_line = Some(word.line);
            }
        }
        Ok(())
    }
}
