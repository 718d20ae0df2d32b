//! `core/RUBRIC.md` is generated from `Policy::DEFAULT`; this test keeps it so.

#[test]
fn rubric_md_matches_the_default_policy() {
    let mut fresh = String::new();
    complaint_triage::rubric::write_markdown(&complaint_triage::Policy::DEFAULT, &mut fresh)
        .unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("RUBRIC.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(stored == fresh, "core/RUBRIC.md is stale: run `UPDATE_GOLDEN=1 cargo test -p complaint-triage --test rubric_doc` (or `complaint-triage rubric > core/RUBRIC.md`)");
}

/// The record contract table of the README lists exactly the parser's
/// fields, and each enum field's row lists exactly its accepted codes.
#[test]
fn readme_record_contract_matches_the_parser() {
    use complaint_triage::*;
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"),
    )
    .unwrap();
    let table: Vec<&str> = readme
        .split("## The record contract")
        .nth(1)
        .expect("README has the record contract")
        .lines()
        .filter(|l| l.starts_with("| `"))
        .collect();
    let backticked = |cell: &str| -> Vec<String> {
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let mut documented = Vec::new();
    for row in &table {
        let cells: Vec<&str> = row.split('|').collect();
        documented.extend(backticked(cells[1]));
    }
    documented.sort();
    let mut fields: Vec<String> = RECORD_FIELDS.iter().map(|f| f.to_string()).collect();
    fields.sort();
    assert_eq!(documented, fields);

    let codes_of = |field: &str| -> Vec<String> {
        let row = table
            .iter()
            .find(|r| r.starts_with(&format!("| `{field}` |")))
            .unwrap_or_else(|| panic!("row of {field}"));
        let mut codes = backticked(row.split('|').nth(2).unwrap());
        codes.sort();
        codes
    };
    let expected = |list: &str| -> Vec<String> {
        let mut v: Vec<String> = list.split(", ").map(str::to_owned).collect();
        v.sort();
        v
    };
    for (field, list) in [
        ("category", Category::EXPECTED),
        ("channel", Channel::EXPECTED),
        ("customer_tier", CustomerTier::EXPECTED),
        ("personality", Personality::EXPECTED),
        ("motive", Motive::EXPECTED),
        ("expectation", Expectation::EXPECTED),
        ("liability", Liability::EXPECTED),
        ("evidence", Evidence::EXPECTED),
        ("jurisdiction", Jurisdiction::EXPECTED),
        ("rights", Right::EXPECTED),
        ("threats", Threat::EXPECTED),
        ("profile", Profile::EXPECTED),
        ("malice_signals", MaliceSignal::EXPECTED),
        ("handling_failures", HandlingFailure::EXPECTED),
    ] {
        assert_eq!(codes_of(field), expected(list), "README row of {field}");
    }
}
