"""Limits apply to what the caller gave: a record's text is measured as the
string given (not as the JSON escapes the package writes for it), and a
policy file is read no further than the policy limit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import complaint_triage as ct
from frames import rows_of

#: The core's limit on a record's text, in bytes of UTF-8.
TEXT_LIMIT = 32 * 1024
#: The core's limit on a policy document, in bytes.
POLICY_LIMIT = 64 * 1024

THREAT = "再不解决我就找记者曝光"


def test_a_text_within_the_limit_is_graded_however_it_escapes() -> None:
    # 20,000 tabs are 40,000 bytes once escaped as JSON.
    text = "\t" * 20_000 + THREAT
    a = ct.assess({"text": text, "emotion": 3})
    assert a.text_cues == ct.scan_text(text)
    assert "media" in a.text_cues["threats"]
    assert ct.assess_many([{"text": text, "emotion": 3}]) == [a]
    graded = ct.assess_frame(pd.DataFrame({"text": [text, "ok"], "emotion": [3, 3]}), errors="column")
    assert graded["error"].isna().all()
    assert rows_of(graded)[0] == {c: a.to_dict()[c] for c in ct.OUTPUT_COLUMNS}


def test_the_text_limit_counts_the_bytes_of_the_string_given() -> None:
    at_limit = "é" * (TEXT_LIMIT // 2)  # two bytes of UTF-8 each
    assert ct.assess({"text": at_limit}) == ct.assess({"text": "é"})
    for record in ({"text": at_limit + "a"}, {"emotion": 3, "text": "\t" * (TEXT_LIMIT + 1)}):
        with pytest.raises(ct.RecordError) as info:
            ct.assess(record)
        e = info.value
        assert (e.kind, e.field) == ("string_too_long", "text")
        assert "`text` is too long" in str(e)
        # The offset is that of the text's value in the record's JSON.
        assert ct.to_record_json(record)[e.offset:].startswith('"')
        assert ct.to_record_json(record)[: e.offset].endswith('"text":')


def test_a_text_past_the_limit_is_its_rows_error_in_batches_and_frames() -> None:
    long = "a" * (TEXT_LIMIT + 1)
    with pytest.raises(ct.RecordError) as info:
        ct.assess_many([{}, {"text": long}])
    assert (info.value.row, info.value.field, info.value.kind) == (1, "text", "string_too_long")
    df = pd.DataFrame({"text": ["ok", long, "\t" * 20_000]})
    graded = ct.assess_frame(df, errors="column")
    assert graded["error"].isna().tolist() == [True, False, True]
    assert "`text` is too long" in graded["error"][1]
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(df)
    assert (info.value.row, info.value.field, info.value.kind) == (1, "text", "string_too_long")


def test_text_comes_last_in_the_record_json() -> None:
    assert ct.to_record_json({"text": "a\tb", "emotion": 3}) == '{"emotion":3,"text":"a\\tb"}'
    with pytest.raises(ct.RecordError) as info:
        ct.assess({"text": "ok", "emotion": 11})
    assert ct.to_record_json({"text": "ok", "emotion": 11})[info.value.offset:].startswith("11")


def test_a_policy_file_is_read_no_further_than_the_limit() -> None:
    with pytest.raises(ct.PolicyError) as info:
        ct.Policy.from_json(Path("/dev/zero"))
    assert info.value.kind == "too_large"
    with pytest.raises(ct.PolicyError):
        ct.Policy.default().with_overrides(Path("/dev/zero"))


def test_the_policy_file_limit_is_the_cores(tmp_path: Path) -> None:
    fits = b"{}" + b" " * (POLICY_LIMIT - 2)
    path = tmp_path / "fits.json"
    path.write_bytes(fits)
    assert ct.Policy.from_json(path) == ct.Policy.from_json(fits) == ct.Policy.default()
    path.write_bytes(fits + b" ")
    with pytest.raises(ct.PolicyError) as from_file:
        ct.Policy.from_json(path)
    with pytest.raises(ct.PolicyError) as from_bytes:
        ct.Policy.from_json(fits + b" ")
    assert (from_file.value.kind, str(from_file.value)) == (from_bytes.value.kind, str(from_bytes.value))
    assert from_file.value.kind == "too_large"
