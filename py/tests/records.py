"""Hypothesis strategies for records, valid and not."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import complaint_triage as ct
from complaint_triage import _record


def codes(name: str) -> list[str]:
    return [v["code"] for v in ct.vocabulary(name)]


# The fields by kind, from the record contract as the core declares it.
_CONTRACT = _record.RECORD_CONTRACT
CODE_FIELDS = tuple(name for name, kind, *_ in _CONTRACT if kind == "code")
LIST_FIELDS = tuple(name for name, kind, *_ in _CONTRACT if kind == "list")
BOOL_FIELDS = tuple(name for name, kind, *_ in _CONTRACT if kind == "bool")
#: The accepted range of each integer field (the record contract).
INT_FIELDS = {name: (lo, hi) for name, kind, lo, hi, _ in _CONTRACT if kind == "int"}
TEXTS = ["", "网速太慢了", "再不解决我就找记者曝光!", "I will sue you", "投诉到消协", "气死我了!!!",
         "你自己看说明书", "line\nbreak \"quoted\" \\ back\tslash \u0001"]


def _int_value(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.one_of(st.integers(lo, hi), st.sampled_from(sorted({lo, hi, lo + 1, max(lo, hi - 1)})))


@st.composite
def valid_records(draw: st.DrawFn) -> dict[str, Any]:
    """A valid record with a random subset of the fields."""
    rec: dict[str, Any] = {}
    if draw(st.booleans()):
        rec["id"] = draw(st.text(max_size=20))
    for f in CODE_FIELDS:
        if draw(st.booleans()):
            rec[f] = draw(st.sampled_from(codes(f)))
    for f, (lo, hi) in INT_FIELDS.items():
        if draw(st.booleans()):
            rec[f] = draw(_int_value(lo, hi))
    for f in BOOL_FIELDS:
        if draw(st.booleans()):
            rec[f] = draw(st.booleans())
    for f in LIST_FIELDS:
        if draw(st.booleans()):
            rec[f] = draw(st.lists(st.sampled_from(codes(f)), max_size=4))
    if draw(st.booleans()):
        rec["text"] = draw(st.one_of(st.sampled_from(TEXTS), st.text(max_size=40)))
    return rec


@st.composite
def bad_values(draw: st.DrawFn) -> tuple[str, Any]:
    """One field with a value the core rejects."""
    kind = draw(st.sampled_from(["int", "code", "list", "bool", "type"]))
    if kind == "int":
        f, (lo, hi) = draw(st.sampled_from(sorted(INT_FIELDS.items())))
        return f, draw(st.sampled_from([hi + 1, hi + 1000, -1] + ([lo - 1] if lo > 0 else [])))
    if kind == "code":
        return draw(st.sampled_from(CODE_FIELDS)), draw(st.sampled_from(["", "x", "Billing", "billing "]))
    if kind == "list":
        f = draw(st.sampled_from(LIST_FIELDS))
        return f, [draw(st.sampled_from(codes(f))), "not_a_code"]
    if kind == "bool":
        return draw(st.sampled_from(BOOL_FIELDS)), draw(st.sampled_from(["yes", 1]))
    f, _ = draw(st.sampled_from(sorted(INT_FIELDS.items())))
    return f, draw(st.sampled_from(["7", True, 2.5]))
