//! `stemkit tokenize` and `stemkit process`: documents (or dataset records) through the pipeline.

mod schedule;

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::Write;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anyhow::Context;
use rayon::prelude::*;
use stemkit_stemmer::Algorithm;
use stemkit_tokenizer::{Layout, Pipeline};

use crate::args::{DocumentArgs, InputFormat, OutputFormat};
use crate::datasets;
use crate::errors::{pipeline_failed, usage, write_failed};
use crate::formats::{RecordBuilder, RecordWriter, Style};
use crate::inputs::{self, Input, Source};
use crate::output::{self, Output};
use crate::progress::{Progress, total_size};
use crate::workers::PerWorker;

/// What every document of a run goes through.
struct Job {
    pipeline: Pipeline,
    style: Style,
    lossy: bool,
    /// The CSV column holding the tokens.
    tokens_column: &'static str,
}

/// Runs the pipeline (stemming with `algorithm`, if any) over the inputs in `layout`.
pub(crate) fn run(
    args: &DocumentArgs,
    algorithm: Option<Algorithm>,
    layout: Layout,
) -> anyhow::Result<()> {
    configure_threads(args.threads);
    let job = Job {
        pipeline: Pipeline::new(args.tokenizer.options(), algorithm),
        style: Style {
            format: args.output_format,
            layout,
        },
        lossy: args.lossy,
        tokens_column: if algorithm.is_some() {
            "stemmed"
        } else {
            "tokens"
        },
    };
    if args.input_format != InputFormat::Text {
        return datasets::run(args, &job.pipeline, job.style, job.tokens_column);
    }
    let found = inputs::discover(&args.files)?;
    if found.has_directories {
        let Some(directory) = &args.output else {
            return Err(usage(
                "an input is a directory: name an output directory with -o DIR",
            ));
        };
        mirror(&found.inputs, directory, &job)
    } else {
        concatenate(&found.inputs, args.output.as_deref(), &job)
    }
}

/// Sizes the worker pool; by default rayon uses one thread per core.
fn configure_threads(threads: Option<u16>) {
    if let Some(threads) = threads {
        // Fails only if the pool already exists, which cannot happen: this runs once, first.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global();
    }
}

/// The threads one document is processed on: the worker pool's size (`--threads`, or one
/// per core).
fn document_threads() -> NonZeroUsize {
    NonZeroUsize::new(rayon::current_num_threads()).unwrap_or(NonZeroUsize::MIN)
}

/// Every input, in order, into one output: standard output or the `-o` file.
fn concatenate(inputs: &[Input], target: Option<&Path>, job: &Job) -> anyhow::Result<()> {
    let progress = Progress::new("documents", total_size(inputs.iter().map(|i| i.size)));
    let mut output = Output::create(target)?;
    let output_name = output.name();
    let mut writer = RecordWriter::new(job.style.format, &mut output);
    writer
        .header(["file", "title"], job.tokens_column)
        .map_err(|error| write_failed(&output_name, error))?;
    // One document at a time, each on every worker thread.
    let mut pipeline = job.pipeline.clone().with_threads(document_threads());
    for input in inputs {
        write_document(
            &mut pipeline,
            input,
            &mut writer,
            &output_name,
            job,
            &progress,
        )?;
        progress.add_done(1);
    }
    writer
        .finish()
        .map_err(|error| write_failed(&output_name, error))?;
    output.commit()
}

/// Each input into its own file below `directory`, mirroring the tree it was found in; in
/// parallel (see [`schedule`]: files too big a share of the whole for the workers to balance
/// come first, each on every thread; then the rest, one per worker, largest first). Each file
/// is written atomically.
fn mirror(inputs: &[Input], directory: &Path, job: &Job) -> anyhow::Result<()> {
    let targets = mirrored_targets(inputs, directory)?;
    make_directories(&targets)?;
    let progress = Progress::new("documents", total_size(inputs.iter().map(|i| i.size)));
    let sizes: Vec<u64> = inputs.iter().map(|input| input.size.unwrap_or(0)).collect();
    let schedule = schedule::plan(&sizes, document_threads().get());
    if !schedule.whole_pool.is_empty() {
        let mut pipeline = job.pipeline.clone().with_threads(document_threads());
        for &index in &schedule.whole_pool {
            mirror_one(
                &mut pipeline,
                &inputs[index],
                &targets[index],
                job,
                &progress,
            )?;
        }
    }
    mirror_shared(&schedule.shared, inputs, &targets, job, &progress)
}

