//! `among` tables: the rows as Snowball's runtime keeps them (strings sorted, compared from the
//! end when searching backwards, each row pointing at the longest other row that is a prefix,
//! backwards a suffix, of it: the chain of shorter matches to fall back on when a row's routine
//! fails), and the trie over them that the generated code walks, a byte at a time, to find the
//! longest match (small tables of strings of one length are compared instead: `rust.rs`,
//! `same_length_search`).

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

/// A node of the trie over a table's search keys: the row whose key ends here, if any, and
/// the nodes one key byte further, in byte order. Walking it along the text visits exactly the
/// rows that match there, shortest first, so the last row seen is the longest match: what the
/// binary search and chain find, decided by one `match` per byte in the generated code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node {
    /// The row (an index into [`table`]'s rows) whose key is the path to this node.
    pub row: Option<usize>,
    /// The nodes one key byte further.
    pub children: Vec<(u8, Node)>,
}

impl Node {
    /// The bytes of the single path below this node down to the first node that has a row
    /// or more than one child, and that node: what a generator can compare in one go.
    pub fn run(&self) -> (Vec<u8>, &Node) {
        let mut bytes = Vec::new();
        let mut node = self;
        while node.row.is_none() && node.children.len() == 1 {
            let (byte, child) = &node.children[0];
            bytes.push(*byte);
            node = child;
        }
        (bytes, node)
    }
}

/// The trie over the search keys of `rows` (from [`table`]; keys read from the end when
/// searching `backward`). A key given twice keeps its first row.
pub fn trie(rows: &[Row], backward: bool) -> Node {
    let mut root = Node::default();
    for (index, row) in rows.iter().enumerate() {
        let key: Vec<u8> = if backward {
            row.text.iter().rev().copied().collect()
        } else {
            row.text.clone()
        };
        let mut node = &mut root;
        for byte in key {
            let at = match node.children.binary_search_by_key(&byte, |(b, _)| *b) {
                Ok(at) => at,
                Err(at) => {
                    node.children.insert(at, (byte, Node::default()));
                    at
                }
            };
            node = &mut node.children[at].1;
        }
        node.row.get_or_insert(index);
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> Row {
        Row {
            text: text.as_bytes().to_vec(),
            substring: None,
            result: 1,
            func: None,
        }
    }

    #[test]
    fn trie_paths_are_keys() {
        let rows = [row(""), row("en"), row("ern"), row("n")];
        let root = trie(&rows, true);
        assert_eq!(root.row, Some(0));
        assert_eq!(root.children.len(), 1);
        let (byte, n) = &root.children[0];
        assert_eq!((*byte, n.row), (b'n', Some(3)));
        let bytes: Vec<u8> = n.children.iter().map(|(b, _)| *b).collect();
        assert_eq!(bytes, b"er");
        let (run, end) = n.children[1].1.run();
        assert_eq!((run.as_slice(), end.row), (&b"e"[..], Some(2)));
    }
}
