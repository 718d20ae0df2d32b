"""The Python examples of py/README.md run exactly as written, and say
what they print; the extras it documents are those of pyproject.toml.

Each ```python block runs on its own, in a fresh namespace, from the
repository root (where the README's install commands run), so that every
name a block uses is defined in it. The Spark block needs Java.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import complaint_triage as ct

README = Path(__file__).resolve().parents[1] / "README.md"
PYPROJECT = README.parent / "pyproject.toml"
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


def run_block(block: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(REPO)
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(block, str(README), "exec"), namespace)  # noqa: S102
    return namespace


def test_the_readme_has_examples() -> None:
    assert len(python_blocks()) >= 5


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_each_readme_example_runs_as_written(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    block = python_blocks()[index]
    if "pyspark" in block:
        pytest.importorskip("pyspark")
        if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
            pytest.skip("Spark needs Java (17 or later)")
        # Spark's Python workers: this interpreter, where the package is.
        monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
        monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    if "plot_" in block:
        pytest.importorskip("matplotlib")
        import matplotlib

        matplotlib.use("Agg")
    namespace = run_block(block, monkeypatch)
    if "graded" in namespace:
        graded = namespace["graded"]
        for column in ct.OUTPUT_COLUMNS:
            assert column in graded.columns


def test_the_first_example_shows_what_it_says(monkeypatch: pytest.MonkeyPatch) -> None:
    namespace = run_block(python_blocks()[0], monkeypatch)
    a = namespace["a"]
    assert (a.priority, a.tier, a.grade) == (1, "management", "major")
    # The same record as JSON text, through the core's own parser.
    same = ct.assess_json(ct.to_record_json(FIRST_EXAMPLE_RECORD))
    assert a.to_json() == same.to_json()


def test_the_frames_example_grades_every_example(monkeypatch: pytest.MonkeyPatch) -> None:
    block = next(b for b in python_blocks() if "assess_frame(df" in b)
    namespace = run_block(block, monkeypatch)
    lines = (REPO / "examples" / "complaints.jsonl").read_text(encoding="utf-8").splitlines()
    graded = namespace["graded"]
    assert len(graded) == len([line for line in lines if line.strip()])
    assert graded["severity"].notna().all()


def test_every_extra_is_documented_with_its_bounds() -> None:
    extras: dict[str, list[str]] = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    readme = README.read_text(encoding="utf-8")
    assert "frames" in extras
    for name, requirements in extras.items():
        assert f"pip install './py[{name}]'" in readme, name
        row = re.search(rf"^\| `{name}` \| (.*?) \|", readme, flags=re.M)
        assert row is not None, name
        for requirement in requirements:
            package = re.split(r"[<>=!~ ]", requirement)[0]
            assert package in row.group(1), (name, package)
    # PySpark 4.0 does not support pandas 3: every extra with pandas says so.
    for name, requirements in extras.items():
        for requirement in requirements:
            if requirement.startswith("pandas"):
                assert "<3" in requirement, (name, requirement)
