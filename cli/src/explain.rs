//! `explain`: the grading of one complaint, reason by reason.

use std::io::{self, BufRead, Write};

use complaint_triage::{
    assess, parse_complaint, write_counterfactuals, write_explanation, write_text_evidence,
    Complaint, ParseError, Policy, RECORD_LIMITS,
};

use crate::lines::{is_blank, Line, LineReader};
use crate::terminal::{escape, escape_lines};

/// Which record of the input to explain.
pub enum Pick {
    /// The only record; more than one is an error naming two of their lines.
    Only,
    /// The record on this line (1-based).
    Line(usize),
    /// The first record with this id.
    Id(String),
}

/// A record read from its line, with its free text (kept to show the
/// words the text's reasons came from; a record keeps only what grading
/// reads of it).
struct Read {
    record: Result<Complaint, ParseError>,
    text: Option<String>,
}

fn parse(line: Line<'_>) -> Read {
    match line {
        Line::Text(t) => {
            let record = parse_complaint(t);
            let text = record.is_ok().then(|| text_of(t)).flatten();
            Read { record, text }
        }
        Line::TooLong => Read {
            record: Err(ParseError::too_large(RECORD_LIMITS.max_bytes)),
            text: None,
        },
    }
}

/// The `text` of a record that parsed (so the line is a JSON object).
pub fn text_of(line: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(line).ok()?;
    value.get("text")?.as_str().map(str::to_string)
}

fn refuse(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// Prints the explanation of the record `pick` selects, or, if that record
/// cannot be read, `line N: <error>` (and counts it in `failed`). A pick
/// that selects nothing is an error of the command.
pub fn explain(
    input: impl BufRead,
    policy: &Policy,
    pick: &Pick,
    failed: &mut usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut reader = LineReader::new(input, RECORD_LIMITS.max_bytes);
    let mut found: Option<(usize, Read)> = None;
    let mut lines = 0;
    let mut unreadable: Option<(usize, usize)> = None;
    while let Some((number, line)) = reader.next_line()? {
        lines = number;
        let blank = matches!(line, Line::Text(t) if is_blank(t));
        match pick {
            Pick::Line(n) if number < *n => {}
            Pick::Line(n) if blank => return Err(refuse(format!("line {n} is blank"))),
            Pick::Line(_) => {
                found = Some((number, parse(line)));
                break;
            }
            _ if blank => {}
            Pick::Only => {
                if let Some((first, _)) = found {
                    return Err(refuse(format!(
                        "the input holds more than one record (lines {first} and {number}): \
                         pick one with --line N or --id ID"
                    )));
                }
                found = Some((number, parse(line)));
            }
            Pick::Id(id) => match parse(line) {
                read @ Read { record: Ok(_), .. } => {
                    if read.record.as_ref().is_ok_and(|c| c.id.as_str() == id) {
                        found = Some((number, read));
                        break;
                    }
                }
                Read { record: Err(_), .. } => {
                    let (count, _) = unreadable.get_or_insert((0, number));
                    *count += 1;
                }
            },
        }
    }
    let Some((
        number,
        Read {
            record,
            text: record_text,
        },
    )) = found
    else {
        return Err(refuse(match pick {
            Pick::Only => "no record in the input".to_string(),
            Pick::Line(n) => format!("no line {n}: the input has {lines} lines"),
            Pick::Id(id) => {
                let mut message = format!("no record with id \"{}\"", escape(id));
                if let Some((count, first)) = unreadable {
                    message += &format!(
                        " ({count} lines could not be read, the first at line {first}; \
                         `score` names their errors)"
                    );
                }
                message
            }
        }));
    };
    match record {
        Ok(c) => {
            let a = assess(&c, policy);
            let mut text = String::new();
            write_explanation(&a, &mut text).map_err(io::Error::other)?;
            if let Some(t) = &record_text {
                write_text_evidence(&a, t, &mut text).map_err(io::Error::other)?;
            }
            write_counterfactuals(&c, policy, &mut text).map_err(io::Error::other)?;
            // The first line is the id, the one piece of record text shown.
            let id = if a.id.is_empty() {
                "(no id)"
            } else {
                a.id.as_str()
            };
            match text.strip_prefix(id).and_then(|r| r.strip_prefix('\n')) {
                Some(rest) => {
                    writeln!(out, "{}  (line {number})", escape(id))?;
                    out.write_all(escape_lines(rest).as_bytes())
                }
                None => out.write_all(escape_lines(&text).as_bytes()),
            }
        }
        Err(e) => {
            *failed += 1;
            writeln!(out, "line {number}: {}", escape(&e.to_string()))
        }
    }
}
