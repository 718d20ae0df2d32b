"""Peers of complaint-triage, measured side by side in one run.

    python benches/peers/run.py [--quick] [--json OUT]

Four ways to grade the same complaints by the same default rubric:

1. GoRules ZEN (PyPI ``zen-engine``): the rubric as a ZEN decision graph
   (decision tables for the lookups, expression nodes for the arithmetic),
   built from the policy's JSON, compiled once, evaluated record by record
   through its Python API;
2. pure Python, one dict at a time (what a notebook user would write);
3. numpy, vectorised over the columns of an Arrow table;
4. ours: ``complaint_triage.assess_many`` (records as dicts) and
   ``complaint_triage.assess_frame`` (the Arrow table).

No peer holds a weight of its own: each reads ``Policy.default().to_json()``.
Free text is not part of what the peers reimplement: what the core keeps of
a record's text (``text_facts``: threats, forbidden phrases, emotion
markers, harm, vulnerable people, malice signs, scope, the Nth call, elapsed
time, the largest amount and its currency, the suggested category) is
given to them as extra ``cue_*`` fields computed beforehand. How those facts raise the fields a
record left at its default is a rule each peer restates (see ``merged``).
The timed records carry no text, so every contender does the same work.

Before any timing, every peer must give the core's grade, tier and priority
(and five scores, the gates that apply, and the deadlines: first response,
resolution, follow-up, hours left before a regulator's) on the golden vectors and on 10,000 generated records with
text; a peer that disagrees anywhere fails the run (exit status 1), since
its timing would mean nothing. Records come from the Rust generator
(``gen-records``, the benches' own), so the traffic is the Rust benches'.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import zen

import complaint_triage as ct

ROOT = Path(__file__).resolve().parents[2]
DIMS = ["severity", "impact", "difficulty", "escalation_risk", "malice"]
GRADES = [v["code"] for v in ct.vocabulary("grade")]
TIERS = [v["code"] for v in ct.vocabulary("tier")]
GATES = [v["code"] for v in ct.vocabulary("gates")]  # in the core's order
# The record contract, generated from the core's declaration
# (core/src/contract.rs) by `cargo run -p contract-gen`: the peers grade the
# fields it declares rather than a list of their own.
CONTRACT = json.loads((ROOT / "core" / "contract.json").read_text(encoding="utf-8"))
FACTOR_CODES = {v["code"] for v in ct.vocabulary("factor")}


def contract_fields(kind: str) -> list[dict[str, Any]]:
    return [f for f in CONTRACT["fields"] if f["kind"] == kind]


def default_code(field: str) -> str:
    """A code field's default code, by the contract."""
    return next(f["default_code"] for f in CONTRACT["fields"] if f["name"] == field)


def factor_prefix(field: dict[str, Any]) -> str | None:
    """The prefix of the factors of a code or list field's values
    (``threat`` for ``threats``); None for a field graded otherwise."""
    codes = [v["code"] for v in CONTRACT["vocabularies"][field["vocabulary"]]]
    found = sorted(p for p in {c.split(".")[0] for c in FACTOR_CODES if "." in c}
                   if all(f"{p}.{c}" in FACTOR_CODES for c in codes))
    assert len(found) <= 1, f"{field['name']}: factor prefixes {found}"
    return found[0] if found else None


CODE_FIELDS = {  # field -> (vocabulary, default code, factor prefix)
    f["name"]: (f["vocabulary"], f["default_code"], pre)
    for f in contract_fields("code") if (pre := factor_prefix(f)) is not None
}
_BANDS = json.loads(ct.Policy.default().to_json())["bands"]
BAND_DEFAULTS = {f["name"]: f["default"] for f in contract_fields("int") if f["name"] in _BANDS}
INT_DEFAULTS = {f["name"]: f["default"] for f in contract_fields("int")}
FLAG_FIELDS = [f["name"] for f in contract_fields("bool")]
LIST_FIELDS = {  # field -> (vocabulary, factor prefix)
    f["name"]: (f["vocabulary"], pre)
    for f in contract_fields("list") if (pre := factor_prefix(f)) is not None
}

def codes(vocab: str) -> list[str]:
    return [v["code"] for v in ct.vocabulary(vocab)]


SAFETY_LEVELS = codes("safety")  # none, hazard, injury, ... in rising order
INJURY = SAFETY_LEVELS.index("injury")
# The gates' conditions are rules, not numbers: they are restated here from
# core/src/gates.rs (their floors and customer counts come from the policy).
# Each safety level above none has its own gate.
SAFETY_GATES = {"hazard": "safety_hazard", "injury": "safety_injury",
                "serious_injury": "safety_serious_injury", "death": "safety_death"}
FORMAL_CHANNELS = ["regulator", "ombudsman", "court"]
REGULATOR_CHANNELS = ["regulator", "ombudsman"]  # where the regulator's clock runs
EXPOSURE_THREATS = ["media", "social_media"]
LEGAL_THREATS = ["lawsuit", "regulator"]
ATTITUDE_FAILURES = ["rude", "language_landmine", "forbidden_phrase", "interrogated",
                     "nonverbal_rejection", "blamed_customer"]
RUDE_FAILURES = ["rude", "language_landmine"]
MALICE_TRACK_SIGNALS = ["extortion", "hype", "escalating_claim", "escalating_pressure"]
# The clear-cut rule's condition (core/src/tier_rules.rs), restated: our
# own fault, verified, an ask that can be met (and a remedy within the
# front line's authority); its reach comes from the policy.
CLEAR_CUT = {"liability": "company", "evidence": "verified", "expectation": "satisfiable"}
# The policy's "no limit" of a jurisdiction's hours (core/src/policy.rs NO_LIMIT).
NO_LIMIT = 65535
NO_CLOCK = 1 << 20  # the vectorised peers' "no regulator's deadline" (above any hours)
LEAST_URGENT = 5  # priorities run from 1 (most urgent) to 5: a floor of 5 raises nothing


class Rubric:
    """The default policy, read from its JSON, in the shapes the peers use."""

    def __init__(self, policy_json: str) -> None:
        p = json.loads(policy_json)
        self.raw = p
        self.points = {f: [pts[d] for d in DIMS] for f, pts in p["points"].items()}
        self.bands = p["bands"]
        # direct_loss is banded by the record's currency: its own money
        # bands, or bands.direct_loss (the policy's default currency).
        self.money_bands = p["money_bands"]
        self.sev_levels, self.imp_levels, self.urg_levels = (
            p["severity_levels"], p["impact_levels"], p["urgency_levels"])
        self.grade_matrix = [[GRADES.index(g) for g in row] for row in p["grade_matrix"]]
        self.priority_matrix = p["priority_matrix"]
        self.tier_by_grade = [TIERS.index(t) for t in p["tier_by_grade"]]
        self.difficulty_tiers, self.malice_tiers = p["difficulty_tiers"], p["malice_tiers"]
        self.beyond_authority_tier = TIERS.index(p["beyond_authority_tier"])
        # Profile -> lowest tier, as an index; the clear-cut rule's highest grade.
        self.profile_tiers = {pr: TIERS.index(t) for pr, t in p["profile_tiers"].items()}
        self.clear_cut_max_grade = GRADES.index(p["clear_cut_max_grade"])
        # Gate -> (lowest grade, lowest tier, least urgent priority), as indices.
        self.gates = {g: (GRADES.index(f["grade"]), TIERS.index(f["tier"]), f["priority"])
                      for g, f in p["gates"].items()}
        self.affected_gate = p["affected_gate_customers"]
        self.cap_hours, self.clock_hours = p["jurisdiction_cap_hours"], p["regulator_clock_hours"]
        self.claim_limit = p["claim_limit_permille"]
        self.first_response, self.first_response_cap = p["first_response_minutes"], p["first_response_cap_minutes"]
        self.resolution, self.follow_up = p["resolution_hours"], p["follow_up_hours"]

    def pts(self, factor: str) -> list[int]:
        return self.points.get(factor, [0, 0, 0, 0, 0])

    def thresholds(self, field: str, currency: str | None) -> list[int]:
        """A banded field's thresholds; direct_loss's by the currency."""
        if field == "direct_loss" and currency in self.money_bands:
            return self.money_bands[currency]
        return self.bands[field]


