//! The trace of a stemming as it happens: the [`Tracer`] every algorithm reports its steps to,
//! and the two tracers, [`NoTrace`] for the hot path and [`Recorder`] for `explain`.
//!
//! The algorithms are written once, generic over a [`Tracer`]. The hot path uses [`NoTrace`],
//! whose methods are empty and inline away; `explain` uses [`Recorder`], so the trace comes from
//! the very code that stems, not from a second copy of its rules. This module depends on no
//! other: the algorithms depend on it, and `explain` builds on it.

/// One step of an algorithm, the rule that fired in it (if any) and the word after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The step's name as the algorithm's description names it, such as `1a` or `step2`.
    pub step: &'static str,
    /// The rule that fired, such as `sses -> ss`, or `None` when the step left the word alone.
    pub rule: Option<&'static str>,
    /// The word after this step.
    pub word: String,
}

/// Receives the steps of a stemming as they happen.
pub(crate) trait Tracer {
    /// Records that `step` ran, that `rule` fired in it (`None`: nothing fired), and the word after it.
    /// `word` is only called when the tracer is enabled.
    fn step(
        &mut self,
        step: &'static str,
        rule: Option<&'static str>,
        word: impl FnOnce() -> String,
    );
}

/// The tracer of the hot path: records nothing, costs nothing.
pub(crate) struct NoTrace;

impl Tracer for NoTrace {
    #[inline(always)]
    fn step(&mut self, _: &'static str, _: Option<&'static str>, _: impl FnOnce() -> String) {}
}

/// The tracer of `explain`: keeps every step.
#[derive(Default)]
pub(crate) struct Recorder {
    pub(crate) steps: Vec<Step>,
}

impl Tracer for Recorder {
    fn step(
        &mut self,
        step: &'static str,
        rule: Option<&'static str>,
        word: impl FnOnce() -> String,
    ) {
        self.steps.push(Step {
            step,
            rule,
            word: word(),
        });
    }
}
