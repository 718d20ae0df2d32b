"""Turns one full run into the figures of BENCHMARKS.md.

    python benches/report.py CRITERION_DIR PEERS_JSON [--plot benches/cost_per_record.png]

Reads criterion's estimates (the median of each bench) and the peers'
JSON (benches/peers/run.py --json), prints markdown tables of cost per
record, throughput and the ratios the targets are stated in, and draws the
cost per record against batch size.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def load(criterion: Path) -> dict[str, dict]:
    out = {}
    for bench in criterion.glob("*/*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        out[meta["full_id"]] = {"median_ns": est["median"]["point_estimate"], "throughput": meta["throughput"]}
    return out


def per_unit(b: dict) -> tuple[str, float]:
    t = b["throughput"]
    if "Elements" in t:
        return "records", b["median_ns"] / t["Elements"]
    return "bytes", b["median_ns"] / t["Bytes"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("criterion", type=Path)
    ap.add_argument("peers", type=Path)
    ap.add_argument("--plot", type=Path)
    args = ap.parse_args()
    benches = load(args.criterion)
    peers = json.loads(args.peers.read_text())

    print("| bench | batch | ns per record | records/s | GB/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    series: dict[str, dict[int, float]] = defaultdict(dict)
    for full_id in sorted(benches, key=lambda k: (k.rsplit("/", 1)[0], int(k.rsplit("/", 1)[1]) if k.rsplit("/", 1)[1].isdigit() else 0)):
        b = benches[full_id]
        name, _, size = full_id.rpartition("/")
        if not size.isdigit():
            name, size = full_id, ""
        unit, cost = per_unit(b)
        if unit == "records":
            print(f"| {name} | {int(size):,} | {cost:.1f} | {1e9 / cost:,.0f} | |")
            series[name][int(size)] = cost
        else:
            print(f"| {name} | {int(size):,} | | | {1 / cost:.2f} |" if size else f"| {name} | | | | {1 / cost:.3f} ({b['median_ns'] / 1e3:.2f} µs per document) |")

    def cost(name: str, n: int) -> float:
        return series[name][n]

    print("\n| ratio | " + " | ".join(f"{n:,}" for n in sorted(series["batch/floor"])) + " |")
    print("| --- |" + " ---: |" * len(series["batch/floor"]))
    rows = [
        ("batch scores-only / compute floor", "batch/scores_only", "batch/floor"),
        ("batch with reasons / compute floor", "batch/with_reasons", "batch/floor"),
        ("assess (with reasons) / compute floor", "assess/with_reasons", "batch/floor"),
        ("ct_assess / Rust assess_into", "c_abi/ct_assess", "c_abi/rust_assess_into"),
    ]
    for label, a, b in rows:
        print(f"| {label} | " + " | ".join(f"{cost(a, n) / cost(b, n):.1f}x" for n in sorted(series[b])) + " |")
    print("| ct_assess - assess_into (ns) | " + " | ".join(
        f"{cost('c_abi/ct_assess', n) - cost('c_abi/rust_assess_into', n):+.1f}" for n in sorted(series["c_abi/ct_assess"])) + " |")

    print("\n| Python | records | records/s |")
    print("| --- | ---: | ---: |")
    for name, r in peers["results"].items():
        print(f"| {name} | {r['records']:,} | {r['records_per_s']:,.0f} |")
    print("\n| ratio (ours / peer) | |")
    print("| --- | ---: |")
    for k, v in peers["ratios"].items():
        print(f"| {k} | {v:,.1f}x |")

    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 5))
        for name in ["batch/floor", "queue/slice_push_pop", "batch/scores_only", "batch/with_reasons",
                     "assess/with_reasons", "c_abi/rust_assess_into", "c_abi/ct_assess", "json/parse_assess_write"]:
            if name in series:
                xs = sorted(series[name])
                ax.plot(xs, [series[name][x] for x in xs], marker="o", label=name)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("batch size (records)")
        ax.set_ylabel("ns per record (median)")
        ax.set_title("complaint-triage: cost per record against batch size")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(args.plot, dpi=110)


if __name__ == "__main__":
    main()
