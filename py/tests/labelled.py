"""Generated records and labels for the policy-fit tests: records drawn
field by field from the record contract, labels graded by a hidden policy
(the base with some points moved), then some of them replaced by noise."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pyarrow as pa

import complaint_triage as ct
from complaint_triage import _record

LABELS = ("grade", "tier", "priority")


def _codes(name: str) -> list[str]:
    return [v["code"] for v in ct.vocabulary(name)]


def records(rows: int, seed: int) -> pa.Table:
    """A table of valid records: every code field drawn uniformly, flags
    and list codes now and then, every integer log-uniformly over the
    lower part of its accepted range (up to the square root of its span,
    or all of a span below 100), as most complaints are small."""
    rng = np.random.default_rng(seed)
    columns: dict[str, Any] = {}
    for name, kind, low, high, _ in _record.RECORD_CONTRACT:
        if kind == "code":
            values = np.array(_codes(name), dtype=object)
            columns[name] = pa.array(values[rng.integers(0, len(values), rows)], pa.string())
        elif kind == "bool":
            columns[name] = pa.array(rng.random(rows) < 0.05)
        elif kind == "int":
            span = np.log1p(max((high - low) ** 0.5, min(high - low, 100)))
            drawn = low + np.floor(np.expm1(rng.random(rows) * span)).astype(np.int64)
            columns[name] = pa.array(np.minimum(drawn, high), pa.int64())
        elif kind == "list":
            codes = _codes(name)
            picked = rng.random((rows, len(codes))) < 0.06
            columns[name] = pa.array([[c for c, on in zip(codes, row) if on] for row in picked])
    return pa.table(columns)


def with_plain_rows(table: pa.Table, every: int, values: dict[str, Any]) -> pa.Table:
    """The table with every ``every``-th row (0, every, 2 * every, ...)
    replaced by a plain record: each field at its contract default but
    ``values``. A plain row is graded by ``values`` alone, so a test can
    give a rule a known number of rows that only that rule decides,
    whatever the other rules and points do to the drawn rows."""
    plain: dict[str, Any] = {}
    for name, kind, _, _, default in _record.RECORD_CONTRACT:
        if name not in table.column_names:
            continue
        if kind == "code":
            plain[name] = _codes(name)[default]
        elif kind == "bool":
            plain[name] = False
        elif kind == "int":
            plain[name] = default
        elif kind == "list":
            plain[name] = []
    unknown = set(values) - set(plain)
    assert not unknown, f"not record columns: {sorted(unknown)}"
    plain.update(values)
    rows = table.to_pylist()
    for i in range(0, len(rows), every):
        rows[i] = dict(plain)
    return pa.Table.from_pylist(rows, schema=table.schema)


def perturbed(base: ct.Policy, seed: int, changes: int = 8) -> ct.Policy:
    """The base policy with ``changes`` points moved by 15 to 30, each a
    factor's points in one dimension (walked from the points table),
    keeping their sign and the documented range."""
    rng = np.random.default_rng(seed)
    points = base.to_dict()["points"]
    entries = sorted((f, d) for f, dims in points.items() for d, v in dims.items() if v > 0)
    moved: dict[str, dict[str, int]] = {}
    for i in rng.choice(len(entries), size=changes, replace=False):
        f, d = entries[int(i)]
        step = int(rng.integers(15, 31)) * (1 if rng.random() < 0.6 else -1)
        moved.setdefault(f, {})[d] = int(np.clip(points[f][d] + step, 0, 100))
    return base.with_overrides(json.dumps({"points": moved}))


def graded_labels(table: pa.Table, policy: ct.Policy) -> dict[str, np.ndarray]:
    """Each label as the core grades it, as text."""
    graded = ct.assess_frame(table, policy=policy)
    return {n: np.array(graded.column(n).cast(pa.string()).to_pylist(), dtype=object) for n in LABELS}


def with_noise(labels: dict[str, np.ndarray], share: float, seed: int) -> dict[str, np.ndarray]:
    """Each label with ``share`` of its rows replaced by another value."""
    rng = np.random.default_rng(seed)
    out = {}
    for n, values in labels.items():
        space = _codes(n) if n != "priority" else [str(p) for p in range(1, 6)]
        noisy = values.copy()
        for row in np.flatnonzero(rng.random(len(values)) < share):
            others = [v for v in space if v != values[row]]
            noisy[row] = others[int(rng.integers(0, len(others)))]
        out[n] = noisy
    return out


def labelled(table: pa.Table, labels: dict[str, np.ndarray]) -> pa.Table:
    """The table with a `label_<name>` column per label."""
    for n, values in labels.items():
        table = table.append_column(f"label_{n}", pa.array(values.tolist(), pa.string()))
    return table


def with_value(policy: ct.Policy, path: tuple[str | int, ...], value: int) -> ct.Policy:
    """The policy with the number at ``path`` (as ``PolicyChange.path``
    gives it) set to ``value``."""
    document = policy.to_dict()
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return ct.Policy.from_json(json.dumps(document))


def rows_moved(table: pa.Table, a: ct.Policy, b: ct.Policy) -> int:
    """Rows whose grade, tier or priority differ between two policies."""
    x, y = graded_labels(table, a), graded_labels(table, b)
    return int(np.any([x[n] != y[n] for n in LABELS], axis=0).sum())


def recovery(
    table: pa.Table, base: ct.Policy, hidden: ct.Policy, fitted: ct.Policy
) -> list[tuple[str, int, int, int, int, int]]:
    """For each number the hidden or the fitted policy changed from
    ``base``: (key, base value, hidden value, fitted value, rows reverting
    it in the hidden policy moves, rows setting it to the hidden value in
    the fitted policy moves). The first count says how well the data can
    see the hidden change (0: not at all); the second how far the fitted
    value is from the hidden one in grades (0: grade-equivalent here)."""
    hidden_values = {c.path: c.new for c in ct.policy_changes(base, hidden)}
    fitted_values = {c.path: c.new for c in ct.policy_changes(base, fitted)}
    base_values = {c.path: c.old for c in ct.policy_changes(base, hidden)}
    base_values.update({c.path: c.old for c in ct.policy_changes(base, fitted)})
    out = []
    for path in sorted(set(hidden_values) | set(fitted_values), key=lambda p: ".".join(map(str, p))):
        b = base_values[path]
        h, f = hidden_values.get(path, b), fitted_values.get(path, b)
        seen = rows_moved(table, hidden, with_value(hidden, path, b)) if h != b else 0
        apart = rows_moved(table, fitted, with_value(fitted, path, h)) if f != h else 0
        out.append((".".join(map(str, path)), b, h, f, seen, apart))
    return out
