"""Arrow layouts, threads, outcomes and the other functions."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pytest

import complaint_triage as ct
from frames import expected_row, rows_of, to_frame


@pytest.fixture(scope="module")
def table(examples: list[dict[str, Any]]) -> pa.Table:
    t: pa.Table = to_frame(examples, "pyarrow")
    return t


def _variants(t: pa.Table) -> dict[str, pa.Table]:
    """The same data in other Arrow layouts."""
    def recast(f: Any) -> Any:
        if pa.types.is_string(f):
            return pa.large_string()
        if pa.types.is_int64(f):
            return pa.int32()
        if pa.types.is_floating(f):
            return pa.float32()
        if pa.types.is_list(f):
            return pa.large_list(pa.large_string())
        return f

    dict_cols = {n: (pc.dictionary_encode(t[n]) if pa.types.is_string(t[n].type) else t[n]) for n in t.column_names}
    views = {n: (t[n].cast(pa.string_view()) if pa.types.is_string(t[n].type) else t[n]) for n in t.column_names}
    chunked = pa.concat_tables([t.slice(0, 7), t.slice(7, 5), t.slice(12)])
    return {
        "large": t.cast(pa.schema([f.with_type(recast(f.type)) for f in t.schema])),
        "dictionary": pa.table(dict_cols),
        "string_view": pa.table(views),
        "chunked": chunked,
        "sliced": pa.concat_tables([t, t]).slice(len(t)).combine_chunks(),
        "reordered": t.select(list(reversed(t.column_names))),
    }


def test_arrow_layouts_give_the_same_results(table: pa.Table, examples: list[dict[str, Any]]) -> None:
    expected = [expected_row(ct.assess(r).to_dict()) for r in examples]
    for name, variant in _variants(table).items():
        assert rows_of(ct.assess_frame(variant)) == expected, name


def test_sliced_record_batches(table: pa.Table, examples: list[dict[str, Any]]) -> None:
    batch = table.combine_chunks().to_batches()[0].slice(3, 10)
    expected = [expected_row(ct.assess(r).to_dict()) for r in examples[3:13]]
    assert rows_of(ct.assess_frame(batch)) == expected


def test_polars_categoricals_and_lists(examples: list[dict[str, Any]]) -> None:
    df = to_frame(examples, "polars").with_columns(pl.col("category").cast(pl.Categorical))
    expected = [expected_row(ct.assess(r).to_dict()) for r in examples]
    assert rows_of(ct.assess_frame(df)) == expected


def test_pandas_categoricals_and_comma_lists(examples: list[dict[str, Any]]) -> None:
    df = to_frame(examples, "pandas")
    df["channel"] = df["channel"].astype("category")
    df["rights"] = df["rights"].map(lambda v: ",".join(v) if isinstance(v, list) else v)
    expected = [expected_row(ct.assess(r).to_dict()) for r in examples]
    assert rows_of(ct.assess_frame(df)) == expected


def test_arrow_stream_objects(table: pa.Table, examples: list[dict[str, Any]]) -> None:
    class Stream:
        def __arrow_c_stream__(self, requested_schema: object = None) -> object:
            return table.__arrow_c_stream__(requested_schema)

    out = ct.assess_frame(Stream())
    assert isinstance(out, pa.Table)
    assert rows_of(out) == [expected_row(ct.assess(r).to_dict()) for r in examples]


def test_threads_give_identical_results(table: pa.Table, examples: list[dict[str, Any]]) -> None:
    big = pa.concat_tables([table] * 200).combine_chunks()
    reference = ct.assess_frame(big)
    with ThreadPoolExecutor(4) as pool:
        frames = list(pool.map(lambda _: ct.assess_frame(big), range(8)))
        singles = list(pool.map(lambda _: [a.to_json() for a in ct.assess_many(examples * 5)], range(8)))
    for f in frames:
        assert f.equals(reference)
    assert all(s == singles[0] for s in singles)


@pytest.mark.parametrize("threads", [2, 3, None])
def test_frames_split_among_threads_give_identical_results(table: pa.Table, threads: int | None) -> None:
    big = pa.concat_tables([table] * 2000)  # several batches, 70,000 rows
    bad = pa.table({"emotion": pa.array([1, 11] * 20_000), "category": pa.array(["other", "x", "billing", None] * 10_000)})
    assert ct.assess_frame(big, threads=threads).equals(ct.assess_frame(big))
    assert ct.assess_frame(bad, errors="column", threads=threads).equals(ct.assess_frame(bad, errors="column"))
    with pytest.raises(ct.RecordError) as info:
        ct.assess_frame(bad, threads=threads)
    assert info.value.row == 1
    with pytest.raises(ValueError):
        ct.assess_frame(bad, threads=-1)


def test_policy_applies_to_frames(examples: list[dict[str, Any]]) -> None:
    p = ct.Policy.from_json('{"resolution_hours":[8,24,48,96,120]}')
    df = to_frame(examples, "pandas")
    out = ct.assess_frame(df, policy=p)
    assert out["resolution_hours"].tolist() == [ct.assess(r, policy=p).resolution_hours for r in examples]


def test_evaluate_frame_matches_evaluate_outcome(examples: list[dict[str, Any]]) -> None:
    outcomes: list[dict[str, Any]] = [
        {"resolved_first_contact": i % 3 == 0, "hours_to_resolve": (i * 37) % 400, "satisfaction": 1 + i % 5,
         "reopened": i % 4 == 0, "repeat_within_30_days": i % 5 == 0, "root_cause_fixed": i % 2 == 0}
        for i in range(len(examples))
    ]
    outcomes[3]["satisfaction"] = None  # not surveyed
    rows = [dict(r, **{k: v for k, v in o.items()}) for r, o in zip(examples, outcomes)]
    out = ct.evaluate_frame(pd.DataFrame(rows))
    for i, (r, o) in enumerate(zip(examples, outcomes)):
        e = ct.evaluate_outcome(r, {k: v for k, v in o.items() if v is not None})
        assert (int(out["effect_score"][i]), bool(out["on_time"][i])) == (e.score, e.on_time)
    bad = pd.DataFrame({"satisfaction": [3, 9]})
    with pytest.raises(ct.OutcomeError) as info:
        ct.evaluate_frame(bad)
    assert info.value.row == 1 and info.value.field == "satisfaction"
    col = ct.evaluate_frame(bad, errors="column")
    assert col["error"][1].startswith("outcome: ")


def test_evaluate_outcome_and_effect() -> None:
    a = ct.assess({"category": "billing"})
    good = ct.evaluate_outcome(a, {"resolved_first_contact": True, "hours_to_resolve": 1, "satisfaction": 5,
                                   "root_cause_fixed": True})
    bad = ct.evaluate_outcome({"category": "billing"}, '{"hours_to_resolve":500,"satisfaction":1,"reopened":true}')
    assert good.score > 90 and good.on_time and bad.score < good.score
    assert good.deadline_hours == a.resolution_hours
    assert good.to_dict() == json.loads(good.to_json())
    assert {r["factor"] for r in good.reasons} >= {"base", "first_contact", "on_time"}
    assert "Effect(score=" in repr(good) and good == ct.evaluate_outcome(a, good_outcome())


def good_outcome() -> dict[str, Any]:
    return {"resolved_first_contact": True, "hours_to_resolve": 1, "satisfaction": 5, "root_cause_fixed": True}


def test_explain_and_repr(examples: list[dict[str, Any]]) -> None:
    a = ct.assess(examples[2])
    text = ct.explain(examples[2])
    # A record's explanation is its assessment's, then what one change of a
    # field would move it to (which an assessment alone cannot tell).
    assert text.startswith(ct.explain(a))
    assert text[len(ct.explain(a)):].startswith("  what one change of a field would move it to:\n")
    assert text.startswith(a.id) and f"priority P{a.priority}" in text and "playbook" in text
    assert repr(a).startswith(f"Assessment(id={a.id!r}, grade={a.grade!r}")


def test_scan_text_and_vocabularies() -> None:
    cues = ct.scan_text("再不解决我就找记者曝光!")
    assert set(cues) == {"threats", "forbidden_phrases", "emotion_markers"}
    assert all(isinstance(v, list) for v in cues.values())
    assert [v["code"] for v in ct.vocabulary("grade")] == ["minor", "moderate", "major", "critical"]
    for name in ct.vocabularies():
        assert all(set(v) == {"code", "en", "zh"} for v in ct.vocabulary(name))
    assert ct.record_fields()[0] == "id" and "text" in ct.record_fields()
    assert "satisfaction" in ct.outcome_fields()


def test_text_facts_are_what_grading_merges() -> None:
    text = "这是我第三次打电话了，断网三天了，家里老人，赔我5000元，再不解决我就找记者曝光!"
    facts = ct.text_facts(text)
    assert facts["repetition"] == 3 and facts["elapsed_hours"] == 72
    assert facts["largest_amount"] == 500_000 and facts["currency"] == "CNY"
    assert "elderly" in facts["vulnerability"] and "media" in facts["threats"]
    assert facts["safety"] == "none" and facts["scope"] == 0
    # The facts name what the text raises: the Nth call is N - 1 prior
    # contacts, as if the record had said so.
    told = ct.assess({"id": "a", "text": text})
    recorded = ct.assess({"id": "a", "text": text, "prior_contacts": facts["repetition"] - 1})
    assert told.scores == recorded.scores and told.gates == recorded.gates
    with pytest.raises(TypeError, match="text must be a str"):
        ct.text_facts(5)  # type: ignore[arg-type]


def test_output_types(examples: list[dict[str, Any]]) -> None:
    out = ct.assess_frame(to_frame(examples, "pyarrow"))
    types = {n: out.schema.field(n).type for n in ct.OUTPUT_COLUMNS}
    assert types["severity"] == pa.uint8() and types["resolution_hours"] == pa.uint16()
    assert pa.types.is_dictionary(types["grade"]) and types["grade"].ordered
    pdf = ct.assess_frame(to_frame(examples, "pandas"))
    assert list(pdf["grade"].cat.categories) == ["minor", "moderate", "major", "critical"]


def test_the_suggested_category_column() -> None:
    rows = [
        {"id": "a", "text": "这个月话费又多扣了三十块"},
        {"id": "b", "category": "price", "text": "这个月话费又多扣了三十块"},
        {"id": "c", "text": "你好"},
    ]
    out = ct.assess_frame(to_frame(rows, "pyarrow"))
    assert out.column("suggested_category").to_pylist() == ["billing", None, None]
    assert out.column("suggested_category").to_pylist() == [
        ct.assess(r).suggested_category for r in rows
    ]
    pdf = ct.assess_frame(to_frame(rows, "pandas"))
    assert pdf["suggested_category"].iloc[0] == "billing"
