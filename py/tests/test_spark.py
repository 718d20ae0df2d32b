"""Spark in local mode: assess_spark (mapInArrow) gives what assess_frame gives."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

import complaint_triage as ct
from conftest import EXAMPLES

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17 or later)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("complaint-triage-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _plain(df: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for rec in df[columns].astype(object).to_dict("records"):
        out.append({str(k): (None if v is None or (isinstance(v, float) and v != v) or v is pd.NA
                        else v if isinstance(v, str) else int(v)) for k, v in rec.items()})
    return out


def test_spark_grades_like_assess_frame(spark: Any) -> None:
    from complaint_triage.spark import assess_spark

    sdf = spark.read.json(str(EXAMPLES)).repartition(3)
    graded = assess_spark(sdf).toPandas().sort_values("id").reset_index(drop=True)
    local = ct.assess_frame(sdf.toPandas()).sort_values("id").reset_index(drop=True)
    columns = ["id"] + list(ct.OUTPUT_COLUMNS)
    assert len(graded) == len(local) > 0
    assert _plain(graded, columns) == _plain(local, columns)


def test_spark_policy_and_error_column(spark: Any) -> None:
    from complaint_triage.spark import assess_spark

    rows = [("A", "billing", 3), ("B", "nope", 2), ("C", None, 11)]
    sdf = spark.createDataFrame(rows, "id string, category string, emotion long")
    policy = ct.Policy.from_json('{"resolution_hours":[8,24,48,96,120]}')
    out = assess_spark(sdf, policy=policy, errors="column").toPandas().sort_values("id")
    assert out["error"].isna().tolist() == [True, False, False]
    assert "`category`" in out["error"].iloc[1] and "`emotion`" in out["error"].iloc[2]
    assert out["resolution_hours"].iloc[0] == ct.assess({"category": "billing", "emotion": 3}, policy=policy).resolution_hours
    with pytest.raises(Exception, match="emotion"):
        assess_spark(sdf.filter("id = 'C'")).collect()


def _by_id(c: ct.PolicyComparison, ids: list[str]) -> dict[str, Any]:
    """A comparison with each row named by its id instead of its position."""
    return {
        "rows": c.rows,
        "transitions": {k: (t.labels, t.counts) for k, t in c.transitions.items()},
        "deadlines": c.deadlines,
        "factors": c.factors,
        "policy_changes": c.policy_changes,
        "moved": sorted((m.id, sorted(m.before.items()), sorted(m.after.items()), m.changes) for m in c.moved),
        "errors": sorted((ids[row] if row < len(ids) else row, message) for row, message in c.errors),
    }


def test_spark_compares_policies_like_compare_policies(spark: Any) -> None:
    from complaint_triage.spark import compare_spark

    new = ct.Policy.default().with_overrides(
        '{"urgency_levels": [50, 80], "resolution_hours": [12, 24, 72, 120, 168]}'
    )
    sdf = spark.read.json(str(EXAMPLES)).repartition(3)
    assert sdf.rdd.getNumPartitions() == 3
    local = sdf.toPandas()
    expected = ct.compare_policies(local, ct.Policy.default(), new)
    got = compare_spark(sdf, ct.Policy.default(), new)
    assert len(expected.moved) > 0  # the change moves rows, so their merge is tested
    assert _by_id(got, []) == _by_id(expected, [])
    # Positions are Spark's row ids: unique, and each names its own row.
    positions = [m.row for m in got.moved]
    assert len(set(positions)) == len(positions)
    # A policy compared with itself moves nothing, on Spark too.
    same = compare_spark(sdf, new, new)
    assert same.rows == len(local) and len(same.moved) == 0 and same.factors == {}


def test_spark_compare_lists_bad_rows_and_raises_on_them(spark: Any) -> None:
    from complaint_triage.spark import compare_spark

    rows = [("A", "billing", 3), ("B", "nope", 2), ("C", "billing", 9), ("D", None, 7)]
    sdf = spark.createDataFrame(rows, "id string, category string, emotion long").repartition(2)
    new = ct.Policy.default().with_overrides('{"urgency_levels": [10, 20]}')
    got = compare_spark(sdf, ct.Policy.default(), new, errors="column")
    local = pd.DataFrame(rows, columns=["id", "category", "emotion"])
    expected = ct.compare_policies(local, ct.Policy.default(), new, errors="column")
    assert got.rows == expected.rows == 3
    assert [m for _, m in got.errors] == [m for _, m in expected.errors]
    assert "`category`" in got.errors[0][1]
    assert _by_id(got, [])["moved"] == _by_id(expected, [])["moved"]
    with pytest.raises(Exception, match="category"):
        compare_spark(sdf, ct.Policy.default(), new)
