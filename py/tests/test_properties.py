"""Property tests: bounds, monotonicity, determinism, and the frame reader
agreeing with the core's parser on any record, valid or not."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import complaint_triage as ct
from frames import KINDS, expected_row, rows_of, to_frame
from records import BOOL_FIELDS, LIST_FIELDS, bad_values, codes, valid_records

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(valid_records())
def test_scores_are_within_0_and_100(record: dict[str, Any]) -> None:
    a = ct.assess(record)
    for v in (a.severity, a.impact, a.difficulty, a.escalation_risk, a.malice):
        assert 0 <= v <= 100
    assert a.scores == {"severity": a.severity, "impact": a.impact, "difficulty": a.difficulty,
                        "escalation_risk": a.escalation_risk, "malice": a.malice}
    assert 1 <= a.priority <= 5
    assert a.grade in codes("grade") and a.tier in codes("tier")


@SETTINGS
@given(valid_records(), st.sampled_from(codes("threats")))
def test_adding_a_threat_never_lowers_impact(record: dict[str, Any], threat: str) -> None:
    before = ct.assess(record)
    more = dict(record, threats=sorted(set(record.get("threats", [])) | {threat}))
    after = ct.assess(more)
    assert after.impact >= before.impact
    assert after.escalation_risk >= before.escalation_risk


@SETTINGS
@given(valid_records())
def test_same_input_same_output(record: dict[str, Any]) -> None:
    a, b = ct.assess(record), ct.assess(dict(record))
    assert a == b and a.to_json() == b.to_json() and hash(a) == hash(b)
    assert ct.assess_json(ct.to_record_json(record)) == a
    assert ct.assess_many([record, record]) == [a, a]


@SETTINGS
@given(valid_records())
def test_comma_separated_lists_equal_lists(record: dict[str, Any]) -> None:
    joined = {k: (", ".join(v) if k in LIST_FIELDS else v) for k, v in record.items()}
    assert ct.assess(joined) == ct.assess(record)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(valid_records(), min_size=1, max_size=12), st.sampled_from(KINDS))
def test_frames_agree_with_the_core(records: list[dict[str, Any]], kind: str) -> None:
    expected = [expected_row(ct.assess(r).to_dict()) for r in records]
    assert rows_of(ct.assess_frame(to_frame(records, kind))) == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(valid_records(), min_size=1, max_size=6), bad_values(), st.data())
def test_frame_errors_agree_with_the_core(records: list[dict[str, Any]], bad: tuple[str, Any], data: st.DataObject) -> None:
    field, value = bad
    at = data.draw(st.integers(0, len(records) - 1))
    records = [dict(r) for r in records]
    records[at][field] = value
    # The core's verdict on each row, through a mapping.
    verdicts: list[tuple[str, str | None] | None] = []
    for r in records:
        try:
            ct.assess(r)
            verdicts.append(None)
        except ct.RecordError as e:
            verdicts.append((e.kind, e.field))
    assert verdicts[at] is not None
    # Columns of mixed types are not frames; give the bad column one type.
    frame = pd.DataFrame.from_records(records)
    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        table = None
    column = frame[field]
    if field in BOOL_FIELDS and column.dtype.kind == "f" and column.dropna().isin((0.0, 1.0)).all():
        # pandas made the 0 or 1 given for a flag a float next to the NaN
        # of the other rows: a pandas frame reads such a column as the
        # booleans it stands for (documented); an Arrow table reads floats.
        pandas_verdicts = [None if i == at else v for i, v in enumerate(verdicts)]
    else:
        pandas_verdicts = verdicts
    for f in ([frame] + ([table] if table is not None else [])):
        graded = ct.assess_frame(f, errors="column")
        errors = rows_of(graded, ("error",))
        for row, verdict in zip(errors, pandas_verdicts if f is frame else verdicts):
            assert (row["error"] is None) == (verdict is None), (row, verdict)
            if verdict is not None:
                assert f"`{verdict[1]}" in row["error"] or verdict[1] is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode()))
def test_any_bytes_give_an_assessment_or_a_record_error(data: bytes) -> None:
    try:
        ct.assess_json(data)
    except ct.RecordError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(ct.record_fields() + ["x"]),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
                                 st.lists(st.text(max_size=8), max_size=3)), max_size=6))
def test_any_mapping_gives_an_assessment_or_a_record_error(record: dict[str, Any]) -> None:
    try:
        a = ct.assess(record)
        assert json.loads(a.to_json()) == a.to_dict()
    except ct.RecordError:
        pass
