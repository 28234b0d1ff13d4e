//! Datasets: CSV or JSON Lines files whose every record is one document (a title passed
//! verbatim and a text whose newlines are paragraph breaks), processed in parallel chunks and
//! written in input order.
//!
//! Reading only cuts the input into chunks of whole records ([`chunks`]); each chunk is then
//! parsed, checked, tokenized, stemmed and rendered into an output buffer on its own, and the
//! buffers are written in order. So the serial part is a scan for record ends and a copy of
//! the output, which every worker takes its turn at ([`stemkit_ordered::run`]: no thread of its
//! own for reading and writing, the calling thread one of the workers).

mod chunks;
mod csv_records;
mod faults;
mod jsonl_records;

use std::io::Write;

use csv::StringRecord;
use stemkit_ordered::{Pool, Tuning};
use stemkit_tokenizer::Pipeline;

use self::chunks::{CHUNK, Chunker, CsvEnds, LineEnds};
use self::csv_records::Counts;
use self::faults::{Base, Fault, FaultKind};
use crate::args::{DocumentArgs, InputFormat};
use crate::errors::{read_failed, usage, write_failed};
use crate::formats::{RecordBuilder, RecordWriter, Style};
use crate::inputs::{InputReader, discover};
use crate::output::Output;
use crate::progress::{Progress, ProgressReader, total_size};
use crate::workers::PerWorker;

/// Sets the input bytes per chunk, for tests: tiny chunks put record ends at every boundary.
const CHUNK_VARIABLE: &str = "STEMKIT_DATASET_CHUNK_BYTES";

/// Chunk and output buffers kept for reuse (see [`Pool`]), cleared before they are given back.
type Buffers = Pool<Vec<u8>>;

/// Names of the fields that hold each document.
pub(crate) struct Fields<'a> {
    pub(crate) title: &'a str,
    pub(crate) text: &'a str,
}

/// Processes every record of every input into one output (standard output or `-o`).
pub(crate) fn run(
    args: &DocumentArgs,
    pipeline: &Pipeline,
    style: Style,
    tokens_column: &str,
) -> anyhow::Result<()> {
    let found = discover(&args.files)?;
    if found.has_directories {
        return Err(usage(
            "directories hold text documents: use --input-format text, or name the dataset files",
        ));
    }
    let fields = Fields {
        title: &args.title_field,
        text: &args.text_field,
    };
    let chunk_size = std::env::var(CHUNK_VARIABLE)
        .ok()
        .and_then(|size| size.parse().ok())
        .unwrap_or(CHUNK);
    let progress = Progress::new("records", total_size(found.inputs.iter().map(|i| i.size)));
    let mut output = Output::create(args.output.as_deref())?;
    let output_name = output.name();
    let mut first_header: Option<(String, StringRecord)> = None;
    let buffers = Buffers::new(Tuning::KEPT_BUFFERS);
    for input in &found.inputs {
        let name = input.name();
        let reader = progress.reader(input.open()?);
        let mut source = Source::open(
            name,
            reader,
            args.input_format,
            &fields,
            args,
            chunk_size,
            &buffers,
        )?;
        if check_same_columns(&mut first_header, &source.name, &source.columns)? {
            let header = header_row(style, &source.columns, tokens_column)
                .map_err(|error| write_failed(&output_name, error))?;
            output
                .write_all(&header)
                .map_err(|error| write_failed(&output_name, error))?;
        }
        let renderers = Renderers::new(pipeline, style, &source, args.utf8.lossy);
        let mut sink = Sink {
            output: &mut output,
            output_name: &output_name,
            progress: &progress,
            buffers: &buffers,
            base: Base::default(),
        };
        process(&mut source, &renderers, &mut sink)?;
    }
    output.commit()
}

/// Every input of one run must have the same columns: CSV output has one header. Returns
/// whether this is the first input.
fn check_same_columns(
    first: &mut Option<(String, StringRecord)>,
    name: &str,
    header: &StringRecord,
) -> anyhow::Result<bool> {
    match first {
        None => {
            *first = Some((name.to_owned(), header.clone()));
            Ok(true)
        }
        Some((first_name, first_header)) if first_header != header => Err(anyhow::anyhow!(
            "{name}: its columns differ from those of {first_name}: {:?} vs {:?}",
            header.iter().collect::<Vec<_>>(),
            first_header.iter().collect::<Vec<_>>()
        )),
        Some(_) => Ok(false),
    }
}