def level(score: int, t: list[int]) -> int:
    return 2 if score >= t[1] else 1 if score >= t[0] else 0


def int_field(rec: dict, name: str) -> int:
    value = rec.get(name)
    return INT_DEFAULTS[name] if value is None else value


def safety_level(rec: dict) -> int:
    """The record's safety level, at least injury with the older
    ``safety_incident`` flag."""
    at_least = INJURY if rec.get("safety_incident") else 0
    return max(SAFETY_LEVELS.index(rec.get("safety") or "none"), at_least)


def regulatory_clock(r: Rubric, rec: dict) -> tuple[int | None, bool]:
    """Hours left before the sooner of the jurisdiction's cap (on hours
    open) and, at a regulator or ombudsman, its clock (on hours since the
    regulator), None when neither applies; and whether one has run out."""
    j = rec.get("jurisdiction") or "none"
    if j == "none":
        return None, False
    cap, clock = r.cap_hours.get(j, NO_LIMIT), r.clock_hours.get(j, NO_LIMIT)
    lefts = []
    if cap != NO_LIMIT:
        lefts.append(max(cap - int_field(rec, "hours_open"), 0))
    if rec.get("channel") in REGULATOR_CHANNELS and clock != NO_LIMIT:
        lefts.append(max(clock - int_field(rec, "hours_since_regulator"), 0))
    return (min(lefts), 0 in lefts) if lefts else (None, False)


def deadlines(r: Rubric, priority: int, tier: int, clock: tuple[int | None, bool]) -> tuple:
    """First response (minutes: the tier's, capped by the priority's),
    resolution (hours: the priority's, or what is left before the
    regulator's deadline when sooner and not yet past), follow-up (hours:
    the priority's) and the regulator's hours left."""
    first = r.first_response[tier]
    if priority - 1 < len(r.first_response_cap):
        first = min(first, r.first_response_cap[priority - 1])
    by_priority = r.resolution[priority - 1] if priority - 1 < len(r.resolution) else NO_LIMIT
    left, past = clock
    resolution = left if left is not None and not past and left < by_priority else by_priority
    follow_up = r.follow_up[priority - 1] if priority - 1 < len(r.follow_up) else NO_LIMIT
    return first, resolution, follow_up, left


# How the text's facts raise the fields a record left at its default: rules,
# restated from core/src/merge.rs (the counts of a scope come from the
# policy). Harm raises the safety level (and so its gates) when the record has
# none; scope raises affected customers from 1 to the smallest count of the
# gate at that scope; the Nth call raises prior contacts from 0 to N - 1;
# elapsed time raises the hours_open band from 0 (never the regulator's
# clock); the largest amount raises claimed_amount from 0; the largest loss
# raises direct_loss from 0 when the record's currency is unspecified or the
# loss's; an unspecified currency becomes the loss's (when the loss could raise
# direct_loss) or the largest amount's; personal data exposed raises
# data_breach from false; a claim is weighed against the loss unless both came
# from the text; vulnerable people and
# malice signs add the values the record lacks (malice signs add points, not
# the malice_track gate); the text's category replaces a category left
# `other` (for its points; the attitude gate reads the record's).
def scope_customers(r: Rubric, scope: int) -> int:
    """The customers a text's scope stands for (1: one customer)."""
    return 1 if scope == 0 else r.affected_gate[min(scope, 3) - 1]


def merged(r: Rubric, rec: dict) -> dict:
    """The record as grading reads it: what the text raised, where the
    record left a field at its default."""
    m = dict(rec)
    text_safety = SAFETY_LEVELS.index(rec.get("cue_safety") or "none")
    if safety_level(rec) == 0 and text_safety > 0:
        m["safety"] = SAFETY_LEVELS[text_safety]
    text_affected = scope_customers(r, rec.get("cue_scope") or 0)
    if int_field(rec, "affected_customers") == 1 and text_affected > 1:
        m["affected_customers"] = text_affected
    text_prior = max((rec.get("cue_repetition") or 0) - 1, 0)
    if int_field(rec, "prior_contacts") == 0 and text_prior > 0:
        m["prior_contacts"] = text_prior
    text_hours = rec.get("cue_elapsed_hours") or 0
    if int_field(rec, "hours_open") == 0 and text_hours > 0:
        m["hours_open"] = text_hours  # the band's hours only: the clock reads the record's
    text_amount = rec.get("cue_amount") or 0
    if int_field(rec, "claimed_amount") == 0 and text_amount > 0:
        m["claimed_amount"] = text_amount
    currency = rec.get("currency") or "unspecified"
    text_loss = rec.get("cue_loss") or 0
    loss_currency = rec.get("cue_loss_currency") or "unspecified"
    loss_raises = int_field(rec, "direct_loss") == 0 and text_loss > 0
    if loss_raises and currency in ("unspecified", loss_currency):
        m["direct_loss"] = text_loss
    text_currency = loss_currency if loss_raises else rec.get("cue_currency") or "unspecified"
    if currency == "unspecified" and text_currency != "unspecified":
        m["currency"] = text_currency
    if rec.get("cue_data_exposure"):
        m["data_breach"] = True
    if (rec.get("category") or "other") == "other" and rec.get("cue_category"):
        m["category"] = rec["cue_category"]
    for field, cue in [("vulnerability", "cue_vulnerability"), ("malice_signals", "cue_malice"),
                       ("handling_failures", "cue_handling_failures")]:
        m[field] = sorted(set(rec.get(field) or ()) | set(rec.get(cue) or ()))
    return m


def gates_that_apply(r: Rubric, rec: dict, m: dict) -> list[str]:
    """The gates whose condition holds; ``m`` is the record as merged with
    its text (``merged``): its harm, scope and Nth call count, while the
    record's own threats, failures and malice signals do (words in its
    text add points, never those gates; the staff conduct its text tells
    of joins its failures) and the regulator's clock runs on its own
    hours."""
    fired = []
    safety = SAFETY_LEVELS[safety_level(m)]
    if safety in SAFETY_GATES:
        fired.append(SAFETY_GATES[safety])
    channel = rec.get("channel")
    if channel in FORMAL_CHANNELS:
        fired.append("formal_channel")
    if channel == "media":
        fired.append("press")
    threats, failures = set(rec.get("threats") or ()), set(m.get("handling_failures") or ())
    upset_or_repeated = int_field(rec, "emotion") >= r.bands["emotion"][0] or int_field(m, "prior_contacts") > 0
    if threats & set(EXPOSURE_THREATS) or ("influential" in (rec.get("profile") or ()) and upset_or_repeated):
        fired.append("public_exposure")
    affected = int_field(m, "affected_customers")
    for gate, threshold in zip(["several_affected", "mass_incident", "wide_outage"], r.affected_gate):
        if affected >= threshold:
            fired.append(gate)
    if affected >= r.affected_gate[1] and (SAFETY_LEVELS.index(safety) >= 1 or "safety" in (rec.get("rights") or ())):
        fired.append("mass_safety")
    if ((rec.get("category") == "service_attitude" and failures & set(ATTITUDE_FAILURES))
            or failures & set(RUDE_FAILURES)):
        fired.append("attitude")
    if set(rec.get("malice_signals") or ()) & set(MALICE_TRACK_SIGNALS) or "extortion" in (rec.get("cue_malice") or ()):
        fired.append("malice_track")
    if regulatory_clock(r, rec)[1]:
        fired.append("past_regulatory_deadline")
    if int_field(m, "prior_contacts") >= r.bands["prior_contacts"][1]:
        fired.append("repeat_complaint")
    if (threats | set(rec.get("cue_threats") or ())) & set(LEGAL_THREATS):
        fired.append("legal_threat")
    return fired


# ---------------------------------------------------------------------------
# Peer 2: pure Python, one record at a time.
# ---------------------------------------------------------------------------

