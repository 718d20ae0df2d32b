"""Measures fit_policy on generated records labelled by a hidden policy
(the default with 24 points moved, as in py/tests/test_fit.py) plus 5%
label noise: time (wall and CPU), agreement with the hidden policy's clean
labels on the held-out rows, and how each hidden change was recovered.

    python py/bench/bench_fit.py [rows]

The same case with the test's assertions:
``FIT_TEST_ROWS=20000 python -m pytest tests/test_fit.py -k hidden`` (in py/).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import complaint_triage as ct  # noqa: E402
from labelled import (  # noqa: E402
    LABELS,
    graded_labels,
    labelled,
    perturbed,
    records,
    recovery,
    with_noise,
)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    base = ct.Policy.default()
    table = records(rows, seed=1)
    hidden = perturbed(base, seed=2, changes=24)
    clean = graded_labels(table, hidden)
    frame = labelled(table, with_noise(clean, 0.05, seed=3))
    start, cpu = time.perf_counter(), time.process_time()
    fit = ct.fit_policy(frame, grade="label_grade", tier="label_tier", priority="label_priority")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    held = np.array(fit.holdout_rows)
    before = graded_labels(table.take(held), base)
    after = graded_labels(table.take(held), fit.policy)
    print(f"rows {rows:,}: fit_policy {seconds:.1f} s wall, {cpu:.1f} s CPU, {len(fit.changes)} changes")
    for n in LABELS:
        b = float((before[n] == clean[n][held]).mean())
        a = float((after[n] == clean[n][held]).mean())
        noisy = fit.agreement[n]
        print(f"  {n}: held-out exact vs clean labels {b:.4f} -> {a:.4f}; "
              f"vs noisy labels {noisy.exact_before:.4f} -> {noisy.exact_after:.4f}")
    print("  number: base hidden fitted, rows reverting the hidden change moves, "
          "rows setting the fitted value to the hidden one moves")
    for key, b, h, f, seen, apart in recovery(table, base, hidden, fit.policy):
        print(f"  {key}: {b} {h} {f}, {seen}, {apart}")
    print(fit.diff(), end="")


if __name__ == "__main__":
    main()
