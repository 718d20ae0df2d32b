"""The improvement report: how complaint handling develops, per category
and period (counts, severity mix, repeat-complaint rate, on-time rate and
mean improvement effect)."""

from __future__ import annotations

from typing import Any, Literal

from ._frame import evaluate_frame
from ._native import Policy, outcome_fields, vocabulary
from ._pandas import to_pandas

__all__ = ["improvement_report", "TIMESTAMP_COLUMNS"]

#: Column names tried, in order, when no ``timestamp`` column is named and
#: no column has a datetime type.
TIMESTAMP_COLUMNS: tuple[str, ...] = (
    "timestamp",
    "created_at",
    "opened_at",
    "received_at",
    "closed_at",
    "date",
)


def _timestamp_column(df: Any, timestamp: str | None) -> str:
    import pandas as pd

    if timestamp is not None:
        if timestamp not in df.columns:
            raise ValueError(f"no column `{timestamp}` in the frame")
        return timestamp
    for c in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[c]):
            return str(c)
    for c in TIMESTAMP_COLUMNS:
        if c in df.columns:
            return c
    raise ValueError(
        "no timestamp column: name one with timestamp=..., or pass period=None"
    )


def improvement_report(
    df: Any,
    by: str | list[str] | None = "category",
    period: str | None = "M",
    *,
    timestamp: str | None = None,
    policy: Policy | None = None,
    errors: Literal["raise", "column"] = "raise",
) -> Any:
    """The improvement report of closed complaints, as a pandas DataFrame
    with one row per group (``by`` columns and, with ``period``, the
    period).

    ``df`` (pandas, polars or pyarrow) holds the records' fields and their
    outcomes (``outcome_fields()``: resolved_first_contact,
    hours_to_resolve, satisfaction, reopened, repeat_within_30_days,
    root_cause_fixed), and, for ``period`` (a pandas period alias: "M",
    "W", "Q", ...), a timestamp column (``timestamp``, else the first
    datetime column, else one of ``TIMESTAMP_COLUMNS``). Each row is graded
    and its outcome scored by the core (``evaluate_frame``).

    Columns: ``count``; the count of each grade (``minor`` ... ``critical``)
    and ``major_or_worse_share``; ``repeat_rate`` (share repeated within 30
    days), ``on_time_rate`` (share resolved within the assessed deadline),
    ``first_contact_rate``, ``mean_effect`` (mean improvement effect,
    0-100), ``mean_severity``. With ``errors="column"`` rows the core
    rejects are left out and counted in ``rejected``.
    """
    import pandas as pd

    frame = to_pandas(df)
    present = [c for c in outcome_fields() if c in frame.columns]
    if not present:
        raise ValueError(
            "the frame has no outcome column; expected some of: " + ", ".join(outcome_fields())
        )
    keys: list[str] = [] if by is None else [by] if isinstance(by, str) else list(by)
    for k in keys:
        if k not in frame.columns:
            raise ValueError(f"no column `{k}` to group by")
    graded = evaluate_frame(frame, policy=policy, errors=errors)
    work = pd.DataFrame(index=graded.index)
    for k in keys:
        work[k] = graded[k].astype("string").fillna("(none)")
    if period is not None:
        column = _timestamp_column(graded, timestamp)
        stamps = pd.to_datetime(graded[column])
        if getattr(stamps.dt, "tz", None) is not None:
            stamps = stamps.dt.tz_localize(None)
        work["period"] = stamps.dt.to_period(period)
        keys = keys + ["period"]
    rejected = None
    if errors == "column":
        rejected = graded["error"].notna()
        work["rejected"] = rejected.astype(int)
    ok = ~rejected if rejected is not None else pd.Series(True, index=graded.index)
    grades = [v["code"] for v in vocabulary("grade")]
    grade = graded["grade"].astype("string")
    for g in grades:
        work[g] = ((grade == g) & ok).astype(int)
    work["count"] = ok.astype(int)

    def flag(name: str) -> Any:
        if name not in graded.columns:
            return pd.Series(float("nan"), index=graded.index)
        return graded[name].astype("float").fillna(0.0).where(ok)

    work["repeat"] = flag("repeat_within_30_days")
    work["first_contact"] = flag("resolved_first_contact")
    work["on_time"] = graded["on_time"].astype("float").where(ok)
    work["effect"] = graded["effect_score"].astype("float").where(ok)
    work["severity_score"] = graded["severity"].astype("float").where(ok)

    if not keys:
        work["_all"] = "all"
        keys = ["_all"]
    grouped = work.groupby(keys, observed=True, sort=True)
    sums = {g: grouped[g].sum() for g in grades}
    report = pd.DataFrame({"count": grouped["count"].sum()})
    for g in grades:
        report[g] = sums[g]
    worse = grades[grades.index("major") :] if "major" in grades else []
    report["major_or_worse_share"] = (
        sum((report[g] for g in worse), start=0 * report["count"]) / report["count"].where(report["count"] > 0)
    )
    report["repeat_rate"] = grouped["repeat"].mean()
    report["on_time_rate"] = grouped["on_time"].mean()
    report["first_contact_rate"] = grouped["first_contact"].mean()
    report["mean_effect"] = grouped["effect"].mean()
    report["mean_severity"] = grouped["severity_score"].mean()
    if rejected is not None:
        report["rejected"] = grouped["rejected"].sum()
    report = report.reset_index()
    if "_all" in report.columns:
        report = report.drop(columns="_all")
    return report
