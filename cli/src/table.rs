//! The ranked table of `score --format table`: the most urgent lines only,
//! kept in a bounded heap, laid out to the terminal's width.

use std::collections::BinaryHeap;
use std::io::{self, Write};

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Row as TableRow, Table, Width,
};
use complaint_triage::{Assessment, Reason};

use crate::score::Graded;
use crate::terminal::escape;

/// Borders: none but the line under the header; columns are one space apart.
const HEADER_LINE_ONLY: &str = "     ──             ";

/// The width when neither `--width`, `$COLUMNS` nor a terminal says.
const FALLBACK_WIDTH: u16 = 80;

/// The table's width: `$COLUMNS` if it is a number, else the width of the
/// terminal on standard output, else 80 columns.
pub fn default_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&w| w > 0)
        .or_else(|| terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| w.0))
        .unwrap_or(FALLBACK_WIDTH)
}

/// Rank: priority (P1 first), then grade (most serious first), then
/// escalation risk (highest first), then line number; errors last.
type Key = (u8, u8, u8, usize);

fn graded_key(line: usize, a: &Assessment) -> Key {
    (
        a.priority,
        3 - a.grade.index(),
        100 - a.scores.escalation_risk,
        line,
    )
}

fn failed_key(line: usize) -> Key {
    (u8::MAX, u8::MAX, u8::MAX, line)
}

/// One line of the table: a graded complaint or a line that failed.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    key: Key,
    cells: Vec<String>,
}

impl Row {
    fn graded(line: usize, a: &Assessment) -> Row {
        let s = &a.scores;
        Row {
            key: graded_key(line, a),
            cells: vec![
                line.to_string(),
                escape(a.id.as_str()).into_owned(),
                format!("P{}", a.priority),
                a.grade.code().to_string(),
                a.tier.code().to_string(),
                s.severity.to_string(),
                s.impact.to_string(),
                s.difficulty.to_string(),
                s.escalation_risk.to_string(),
                s.malice.to_string(),
                format!("{}m/{}h", a.first_response_minutes, a.resolution_hours),
                top_reasons(a),
            ],
        }
    }

    fn failed(line: usize, message: &str) -> Row {
        let mut cells = vec![String::new(); HEADER.len()];
        cells[0] = line.to_string();
        cells[1] = "—".into();
        cells[HEADER.len() - 1] = format!("ERROR {}", escape(message));
        Row {
            key: failed_key(line),
            cells,
        }
    }
}

const HEADER: [&str; 12] = [
    "line", "id", "pri", "grade", "tier", "sev", "imp", "dif", "esc", "mal", "deadline", "reasons",
];

/// The three reasons with the most points, all dimensions together.
fn top_reasons(a: &Assessment) -> String {
    let mut reasons: Vec<Reason> = a.reasons().filter(|r| r.points > 0).collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.points));
    reasons
        .iter()
        .take(3)
        .map(|r| {
            format!(
                "{} +{} {}",
                r.factor.code(),
                r.points,
                short(r.dimension.code())
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The column name of a dimension.
fn short(dimension: &str) -> &str {
    match dimension {
        "severity" => "sev",
        "impact" => "imp",
        "difficulty" => "dif",
        "escalation_risk" => "esc",
        "malice" => "mal",
        other => other,
    }
}

/// The most urgent lines seen so far, at most `top` of them, and counts of
/// every line.
pub struct Ranking {
    top: usize,
    /// A max-heap: its greatest element is the least urgent row kept, the
    /// one to drop when a more urgent row comes.
    kept: BinaryHeap<Row>,
    graded: usize,
    failed: usize,
    first_failed: Option<usize>,
    blank: usize,
}

impl Ranking {
    /// An empty ranking keeping at most `top` rows.
    pub fn new(top: usize) -> Ranking {
        Ranking {
            top: top.max(1),
            kept: BinaryHeap::with_capacity(top.clamp(1, 1024) + 1),
            graded: 0,
            failed: 0,
            first_failed: None,
            blank: 0,
        }
    }

    /// Counts one line and keeps its row if it is among the `top` most urgent.
    pub fn add(&mut self, line: usize, graded: Graded<'_>) {
        // The key first: most lines of a large input are not kept, and
        // their cells are then never written.
        let row = match graded {
            Graded::Blank => {
                self.blank += 1;
                return;
            }
            Graded::Ok(a, _) => {
                self.graded += 1;
                self.keeps(graded_key(line, a))
                    .then(|| Row::graded(line, a))
            }
            Graded::Err(e) => {
                self.failed += 1;
                self.first_failed.get_or_insert(line);
                self.keeps(failed_key(line))
                    .then(|| Row::failed(line, &e.to_string()))
            }
        };
        if let Some(row) = row {
            if self.kept.len() == self.top {
                self.kept.pop();
            }
            self.kept.push(row);
        }
    }

    /// Whether a row of this key is among the `top` most urgent so far.
    fn keeps(&self, key: Key) -> bool {
        self.kept.len() < self.top || self.kept.peek().is_some_and(|worst| key < worst.key)
    }

    /// Prints the kept rows, most urgent first, `width` columns wide, then
    /// what was left out and the legend.
    pub fn print(self, width: u16, out: &mut impl Write) -> io::Result<()> {
        let rows = self.kept.into_sorted_vec();
        let shown = rows.len();
        let mut table = Table::new();
        table
            .load_preset(HEADER_LINE_ONLY)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .set_truncation_indicator("…")
            .set_header(HEADER);
        for row in rows {
            let mut cells = TableRow::from(row.cells.into_iter().enumerate().map(|(i, c)| {
                let cell = Cell::new(c);
                if i == 0 || (5..10).contains(&i) {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
            cells.max_height(1);
            table.add_row(cells);
        }
        for (i, column) in table.column_iter_mut().enumerate() {
            column.set_padding((0, 0));
            // Only the id and the reasons give way to a narrow terminal.
            column.set_constraint(match i {
                1 => ColumnConstraint::Boundaries {
                    lower: Width::Fixed(6),
                    upper: Width::Fixed(24),
                },
                11 => ColumnConstraint::LowerBoundary(Width::Fixed(8)),
                _ => ColumnConstraint::ContentWidth,
            });
        }
        let total = self.graded + self.failed;
        writeln!(out, "{table}")?;
        write!(
            out,
            "{shown} of {total} lines shown ({} graded, {} failed",
            self.graded, self.failed
        )?;
        if let Some(line) = self.first_failed {
            write!(out, ", the first at line {line}")?;
        }
        writeln!(out, ", {} blank)", self.blank)?;
        if shown < total {
            writeln!(
                out,
                "the {} less urgent are left out: raise --top, or use the JSON output",
                total - shown
            )?;
        }
        out.write_all(LEGEND.as_bytes())
    }
}

/// What the columns mean and how the rows are ranked, each line under 80
/// columns.
const LEGEND: &str = "\
scores 0-100: sev severity, imp impact, dif difficulty, esc escalation risk,
mal malice. pri priority, P1 most urgent. deadline: first response in minutes /
resolution in hours. Ranked by priority first, then grade, then escalation
risk: a P2 moderate ranks above a P3 major, since priority also weighs urgency.
";
