"""Fitting a policy's numbers to a team's own labels.

``fit_policy`` looks for integer points, thresholds and gate floors that
make the core's grading reproduce labelled grade, tier and priority
columns. Every candidate policy is graded by the core itself
(``assess_frame``); nothing here knows a rule of the rubric. The values
tried are the leaves of the policy's JSON (``Policy.to_dict()``) that are
numbers or ordered codes, so a new factor or key is fitted without a
change here:

- integers: each factor's points in each dimension under ``points``, and
  every other integer (band thresholds, level thresholds, matrices of
  numbers, the gates' priority floors, ...);
- codes of an ordered vocabulary (``ORDINAL_VOCABULARIES``: grades and
  tiers, in the order the core's ``vocabulary()`` lists them), each
  searched as its index in that order: the gates' grade and tier floors
  (over the whole vocabulary), and, only where ``bounds`` opens them,
  ``grade_matrix``, ``tier_by_grade`` and ``beyond_authority_tier``.

Search, in rounds:

1. screening: each number alone is moved a few steps either way and the
   training agreement measured; the numbers whose move helps most (at most
   ``max_changes``) are kept;
2. a joint search over the kept numbers with Optuna's TPE sampler, seeded
   with the base and the screening's best values;
3. pruning: every changed number that can go back to its base value
   without losing training agreement goes back (few changes from base).

Why Optuna: the grading is a black box to this module (the rule lives in
the core, and a solver that needs the objective as equations, such as
scipy's ``milp``/HiGHS or OR-Tools' CP-SAT, would need the rubric restated
in Python); Optuna searches integer spaces with a black-box objective,
takes seeded trials, and is reproducible with a seeded sampler.

What the fit guarantees: a policy the core accepts, within the bounds;
every change gains at least ``min_gain`` training labels (labels the base
reproduces give no change); agreement measured on held-out rows; the same
result for the same frame and seed. What it does not: the best policy (it
is a search), or the numbers behind the labels: a point counts only through
the band its score falls in, so any value that grades the rows alike is as
good, a change that moves almost no row cannot be seen, and the fit may
move a band threshold to stand in for several such changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import _native
from ._compare import PolicyChange, policy_changes
from ._frame import _input_table, _kind
from ._native import Policy

__all__ = ["Agreement", "PolicyFit", "fit_policy", "ORDINAL_VOCABULARIES", "POINTS_RANGE"]

#: The range the core accepts for a factor's points in one dimension
#: (``PolicyError`` outside it).
POINTS_RANGE: tuple[int, int] = (-100, 100)

#: The core's vocabularies whose codes are ordered (lowest first, as
#: ``vocabulary()`` lists them): a policy value that is one of their codes
#: is fitted as its position in that order.
ORDINAL_VOCABULARIES: tuple[str, ...] = ("grade", "tier")

#: The policy key of the gates, whose grade and tier floors are fitted
#: over their whole vocabulary by default.
_GATES = "gates"

#: Steps tried for a factor's points when screening.
_POINT_STEPS = (-20, -10, -5, 5, 10, 20)
#: Relative steps tried for any other number (thresholds and the like).
_RELATIVE_STEPS = (-0.5, -0.25, -0.1, 0.1, 0.25, 0.5)


@dataclass(frozen=True)
class Agreement:
    """How often a policy's grading matches one label column on the
    held-out rows, before (base) and after (fitted)."""

    #: The label ("grade", "tier" or "priority").
    label: str
    #: Held-out rows compared.
    rows: int
    #: Share of rows whose value is exactly the label, under the base policy.
    exact_before: float
    #: The same under the fitted policy.
    exact_after: float
    #: Share of rows at most one level away from the label, under the base.
    within_one_before: float
    #: The same under the fitted policy.
    within_one_after: float


@dataclass(frozen=True)
class PolicyFit:
    """The result of ``fit_policy``."""

    #: The fitted policy.
    policy: Policy
    #: Every number that differs from the base policy.
    changes: tuple[PolicyChange, ...]
    #: Agreement on the held-out rows, per label given.
    agreement: Mapping[str, Agreement]
    #: Positions (in the frame) of the rows the fit was made on.
    train_rows: tuple[int, ...]
    #: Positions of the held-out rows the agreement is measured on.
    holdout_rows: tuple[int, ...]

    def diff(self) -> str:
        """The changes against the base policy, one per line, numbers as
        numbers and codes as codes (``points.emotion.band3.severity: 15 ->
        25``, ``gates.attitude.tier: specialist -> management``)."""
        return "".join(f"{c.key}: {c.old} -> {c.new}\n" for c in self.changes)


#: A value's place in the policy's JSON: keys and list positions.
_Path = tuple[str | int, ...]


@dataclass(frozen=True)
class _Param:
    """One value to fit, as an integer: a number itself, or a code as its
    index in ``codes`` (its vocabulary, lowest first)."""

    path: _Path
    base: int
    low: int
    high: int
    codes: tuple[str, ...] | None = None

    @property
    def key(self) -> str:
        return ".".join(map(str, self.path))

    def json(self, value: int) -> int | str:
        """The value as the policy's JSON writes it."""
        return self.codes[value] if self.codes is not None else value

    def at(self, value: int) -> _Param:
        """The same parameter, searched from ``value``."""
        return _Param(self.path, value, self.low, self.high, self.codes)

    def candidates(self) -> list[int]:
        if self.codes is not None:
            # An ordered code has few values: try them all.
            values = list(range(self.low, self.high + 1))
        elif self.path[0] == "points":
            values = [self.base + s for s in _POINT_STEPS]
        else:
            values = [self.base + s for s in (-1, 1)]
            values += [round(self.base * (1 + r)) for r in _RELATIVE_STEPS]
        return sorted({v for v in values if self.low <= v <= self.high and v != self.base})


