"""Measures fit_policy on generated records labelled by a hidden policy
(the default with 8 points moved) plus 5% label noise: time, and agreement
with the hidden policy's clean labels on the held-out rows.

    python py/bench/bench_fit.py [rows]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import complaint_triage as ct  # noqa: E402
from labelled import LABELS, graded_labels, labelled, perturbed, records, with_noise  # noqa: E402


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    base = ct.Policy.default()
    table = records(rows, seed=1)
    hidden = perturbed(base, seed=2)
    clean = graded_labels(table, hidden)
    frame = labelled(table, with_noise(clean, 0.05, seed=3))
    start = time.perf_counter()
    fit = ct.fit_policy(frame, grade="label_grade", tier="label_tier", priority="label_priority")
    seconds = time.perf_counter() - start
    held = np.array(fit.holdout_rows)
    before = graded_labels(table.take(held), base)
    after = graded_labels(table.take(held), fit.policy)
    print(f"rows {rows:,}: fit_policy {seconds:.1f} s, {len(fit.changes)} changes")
    for n in LABELS:
        b = float((before[n] == clean[n][held]).mean())
        a = float((after[n] == clean[n][held]).mean())
        noisy = fit.agreement[n]
        print(f"  {n}: held-out exact vs clean labels {b:.4f} -> {a:.4f}; "
              f"vs noisy labels {noisy.exact_before:.4f} -> {noisy.exact_after:.4f}")
    hidden_changes = {c.path: c.new for c in ct.policy_changes(base, hidden)}
    found = {c.path: c.new for c in fit.changes}
    exact = sum(1 for p, v in hidden_changes.items() if found.get(p) == v)
    near = sum(1 for p, v in hidden_changes.items() if p in found and abs(found[p] - v) <= 5)
    print(f"  hidden changes {len(hidden_changes)}: recovered exactly {exact}, within 5 points {near}")
    print(fit.diff(), end="")


if __name__ == "__main__":
    main()
