"""compare_policies: what a policy change does to a frame, checked against
the core's own grading of each record under each policy."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import complaint_triage as ct
from conftest import REPO
from frames import KINDS, to_frame
from records import valid_records

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DEFAULT = ct.Policy.default()
#: The points table as the core prints it: factor -> dimension -> points.
POINTS: dict[str, dict[str, int]] = DEFAULT.to_dict()["points"]


@st.composite
def policies(draw: st.DrawFn) -> ct.Policy:
    """The default policy with a few points changed, any factor, any
    dimension (walked from the policy's own points table)."""
    changes: dict[str, dict[str, int]] = {}
    for _ in range(draw(st.integers(0, 4))):
        factor = draw(st.sampled_from(sorted(POINTS)))
        dimension = draw(st.sampled_from(sorted(POINTS[factor])))
        changes.setdefault(factor, {})[dimension] = draw(st.integers(-100, 100))
    try:
        return DEFAULT.with_overrides(json.dumps({"points": changes}))
    except ct.PolicyError:
        assume(False)
        raise


def moved_by_the_core(records: list[dict[str, Any]], old: ct.Policy, new: ct.Policy) -> list[int]:
    """Rows whose grade, tier or priority differ when the core grades the
    record under each policy, one by one."""
    out = []
    for i, r in enumerate(records):
        a, b = ct.assess(r, policy=old), ct.assess(r, policy=new)
        if (a.grade, a.tier, a.priority) != (b.grade, b.tier, b.priority):
            out.append(i)
    return out


def point_diff(a: ct.Assessment, b: ct.Assessment) -> dict[tuple[str, str], tuple[int, int]]:
    """(factor, dimension) -> (points in a, points in b), where they differ,
    from the core's reason rows."""
    def points(x: ct.Assessment) -> Counter[tuple[str, str]]:
        out: Counter[tuple[str, str]] = Counter()
        for r in x.reasons:
            out[(r["factor"], r["dimension"])] += r["points"]
        return out

    pa, pb = points(a), points(b)
    return {k: (pa[k], pb[k]) for k in set(pa) | set(pb) if pa[k] != pb[k]}


@SETTINGS
@given(st.lists(valid_records(), min_size=1, max_size=10), policies(), st.sampled_from(KINDS))
def test_a_policy_compared_with_itself_moves_nothing(
    records: list[dict[str, Any]], policy: ct.Policy, kind: str
) -> None:
    c = ct.compare_policies(to_frame(records, kind), policy, policy)
    assert c.rows == len(records)
    assert c.moved == () and c.factors == {} and c.policy_changes == ()
    for t in c.transitions.values():
        assert t.moved() == 0 and t.before() == t.after()
        assert sum(map(sum, t.counts)) == len(records)
    for d in c.deadlines:
        assert d.past_before == d.past_after


@SETTINGS
@given(st.lists(valid_records(), min_size=1, max_size=10), policies(), policies(), st.sampled_from(KINDS))
def test_tables_and_moved_rows_are_the_cores(
    records: list[dict[str, Any]], old: ct.Policy, new: ct.Policy, kind: str
) -> None:
    c = ct.compare_policies(to_frame(records, kind), old, new)
    assert [m.row for m in c.moved] == moved_by_the_core(records, old, new)
    for name, t in c.transitions.items():
        before = Counter(str(getattr(ct.assess(r, policy=old), name)) for r in records)
        after = Counter(str(getattr(ct.assess(r, policy=new), name)) for r in records)
        assert {k: v for k, v in t.before().items() if v} == dict(before)
        assert {k: v for k, v in t.after().items() if v} == dict(after)
    for m in c.moved:
        a = ct.assess(records[m.row], policy=old)
        b = ct.assess(records[m.row], policy=new)
        assert m.before == {"grade": a.grade, "tier": a.tier, "priority": a.priority}
        assert m.after == {"grade": b.grade, "tier": b.tier, "priority": b.priority}
        # Only points the policy changed can differ between the two.
        changed = {p.path[1] for p in c.policy_changes if p.path[0] == "points"}
        assert {ch.factor for ch in m.changes} <= changed
        # And they are exactly where the core's reasons differ (the record,
        # text included, read once: its text cues counted as `assess` does).
        assert {(ch.factor, ch.dimension): (ch.old, ch.new) for ch in m.changes} == point_diff(a, b)
    assert c.moved == tuple(c.moved) and list(c.moved[::-1]) == list(reversed(c.moved))


def test_a_raised_factor_is_named_for_the_rows_it_moves(examples: list[dict[str, Any]]) -> None:
    # Raise, to the documented maximum, the severity points of the first
    # factor that applies to the first example: every example it applies to
    # gets more severe; those whose grade moves must name it.
    factor = ct.assess(examples[0]).reasons[0]["factor"]
    new = DEFAULT.with_overrides(json.dumps({"points": {factor: {"severity": 100}}}))
    c = ct.compare_policies(to_frame(examples, "pandas"), DEFAULT, new)
    expected = moved_by_the_core(examples, DEFAULT, new)
    assert expected, "the change must move some example for this test to mean anything"
    assert [m.row for m in c.moved] == expected
    old_points = POINTS[factor]["severity"]
    for m in c.moved:
        assert ct.PointChange(factor, "severity", old_points, 100) in m.changes
    assert c.factors == {factor: len(expected)}
    assert [(p.path, p.old, p.new) for p in c.policy_changes] == [
        (("points", factor, "severity"), old_points, 100)
    ]
    assert c.grade.moved() == sum(
        ct.assess(r).grade != ct.assess(r, policy=new).grade for r in examples
    )
    text = c.summary()
    assert f"{len(expected)} moved" in text and factor in text


def test_deadline_shares_count_rows_open_longer_than_their_deadline(
    examples: list[dict[str, Any]],
) -> None:
    new = DEFAULT.with_overrides('{"resolution_hours": [1, 2, 3, 4, 5]}')
    c = ct.compare_policies(to_frame(examples, "polars"), DEFAULT, new)
    by_name = {d.deadline: d for d in c.deadlines}
    assert set(by_name) == {"first_response_minutes", "resolution_hours"}
    for policy, attr in ((DEFAULT, "past_before"), (new, "past_after")):
        graded = [ct.assess(r, policy=policy) for r in examples]
        hours = [r.get("hours_open", 0) for r in examples]
        assert getattr(by_name["resolution_hours"], attr) == sum(
            h > a.resolution_hours for h, a in zip(hours, graded)
        )
        assert getattr(by_name["first_response_minutes"], attr) == sum(
            h * 60 > a.first_response_minutes for h, a in zip(hours, graded)
        )
    d = by_name["resolution_hours"]
    assert d.past_after > d.past_before and d.share_after == d.past_after / len(examples)


def test_bad_rows_are_listed_and_the_good_ones_compared(examples: list[dict[str, Any]]) -> None:
    records = [dict(r) for r in examples[:5]]
    records[2]["emotion"] = 11
    new = DEFAULT.with_overrides('{"urgency_levels": [10, 20]}')
    frame = to_frame(records, "pyarrow")
    c = ct.compare_policies(frame, DEFAULT, new, errors="column")
    assert [row for row, _ in c.errors] == [2]
    assert "emotion" in c.errors[0][1]
    assert c.rows == 4
    good = [r for i, r in enumerate(records) if i != 2]
    assert len(c.moved) == len(moved_by_the_core(good, DEFAULT, new))
    assert 2 not in {m.row for m in c.moved}
    with pytest.raises(ct.RecordError, match="row 2"):
        ct.compare_policies(frame, DEFAULT, new)


def test_policies_must_be_policies() -> None:
    with pytest.raises(TypeError, match="new must be a Policy"):
        ct.compare_policies(to_frame([{}], "pandas"), DEFAULT, {})  # type: ignore[arg-type]


def test_the_docstring_examples_run() -> None:
    import doctest

    from complaint_triage import _compare

    failed, attempted = doctest.testmod(_compare)
    assert attempted > 0 and failed == 0


def _cli() -> Path | None:
    """The command-line binary, if built (`cargo build -p complaint-triage-cli`)."""
    for profile in ("debug", "release"):
        path = REPO / "target" / profile / "complaint-triage"
        if path.is_file():
            return path
    return None


def test_the_summary_is_the_one_the_command_line_prints(
    examples: list[dict[str, Any]], tmp_path: Path
) -> None:
    cli = _cli()
    if cli is None:
        pytest.skip("the command line is not built")
    factor = ct.assess(examples[0]).reasons[0]["factor"]
    new_json = json.dumps({"points": {factor: {"severity": 100}}, "urgency_levels": [50, 80]})
    (tmp_path / "new.json").write_text(new_json, encoding="utf-8")
    lines = (REPO / "examples" / "complaints.jsonl").read_text(encoding="utf-8")
    printed = subprocess.run(
        [str(cli), "diff", "--new", str(tmp_path / "new.json"), "-"],
        input=lines.encode(), capture_output=True, check=True,
    ).stdout.decode()
    frame = to_frame(examples, "pandas")
    c = ct.compare_policies(frame, DEFAULT, DEFAULT.with_overrides(new_json))
    assert c.summary() == printed


def test_a_frame_in_several_batches_is_compared_as_one(examples: list[dict[str, Any]]) -> None:
    # The native counting walks the batches one after the other: rows are
    # numbered across them, and the moved rows' records read from their own.
    records = [dict(r) for _ in range(3) for r in examples]
    records[40]["emotion"] = 11
    table = to_frame(records, "pyarrow")
    chunked = pa.Table.from_batches(table.to_batches(max_chunksize=7))
    assert chunked.column(0).num_chunks > 10
    new = DEFAULT.with_overrides('{"urgency_levels": [10, 20], "resolution_hours": [1, 2, 3, 4, 5]}')
    whole = ct.compare_policies(table.combine_chunks(), DEFAULT, new, errors="column")
    split = ct.compare_policies(chunked, DEFAULT, new, errors="column")
    assert [row for row, _ in split.errors] == [40]
    assert len(split.moved) > 7 and split.moved == whole.moved
    assert split == whole
    good = [r for i, r in enumerate(records) if i != 40]
    expected = [i + (i >= 40) for i in moved_by_the_core(good, DEFAULT, new)]
    assert [m.row for m in split.moved] == expected
    assert [m.id for m in split.moved] == [records[i]["id"] for i in expected]
