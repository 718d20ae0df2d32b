"""What a policy change does to a set of complaints.

``compare_policies`` grades the same frame under two policies with the core
(the frame kernel of ``assess_frame``, twice, in the native module) and
counts the difference there, in one pass over both gradings; for the rows
that moved the native module also has the core parse the record and
compares both assessments' reason rows, keeping the factors whose points
changed for that row. Nothing here scores: every number comes from the
core, and the policy is walked as data (``Policy.to_dict()``), so new
factors and keys are picked up without a change here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, overload

from . import _native
from ._frame import _input_table, _kind, _num_rows, _pyarrow, _threads
from ._native import Policy
from ._record import RECORD_CONTRACT

__all__ = [
    "DeadlineShare",
    "MovedRow",
    "MovedRows",
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

#: The deadline outputs, in the order the native counts give them.
_DEADLINE_COLUMNS: tuple[str, ...] = ("first_response_minutes", "resolution_hours")

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
    #: The rows whose grade, tier or priority changed, in frame order
    #: (a ``MovedRows``: each ``MovedRow`` is made when read).
    moved: Sequence[MovedRow]
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
    _check(old, new, errors)
    counts = _counts(frame, old, new, errors, _threads(threads))
    return _comparison(counts, old, new)


def _check(old: Policy, new: Policy, errors: str) -> None:
    for name, p in (("old", old), ("new", new)):
        if not isinstance(p, Policy):
            raise TypeError(f"{name} must be a Policy, not {type(p).__name__}")
    if errors not in ("raise", "column"):
        raise ValueError(f'errors must be "raise" or "column", not {errors!r}')


def _counts(frame: Any, old: Policy, new: Policy, errors: str, threads: int) -> dict[str, Any]:
    """The native counts (``_native._compare_arrow``) of a frame of any
    kind ``assess_frame`` takes; rows numbered from 0."""
    pa = _pyarrow()
    kind = _kind(frame)
    if kind == "stream":
        frame, kind = pa.table(frame), "table"
    table = _input_table(frame, kind, with_outcome=False)
    n = _num_rows(frame, kind)
    if table.num_columns == 0:
        # No record column at all: every row is an empty record.
        batches = [pa.RecordBatch.from_arrays([pa.nulls(n)], names=["_"])]
    else:
        batches = table.to_batches()
    counts: dict[str, Any] = _native._compare_arrow(
        batches,
        old,
        new,
        _elapsed_minutes(table, n).astype("<i8").tobytes(),
        collect_errors=errors == "column",
        threads=threads,
    )
    return counts


def _renumbered(counts: dict[str, Any], positions: Any) -> dict[str, Any]:
    """``counts`` with its rows (moved rows, rows in error) numbered by
    ``positions`` (row i is ``positions[i]``)."""
    import numpy as np

    at = np.asarray(positions, dtype=np.uint64)
    moved = np.frombuffer(counts["moved"], dtype="<u8").astype(np.intp)
    out = dict(counts)
    out["moved"] = at[moved].astype("<u8").tobytes()
    out["errors"] = [(int(at[r]), m) for r, m in counts["errors"]]
    return out


def _merged(parts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Native counts of parts of a frame (at least one) added up as one
    frame's: tables and totals summed, moved rows and errors in the order
    of the parts."""
    import numpy as np

    out: dict[str, Any] = dict(parts[0])
    transitions: dict[str, dict[tuple[int, int], int]] = {}
    for p in parts:
        for name, cells in p["transitions"].items():
            table = transitions.setdefault(name, {})
            for b, a, c in cells:
                table[(b, a)] = table.get((b, a), 0) + int(c)
    out["transitions"] = {
        name: [(b, a, c) for (b, a), c in sorted(t.items())] for name, t in transitions.items()
    }
    out["past"] = [
        [sum(int(p["past"][d][k]) for p in parts) for k in (0, 1)] for d in range(len(parts[0]["past"]))
    ]
    out["rows"] = sum(int(p["rows"]) for p in parts)
    out["errors"] = [e for p in parts for e in p["errors"]]
    out["ids"] = [i for p in parts for i in p["ids"]]
    for key in ("moved", "codes", "change_factor", "change_dimension", "change_old", "change_new"):
        out[key] = b"".join(p[key] for p in parts)
    starts, offset = [], 0
    for p in parts:
        s = np.frombuffer(p["change_starts"], dtype="<u4").astype(np.int64)
        starts.append(s[:-1] + offset)
        offset += int(s[-1])
    starts.append(np.array([offset], dtype=np.int64))
    out["change_starts"] = np.concatenate(starts).astype("<u4").tobytes()
    factors: dict[str, int] = {}
    for p in parts:
        for f, c in p["factors"]:
            factors[f] = factors.get(f, 0) + int(c)
    out["factors"] = list(factors.items())
    return out


