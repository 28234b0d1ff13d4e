//! Datasets: CSV or JSON Lines files whose every record is one document (a title passed
//! verbatim and a text whose newlines are paragraph breaks), processed in parallel batches
//! and written in input order.

mod csv_records;
mod jsonl_records;

use std::io::Write;
use std::sync::Mutex;

use csv::StringRecord;
use rayon::prelude::*;
use stemkit_tokenizer::Pipeline;

use crate::args::{DocumentArgs, InputFormat};
use crate::errors::{usage, write_failed};
use crate::formats::{RecordBuilder, RecordWriter, Style};
use crate::inputs::{self, Input};
use crate::output::Output;
use crate::progress::{Progress, total_size};

/// Records processed together: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 1024;

/// Names of the fields that hold each document.
pub(crate) struct Fields<'a> {
    pub(crate) title: &'a str,
    pub(crate) text: &'a str,
}

/// Reads the records of one input, whatever its format.
enum Records<'a> {
    Csv(csv_records::CsvRecords<'a>),
    Jsonl(jsonl_records::JsonlRecords<'a>),
}

impl Records<'_> {
    /// The names of the columns kept in CSV output.
    fn header(&self) -> &StringRecord {
        match self {
            Records::Csv(records) => records.header(),
            Records::Jsonl(records) => records.header(),
        }
    }

    /// Where the title and text are among the columns.
    fn title_and_text(&self) -> (usize, usize) {
        match self {
            Records::Csv(records) => records.title_and_text(),
            Records::Jsonl(_) => (0, 1),
        }
    }

    /// The next record's columns (those CSV output keeps: every CSV column, or a JSON
    /// record's title and text), or `None` at the end.
    fn next_record(&mut self) -> anyhow::Result<Option<StringRecord>> {
        match self {
            Records::Csv(records) => records.next_record(),
            Records::Jsonl(records) => records.next_record(),
        }
    }
}

/// Processes every record of every input into one output (standard output or `-o`).
pub(crate) fn run(
    args: &DocumentArgs,
    pipeline: &Pipeline,
    style: Style,
    tokens_column: &str,
) -> anyhow::Result<()> {
    let found = inputs::discover(&args.files)?;
    if found.has_directories {
        return Err(usage(
            "directories hold text documents: use --input-format text, or name the dataset files",
        ));
    }
    let fields = Fields {
        title: &args.title_field,
        text: &args.text_field,
    };
    let progress = Progress::new("records", total_size(found.inputs.iter().map(|i| i.size)));
    let mut output = Output::create(args.output.as_deref())?;
    let output_name = output.name();
    let mut writer = RecordWriter::new(style.format, &mut output);
    let mut first_header: Option<(String, StringRecord)> = None;
    for input in &found.inputs {
        let name = input.name();
        let mut records = open(input, args.input_format, &fields, args.lossy, &progress)?;
        check_same_columns(&mut first_header, &name, records.header())?;
        writer
            .header(records.header(), tokens_column)
            .map_err(|error| write_failed(&output_name, error))?;
        process(
            &mut records,
            &mut writer,
            &output_name,
            pipeline,
            style,
            &progress,
        )?;
    }
    writer
        .finish()
        .map_err(|error| write_failed(&output_name, error))?;
    output.commit()
}

/// Every input of one run must have the same columns: CSV output has one header.
fn check_same_columns(
    first: &mut Option<(String, StringRecord)>,
    name: &str,
    header: &StringRecord,
) -> anyhow::Result<()> {
    match first {
        None => {
            *first = Some((name.to_owned(), header.clone()));
            Ok(())
        }
        Some((first_name, first_header)) if first_header != header => Err(anyhow::anyhow!(
            "{name}: its columns differ from those of {first_name}: {:?} vs {:?}",
            header.iter().collect::<Vec<_>>(),
            first_header.iter().collect::<Vec<_>>()
        )),
        Some(_) => Ok(()),
    }
}

/// Opens one input as records of `format`.
fn open<'a>(
    input: &Input,
    format: InputFormat,
    fields: &Fields<'_>,
    lossy: bool,
    progress: &'a Progress,
) -> anyhow::Result<Records<'a>> {
    let name = input.name();
    let reader = progress.reader(input.open()?);
    match format {
        InputFormat::Csv => Ok(Records::Csv(csv_records::CsvRecords::new(
            name, reader, fields, lossy,
        )?)),
        InputFormat::Jsonl => Ok(Records::Jsonl(jsonl_records::JsonlRecords::new(
            name, reader, fields, lossy,
        ))),
        InputFormat::Text => Err(usage("text input is not a dataset")),
    }
}