def make_pure(r: Rubric) -> Callable[[dict], tuple]:
    pts = r.points
    zero = [0, 0, 0, 0, 0]
    bands = [(f, BAND_DEFAULTS[f], r.bands[f]) for f in BAND_DEFAULTS]
    code_defaults = [(f, d, pre + ".") for f, (_, d, pre) in CODE_FIELDS.items()]
    lists = [(f, pre + ".") for f, (_, pre) in LIST_FIELDS.items()]

    def grade(rec: dict) -> tuple:
        raw = [0, 0, 0, 0, 0]
        m = merged(r, rec)

        def add(p: list[int]) -> None:
            for i in range(5):
                raw[i] += p[i]

        for field, default, prefix in code_defaults:
            add(pts.get(prefix + (m.get(field) or default), zero))
        for field, default, _ in bands:
            value = m.get(field)
            value = default if value is None else value
            thresholds = r.thresholds(field, m.get("currency"))
            reached = sum(1 for t in thresholds if value >= t)
            if reached:
                add(pts[f"{field}.band{reached}"])
        for field in FLAG_FIELDS:
            if m.get(field) and field != "safety_incident":
                add(pts[field])
        # The safety incident factor: a safety level of injury or worse.
        if safety_level(m) >= INJURY:
            add(pts["safety_incident"])
        loss, claim = m.get("direct_loss") or 0, m.get("claimed_amount") or 0
        # A claim is weighed against the loss unless both came from the text
        # (the core's merge::claim_basis).
        recorded = int_field(rec, "direct_loss") > 0 or int_field(rec, "claimed_amount") > 0
        if loss > 0 and recorded and claim * 1000 > loss * r.claim_limit:
            add(pts["claim_unreasonable"])
        if rec.get("cue_emotion"):
            add(pts["text.strong_emotion"])
        for field, prefix in lists:
            values = set(m.get(field) or ())
            if field == "threats":
                values.update(rec.get("cue_threats") or ())
            elif field == "handling_failures" and rec.get("cue_forbidden"):
                values.add("forbidden_phrase")
            for v in values:
                add(pts[prefix + v])
        s = [min(max(v, 0), 100) for v in raw]
        sev, imp = level(s[0], r.sev_levels), level(s[1], r.imp_levels)
        urg = level(max(s[0], s[3]), r.urg_levels)
        g = r.grade_matrix[sev][imp]
        # A clear-cut complaint nobody else heard of, up to the policy's
        # grade, is minor.
        clear_cut = (all(rec.get(f) == v for f, v in CLEAR_CUT.items())
                     and not rec.get("beyond_authority"))
        if clear_cut and imp == 0 and 0 < g <= r.clear_cut_max_grade:
            g = 0
        # The lowest tier the customer's profiles ask for.
        profile_tier = max((r.profile_tiers[pr] for pr in rec.get("profile") or ()), default=0)
        # Several departments to direct (the second departments band); a
        # colleague's conduct to review (the record's service_attitude
        # category, the customer upset or back again): both beyond the
        # front line's authority, like the record's own flag.
        coordination = int_field(rec, "departments") >= r.bands["departments"][1]
        conduct_review = rec.get("category") == "service_attitude" and (
            int_field(rec, "emotion") >= r.bands["emotion"][0] or int_field(m, "prior_contacts") > 0)
        # At least moderate when difficulty reaches the specialist threshold,
        # a profile needs more than the front line or several departments
        # must act; priority by the grade's seriousness (minor low, moderate
        # medium, major and critical high) and urgency.
        if s[2] >= r.difficulty_tiers[0] or profile_tier > 0 or coordination:
            g = max(g, 1)
        pr = r.priority_matrix[min(g, 2)][urg]
        floor_grade, floor_tier, floor_priority = 0, 0, LEAST_URGENT
        fired = gates_that_apply(r, rec, m)
        for gate in fired:
            fg, ft, fp = r.gates[gate]
            floor_grade, floor_tier, floor_priority = max(floor_grade, fg), max(floor_tier, ft), min(floor_priority, fp)
        g, pr = max(g, floor_grade), min(pr, floor_priority)
        tier = max(r.tier_by_grade[g], level(s[2], r.difficulty_tiers), level(s[4], r.malice_tiers),
                   profile_tier, floor_tier)
        if rec.get("beyond_authority") or coordination or conduct_review:
            tier = max(tier, r.beyond_authority_tier)
        due = deadlines(r, pr, tier, regulatory_clock(r, rec))
        return GRADES[g], TIERS[tier], pr, tuple(s), tuple(sorted(fired, key=GATES.index)), due

    return grade


# ---------------------------------------------------------------------------
# Peer 3: numpy over the columns of an Arrow table.
# ---------------------------------------------------------------------------