/// The inputs at `order` into their targets, handed out to the workers one file each, in that
/// order, each worker with its own pipeline (see [`PerWorker`]): each file starts with the stems
/// its worker's earlier files left in the cache.
fn mirror_shared(
    order: &[usize],
    inputs: &[Input],
    targets: &[PathBuf],
    job: &Job,
    progress: &Progress,
) -> anyhow::Result<()> {
    let pipelines = PerWorker::new(&job.pipeline, rayon::current_num_threads());
    // A bridged iterator hands out its items in order as workers ask for them: a queue.
    order.iter().par_bridge().try_for_each(|&index| {
        pipelines
            .with(|pipeline| mirror_one(pipeline, &inputs[index], &targets[index], job, progress))
    })
}

/// One input into its own file `target`, written atomically.
fn mirror_one(
    pipeline: &mut Pipeline,
    input: &Input,
    target: &Path,
    job: &Job,
    progress: &Progress,
) -> anyhow::Result<()> {
    let mut output = Output::file_in_existing_directory(target)?;
    let mut writer = RecordWriter::new(job.style.format, &mut output);
    let name = target.display().to_string();
    writer
        .header(["file", "title"], job.tokens_column)
        .map_err(|error| write_failed(&name, error))?;
    write_document(pipeline, input, &mut writer, &name, job, progress)?;
    writer
        .finish()
        .map_err(|error| write_failed(&name, error))?;
    output.commit()?;
    progress.add_done(1);
    Ok(())
}

/// Makes the directories the targets go in, each once, before the workers start.
fn make_directories(targets: &[PathBuf]) -> anyhow::Result<()> {
    let directories: BTreeSet<&Path> = targets.iter().map(|t| output::directory_of(t)).collect();
    for directory in directories {
        fs::create_dir_all(directory)
            .with_context(|| format!("{}: cannot create directory", directory.display()))?;
    }
    Ok(())
}

/// Where each input goes below `directory`: its path below the directory it was found in, or
/// for a file named directly, its file name. Two inputs may not share a target.
fn mirrored_targets(inputs: &[Input], directory: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut seen = HashSet::new();
    let mut targets = Vec::with_capacity(inputs.len());
    for input in inputs {
        let below = match (&input.relative, &input.source) {
            (Some(relative), _) => relative.clone(),
            (None, Source::File(path)) => match path.file_name() {
                Some(file_name) => PathBuf::from(file_name),
                None => return Err(usage(format!("{}: not a file name", path.display()))),
            },
            (None, Source::Stdin) => {
                return Err(usage(
                    "standard input cannot be written into an output directory",
                ));
            }
        };
        let target = directory.join(below);
        if !seen.insert(target.clone()) {
            return Err(usage(format!(
                "two inputs would both be written to {}",
                target.display()
            )));
        }
        targets.push(target);
    }
    Ok(targets)
}

/// One document into `writer`: streamed straight through the pipeline for the lines format;
/// for JSON Lines and CSV, the pipeline's output is gathered and re-rendered as a record.
fn write_document<W: Write>(
    pipeline: &mut Pipeline,
    input: &Input,
    writer: &mut RecordWriter<W>,
    output_name: &str,
    job: &Job,
    progress: &Progress,
) -> anyhow::Result<()> {
    let name = input.name();
    let mut reader = progress.reader(input.open()?);
    if let Some(out) = writer
        .plain()
        .filter(|_| job.style.format == OutputFormat::Lines)
    {
        return match pipeline.run(&mut reader, out, job.style.layout, job.lossy) {
            Ok(_) => Ok(()),
            Err(error) => Err(pipeline_failed(error, &name, output_name)),
        };
    }
    let mut gathered = Vec::new();
    if let Err(error) = pipeline.run(&mut reader, &mut gathered, Layout::TokenPerLine, job.lossy) {
        return Err(pipeline_failed(error, &name, output_name));
    }
    let gathered = String::from_utf8_lossy(&gathered);
    let mut lines = gathered.split_terminator('\n');
    let title = lines.next().unwrap_or("");
    let mut builder = RecordBuilder::new(job.style);
    builder.start(title);
    lines.for_each(|token| builder.token(token));
    writer
        .record([name.as_str(), title], builder.finish())
        .map_err(|error| write_failed(output_name, error))
}