/// The CSV header row (the input's columns, then `tokens_column`); nothing for other formats.
fn header_row(
    style: Style,
    columns: &StringRecord,
    tokens_column: &str,
) -> std::io::Result<Vec<u8>> {
    let mut writer = RecordWriter::new(style.format, Vec::new());
    writer.header(columns, tokens_column)?;
    writer.finish()
}

/// One input's chunks of whole records, and the columns its records have.
struct Source<'a> {
    name: String,
    chunks: Chunks<'a>,
    /// The columns kept in CSV output: every CSV column, or a JSON record's title and text.
    columns: StringRecord,
    /// Where the title and text are among the columns.
    title: usize,
    text: usize,
    /// The first chunk, read to find the header and not yet handed out.
    first: Option<Vec<u8>>,
    started: bool,
    buffers: &'a Buffers,
}

enum Chunks<'a> {
    Csv(Chunker<ProgressReader<'a, InputReader>, CsvEnds>),
    Jsonl(Chunker<ProgressReader<'a, InputReader>, LineEnds>),
}

/// A chunk of whole records, and whether it starts the input.
struct Chunk {
    bytes: Vec<u8>,
    first: bool,
}

impl<'a> Source<'a> {
    /// Opens input `name` as records of `format`; for CSV, reads the header.
    fn open(
        name: String,
        reader: ProgressReader<'a, InputReader>,
        format: InputFormat,
        fields: &Fields<'_>,
        args: &DocumentArgs,
        chunk_size: usize,
        buffers: &'a Buffers,
    ) -> anyhow::Result<Self> {
        let mut source = match format {
            InputFormat::Csv => Source {
                name,
                chunks: Chunks::Csv(Chunker::new(reader, CsvEnds::new(), chunk_size)),
                columns: StringRecord::new(),
                title: 0,
                text: 0,
                first: None,
                started: false,
                buffers,
            },
            InputFormat::Jsonl => Source {
                name,
                chunks: Chunks::Jsonl(Chunker::new(reader, LineEnds, chunk_size)),
                columns: StringRecord::from(vec![fields.title, fields.text]),
                title: 0,
                text: 1,
                first: None,
                started: false,
                buffers,
            },
            InputFormat::Text => return Err(usage("text input is not a dataset")),
        };
        if let InputFormat::Csv = format {
            let first = source.read_chunk()?.unwrap_or_default();
            let header = csv_records::read_header(&source.name, &first, fields, args.utf8.lossy)?;
            source.columns = header.columns;
            (source.title, source.text) = (header.title, header.text);
            source.first = Some(first);
        }
        Ok(source)
    }

    /// The next chunk, or `None` at the end of the input.
    fn next_chunk(&mut self) -> anyhow::Result<Option<Chunk>> {
        let bytes = match self.first.take() {
            Some(bytes) => Some(bytes).filter(|bytes| !bytes.is_empty()),
            None => self.read_chunk()?,
        };
        let first = !std::mem::replace(&mut self.started, true);
        Ok(bytes.map(|bytes| Chunk { bytes, first }))
    }

    fn read_chunk(&mut self) -> anyhow::Result<Option<Vec<u8>>> {
        let mut bytes = self.buffers.take();
        let more = match &mut self.chunks {
            Chunks::Csv(chunker) => chunker.next_chunk(&mut bytes),
            Chunks::Jsonl(chunker) => chunker.next_chunk(&mut bytes),
        }
        .map_err(|error| read_failed(&self.name, error))?;
        Ok(more.then_some(bytes))
    }
}

/// A chunk rendered: its output and what it held.
struct Rendered {
    output: Vec<u8>,
    counts: Counts,
    bytes: u64,
}

/// Writes rendered chunks in input order, keeping count of what came before each.
struct Sink<'a> {
    output: &'a mut Output,
    output_name: &'a str,
    progress: &'a Progress,
    buffers: &'a Buffers,
    base: Base,
}

impl Sink<'_> {
    /// Writes the next chunk, or reports its fault located in the input `name`.
    fn write(&mut self, name: &str, rendered: Result<Rendered, Fault>) -> anyhow::Result<()> {
        let rendered = rendered.map_err(|fault| fault.in_input(name, self.base))?;
        self.output
            .write_all(&rendered.output)
            .map_err(|error| write_failed(self.output_name, error))?;
        self.base.records += rendered.counts.records;
        self.base.lines += rendered.counts.lines;
        self.base.bytes += rendered.bytes;
        self.progress.add_done(rendered.counts.records);
        let mut output = rendered.output;
        output.clear();
        self.buffers.give(output);
        Ok(())
    }
}

