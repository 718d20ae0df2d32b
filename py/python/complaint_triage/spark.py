"""Grading Spark DataFrames: each partition's Arrow batches go through
``assess_frame`` on the executors (``DataFrame.mapInArrow``); comparing two
policies on one (``compare_spark``) counts each partition there and adds the
counts up on the driver.

>>> from complaint_triage.spark import assess_spark          # doctest: +SKIP
>>> graded = assess_spark(spark.read.json("complaints.jsonl"))  # doctest: +SKIP

The executors need this package installed in their Python (the same
wheel). Results are those of ``assess_frame``: scores, priority and
deadlines as Spark integers, grade and tier as strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from ._compare import PolicyComparison, _check, _comparison, _counts, _merged, _renumbered
from ._frame import OUTPUT_COLUMNS
from ._native import Policy

__all__ = ["assess_spark", "compare_spark", "output_schema"]

#: The column that numbers the rows of a compared DataFrame (added for the
#: comparison, not kept).
_POSITION = "__complaint_triage_row"

_STRINGS = ("grade", "tier", "suggested_category", "error")
#: Output columns that may be null on a good row.
_NULLABLE = ("suggested_category", "error")


def output_schema(schema: Any, errors: Literal["raise", "column"] = "raise") -> Any:
    """The Spark schema of ``assess_spark``'s result for an input ``schema``:
    the input's fields (output columns of the same name replaced) and the
    output columns."""
    from pyspark.sql import types as T

    added = list(OUTPUT_COLUMNS) + (["error"] if errors == "column" else [])
    fields = [f for f in schema.fields if f.name not in added]
    for name in added:
        kind = T.StringType() if name in _STRINGS else T.IntegerType()
        fields.append(T.StructField(name, kind, nullable=errors == "column" or name in _NULLABLE))
    return T.StructType(fields)


def _grade_batches(
    batches: Iterator[Any], policy_json: str, errors: Literal["raise", "column"]
) -> Iterator[Any]:
    """Grades Arrow batches on an executor, in Spark's types."""
    import pyarrow as pa

    from . import assess_frame

    policy = Policy.from_json(policy_json)
    for batch in batches:
        out = assess_frame(batch, policy=policy, errors=errors)
        added = set(OUTPUT_COLUMNS) | ({"error"} if errors == "column" else set())
        arrays = []
        for name, column in zip(out.schema.names, out.columns):
            if name in added:
                column = column.cast(pa.string() if name in _STRINGS else pa.int32())
            arrays.append(column)
        yield pa.RecordBatch.from_arrays(arrays, names=out.schema.names)


def assess_spark(
    df: Any,
    *,
    policy: Policy | None = None,
    errors: Literal["raise", "column"] = "raise",
) -> Any:
    """Grades every row of a Spark DataFrame; returns a Spark DataFrame with
    the columns of ``OUTPUT_COLUMNS`` appended (and ``error`` with
    ``errors="column"``), the same values ``assess_frame`` gives.

    Record fields are read from the columns of the same names (strings for
    codes, integers, booleans, arrays of strings or comma-separated strings
    for lists); other columns are kept. With ``errors="raise"`` a bad row
    fails the Spark job with the ``RecordError`` message (naming the row
    within its batch and the field).
    """
    if errors not in ("raise", "column"):
        raise ValueError(f'errors must be "raise" or "column", not {errors!r}')
    policy_json = (policy or Policy.default()).to_json()

    def grade(batches: Iterator[Any]) -> Iterator[Any]:
        return _grade_batches(batches, policy_json, errors)

    return df.mapInArrow(grade, output_schema(df.schema, errors))


def _count_batches(
    batches: Iterator[Any], old_json: str, new_json: str, errors: Literal["raise", "column"]
) -> Iterator[Any]:
    """Counts a partition on an executor (``compare_policies``' native
    counts, rows numbered by the position column): one row holding the
    partition's counts, pickled."""
    import pickle

    import pyarrow as pa

    old, new = Policy.from_json(old_json), Policy.from_json(new_json)
    parts = []
    for batch in batches:
        positions = batch.column(batch.schema.get_field_index(_POSITION)).to_numpy()
        counts = _counts(batch, old, new, errors, threads=1)
        parts.append(_renumbered(counts, positions))
    if parts:
        data = pickle.dumps(_merged(parts), protocol=pickle.HIGHEST_PROTOCOL)
        yield pa.RecordBatch.from_arrays([pa.array([data], pa.binary())], names=["counts"])


def compare_spark(
    df: Any,
    old: Policy,
    new: Policy,
    *,
    errors: Literal["raise", "column"] = "raise",
) -> PolicyComparison:
    """``compare_policies`` for a Spark DataFrame: each partition is counted
    on the executors through ``mapInArrow`` (the path of ``assess_spark``),
    and the driver adds the partitions' counts up into a
    ``PolicyComparison``: the same tables, deadline shares, factors and
    moved rows ``compare_policies`` gives for the same rows.

    A row's position (``MovedRow.row``, ``errors``) is its
    ``monotonically_increasing_id()``: unique and in the DataFrame's order,
    but not consecutive across partitions. With ``errors="raise"`` a bad
    row fails the Spark job with the ``RecordError`` message.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    _check(old, new, errors)
    old_json, new_json = old.to_json(), new.to_json()

    def count(batches: Iterator[Any]) -> Iterator[Any]:
        return _count_batches(batches, old_json, new_json, errors)

    numbered = df.withColumn(_POSITION, F.monotonically_increasing_id())
    schema = T.StructType([T.StructField("counts", T.BinaryType(), False)])
    import pickle

    parts = [pickle.loads(r["counts"]) for r in numbered.mapInArrow(count, schema).collect()]
    if not parts:
        # No partition held a row: the counts of an empty frame.
        import pyarrow as pa

        parts = [_counts(pa.table({}), old, new, errors, threads=1)]
    parts.sort(key=_first_row)
    return _comparison(_merged(parts), old, new)


def _first_row(counts: Any) -> int:
    """Where a partition's rows start, for putting partitions in order (an
    id is the partition's number in its upper bits)."""
    import numpy as np

    rows = [int(r) for r, _ in counts["errors"]]
    moved = np.frombuffer(counts["moved"], dtype="<u8")
    if len(moved):
        rows.append(int(moved[0]))
    return min(rows, default=0)
