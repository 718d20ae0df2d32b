//! Every checked-in generated file equals a fresh generation from the
//! record contract: a field or code added in core without regenerating
//! fails here, naming the file and the command.

use contract_gen::{outputs, repo_root, REGENERATE};

#[test]
fn checked_in_files_equal_a_fresh_generation() {
    let root = repo_root();
    let mut stale = Vec::new();
    for output in outputs(&root).unwrap() {
        let path = root.join(output.path);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != output.contents {
            stale.push(output.path);
        }
    }
    assert!(
        stale.is_empty(),
        "generated from the record contract but not up to date: {}\nrun `{REGENERATE}` and commit the result",
        stale.join(", ")
    );
}

#[test]
fn the_readme_table_is_spliced_between_its_markers_only() {
    let text = "before\nBEGIN\nold\nrows\nEND\nafter\n";
    let got = contract_gen::splice(text, "BEGIN", "END", "new\n").unwrap();
    assert_eq!(got, "before\nBEGIN\nnew\nEND\nafter\n");
    assert!(contract_gen::splice("no markers", "BEGIN", "END", "x").is_err());
}

#[test]
fn every_c_constant_is_new_to_the_main_header() {
    // The main header defines CT_* macros of its own (CT_DIMENSION_COUNT,
    // CT_ERROR_KIND_NONE...); a generated constant of the same name would
    // not compile.
    let main =
        std::fs::read_to_string(repo_root().join("ffi-c/include/complaint_triage.h")).unwrap();
    let codes = contract_gen::c_codes_header();
    for line in codes.lines() {
        let Some(name) = line
            .trim()
            .split(" = ")
            .next()
            .filter(|n| n.starts_with("CT_"))
        else {
            continue;
        };
        assert!(
            !main.contains(&format!("#define {name} ")) && !main.contains(&format!(" {name} = ")),
            "{name} is also defined in complaint_triage.h"
        );
    }
}

#[test]
fn constant_names_follow_the_vocabulary_names() {
    assert_eq!(contract_gen::screaming("MaliceSignal"), "MALICE_SIGNAL");
    let h = contract_gen::c_codes_header();
    assert!(h.contains("    CT_CATEGORY_BILLING = 1,\n"));
    assert!(h.contains("    CT_THREAT_MEDIA = 1u << 0,\n"));
    assert!(h.contains("    CT_FACTOR_THREAT_MEDIA = "));
}

#[test]
fn every_integer_field_range_is_generated_into_the_record_reader() {
    let outputs = outputs(&repo_root()).unwrap();
    let record = outputs
        .iter()
        .find(|o| o.path == contract_gen::RECORD_RS)
        .expect("the record reader is generated");
    let ints: Vec<_> = complaint_triage::RECORD_CONTRACT
        .iter()
        .filter(|f| f.kind == complaint_triage::FieldKind::Int)
        .collect();
    assert!(record.contents.contains(&format!(
        "pub const RECORD_INT_RANGES: [IntRange; {}] = [",
        ints.len()
    )));
    for f in ints {
        let row = format!(
            "    range(\"{}\", {}, {}, \"an integer in {}..={}",
            f.name, f.min, f.max, f.min, f.max
        );
        assert!(record.contents.contains(&row), "{row}");
    }
    // What the readers use is what was generated.
    for r in complaint_triage::RECORD_INT_RANGES {
        let unit = if r.max == complaint_triage::MAX_AMOUNT {
            " (minor units)"
        } else {
            ""
        };
        assert_eq!(
            r.expected,
            format!("an integer in {}..={}{unit}", r.min, r.max)
        );
    }
}
