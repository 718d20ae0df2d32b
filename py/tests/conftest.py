"""Shared fixtures: the golden vectors, the examples, and frame builders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

PY = Path(__file__).resolve().parents[1]
REPO = PY.parent
#: The project's golden vectors, shared by every language's tests.
VECTORS = REPO / "tests" / "vectors" / "vectors.json"
#: Records with text and their JSON with spans, shared the same way.
SPAN_VECTORS = REPO / "tests" / "vectors" / "spans.json"
EXAMPLES = REPO / "examples" / "complaints.jsonl"


def load_vectors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert data["version"] == 1
    return data


def load_span_vectors() -> dict[str, Any]:
    """The records with text and the JSON `complaint-triage score` writes for
    them, spans included (tests/vectors/spans.json, from core/tests/span_vectors.rs)."""
    data: dict[str, Any] = json.loads(SPAN_VECTORS.read_text(encoding="utf-8"))
    assert data["version"] == 1
    return data


@pytest.fixture(scope="session")
def vectors() -> dict[str, Any]:
    return load_vectors()


@pytest.fixture(scope="session")
def examples() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