def make_numpy(r: Rubric) -> Callable[[pa.Table], tuple]:
    def table_of(prefix: str, vocab: str) -> np.ndarray:
        return np.array([r.pts(f"{prefix}.{c}") for c in codes(vocab)], dtype=np.int32)

    code_tables = {f: (codes(v), codes(v).index(d), table_of(pre, v))
                   for f, (v, d, pre) in CODE_FIELDS.items()}
    band_tables = {f: (np.array(r.bands[f], dtype=np.int64),
                       np.array([[0] * 5] + [r.pts(f"{f}.band{i + 1}") for i in range(len(r.bands[f]))],
                                dtype=np.int32))
                   for f in BAND_DEFAULTS}
    # Points of every subset of a list field, indexed by its bitmask: one
    # gather per field instead of one pass per code.
    list_tables = {}
    for f, (v, pre) in LIST_FIELDS.items():
        vc = codes(v)
        per = np.array([r.pts(f"{pre}.{c}") for c in vc], dtype=np.int32)
        masks = np.arange(1 << len(vc))
        bits = (masks[:, None] >> np.arange(len(vc))[None, :]) & 1
        list_tables[f] = (vc, bits.astype(np.int32) @ per)
    flag_pts = {f: np.array(r.pts(f), dtype=np.int32) for f in FLAG_FIELDS}
    claim_pts = np.array(r.pts("claim_unreasonable"), dtype=np.int32)
    emotion_pts = np.array(r.pts("text.strong_emotion"), dtype=np.int32)
    gm, pm = np.array(r.grade_matrix), np.array(r.priority_matrix)
    tier_by_grade = np.array(r.tier_by_grade)
    forbidden_bit = 1 << codes("handling_failures").index("forbidden_phrase")

    def col(t: pa.Table, name: str) -> pa.Array | None:
        if name not in t.column_names or pa.types.is_null(t.column(name).type):
            return None  # absent, or null in every row: the default throughout
        return t.column(name).combine_chunks()

    def code_index(a: pa.Array | None, vocab: list[str], default: int, n: int) -> np.ndarray:
        if a is None:
            return np.full(n, default)
        if not pa.types.is_dictionary(a.type):
            a = a.dictionary_encode()
        lut = np.array([vocab.index(c) for c in a.dictionary.to_pylist()] + [default])
        idx = pc.fill_null(a.indices, len(a.dictionary)).to_numpy()
        return lut[idx]

    def ints(a: pa.Array | None, default: int, n: int) -> np.ndarray:
        if a is None:
            return np.full(n, default, dtype=np.int64)
        return pc.fill_null(a, default).to_numpy().astype(np.int64, copy=False)

    def bools(a: pa.Array | None, n: int) -> np.ndarray:
        if a is None:
            return np.zeros(n, dtype=bool)
        return pc.fill_null(a, False).to_numpy(zero_copy_only=False)

    def bitmask(a: pa.Array | None, vocab: list[str], n: int) -> np.ndarray:
        bits = np.zeros(n, dtype=np.int64)
        if a is None:
            return bits
        values = a.flatten()
        if len(values) == 0:
            return bits
        if not pa.types.is_dictionary(values.type):
            values = values.dictionary_encode()
        lut = np.array([1 << vocab.index(c) for c in values.dictionary.to_pylist()], dtype=np.int64)
        lengths = pc.fill_null(pc.list_value_length(a), 0).to_numpy()
        rows = np.repeat(np.arange(n), lengths)
        np.bitwise_or.at(bits, rows, lut[values.indices.to_numpy()])
        return bits

    def in_codes(t: pa.Table, field: str, vocab: str, wanted: list[str], n: int) -> np.ndarray:
        vc = codes(vocab)
        idx = code_index(col(t, field), vc, vc.index(default_code(field)), n)
        return np.isin(idx, [vc.index(c) for c in wanted])

    def any_of(t: pa.Table, field: str, vocab: str, wanted: list[str], n: int) -> np.ndarray:
        vc = codes(vocab)
        mask = sum(1 << vc.index(c) for c in wanted)
        return (bitmask(col(t, field), vc, n) & mask) != 0

    def merged_ints(t: pa.Table, n: int) -> dict[str, np.ndarray]:
        """The numbers the text raised where the record left the default:
        see ``merged`` (the pure peer) for the rules."""
        out = {}
        scope = ints(col(t, "cue_scope"), 0, n)
        scope_counts = np.array([scope_customers(r, k) for k in range(5)])
        text = {"affected_customers": scope_counts[np.minimum(scope, 4)],
                "prior_contacts": np.maximum(ints(col(t, "cue_repetition"), 0, n) - 1, 0),
                "hours_open": ints(col(t, "cue_elapsed_hours"), 0, n),
                "claimed_amount": ints(col(t, "cue_amount"), 0, n)}
        for f, v in text.items():
            field = ints(col(t, f), INT_DEFAULTS[f], n)
            out[f] = np.where((field == INT_DEFAULTS[f]) & (v > INT_DEFAULTS[f]), v, field)
        # The loss raises direct_loss only in its own currency or none.
        currencies = codes("currency")
        unspecified = currencies.index("unspecified")
        currency = code_index(col(t, "currency"), currencies, unspecified, n)
        loss_currency = code_index(col(t, "cue_loss_currency"), currencies, unspecified, n)
        loss = ints(col(t, "cue_loss"), 0, n)
        field = ints(col(t, "direct_loss"), 0, n)
        out["loss_raises"] = (field == 0) & (loss > 0)
        out["direct_loss"] = np.where(out["loss_raises"] & ((currency == unspecified) | (currency == loss_currency)),
                                      loss, field)
        out["loss_currency"] = loss_currency
        return out

    def gates(t: pa.Table, n: int, safety: np.ndarray, m: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Whether each gate's condition holds, row by row (``m``: the merged
        numbers; the record's own threats, failures and malice signals:
        words in its text add points, never a gate)."""
        fired = {gate: safety == SAFETY_LEVELS.index(level) for level, gate in SAFETY_GATES.items()}
        fired["formal_channel"] = in_codes(t, "channel", "channel", FORMAL_CHANNELS, n)
        fired["press"] = in_codes(t, "channel", "channel", ["media"], n)
        upset_or_repeated = ((ints(col(t, "emotion"), INT_DEFAULTS["emotion"], n) >= r.bands["emotion"][0])
                             | (m["prior_contacts"] > 0))
        fired["public_exposure"] = (any_of(t, "threats", "threats", EXPOSURE_THREATS, n)
                                    | (any_of(t, "profile", "profile", ["influential"], n) & upset_or_repeated))
        affected = m["affected_customers"]
        for gate, threshold in zip(["several_affected", "mass_incident", "wide_outage"], r.affected_gate):
            fired[gate] = affected >= threshold
        fired["mass_safety"] = (affected >= r.affected_gate[1]) & ((safety >= 1) | any_of(t, "rights", "rights", ["safety"], n))
        # The record's failures and the staff conduct its text tells of.
        def failure_in(codes_: list[str]) -> np.ndarray:
            return (any_of(t, "handling_failures", "handling_failures", codes_, n)
                    | any_of(t, "cue_handling_failures", "handling_failures", codes_, n))
        fired["attitude"] = ((in_codes(t, "category", "category", ["service_attitude"], n)
                              & failure_in(ATTITUDE_FAILURES))
                             | failure_in(RUDE_FAILURES))
        fired["malice_track"] = (any_of(t, "malice_signals", "malice_signals", MALICE_TRACK_SIGNALS, n)
                                 | any_of(t, "cue_malice", "malice_signals", ["extortion"], n))
        fired["past_regulatory_deadline"] = clock(t, n)[1]
        fired["repeat_complaint"] = m["prior_contacts"] >= r.bands["prior_contacts"][1]
        fired["legal_threat"] = (any_of(t, "threats", "threats", LEGAL_THREATS, n)
                                 | any_of(t, "cue_threats", "threats", LEGAL_THREATS, n))
        return fired

    def clock(t: pa.Table, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Hours left before the sooner of the jurisdiction's cap (on hours
        open) and, at a regulator or ombudsman, its clock (on hours since
        the regulator), NO_CLOCK where neither applies; whether one ran out."""
        jurisdictions = codes("jurisdiction")
        j = code_index(col(t, "jurisdiction"), jurisdictions, jurisdictions.index(default_code("jurisdiction")), n)
        cap = np.array([NO_LIMIT if c == "none" else r.cap_hours.get(c, NO_LIMIT) for c in jurisdictions])[j]
        limit = np.array([NO_LIMIT if c == "none" else r.clock_hours.get(c, NO_LIMIT) for c in jurisdictions])[j]
        hours_open = ints(col(t, "hours_open"), INT_DEFAULTS["hours_open"], n)
        since = ints(col(t, "hours_since_regulator"), INT_DEFAULTS["hours_since_regulator"], n)
        at_regulator = in_codes(t, "channel", "channel", REGULATOR_CHANNELS, n)
        cap_left = np.where(cap != NO_LIMIT, np.maximum(cap - hours_open, 0), NO_CLOCK)
        clock_left = np.where(at_regulator & (limit != NO_LIMIT), np.maximum(limit - since, 0), NO_CLOCK)
        return np.minimum(cap_left, clock_left), (cap_left == 0) | (clock_left == 0)

    def by_priority(values: list[int], pr: np.ndarray) -> np.ndarray:
        """The priority's entry of a per-priority list (none: no limit)."""
        return np.array(values + [NO_LIMIT] * (LEAST_URGENT - len(values)))[pr - 1]

    def grade(t: pa.Table) -> tuple:
        n = t.num_rows
        raw = np.zeros((n, 5), dtype=np.int32)
        for f, (vocab, default, table) in code_tables.items():
            index = code_index(col(t, f), vocab, default, n)
            if f == "category":
                # A category left `other` takes the text's (see ``merged``).
                text = code_index(col(t, "cue_category"), vocab, default, n)
                index = np.where(index == default, text, index)
            raw += table[index]
        m = merged_ints(t, n)
        currencies = codes("currency")
        unspecified = currencies.index("unspecified")
        currency = code_index(col(t, "currency"), currencies, unspecified, n)
        text_currency = code_index(col(t, "cue_currency"), currencies, unspecified, n)
        text_currency = np.where(m["loss_raises"], m["loss_currency"], text_currency)
        currency = np.where(currency == unspecified, text_currency, currency)
        for f, (thresholds, table) in band_tables.items():
            v = m[f] if f in m else ints(col(t, f), BAND_DEFAULTS[f], n)
            reached = np.searchsorted(thresholds, v, side="right")
            if f == "direct_loss":
                for ci, code in enumerate(currencies):
                    rows = currency == ci
                    if code in r.money_bands and rows.any():
                        reached[rows] = np.searchsorted(np.array(r.money_bands[code], dtype=np.int64),
                                                        v[rows], side="right")
            raw += table[reached]
        flags = {f: bools(col(t, f), n) for f in FLAG_FIELDS}
        flags["data_breach"] = flags["data_breach"] | bools(col(t, "cue_data_exposure"), n)
        safety = np.maximum(code_index(col(t, "safety"), SAFETY_LEVELS, 0, n),
                            np.where(flags["safety_incident"], INJURY, 0))
        safety = np.where(safety == 0, code_index(col(t, "cue_safety"), SAFETY_LEVELS, 0, n), safety)
        for f, p in flag_pts.items():
            # The safety incident factor: a safety level of injury or worse.
            raw += (safety >= INJURY if f == "safety_incident" else flags[f])[:, None] * p
        loss, claim = m["direct_loss"], m["claimed_amount"]
        # Not weighed when both came from the text (the core's merge::claim_basis).
        recorded = (ints(col(t, "direct_loss"), 0, n) > 0) | (ints(col(t, "claimed_amount"), 0, n) > 0)
        loss = np.where(recorded, loss, 0)
        # Exact in int64: amounts are at most 1e15, so both products stay below 9.2e18.
        raw += ((loss > 0) & (claim * 1000 > loss * r.claim_limit))[:, None] * claim_pts
        raw += bools(col(t, "cue_emotion"), n)[:, None] * emotion_pts
        for f, (vocab, table) in list_tables.items():
            bits = bitmask(col(t, f), vocab, n)
            if f == "threats":
                bits |= bitmask(col(t, "cue_threats"), vocab, n)
            elif f == "handling_failures":
                bits |= np.where(bools(col(t, "cue_forbidden"), n), forbidden_bit, 0)
                bits |= bitmask(col(t, "cue_handling_failures"), vocab, n)
            elif f == "vulnerability":
                bits |= bitmask(col(t, "cue_vulnerability"), vocab, n)
            elif f == "malice_signals":
                bits |= bitmask(col(t, "cue_malice"), vocab, n)
            raw += table[bits]
        s = np.clip(raw, 0, 100)

        def lvl(x: np.ndarray, th: list[int]) -> np.ndarray:
            return (x >= th[0]).astype(np.int64) + (x >= th[1])

        sev, imp = lvl(s[:, 0], r.sev_levels), lvl(s[:, 1], r.imp_levels)
        urg = lvl(np.maximum(s[:, 0], s[:, 3]), r.urg_levels)
        fired = gates(t, n, safety, m)
        floor_grade, floor_tier = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        floor_priority = np.full(n, LEAST_URGENT, dtype=np.int64)
        for gate, applies in fired.items():
            fg, ft, fp = r.gates[gate]
            floor_grade = np.where(applies, np.maximum(floor_grade, fg), floor_grade)
            floor_tier = np.where(applies, np.maximum(floor_tier, ft), floor_tier)
            floor_priority = np.where(applies, np.minimum(floor_priority, fp), floor_priority)
        # The clear-cut rule and the profiles' tiers: see the pure peer.
        clear_cut = ~flags["beyond_authority"]
        for f, v in CLEAR_CUT.items():
            clear_cut &= in_codes(t, f, f, [v], n)
        by_matrix = gm[sev, imp]
        settled = np.where(clear_cut & (imp == 0) & (by_matrix > 0) & (by_matrix <= r.clear_cut_max_grade),
                           0, by_matrix)
        profiles = bitmask(col(t, "profile"), codes("profile"), n)
        profile_tier = np.zeros(n, dtype=np.int64)
        for i, pr in enumerate(codes("profile")):
            profile_tier = np.where((profiles >> i) & 1, np.maximum(profile_tier, r.profile_tiers[pr]), profile_tier)
        # Several departments, a colleague's conduct: see the pure peer.
        coordination = ints(col(t, "departments"), INT_DEFAULTS["departments"], n) >= r.bands["departments"][1]
        conduct_review = in_codes(t, "category", "category", ["service_attitude"], n) & (
            (ints(col(t, "emotion"), INT_DEFAULTS["emotion"], n) >= r.bands["emotion"][0])
            | (m["prior_contacts"] > 0))
        beyond = flags["beyond_authority"] | coordination | conduct_review
        hard = (s[:, 2] >= r.difficulty_tiers[0]) | (profile_tier > 0) | coordination
        by_points = np.maximum(settled, hard.astype(np.int64))
        g = np.maximum(by_points, floor_grade)
        pr = np.minimum(pm[np.minimum(by_points, 2), urg], floor_priority)
        tier = np.maximum.reduce([tier_by_grade[g], lvl(s[:, 2], r.difficulty_tiers),
                                  lvl(s[:, 4], r.malice_tiers),
                                  np.where(beyond, r.beyond_authority_tier, 0),
                                  profile_tier, floor_tier])
        # Deadlines: see `deadlines` (the pure peer) for the rules.
        left, past = clock(t, n)
        first = np.minimum(np.array(r.first_response)[tier], by_priority(r.first_response_cap, pr))
        resolution = by_priority(r.resolution, pr)
        resolution = np.where((left != NO_CLOCK) & ~past & (left < resolution), left, resolution)
        due = (first, resolution, by_priority(r.follow_up, pr), left)
        return g, tier, pr, s, fired, due

    return grade


