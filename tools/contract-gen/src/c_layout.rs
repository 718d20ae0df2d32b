//! The C layout of a complaint (`ct_complaint` in `ffi-c/src/complaint.rs`)
//! and the result codes naming its fields (`CT_ERR_COMPLAINT_*` in
//! `ffi-c/src/result.rs`), kept up with the record contract.
//!
//! Both are ABI: a published field keeps its offset and a published code
//! its number. So the generated regions are not rewritten from scratch:
//! what they hold is kept line for line, and a field of the contract they
//! lack is added the one way that moves nothing: a one-byte field (a code
//! or a yes/no) takes the first byte of `reserved`, which shrinks by one,
//! and its code takes the next free number below 150. A wider field (an
//! integer or a list), or any field once `reserved` is gone, is refused
//! with a message that says to place it by hand at the end (cbindgen reads
//! the struct as written, so its layout must be literal Rust).

use complaint_triage::{FieldKind, FieldSpec, RECORD_CONTRACT};

/// The file holding `ct_complaint`.
pub const COMPLAINT_RS: &str = "ffi-c/src/complaint.rs";
/// The file holding the result codes.
pub const RESULT_RS: &str = "ffi-c/src/result.rs";
/// The lines around the fields of `ct_complaint`.
pub const FIELDS_BEGIN: &str =
    "    // BEGIN fields: kept up with the record contract by `cargo run -p contract-gen`";
/// The line after them.
pub const FIELDS_END: &str = "    // END fields";
/// The lines around the `CT_ERR_COMPLAINT_*` variants of `ct_result`.
pub const CODES_BEGIN: &str =
    "    // BEGIN complaint codes: kept up with the record contract by `cargo run -p contract-gen`";
/// The line after them.
pub const CODES_END: &str = "    // END complaint codes";
/// The lines around their rows of `describe_results!`.
pub const ROWS_BEGIN: &str =
    "    // BEGIN complaint rows: kept up with the record contract by `cargo run -p contract-gen`";
/// The line after them.
pub const ROWS_END: &str = "    // END complaint rows";

/// The first number after the complaint codes' group (110-149).
const CODES_STOP: u32 = 150;

/// The text between the `begin` and `end` lines of `text`.
pub fn between<'t>(text: &'t str, begin: &str, end: &str) -> Result<&'t str, String> {
    let start = text
        .find(begin)
        .ok_or_else(|| format!("no line {begin:?}"))?
        + begin.len();
    let start = start + usize::from(text[start..].starts_with('\n'));
    let stop = text[start..]
        .find(end)
        .ok_or_else(|| format!("no line {end:?} after {begin:?}"))?;
    Ok(&text[start..start + stop])
}

/// The contract fields (all but the id and the text) that the C struct
/// region `fields` does not hold yet, in contract order.
fn missing<'a>(fields: &str, contract: &'a [FieldSpec]) -> Vec<&'a FieldSpec> {
    contract
        .iter()
        .filter(|f| !matches!(f.kind, FieldKind::Id | FieldKind::Text))
        .filter(|f| {
            !fields
                .lines()
                .any(|l| l.trim().starts_with(&format!("pub {}:", f.name)))
        })
        .collect()
}

/// What a C caller is told of a field, from its declaration.
fn c_doc(f: &FieldSpec) -> String {
    let doc = f.doc.trim_end_matches('.');
    match (f.kind, f.vocabulary) {
        (FieldKind::Bool, _) => format!("{doc}: 1 for yes, 0 for no."),
        (_, Some(v)) => format!(
            "{doc}: `CT_VOCAB_{}` (default `{}`).",
            crate::screaming(v.type_name),
            f.default_code().unwrap_or("")
        ),
        _ => format!("{doc}."),
    }
}

