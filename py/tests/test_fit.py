"""fit_policy: labels graded by a hidden policy, with noise, are
reproduced on held-out rows; labels the base reproduces change nothing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pytest

import complaint_triage as ct
from labelled import LABELS, graded_labels, labelled, perturbed, records, with_noise

BASE = ct.Policy.default()

def fit(frame: object, seed: int = 0) -> ct.PolicyFit:
    """fit_policy on the `label_<name>` columns of every label."""
    return ct.fit_policy(
        frame, grade="label_grade", tier="label_tier", priority="label_priority", seed=seed
    )


def test_a_hidden_policy_is_reproduced_on_held_out_rows_despite_noise() -> None:
    # 4,000 rows keep the suite quick; BENCHMARKS.md has the 20,000-row run.
    table = records(4000, seed=1)
    # 24 moved points: the gates' floors absorb many single changes, and
    # fewer would leave too little to fit.
    hidden = perturbed(BASE, seed=2, changes=24)
    clean = graded_labels(table, hidden)
    result = fit(labelled(table, with_noise(clean, 0.05, seed=3)))
    held = np.array(result.holdout_rows)
    assert len(held) == 800 and not set(result.holdout_rows) & set(result.train_rows)
    before = graded_labels(table.take(held), BASE)
    after = graded_labels(table.take(held), result.policy)
    exact_before = {n: float((before[n] == clean[n][held]).mean()) for n in LABELS}
    exact_after = {n: float((after[n] == clean[n][held]).mean()) for n in LABELS}
    # The hidden policy moves enough rows for the fit to have work to do.
    assert min(exact_before.values()) < 0.97, exact_before
    assert min(exact_after.values()) >= 0.98, (exact_after, result.diff())
    # Against the noisy labels it reports, the fit does not lose.
    for a in result.agreement.values():
        assert a.rows == 800 and a.exact_after >= a.exact_before
        assert 0.0 <= a.within_one_after <= 1.0 and a.within_one_after >= a.exact_after
    # Within the default bounds: points keep their sign and range.
    assert result.changes
    for c in result.changes:
        if c.path[0] == "points":
            assert (c.old >= 0) == (c.new >= 0) and -100 <= c.new <= 100, c
    assert result.diff() == "".join(f"{c.key}: {c.old} -> {c.new}\n" for c in result.changes)


@pytest.mark.parametrize("kind", ["pyarrow", "pandas", "polars"])
def test_labels_the_base_reproduces_change_nothing(kind: str) -> None:
    table = labelled(records(1500, seed=5), graded_labels(records(1500, seed=5), BASE))
    frame = {"pyarrow": table, "pandas": table.to_pandas(), "polars": pl.from_arrow(table)}[kind]
    result = fit(frame, seed=4)
    assert result.changes == () and result.policy == BASE
    for a in result.agreement.values():
        assert a.exact_before == a.exact_after == 1.0


def test_bad_labels_and_arguments_are_named() -> None:
    table = records(50, seed=6)
    frame = pd.DataFrame({"grade": ["minor"] * 49 + ["huge"]}).join(table.to_pandas())
    with pytest.raises(ValueError, match=r"column `grade`, row 49: 'huge' is not a grade"):
        ct.fit_policy(frame, grade="grade")
    with pytest.raises(ValueError, match="at least one label column"):
        ct.fit_policy(frame)
    with pytest.raises(ValueError, match="no_such.key"):
        ct.fit_policy(frame.head(49), grade="grade", bounds={"no_such.key": (0, 1)})
    with pytest.raises(ValueError, match="holdout"):
        ct.fit_policy(frame.head(49), grade="grade", holdout=1.5)
