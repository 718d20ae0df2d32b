#!/usr/bin/env python3
"""Validate examples/complaints.jsonl against the record contract and report coverage.

Usage: python3 check_coverage.py [complaints.jsonl]

Prints every contract problem (unknown field, bad enum string, wrong type,
out-of-range number, duplicate id, non-compact line, \\u escape) and every enum
value that no record uses explicitly. Exit status 0 only when the file is valid
and coverage is full.
"""
import json
import os
import re
import sys

# The record contract's fields and vocabularies, generated from the core's
# declaration (core/src/contract.rs) by `cargo run -p contract-gen`.
CONTRACT_JSON = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core",
                             "contract.json")
with open(CONTRACT_JSON, encoding="utf-8") as f:
    CONTRACT = json.load(f)


def fields_of(kind):
    return [f for f in CONTRACT["fields"] if f["kind"] == kind]


def codes_of(field):
    return [v["code"] for v in CONTRACT["vocabularies"][field["vocabulary"]]]


ENUMS = {f["name"]: codes_of(f) for f in fields_of("code")}
LISTS = {f["name"]: codes_of(f) for f in fields_of("list")}
# field: (min, max) -- plausibility bounds agreed for the example set
INTS = {
    "tenure_months": (0, 600),
    "emotion": (0, 10),
    "prior_contacts": (0, 20),
    "hours_open": (0, 2000),
    "affected_customers": (1, 10_000_000),
    "direct_loss": (0, 10**12),
    "claimed_amount": (0, 10**12),
    "departments": (1, 6),
    "hours_since_regulator": (0, 2000),
}
BOOLS = [f["name"] for f in fields_of("bool")]
STRINGS = {f["name"]: f["max"] if f["kind"] == "id" else None
           for f in fields_of("id") + fields_of("text")}
# Every integer field of the contract needs agreed bounds here.
assert set(INTS) == {f["name"] for f in fields_of("int")}, \
    "INTS must list exactly the contract's integer fields: " + \
    ", ".join(sorted({f["name"] for f in fields_of("int")} ^ set(INTS)))
ALL_FIELDS = set(ENUMS) | set(LISTS) | set(INTS) | set(BOOLS) | set(STRINGS)
ID_RE = re.compile(r"^CT-2026-\d{4}$")

# Characters that only occur in one script: a rough zh-Hans / zh-Hant detector.
SIMP = set("们这为说时个来对会过还发电话费问员银经岁队够联络规录赔偿务账买让进门机头点开关无网处业调语样钱贵")
TRAD = set("們這為說時個來對會過還發電話費問員銀經歲隊夠聯絡規錄賠償務賬買讓進門機頭點開關無網處業調語樣錢貴")
CJK = re.compile(r"[\u4e00-\u9fff]")


def language(text):
    if not CJK.search(text):
        return "en"
    s = any(c in SIMP for c in text)
    t = any(c in TRAD for c in text)
    if s and t:
        return "mixed"
    return "zh-Hant" if t else "zh-Hans"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "complaints.jsonl")
    problems = []
    used = {f: set() for f in list(ENUMS) + list(LISTS)}
    emotions, bools_true, ids = set(), set(), set()
    langs = {}
    minimal = omitting = 0
    unreasonable_claims = []
    max_text_bytes = 0
    n = 0
    with open(path, "rb") as fh:
        raw_lines = fh.read().split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    for ln, raw in enumerate(raw_lines, 1):
        n += 1
        where = f"line {ln}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{where}: not UTF-8 ({e})")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        if "\\u" in line:
            problems.append(f"{where}: contains a \\u escape (write raw characters)")
        if json.dumps(rec, ensure_ascii=False, separators=(",", ":")) != line:
            problems.append(f"{where}: not compact one-line JSON")
        where = f"line {ln} ({rec.get('id', '?')})"
        for k in rec:
            if k not in ALL_FIELDS:
                problems.append(f"{where}: unknown field {k!r}")
        for k in ("id", "category", "text"):
            if k not in rec:
                problems.append(f"{where}: missing {k}")
        missing = ALL_FIELDS - set(rec)
        if missing:
            omitting += 1
        if set(rec) <= {"id", "category", "text"}:
            minimal += 1
        for k, limit in STRINGS.items():
            if k in rec:
                v = rec[k]
                if not isinstance(v, str):
                    problems.append(f"{where}: {k} must be a string")
                elif limit and len(v.encode()) > limit:
                    problems.append(f"{where}: {k} longer than {limit} bytes")
        rid = rec.get("id")
        if isinstance(rid, str):
            if not ID_RE.match(rid):
                problems.append(f"{where}: id not like CT-2026-0001")
            if rid in ids:
                problems.append(f"{where}: duplicate id")
            ids.add(rid)
        for k, allowed in ENUMS.items():
            if k in rec:
                v = rec[k]
                if v not in allowed:
                    problems.append(f"{where}: {k}={v!r} not one of {allowed}")
                else:
                    used[k].add(v)
        for k, allowed in LISTS.items():
            if k in rec:
                v = rec[k]
                if not isinstance(v, list):
                    problems.append(f"{where}: {k} must be a list")
                    continue
                if len(set(map(str, v))) != len(v):
                    problems.append(f"{where}: {k} has duplicates")
                for x in v:
                    if x not in allowed:
                        problems.append(f"{where}: {k} value {x!r} not one of {allowed}")
                    else:
                        used[k].add(x)
        for k, (lo, hi) in INTS.items():
            if k in rec:
                v = rec[k]
                if not isinstance(v, int) or isinstance(v, bool):
                    problems.append(f"{where}: {k} must be an integer")
                elif not lo <= v <= hi:
                    problems.append(f"{where}: {k}={v} outside {lo}..{hi}")
        for k in BOOLS:
            if k in rec:
                if not isinstance(rec[k], bool):
                    problems.append(f"{where}: {k} must be true/false")
                elif rec[k]:
                    bools_true.add(k)
        if isinstance(rec.get("emotion"), int):
            emotions.add(rec["emotion"])
        d, c = rec.get("direct_loss", 0), rec.get("claimed_amount", 0)
        if isinstance(d, int) and isinstance(c, int) and c > 2 * d:
            unreasonable_claims.append(rec.get("id"))
        text = rec.get("text", "")
        if isinstance(text, str):
            max_text_bytes = max(max_text_bytes, len(text.encode()))
            lang = language(text)
            langs[lang] = langs.get(lang, 0) + 1
            if lang == "mixed":
                problems.append(f"{where}: text mixes simplified and traditional characters")

    unused = []
    for k in list(ENUMS) + list(LISTS):
        allowed = ENUMS.get(k) or LISTS[k]
        for v in allowed:
            if v not in used[k]:
                unused.append(f"{k}={v}")
    for e in range(11):
        if e not in emotions:
            unused.append(f"emotion={e}")
    for k in BOOLS:
        if k not in bools_true:
            unused.append(f"{k}=true")
    if minimal == 0:
        unused.append("a minimal record (only id, category, text)")

    for p in problems:
        print("PROBLEM", p)
    for u in unused:
        print("UNUSED", u)
    print(f"records: {n}; ids unique: {len(ids) == n}; "
          f"records omitting fields (defaults): {omitting}, minimal: {minimal}")
    print("languages:", ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    print(f"emotion values used: {sorted(emotions)}; longest text: {max_text_bytes} bytes")
    print(f"claim > 2 x direct loss: {len(unreasonable_claims)} ({', '.join(unreasonable_claims)})")
    if not problems and not unused:
        print("full coverage: every enum and list value, emotion 0..10 and every flag is used")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
