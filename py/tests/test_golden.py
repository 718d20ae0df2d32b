"""Golden vectors: every path gives the core's results, byte for byte."""

from __future__ import annotations

import json
from typing import Any

import pytest

import complaint_triage as ct
from frames import KINDS, expected_row, rows_of, to_frame
from conftest import load_span_vectors, load_vectors

VECTORS = load_vectors()
CASES = VECTORS["cases"]
ERRORS = VECTORS["errors"]
#: A record with text: its JSON with the spans of the words behind the
#: reasons the text raised, as `assess` and `assess_json` write it.
WITH_SPANS = {c["name"]: c["expected_json"] for c in load_span_vectors()["cases"]}


def single_record_json(case: dict[str, Any]) -> str:
    """What `assess` and `assess_json` write for a case's record."""
    expected: str = WITH_SPANS.get(case["name"], case["expected_json"])
    return expected


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_assess_json_is_the_cores_json(case: dict[str, Any]) -> None:
    expected = single_record_json(case)
    assert ct.assess_json(case["record_json"]).to_json() == expected
    assert ct.assess_json(case["record_json"].encode()).to_json() == expected


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_assess_mapping_is_the_cores_json(case: dict[str, Any]) -> None:
    a = ct.assess(json.loads(case["record_json"]))
    assert a.to_json() == single_record_json(case)
    expected = json.loads(single_record_json(case))
    assert a.to_dict() == expected
    for key in ("id", "severity", "impact", "difficulty", "escalation_risk", "malice", "grade", "tier",
                "tier_basis", "priority", "severity_level", "impact_level", "urgency_level",
                "first_response_minutes", "resolution_hours", "resolution_capped",
                "regulatory_deadline_hours", "past_regulatory_deadline", "follow_up_hours", "gates",
                "claim_ratio_permille", "claim_unreasonable", "suggested_category", "playbook",
                "text_cues",
                "raw_scores", "reasons"):
        assert getattr(a, key) == expected[key], key
    assert a.scores == {k: expected[k] for k in ("severity", "impact", "difficulty", "escalation_risk", "malice")}


def test_assess_many_matches_case_by_case() -> None:
    records = [json.loads(c["record_json"]) for c in CASES]
    got = ct.assess_many(records)
    assert [a.to_json() for a in got] == [c["expected_json"] for c in CASES]
    # JSON texts (a JSON Lines file) give the same, blank lines skipped.
    lines = [c["record_json"] for c in CASES] + ["", "  "]
    assert [a.to_json() for a in ct.assess_many(iter(lines))] == [c["expected_json"] for c in CASES]
    assert ct.assess_many([]) == []


@pytest.mark.parametrize("kind", KINDS)
def test_assess_frame_matches_the_core(kind: str) -> None:
    records = [json.loads(c["record_json"]) for c in CASES]
    graded = ct.assess_frame(to_frame(records, kind))
    assert rows_of(graded) == [expected_row(json.loads(c["expected_json"])) for c in CASES]


@pytest.mark.parametrize("kind", KINDS)
def test_assess_frame_error_column_matches_the_core(kind: str) -> None:
    records = [json.loads(c["record_json"]) for c in CASES]
    graded = ct.assess_frame(to_frame(records, kind), errors="column")
    rows = rows_of(graded, ct.OUTPUT_COLUMNS + ("error",))
    for row, c in zip(rows, CASES):
        assert row.pop("error") is None
        assert row == expected_row(json.loads(c["expected_json"]))


@pytest.mark.parametrize("err", ERRORS, ids=[e["name"] for e in ERRORS])
def test_error_vectors_through_assess_json(err: dict[str, Any]) -> None:
    exp = err["expected"]
    with pytest.raises(ct.RecordError) as info:
        ct.assess_json(err["input"])
    e = info.value
    assert (e.kind, e.field or "", e.index, e.offset, str(e)) == (
        exp["kind"], exp["field"], exp["index"], exp["offset"], exp["message"])
    assert e.row is None
    assert isinstance(e, TypeError) == (exp["kind"] == "wrong_type")


def _utf8(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _mapping_of(text: str) -> dict[str, Any] | None:
    """The input as a mapping, when JSON can say it as one (no duplicate
    keys, an object, no null)."""
    try:
        pairs = json.loads(text, object_pairs_hook=lambda p: p)
    except json.JSONDecodeError:
        return None
    if not text.lstrip().startswith("{") or not isinstance(pairs, list):
        return None
    if len({k for k, _ in pairs}) != len(pairs):
        return None
    if any(v is None for _, v in pairs):
        return None  # None means "not given" in a mapping
    lists = {"rights", "threats", "profile", "malice_signals", "handling_failures"}
    if any(k in lists and isinstance(v, str) for k, v in pairs):
        return None  # a string is a comma-separated list in a mapping
    if any(isinstance(v, float) and v.is_integer() for _, v in pairs):
        return None  # a whole float is an integer in a mapping, as in a frame
    return dict(pairs)


@pytest.mark.parametrize("err", ERRORS, ids=[e["name"] for e in ERRORS])
def test_error_vectors_through_mappings_and_frames(err: dict[str, Any]) -> None:
    record = _mapping_of(err["input"])
    if record is None:
        pytest.skip("not expressible as a mapping")
    exp = err["expected"]
    if exp["kind"] == "too_large":
        pytest.skip("a limit on JSON text as written: a mapping's limits apply to its values (test_limits.py)")
    field = exp["field"]
    if exp["kind"] == "invalid_json" and "lone surrogate" in exp["message"]:
        # In a mapping, a str holding a lone surrogate: the package names
        # the field it is in, which the core cannot (test_record_inputs.py).
        (field,) = record
    with pytest.raises(ct.RecordError) as info:
        ct.assess(record)
    assert (info.value.kind, info.value.field or "", info.value.index) == (exp["kind"], field, exp["index"])
    # In a batch and in a frame the row is named too.
    with pytest.raises(ct.RecordError) as info:
        ct.assess_many([{}, record])
    assert (info.value.kind, info.value.row) == (exp["kind"], 1)
    assert str(info.value).startswith("row 1: ")
    if field == "":
        return  # an unknown column is simply not a record column in a frame
    if any(isinstance(v, str) and not _utf8(v) for v in record.values()):
        return  # a lone surrogate cannot be a frame cell (Arrow strings are UTF-8)
    import pandas as pd

    frame = pd.DataFrame({k: [None, v] if not isinstance(v, list) else [None, v] for k, v in record.items()})
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(frame)
    assert (info.value.kind, info.value.field, info.value.row) == (exp["kind"], field, 1)
    graded = ct.assess_frame(frame, errors="column")
    assert graded["error"].isna().tolist() == [True, False]
    assert graded["severity"].isna().tolist() == [False, True]
