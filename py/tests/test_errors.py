"""Every error path: the right exception, naming the field (and row), never
a panic."""

from __future__ import annotations

import pickle
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import complaint_triage as ct


@pytest.mark.parametrize("record", [None, 3, "text", ["a"], {"emotion"}])
def test_a_record_must_be_a_mapping(record: Any) -> None:
    with pytest.raises(TypeError, match="must be a mapping"):
        ct.assess(record)


def test_keys_must_be_strings() -> None:
    with pytest.raises(TypeError, match="keys must be strings"):
        ct.assess({1: "x"})  # type: ignore[dict-item]


@pytest.mark.parametrize("value", [{1, 2}, {"a": 1}, b"bytes", object()])
def test_values_of_no_record_type(value: Any) -> None:
    with pytest.raises(TypeError, match="field `emotion`"):
        ct.assess({"emotion": value})


def test_unknown_field() -> None:
    with pytest.raises(ct.RecordError) as info:
        ct.assess({"emotoin": 3})
    e = info.value
    assert (e.kind, e.field, e.offset, e.row) == ("unknown_field", None, 1, None)
    assert "emotoin" in str(e)


def test_value_errors_name_field_offset_and_index() -> None:
    with pytest.raises(ct.RecordError) as info:
        ct.assess({"id": "A", "threats": ["media", "blog"]})
    e = info.value
    assert (e.kind, e.field, e.index) == ("unknown_value", "threats", 1)
    assert ct.to_record_json({"id": "A", "threats": ["media", "blog"]})[e.offset:].startswith('"blog"')
    assert isinstance(e, ValueError) and not isinstance(e, TypeError)


def test_wrong_type_is_both_value_and_type_error() -> None:
    with pytest.raises(ct.RecordTypeError) as info:
        ct.assess({"emotion": "high"})
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)
    assert info.value.kind == "wrong_type" and info.value.field == "emotion"


def test_whole_floats_are_integers_but_fractions_are_not() -> None:
    assert ct.assess({"emotion": 7.0, "direct_loss": 1e6}) == ct.assess({"emotion": 7, "direct_loss": 1000000})
    with pytest.raises(ct.RecordTypeError):
        ct.assess({"emotion": 7.5})
    with pytest.raises(ct.RecordTypeError):
        ct.assess({"emotion": float("inf")})


def test_missing_values_are_absent() -> None:
    base = ct.assess({})
    assert ct.assess({"emotion": None, "category": float("nan"), "text": pd.NA}) == base


def test_numpy_and_pyarrow_scalars() -> None:
    ref = ct.assess({"emotion": 7, "safety_incident": True, "threats": ["media"]})
    assert ct.assess({"emotion": np.int64(7), "safety_incident": np.bool_(True), "threats": np.array(["media"])}) == ref
    assert ct.assess({"emotion": pa.scalar(7), "safety_incident": pa.scalar(True)}) == ct.assess(
        {"emotion": 7, "safety_incident": True})


def test_big_integers_are_out_of_range() -> None:
    with pytest.raises(ct.RecordError) as info:
        ct.assess({"direct_loss": 10**30})
    assert info.value.kind == "out_of_range"


def test_errors_pickle() -> None:
    with pytest.raises(ct.RecordError) as info:
        ct.assess_many([{}, {"emotion": 99}])
    e = pickle.loads(pickle.dumps(info.value))
    assert type(e) is type(info.value)
    assert (e.kind, e.field, e.row, str(e)) == (info.value.kind, "emotion", 1, str(info.value))


def test_assess_many_wrong_types() -> None:
    with pytest.raises(TypeError, match="iterable"):
        ct.assess_many(3)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="row 1"):
        ct.assess_many([{}, 5])  # type: ignore[list-item]


