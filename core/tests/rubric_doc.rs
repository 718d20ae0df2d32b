//! `core/RUBRIC.md` is generated from `Policy::DEFAULT`; this test keeps it so.

#[test]
fn rubric_md_matches_the_default_policy() {
    let mut fresh = String::new();
    complaint_triage::rubric::write_markdown(&complaint_triage::Policy::DEFAULT, &mut fresh).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("RUBRIC.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(stored == fresh, "core/RUBRIC.md is stale: run `UPDATE_GOLDEN=1 cargo test -p complaint-triage --test rubric_doc` (or `complaint-triage rubric > core/RUBRIC.md`)");
}
