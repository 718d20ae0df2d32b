"""A pandas frame row is what `assess` makes of the same values: columns of
mixed kinds are judged value by value, values Arrow cannot hold (integers
past 64 bits, lone surrogates) are their row's error only, and the way
pandas holds booleans with missing values reads as booleans."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import complaint_triage as ct
from conftest import EXAMPLES
from frames import rows_of
from records import BOOL_FIELDS, INT_FIELDS, TEXTS, codes

#: What `assess` makes of a record: its output columns, or its error message.
Verdict = tuple[str, Any]


def verdict(record: dict[str, Any]) -> Verdict:
    try:
        a = ct.assess(record)
    except ct.RecordError as e:
        return ("error", str(e))
    return ("graded", {c: a.to_dict()[c] for c in ct.OUTPUT_COLUMNS})


def frame_verdicts(df: pd.DataFrame) -> list[Verdict]:
    rows = rows_of(ct.assess_frame(df, errors="column"), ct.OUTPUT_COLUMNS + ("error",))
    out: list[Verdict] = []
    for row in rows:
        error = row.pop("error")
        out.append(("error", error) if error is not None else ("graded", row))
    return out


def test_an_integer_past_64_bits_is_its_rows_error_only() -> None:
    df = pd.DataFrame({"direct_loss": [1000, 10**20, None], "emotion": [1, 2, 3]})
    assert df["direct_loss"].dtype == object
    got = frame_verdicts(df)
    assert got == [verdict({"direct_loss": 1000, "emotion": 1}),
                   verdict({"direct_loss": 10**20, "emotion": 2}),
                   verdict({"emotion": 3})]
    assert got[1][0] == "error" and "`direct_loss` is out of range" in got[1][1]
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(df)
    assert (info.value.row, info.value.field, info.value.kind) == (1, "direct_loss", "out_of_range")


@pytest.mark.parametrize("field", ["id", "text", "category", "threats"])
def test_a_lone_surrogate_is_its_rows_error_only(field: str) -> None:
    df = pd.DataFrame({field: [None, "b\ud800", None], "emotion": [1, 2, 3]})
    got = frame_verdicts(df)
    assert got[0] == verdict({"emotion": 1}) and got[2] == verdict({"emotion": 3})
    assert got[1][0] == "error" and f"`{field}` is not valid JSON" in got[1][1] and "lone surrogate" in got[1][1]
    assert got[1] == verdict({field: "b\ud800", "emotion": 2})
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(df)
    assert (info.value.row, info.value.field, info.value.kind) == (1, field, "invalid_json")


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("prior_contacts", [2.0, True]),
        ("prior_contacts", [2.0, "2"]),
        ("prior_contacts", [2, 2.5, 2**53 + 1]),
        ("safety_incident", [True, 1]),
        ("safety_incident", [True, 1.0, None]),
        ("threats", [["media"], "lawsuit, media", 3]),
    ],
)
def test_a_mixed_column_is_judged_value_by_value(field: str, values: list[Any]) -> None:
    df = pd.DataFrame({field: pd.Series(values, dtype=object)})
    assert frame_verdicts(df) == [verdict({field: v}) for v in values]


# ------------------------------------------------------------ the property

def _field_values(field: str) -> st.SearchStrategy[Any]:
    """Values of every kind a record holds, some right for `field`, most not."""
    lo, hi = INT_FIELDS.get(field, (0, 10))
    some_codes = codes(field) if field in ct.vocabularies() else codes("category")
    return st.one_of(
        st.sampled_from([None, math.nan, pd.NA]),
        st.booleans(),
        st.sampled_from([np.bool_(True), np.int64(hi), np.float64(lo)]),
        st.integers(lo - 2, hi + 2),
        st.sampled_from([10**20, -(10**20), 2**63, 2**64, -(2**63) - 1]),
        st.sampled_from([float(lo), float(hi), 2.5, 1e300, math.inf, -0.0, 0.0, 1.0]),
        st.sampled_from(some_codes + ["", "x", "2", "media, lawsuit", "b\ud800", "know"] + TEXTS),
        st.lists(st.sampled_from(codes("threats") + ["tv", ""]), max_size=3),
    )


@st.composite
def columns(draw: st.DrawFn) -> tuple[str, list[Any]]:
    field = draw(st.sampled_from(ct.record_fields()))
    return field, draw(st.lists(_field_values(field), min_size=1, max_size=8))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns(), st.booleans())
def test_every_frame_row_is_what_assess_makes_of_the_same_value(
    column: tuple[str, list[Any]], as_object: bool
) -> None:
    field, values = column
    series = pd.Series(values, dtype=object) if as_object else pd.Series(values)
    if (field in BOOL_FIELDS and series.dtype.kind == "f"
            and series.dropna().isin((0.0, 1.0)).all()):
        # The one documented exception: pandas' nullable boolean column.
        series = pd.Series(values, dtype=object)
    df = pd.DataFrame({field: series})
    assert frame_verdicts(df) == [verdict({field: v}) for v in series.tolist()]


# ----------------------------------------------- pandas' nullable booleans

def test_a_float_column_of_0_1_and_nan_in_a_boolean_field_is_booleans() -> None:
    df = pd.DataFrame({"safety_incident": [1.0, 0.0, math.nan], "emotion": [3, 3, 3]})
    assert df["safety_incident"].dtype == np.float64
    assert frame_verdicts(df) == [verdict({"safety_incident": True, "emotion": 3}),
                                  verdict({"safety_incident": False, "emotion": 3}),
                                  verdict({"emotion": 3})]
    # Any other float is no boolean: each row is what assess makes of it.
    other = pd.DataFrame({"safety_incident": [1.0, 2.0, math.nan]})
    assert frame_verdicts(other) == [verdict({"safety_incident": v}) for v in (1.0, 2.0, None)]
    # Not in an integer field.
    ints = pd.DataFrame({"departments": [1.0, math.nan]})
    assert frame_verdicts(ints) == [verdict({"departments": 1}), verdict({})]


@pytest.mark.parametrize("field", BOOL_FIELDS)
def test_every_boolean_field_reads_pandas_nullable_booleans(field: str) -> None:
    # Each boolean field of the contract, not only those known when the
    # frame reader was written (data_breach was refused as a float).
    df = pd.DataFrame({field: [1.0, 0.0, math.nan]})
    assert frame_verdicts(df) == [verdict({field: True}), verdict({field: False}), verdict({})]


def test_the_examples_as_pandas_reads_them_are_graded_as_their_lines() -> None:
    lines = [line for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    df = pd.read_json(EXAMPLES, lines=True)
    # pandas holds the booleans of records that leave them out as floats.
    assert any(df[f].dtype == np.float64 for f in BOOL_FIELDS if f in df.columns)
    graded = ct.assess_frame(df, errors="column")
    assert graded["error"].isna().all(), graded["error"].dropna().tolist()
    expected = [{c: a.to_dict()[c] for c in ct.OUTPUT_COLUMNS} for a in ct.assess_many(lines)]
    assert rows_of(graded) == expected
    # The same through the lines as mappings.
    assert rows_of(ct.assess_frame(df)) == [
        {c: ct.assess(json.loads(line)).to_dict()[c] for c in ct.OUTPUT_COLUMNS} for line in lines
    ]


def test_a_value_no_record_holds_is_a_type_error_naming_its_row_and_field() -> None:
    df = pd.DataFrame({"emotion": pd.Series([1, {1, 2}], dtype=object)})
    with pytest.raises(TypeError, match=r"row 1: field `emotion`"):
        ct.assess_frame(df, errors="column")
    with pytest.raises(TypeError, match=r"field `emotion`"):
        ct.assess({"emotion": {1, 2}})