def _leaves(value: Any, path: _Path = ()) -> list[tuple[_Path, int | str]]:
    """Every integer or text leaf of a policy's JSON, by path."""
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*path, i))]
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return [(path, value)]
    return []


def _ordinal_codes() -> dict[str, tuple[str, ...]]:
    """Each code of an ordered vocabulary, with its vocabulary's codes in
    order. A code found in two of them could not be told apart: an error."""
    out: dict[str, tuple[str, ...]] = {}
    for name in ORDINAL_VOCABULARIES:
        codes = tuple(v["code"] for v in _native.vocabulary(name))
        for code in codes:
            if code in out:
                raise ValueError(f"code `{code}` is in more than one ordered vocabulary")
            out[code] = codes
    return out


def _code_bound(key: str, codes: tuple[str, ...], bound: Any) -> int:
    """A bound of an ordered code, given as a code, as its index."""
    if not isinstance(bound, str) or bound not in codes:
        raise ValueError(
            f"bounds of `{key}`: {bound!r} is not one of its codes ({', '.join(codes)})"
        )
    return codes.index(bound)


def _params(base: Policy, bounds: Mapping[str, tuple[Any, Any]]) -> list[_Param]:
    """The values to fit, with their bounds: a factor's points keep their
    sign (aggravating points stay non-negative, mitigating ones
    non-positive) within ``POINTS_RANGE``; any other number stays within
    half and twice its base value; a gate's grade or tier floor may take
    any code of its vocabulary, any other ordered code keeps its value;
    ``bounds`` overrides any of them by key (codes by code). Text that is
    no ordered code is not fitted."""
    ordinal = _ordinal_codes()
    out = []
    for path, value in _leaves(base.to_dict()):
        key = ".".join(map(str, path))
        if isinstance(value, str):
            if value not in ordinal:
                continue
            codes = ordinal[value]
            if key in bounds:
                low, high = (_code_bound(key, codes, b) for b in bounds[key])
            elif path[0] == _GATES:
                low, high = 0, len(codes) - 1
            else:
                # Searched only when bounded: open by default, a matrix
                # entry's many rows crowd out the points behind the labels
                # in the screening (the hidden-points test case falls from
                # 98% to 93% exact grades).
                low = high = codes.index(value)
            if low > high:
                raise ValueError(f"bounds of `{key}`: low {codes[low]} is above high {codes[high]}")
            out.append(_Param(path, codes.index(value), low, high, codes))
            continue
        if key in bounds:
            low, high = bounds[key]
            if not all(isinstance(b, int) and not isinstance(b, bool) for b in (low, high)):
                raise ValueError(f"bounds of `{key}`: ({low!r}, {high!r}) are not integers")
        elif path[0] == "points":
            low, high = (0, POINTS_RANGE[1]) if value >= 0 else (POINTS_RANGE[0], 0)
        else:
            low, high = sorted((value // 2, value * 2))
            low, high = min(low, value - 3), max(high, value + 3)
        if low > high:
            raise ValueError(f"bounds of `{key}`: low {low} is above high {high}")
        out.append(_Param(path, value, low, high))
    unknown = set(bounds) - {p.key for p in out}
    if unknown:
        raise ValueError(f"bounds name values the policy does not fit: {sorted(unknown)}")
    return out


def _with(
    base_dict: dict[str, Any], params: Mapping[_Path, _Param], values: Mapping[_Path, int]
) -> Policy | None:
    """The base policy with some values set (by ``params``' integers), or
    None if the core refuses it. Only the keys changed are written over the
    base (a list whole)."""
    import copy

    overrides: dict[Any, Any] = {}
    for path, number in values.items():
        v = params[path].json(number)
        node: Any = overrides
        source: Any = base_dict
        for i, step in enumerate(path[:-1]):
            source = source[step]
            if isinstance(source, list):
                # A list is given whole: the base's, with the changes.
                if step not in node:
                    node[step] = copy.deepcopy(source)
                target = node[step]
                for inner in path[i + 1 : -1]:
                    target = target[inner]
                target[path[-1]] = v
                break
            node = node.setdefault(step, {})
        else:
            node[path[-1]] = v
    try:
        return _base_policy(base_dict).with_overrides(json.dumps(overrides))
    except ValueError:  # PolicyError: a policy the core refuses
        return None


_BASES: dict[str, Policy] = {}


def _base_policy(base_dict: dict[str, Any]) -> Policy:
    key = json.dumps(base_dict, sort_keys=True)
    if key not in _BASES:
        _BASES.clear()
        _BASES[key] = Policy.from_json(key)
    return _BASES[key]


class _Scorer:
    """Agreement of a policy's grading with the labels, on some rows: the
    rows are graded by the core's frame kernel, straight into buffers."""

    def __init__(self, table: Any, labels: Mapping[str, Any]) -> None:
        self.batches = table.to_batches() or [table.slice(0, 0)]
        self.labels = labels
        self.cache: dict[str, int] = {}

    def codes(self, policy: Policy) -> dict[str, Any]:
        import numpy as np

        data, _ = _native._assess_arrow(self.batches, policy)
        out = {}
        for name in self.labels:
            values = np.frombuffer(data[name], dtype=np.uint8).astype(np.int64)
            # Grade and tier come as their vocabulary's index; priority as
            # its number, 1 first.
            out[name] = values if name in _native.vocabularies() else values - 1
        return out

    def score(self, policy: Policy | None) -> int:
        if policy is None:
            return -1
        key = policy.to_json()
        if key not in self.cache:
            codes = self.codes(policy)
            self.cache[key] = int(sum((codes[n] == self.labels[n]).sum() for n in self.labels))
        return self.cache[key]


def _label_space(name: str) -> list[str]:
    """The values of a label, lowest first: its vocabulary, or for
    priority the numbers 1 to 5 as text."""
    if name in _native.vocabularies():
        return [v["code"] for v in _native.vocabulary(name)]
    return [str(p) for p in range(1, 6)]


def _label_column(frame: Any, kind: str, column: str, name: str) -> Any:
    """A label column as indices into the label's values; a value that is
    not one is an error naming the column and the row."""
    import numpy as np

    pa = _pyarrow()
    if kind == "pandas":
        array = pa.array(frame[column].astype(object), from_pandas=True)
    elif kind == "polars":
        array = frame[column].to_arrow()
    else:
        table = pa.Table.from_batches([frame]) if kind == "batch" else frame
        array = table.column(column).combine_chunks()
    values = array.cast(pa.string()).to_pylist()
    space = {v: i for i, v in enumerate(_label_space(name))}
    out = np.empty(len(values), dtype=np.int64)
    for row, v in enumerate(values):
        if v not in space:
            raise ValueError(
                f"column `{column}`, row {row}: {v!r} is not a {name} "
                f"(expected one of: {', '.join(space)})"
            )
        out[row] = space[v]
    return out


def _pyarrow() -> Any:
    from ._frame import _pyarrow as load

    return load()


def fit_policy(
    frame: Any,
    *,
    grade: str | None = None,
    tier: str | None = None,
    priority: str | None = None,
    base: Policy | None = None,
    bounds: Mapping[str, tuple[int, int] | tuple[str, str]] | None = None,
    holdout: float = 0.2,
    seed: int = 0,
    max_changes: int = 12,
    rounds: int = 3,
    trials: int = 400,
    min_gain: int | None = None,
) -> PolicyFit:
    """Fits integer points, thresholds and gate floors of ``base``
    (default: the default policy) so that the core's grading reproduces the
    labelled columns.

    ``grade``, ``tier`` and ``priority`` name the frame's label columns (at
    least one): grade and tier as the core's codes, priority 1 to 5.
    ``frame`` is anything ``assess_frame`` accepts; its record columns are
    graded, the label columns read. A seeded ``holdout`` share of the rows
    is kept apart: the fit is made on the others, and ``agreement`` says
    how often the base and the fitted policy match each label on the
    held-out rows (exactly, and within one level: one grade, one tier or
    one priority away).

    Bounds: a factor's points keep their sign (aggravating points stay
    non-negative) within ``POINTS_RANGE``; any other number stays within
    half and twice its base value; a gate's grade or tier floor may be
    any of its vocabulary's codes; any other grade or tier (an entry of
    ``grade_matrix`` or ``tier_by_grade``, ``beyond_authority_tier``)
    keeps its value unless bounded (open, a matrix entry's many rows crowd
    the points behind the labels out of the search); ``bounds`` overrides any of them by key as ``PolicyFit.diff`` writes
    it, numbers as numbers and codes as codes
    (``{"points.emotion.band3.severity": (0, 40), "gates.attitude.tier":
    ("specialist", "management")}``). At most ``max_changes`` values are
    searched jointly per round
    (``rounds`` rounds of ``trials`` Optuna trials; 400 by default: with
    150, the 20,000-row test case settles on a lowered grade threshold in
    place of the points behind it, 97.98% exact grades instead of 99.4%, and
    the screening, not the trials, takes most of the time), and a change is kept
    only if it gains at least ``min_gain`` matching labels on the training
    rows (default: one in a thousand, at least 2), so that label noise is
    not fitted. With labels the base policy already reproduces, nothing
    changes.
    """
    import numpy as np

    base = base or Policy.default()
    if not isinstance(base, Policy):
        raise TypeError(f"base must be a Policy, not {type(base).__name__}")
    columns = {n: c for n, c in (("grade", grade), ("tier", tier), ("priority", priority)) if c}
    if not columns:
        raise ValueError("give at least one label column: grade=, tier= or priority=")
    if not 0 < holdout < 1:
        raise ValueError(f"holdout must be a share between 0 and 1, not {holdout}")
    kind = _kind(frame)
    pa = _pyarrow()
    if kind == "stream":
        frame, kind = pa.table(frame), "table"
    labels = {n: _label_column(frame, kind, c, n) for n, c in columns.items()}
    table = _input_table(frame, kind, with_outcome=False)
    rows = len(next(iter(labels.values())))
    if table.num_columns == 0:
        table = pa.table({"_": pa.nulls(rows)})
    order = np.random.default_rng(seed).permutation(rows)
    cut = int(round(rows * (1 - holdout)))
    train, held = np.sort(order[:cut]), np.sort(order[cut:])
    train_scorer = _Scorer(table.take(train), {n: v[train] for n, v in labels.items()})

    if min_gain is None:
        min_gain = max(2, len(train) * len(labels) // 1000)
    params = _params(base, bounds or {})
    by_path = {p.path: p for p in params}
    base_dict = base.to_dict()
    current: dict[_Path, int] = {}
    best_score = train_scorer.score(base)
    for _ in range(rounds):
        found = _one_round(
            train_scorer, base_dict, params, current, best_score, max_changes, trials, seed, min_gain
        )
        if found is None:
            break
        current, best_score = found
    current = _prune(train_scorer, base_dict, params, current, best_score, min_gain)
    fitted = _with(base_dict, by_path, current) or base

    held_scorer = _Scorer(table.take(held), {n: v[held] for n, v in labels.items()})
    before, after = held_scorer.codes(base), held_scorer.codes(fitted)
    agreement = {}
    for name, want in held_scorer.labels.items():
        n = len(want)

        def share(ok: Any) -> float:
            return float(ok.sum()) / n if n else 0.0

        agreement[name] = Agreement(
            name,
            n,
            share(before[name] == want),
            share(after[name] == want),
            share(np.abs(before[name] - want) <= 1),
            share(np.abs(after[name] - want) <= 1),
        )
    return PolicyFit(
        policy=fitted,
        changes=policy_changes(base, fitted),
        agreement=agreement,
        train_rows=tuple(int(i) for i in train),
        holdout_rows=tuple(int(i) for i in held),
    )


def _one_round(
    scorer: _Scorer,
    base_dict: dict[str, Any],
    params: Sequence[_Param],
    current: Mapping[_Path, int],
    score: int,
    max_changes: int,
    trials: int,
    seed: int,
    min_gain: int,
) -> tuple[dict[_Path, int], int] | None:
    """Screens every value from ``current``, then searches the most
    helpful ones jointly; the improved values and score, or None."""
    by_path = {p.path: p for p in params}
    gains: list[tuple[int, _Param, int]] = []
    for p in params:
        now = current.get(p.path, p.base)
        best = (score, now)
        for v in p.at(now).candidates():
            s = scorer.score(_with(base_dict, by_path, {**current, p.path: v}))
            if s > best[0]:
                best = (s, v)
        if best[0] - score >= min_gain:
            gains.append((best[0] - score, p, best[1]))
    if not gains:
        return None
    gains.sort(key=lambda g: (-g[0], g[1].key))
    chosen = gains[:max_changes]

    import warnings

    with warnings.catch_warnings():
        # Optuna imports tqdm.auto, which warns inside a notebook without
        # ipywidgets; the search shows no progress bar.
        warnings.filterwarnings("ignore", message="IProgress not found")
        import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    sampler = optuna.samplers.TPESampler(seed=seed)
    study = optuna.create_study(direction="maximize", sampler=sampler)
    # The screening's best values, all together and each alone.
    study.enqueue_trial({g[1].key: g[2] for g in chosen})
    for g in chosen:
        study.enqueue_trial({c[1].key: (g[2] if c is g else current.get(c[1].path, c[1].base)) for c in chosen})

    def objective(trial: Any) -> float:
        values = dict(current)
        for _, p, _ in chosen:
            values[p.path] = trial.suggest_int(p.key, p.low, p.high)
        s = scorer.score(_with(base_dict, by_path, values))
        # Fewer changes win ties.
        changed = sum(1 for p in params if values.get(p.path, p.base) != p.base)
        return s - changed / (len(params) + 1)

    study.optimize(objective, n_trials=max(trials, len(chosen) + 1))
    values = dict(current)
    for _, p, _ in chosen:
        values[p.path] = int(study.best_params[p.key])
    new_score = scorer.score(_with(base_dict, by_path, values))
    if new_score - score < min_gain:
        return None
    return values, new_score


def _prune(
    scorer: _Scorer,
    base_dict: dict[str, Any],
    params: Sequence[_Param],
    current: Mapping[_Path, int],
    score: int,
    min_gain: int,
) -> dict[_Path, int]:
    """``current`` with every change that gains fewer than ``min_gain``
    training labels put back to its base value."""
    kept = {path: v for path, v in current.items()}
    by_path = {p.path: p for p in params}
    base_of = {p.path: p.base for p in params}
    for path in sorted(kept, key=lambda p: ".".join(map(str, p))):
        if kept[path] == base_of[path]:
            del kept[path]
            continue
        trial = {k: v for k, v in kept.items() if k != path}
        if score - scorer.score(_with(base_dict, by_path, trial)) < min_gain:
            kept = trial
    return kept
