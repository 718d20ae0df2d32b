"""Measures assess_many over dicts: read straight into the core's complaint,
against the record JSON path (taken by a dict subclass, which is read as
every dict was before), in one run on the same records.

    python py/bench/bench_dicts.py [records] [--text-permille N] [--repeat N]

Records come from the benches' generator (`gen-records`, as
benches/peers/run.py uses it); set CT_GEN_RECORDS to a built binary to skip
the cargo build. The peers' timed records carry no text (the default here).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import complaint_triage as ct

ROOT = Path(__file__).resolve().parents[2]


class ViaJson(dict[str, Any]):
    """A dict subclass: graded through its record JSON, the former path."""


def gen_records(n: int, text_permille: int) -> list[dict[str, Any]]:
    exe = os.environ.get("CT_GEN_RECORDS")
    cmd = [exe] if exe else ["cargo", "run", "--quiet", "--profile", "bench", "-p",
                             "complaint-triage-benches", "--bin", "gen-records", "--"]
    out = subprocess.run(cmd + [str(n), "--text-permille", str(text_permille)], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def best_rate(records: list[Any], repeat: int) -> tuple[float, float]:
    """Records per second of the fastest of `repeat` runs: by the wall
    clock, and by the process's CPU time (what a shared machine leaves of
    one thread's speed)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        ct.assess_many(records)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return len(records) / wall, len(records) / cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records", type=int, nargs="?", default=200_000)
    ap.add_argument("--text-permille", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    dicts = gen_records(args.records, args.text_permille)
    via_json = [ViaJson(d) for d in dicts]
    if ct.assess_many(dicts) != ct.assess_many(via_json):
        raise SystemExit("the two paths disagree")
    new = best_rate(dicts, args.repeat)
    old = best_rate(via_json, args.repeat)
    print(f"{len(dicts)} records, text in {args.text_permille}/1000")
    print(f"  record JSON path: {old[0]:12,.0f} records/s wall, {old[1]:12,.0f} by CPU time")
    print(f"  dict read:        {new[0]:12,.0f} records/s wall, {new[1]:12,.0f} by CPU time"
          f"  ({new[0] / old[0]:.2f}x, {new[1] / old[1]:.2f}x)")


if __name__ == "__main__":
    main()