/// The struct's fields with those of `contract` it lacks added in
/// `reserved`.
pub fn struct_fields(fields: &str, contract: &[FieldSpec]) -> Result<String, String> {
    let new = missing(fields, contract);
    if new.is_empty() {
        return Ok(fields.to_string());
    }
    let mut out = String::new();
    let mut reserved_seen = false;
    // The doc lines before a field, written once the field is reached.
    let mut pending = String::new();
    for line in fields.lines() {
        let trimmed = line.trim();
        let Some(size) = trimmed
            .strip_prefix("pub reserved: [u8; ")
            .and_then(|r| r.strip_suffix("],"))
        else {
            pending.push_str(line);
            pending.push('\n');
            if !trimmed.starts_with("///") {
                out.push_str(&pending);
                pending.clear();
            }
            continue;
        };
        reserved_seen = true;
        let size: usize = size
            .parse()
            .map_err(|_| format!("reserved size {size:?}"))?;
        for f in &new {
            if !matches!(f.kind, FieldKind::Bool | FieldKind::Code) {
                return Err(format!(
                    "`{}` is wider than a byte: place it in ct_complaint by hand, after \
                     `reserved` and aligned, with its CT_ERR_COMPLAINT_* (core/CONTRACT.md)",
                    f.name
                ));
            }
            out.push_str(&format!("    /// {}\n    pub {}: u8,\n", c_doc(f), f.name));
        }
        let left = size.checked_sub(new.len()).ok_or_else(|| {
            format!(
                "no reserved byte left in ct_complaint for `{}`: place it by hand after \
                 `reserved` (core/CONTRACT.md)",
                new[size].name
            )
        })?;
        // `reserved` and its doc lines, unless no byte is left of it.
        if left > 0 {
            out.push_str(&pending);
            out.push_str(&format!("    pub reserved: [u8; {left}],\n"));
        }
        pending.clear();
    }
    out.push_str(&pending);
    if !reserved_seen {
        // Every reserved byte has been taken: nothing more can be added
        // without moving a published field.
        return Err(format!(
            "no reserved byte left in ct_complaint for `{}`: place it by hand at the end of \
             the struct, aligned, with explicit padding (core/CONTRACT.md)",
            new[0].name
        ));
    }
    Ok(out)
}

/// `name` as its code's suffix: `sensitive_period` -> `SENSITIVE_PERIOD`.
fn upper(name: &str) -> String {
    name.to_ascii_uppercase()
}

/// The enum's complaint codes with a code appended for every contract
/// field that has none.
pub fn codes(variants: &str, contract: &[FieldSpec]) -> Result<String, String> {
    let mut out = variants.to_string();
    let mut next = variants
        .lines()
        .filter_map(|l| l.trim().strip_prefix("CT_ERR_COMPLAINT_"))
        .filter_map(|l| l.split(" = ").nth(1))
        .filter_map(|n| n.trim_end_matches(',').parse::<u32>().ok())
        .max()
        .ok_or("no CT_ERR_COMPLAINT_* code")?
        + 1;
    for f in contract {
        let code = format!("CT_ERR_COMPLAINT_{} = ", upper(f.name));
        if out.contains(&code) || matches!(f.kind, FieldKind::Text) {
            continue;
        }
        if next >= CODES_STOP {
            return Err(format!(
                "no complaint code left below {CODES_STOP} for `{}`",
                f.name
            ));
        }
        out.push_str(&format!(
            "    /// `ct_complaint.{}` is outside what the record contract accepts.\n    {code}{next},\n",
            f.name
        ));
        next += 1;
    }
    Ok(out)
}

/// The `describe_results!` rows with a row for every code [`codes`] adds.
pub fn rows(rows: &str, contract: &[FieldSpec]) -> String {
    let mut out = rows.to_string();
    for f in contract {
        let code = format!("CT_ERR_COMPLAINT_{} =>", upper(f.name));
        if out.contains(&code) || matches!(f.kind, FieldKind::Text) {
            continue;
        }
        let what = match f.kind {
            FieldKind::Bool => "neither 0 nor 1".to_string(),
            FieldKind::Code => format!(
                "not a {} index",
                f.vocabulary.map_or(f.name, |v| v.what).replace('_', " ")
            ),
            FieldKind::List => "a bit set past its vocabulary".to_string(),
            _ => format!("outside {}..={}", f.min, f.max),
        };
        out.push_str(&format!(
            "    {code} c\"{}\", c\"ct_complaint.{}: {what}\";\n",
            f.name, f.name
        ));
    }
    out
}

/// `text` with the region between `begin` and `end` made by `make`.
fn regenerate(
    text: &str,
    begin: &str,
    end: &str,
    make: impl FnOnce(&str) -> Result<String, String>,
) -> Result<String, String> {
    let body = make(between(text, begin, end)?)?;
    crate::splice(text, begin, end, &body)
}

/// `complaint.rs` and `result.rs` (their current text given) kept up with
/// the record contract.
pub fn c_files(complaint_rs: &str, result_rs: &str) -> Result<(String, String), String> {
    let complaint = regenerate(complaint_rs, FIELDS_BEGIN, FIELDS_END, |f| {
        struct_fields(f, RECORD_CONTRACT)
    })
    .map_err(|e| format!("{COMPLAINT_RS}: {e}"))?;
    let result = regenerate(result_rs, CODES_BEGIN, CODES_END, |c| {
        codes(c, RECORD_CONTRACT)
    })
    .and_then(|r| regenerate(&r, ROWS_BEGIN, ROWS_END, |rs| Ok(rows(rs, RECORD_CONTRACT))))
    .map_err(|e| format!("{RESULT_RS}: {e}"))?;
    Ok((complaint, result))
}

#[cfg(test)]
mod tests {
    use super::*;
    use complaint_triage::Category;