def test_assess_many_returns_errors_in_place() -> None:
    records: list[Any] = [{}, {"emotion": 99}, 5, "  ", '{"category":"nope"}', {"emotion": 3}]
    out = ct.assess_many(records, errors="return")
    assert len(out) == 5  # the blank line is skipped
    assert out[0] == ct.assess({})
    assert isinstance(out[1], ct.RecordError)
    assert (out[1].row, out[1].field, out[1].kind) == (1, "emotion", "out_of_range")
    assert isinstance(out[2], TypeError) and str(out[2]).startswith("row 2:")
    assert isinstance(out[3], ct.RecordError)
    assert (out[3].row, out[3].field) == (4, "category")
    assert out[4] == ct.assess({"emotion": 3})
    # Raising, the first bad item wins, whatever made it bad.
    with pytest.raises(ct.RecordError) as info:
        ct.assess_many(records)
    assert info.value.row == 1
    with pytest.raises(TypeError, match="row 0"):
        ct.assess_many([5, {"emotion": 99}])  # type: ignore[list-item]

    # Raising, the iterable is read no further than the first item that
    # cannot be converted: a later failure of the iterable itself does not
    # replace that item's error.
    def records_then_failure() -> Iterator[Any]:
        yield {}
        yield 5
        raise RuntimeError("read too far")

    with pytest.raises(TypeError, match="row 1"):
        ct.assess_many(records_then_failure())
    assert ct.assess_many([{}, {}], errors="return") == ct.assess_many([{}, {}])
    lone_surrogate = ct.assess_many(["\ud800", "{}"], errors="return")
    assert isinstance(lone_surrogate[0], ct.RecordError) and lone_surrogate[1] == ct.assess({})
    assert (lone_surrogate[0].row, lone_surrogate[0].kind) == (0, "invalid_json")
    with pytest.raises(ValueError, match="errors must be"):
        ct.assess_many([], errors="skip")  # type: ignore[call-overload]


def test_assess_json_wrong_type() -> None:
    with pytest.raises(TypeError):
        ct.assess_json({"emotion": 1})  # type: ignore[arg-type]


