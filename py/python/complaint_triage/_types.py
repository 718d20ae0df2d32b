"""Shapes of the dicts the package returns (for type checkers)."""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "CodeInfo",
    "CounterfactualDict",
    "EffectReasonDict",
    "PlaybookDict",
    "RawScoresDict",
    "ReasonDict",
    "ScoresDict",
    "TextCuesDict",
    "TextFactsDict",
]


class ScoresDict(TypedDict):
    """The five scores, 0-100."""

    severity: int
    impact: int
    difficulty: int
    escalation_risk: int
    malice: int


class RawScoresDict(TypedDict):
    """The five sums of reasons before clamping."""

    severity: int
    impact: int
    difficulty: int
    escalation_risk: int
    malice: int


class _ReasonRequired(TypedDict):
    factor: str
    dimension: str
    points: int
    source: str


class ReasonDict(_ReasonRequired, total=False):
    """One factor's points in one dimension. ``span``, ``[start, end]``: the
    byte offsets (UTF-8) in the record's text of the words a reason whose
    ``source`` is ``"text"`` came from; given by ``assess`` and
    ``assess_json``, which keep the text, not by the batch readers."""

    span: list[int]


class PlaybookDict(TypedDict):
    """The playbook, as codes (see ``vocabulary("talk")`` and the like)."""

    talk: str
    motive: str
    expectation: str
    remedy: str
    strategy: str
    steps: list[str]


class TextCuesDict(TypedDict):
    """The cues found in free text, as codes."""

    threats: list[str]
    forbidden_phrases: list[str]
    emotion_markers: list[str]


class TextFactsDict(TypedDict):
    """What grading keeps of free text, in the record's vocabularies (see
    ``text_facts``)."""

    safety: str
    vulnerability: list[str]
    malice_signals: list[str]
    threats: list[str]
    forbidden_phrases: bool
    emotion_markers: bool
    scope: int
    repetition: int
    elapsed_hours: int
    largest_amount: int
    currency: str
    category: str | None
    #: The largest amount stated as a price paid or a direct loss, in minor
    #: units (0: none), and its currency: the direct loss of a record that
    #: left ``direct_loss`` at 0 and names no other currency.
    largest_loss: int
    loss_currency: str
    #: The customer tells of their personal data exposed: the ``data_breach``
    #: of a record that left it false.
    data_exposure: bool
    #: How staff treated the customer, as the customer tells it (``rude``,
    #: ``nonverbal_rejection``): added to a record's ``handling_failures``
    #: where it lacks them, for their points and the attitude gate.
    handling_failures: list[str]


class EffectReasonDict(TypedDict):
    """One factor of an improvement effect and its points."""

    factor: str
    points: int


class CodeInfo(TypedDict):
    """One value of a vocabulary: its stable code and its names."""

    code: str
    en: str
    zh: str


#: One change of one record field that moves a record to another grade or
#: tier (see ``counterfactuals``): ``from`` and ``to`` are spelled as the
#: record spells the field (an int, a bool, a code, a list of codes).
CounterfactualDict = TypedDict(
    "CounterfactualDict",
    {
        "field": str,
        "from": int | bool | str | list[str],
        "to": int | bool | str | list[str],
        "grade": str,
        "tier": str,
    },
)
