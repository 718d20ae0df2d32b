"""A dict is read straight into the core's complaint, without its record
JSON; whatever it holds, the result (or the error, with its kind, field,
offset, row and message) is what the record JSON path gives. A dict
subclass still takes that path, so it is the reference here."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import complaint_triage as ct
from records import CODE_FIELDS, INT_FIELDS, LIST_FIELDS, bad_values, codes, valid_records


class ViaJson(dict[str, Any]):
    """A dict subclass: read through its record JSON and the core's parser."""


class Key(str):
    """A str subclass as a key: read through the record JSON too."""


def graded(record: Any) -> Any:
    """The assessment's JSON, or the error as everything it tells."""
    try:
        return ct.assess(record).to_json()
    except Exception as e:  # noqa: BLE001 - every error is compared
        return type(e), str(e), getattr(e, "kind", None), getattr(e, "field", None), getattr(
            e, "offset", None), getattr(e, "index", None), getattr(e, "row", None)


def graded_json(text: str) -> Any:
    """As `graded`, for a record's JSON text."""
    try:
        return ct.assess_json(text).to_json()
    except Exception as e:  # noqa: BLE001 - every error is compared
        return type(e), str(e), getattr(e, "kind", None), getattr(e, "field", None)


def many(records: list[Any]) -> list[Any]:
    """Each record's assessment JSON, or its error with its message and offset."""
    out: list[Any] = []
    for a in ct.assess_many(records, errors="return"):
        if isinstance(a, ct.Assessment):
            out.append(a.to_json())
        else:
            out.append((type(a), str(a), getattr(a, "offset", None)))
    return out


def same_as_json(record: dict[str, Any]) -> None:
    assert graded(record) == graded(ViaJson(record))
    assert many([record, {}]) == many([ViaJson(record), ViaJson()])


LIST = LIST_FIELDS[0]
CODE = CODE_FIELDS[0]
INT = "emotion"
LO, HI = INT_FIELDS[INT]
AMOUNT = "direct_loss"
LONGEST = max(codes(LIST), key=len)

EDGES: list[dict[Any, Any]] = [
    {},
    {INT: HI}, {INT: HI + 1}, {INT: LO - 1}, {INT: float(HI)}, {INT: -0.0}, {INT: 2.5},
    {INT: math.inf}, {INT: -math.inf}, {INT: math.nan}, {INT: None}, {INT: True}, {INT: "3"},
    {INT: 2**64}, {INT: -(2**63)}, {INT: np.int64(3)}, {INT: np.float64(3.0)},
    {AMOUNT: 10**15}, {AMOUNT: 10**15 + 1}, {AMOUNT: 1e15}, {AMOUNT: 1e19}, {AMOUNT: 9.3e18},
    {"affected_customers": 0}, {"affected_customers": 0.0},
    {CODE: codes(CODE)[1]}, {CODE: codes(CODE)[1] + " "}, {CODE: ""}, {CODE: 1}, {CODE: None},
    {CODE: np.str_(codes(CODE)[1])}, {CODE: [codes(CODE)[1]]},
    {"beyond_authority": True}, {"beyond_authority": 1}, {"beyond_authority": np.bool_(True)},
    {LIST: []}, {LIST: ()}, {LIST: ""}, {LIST: " , "}, {LIST: codes(LIST)},
    {LIST: tuple(codes(LIST))}, {LIST: ",".join(codes(LIST)) + ","},
    {LIST: [codes(LIST)[0], codes(LIST)[0]]}, {LIST: [codes(LIST)[0], None]},
    {LIST: [codes(LIST)[0], "nope"]}, {LIST: "nope"}, {LIST: [1]}, {LIST: [[codes(LIST)[0]]]},
    {LIST: [LONGEST] * 64}, {LIST: [LONGEST] * 65}, {LIST: [LONGEST] * 5000},
    {LIST: ",".join([LONGEST] * 5000)}, {LIST: np.array(codes(LIST)[:2])},
    {"id": "A-1"}, {"id": "x" * 64}, {"id": "x" * 65}, {"id": "é" * 32}, {"id": "é" * 33},
    {"id": "\u0001" * 64}, {"id": "\"\\"}, {"id": 7}, {"id": "x\ud800"},
    {"text": "I will sue you 气死我了"}, {"text": "a" * 32768}, {"text": "a" * 32769},
    {"text": "\t" * 32768}, {"text": 3}, {"text": ["x"]}, {"text": "x\udfff"},
    {"emotoin": 3}, {"emotoin": None}, {3: 1}, {"\ud800": 1}, {"Emotion": 1},
    {INT: 3, "text": "再不解决我就找记者曝光!", LIST: codes(LIST)[:1], "emotoin": 1},
    {"emotion": 3, "threats": ["media"], "text": "I will sue you"},
    {"emotion": object()},
    {Key(INT): 3}, {Key(INT): HI + 1}, {INT: 3, Key("emotoin"): 1},
]


