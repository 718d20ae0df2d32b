//! `complaint-triage`: grade customer complaints from JSON Lines.

mod explain;
mod lines;
mod table;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use complaint_triage::{
    assess_into, parse_complaint, parse_policy, write_assessment_json, write_error_json,
    Assessment, ParseError, Policy, MAX_ASSESSMENT_JSON, RECORD_LIMITS,
};

use lines::{Line, LineReader};

/// Grade customer complaints by an explicit, documented rubric.
#[derive(Parser)]
#[command(name = "complaint-triage", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Grade JSON Lines (one complaint per line); one result per input line, in order.
    Score {
        /// Input file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// Policy JSON overriding the default rubric.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Explain the grading of one complaint, reason by reason.
    Explain {
        /// File holding one JSON record (the first non-blank line is used), or `-`.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// Policy JSON overriding the default rubric.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Score the outcomes of closed complaints: lines of `{"record": {...}, "outcome": {...}}`.
    Evaluate {
        /// Input file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// Policy JSON overriding the default rubric.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Print the rubric (Markdown) of the default or a given policy.
    Rubric {
        /// Policy JSON overriding the default rubric.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Print the effective policy as JSON.
    Policy {
        /// Policy JSON overriding the default rubric.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object per input line.
    Json,
    /// A ranked table for a person.
    Table,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("complaint-triage: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> io::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Score {
            input,
            policy,
            format,
        } => {
            let policy = load_policy(policy.as_deref())?;
            score(open(&input)?, &policy, format, &mut out)?
        }
        Command::Explain { input, policy } => {
            let policy = load_policy(policy.as_deref())?;
            explain::explain(open(&input)?, &policy, &mut out)?
        }
        Command::Evaluate { input, policy } => {
            let policy = load_policy(policy.as_deref())?;
            explain::evaluate(open(&input)?, &policy, &mut out)?
        }
        Command::Rubric { policy } => {
            let policy = load_policy(policy.as_deref())?;
            let mut doc = String::new();
            complaint_triage::rubric::write_markdown(&policy, &mut doc)
                .map_err(io::Error::other)?;
            out.write_all(doc.as_bytes())?;
            ExitCode::SUCCESS
        }
        Command::Policy { policy } => {
            let policy = load_policy(policy.as_deref())?;
            let mut buf = vec![0u8; 64 * 1024];
            let n =
                complaint_triage::write_policy_json(&policy, &mut buf).map_err(io::Error::other)?;
            out.write_all(&buf[..n])?;
            out.write_all(b"\n")?;
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

/// Opens a file, or standard input for `-`.
fn open(path: &Path) -> io::Result<Box<dyn BufRead>> {
    if path.as_os_str() == "-" {
        Ok(Box::new(BufReader::new(io::stdin())))
    } else {
        let file = File::open(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        Ok(Box::new(BufReader::with_capacity(64 * 1024, file)))
    }
}

/// The largest policy document the core accepts (its policy limits).
const MAX_POLICY_BYTES: usize = 64 * 1024;

/// The default policy, or the one in `path`. At most [`MAX_POLICY_BYTES`]
/// and one byte more are read, so `/dev/zero` or a huge file fails at once
/// with a message naming the file instead of filling memory.
fn load_policy(path: Option<&Path>) -> io::Result<Policy> {
    let Some(path) = path else {
        return Ok(Policy::DEFAULT);
    };
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_POLICY_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(named)?;
    if bytes.len() > MAX_POLICY_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{}: policy too large: more than {} bytes (64 KiB), the limit of a policy",
                path.display(),
                MAX_POLICY_BYTES
            ),
        ));
    }
    parse_policy(&bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {e}", path.display()),
        )
    })
}

/// What grading one line gave.
pub(crate) enum Graded<'a> {
    /// A blank line: nothing to grade, nothing written.
    Blank,
    /// The assessment.
    Ok(&'a Assessment),
    /// Why the line could not be graded.
    Err(ParseError),
}

/// Grades every line of `input`, calling `each` with the line number and result.
/// Returns how many lines failed.
pub(crate) fn grade_lines(
    input: impl BufRead,
    policy: &Policy,
    mut each: impl FnMut(usize, Graded<'_>) -> io::Result<()>,
) -> io::Result<usize> {
    let mut reader = LineReader::new(input, RECORD_LIMITS.max_bytes);
    let mut assessment = Assessment::EMPTY;
    let mut failed = 0;
    while let Some((number, line)) = reader.next_line()? {
        let result = match line {
            Line::Text(t) if t.iter().all(u8::is_ascii_whitespace) => Graded::Blank,
            Line::Text(t) => match parse_complaint(t) {
                Ok(c) => {
                    assess_into(&c, policy, &mut assessment);
                    Graded::Ok(&assessment)
                }
                Err(e) => Graded::Err(e),
            },
            Line::TooLong => Graded::Err(ParseError::too_large(RECORD_LIMITS.max_bytes)),
        };
        if matches!(result, Graded::Err(_)) {
            failed += 1;
        }
        each(number, result)?;
    }
    Ok(failed)
}

fn score(
    input: impl BufRead,
    policy: &Policy,
    format: Format,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let mut buf = vec![0u8; MAX_ASSESSMENT_JSON];
    let failed = match format {
        Format::Json => grade_lines(input, policy, |number, graded| {
            match graded {
                Graded::Blank => return Ok(()),
                Graded::Ok(a) => {
                    let n = write_assessment_json(a, &mut buf).map_err(io::Error::other)?;
                    out.write_all(&buf[..n])?;
                }
                Graded::Err(e) => write_line_error(out, number, &e, &mut buf)?,
            }
            out.write_all(b"\n")
        })?,
        Format::Table => {
            let mut rows = Vec::new();
            let failed = grade_lines(input, policy, |number, graded| {
                match graded {
                    Graded::Blank => {}
                    Graded::Ok(a) => rows.push(table::Row::new(number, a)),
                    Graded::Err(e) => rows.push(table::Row::error(number, &e)),
                }
                Ok(())
            })?;
            table::print(&mut rows, out)?;
            failed
        }
    };
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes `{"line": N, "error": {...}}`.
pub(crate) fn write_line_error(
    out: &mut impl Write,
    number: usize,
    e: &ParseError,
    buf: &mut [u8],
) -> io::Result<()> {
    let n = write_error_json(e, buf).map_err(io::Error::other)?;
    write!(out, "{{\"line\":{number},\"error\":")?;
    out.write_all(&buf[..n])?;
    out.write_all(b"}")
}