def test_policy_errors(tmp_path: Path) -> None:
    with pytest.raises(ct.PolicyError) as info:
        ct.Policy.from_json('{"severity_levels":[70,40]}')
    assert info.value.field == "severity_levels" and info.value.kind == "invalid_policy"
    with pytest.raises(ct.PolicyError) as info:
        ct.Policy.from_json('{"nope":1}')
    assert info.value.kind == "unknown_field"
    with pytest.raises(ct.PolicyError):
        ct.Policy.from_json(b"{")
    with pytest.raises(TypeError):
        ct.Policy.from_json(3)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        ct.Policy.from_json(tmp_path / "missing.json")
    with pytest.raises(TypeError, match="policy"):
        ct.assess_frame(pd.DataFrame({"emotion": [1]}), policy="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ct.assess({}, policy="x")  # type: ignore[arg-type]


def test_policy_round_trip(tmp_path: Path) -> None:
    p = ct.Policy.from_json('{"resolution_hours":[8,24,48,96,120]}')
    path = tmp_path / "policy.json"
    path.write_text(p.to_json())
    assert ct.Policy.from_json(path) == p
    assert ct.Policy.from_json(p.to_json().encode()) == p
    assert p.to_dict()["resolution_hours"] == [8, 24, 48, 96, 120]
    assert ct.Policy.default() == ct.Policy() and p != ct.Policy.default()
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(ct.Policy.from_json(p.to_json())) == hash(p)
    assert "resolution_hours" in repr(p) and repr(ct.Policy.default()) == "Policy.default()"
    q = p.with_overrides('{"claim_limit_permille":3000}')
    assert q.to_dict()["resolution_hours"] == [8, 24, 48, 96, 120] and q.to_dict()["claim_limit_permille"] == 3000
    billing = ct.assess({"category": "billing"}, policy=p)
    assert billing.resolution_hours == [8, 24, 48, 96, 120][billing.priority - 1]


def test_outcome_errors() -> None:
    with pytest.raises(ct.OutcomeError) as info:
        ct.evaluate_outcome({}, {"satisfaction": 6})
    assert (info.value.kind, info.value.field) == ("out_of_range", "satisfaction")
    with pytest.raises(ct.OutcomeError):
        ct.evaluate_outcome({}, '{"reopend":true}')
    with pytest.raises(TypeError):
        ct.evaluate_outcome({}, 5)  # type: ignore[arg-type]
    with pytest.raises(ct.RecordError):
        ct.evaluate_outcome({"emotion": 11}, {})


def test_misc_type_errors() -> None:
    with pytest.raises(TypeError):
        ct.scan_text(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown vocabulary"):
        ct.vocabulary("colours")


def test_frame_type_errors() -> None:
    with pytest.raises(TypeError, match="expected a pandas"):
        ct.assess_frame([{"emotion": 1}])
    with pytest.raises(TypeError, match="LazyFrame"):
        ct.assess_frame(pl.LazyFrame({"emotion": [1]}))
    with pytest.raises(ValueError, match="errors"):
        ct.assess_frame(pd.DataFrame({"emotion": [1]}), errors="ignore")  # type: ignore[arg-type]
    ts = pa.table({"hours_open": pa.array([1, 2], pa.timestamp("s"))})
    with pytest.raises(TypeError, match="column `hours_open`"):
        ct.assess_frame(ts)
    dup = pa.Table.from_arrays([pa.array([1]), pa.array([2])], names=["emotion", "emotion"])
    with pytest.raises(ValueError, match="twice"):
        ct.assess_frame(dup)


def test_frame_errors_name_the_row_and_keep_good_rows() -> None:
    df = pd.DataFrame({"emotion": [1, 11, None, 3], "category": ["billing", "other", "nope", None]})
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(df)
    assert (info.value.row, info.value.field, info.value.kind) == (1, "emotion", "out_of_range")
    assert str(info.value).startswith("row 1: ")
    out = ct.assess_frame(df, errors="column")
    assert out["error"].isna().tolist() == [True, False, False, True]
    assert "`emotion`" in out["error"][1] and "`category`" in out["error"][2]
    assert out["severity"].isna().tolist() == [False, True, True, False]
    assert out["severity"][0] == ct.assess({"emotion": 1, "category": "billing"}).severity
    assert list(out.columns[:2]) == ["emotion", "category"]


def test_mixed_pandas_columns_are_judged_row_by_row() -> None:
    df = pd.DataFrame({"safety_incident": [True, "yes", None], "threats": [["media"], "lawsuit, churn", None]})
    out = ct.assess_frame(df, errors="column")
    assert out["error"].isna().tolist() == [True, False, True]
    assert "safety_incident" in out["error"][1]
    assert out["impact"][0] == ct.assess({"safety_incident": True, "threats": ["media"]}).impact


def test_frame_kinds_are_kept() -> None:
    recs = {"emotion": [1, 2], "other": ["a", "b"]}
    assert isinstance(ct.assess_frame(pd.DataFrame(recs)), pd.DataFrame)
    assert isinstance(ct.assess_frame(pl.DataFrame(recs)), pl.DataFrame)
    t = pa.table(recs)
    assert isinstance(ct.assess_frame(t), pa.Table)
    b = t.to_batches()[0]
    out = ct.assess_frame(b)
    assert isinstance(out, pa.RecordBatch) and out.column_names[:2] == ["emotion", "other"]
    # Grading twice replaces the output columns.
    again = ct.assess_frame(ct.assess_frame(t))
    assert again.column_names == ct.assess_frame(t).column_names


def test_empty_frames() -> None:
    assert len(ct.assess_frame(pd.DataFrame({"emotion": pd.Series([], dtype="int64")}))) == 0
    out = ct.assess_frame(pd.DataFrame({"note": ["a", "b"]}))
    assert out["grade"].tolist() == [ct.assess({}).grade] * 2


@pytest.mark.parametrize(
    "record",
    [{"id": "\ud800"}, {"\udc00": 1}, {"threats": "media,\ud800"}, {"text": "ok \udfff"}],
)
def test_a_lone_surrogate_anywhere_is_a_record_error_not_a_unicode_error(record: dict[str, Any]) -> None:
    with pytest.raises(ct.RecordError) as info:
        ct.assess(record)
    assert info.value.kind == "invalid_json"
    assert "lone surrogate" in str(info.value)


def test_a_whole_float_beyond_every_range_is_out_of_range_in_a_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"direct_loss": [None, 1e23]})
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(frame)
    assert (info.value.kind, info.value.field, info.value.row) == ("out_of_range", "direct_loss", 1)
