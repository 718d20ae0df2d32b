"""Grading whole frames: pandas, polars and pyarrow, through Arrow.

A frame is handed to the native module as Arrow record batches (the Arrow
PyCapsule interface); the rows are read and graded in Rust without the GIL
and without a Python object per row. Columns named after record fields are
read (see ``record_fields()``); other columns are ignored and kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

from . import _native
from ._native import Policy
from ._record import RECORD_CONTRACT

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["OUTPUT_COLUMNS", "EFFECT_COLUMNS", "assess_frame", "evaluate_frame"]

#: Columns ``assess_frame`` appends, in order.
OUTPUT_COLUMNS: tuple[str, ...] = (
    "severity",
    "impact",
    "difficulty",
    "escalation_risk",
    "malice",
    "grade",
    "tier",
    "priority",
    "first_response_minutes",
    "resolution_hours",
    "suggested_category",
)

#: Columns ``evaluate_frame`` appends after ``OUTPUT_COLUMNS``.
EFFECT_COLUMNS: tuple[str, ...] = ("effect_score", "on_time")

F = TypeVar("F")


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - exercised without pyarrow only
        raise ImportError(
            "assess_frame needs pyarrow: pip install 'complaint-triage[frames]'"
        ) from e
    return pyarrow


def _kind(df: Any) -> str:
    """What kind of frame ``df`` is."""
    module = type(df).__module__
    name = type(df).__name__
    if module.startswith("pandas") and name == "DataFrame":
        return "pandas"
    if module.startswith("polars") and name == "DataFrame":
        return "polars"
    if module.startswith("polars") and name == "LazyFrame":
        raise TypeError("a polars LazyFrame must be collected first: assess_frame(lf.collect())")
    if module.startswith("pyarrow") and name == "Table":
        return "table"
    if module.startswith("pyarrow") and name == "RecordBatch":
        return "batch"
    if hasattr(df, "__arrow_c_stream__"):
        return "stream"
    raise TypeError(
        "expected a pandas or polars DataFrame, a pyarrow Table or RecordBatch, or an "
        f"object with __arrow_c_stream__, not {type(df).__name__}"
    )


def _wanted(columns: list[Any], with_outcome: bool) -> list[str]:
    names = set(_native.record_fields())
    if with_outcome:
        names |= set(_native.outcome_fields())
    seen: set[str] = set()
    out = []
    for c in columns:
        if isinstance(c, str) and c in names:
            if c in seen:
                raise ValueError(f"column `{c}`: the column appears twice")
            seen.add(c)
            out.append(c)
    return out


def _pandas_to_arrow(df: Any, cols: list[str]) -> pa.Table:
    """The record columns of a pandas frame as Arrow, column by column, so
    that each row reads as ``assess`` reads the same value (see
    ``_pandas_column``)."""
    pa = _pyarrow()
    arrays = []
    names = []
    for c in cols:
        array, raw = _pandas_column(c, df[c])
        arrays.append(array)
        names.append(RAW_JSON_PREFIX + c if raw else c)
    return pa.Table.from_arrays(arrays, names=names)


#: A column named with this prefix holds JSON text for the field after it
#: (see the native frame reader).
RAW_JSON_PREFIX = "\x01json:"

#: The ``pandas.api.types.infer_dtype`` kinds of an object column whose
#: values are all of one kind, which Arrow then holds as they are.
_ONE_KIND = ("string", "boolean", "integer", "floating")

#: What Arrow raises for values it cannot hold in one array.
_ARROW_REFUSALS: tuple[type[BaseException], ...] = (
    ValueError,  # pyarrow.ArrowInvalid
    TypeError,  # pyarrow.ArrowTypeError
    NotImplementedError,  # pyarrow.ArrowNotImplementedError
    OverflowError,  # an integer past 64 bits
    UnicodeError,  # a str with a lone surrogate
)

#: The record's boolean fields, from the declared contract (a list kept
#: here missed a field added later, whose float column was then refused).
_BOOL_FIELDS = tuple(f[0] for f in RECORD_CONTRACT if f[1] == "bool")


def _pandas_column(field: str, series: Any) -> tuple[Any, bool]:
    """One record column of a pandas frame as an Arrow array, and whether
    it is sent as JSON text value by value (a raw column).

    - A float column of a boolean field holding only 0.0, 1.0 and NaN is a
      nullable boolean column: that is how pandas holds booleans with
      missing values (``pandas.read_json`` of a JSON Lines file in which
      some records leave the field out, for instance); NaN is "not given".
    - An object column whose values are all of one kind (strings,
      booleans, integers or floats; missing values aside), or all lists of
      strings, is converted by Arrow.
    - Any other object column (values of mixed kinds, integers past 64
      bits, strings with lone surrogates, ...) is sent value by value as
      the JSON ``assess`` writes for the same value, so that each row is
      judged on its own, exactly as ``assess`` judges it.
    """
    import numpy as np
    import pandas as pd

    pa = _pyarrow()
    dtype = series.dtype
    if field in _BOOL_FIELDS and dtype.kind == "f":
        floats = series.to_numpy(dtype="float64", na_value=np.nan)
        missing = np.isnan(floats)
        if np.isin(floats[~missing], (0.0, 1.0)).all():
            return pa.array(floats == 1.0, mask=missing), False
    one_kind = dtype != object
    if not one_kind:
        kind = pd.api.types.infer_dtype(series, skipna=True)
        if kind == "empty":
            return pa.nulls(len(series)), False
        one_kind = kind in _ONE_KIND
    try:
        array = pa.array(series, from_pandas=True)
    except _ARROW_REFUSALS:
        array = None
    if array is not None and (one_kind or _lists_of_strings(array.type)):
        return array, False
    values = []
    for row, v in enumerate(series):
        try:
            values.append(_native._record_value_json(field, v))
        except TypeError as e:
            raise TypeError(f"row {row}: {e}") from None
    return pa.array(values, type=pa.string()), True


def _lists_of_strings(t: Any) -> bool:
    """Whether an Arrow type is a list of strings (or of nulls only)."""
    types = _pyarrow().types
    if not (types.is_list(t) or types.is_large_list(t)):
        return False
    v = t.value_type
    return bool(types.is_string(v) or types.is_large_string(v) or types.is_null(v))


def _normalise(table: pa.Table) -> pa.Table:
    """Casts the Arrow layouts the native reader does not read (string
    views, fixed-size lists) to ones it does."""
    pa = _pyarrow()
    types = pa.types

    def fix(t: Any) -> Any:
        if types.is_string_view(t):
            return pa.large_string()
        if types.is_dictionary(t) and types.is_string_view(t.value_type):
            return pa.dictionary(t.index_type, pa.large_string(), t.ordered)
        if types.is_list(t) or types.is_large_list(t) or types.is_fixed_size_list(t):
            inner = fix(t.value_type)
            if types.is_fixed_size_list(t) or inner != t.value_type:
                return pa.large_list(inner)
        if hasattr(types, "is_list_view") and (
            types.is_list_view(t) or types.is_large_list_view(t)
        ):
            return pa.large_list(fix(t.value_type))
        return t

    schema = table.schema
    fixed = [fix(f.type) for f in schema]
    if all(a == f.type for a, f in zip(fixed, schema)):
        return table
    return table.cast(pa.schema([f.with_type(t) for f, t in zip(schema, fixed)]))


def _input_table(df: Any, kind: str, with_outcome: bool) -> pa.Table:
    """The record (and outcome) columns of ``df`` as a pyarrow Table."""
    pa = _pyarrow()
    if kind == "pandas":
        cols = _wanted(list(df.columns), with_outcome)
        table = _pandas_to_arrow(df, cols)
    elif kind == "polars":
        cols = _wanted(list(df.columns), with_outcome)
        sub = df.select(cols)
        try:
            import polars as pl

            table = sub.to_arrow(compat_level=pl.CompatLevel.oldest())
        except (AttributeError, TypeError):
            table = sub.to_arrow()
    else:
        if kind == "batch":
            table = pa.Table.from_batches([df])
        elif kind == "stream":
            table = pa.table(df)
        else:
            table = df
        cols = _wanted(table.column_names, with_outcome)
        table = table.select(cols)
    return _normalise(table)


def _num_rows(df: Any, kind: str) -> int:
    if kind == "pandas":
        return len(df.index)
    if kind == "polars":
        return int(df.height)
    return int(df.num_rows)


def _codes(vocabulary: str) -> list[str]:
    return [v["code"] for v in _native.vocabulary(vocabulary)]


def _threads(threads: int | None) -> int:
    if threads is None or threads == 0:
        import os

        return os.cpu_count() or 1
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 0:
        raise ValueError(f"threads must be at least 0, not {threads}")
    return threads


def _grade(df: Any, policy: Policy | None, errors: str, with_outcome: bool, threads: int | None = 1) -> Any:
    workers = _threads(threads)
    if errors not in ("raise", "column"):
        raise ValueError(f'errors must be "raise" or "column", not {errors!r}')
    if policy is not None and not isinstance(policy, Policy):
        raise TypeError(f"policy must be a Policy, not {type(policy).__name__}")
    pa = _pyarrow()
    kind = _kind(df)
    if kind == "stream":
        # A stream can be read once: read it into a Table, graded as one.
        df = pa.table(df)
        kind = "table"
    table = _input_table(df, kind, with_outcome)
    n = _num_rows(df, kind)
    if table.num_columns == 0:
        # No record column at all: every row is an empty record.
        batches = [pa.RecordBatch.from_arrays([pa.nulls(n)], names=["_"])]
    else:
        batches = table.to_batches()
    data, errs = _native._assess_arrow(
        batches,
        policy,
        collect_errors=(errors == "column"),
        with_outcome=with_outcome,
        threads=workers,
    )
    validity = pa.py_buffer(data["valid"]) if errs else None

    def column(name: str, t: Any) -> Any:
        return pa.Array.from_buffers(t, n, [validity, pa.py_buffer(data[name])])

    out: dict[str, Any] = {}
    for name in ("severity", "impact", "difficulty", "escalation_risk", "malice"):
        out[name] = column(name, pa.uint8())
    for name in ("grade", "tier"):
        out[name] = pa.DictionaryArray.from_arrays(
            column(name, pa.int8()), pa.array(_codes(name)), ordered=True
        )
    out["priority"] = column("priority", pa.uint8())
    out["first_response_minutes"] = column("first_response_minutes", pa.uint16())
    out["resolution_hours"] = column("resolution_hours", pa.uint16())
    # 0 where the record gave a category or the text suggested none (null),
    # else 1 + the category's index.
    import pyarrow.compute as pc

    suggested = column("suggested_category", pa.uint8())
    index = pc.subtract(suggested.cast(pa.int16()), 1).cast(pa.int8())
    none = pc.equal(suggested, 0)
    out["suggested_category"] = pa.DictionaryArray.from_arrays(
        pc.if_else(none, pa.scalar(None, pa.int8()), index),
        pa.array(_codes("category")),
    )
    if with_outcome:
        out["effect_score"] = column("effect_score", pa.uint8())
        out["on_time"] = column("on_time", pa.uint8()).cast(pa.bool_())
    if errors == "column":
        out["error"] = pa.Array.from_buffers(
            pa.large_string(),
            n,
            [
                pa.py_buffer(data["error_valid"]),
                pa.py_buffer(data["error_offsets"]),
                pa.py_buffer(data["error_data"]),
            ],
        )
    # With errors="column" the outputs may hold nulls: pandas gets nullable
    # dtypes whether or not this frame had a bad row.
    return _attach(df, kind, out, nullable=errors == "column")


def _attach(df: Any, kind: str, out: dict[str, Any], nullable: bool) -> Any:
    """``df`` with the output columns appended (replacing any of the same name)."""
    pa = _pyarrow()
    if kind in ("table", "stream"):
        table = df if kind == "table" else pa.table(df)
        for name, arr in out.items():
            i = table.schema.get_field_index(name)
            if i >= 0:
                table = table.set_column(i, name, arr)
            else:
                table = table.append_column(name, arr)
        return table
    if kind == "batch":
        names = [n for n in df.schema.names if n not in out]
        arrays = [df.column(n) for n in names] + list(out.values())
        return pa.RecordBatch.from_arrays(arrays, names=names + list(out))
    added = pa.table(out)
    if kind == "polars":
        import polars as pl

        frame = pl.from_arrow(added)
        assert isinstance(frame, pl.DataFrame)
        return df.with_columns(frame.get_columns())
    import pandas as pd

    mapper = None
    if nullable:
        nullable_types = {
            pa.uint8(): pd.UInt8Dtype(),
            pa.uint16(): pd.UInt16Dtype(),
            pa.bool_(): pd.BooleanDtype(),
        }
        mapper = nullable_types.get
    extra = added.to_pandas(types_mapper=mapper)
    result = df.copy(deep=False)
    for name in extra.columns:
        result[name] = extra[name].array
    return result


def assess_frame(
    df: F,
    *,
    policy: Policy | None = None,
    errors: Literal["raise", "column"] = "raise",
    threads: int | None = 1,
) -> F:
    """Grades every row of a frame and returns a frame of the same kind with
    the columns of ``OUTPUT_COLUMNS`` appended (an existing column of the
    same name is replaced).

    ``df`` is a pandas or polars DataFrame, a pyarrow Table or RecordBatch,
    or any object with ``__arrow_c_stream__`` (graded into a pyarrow Table).
    Columns named after record fields are read, others kept as they are;
    null and NaN mean "not given". List-valued fields accept lists of codes
    or comma-separated strings. Integer fields accept integer columns, and
    float columns holding whole numbers.

    With ``errors="raise"`` the first bad row raises ``RecordError`` (or
    ``RecordTypeError``) naming the row and field; with ``errors="column"``
    an ``error`` column holds each bad row's message, its outputs are null,
    and the other rows are graded.

    Scores are uint8, grade and tier ordered dictionaries (categoricals) of
    the core's codes, priority uint8, deadlines uint16. The work runs in
    Rust without the GIL, on ``threads`` threads (``None`` or 0: one per
    CPU); the results do not depend on it.
    """
    result: F = _grade(df, policy, errors, with_outcome=False, threads=threads)
    return result


def evaluate_frame(
    df: F,
    *,
    policy: Policy | None = None,
    errors: Literal["raise", "column"] = "raise",
    threads: int | None = 1,
) -> F:
    """Like ``assess_frame``, and also scores each row's outcome with the
    core's ``evaluate_outcome``: the outcome columns (``outcome_fields()``:
    resolved_first_contact, hours_to_resolve, satisfaction, reopened,
    repeat_within_30_days, root_cause_fixed; each optional) give
    ``effect_score`` (0-100) and ``on_time``. A bad outcome value is an
    ``OutcomeError`` (or, with ``errors="column"``, an ``error`` entry
    starting with ``outcome:``)."""
    result: F = _grade(df, policy, errors, with_outcome=True, threads=threads)
    return result
