"""The Python examples of py/README.md run, and say what they print.

Each ```python block runs in one shared namespace, in order, after a
preamble that provides the names the prose assumes (`record`, `df`,
`closed`). The Spark block is run by test_spark.py's machinery instead,
since it needs a JVM and takes seconds.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import complaint_triage as ct

README = Path(__file__).resolve().parents[1] / "README.md"
REPO = README.parents[1]


#: The record of the README's first example, written out again here.
FIRST_EXAMPLE_RECORD = {
    "id": "T-7", "category": "basic_service", "channel": "social_media",
    "affected_customers": 2500, "emotion": 8, "prior_contacts": 3, "hours_open": 72,
    "threats": ["media"], "text": "全区断网三天了,再不解决我就找记者曝光!",
}


def python_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_readme_has_examples() -> None:
    assert len(python_blocks()) >= 4


def test_the_readme_examples_run(examples: list[dict[str, Any]]) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    closed = pd.DataFrame(examples)
    closed["received"] = pd.date_range("2026-01-01", periods=len(closed), freq="5D")
    closed["resolved_first_contact"] = [i % 3 == 0 for i in range(len(closed))]
    closed["hours_to_resolve"] = [4 + 7 * i for i in range(len(closed))]
    closed["satisfaction"] = [1 + i % 5 for i in range(len(closed))]
    namespace: dict[str, Any] = {
        "record": examples[0],
        "df": pd.DataFrame(examples),
        "closed": closed,
    }
    ran = 0
    for block in python_blocks():
        if "pyspark" in block:
            continue
        exec(compile(block, str(README), "exec"), namespace)  # noqa: S102
        ran += 1
    assert ran >= 4

    # What the first example says it shows.
    a = namespace["a"]
    assert (a.priority, a.tier, a.grade) == (1, "management", "major")
    # The same record as JSON text, through the core's own parser.
    same = ct.assess_json(ct.to_record_json(FIRST_EXAMPLE_RECORD))
    assert a.to_json() == same.to_json()
    graded = namespace["graded"]
    assert len(graded) == len(examples)
    for column in ct.OUTPUT_COLUMNS:
        assert column in graded.columns
