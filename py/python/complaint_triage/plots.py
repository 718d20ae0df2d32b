"""Plots of graded complaints and of the improvement report (matplotlib).

Each function takes a graded frame (the output of ``assess_frame`` or
``evaluate_frame``, any kind) or an ``improvement_report`` and returns a
new ``matplotlib.figure.Figure``; nothing is shown or saved. The region
boundaries drawn come from the policy (``Policy.to_dict()``); no grading is
done here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._native import Policy, vocabulary
from ._pandas import to_pandas

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "plot_severity_distribution",
    "plot_impact_difficulty",
    "plot_improvement_trend",
]

#: One colour per grade, minor to critical.
GRADE_COLOURS: tuple[str, ...] = ("#4c9a2a", "#e0b000", "#e06000", "#b00020")
#: One colour per tier, front line to management.
TIER_COLOURS: tuple[str, ...] = ("#2a7ab0", "#e09000", "#b00020")


def _figure(ncols: int = 1, width: float = 6.4) -> tuple[Figure, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width * ncols, 4.2), layout="constrained")
    axes = fig.subplots(1, ncols)
    return fig, axes


def _codes(name: str) -> list[str]:
    return [v["code"] for v in vocabulary(name)]


def plot_severity_distribution(graded: Any, by: str | None = None) -> Figure:
    """The severity distribution: a histogram of severity scores (0-100)
    and the count of each grade, stacked by ``by`` (e.g. "category") if
    given."""
    df = to_pandas(graded)
    for c in ("severity", "grade"):
        if c not in df.columns:
            raise ValueError(f"no `{c}` column: grade the frame with assess_frame first")
    fig, (left, right) = _figure(2)
    scores = df["severity"].dropna().astype(float)
    left.hist(scores, bins=range(0, 105, 5), color="#2a7ab0", edgecolor="white")
    left.set_xlim(0, 100)
    left.set_xlabel("severity score")
    left.set_ylabel("complaints")
    left.set_title("Severity scores")
    grades = _codes("grade")
    grade = df["grade"].astype("string")
    if by is None:
        counts = [int((grade == g).sum()) for g in grades]
        right.bar(grades, counts, color=GRADE_COLOURS[: len(grades)])
    else:
        if by not in df.columns:
            raise ValueError(f"no column `{by}`")
        table = (
            df.assign(_grade=grade, _by=df[by].astype("string").fillna("(none)"))
            .groupby(["_grade", "_by"], observed=True)
            .size()
            .unstack(fill_value=0)
            .reindex(grades, fill_value=0)
        )
        bottom = [0] * len(grades)
        for column in table.columns:
            values = [int(v) for v in table[column]]
            right.bar(grades, values, bottom=bottom, label=str(column))
            bottom = [a + b for a, b in zip(bottom, values)]
        right.legend(fontsize="small", title=by)
    right.set_xlabel("grade")
    right.set_ylabel("complaints")
    right.set_title("Grades")
    return fig


def plot_impact_difficulty(graded: Any, policy: Policy | None = None) -> Figure:
    """Impact against resolution difficulty, one point per complaint
    coloured by its tier, over the policy's regions: difficulty bands that
    set the tier at least to specialist, then management
    (``difficulty_tiers``), and the impact level boundaries
    (``impact_levels``). A point can sit above its band's tier: grade,
    malice and authority can raise the tier too."""
    df = to_pandas(graded)
    for c in ("impact", "difficulty", "tier"):
        if c not in df.columns:
            raise ValueError(f"no `{c}` column: grade the frame with assess_frame first")
    p = (policy or Policy.default()).to_dict()
    low, high = p["difficulty_tiers"]
    tiers = _codes("tier")
    fig, ax = _figure(1, 7.0)
    for (y0, y1), tier, colour in zip(((0, low), (low, high), (high, 100)), tiers, TIER_COLOURS):
        ax.axhspan(y0, y1, color=colour, alpha=0.08, linewidth=0)
        ax.text(99, y1 - 1, f"difficulty → at least {tier}", ha="right", va="top", fontsize="x-small", color=colour)
    for x in p["impact_levels"]:
        ax.axvline(x, color="grey", linestyle="--", linewidth=0.8)
    tier = df["tier"].astype("string")
    for t, colour in zip(tiers, TIER_COLOURS):
        rows = df[tier == t]
        ax.scatter(rows["impact"].astype(float), rows["difficulty"].astype(float), s=18, color=colour, label=t, alpha=0.8)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set_xlabel("impact (dashed: impact level boundaries)")
    ax.set_ylabel("resolution difficulty")
    ax.set_title("Impact × difficulty, by handling tier")
    ax.legend(title="tier", fontsize="small")
    return fig


def plot_improvement_trend(report: Any, by: str | None = "category") -> Figure:
    """The trend of the improvement effect from an ``improvement_report``
    with periods: mean effect per period, one line per ``by`` group, and
    the on-time and repeat-complaint rates over all groups."""
    import pandas as pd

    df = to_pandas(report)
    if "period" not in df.columns:
        raise ValueError("the report has no `period` column: make it with a period")
    fig, (left, right) = _figure(2)
    x = df["period"]
    stamps = x.dt.to_timestamp() if isinstance(x.dtype, pd.PeriodDtype) else pd.to_datetime(x)
    df = df.assign(_t=stamps)
    if by is not None and by in df.columns:
        for key, rows in df.groupby(by, observed=True):
            rows = rows.sort_values("_t")
            left.plot(rows["_t"], rows["mean_effect"], marker="o", label=str(key))
        left.legend(fontsize="small", title=by)
    else:
        rows = df.groupby("_t")["mean_effect"].mean()
        left.plot(rows.index, rows.values, marker="o")
    left.set_ylim(0, 100)
    left.set_ylabel("mean improvement effect")
    left.set_title("Improvement effect")
    weights = df["count"].astype(float)
    overall = df.assign(
        _on=df["on_time_rate"] * weights, _rep=df["repeat_rate"] * weights, _w=weights
    ).groupby("_t")[["_on", "_rep", "_w"]].sum()
    right.plot(overall.index, overall["_on"] / overall["_w"], marker="o", label="on time")
    right.plot(overall.index, overall["_rep"] / overall["_w"], marker="s", label="repeated within 30 days")
    right.set_ylim(0, 1)
    right.set_ylabel("share of complaints")
    right.set_title("On-time and repeat rates")
    right.legend(fontsize="small")
    for ax in (left, right):
        ax.tick_params(axis="x", labelrotation=30)
    return fig
