"""The frame reader against the core's parser, row by row, on Arrow layouts
with nulls everywhere: validity bitmaps at any bit offset, dictionaries
with null and unused entries and narrow or signed keys, lists of strings
or of dictionaries, comma-separated strings, narrow and wide integers,
floats holding whole numbers, and frames longer than the reader's block."""

from __future__ import annotations

import random
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import complaint_triage as ct
from frames import rows_of
from records import BOOL_FIELDS, CODE_FIELDS, INT_FIELDS, LIST_FIELDS, bad_values, valid_records

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _strings(values: list[Any], rng: random.Random) -> pa.Array:
    """Strings as plain, large or dictionary-encoded (with a null entry,
    unused entries, and nulls either as null keys or keys of the null entry)."""
    layout = rng.choice(["plain", "large", "dict8", "dict32", "dictu16"])
    if layout == "plain":
        return pa.array(values, pa.string())
    if layout == "large":
        return pa.array(values, pa.large_string())
    distinct = sorted({v for v in values if v is not None})
    entries: list[str | None] = ["unused entry", *distinct, None, "x"]
    rng.shuffle(entries)
    where = {v: i for i, v in enumerate(entries) if v is not None}
    null_entry = entries.index(None)
    keys = [where[v] if v is not None else (None if rng.random() < 0.5 else null_entry) for v in values]
    key_type = {"dict8": pa.int8(), "dict32": pa.int32(), "dictu16": pa.uint16()}[layout]
    return pa.DictionaryArray.from_arrays(pa.array(keys, key_type), pa.array(entries, pa.string()))


def _ints(values: list[Any], rng: random.Random) -> pa.Array:
    present = [v for v in values if v is not None]
    lo, hi = (min(present), max(present)) if present else (0, 0)
    fits = [t for t, (a, b) in [(pa.int64(), (-(2**63), 2**63 - 1)), (pa.int32(), (-(2**31), 2**31 - 1)),
                                (pa.int16(), (-(2**15), 2**15 - 1)), (pa.uint8(), (0, 255)),
                                (pa.uint32(), (0, 2**32 - 1)), (pa.uint64(), (0, 2**64 - 1))]
            if a <= lo and hi <= b]
    if hi < 2**53 and rng.random() < 0.2:
        return pa.array([None if v is None else float(v) for v in values], pa.float64())
    return pa.array(values, rng.choice(fits))


def _lists(values: list[Any], rng: random.Random) -> pa.Array:
    layout = rng.choice(["list", "large_list", "list_of_dict", "comma"])
    if layout == "comma":
        return _strings([None if v is None else ", ".join(v) for v in values], rng)
    if layout == "list_of_dict":
        flat = [x for v in values if v is not None for x in v]
        offsets = [0]
        for v in values:
            offsets.append(offsets[-1] + (len(v) if v is not None else 0))
        child = pa.array(flat, pa.string()).dictionary_encode()
        mask = pa.array([v is None for v in values])
        return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), child, mask=mask)
    return pa.array(values, pa.list_(pa.string()) if layout == "list" else pa.large_list(pa.string()))


def _column(field: str, values: list[Any], rng: random.Random) -> pa.Array:
    if field in INT_FIELDS:
        return _ints(values, rng)
    if field in LIST_FIELDS:
        return _lists(values, rng)
    if field in BOOL_FIELDS:
        return pa.array(values, pa.bool_())
    return _strings(values, rng)


def _table(rows: list[dict[str, Any]], rng: random.Random) -> pa.Table:
    """The rows as a table, with `skip` leading rows sliced off (so that
    every buffer starts at an offset)."""
    skip = rng.randrange(0, 9)
    padded = [rows[0]] * skip + rows
    names = [f for f in ct.record_fields() if any(f in r for r in rows)]
    columns = {f: _column(f, [r.get(f) for r in padded], rng) for f in names}
    if not columns:
        columns = {"_": pa.nulls(len(padded))}
    return pa.table(columns).slice(skip)


def _expected(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        try:
            d = ct.assess(r).to_dict()
        except ct.RecordError:
            out.append({c: None for c in ct.OUTPUT_COLUMNS} | {"error": True})
            continue
        out.append({c: d[c] for c in ct.OUTPUT_COLUMNS} | {"error": False})
    return out


@SETTINGS
@given(st.lists(valid_records(), min_size=1, max_size=8), st.lists(bad_values(), max_size=3),
       st.sampled_from([1, 63, 64, 65, 300, 4100]), st.integers(0, 2**32 - 1))
def test_layouts_with_nulls_agree_with_the_core(
    records: list[dict[str, Any]], bad: list[tuple[str, Any]], n: int, seed: int
) -> None:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        r = {k: v for k, v in records[i % len(records)].items() if rng.random() < 0.7}
        rows.append(r)
    # A few rows with a value the core rejects, of a type the column can hold.
    for field, value in bad:
        if field in INT_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            rows[rng.randrange(n)][field] = value
        elif field in CODE_FIELDS and isinstance(value, str):
            rows[rng.randrange(n)][field] = value
        elif field in LIST_FIELDS and isinstance(value, list):
            rows[rng.randrange(n)][field] = value
    table = _table(rows, rng)
    graded = ct.assess_frame(table, errors="column")
    got = [dict(r, error=r["error"] is not None) for r in rows_of(graded, ct.OUTPUT_COLUMNS + ("error",))]
    assert got == _expected(rows)
