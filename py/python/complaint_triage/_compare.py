"""What a policy change does to a set of complaints.

``compare_policies`` grades the same frame under two policies with the core
(``assess_frame``, twice) and tabulates the difference; for the rows that
moved it asks the core again for both assessments' reasons and keeps the
factors whose points changed for that row. Nothing here scores: every
number comes from the core, and the policy and the record contract are
walked as data (``Policy.to_dict()``, ``RECORD_CONTRACT``), so new factors,
keys and deadline columns are picked up without a change here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from . import _native
from ._frame import OUTPUT_COLUMNS, _input_table, _kind, assess_frame
from ._native import Policy
from ._record import RECORD_CONTRACT

__all__ = [
    "DeadlineShare",
    "MovedRow",
    "PointChange",
    "PolicyChange",
    "PolicyComparison",
    "Transitions",
    "TRANSITION_COLUMNS",
    "compare_policies",
    "policy_changes",
]

#: The outputs tabulated before x after, in this order.
TRANSITION_COLUMNS: tuple[str, ...] = ("grade", "tier", "priority")

#: Deadline outputs and the minutes in one of their units, recognised by
#: the unit their name ends with, so that a new deadline column is compared
#: without a change here.
_DEADLINE_UNITS: tuple[tuple[str, int], ...] = (("_minutes", 1), ("_hours", 60))

#: The record field that says how long a complaint has been open, and the
#: minutes in its unit (the contract documents it as hours).
ELAPSED_FIELD = "hours_open"
_ELAPSED_MINUTES = 60


@dataclass(frozen=True)
class Transitions:
    """Rows counted by their value under the old policy (rows of
    ``counts``) and the new one (columns), both in the order of
    ``labels``."""

    #: The output tabulated ("grade", "tier", "priority").
    name: str
    #: Its values, lowest first (a vocabulary's order, or numeric order).
    labels: tuple[str, ...]
    #: ``counts[i][j]``: rows that were ``labels[i]`` and are ``labels[j]``.
    counts: tuple[tuple[int, ...], ...]

    def moved(self) -> int:
        """Rows whose value changed (the counts off the diagonal)."""
        return sum(c for i, row in enumerate(self.counts) for j, c in enumerate(row) if i != j)

    def before(self) -> dict[str, int]:
        """Rows per value under the old policy."""
        return {label: sum(row) for label, row in zip(self.labels, self.counts)}

    def after(self) -> dict[str, int]:
        """Rows per value under the new policy."""
        return {
            label: sum(row[j] for row in self.counts) for j, label in enumerate(self.labels)
        }


@dataclass(frozen=True)
class PointChange:
    """One factor whose points, in one dimension, differ between the two
    assessments of a row (0 where the factor did not apply)."""

    #: The factor's code, as in the policy's points table.
    factor: str
    #: The dimension ("severity", "impact", ...).
    dimension: str
    #: Points under the old policy.
    old: int
    #: Points under the new policy.
    new: int


@dataclass(frozen=True)
class MovedRow:
    """A row whose grade, tier or priority changed, and why."""

    #: Position of the row in the frame (0-based).
    row: int
    #: The record's id ("" when it has none).
    id: str
    #: Grade, tier and priority under the old policy.
    before: Mapping[str, str | int]
    #: The same under the new policy.
    after: Mapping[str, str | int]
    #: The factors whose points changed for this row, in the order of the
    #: points table, dimensions in their order.
    changes: tuple[PointChange, ...]


@dataclass(frozen=True)
class DeadlineShare:
    """How many rows are already past one deadline, before and after.

    A row is past a deadline when it has been open (``hours_open``; absent
    or null counts as the contract's default, 0) longer than the deadline
    its assessment gives."""

    #: The deadline output ("first_response_minutes", "resolution_hours").
    deadline: str
    #: Rows past it under the old policy.
    past_before: int
    #: Rows past it under the new policy.
    past_after: int
    #: Rows compared.
    rows: int

    @property
    def share_before(self) -> float:
        """Share of rows past it under the old policy (0 with no rows)."""
        return self.past_before / self.rows if self.rows else 0.0

    @property
    def share_after(self) -> float:
        """Share of rows past it under the new policy (0 with no rows)."""
        return self.past_after / self.rows if self.rows else 0.0


@dataclass(frozen=True)
class PolicyChange:
    """One value that differs between two policies, by its path in the
    policy's JSON: ``("points", "emotion.band3", "escalation_risk")``,
    ``("bands", "emotion", 0)``."""

    #: The keys and list positions leading to the value.
    path: tuple[str | int, ...]
    #: The old value (None where the old policy has no such key).
    old: Any
    #: The new value (None where the new policy has no such key).
    new: Any

    @property
    def key(self) -> str:
        """The path written out: ``points.emotion.band3.escalation_risk``."""
        return ".".join(map(str, self.path))


@dataclass(frozen=True)
class PolicyComparison:
    """What changes when a frame is graded by ``new`` instead of ``old``."""

    #: Rows graded under both policies (rows in error excluded).
    rows: int
    #: Transition tables, by output name (see ``TRANSITION_COLUMNS``).
    transitions: Mapping[str, Transitions]
    #: The rows whose grade, tier or priority changed, in frame order.
    moved: tuple[MovedRow, ...]
    #: For each factor, how many moved rows it changed the points of.
    factors: Mapping[str, int]
    #: Rows past each deadline the assessment gives, before and after.
    deadlines: tuple[DeadlineShare, ...]
    #: Every value that differs between the two policies.
    policy_changes: tuple[PolicyChange, ...]
    #: Rows that could not be graded (``errors="column"``): position and message.
    errors: tuple[tuple[int, str], ...] = field(default=())

    @property
    def grade(self) -> Transitions:
        """Grade before x after."""
        return self.transitions["grade"]

    @property
    def tier(self) -> Transitions:
        """Tier before x after: its margins are the workload per tier."""
        return self.transitions["tier"]

    @property
    def priority(self) -> Transitions:
        """Priority before x after."""
        return self.transitions["priority"]

    def summary(self) -> str:
        """The comparison as plain text, the way ``complaint-triage diff``
        prints it."""
        return "\n".join(_summary_lines(self)) + "\n"


def policy_changes(old: Policy, new: Policy) -> tuple[PolicyChange, ...]:
    """Every value that differs between two policies, found by walking their
    JSON (so any key, present or future, is compared), in the order of
    their paths (keys in code-point order, list positions in numeric
    order)."""
    out: list[PolicyChange] = []
    _walk(old.to_dict(), new.to_dict(), (), out)
    return tuple(out)


def _walk(old: Any, new: Any, path: tuple[str | int, ...], out: list[PolicyChange]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            _walk(old.get(key), new.get(key), (*path, key), out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new)):
            _walk(a, b, (*path, i), out)
    elif old != new:
        out.append(PolicyChange(path, old, new))


def compare_policies(
    frame: Any,
    old: Policy,
    new: Policy,
    *,
    errors: Literal["raise", "column"] = "raise",
    threads: int | None = 1,
) -> PolicyComparison:
    """Grades ``frame`` under ``old`` and ``new`` and says what changed.

    ``frame`` is anything ``assess_frame`` accepts (pandas, polars, pyarrow).
    The result holds the grade, tier and priority transition tables, the
    rows that moved with the factors whose points changed for them, the
    number of moved rows per factor, the share of rows past each deadline
    before and after, and the policy values that differ.

    >>> import complaint_triage as ct, pandas as pd
    >>> frame = pd.DataFrame({"emotion": [2, 9], "threats": [[], ["media"]]})
    >>> calmer = ct.Policy.default().with_overrides('{"urgency_levels": [60, 90]}')
    >>> diff = ct.compare_policies(frame, ct.Policy.default(), calmer)
    >>> diff.rows, [c.key for c in diff.policy_changes]
    (2, ['urgency_levels.0', 'urgency_levels.1'])

    With ``errors="raise"`` a bad row raises as in ``assess_frame``; with
    ``errors="column"`` bad rows are listed in ``errors`` and left out of
    every count.
    """
    for name, p in (("old", old), ("new", new)):
        if not isinstance(p, Policy):
            raise TypeError(f"{name} must be a Policy, not {type(p).__name__}")
    import numpy as np

    kind = _kind(frame)
    pa = _native_pyarrow()
    if kind == "stream":
        frame = pa.table(frame)
        kind = "table"
    wanted = [*OUTPUT_COLUMNS] + (["error"] if errors == "column" else [])
    before = _outputs(assess_frame(frame, policy=old, errors=errors, threads=threads), wanted)
    after = _outputs(assess_frame(frame, policy=new, errors=errors, threads=threads), wanted)
    n = len(next(iter(before.values()))) if before else 0

    bad: list[tuple[int, str]] = []
    good = np.ones(n, dtype=bool)
    if errors == "column":
        for i, message in enumerate(before["error"].to_pylist()):
            if message is not None:
                bad.append((i, str(message)))
                good[i] = False

    transitions: dict[str, Transitions] = {}
    moved_mask = np.zeros(n, dtype=bool)
    coded: dict[str, tuple[list[str], Any, Any]] = {}
    for name in TRANSITION_COLUMNS:
        labels, full_b, full_a = coded[name] = _coded(name, before[name], after[name], good)
        b, a = full_b[good], full_a[good]
        k = len(labels)
        counts = np.bincount(b * k + a, minlength=k * k).reshape(k, k)
        transitions[name] = Transitions(
            name, tuple(labels), tuple(tuple(int(c) for c in row) for row in counts)
        )
        moved_mask |= good & (full_b != full_a)

    table = _input_table(frame, kind, with_outcome=False)
    elapsed = _elapsed_minutes(table, n)
    deadlines = []
    for name in OUTPUT_COLUMNS:
        unit = next((m for suffix, m in _DEADLINE_UNITS if name.endswith(suffix)), None)
        if unit is None:
            continue
        limit_b = _ints(before[name])[good] * unit
        limit_a = _ints(after[name])[good] * unit
        deadlines.append(
            DeadlineShare(
                name,
                int((elapsed[good] > limit_b).sum()),
                int((elapsed[good] > limit_a).sum()),
                int(good.sum()),
            )
        )

    moved_rows = [int(i) for i in np.flatnonzero(moved_mask)]
    moved = _explain_moves(table, moved_rows, old, new, coded)
    factors: dict[str, int] = {}
    for m in moved:
        for f in dict.fromkeys(c.factor for c in m.changes):
            factors[f] = factors.get(f, 0) + 1
    return PolicyComparison(
        rows=int(good.sum()),
        transitions=transitions,
        moved=tuple(moved),
        factors=dict(sorted(factors.items(), key=lambda kv: (-kv[1], kv[0]))),
        deadlines=tuple(deadlines),
        policy_changes=policy_changes(old, new),
        errors=tuple(bad),
    )


def _native_pyarrow() -> Any:
    from ._frame import _pyarrow

    return _pyarrow()


def _outputs(graded: Any, names: Sequence[str]) -> dict[str, Any]:
    """The output columns of a graded frame of any kind, as Arrow arrays."""
    pa = _native_pyarrow()
    module = type(graded).__module__
    if module.startswith("pandas"):
        table = pa.Table.from_pandas(graded[list(names)], preserve_index=False)
    elif module.startswith("polars"):
        table = graded.select(list(names)).to_arrow()
    elif isinstance(graded, pa.RecordBatch):
        table = pa.Table.from_batches([graded]).select(list(names))
    else:
        table = graded.select(list(names))
    return {name: table.column(name).combine_chunks() for name in names}


def _ints(column: Any) -> Any:
    """An integer output column as int64 numbers (nulls, rows in error, as 0)."""
    import numpy as np

    return np.asarray(column.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)


def _coded(name: str, before: Any, after: Any, good: Any) -> tuple[list[str], Any, Any]:
    """The labels of an output (its vocabulary, or the values of the
    ``good`` rows in numeric order) and both columns as indices into them
    (rows in error: 0)."""
    import numpy as np

    pa = _native_pyarrow()
    if name in _native.vocabularies():
        labels = [v["code"] for v in _native.vocabulary(name)]
        import pyarrow.compute as pc

        def codes(column: Any) -> Any:
            found = pc.index_in(column.cast(pa.string()), value_set=pa.array(labels))
            return np.asarray(found.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)

        return labels, codes(before), codes(after)
    b, a = _ints(before), _ints(after)
    values = sorted(set(np.unique(b[good]).tolist()) | set(np.unique(a[good]).tolist()))
    lookup = np.searchsorted(np.array(values, dtype=np.int64), np.concatenate([b, a]))
    lookup = np.minimum(lookup, max(len(values) - 1, 0))
    return [str(v) for v in values], lookup[: len(b)], lookup[len(b) :]


def _elapsed_minutes(table: Any, n: int) -> Any:
    """Minutes each row of the record columns has been open, from the
    record field (its contract default when the column is absent or the
    value null)."""
    import numpy as np

    default = next((d for name, _, _, _, d in RECORD_CONTRACT if name == ELAPSED_FIELD), 0)
    minutes = np.full(n, default * _ELAPSED_MINUTES, dtype=np.int64)
    if ELAPSED_FIELD in table.column_names:
        column = table.column(ELAPSED_FIELD).combine_chunks()
        try:
            values = np.asarray(
                column.fill_null(default).to_numpy(zero_copy_only=False), dtype=np.int64
            )
        except (TypeError, ValueError):
            return minutes  # a column of bad values: those rows are in error
        minutes = values * _ELAPSED_MINUTES
    return minutes


def _explain_moves(
    table: Any,
    rows: list[int],
    old: Policy,
    new: Policy,
    coded: Mapping[str, tuple[list[str], Any, Any]],
) -> list[MovedRow]:
    """The moved rows with the factors whose points changed for them, from
    both assessments' reasons as the core gives them (``table``: the
    frame's record columns; ``coded``: each transition output's labels and
    indices before and after)."""
    if not rows:
        return []
    records: list[str] = []
    if table.num_columns == 0:
        records = ["{}"] * len(rows)
    else:
        for batch in table.take(rows).to_batches():
            records.extend(_native._arrow_record_json(batch))
    import numpy as np

    at = np.array(rows, dtype=np.int64)
    # Each output's value before and after, for the moved rows only.
    values = {}
    for k, (labels, b, a) in coded.items():
        typed = [_typed(label) for label in labels]
        values[k] = [[typed[i] for i in side[at].tolist()] for side in (b, a)]
    out = []
    changes = _native._reason_changes(records, old, new)
    for n, (row, (record_id, changed)) in enumerate(zip(rows, changes)):
        out.append(
            MovedRow(
                row=row,
                id=record_id,
                before={k: v[0][n] for k, v in values.items()},
                after={k: v[1][n] for k, v in values.items()},
                changes=tuple(PointChange(*c) for c in changed),
            )
        )
    return out


def _typed(label: str) -> str | int:
    return int(label) if label.isdigit() else label


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _percent(part: int, whole: int) -> str:
    """``part / whole`` as a percentage with one decimal, rounded half up in
    integers (so that every implementation prints the same digits)."""
    tenths = (part * 2000 + whole) // (2 * whole) if whole else 0
    return f"{tenths // 10}.{tenths % 10}%"


def _summary_lines(c: PolicyComparison) -> list[str]:
    lines = [f"{c.rows} rows compared, {len(c.moved)} moved, {len(c.errors)} in error"]
    for row, message in c.errors:
        lines.append(f"  row {row}: {message}")
    lines.append(f"policy: {len(c.policy_changes)} values differ")
    for p in c.policy_changes:
        lines.append(f"  {p.key}: {_json(p.old)} -> {_json(p.new)}")
    for t in c.transitions.values():
        lines.append(f"{t.name} (rows: before, columns: after), {t.moved()} moved")
        width = max([len(t.name), *map(len, t.labels), *(len(str(x)) for r in t.counts for x in r)])
        lines.append("  " + " ".join(s.rjust(width) for s in ("", *t.labels)))
        for label, counts in zip(t.labels, t.counts):
            lines.append("  " + " ".join(s.rjust(width) for s in (label, *map(str, counts))))
    before, after = c.tier.before(), c.tier.after()
    lines.append("rows per tier: " + ", ".join(f"{t} {before[t]} -> {after[t]}" for t in c.tier.labels))
    for d in c.deadlines:
        lines.append(
            f"past {d.deadline}: {d.past_before} ({_percent(d.past_before, d.rows)}) -> "
            f"{d.past_after} ({_percent(d.past_after, d.rows)})"
        )
    if c.factors:
        lines.append("factors whose points changed for moved rows:")
        for f, count in c.factors.items():
            lines.append(f"  {f}: {count}")
    return lines
