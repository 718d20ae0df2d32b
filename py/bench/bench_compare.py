"""Measures compare_policies on a generated pyarrow table against two
assess_frame calls (the issue's yardstick: within 3x of them).

    python py/bench/bench_compare.py [rows]

The new policy raises the points of the first factor of the points table in
its first dimension by 10 and moves the urgency thresholds, so that some
rows move (how many is printed) and their reasons are looked up.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import complaint_triage as ct  # noqa: E402
from bench_frame import generate  # noqa: E402


def changed_policy() -> ct.Policy:
    base = ct.Policy.default()
    points = base.to_dict()["points"]
    factor = next(iter(points))
    dimension = next(iter(points[factor]))
    raised = min(points[factor][dimension] + 10, 100)
    levels = base.to_dict()["urgency_levels"]
    return base.with_overrides(json.dumps({
        "points": {factor: {dimension: raised}},
        "urgency_levels": [levels[0] + 5, levels[1] + 5],
    }))


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    table = generate(rows, text=False)
    old, new = ct.Policy.default(), changed_policy()
    ct.compare_policies(table.slice(0, 1000), old, new)  # warm up
    start = time.perf_counter()
    ct.assess_frame(table, policy=old)
    ct.assess_frame(table, policy=new)
    twice = time.perf_counter() - start
    start = time.perf_counter()
    c = ct.compare_policies(table, old, new)
    compare = time.perf_counter() - start
    print(f"rows {rows:,}, moved {len(c.moved):,} ({100 * len(c.moved) / rows:.1f}%)")
    print(f"two assess_frame calls: {twice * 1000:.0f} ms")
    print(f"compare_policies: {compare * 1000:.0f} ms ({compare / twice:.2f}x)")


if __name__ == "__main__":
    main()