@pytest.mark.parametrize("record", EDGES, ids=range(len(EDGES)))
def test_every_kind_of_value_grades_as_its_record_json(record: dict[Any, Any]) -> None:
    same_as_json(record)


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(valid_records())
def test_a_valid_record_grades_as_its_record_json(record: dict[str, Any]) -> None:
    same_as_json(record)


@SETTINGS
@given(valid_records(), bad_values(), st.booleans())
def test_a_bad_value_is_reported_as_for_its_record_json(
        record: dict[str, Any], bad: tuple[str, Any], first: bool) -> None:
    field, value = bad
    record.pop(field, None)
    record = {field: value, **record} if first else {**record, field: value}
    same_as_json(record)


def test_a_bad_dict_among_good_ones_keeps_its_place_and_row() -> None:
    out = ct.assess_many([{"emotion": 3}, {"emotion": 11}, {"emotion": 4}], errors="return")
    assert out[0] == ct.assess({"emotion": 3}) and out[2] == ct.assess({"emotion": 4})
    e = out[1]
    assert isinstance(e, ct.RecordError)
    assert (e.row, e.field, e.kind) == (1, "emotion", "out_of_range")
    # The offset is the value's in the record JSON the package shows.
    assert ct.to_record_json({"emotion": 11})[e.offset:] == "11}"


def test_batches_longer_than_a_chunk_grade_each_record_in_its_place() -> None:
    # Several chunks of the batch's reused buffers, with dicts read
    # straight, dicts and JSON texts that take the parser, and bad records
    # among them: each answer is its own record's, in its place.
    records: list[Any] = []
    for i in range(2600):
        record: dict[str, Any] = {INT: i % (HI + 1), "id": f"R-{i}", CODE: codes(CODE)[i % 3]}
        if i % 7 == 0:
            record[INT] = HI + 1
        if i % 11 == 0:
            record["text"] = "I will sue you"
        kind = i % 5
        records.append(ViaJson(record) if kind == 3 else ct.to_record_json(record)
                       if kind == 4 else record)
    expected = [graded(ViaJson(r)) if isinstance(r, dict) else graded_json(r) for r in records]
    got = ct.assess_many(records, errors="return")
    assert len(got) == len(records)
    for i, (a, want) in enumerate(zip(got, expected)):
        if isinstance(a, ct.Assessment):
            # A batch keeps no text: the single record's JSON without its spans.
            assert a.to_json() == re.sub(r',"span":\[\d+,\d+\]', "", want), i
            assert a.id == f"R-{i}"
        else:
            assert isinstance(a, ct.RecordError) and a.row == i
            assert (type(a), a.field) == (want[0], want[3]), i


def fresh(s: str) -> str:
    """An equal str that is a new object (not the interned literal)."""
    out = s.encode().decode()
    assert out == s and out is not s
    return out


def test_keys_equal_in_text_grade_alike_whatever_their_object() -> None:
    # A batch remembers key objects it has seen; equal keys that are other
    # objects (made anew, or of a str subclass) must read exactly as the
    # interned literals do, before and after the literals were seen.
    base = {INT: 3, CODE: codes(CODE)[1], LIST: codes(LIST)[:2], "id": "K-1"}
    bad = {INT: HI + 1, CODE: codes(CODE)[1]}

    def rekeyed(record: dict[str, Any], key: Any) -> dict[Any, Any]:
        return {key(k): v for k, v in record.items()}

    batch: list[Any] = []
    for record in (base, bad, base):
        for key in (fresh, Key, lambda k: k):
            batch.append(rekeyed(record, key))
    assert many(batch) == many([ViaJson(r) for r in batch])


