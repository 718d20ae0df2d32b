"""Builds the same records as pandas, polars and pyarrow frames."""

from __future__ import annotations

from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa

import complaint_triage as ct

KINDS = ("pandas", "polars", "pyarrow")
#: Output columns of codes (categoricals), compared as strings.
STRINGS = ("grade", "tier", "suggested_category", "error")


def to_frame(records: list[dict[str, Any]], kind: str) -> Any:
    """A frame of the records: one column per field any record has, and a
    `_row` column that is not a record field (kept, and ignored)."""
    records = [dict(r, _row=i) for i, r in enumerate(records)]
    if kind == "pandas":
        return pd.DataFrame.from_records(records)
    if kind == "polars":
        return pl.from_dicts(records, infer_schema_length=None)
    if kind == "pyarrow":
        return pa.Table.from_pandas(pd.DataFrame.from_records(records), preserve_index=False)
    raise ValueError(kind)


def rows_of(frame: Any, columns: tuple[str, ...] = ct.OUTPUT_COLUMNS) -> list[dict[str, Any]]:
    """The output columns of a graded frame as plain rows (None for nulls)."""
    if isinstance(frame, pd.DataFrame):
        out: list[dict[str, Any]] = []
        for rec in frame[list(columns)].astype(object).to_dict("records"):
            out.append({str(k): (None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else (str(v) if k in STRINGS else int(v))) for k, v in rec.items()})
        return out
    if isinstance(frame, pl.DataFrame):
        sel = frame.select([pl.col(c).cast(pl.String) if c in STRINGS else pl.col(c) for c in columns])
        return list(sel.to_dicts())
    table = frame if isinstance(frame, pa.Table) else pa.Table.from_batches([frame])
    cols = {c: table.column(c) for c in columns}
    cols = {c: (v.cast(pa.string()) if c in STRINGS else v) for c, v in cols.items()}
    return list(pa.table(cols).to_pylist())


def expected_row(expected: dict[str, Any]) -> dict[str, Any]:
    """The output columns of the core's assessment JSON."""
    return {c: expected[c] for c in ct.OUTPUT_COLUMNS}
