//! `among` tables as Snowball's runtime searches them: strings sorted (compared from the end
//! when searching backwards), each row pointing at the longest other row that is a prefix
//! (a suffix, backwards) of it, so one binary search and a walk down that chain finds the
//! longest match.

use crate::ast::Among;

/// One row of a table, in search order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The string as written in the source.
    pub text: Vec<u8>,
    /// The row of the longest other string that it extends, if any.
    pub substring: Option<usize>,
    /// The action it selects (1-based).
    pub result: usize,
    /// The routine that must also succeed (a name index).
    pub func: Option<usize>,
}

/// The search table of `among`.
pub fn table(among: &Among) -> Vec<Row> {
    let key = |text: &[u8]| -> Vec<u8> {
        if among.backward {
            text.iter().rev().copied().collect()
        } else {
            text.to_vec()
        }
    };
    let mut order: Vec<usize> = (0..among.entries.len()).collect();
    order.sort_by(|&a, &b| {
        key(&among.entries[a].text)
            .cmp(&key(&among.entries[b].text))
            .then(a.cmp(&b))
    });
    let keys: Vec<Vec<u8>> = order.iter().map(|&i| key(&among.entries[i].text)).collect();
    order
        .iter()
        .enumerate()
        .map(|(row, &i)| {
            let entry = &among.entries[i];
            let substring = (0..row)
                .rev()
                .find(|&j| keys[j].len() < keys[row].len() && keys[row].starts_with(&keys[j]));
            Row {
                text: entry.text.clone(),
                substring,
                result: entry.result,
                func: entry.func,
            }
        })
        .collect()
}
