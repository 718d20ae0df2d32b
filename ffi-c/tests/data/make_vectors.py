#!/usr/bin/env python3
"""Writes ffi-c/tests/data/vectors.json: golden vectors in the shared format
(tests/vectors/vectors.json), produced by the command-line tool.

The C tests use tests/vectors/vectors.json when it exists and fall back to
this file otherwise. Regenerate after a change to the rubric:

    cargo build -p complaint-triage-cli
    python3 ffi-c/tests/data/make_vectors.py target/debug/complaint-triage
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
CLI = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/debug/complaint-triage")

records = [l for l in (ROOT / "examples/complaints.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
records += [
    "{}",
    '{"id":"\\u5de5\\u5355-\\ud83d\\ude00","category":"price","emotion":10}',
    '{"id":"' + "x" * 64 + '","tenure_months":1200,"prior_contacts":10000,"hours_open":1000000,'
    '"affected_customers":1000000000,"direct_loss":1000000000000000,"claimed_amount":1000000000000000,'
    '"departments":100}',
    '{"safety_incident":true,"jurisdiction":"us_cfpb","rights":["know","choice","safety","fair_trade",'
    '"compensation","supervision","education","association"]}',
    '{"threats":["media","social_media","regulator","lawsuit","churn","third_party_platform"],'
    '"profile":["professional_complainer","industry_expert","chameleon","repeatedly_unreasonable",'
    '"emotional","justice_driven","stubborn","well_prepared","influential"]}',
    '{"direct_loss":100,"claimed_amount":200}',
    '{"direct_loss":100,"claimed_amount":201,"text":"I will call the newspaper!!!"}',
    ' \t\n{ "id" : "ws" , "channel" : "court" }\r\n',
]
errors = [
    '{"emotoin":7}',
    '{"category":"Billing"}',
    '{"emotion":11}',
    '{"threats":["media","tv"]}',
    '{"id":1}',
    '{"id":"a","id":"b"}',
    "[1,2]",
    '{"affected_customers":0}',
    '{"rights":[["know"]]}',
    '{"emotion":1.5}',
    '{"id":"' + "y" * 65 + '"}',
    '{"beyond_authority":"yes"}',
]

def run(lines):
    out = subprocess.run([CLI, "score"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, encoding="utf-8").stdout
    return [l for l in out.splitlines()]

cases = []
for i, (rec, line) in enumerate(zip(records, run([r.replace("\n", " ").replace("\r", " ").replace("\t", " ") for r in records]))):
    assert not line.startswith('{"line"'), (rec, line)
    cases.append({"name": f"ffi-{i:02}", "record_json": rec.replace("\n", " ").replace("\r", " ").replace("\t", " "), "expected_json": line})
errs = []
for i, (inp, line) in enumerate(zip(errors, run(errors))):
    e = json.loads(line)["error"]
    errs.append({"name": f"ffi-error-{i:02}", "input": inp, "expected": e})
doc = {"version": 1, "cases": cases, "errors": errs}
(pathlib.Path(__file__).parent / "vectors.json").write_text(
    json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(cases)} cases, {len(errs)} errors")
