//! The syntax tree of a Snowball program, with every name resolved to its declaration.

use crate::error::Pos;

/// What a declared name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `strings ( ... )`
    String,
    /// `integers ( ... )`
    Integer,
    /// `booleans ( ... )`
    Boolean,
    /// `routines ( ... )`
    Routine,
    /// `externals ( ... )`
    External,
    /// `groupings ( ... )`
    Grouping,
}

/// A declared name.
#[derive(Clone, Debug)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// What it names.
    pub kind: Kind,
    /// Its index among the names of its kind (externals count with routines).
    pub index: usize,
    /// Where it was declared.
    pub pos: Pos,
}

/// A string operand: a literal (as UTF-8 bytes) or a string variable (a name index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Str {
    /// A literal string.
    Lit(Vec<u8>),
    /// A string variable.
    Var(usize),
}

/// An arithmetic expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ae {
    /// A literal number.
    Num(i64),
    /// An integer variable (a name index).
    Var(usize),
    /// `maxint`
    MaxInt,
    /// `minint`
    MinInt,
    /// `cursor`
    Cursor,
    /// `limit`: the limit of the current direction.
    Limit,
    /// `size`: bytes in the current string.
    Size,
    /// `len`: characters in the current string.
    Len,
    /// `sizeof S`
    SizeOf(Str),
    /// `lenof S`
    LenOf(Str),
    /// `- AE`
    Neg(Box<Ae>),
    /// `AE op AE` with op one of `+ - * /`.
    Bin(Box<Ae>, u8, Box<Ae>),
}

/// A command. Directions are not stored: they follow from where a command sits.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Cmd {
    /// `( C1 C2 ... )`
    Seq(Vec<Cmd>),
    Or(Vec<Cmd>),
    And(Vec<Cmd>),
    Not(Box<Cmd>),
    Try(Box<Cmd>),
    Test(Box<Cmd>),
    Do(Box<Cmd>),
    Fail(Box<Cmd>),
    Goto(Box<Cmd>),
    Gopast(Box<Cmd>),
    Repeat(Box<Cmd>),
    Backwards(Box<Cmd>),
    Reverse(Box<Cmd>),
    Loop(Ae, Box<Cmd>),
    Atleast(Ae, Box<Cmd>),
    /// A string test: `'abc'` or a string variable.
    Eq(Str),
    /// `= S`
    Assign(Str),
    /// `insert S` (and `<+ S`)
    Insert(Str),
    /// `attach S`
    Attach(Str),
    /// `<- S`
    SliceFrom(Str),
    Delete,
    Hop(Ae),
    Next,
    /// `=> s`
    AssignTo(usize),
    /// `[`
    LeftSlice,
    /// `]`
    RightSlice,
    /// `-> s`
    SliceTo(usize),
    /// `tomark AE`
    ToMark(Ae),
    ToLimit,
    /// `setlimit C1 for C2`
    SetLimit(Box<Cmd>, Box<Cmd>),
    /// `substring` of among number `n`.
    Substring(usize),
    /// `among` number `n`.
    Among(usize),
    Set(usize),
    Unset(usize),
    BoolTest(usize),
    /// A routine call: the routine's name index.
    Call(usize),
    /// A grouping test, or with `true` its complement (`non G`).
    Grouping(usize, bool),
    True,
    False,
    /// `$x = AE` and friends: the variable, the operator (`=`, `+=`, ...) and the value.
    IntAssign(usize, &'static str, Ae),
    /// `$(AE op AE)`, `$x op AE`, `atmark`, `atlimit`.
    IntTest(Ae, &'static str, Ae),
    /// `$s C`: run C on string variable `s`.
    Dollar(usize, Box<Cmd>),
}

/// One string of an `among`.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The string, as UTF-8 bytes.
    pub text: Vec<u8>,
    /// The routine that must also succeed for the string to match (a name index).
    pub func: Option<usize>,
    /// The 1-based index of the action it selects.
    pub result: usize,
}

/// An `among` with its `substring`.
#[derive(Clone, Debug)]
pub struct Among {
    /// The strings, in source order.
    pub entries: Vec<Entry>,
    /// The actions, the `n`th selected by result `n`.
    pub actions: Vec<Cmd>,
    /// Whether the strings are searched backwards (the direction at the `substring`).
    pub backward: bool,
    /// The routine holding it (a name index), for traces.
    pub routine: usize,
    /// Where the `among` starts.
    pub pos: Pos,
}

/// A routine or external definition.
#[derive(Clone, Debug)]
pub struct Routine {
    /// Its name index.
    pub name: usize,
    /// Whether it was defined inside `backwardmode ( ... )`.
    pub backward: bool,
    /// The body.
    pub body: Cmd,
    /// Where the definition starts.
    pub pos: Pos,
}

/// A grouping definition: its name index and its characters as code points, sorted.
#[derive(Clone, Debug)]
pub struct Grouping {
    /// Its name index.
    pub name: usize,
    /// The code points, sorted, no repeats.
    pub chars: Vec<u32>,
}

/// A whole compiled program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Every declared name; commands refer to these by index.
    pub names: Vec<Name>,
    /// Routine and external definitions, in source order.
    pub routines: Vec<Routine>,
    /// Grouping definitions, in source order.
    pub groupings: Vec<Grouping>,
    /// Every `among`, in source order.
    pub amongs: Vec<Among>,
}

impl Program {
    /// How many names of `kind` there are.
    pub fn count(&self, kind: Kind) -> usize {
        self.names.iter().filter(|n| n.kind == kind).count()
    }
}
