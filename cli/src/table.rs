//! The ranked table of `score --format table`.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};
use complaint_triage::{Assessment, ParseError, Reason};

/// One line of the table: a graded complaint or a line that failed.
pub struct Row {
    line: usize,
    /// Sort key: priority, then grade (most serious first), then escalation risk.
    key: (u8, u8, u8),
    cells: Vec<String>,
}

impl Row {
    pub fn new(line: usize, a: &Assessment) -> Row {
        let s = &a.scores;
        Row {
            line,
            key: (a.priority, 3 - a.grade.index(), 100 - s.escalation_risk),
            cells: vec![
                a.id.to_string(),
                format!("P{}", a.priority),
                format!("{} {}", a.grade.code(), a.grade.name_zh()),
                a.tier.code().to_string(),
                s.severity.to_string(),
                s.impact.to_string(),
                s.difficulty.to_string(),
                s.escalation_risk.to_string(),
                s.malice.to_string(),
                format!(
                    "{} min / {} h",
                    a.first_response_minutes, a.resolution_hours
                ),
                top_reasons(a),
            ],
        }
    }

    pub fn error(line: usize, e: &ParseError) -> Row {
        let mut cells = vec![String::new(); 10];
        cells[0] = "—".into();
        cells.push(format!("ERROR {e}"));
        Row {
            line,
            key: (u8::MAX, 0, 0),
            cells,
        }
    }
}

/// The three reasons with the most points, all dimensions together.
fn top_reasons(a: &Assessment) -> String {
    let mut reasons: Vec<Reason> = a.reasons().filter(|r| r.points > 0).collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.points));
    reasons
        .iter()
        .take(3)
        .map(|r| format!("{} +{} {}", r.factor.code(), r.points, r.dimension.code()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Prints the rows ranked most urgent first (errors last, in line order).
pub fn print(rows: &mut [Row], out: &mut impl Write) -> io::Result<()> {
    rows.sort_by_key(|r| (r.key, r.line));
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            "#",
            "line",
            "id",
            "priority",
            "grade",
            "tier",
            "sev",
            "imp",
            "dif",
            "esc",
            "mal",
            "respond / resolve",
            "top reasons",
        ]);
    for (rank, row) in rows.iter().enumerate() {
        let mut cells = vec![Cell::new(rank + 1), Cell::new(row.line)];
        cells.extend(row.cells.iter().enumerate().map(|(i, c)| {
            let cell = Cell::new(c);
            if (3..9).contains(&i) {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
        table.add_row(cells);
    }
    writeln!(out, "{table}")
}