    const FIELDS: &str = "    /// Emotion.\n    pub emotion: u8,\n    /// Id.\n    pub id: [c_char; 65],\n    /// Reserved, set to 0.\n    pub reserved: [u8; 4],\n";

    fn spec(name: &'static str, kind: FieldKind) -> FieldSpec {
        FieldSpec {
            name,
            kind,
            rust_type: "bool",
            min: 0,
            max: 1,
            default: 0,
            doc: "Whether it came after hours.",
            vocabulary: (kind == FieldKind::Code).then_some(&Category::VOCABULARY),
        }
    }

    fn contract(extra: &[FieldSpec]) -> Vec<FieldSpec> {
        let mut c: Vec<FieldSpec> = RECORD_CONTRACT
            .iter()
            .filter(|f| f.name == "emotion" || f.name == "id")
            .copied()
            .collect();
        c.extend_from_slice(extra);
        c
    }

    #[test]
    fn an_up_to_date_layout_is_kept_as_it_is() {
        assert_eq!(struct_fields(FIELDS, &contract(&[])).unwrap(), FIELDS);
    }

    #[test]
    fn a_one_byte_field_takes_a_reserved_byte_and_the_next_code() {
        let new = [
            spec("after_hours", FieldKind::Bool),
            spec("source", FieldKind::Code),
        ];
        let got = struct_fields(FIELDS, &contract(&new)).unwrap();
        assert_eq!(
            got,
            "    /// Emotion.\n    pub emotion: u8,\n    /// Id.\n    pub id: [c_char; 65],\n    \
             /// Whether it came after hours: 1 for yes, 0 for no.\n    pub after_hours: u8,\n    \
             /// Whether it came after hours: `CT_VOCAB_CATEGORY` (default `basic_service`).\n    pub source: u8,\n    \
             /// Reserved, set to 0.\n    pub reserved: [u8; 2],\n"
        );
        let codes_now =
            "    /// Id.\n    CT_ERR_COMPLAINT_ID = 110,\n    CT_ERR_COMPLAINT_EMOTION = 140,\n";
        let got = codes(codes_now, &contract(&new)).unwrap();
        assert!(got.starts_with(codes_now));
        assert!(got.contains("    CT_ERR_COMPLAINT_AFTER_HOURS = 141,\n"));
        assert!(got.ends_with("    CT_ERR_COMPLAINT_SOURCE = 142,\n"));
        let got = rows("", &contract(&new));
        assert!(got.contains(
            "    CT_ERR_COMPLAINT_AFTER_HOURS => c\"after_hours\", c\"ct_complaint.after_hours: neither 0 nor 1\";\n"
        ));
        assert!(got.contains("c\"ct_complaint.source: not a category index\""));
    }

    #[test]
    fn the_last_reserved_byte_takes_reserved_away_and_a_fifth_is_refused() {
        let four = ["a", "b", "c", "d"].map(|n| spec(n, FieldKind::Bool));
        let got = struct_fields(FIELDS, &contract(&four)).unwrap();
        assert!(
            !got.contains("reserved") && !got.contains("Reserved"),
            "{got}"
        );
        assert!(got.ends_with("    pub d: u8,\n"));
        let five = ["a", "b", "c", "d", "e"].map(|n| spec(n, FieldKind::Bool));
        let e = struct_fields(FIELDS, &contract(&five)).unwrap_err();
        assert!(
            e.contains("no reserved byte left") && e.contains("`e`"),
            "{e}"
        );
    }

    #[test]
    fn once_reserved_is_gone_a_new_field_is_left_to_place_by_hand() {
        let full = "    /// Emotion.\n    pub emotion: u8,\n    /// Id.\n    pub id: [c_char; 65],\n    /// Whether.\n    pub a: u8,\n";
        let up_to_date = contract(&[spec("a", FieldKind::Bool)]);
        assert_eq!(struct_fields(full, &up_to_date).unwrap(), full);
        let more = [
            spec("a", FieldKind::Bool),
            spec("after_hours", FieldKind::Bool),
        ];
        let e = struct_fields(full, &contract(&more)).unwrap_err();
        assert!(
            e.contains("no reserved byte left") && e.contains("`after_hours`"),
            "{e}"
        );
    }

    #[test]
    fn a_wider_field_is_left_to_place_by_hand() {
        let e = struct_fields(FIELDS, &contract(&[spec("rights2", FieldKind::List)])).unwrap_err();
        assert!(e.contains("`rights2` is wider than a byte"), "{e}");
    }

    #[test]
    fn codes_stop_below_150() {
        let full = "    CT_ERR_COMPLAINT_ID = 149,\n";
        let e = codes(full, &contract(&[spec("x", FieldKind::Bool)])).unwrap_err();
        assert!(e.contains("below 150"), "{e}");
    }
}