def _comparison(counts: Mapping[str, Any], old: Policy, new: Policy) -> PolicyComparison:
    """The comparison from the native counts (``_native._compare_arrow``)."""
    rows = int(counts["rows"])
    transitions: dict[str, Transitions] = {}
    labels_of: dict[str, list[str | int]] = {}
    for name in TRANSITION_COLUMNS:
        cells = counts["transitions"][name]
        if name in _native.vocabularies():
            labels: list[str | int] = [v["code"] for v in _native.vocabulary(name)]
            index = {i: i for i in range(len(labels))}
        else:
            # A numeric output: the values met, in numeric order.
            numbers = sorted({int(b) for b, _, _ in cells} | {int(a) for _, a, _ in cells})
            labels = list(numbers)
            index = {v: i for i, v in enumerate(numbers)}
        k = len(labels)
        table = [[0] * k for _ in range(k)]
        for b, a, c in cells:
            table[index[b]][index[a]] += int(c)
        labels_of[name] = labels
        transitions[name] = Transitions(
            name, tuple(map(str, labels)), tuple(tuple(row) for row in table)
        )
    deadlines = tuple(
        DeadlineShare(name, int(b), int(a), rows)
        for name, (b, a) in zip(_DEADLINE_COLUMNS, counts["past"])
    )
    factors = {str(f): int(c) for f, c in counts["factors"]}
    return PolicyComparison(
        rows=rows,
        transitions=transitions,
        moved=MovedRows(counts, labels_of),
        factors=dict(sorted(factors.items(), key=lambda kv: (-kv[1], kv[0]))),
        deadlines=deadlines,
        policy_changes=policy_changes(old, new),
        errors=tuple((int(r), str(m)) for r, m in counts["errors"]),
    )


class MovedRows(Sequence[MovedRow]):
    """The rows that moved, in frame order: a sequence of ``MovedRow``,
    each made when it is read (a policy change can move a large share of
    a large frame). Equal to any sequence of the same ``MovedRow``s."""

    def __init__(self, counts: Mapping[str, Any], labels: Mapping[str, Sequence[str | int]]) -> None:
        import numpy as np

        self._rows = np.frombuffer(counts["moved"], dtype="<u8")
        self._codes = np.frombuffer(counts["codes"], dtype=np.uint8).reshape(-1, 6)
        self._ids: list[str] = counts["ids"]
        self._starts = np.frombuffer(counts["change_starts"], dtype="<u4")
        self._factor = np.frombuffer(counts["change_factor"], dtype="<u2")
        self._dimension = np.frombuffer(counts["change_dimension"], dtype=np.uint8)
        self._old = np.frombuffer(counts["change_old"], dtype="<i4")
        self._new = np.frombuffer(counts["change_new"], dtype="<i4")
        self._dimensions: list[str] = counts["dimensions"]
        self._labels = labels
        self._factors: list[str] = counts["factor_codes"]

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> MovedRow: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[MovedRow, ...]: ...

    def __getitem__(self, i: int | slice) -> MovedRow | tuple[MovedRow, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"moved row {i} of {len(self)}")
        codes = self._codes[i].tolist()
        outputs = [(name, self._labels[name]) for name in TRANSITION_COLUMNS]
        before = {name: _label(labels, codes[k]) for k, (name, labels) in enumerate(outputs)}
        after = {name: _label(labels, codes[3 + k]) for k, (name, labels) in enumerate(outputs)}
        start, end = int(self._starts[i]), int(self._starts[i + 1])
        changes = tuple(
            PointChange(
                self._factors[int(self._factor[j])],
                self._dimensions[int(self._dimension[j])],
                int(self._old[j]),
                int(self._new[j]),
            )
            for j in range(start, end)
        )
        return MovedRow(int(self._rows[i]), self._ids[i], before, after, changes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"MovedRows({len(self)} rows)"


def _label(labels: Sequence[str | int], code: int) -> str | int:
    """An output's value from its index (grade, tier) or number (priority)."""
    if labels and isinstance(labels[0], str):
        return labels[code]
    return code


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
