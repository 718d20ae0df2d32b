"""The improvement report and the plots."""

from __future__ import annotations

from typing import Any

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import polars as pl
import pytest
from matplotlib.figure import Figure

import complaint_triage as ct


def closed(examples: list[dict[str, Any]], copies: int = 8) -> pd.DataFrame:
    """The examples, repeated over six months, with outcomes."""
    rng = np.random.default_rng(3)
    df = pd.DataFrame.from_records(examples * copies)
    n = len(df)
    df["created_at"] = pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 180, n), unit="D")
    df["resolved_first_contact"] = rng.random(n) < 0.4
    df["hours_to_resolve"] = rng.integers(1, 300, n)
    df["satisfaction"] = pd.array(list(rng.integers(1, 6, n)), dtype="Int64")
    df.loc[rng.random(n) < 0.2, "satisfaction"] = pd.NA
    df["reopened"] = rng.random(n) < 0.1
    df["repeat_within_30_days"] = rng.random(n) < 0.15
    df["root_cause_fixed"] = rng.random(n) < 0.5
    return df


def test_report_counts_and_rates(examples: list[dict[str, Any]]) -> None:
    df = closed(examples)
    report = ct.improvement_report(df, by="category", period="M")
    assert list(report.columns[:2]) == ["category", "period"]
    assert report["count"].sum() == len(df)
    grades = ["minor", "moderate", "major", "critical"]
    assert (report[grades].sum(axis=1) == report["count"]).all()
    graded = ct.evaluate_frame(df)
    one = report.iloc[0]
    rows = graded[(graded["category"] == one["category"]) & (graded["created_at"].dt.to_period("M") == one["period"])]
    assert one["count"] == len(rows)
    assert one["mean_effect"] == pytest.approx(rows["effect_score"].astype(float).mean())
    assert one["on_time_rate"] == pytest.approx(rows["on_time"].astype(float).mean())
    assert one["repeat_rate"] == pytest.approx(rows["repeat_within_30_days"].astype(float).mean())
    for c in ("repeat_rate", "on_time_rate", "first_contact_rate", "major_or_worse_share"):
        assert report[c].between(0, 1).all()


def test_report_options(examples: list[dict[str, Any]]) -> None:
    df = closed(examples)
    overall = ct.improvement_report(df, by=None, period=None)
    assert len(overall) == 1 and overall["count"][0] == len(df)
    by_two = ct.improvement_report(pl.from_pandas(df), by=["category", "channel"], period="Q")
    assert by_two["count"].sum() == len(df)
    bad = df.copy()
    bad.loc[0, "emotion"] = 99
    with pytest.raises(ct.RecordError):
        ct.improvement_report(bad)
    kept = ct.improvement_report(bad, errors="column")
    assert kept["count"].sum() == len(df) - 1 and kept["rejected"].sum() == 1
    with pytest.raises(ValueError, match="outcome"):
        ct.improvement_report(pd.DataFrame.from_records(examples))
    with pytest.raises(ValueError, match="timestamp"):
        ct.improvement_report(df.drop(columns="created_at"))


def test_plots_return_figures(examples: list[dict[str, Any]]) -> None:
    df = closed(examples, 2)
    graded = ct.assess_frame(df)
    for fig in (
        ct.plot_severity_distribution(graded),
        ct.plot_severity_distribution(pl.from_pandas(df).pipe(ct.assess_frame), by="channel"),
        ct.plot_impact_difficulty(graded),
        ct.plot_impact_difficulty(graded, policy=ct.Policy.from_json('{"difficulty_tiers":[30,60]}')),
        ct.plot_improvement_trend(ct.improvement_report(df)),
        ct.plot_improvement_trend(ct.improvement_report(df, by=None)),
    ):
        assert isinstance(fig, Figure)
        fig.canvas.draw() if hasattr(fig.canvas, "draw") else None
    with pytest.raises(ValueError):
        ct.plot_severity_distribution(df)
    with pytest.raises(ValueError):
        ct.plot_improvement_trend(ct.improvement_report(df, period=None))
