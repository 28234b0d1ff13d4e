//! The suffix-table engine every algorithm's steps run on: a [`Rule`] is data (suffix,
//! replacement, condition, the variants it belongs to, its label for `explain`), a [`Table`] is a
//! step's rules with a named lookup strategy, and a [`Judge`] is what an algorithm supplies: its
//! conditions, its measure or regions, and which of its variants is running.
//!
//! NLTK's rule lists ([`Table::in_order`]) and Snowball's `among` ([`Table::longest_first`]) are
//! the two models; both come down to "the first rule whose suffix matches decides", in the
//! table's order, and differ in how the table is ordered. Rules with the same suffix in a row are
//! alternatives (Snowball's `or` inside an `among`): the first whose condition holds fires.
//!
//! Every label reads `(condition) suffix -> replacement`, with `(deleted)` for an empty
//! replacement and no parentheses when the rule has no condition: `(m>1) al -> (deleted)`,
//! `(R1) ational -> ate`, `sses -> ss`. The few steps written as code label their edits the
//! same way (`(m=1 and *o) -> e`, `(exception) skies -> sky`), and a step that keeps the word
//! on purpose says `(condition) left as is`.

mod rule;
mod table;
#[cfg(test)]
mod tests;

pub(crate) use rule::{Rule, Variants, rule};
pub(crate) use table::{Found, Outcome, Table, fire};

use crate::letter::Letter;

/// What an algorithm tells the engine: which of its variants runs, whether a rule's condition
/// holds, and (when it keeps state the edits move, like Porter2's regions) that a rule fired.
pub(crate) trait Judge<C> {
    /// The running variant's index (`0..Variants::MAX`), such as the Porter mode: rules whose
    /// [`Variants`] leave it out do not exist for this word.
    fn variant(&self) -> usize;

    /// Whether `condition` holds of `word`, whose last letters from `stem_len` on are the
    /// rule's suffix.
    fn holds<L: Letter>(&self, condition: &C, word: &[L], stem_len: usize) -> bool;

    /// Told after `rule` rewrote the end of a word that was `old_length` letters long.
    #[inline(always)]
    fn fired(&mut self, _rule: &Rule<C>, _old_length: usize) {}
}