def test_a_batch_of_new_key_objects_in_every_record_grades_each_record() -> None:
    # As `json.loads` of each line gives them: far more key objects than a
    # batch remembers, then shared ones; and keys of equal length and kind
    # (two integer fields) alternating in records made and dropped one at a
    # time, so that a freed key's memory is the next record's key (its
    # address was the last key's in nearly every record here): a cache
    # that did not keep its keys alive answered the other field.
    def records() -> Any:
        for i in range(3000):
            name = "prior_contacts" if i % 2 else "claimed_amount"
            yield {fresh(name): i % 7}
        for i in range(300):
            yield {"prior_contacts": i % 7, "id": f"S-{i}"}

    want = many([ViaJson(r) for r in records()])
    assert many(list(records())) == want
    assert [a.to_json() for a in ct.assess_many(records())] == want


def test_an_assessment_object_is_small_and_keeps_every_row() -> None:
    # Served by Python's small-object allocator (at most 512 bytes), not
    # malloc, and small: a batch's new memory is its objects (a kilobyte
    # each at first, then 400 bytes: page faults and frees were a fifth of
    # the time). Reason rows with the default policy's points take 2 bytes,
    # others 7, up to 46 bytes; ids up to 22 bytes; more goes to the heap.
    # 192 bytes until the text facts gained the loss told in the text, its
    # currency and the data exposure (the core's TextFacts, 24 -> 40 bytes).
    assert ct.Assessment.__basicsize__ <= 208
    # A record with more reason rows than the object keeps inline.
    record: dict[str, Any] = {name: list(codes(name)) for name in LIST_FIELDS}
    record.update({name: hi for name, (_, hi) in INT_FIELDS.items()})
    record["direct_loss"] = 1000
    single = ct.assess(ViaJson(record))
    rows = {(r["factor"], r["source"]) for r in single.to_dict()["reasons"]}
    assert len(rows) > 23
    (a,) = ct.assess_many([record])
    assert a == single and hash(a) == hash(single)
    assert a.to_json() == single.to_json() and a.reasons == single.reasons
    # Ids of every length around what is kept inline, up to the longest.
    for n in (0, 1, 21, 22, 23, 40, 64):
        record = {"id": "é" * (n // 2) + "x" * (n % 2), "emotion": 3}
        single = ct.assess(ViaJson(record))
        (a,) = ct.assess_many([record])
        assert a.id == record["id"] and a == single and hash(a) == hash(single)
        assert a.to_json() == single.to_json() and repr(a) == repr(single)


def test_rows_with_a_policys_own_points_are_kept_exactly() -> None:
    # Rows whose points are not the default policy's are kept with their
    # points: some rows (mixed with default ones), every row, and points at
    # the limits of a validated policy.
    points: dict[str, dict[str, int]] = ct.Policy.default().to_dict()["points"]
    records: list[dict[str, Any]] = []
    for i in range(60):
        record: dict[str, Any] = {f: codes(f)[i % len(codes(f))] for f in CODE_FIELDS}
        record.update({f: lo + (hi - lo) * (i % 5) // 4 for f, (lo, hi) in INT_FIELDS.items()})
        record.update({f: codes(f)[: i % 4] for f in LIST_FIELDS})
        records.append(record)
    for every in (1, 3):
        moved = {
            factor: {dim: (100 if i % 2 else -100) if v else 0 for dim, v in dims.items()}
            for i, (factor, dims) in enumerate(sorted(points.items()))
            if i % every == 0
        }
        policy = ct.Policy.default().with_overrides(json.dumps({"points": moved}))
        want = [ct.assess(ViaJson(r), policy=policy) for r in records]
        got = ct.assess_many(records, policy=policy)
        assert got == want and [hash(a) for a in got] == [hash(a) for a in want]
        assert [a.to_json() for a in got] == [a.to_json() for a in want]
        assert [a.reasons for a in got] == [a.reasons for a in want]
        # Both paths keep rows alike; against the policy and the core's own
        # sums: every reason has the policy's points (not the default's),
        # and they add up to the raw scores (kept apart from the rows).
        want_points = policy.to_dict()["points"]
        for a in got:
            sums = dict.fromkeys(a.raw_scores, 0)
            for r in a.reasons:
                assert r["points"] == want_points[r["factor"]][r["dimension"]]
                sums[r["dimension"]] += r["points"]
            assert sums == a.raw_scores
        assert any(r["factor"] in moved for a in got for r in a.reasons)
