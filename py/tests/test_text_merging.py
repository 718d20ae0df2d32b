"""What the free text shows raises only the fields a record left at their
default (the core's rules, `core/src/merge.rs`): these check that a dict, a
JSON text and a batch reach Python with the same grading."""

import json

import complaint_triage as ct

INJURY = "你们卖的充电宝昨晚充电时爆炸了，把我孩子的手烧伤了，现在还在医院住院。"


def test_harm_told_only_in_the_text_fires_the_safety_gate() -> None:
    a = ct.assess({"text": INJURY})
    assert "safety_serious_injury" in a.gates
    assert (a.grade, a.tier, a.priority) == ("critical", "management", 1)
    reasons = a.to_dict()["reasons"]
    assert any(r["factor"] == "safety_incident" and r["source"] == "text" for r in reasons)
    assert ct.assess_json(json.dumps({"text": INJURY})).to_dict() == a.to_dict()
    # A batch keeps no text, so its reasons name no span; the grading is the same.
    assert ct.assess_many([{"text": INJURY}])[0] == a


def test_an_explicit_field_is_never_lowered_nor_raised_by_the_text() -> None:
    a = ct.assess({"safety": "hazard", "text": INJURY})
    assert "safety_hazard" in a.gates and "safety_serious_injury" not in a.gates
    b = ct.assess({"prior_contacts": 1, "text": "这是我第五次打电话了"})
    assert b.to_dict() == ct.assess({"prior_contacts": 1}).to_dict()


def test_a_denied_threat_adds_nothing() -> None:
    a = ct.assess({"text": "I'm not going to sue, I just want it fixed."})
    assert a.to_dict() == ct.assess({}).to_dict()


def test_explain_quotes_the_words_a_text_reason_came_from() -> None:
    text = ct.explain({"text": INJURY})
    assert "from the text" in text
    assert 'safety_incident [96..102] "住院"' in text


BILLING = "这个月话费又多扣了三十块，上个月也是乱收费。"

LOSS = "Your app charged my card $1,200 for a subscription I cancelled."


def test_a_stated_loss_is_the_direct_loss_of_a_record_without_one() -> None:
    facts = ct.text_facts(LOSS)
    assert (facts["largest_loss"], facts["loss_currency"]) == (120_000, "USD")
    told = ct.assess({"id": "a", "text": LOSS})
    recorded = ct.assess({"id": "a", "text": LOSS, "direct_loss": 120_000, "currency": "USD"})
    assert told.scores == recorded.scores and told.grade == recorded.grade
    assert any(
        r["factor"].startswith("direct_loss.") and r["source"] == "text"
        for r in told.to_dict()["reasons"]
    )
    # One amount is the loss and the claim: no unreasonable claim.
    assert not told.claim_unreasonable
    # A record in another currency is not raised by a loss in dollars.
    cny = ct.assess({"id": "a", "text": LOSS, "currency": "CNY"})
    assert not any(r["factor"].startswith("direct_loss.") for r in cny.to_dict()["reasons"])


def test_personal_data_exposed_in_the_text_is_a_data_breach() -> None:
    text = "你们怎么把我的账单寄到我前夫的地址去了?"
    assert ct.text_facts(text)["data_exposure"] is True
    told = ct.assess({"id": "a", "text": text})
    recorded = ct.assess({"id": "a", "text": text, "data_breach": True})
    assert told.scores == recorded.scores
    assert any(
        r["factor"] == "data_breach" and r["source"] == "text" for r in told.to_dict()["reasons"]
    )
    assert ct.text_facts("我的快递寄错地址了")["data_exposure"] is False


def test_a_record_without_category_gets_the_texts_suggestion() -> None:
    a = ct.assess({"text": BILLING})
    assert a.suggested_category == "billing"
    assert a.to_dict()["suggested_category"] == "billing"
    assert any(
        r["factor"] == "category.billing" and r["source"] == "text" for r in a.to_dict()["reasons"]
    )
    assert ct.assess_json(json.dumps({"text": BILLING})).to_dict() == a.to_dict()
    assert ct.text_facts(BILLING)["category"] == "billing"
    assert "category billing (套餐计费类) suggested by the text" in ct.explain({"text": BILLING})


def test_an_explicit_category_is_never_replaced_by_the_text() -> None:
    a = ct.assess({"category": "logistics", "text": BILLING})
    assert a.suggested_category is None
    assert a.to_dict()["suggested_category"] is None
    assert any(r["factor"] == "category.logistics" for r in a.to_dict()["reasons"])
    assert ct.text_facts("你好")["category"] is None


RUDE = "The agent was rude, laughed at me and told me to stop wasting her time."


def test_a_rude_agent_told_in_the_text_is_a_handling_failure() -> None:
    assert ct.text_facts(RUDE)["handling_failures"] == ["rude"]
    told = ct.assess({"id": "a", "text": RUDE})
    recorded = ct.assess({"id": "a", "text": RUDE, "handling_failures": ["rude"]})
    assert told.scores == recorded.scores and told.grade == recorded.grade
    assert "attitude" in told.to_dict()["gates"]
    assert any(
        r["factor"] == "failure.rude" and r["source"] == "text"
        for r in told.to_dict()["reasons"]
    )
    assert ct.text_facts("The agent was not rude, but nothing is fixed.")["handling_failures"] == []
