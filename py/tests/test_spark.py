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
