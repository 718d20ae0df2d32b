"""Gates, regulatory deadlines, the safety level and playbook steps, as the
bindings show them (the numbers are the core's; these check that they reach
Python whole)."""

import pytest

import complaint_triage as ct


def test_a_gate_is_listed_and_raises_the_grade() -> None:
    a = ct.assess({"category": "product_quality", "safety": "injury"})
    assert a.gates == ["safety_injury"]
    assert (a.grade, a.tier, a.priority) == ("critical", "management", 1)
    assert a.to_dict()["gates"] == ["safety_injury"]
    assert "inform_management" in a.playbook["steps"]


def test_the_regulatory_deadline_and_the_follow_up() -> None:
    a = ct.assess({"jurisdiction": "cn_banking", "hours_open": 500})
    assert a.past_regulatory_deadline and a.regulatory_deadline_hours == 0
    assert "past_regulatory_deadline" in a.gates
    b = ct.assess({"jurisdiction": "tw_consumer", "hours_open": 300})
    assert b.regulatory_deadline_hours == 60 and not b.past_regulatory_deadline
    assert ct.assess({}).regulatory_deadline_hours is None
    assert b.follow_up_hours > 0


def test_the_regulator_clock_is_a_field() -> None:
    a = ct.assess({"channel": "regulator", "jurisdiction": "us_cfpb", "hours_since_regulator": 400})
    assert a.past_regulatory_deadline
    with pytest.raises(ct.RecordError, match="hours_since_regulator"):
        ct.assess({"hours_since_regulator": -1})


def test_an_unknown_safety_level_names_the_field() -> None:
    with pytest.raises(ct.RecordError, match="safety"):
        ct.assess({"safety": "fatal"})
    assert ct.vocabulary("safety")[-1]["code"] == "death"