/// Renders every chunk of `source` and writes them in input order, each worker of
/// `renderers` in turn reading a chunk, rendering it and writing whatever is next (this thread
/// is the first worker; with one, all runs here). At most [`Tuning::RECORDS`] chunks are in
/// flight, so memory stays flat whatever the thread count; the first fault or error in input
/// order is the one reported.
fn process(
    source: &mut Source<'_>,
    renderers: &Renderers,
    sink: &mut Sink<'_>,
) -> anyhow::Result<()> {
    let threads = renderers.pipelines.workers();
    let mut workers: Vec<usize> = (0..threads).collect();
    let (name, buffers) = (source.name.clone(), source.buffers);
    stemkit_ordered::run(
        &mut workers,
        Tuning::RECORDS.in_flight(threads),
        || source.next_chunk(),
        |worker, chunk| {
            let rendered = renderers.render(*worker, &chunk, buffers);
            let mut bytes = chunk.bytes;
            bytes.clear();
            buffers.give(bytes);
            rendered
        },
        |rendered| sink.write(&name, rendered),
    )
}

/// How chunks are rendered: a pipeline per worker thread, kept warm from chunk to chunk and
/// sharing one memory budget (see [`PerWorker`]), and what the records hold.
struct Renderers {
    pipelines: PerWorker,
    style: Style,
    format: InputFormat,
    columns: StringRecord,
    title: usize,
    text: usize,
    lossy: bool,
}

impl Renderers {
    fn new(pipeline: &Pipeline, style: Style, source: &Source<'_>, lossy: bool) -> Self {
        Renderers {
            pipelines: PerWorker::new(pipeline, rayon::current_num_threads()),
            style,
            format: match source.chunks {
                Chunks::Csv(_) => InputFormat::Csv,
                Chunks::Jsonl(_) => InputFormat::Jsonl,
            },
            columns: source.columns.clone(),
            title: source.title,
            text: source.text,
            lossy,
        }
    }

    /// Parses and renders one chunk with the pipeline of worker `worker`.
    fn render(&self, worker: usize, chunk: &Chunk, buffers: &Buffers) -> Result<Rendered, Fault> {
        self.pipelines.with_worker(worker, |pipeline| {
            self.render_with(pipeline, chunk, buffers.take())
        })
    }

    fn render_with(
        &self,
        pipeline: &mut Pipeline,
        chunk: &Chunk,
        mut output: Vec<u8>,
    ) -> Result<Rendered, Fault> {
        // Output is about the input plus its tokens.
        output.reserve(chunk.bytes.len() * 2);
        let mut writer = RecordWriter::new(self.style.format, output);
        let mut failed = None;
        let mut builder = RecordBuilder::new(self.style);
        let mut each = |record: &StringRecord| {
            let field = |i| record.get(i).unwrap_or("");
            let rendered = render(pipeline, &mut builder, field(self.title), field(self.text));
            if let Err(error) = writer.record(record, rendered) {
                failed.get_or_insert(error);
            }
        };
        let (bytes, first) = (chunk.bytes.as_slice(), chunk.first);
        let counts = match self.format {
            InputFormat::Jsonl => {
                jsonl_records::for_each_record(bytes, first, self.lossy, &self.columns, &mut each)
            }
            _ => csv_records::for_each_record(bytes, first, self.lossy, &self.columns, &mut each),
        }?;
        let output = match failed {
            None => writer.finish(),
            Some(error) => Err(error),
        }
        .map_err(|error| Fault {
            record: 0,
            line: 0,
            byte: 0,
            kind: FaultKind::Render(error.to_string()),
        })?;
        Ok(Rendered {
            output,
            counts,
            bytes: bytes.len() as u64,
        })
    }
}

/// One document: `title` verbatim, then the tokens of each line of `text` (a paragraph each).
fn render<'b>(
    pipeline: &mut Pipeline,
    builder: &'b mut RecordBuilder,
    title: &str,
    text: &str,
) -> &'b [u8] {
    builder.start(title);
    for paragraph in text.lines() {
        builder.paragraph(pipeline, paragraph);
    }
    builder.finish()
}
