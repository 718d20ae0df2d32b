"""Grading Spark DataFrames: each partition's Arrow batches go through
``assess_frame`` on the executors (``DataFrame.mapInArrow``).

>>> from complaint_triage.spark import assess_spark          # doctest: +SKIP
>>> graded = assess_spark(spark.read.json("complaints.jsonl"))  # doctest: +SKIP

The executors need this package installed in their Python (the same
wheel). Results are those of ``assess_frame``: scores, priority and
deadlines as Spark integers, grade and tier as strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from ._frame import OUTPUT_COLUMNS
from ._native import Policy

__all__ = ["assess_spark", "output_schema"]

_STRINGS = ("grade", "tier", "error")


def output_schema(schema: Any, errors: Literal["raise", "column"] = "raise") -> Any:
    """The Spark schema of ``assess_spark``'s result for an input ``schema``:
    the input's fields (output columns of the same name replaced) and the
    output columns."""
    from pyspark.sql import types as T

    added = list(OUTPUT_COLUMNS) + (["error"] if errors == "column" else [])
    fields = [f for f in schema.fields if f.name not in added]
    for name in added:
        kind = T.StringType() if name in _STRINGS else T.IntegerType()
        fields.append(T.StructField(name, kind, nullable=errors == "column" or name == "error"))
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
