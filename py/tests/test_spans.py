"""The span vectors (tests/vectors/spans.json): a record with free text gives,
through `assess_json` and `assess`, the bytes `complaint-triage score` and the
C library's `ct_assessment_to_json_with_text` write for it, with the span of
the words behind each reason the text raised."""

from __future__ import annotations

import json
from typing import Any

import pytest

import complaint_triage as ct
from conftest import load_span_vectors

CASES = load_span_vectors()["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_record_with_text_writes_the_clis_bytes(case: dict[str, Any]) -> None:
    assert ct.assess_json(case["record_json"]).to_json() == case["expected_json"]
    assert ct.assess_json(case["record_json"].encode()).to_json() == case["expected_json"]
    assert ct.assess(json.loads(case["record_json"])).to_json() == case["expected_json"]


def test_spans_point_at_the_words_of_the_text() -> None:
    with_span = 0
    for case in CASES:
        text = case["text"].encode()
        for r in ct.assess_json(case["record_json"]).reasons:
            if "span" in r:
                start, end = r["span"]
                assert r["source"] == "text"
                assert 0 <= start < end <= len(text)
                text[start:end].decode()  # on character boundaries
                with_span += 1
    assert with_span >= 10


def test_a_batch_grades_alike_without_spans() -> None:
    # Batches do not keep the texts: the same grading, no span.
    for case in CASES:
        one = ct.assess_json(case["record_json"])
        [batch] = ct.assess_many([case["record_json"]])
        assert batch == one and hash(batch) == hash(one)
        assert all("span" not in r for r in batch.reasons)