# ---------------------------------------------------------------------------
# Peer 1: GoRules ZEN, the rubric as a decision graph.
# ---------------------------------------------------------------------------

def zen_graph(r: Rubric) -> dict:
    """The rubric as a JDM graph: input -> one decision table per code field
    and per banded number (first hit), one per list field (collect) ->
    expression nodes for flags, sums, clamping, levels -> decision tables for
    the grade and priority matrices -> a decision table for the
    jurisdiction's deadlines -> expression nodes for the gates, their floors,
    then grade, priority and tier -> output."""
    nodes: list[dict] = [{"id": "input", "type": "inputNode", "name": "request", "position": {"x": 0, "y": 0}}]

    def q(code: str) -> str:
        return json.dumps(code)

    def any_in(field: str, wanted: list[str]) -> str:
        return "(" + " or ".join(f"contains({field} ?? [], {q(c)})" for c in wanted) + ")"

    def channel_in(wanted: list[str]) -> str:
        return "(" + " or ".join(f"channel == {q(c)}" for c in wanted) + ")"

    def int_in(field: str) -> str:
        return f"({field} ?? {INT_DEFAULTS[field]})"

    def lit(p: list[int]) -> str:
        return json.dumps(p)

    def table(name: str, policy: str, inputs: list[dict], outputs: list[dict], rules: list[dict],
              output_path: str | None = None) -> None:
        content: dict[str, Any] = {"hitPolicy": policy, "passThrough": True, "inputs": inputs,
                                   "outputs": outputs, "rules": rules}
        if output_path:
            content["outputPath"] = output_path
        nodes.append({"id": name, "type": "decisionTableNode", "name": name,
                      "position": {"x": 0, "y": 0}, "content": content})

    def expressions(name: str, exprs: list[tuple[str, str]]) -> None:
        nodes.append({"id": name, "type": "expressionNode", "name": name, "position": {"x": 0, "y": 0},
                      "content": {"passThrough": True, "expressions": [
                          {"id": f"{name}-{i}", "key": k, "value": v} for i, (k, v) in enumerate(exprs)]}})

    def rank(field: str) -> str:
        """A safety level's index in the vocabulary."""
        out = "0"
        for i, c in enumerate(SAFETY_LEVELS[1:], 1):
            out = f"({field} == {q(c)} ? {i} : {out})"
        return out

    # The safety level (index in the vocabulary), at least injury with the
    # older flag, or the text's harm when the record has none (see
    # ``merged``, the pure peer, for the rules of the text).
    recorded = f"max([{rank('safety')}, (safety_incident == true ? {INJURY} : 0)])"
    expressions("e-safety", [("sl", f"{recorded} == 0 ? {rank('cue_safety')} : {recorded}")])

    def raised(field: str, text: str) -> str:
        """The record's number, or the text's where it left the default."""
        return f"({int_in(field)} == {INT_DEFAULTS[field]} and {text} > {INT_DEFAULTS[field]} ? {text} : {int_in(field)})"

    a = r.affected_gate
    scope_count = f"((cue_scope ?? 0) == 0 ? 1 : ((cue_scope ?? 0) == 1 ? {a[0]} : ((cue_scope ?? 0) == 2 ? {a[1]} : {a[2]})))"
    expressions("e-merge", [
        ("m.affected_customers", raised("affected_customers", scope_count)),
        ("m.prior_contacts", raised("prior_contacts", "max([(cue_repetition ?? 0) - 1, 0])")),
        ("m.hours_open", raised("hours_open", "(cue_elapsed_hours ?? 0)")),
        ("m.claimed_amount", raised("claimed_amount", "(cue_amount ?? 0)")),
        ("m.direct_loss", f"({int_in('direct_loss')} == 0 and (cue_loss ?? 0) > 0 and "
                          f"((currency ?? {q('unspecified')}) == {q('unspecified')} or currency == cue_loss_currency) "
                          f"? cue_loss : {int_in('direct_loss')})"),
        ("m.currency", f"(currency ?? {q('unspecified')}) != {q('unspecified')} ? currency : "
                       f"({int_in('direct_loss')} == 0 and (cue_loss ?? 0) > 0 ? cue_loss_currency : "
                       "(cue_currency != null ? cue_currency : currency))"),
        ("m.category", f"(category ?? {q('other')}) == {q('other')} and cue_category != null "
                       "? cue_category : category"),
    ])
    merged_fields = ["affected_customers", "prior_contacts", "hours_open", "direct_loss"]
    for f, (vocab, default, pre) in CODE_FIELDS.items():
        rules = [{"_id": f"{f}-{c}", "in": json.dumps(c), "out": lit(r.pts(f"{pre}.{c}"))}
                 for c in codes(vocab) if c != default]
        rules.append({"_id": f"{f}-default", "in": "", "out": lit(r.pts(f"{pre}.{default}"))})
        # The category as merged with the text's (see ``merged``).
        field = "m.category" if f == "category" else f
        table(f"t-{f}", "first", [{"id": "in", "name": f, "field": field}],
              [{"id": "out", "name": "points", "field": f"p.{f}"}], rules)
    for f, thresholds in r.bands.items():
        # direct_loss: first the bands of the record's currency, if it has
        # its own, then the default bands (any currency, or none).
        per_currency = r.money_bands if f == "direct_loss" else {}
        rules = []
        for cur, ths in list(per_currency.items()) + [("", thresholds)]:
            when = json.dumps(cur) if cur else ""
            rules += [{"_id": f"{f}-{cur}-{i}", "cur": when, "in": f">= {t}",
                       "out": lit(r.pts(f"{f}.band{i + 1}"))}
                      for i, t in reversed(list(enumerate(ths)))]
            rules.append({"_id": f"{f}-{cur}-none", "cur": when, "in": "", "out": lit([0] * 5)})
        field = f"m.{f}" if f in merged_fields else f
        table(f"t-{f}", "first", [{"id": "cur", "name": "currency", "field": "m.currency"},
                                  {"id": "in", "name": f, "field": field}],
              [{"id": "out", "name": "points", "field": f"p.{f}"}], rules)
    for f, (vocab, pre) in LIST_FIELDS.items():
        rules = []
        for c in codes(vocab):
            test = f"contains({f} ?? [], {json.dumps(c)})"
            if f == "threats":
                test += f" or contains(cue_threats ?? [], {json.dumps(c)})"
            if f == "handling_failures" and c == "forbidden_phrase":
                test += " or cue_forbidden == true"
            if f == "handling_failures":
                test += f" or contains(cue_handling_failures ?? [], {json.dumps(c)})"
            if f in ("vulnerability", "malice_signals"):
                cue = "cue_vulnerability" if f == "vulnerability" else "cue_malice"
                test += f" or contains({cue} ?? [], {json.dumps(c)})"
            rules.append({"_id": f"{f}-{c}", "in": test, "out": lit(r.pts(f"{pre}.{c}"))})
        table(f"t-{f}", "collect", [{"id": "in", "name": f}], [{"id": "out", "name": "points", "field": "v"}],
              rules, output_path=f"l.{f}")
    flag_terms = [(f"{f} == true" if f != "safety_incident" else f"sl >= {INJURY}", r.pts(f))
                  for f in FLAG_FIELDS]
    # Personal data exposed in the text is a data breach (see ``merged``).
    flag_terms = [(c + " or cue_data_exposure == true" if c == "data_breach == true" else c, p)
                  for c, p in flag_terms]
    # Not weighed when both the loss and the claim came from the text (the
    # core's merge::claim_basis).
    flag_terms.append((f"m.direct_loss > 0 and ({int_in('direct_loss')} > 0 or {int_in('claimed_amount')} > 0) "
                       f"and m.claimed_amount * 1000 > m.direct_loss * {r.claim_limit}",
                       r.pts("claim_unreasonable")))
    flag_terms.append(("cue_emotion == true", r.pts("text.strong_emotion")))
    sums = []
    for d, dim in enumerate(DIMS):
        parts = [f"p.{f}[{d}]" for f in list(CODE_FIELDS) + list(r.bands)]
        parts += [f"sum(map(l.{f}, #.v[{d}]))" for f in LIST_FIELDS]
        parts += [f"({cond} ? {p[d]} : 0)" for cond, p in flag_terms if p[d]]
        sums.append((f"raw.{dim}", " + ".join(parts)))
    expressions("e-sums", sums)
    expressions("e-scores", [(f"s.{dim}", f"raw.{dim} < 0 ? 0 : (raw.{dim} > 100 ? 100 : raw.{dim})")
                             for dim in DIMS])

    def lvl(x: str, t: list[int]) -> str:
        return f"({x} >= {t[1]} ? 2 : ({x} >= {t[0]} ? 1 : 0))"

    expressions("e-levels", [
        ("lv.severity", lvl("s.severity", r.sev_levels)),
        ("lv.impact", lvl("s.impact", r.imp_levels)),
        ("lv.urgency", lvl("(s.severity > s.escalation_risk ? s.severity : s.escalation_risk)", r.urg_levels)),
        ("lv.difficulty", lvl("s.difficulty", r.difficulty_tiers)),
        ("lv.malice", lvl("s.malice", r.malice_tiers)),
    ])
    table("t-grade", "first", [{"id": "a", "name": "severity level", "field": "lv.severity"},
                               {"id": "b", "name": "impact level", "field": "lv.impact"}],
          [{"id": "out", "name": "grade", "field": "g"}],
          [{"_id": f"g{i}{j}", "a": str(i), "b": str(j), "out": str(r.grade_matrix[i][j])}
           for i in range(3) for j in range(3)])
    # At least moderate when difficulty reaches the specialist threshold;
    # the grade's seriousness (minor low, moderate medium, major and
    # critical high) is the priority table's row.
    # A clear-cut complaint nobody else heard of, up to the policy's grade,
    # is minor; a profile's tier (the highest of those listed) makes it at
    # least moderate, as difficulty does.
    clear_cut = " and ".join([f"{f} == {q(v)}" for f, v in CLEAR_CUT.items()] + ["beyond_authority != true"])
    expressions("e-clear-cut", [("g", f"({clear_cut}) and lv.impact == 0 and g > 0 and "
                                      f"g <= {r.clear_cut_max_grade} ? 0 : g")])
    expressions("e-profile", [("lv.profile", "max([0, " + ", ".join(
        f"(contains(profile ?? [], {q(pr)}) ? {t} : 0)" for pr, t in r.profile_tiers.items()) + "])")])
    # Several departments to direct (the second departments band) make the
    # case hard and beyond the front line's authority; so does a colleague's
    # conduct to review (the record's service_attitude category, the
    # customer upset or back again).
    coordination = f"{int_in('departments')} >= {r.bands['departments'][1]}"
    conduct_review = (f"(category == {q('service_attitude')} and ({int_in('emotion')} >= {r.bands['emotion'][0]}"
                      f" or m.prior_contacts > 0))")
    expressions("e-hard", [("g", f"max([g, lv.difficulty > 0 or lv.profile > 0 or {coordination} ? 1 : 0])")])
    expressions("e-seriousness", [("lv.seriousness", "min([g, 2])")])
    table("t-priority", "first", [{"id": "a", "name": "seriousness level", "field": "lv.seriousness"},
                                  {"id": "b", "name": "urgency level", "field": "lv.urgency"}],
          [{"id": "out", "name": "priority", "field": "pr"}],
          [{"_id": f"p{i}{j}", "a": str(i), "b": str(j), "out": str(r.priority_matrix[i][j])}
           for i in range(3) for j in range(3)])
    # The regulatory clock: the jurisdiction's cap on hours open and its
    # clock on hours since the regulator (no jurisdiction: no limit).
    table("t-clock", "first", [{"id": "in", "name": "jurisdiction", "field": "jurisdiction"}],
          [{"id": "cap", "name": "cap", "field": "jc.cap"}, {"id": "clock", "name": "clock", "field": "jc.clock"}],
          [{"_id": f"clock-{j}", "in": q(j), "cap": str(r.cap_hours.get(j, NO_LIMIT)),
            "clock": str(r.clock_hours.get(j, NO_LIMIT))} for j in codes("jurisdiction") if j != "none"]
          + [{"_id": "clock-none", "in": "", "cap": str(NO_LIMIT), "clock": str(NO_LIMIT)}])
    gate_exprs = [(f"gate.{gate}", f"sl == {SAFETY_LEVELS.index(lv)}") for lv, gate in SAFETY_GATES.items()]
    upset_or_repeated = f"({int_in('emotion')} >= {r.bands['emotion'][0]} or m.prior_contacts > 0)"
    gate_exprs += [
        ("gate.formal_channel", channel_in(FORMAL_CHANNELS)),
        ("gate.press", channel_in(["media"])),
        ("gate.public_exposure", f"{any_in('threats', EXPOSURE_THREATS)} or "
                                 f"({any_in('profile', ['influential'])} and {upset_or_repeated})"),
    ]
    gate_exprs += [(f"gate.{gate}", f"m.affected_customers >= {t}")
                   for gate, t in zip(["several_affected", "mass_incident", "wide_outage"], r.affected_gate)]
    gate_exprs += [
        ("gate.attitude", f"(category == {q('service_attitude')} and ({any_in('handling_failures', ATTITUDE_FAILURES)}"
                          f" or {any_in('cue_handling_failures', ATTITUDE_FAILURES)}))"
                          f" or {any_in('handling_failures', RUDE_FAILURES)}"
                          f" or {any_in('cue_handling_failures', RUDE_FAILURES)}"),
        ("gate.malice_track", f"{any_in('malice_signals', MALICE_TRACK_SIGNALS)} or {any_in('cue_malice', ['extortion'])}"),
        ("gate.past_regulatory_deadline", "ck.past"),
        ("gate.repeat_complaint", f"m.prior_contacts >= {r.bands['prior_contacts'][1]}"),
        ("gate.legal_threat", f"{any_in('threats', LEGAL_THREATS)} or {any_in('cue_threats', LEGAL_THREATS)}"),
        ("gate.mass_safety", f"m.affected_customers >= {r.affected_gate[1]} and (sl >= 1 or {any_in('rights', ['safety'])})"),
    ]
    expressions("e-clock", [
        ("ck.cap_left", f"jc.cap != {NO_LIMIT} ? max([jc.cap - {int_in('hours_open')}, 0]) : {NO_CLOCK}"),
        ("ck.clock_left", f"{channel_in(REGULATOR_CHANNELS)} and jc.clock != {NO_LIMIT} ? "
                          f"max([jc.clock - {int_in('hours_since_regulator')}, 0]) : {NO_CLOCK}"),
    ])
    expressions("e-clock-left", [("ck.left", "min([ck.cap_left, ck.clock_left])"),
                                 ("ck.past", "ck.cap_left == 0 or ck.clock_left == 0")])
    expressions("e-gates", gate_exprs)
    floors = r.gates.items()
    expressions("e-floor", [
        ("fl.grade", "max([0, " + ", ".join(f"(gate.{g} ? {f[0]} : 0)" for g, f in floors) + "])"),
        ("fl.tier", "max([0, " + ", ".join(f"(gate.{g} ? {f[1]} : 0)" for g, f in floors) + "])"),
        ("fl.priority", f"min([{LEAST_URGENT}, " + ", ".join(f"(gate.{g} ? {f[2]} : {LEAST_URGENT})"
                                                             for g, f in floors) + "])"),
    ])
    tbg = r.tier_by_grade
    tier_of_grade = f"($.grade == 3 ? {tbg[3]} : ($.grade == 2 ? {tbg[2]} : ($.grade == 1 ? {tbg[1]} : {tbg[0]})))"
    expressions("e-final", [
        ("grade", "max([g, fl.grade])"),
        ("priority", "min([pr, fl.priority])"),
        ("tier", f"max([{tier_of_grade}, lv.difficulty, lv.malice, lv.profile, "
                 f"(beyond_authority == true or {coordination} or {conduct_review} ? {r.beyond_authority_tier} : 0), "
                 f"fl.tier])"),
    ])

    def pick(key: str, values: list[int], default: int) -> str:
        """values[key], as nested conditions (default past its end)."""
        out = str(default)
        for i, v in reversed(list(enumerate(values))):
            out = f"({key} == {i} ? {v} : {out})"
        return out

    # Deadlines: see `deadlines` (the pure peer) for the rules.
    expressions("e-deadlines", [
        ("d.first", f"min([{pick('tier', r.first_response, NO_LIMIT)}, "
                    f"{pick('priority - 1', r.first_response_cap, NO_LIMIT)}])"),
        ("d.by_priority", pick("priority - 1", r.resolution, NO_LIMIT)),
        ("d.follow_up", pick("priority - 1", r.follow_up, NO_LIMIT)),
    ])
    expressions("e-resolution", [
        ("d.resolution", f"ck.left != {NO_CLOCK} and not ck.past and ck.left < d.by_priority "
                         "? ck.left : d.by_priority"),
    ])
    nodes.append({"id": "output", "type": "outputNode", "name": "response", "position": {"x": 0, "y": 0}})
    edges = [{"id": f"e{i}", "sourceId": a["id"], "targetId": b["id"], "type": "edge"}
             for i, (a, b) in enumerate(zip(nodes, nodes[1:]))]
    return {"nodes": nodes, "edges": edges}


