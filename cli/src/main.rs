//! `complaint-triage`: grade customer complaints from JSON Lines.
//!
//! Exit status: 0 when every line was graded (blank lines included), 1 when
//! at least one line was answered with an error, 2 when the command could
//! not run to its end (bad arguments, a missing file, a bad policy, standard
//! output closed or a write that failed). A reader that stops early (`| head`)
//! ends the run quietly with the status of the lines written so far.

mod diff;
mod evaluate;
mod explain;
mod lines;
mod output;
mod policy_file;
mod score;
mod table;
mod terminal;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
        /// With `--format table`: how many of the most urgent lines to show
        /// (memory grows with this number, never with the input).
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        top: u32,
        /// With `--format table`: the table's width in columns (default:
        /// $COLUMNS, else the terminal's width, else 80).
        #[arg(long, value_parser = clap::value_parser!(u16).range(40..))]
        width: Option<u16>,
    },
    /// Explain the grading of one complaint, reason by reason.
    Explain {
        /// JSON Lines file, or `-`; with more than one record, pick one with --line or --id.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// Policy JSON overriding the default rubric.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Explain the record on this line (1-based, as `score` numbers lines).
        #[arg(long, conflicts_with = "id", value_parser = clap::value_parser!(u64).range(1..))]
        line: Option<u64>,
        /// Explain the first record with this id.
        #[arg(long)]
        id: Option<String>,
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
    /// Grade JSON Lines under two policies and summarise what changes: grade,
    /// tier and priority transitions, rows per tier, rows past each deadline,
    /// the factors whose points changed for the rows that moved. Streams in
    /// constant memory.
    Diff {
        /// Input file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// The policy in force (default: the default rubric).
        #[arg(long)]
        old: Option<PathBuf>,
        /// The policy to compare it with (default: the default rubric).
        #[arg(long)]
        new: Option<PathBuf>,
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
    // Lines answered with an error so far; kept outside `run` so that a
    // reader going away mid-run still gets the status they earned.
    let mut failed = 0usize;
    match run(cli, &mut failed) {
        Ok(()) => status(failed),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => status(failed),
        Err(e) => {
            eprintln!("complaint-triage: {e}");
            ExitCode::from(2)
        }
    }
}

fn status(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run(cli: Cli, failed: &mut usize) -> io::Result<()> {
    if output::was_closed() {
        return Err(io::Error::other(
            "standard output is closed: the results would be lost",
        ));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(output::Named(stdout.lock()));
    match cli.command {
        Command::Score {
            input,
            policy,
            format,
            top,
            width,
        } => {
            let policy = policy_file::load(policy.as_deref())?;
            let input = open(&input)?;
            match format {
                Format::Json => score::json(input, &policy, failed, &mut out)?,
                Format::Table => {
                    let width = width.unwrap_or_else(table::default_width);
                    score::table(input, &policy, top as usize, width, failed, &mut out)?
                }
            }
        }
        Command::Explain {
            input,
            policy,
            line,
            id,
        } => {
            let policy = policy_file::load(policy.as_deref())?;
            let pick = match (line, id) {
                (Some(n), _) => explain::Pick::Line(n as usize),
                (None, Some(id)) => explain::Pick::Id(id),
                (None, None) => explain::Pick::Only,
            };
            explain::explain(open(&input)?, &policy, &pick, failed, &mut out)?
        }
        Command::Evaluate { input, policy } => {
            let policy = policy_file::load(policy.as_deref())?;
            evaluate::evaluate(open(&input)?, &policy, failed, &mut out)?
        }
        Command::Diff { input, old, new } => {
            let old = policy_file::load(old.as_deref())?;
            let new = policy_file::load(new.as_deref())?;
            diff::diff(open(&input)?, &old, &new, failed, &mut out)?
        }
        Command::Rubric { policy } => {
            let policy = policy_file::load(policy.as_deref())?;
            let mut doc = String::new();
            complaint_triage::rubric::write_markdown(&policy, &mut doc)
                .map_err(io::Error::other)?;
            out.write_all(doc.as_bytes())?;
        }
        Command::Policy { policy } => {
            let policy = policy_file::load(policy.as_deref())?;
            let mut buf = vec![0u8; 64 * 1024];
            let n =
                complaint_triage::write_policy_json(&policy, &mut buf).map_err(io::Error::other)?;
            out.write_all(&buf[..n])?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
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
