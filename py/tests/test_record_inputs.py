"""What a record or a batch of records can be: a key that is no field is
reported whatever its value, a bare string is no batch, and a lone
surrogate in JSON text is the package's error with its row and field."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

import complaint_triage as ct


@pytest.mark.parametrize("value", [None, math.nan, 3])
def test_an_unknown_key_is_an_error_whatever_its_value(value: Any) -> None:
    with pytest.raises(ct.RecordError) as info:
        ct.assess({"emotion": 3, "emotoin": value})
    e = info.value
    assert (e.kind, e.field) == ("unknown_field", None)
    assert "emotoin" in str(e)
    assert ct.to_record_json({"emotion": 3, "emotoin": value})[e.offset:].startswith('"emotoin"')
    with pytest.raises(ct.RecordError) as info:
        ct.assess_many([{}, {"emotoin": value}])
    assert (info.value.row, info.value.kind) == (1, "unknown_field")


def test_a_field_left_missing_is_still_not_given() -> None:
    assert ct.assess({"emotion": None, "category": math.nan}) == ct.assess({})


def test_an_unknown_outcome_key_is_an_error_whatever_its_value() -> None:
    with pytest.raises(ct.OutcomeError) as info:
        ct.evaluate_outcome({}, {"reopend": None})
    assert info.value.kind == "unknown_field" and "reopend" in str(info.value)
    assert ct.evaluate_outcome({}, {"reopened": None}) == ct.evaluate_outcome({}, {})


@pytest.mark.parametrize("records", ['{"id":"a"}', b'{"id":"a"}', bytearray(b"{}"), {"id": "a"}])
def test_a_single_record_is_not_a_batch(records: Any) -> None:
    with pytest.raises(TypeError, match="list of"):
        ct.assess_many(records)
    with pytest.raises(TypeError, match="list of"):
        ct.assess_many(records, errors="return")


def test_a_lone_surrogate_in_json_text_names_the_row_and_field() -> None:
    lines = ['{"emotion":3}', '{"emotion":3,"text":"a\ud800"}', "{}"]
    out = ct.assess_many(lines, errors="return")
    e = out[1]
    assert isinstance(e, ct.RecordError)
    assert (e.row, e.field, e.kind) == (1, "text", "invalid_json")
    assert str(e).startswith("row 1: ") and "lone surrogate" in str(e)
    assert out[0] == ct.assess({"emotion": 3}) and out[2] == ct.assess({})
    with pytest.raises(ct.RecordError) as info:
        ct.assess_many(lines)
    assert (info.value.row, info.value.field) == (1, "text")
    with pytest.raises(ct.RecordError) as info:
        ct.assess_json('{"id":"\udc00"}')
    assert (info.value.field, info.value.offset, info.value.row) == ("id", 7, None)


def test_a_lone_surrogate_in_a_mapping_names_the_row_and_field() -> None:
    out = ct.assess_many([{}, {"id": "x\ud800"}, {"threats": ["media", "\udfff"]}], errors="return")
    assert out[0] == ct.assess({})
    assert [(e.row, e.field, e.kind) for e in out[1:] if isinstance(e, ct.RecordError)] == [
        (1, "id", "invalid_json"), (2, "threats", "invalid_json")]
    # A key with a lone surrogate is no field.
    with pytest.raises(ct.RecordError) as info:
        ct.assess({"\ud800": 1})
    assert info.value.field is None


class _Interrupting(Mapping[str, Any]):
    """A mapping whose reading is interrupted (Ctrl-C while it is read)."""

    def __getitem__(self, key: str) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        raise KeyboardInterrupt

    def __len__(self) -> int:
        return 1

    def items(self) -> Any:
        raise KeyboardInterrupt


def test_an_interrupt_while_reading_a_batch_is_not_a_records_error() -> None:
    with pytest.raises(KeyboardInterrupt):
        ct.assess_many([{}, _Interrupting(), {}], errors="return")