def make_zen(r: Rubric) -> Callable[[dict], tuple]:
    # Compiled once (ZenDecisionContent), served by the engine's loader:
    # per record, `engine.evaluate` on a loaded key is the fastest of the
    # Python API's ways here (ZenDecision.evaluate and evaluate_batch
    # measured slower per record with zen-engine 2.1.3).
    content = zen.ZenDecisionContent(json.dumps(zen_graph(r)))
    engine = zen.ZenEngine({"loader": lambda key: content})

    def grade(rec: dict) -> tuple:
        out = engine.evaluate("rubric", rec)["result"]
        s = tuple(int(out["s"][d]) for d in DIMS)
        fired = tuple(g for g in GATES if out["gate"][g])
        d = out["d"]
        left = int(out["ck"]["left"])
        due = (int(d["first"]), int(d["resolution"]), int(d["follow_up"]), None if left == NO_CLOCK else left)
        return GRADES[int(out["grade"])], TIERS[int(out["tier"])], int(out["priority"]), s, fired, due

    return grade


# ---------------------------------------------------------------------------
# Inputs.
# ---------------------------------------------------------------------------

def gen_records(n: int, text_permille: int) -> list[dict]:
    """Generated records (the Rust benches' generator), as dicts."""
    exe = os.environ.get("CT_GEN_RECORDS")
    cmd = [exe] if exe else ["cargo", "run", "--quiet", "--profile", "bench", "-p",
                             "complaint-triage-benches", "--bin", "gen-records", "--"]
    out = subprocess.run(cmd + [str(n), "--text-permille", str(text_permille)], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def for_peers(rec: dict) -> dict:
    """The record a peer sees: its text replaced by what the core keeps of
    it (``text_facts``), as ``cue_*`` fields (absent: nothing shown)."""
    rec = dict(rec)
    text = rec.pop("text", None)
    if text:
        facts = ct.text_facts(text)
        cues = {
            "cue_threats": facts["threats"],
            "cue_forbidden": facts["forbidden_phrases"],
            "cue_emotion": facts["emotion_markers"],
            "cue_safety": facts["safety"] if facts["safety"] != "none" else None,
            "cue_vulnerability": facts["vulnerability"],
            "cue_malice": facts["malice_signals"],
            "cue_scope": facts["scope"],
            "cue_repetition": facts["repetition"],
            "cue_elapsed_hours": facts["elapsed_hours"],
            "cue_amount": facts["largest_amount"],
            "cue_currency": facts["currency"] if facts["currency"] != "unspecified" else None,
            "cue_category": facts["category"],
            "cue_loss": facts["largest_loss"],
            "cue_loss_currency": facts["loss_currency"] if facts["loss_currency"] != "unspecified" else None,
            "cue_data_exposure": facts["data_exposure"],
            "cue_handling_failures": facts["handling_failures"],
        }
        rec.update({k: v for k, v in cues.items() if v})
    return rec


# Texts that show each fact the generator's texts seldom or never show
# (harm at each level, scope at each level, vulnerable people, malice signs,
# amounts in other currencies), set on generated records so that each merge
# rule meets records that left the field at its default and records that
# did not.
TEXT_PROBES = [
    "充电宝充电时冒烟了，差点起火。",
    "热水器漏电，我的手被烫伤了。",
    "燃气泄漏爆炸，我父亲被送进重症监护室。",
    "整栋楼都停水两天了。",
    "整个镇的宽带都断了，这是我第三次打电话了。",
    "全市都打不通电话，赔我800元。",
    "全国用户都登录不了，你们要赔偿每个人。",
    "家里老人坐轮椅，呼吸机靠电，你们停电一天了！",
    "给我五万元封口费，不然这事没完，我们可以私了。",
    "一开始只要500元，现在我要5000元，不然去法院告你们。",
    "I have called four times, the whole city has no service, refund me $300 now.",
    "我上個月已經投訴過兩次，要你們賠償HK$2000。",
    "Your app charged my card $1,200 for a subscription I cancelled.",
    "花了三千块买的洗衣机坏了，赔我一万元。",
    "My bank statement was sent to my neighbour.",
    "你們把我的個人資料洩露給推銷公司。",
    "The agent was rude, laughed at me and hung up on me.",
    "你們的客服說我是神經病，還直接掛我電話。",
]
LIST_TYPE = pa.list_(pa.string())
CUE_LISTS = ["cue_threats", "cue_vulnerability", "cue_malice", "cue_handling_failures"]


def frame(records: list[dict]) -> pa.Table:
    """An Arrow table of records, as a data pipeline holds them: codes as
    dictionary (categorical) columns, lists as lists of strings, absent
    values as nulls."""
    names: list[str] = []
    for rec in records:
        for k in rec:
            if k not in names:
                names.append(k)
    cols = {}
    for k in names:
        values = [rec.get(k) for rec in records]
        if k in LIST_FIELDS or k in CUE_LISTS:
            cols[k] = pa.array(values, LIST_TYPE)
        elif k in CODE_FIELDS or k == "jurisdiction":
            cols[k] = pa.array(values, pa.string()).dictionary_encode()
        else:
            cols[k] = pa.array(values)
    return pa.table(cols)


# ---------------------------------------------------------------------------
# Equivalence, then timing.
# ---------------------------------------------------------------------------

def core_results(records: list[dict]) -> list[tuple]:
    out = []
    for a in ct.assess_many(records):
        out.append((a.grade, a.tier, a.priority, (a.severity, a.impact, a.difficulty, a.escalation_risk, a.malice),
                    tuple(a.gates), (a.first_response_minutes, a.resolution_hours, a.follow_up_hours,
                                     a.regulatory_deadline_hours)))
    return out


def numpy_results(fn: Callable, table: pa.Table) -> list[tuple]:
    g, tier, pr, s, fired, due = fn(table)
    gates = [tuple(gate for gate in GATES if fired[gate][i]) for i in range(len(g))]
    dues = [tuple(None if d == NO_CLOCK else int(d) for d in row) for row in zip(*due)]
    return [(GRADES[a], TIERS[b], int(c), tuple(int(x) for x in row), f, d)
            for a, b, c, row, f, d in zip(g, tier, pr, s, gates, dues)]


def frame_results(table: pa.Table) -> list[tuple]:
    out = ct.assess_frame(table)
    cols = [out.column(c).to_pylist() for c in ["grade", "tier", "priority"] + DIMS
            + ["first_response_minutes", "resolution_hours"]]
    return [(g, t, p, tuple(s), (fr, rh)) for g, t, p, *s, fr, rh in zip(*cols)]


def check(name: str, expected: list[tuple], got: list[tuple], what: str) -> bool:
    bad = [i for i, (e, g) in enumerate(zip(expected, got)) if e != g]
    if len(got) != len(expected) or bad:
        i = bad[0] if bad else min(len(got), len(expected))
        print(f"  {name}: DIFFERS on {what}: {len(bad)} of {len(expected)} records, "
              f"first #{i}: core {expected[i] if i < len(expected) else None}, "
              f"peer {got[i] if i < len(got) else None}")
        return False
    compared = ("grade, tier, priority, scores, gates and deadlines" if len(expected[0]) > 5
                else "grade, tier, priority, scores, first response and resolution")
    print(f"  {name}: same {compared} as the core on {len(expected):,} {what}")
    return True


def timed(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small samples: checks equivalence, times nothing seriously")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    args = ap.parse_args()

    rubric = Rubric(ct.Policy.default().to_json())
    pure, vectorised, zen_fn = make_pure(rubric), make_numpy(rubric), make_zen(rubric)

    # --- Equivalence -------------------------------------------------------
    vectors = json.load(open(ROOT / "tests/vectors/vectors.json", encoding="utf-8"))
    golden = [json.loads(c["record_json"]) for c in vectors["cases"]]
    n_eq = 1_000 if args.quick else 10_000
    generated = gen_records(n_eq, 700)
    probed = [dict(rec, text=TEXT_PROBES[i % len(TEXT_PROBES)])
              for i, rec in enumerate(gen_records(len(TEXT_PROBES) * 40, 0))]
    ok = True
    for what, records in [("golden vectors", golden), ("generated records with text", generated),
                          ("generated records with every text fact", probed)]:
        expected = core_results(records)
        # The golden vectors' own expectation, as a check of the reference itself.
        if what == "golden vectors":
            want = [json.loads(c["expected_json"]) for c in vectors["cases"]]
            assert [(e[0], e[1], e[2]) for e in expected] == [(w["grade"], w["tier"], w["priority"]) for w in want]
        peers_view = [for_peers(r) for r in records]
        table, peer_table = frame(records), frame(peers_view)
        ok &= check("ZEN", expected, [zen_fn(r) for r in peers_view], what)
        ok &= check("pure Python", expected, [pure(r) for r in peers_view], what)
        ok &= check("numpy", expected, numpy_results(vectorised, peer_table), what)
        # assess_frame's columns: no gates, two of the deadlines.
        ok &= check("assess_frame", [(*e[:4], e[5][:2]) for e in expected], frame_results(table), what)
    if not ok:
        print("a peer disagrees with the core: its timing would be void")
        return 1

    # --- Timing ------------------------------------------------------------
    sizes = ({"zen": 500, "pure": 5_000, "many": 20_000, "frame": 20_000} if args.quick else
             {"zen": 20_000, "pure": 200_000, "many": 1_000_000, "frame": 1_000_000})
    repeat = 1 if args.quick else 3
    records = gen_records(max(sizes.values()), 0)
    table = frame(records)
    results: dict[str, dict[str, float]] = {}

    def record(name: str, n: int, seconds: float) -> None:
        results[name] = {"records": n, "seconds": seconds, "records_per_s": n / seconds}
        print(f"  {name:<24} {n:>9,} records  {seconds * 1e3:9.1f} ms  {n / seconds:>13,.0f} records/s")

    print(f"timing (best of {repeat}, one thread, records without text):")
    n = sizes["zen"]
    record("zen", n, timed(lambda: [zen_fn(r) for r in records[:n]], 1))
    n = sizes["pure"]
    record("pure_python", n, timed(lambda: [pure(r) for r in records[:n]], repeat))
    n = sizes["frame"]
    sub = table.slice(0, n)
    record("numpy", n, timed(lambda: vectorised(sub), repeat))
    record("assess_frame", n, timed(lambda: ct.assess_frame(sub), repeat))
    n = sizes["many"]
    record("assess_many", n, timed(lambda: ct.assess_many(records[:n]), repeat))
    lines = [json.dumps(rec, ensure_ascii=False) for rec in records[:n]]
    record("assess_many_json_lines", n, timed(lambda: ct.assess_many(lines), repeat))

    rate = {k: v["records_per_s"] for k, v in results.items()}
    ratios = {
        "assess_many / zen": rate["assess_many"] / rate["zen"],
        "assess_frame / zen": rate["assess_frame"] / rate["zen"],
        "assess_many / pure_python": rate["assess_many"] / rate["pure_python"],
        "assess_frame / pure_python": rate["assess_frame"] / rate["pure_python"],
        "assess_frame / numpy": rate["assess_frame"] / rate["numpy"],
        "assess_many / numpy": rate["assess_many"] / rate["numpy"],
        "assess_many_json_lines / zen": rate["assess_many_json_lines"] / rate["zen"],
    }
    print("ratios (ours / peer, same run):")
    for k, v in ratios.items():
        print(f"  {k:<28} {v:10.1f}x")
    if args.json:
        args.json.write_text(json.dumps({
            "quick": args.quick, "python": platform.python_version(), "numpy": np.__version__,
            "pyarrow": pa.__version__, "zen_engine": _version("zen-engine"),
            "results": results, "ratios": ratios}, indent=2) + "\n")
    return 0


def _version(dist: str) -> str:
    from importlib.metadata import version
    return version(dist)


if __name__ == "__main__":
    sys.exit(main())
