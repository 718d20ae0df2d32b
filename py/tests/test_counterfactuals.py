"""counterfactuals and explain: the core's search for the one change of a
field that moves a record, through the native module."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import complaint_triage as ct
from conftest import REPO
from records import valid_records


def check_moves(record: dict[str, Any], policy: ct.Policy | None = None) -> int:
    """Applies each counterfactual to the record and checks the core grades
    it as said, away from the record's own grade or tier."""
    base = ct.assess(record, policy=policy)
    found = ct.counterfactuals(record, policy=policy)
    for c in found:
        assert c["field"] in ct.record_fields()
        assert c["from"] != c["to"]
        moved = ct.assess(dict(record, **{c["field"]: c["to"]}), policy=policy)
        assert (moved.grade, moved.tier) == (c["grade"], c["tier"])
        assert (moved.grade, moved.tier) != (base.grade, base.tier)
    return len(found)


def test_each_example_change_moves_it(examples: list[dict[str, Any]]) -> None:
    assert sum(check_moves(r) for r in examples) > 0
    calmer = ct.Policy.default().with_overrides('{"severity_levels": [50, 90]}')
    assert sum(check_moves(r, calmer) for r in examples) > 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_records())
def test_any_record_change_moves_it(record: dict[str, Any]) -> None:
    check_moves(record)


def test_values_are_spelled_as_the_record_spells_them(examples: list[dict[str, Any]]) -> None:
    kinds = {name: kind for name, kind, *_ in ct._record.RECORD_CONTRACT}
    seen = set()
    for r in examples:
        for c in ct.counterfactuals(r):
            kind = kinds[c["field"]]
            seen.add(kind)
            for v in (c["from"], c["to"]):
                expected = {"int": int, "bool": bool, "code": str, "list": list}[kind]
                assert isinstance(v, expected), c
    assert {"int", "code", "list"} <= seen


def test_a_bad_record_raises_its_error() -> None:
    with pytest.raises(ct.RecordError, match="emotion"):
        ct.counterfactuals({"emotion": 11})


def test_explain_of_a_record_ends_as_the_command_line_does(
    examples: list[dict[str, Any]],
) -> None:
    text = ct.explain(examples[0])
    assert "  what one change of a field would move it to:\n" in text
    assert "what one change" not in ct.explain(ct.assess(examples[0]))
    cli = next(
        (p for p in (REPO / "target" / d / "complaint-triage" for d in ("debug", "release")) if p.is_file()),
        None,
    )
    if cli is None:
        pytest.skip("the command line is not built")
    printed = subprocess.run(
        [str(cli), "explain", "--line", "1", str(REPO / "examples" / "complaints.jsonl")],
        capture_output=True, check=True,
    ).stdout.decode()
    # The command line adds the line number to the first line.
    assert printed.split("\n", 1)[1] == text.split("\n", 1)[1]
