//! Which routines remember their last outcome: those that only read the string and move the
//! cursor, that scan (a test of a letter or two costs less than remembering it), and that
//! several places call (so that one may call again where another just did).
//! The runtime's `Env::memo` then answers a repeated call from where the last one ran, on the
//! same string, without running it.

use crate::ast::{Ae, Cmd, Program, Str};

/// The routines (name indices) that remember their last outcome, at most `slots` of them, in
/// the order they are defined: each one's slot is its place in the list.
pub(crate) fn memoized(program: &Program, slots: usize) -> Vec<usize> {
    let mut calls = vec![0usize; program.names.len()];
    for routine in &program.routines {
        count_calls(&routine.body, &mut calls);
    }
    for among in &program.amongs {
        for entry in &among.entries {
            if let Some(f) = entry.func {
                calls[f] += 1;
            }
        }
    }
    program
        .routines
        .iter()
        .filter(|r| calls[r.name] >= 2 && reads_only(&r.body) && scans(&r.body))
        .map(|r| r.name)
        .take(slots)
        .collect()
}

/// Whether `cmd` (one that [`reads_only`]) holds a loop over the string.
fn scans(cmd: &Cmd) -> bool {
    match cmd {
        Cmd::Goto(_) | Cmd::Gopast(_) | Cmd::Repeat(_) => true,
        Cmd::Seq(cmds) | Cmd::Or(cmds) | Cmd::And(cmds) => cmds.iter().any(scans),
        Cmd::Not(c) | Cmd::Try(c) | Cmd::Test(c) | Cmd::Do(c) | Cmd::Fail(c) => scans(c),
        _ => false,
    }
}

/// Adds each routine call in `cmd` to `calls`.
fn count_calls(cmd: &Cmd, calls: &mut [usize]) {
    match cmd {
        Cmd::Call(name) => calls[*name] += 1,
        Cmd::Seq(cmds) | Cmd::Or(cmds) | Cmd::And(cmds) => {
            cmds.iter().for_each(|c| count_calls(c, calls));
        }
        Cmd::Not(c)
        | Cmd::Try(c)
        | Cmd::Test(c)
        | Cmd::Do(c)
        | Cmd::Fail(c)
        | Cmd::Goto(c)
        | Cmd::Gopast(c)
        | Cmd::Repeat(c)
        | Cmd::Backwards(c)
        | Cmd::Reverse(c)
        | Cmd::Loop(_, c)
        | Cmd::Atleast(_, c)
        | Cmd::Dollar(_, c) => count_calls(c, calls),
        Cmd::SetLimit(limit, body) => {
            count_calls(limit, calls);
            count_calls(body, calls);
        }
        _ => {}
    }
}

/// Whether `cmd` only tests the string between the limits and moves the cursor: no edit, no
/// slice, no variable read or written, no call, no change of limits or direction. Its outcome
/// (success, and the cursor after) then depends on nothing but the string, the cursor and the
/// limits.
fn reads_only(cmd: &Cmd) -> bool {
    match cmd {
        Cmd::Seq(cmds) | Cmd::Or(cmds) | Cmd::And(cmds) => cmds.iter().all(reads_only),
        Cmd::Not(c)
        | Cmd::Try(c)
        | Cmd::Test(c)
        | Cmd::Do(c)
        | Cmd::Fail(c)
        | Cmd::Goto(c)
        | Cmd::Gopast(c)
        | Cmd::Repeat(c) => reads_only(c),
        Cmd::Hop(Ae::Num(_)) => true,
        Cmd::Eq(Str::Lit(_))
        | Cmd::Next
        | Cmd::ToLimit
        | Cmd::Grouping(..)
        | Cmd::True
        | Cmd::False => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::memoized;

    fn names(source: &str) -> Vec<String> {
        let program = crate::compile("t.sbl", source).unwrap();
        memoized(&program, 4)
            .into_iter()
            .map(|n| program.names[n].text.clone())
            .collect()
    }

    #[test]
    fn routines_that_only_read_scan_and_are_called_twice_remember() {
        let source = "externals (stem) routines (harmony once edits reads_var letter) \
             integers (x) groupings (v) define v 'aeiou' \
             define harmony as test (goto v ('a' gopast v) or ('e' next)) \
             define once as test (goto v) \
             define edits as (['a'] delete) \
             define reads_var as ($x == 1) \
             define letter as v \
             define stem as (harmony harmony once edits edits reads_var reads_var letter letter)";
        assert_eq!(names(source), ["harmony"]);
    }
}
