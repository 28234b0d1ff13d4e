//! One suffix rule, the variants of an algorithm it belongs to, and the `rule!` macro that
//! writes both the rule and its label from the parts as the algorithms' papers write them.

/// One suffix rule: `condition` `suffix` -> `replacement`, in the variants `variants`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule<C> {
    /// The letters the word must end with: ASCII, not empty.
    pub(crate) suffix: &'static [u8],
    /// What replaces them: ASCII, perhaps empty.
    pub(crate) replacement: &'static [u8],
    /// What else must hold for the rule to fire, as the algorithm's [`super::Judge`] reads it.
    pub(crate) condition: C,
    /// The variants of the algorithm the rule exists in.
    pub(crate) variants: Variants,
    /// How `explain` shows the rule, such as `(m>0) ational -> ate`.
    pub(crate) label: &'static str,
}

/// A set of an algorithm's variants (Porter's modes, Porter2's revisions), as bits by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Variants(u8);

impl Variants {
    /// How many variants an algorithm may have.
    pub(crate) const MAX: usize = 4;
    /// Every variant.
    pub(crate) const ALL: Variants = Variants((1 << Self::MAX) - 1);

    /// The variants with the indexes `indexes`.
    pub(crate) const fn of(indexes: &[usize]) -> Variants {
        let mut bits = 0;
        let mut i = 0;
        while i < indexes.len() {
            assert!(
                indexes[i] < Self::MAX,
                "a variant index is below Variants::MAX"
            );
            bits |= 1 << indexes[i];
            i += 1;
        }
        Variants(bits)
    }

    /// Every variant except those with the indexes `indexes`.
    pub(crate) const fn except(indexes: &[usize]) -> Variants {
        Variants(Self::ALL.0 & !Self::of(indexes).0)
    }

    /// Whether the variant with the index `index` is in the set.
    pub(crate) const fn contain(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }
}

/// Builds a [`Rule`] and its label:
///
/// - `rule!("sses" -> "ss", condition)`: label `sses -> ss`;
/// - `rule!("(m>1)" "al" -> "", condition)`: label `(m>1) al -> (deleted)`;
/// - a last argument restricts the rule to some variants (default [`Variants::ALL`]).
macro_rules! rule {
    ($suffix:literal -> $($rest:tt)*) => {
        $crate::suffix::rule!(@shown "" "" $suffix -> $($rest)*)
    };
    ($shown:literal $suffix:literal -> $($rest:tt)*) => {
        $crate::suffix::rule!(@shown $shown " " $suffix -> $($rest)*)
    };
    (@shown $shown:literal $gap:literal $suffix:literal -> "", $condition:expr
        $(, $variants:expr)?) => {
        $crate::suffix::rule!(@make $suffix, "", $condition,
            concat!($shown, $gap, $suffix, " -> (deleted)") $(, $variants)?)
    };
    (@shown $shown:literal $gap:literal $suffix:literal -> $replacement:literal, $condition:expr
        $(, $variants:expr)?) => {
        $crate::suffix::rule!(@make $suffix, $replacement, $condition,
            concat!($shown, $gap, $suffix, " -> ", $replacement) $(, $variants)?)
    };
    (@make $suffix:literal, $replacement:literal, $condition:expr, $label:expr) => {
        $crate::suffix::rule!(@make $suffix, $replacement, $condition, $label,
            $crate::suffix::Variants::ALL)
    };
    (@make $suffix:literal, $replacement:literal, $condition:expr, $label:expr,
        $variants:expr) => {
        $crate::suffix::Rule {
            suffix: $suffix.as_bytes(),
            replacement: $replacement.as_bytes(),
            condition: $condition,
            variants: $variants,
            label: $label,
        }
    };
}
pub(crate) use rule;