/// Reads records in batches and writes them in input order. With several worker threads, the
/// calling thread writes the previous batch and reads the next one while the workers render
/// the current one (a warm pipeline per worker); with one, everything happens in turn on the
/// calling thread.
fn process<W: Write>(
    records: &mut Records<'_>,
    writer: &mut RecordWriter<W>,
    output_name: &str,
    pipeline: &Pipeline,
    style: Style,
    progress: &Progress,
) -> anyhow::Result<()> {
    let renderers = Renderers::new(pipeline, style, records.title_and_text());
    let mut batch = read_batch(records)?;
    if rayon::current_num_threads() == 1 {
        while !batch.is_empty() {
            let rendered = renderers.render_in_turn(&batch);
            write_batch(&batch, &rendered, writer, output_name, progress)?;
            batch = read_batch(records)?;
        }
        return Ok(());
    }
    // The batch rendered last round, written while the workers render the next.
    let mut done: Option<(Vec<StringRecord>, Vec<Vec<u8>>)> = None;
    while !batch.is_empty() {
        let mut rendered = Vec::new();
        let next = rayon::in_place_scope(|scope| {
            scope.spawn(|_| rendered = renderers.render_in_parallel(&batch));
            if let Some((previous, its_rendering)) = done.take() {
                write_batch(&previous, &its_rendering, writer, output_name, progress)?;
            }
            read_batch(records)
        })?;
        done = Some((std::mem::replace(&mut batch, next), rendered));
    }
    match done {
        Some((records, rendered)) => {
            write_batch(&records, &rendered, writer, output_name, progress)
        }
        None => Ok(()),
    }
}

/// Up to [`BATCH`] records; none at the end.
fn read_batch(records: &mut Records<'_>) -> anyhow::Result<Vec<StringRecord>> {
    let mut batch = Vec::with_capacity(BATCH);
    while batch.len() < BATCH {
        match records.next_record()? {
            Some(record) => batch.push(record),
            None => break,
        }
    }
    Ok(batch)
}

fn write_batch<W: Write>(
    batch: &[StringRecord],
    rendered: &[Vec<u8>],
    writer: &mut RecordWriter<W>,
    output_name: &str,
    progress: &Progress,
) -> anyhow::Result<()> {
    for (record, rendered) in batch.iter().zip(rendered) {
        writer
            .record(record, rendered)
            .map_err(|error| write_failed(output_name, error))?;
    }
    progress.add_done(batch.len() as u64);
    Ok(())
}

/// A pipeline per worker thread, kept (and its stem cache warm) from batch to batch; each
/// worker locks only its own, so the locks never wait.
struct Renderers {
    pipelines: Vec<Mutex<Pipeline>>,
    style: Style,
    title: usize,
    text: usize,
}

impl Renderers {
    fn new(pipeline: &Pipeline, style: Style, (title, text): (usize, usize)) -> Self {
        let workers = rayon::current_num_threads().max(1);
        Renderers {
            pipelines: (0..=workers)
                .map(|_| Mutex::new(pipeline.clone()))
                .collect(),
            style,
            title,
            text,
        }
    }

    fn render_in_turn(&self, batch: &[StringRecord]) -> Vec<Vec<u8>> {
        batch.iter().map(|record| self.render(record)).collect()
    }

    fn render_in_parallel(&self, batch: &[StringRecord]) -> Vec<Vec<u8>> {
        batch
            .par_iter()
            .with_min_len(16)
            .map(|record| self.render(record))
            .collect()
    }

    /// Renders one record with the calling worker's pipeline (the last one off the pool).
    fn render(&self, record: &StringRecord) -> Vec<u8> {
        let last = self.pipelines.len() - 1;
        let worker = rayon::current_thread_index().map_or(last, |index| index.min(last));
        let field = |i| record.get(i).unwrap_or("");
        match self.pipelines[worker].lock() {
            Ok(mut pipeline) => render(
                &mut pipeline,
                self.style,
                field(self.title),
                field(self.text),
            ),
            // Only a panic while rendering poisons a lock; the pipeline itself is still sound.
            Err(poisoned) => render(
                &mut poisoned.into_inner(),
                self.style,
                field(self.title),
                field(self.text),
            ),
        }
    }
}

/// One document: `title` verbatim, then the tokens of each line of `text` (a paragraph each).
fn render(pipeline: &mut Pipeline, style: Style, title: &str, text: &str) -> Vec<u8> {
    let mut builder = RecordBuilder::new(style, title);
    for paragraph in text.lines() {
        pipeline.for_each_token(paragraph, |token| builder.token(token));
        builder.end_paragraph();
    }
    builder.finish()
}
