"""Measures assess_frame on a generated pyarrow table: rows per second and
the extra memory it takes, against the size of its output.

    python py/bench/bench_frame.py [rows] [--text] [--threads N]
"""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
import pyarrow as pa

import complaint_triage as ct


def codes(name: str) -> list[str]:
    return [v["code"] for v in ct.vocabulary(name)]


def generate(rows: int, text: bool, seed: int = 7) -> pa.Table:
    """A table of valid records with every field present."""
    rng = np.random.default_rng(seed)

    def pick(name: str) -> pa.Array:
        values = codes(name)
        return pa.array(np.array(values, dtype=object)[rng.integers(0, len(values), rows)], pa.string())

    def ints(lo: int, hi: int) -> pa.Array:
        return pa.array(rng.integers(lo, hi + 1, rows), pa.int64())

    def flags(p: float) -> pa.Array:
        return pa.array(rng.random(rows) < p)

    threat_codes = codes("threats")
    one = rng.integers(0, len(threat_codes), rows)
    has = rng.random(rows) < 0.3
    offsets = np.concatenate([[0], np.cumsum(has)]).astype(np.int32)
    threats = pa.ListArray.from_arrays(pa.array(offsets), pa.array(np.array(threat_codes, dtype=object)[one[has]], pa.string()))
    columns = {
        "id": pa.array([f"C-{i}" for i in range(rows)]),
        "category": pick("category"),
        "channel": pick("channel"),
        "customer_tier": pick("customer_tier"),
        "tenure_months": ints(0, 240),
        "personality": pick("personality"),
        "motive": pick("motive"),
        "expectation": pick("expectation"),
        "emotion": ints(0, 10),
        "prior_contacts": ints(0, 6),
        "hours_open": ints(0, 400),
        "affected_customers": ints(1, 5000),
        "direct_loss": ints(0, 2_000_000),
        "claimed_amount": ints(0, 5_000_000),
        "indirect_loss_claimed": flags(0.1),
        "liability": pick("liability"),
        "evidence": pick("evidence"),
        "departments": ints(1, 4),
        "beyond_authority": flags(0.1),
        "previously_compensated": flags(0.05),
        "safety_incident": flags(0.01),
        "sensitive_period": flags(0.1),
        "threats": threats,
        "rights": pick("rights"),
        "jurisdiction": pick("jurisdiction"),
    }
    if text:
        samples = ["网速太慢了，已经三天了。", "账单多扣了钱，请尽快处理", "I will call the regulator if this is not fixed."]
        columns["text"] = pa.array(np.array(samples, dtype=object)[rng.integers(0, len(samples), rows)], pa.string())
    return pa.table(columns)


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1_000_000
    text = "--text" in sys.argv
    threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 1
    table = generate(rows, text)
    ct.assess_frame(table.slice(0, 1000))  # warm up
    peak = 0
    done = False

    def sample() -> None:
        nonlocal peak
        while not done:
            peak = max(peak, rss())
            time.sleep(0.001)

    before = rss()
    watcher = threading.Thread(target=sample)
    watcher.start()
    start = time.perf_counter()
    out = ct.assess_frame(table, threads=threads)
    seconds = time.perf_counter() - start
    done = True
    watcher.join()
    output_bytes = sum(out.column(c).nbytes for c in ct.OUTPUT_COLUMNS)
    extra = max(peak, rss()) - before
    print(f"rows {rows:,}  text {'yes' if text else 'no'}  columns {table.num_columns}")
    print(f"assess_frame: {seconds * 1000:.1f} ms, {rows / seconds / 1e6:.2f} million rows/s ({threads} thread{'s' if threads > 1 else ''})")
    print(f"output {output_bytes / 1e6:.1f} MB, extra memory at peak {extra / 1e6:.1f} MB ({extra / output_bytes:.2f}x the output)")


if __name__ == "__main__":
    main()
