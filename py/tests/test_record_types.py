"""The generated record types (``_record.py``, from the core's contract)
name the fields and codes the native module accepts."""

from __future__ import annotations

import typing

import pytest

import complaint_triage as ct
from complaint_triage import _record


def test_record_dict_has_every_record_field_in_order() -> None:
    hints = typing.get_type_hints(ct.RecordDict)
    assert list(hints) == ct.record_fields()


def test_each_code_literal_is_the_native_vocabulary() -> None:
    hints = typing.get_type_hints(ct.RecordDict)
    for field in ct.record_fields():
        hint = hints[field]
        if typing.get_origin(hint) is list:
            (hint,) = typing.get_args(hint)
        if typing.get_origin(hint) is not typing.Literal:
            continue
        codes = [v["code"] for v in ct.vocabulary(field)]
        assert list(typing.get_args(hint)) == codes, field


def test_every_record_vocabulary_has_its_alias() -> None:
    aliases = [name for name in _record.__all__ if name.endswith("Code")]
    code_fields = [
        f for f in ct.record_fields()
        if typing.get_origin(typing.get_type_hints(ct.RecordDict)[f]) in (list, typing.Literal)
    ]
    assert len(aliases) == len(code_fields)


def test_a_record_dict_is_graded() -> None:
    record: ct.RecordDict = {"category": "billing", "threats": ["media"], "emotion": 7}
    assert ct.assess(record).priority >= 1


def test_record_contract_names_the_native_fields_and_ranges() -> None:
    assert [name for name, *_ in _record.RECORD_CONTRACT] == ct.record_fields()
    kinds = {name: kind for name, kind, *_ in _record.RECORD_CONTRACT}
    assert kinds["emotion"] == "int" and kinds["threats"] == "list"
    for name, kind, lo, hi, default in _record.RECORD_CONTRACT:
        assert lo <= default <= hi, name
        if kind != "int":
            continue
        # Both ends are accepted, one past the largest is refused naming the field.
        ct.assess({name: lo})
        ct.assess({name: hi})
        with pytest.raises(ct.RecordError) as info:
            ct.assess({name: hi + 1})
        assert (info.value.kind, info.value.field) == ("out_of_range", name)
