"""Deterministic grading of customer complaints.

Grades a complaint by an explicit standard: how severe it is, how far its
impact reaches, how difficult it will be to resolve, how likely it is to
escalate, whether it looks malicious; its grade (一般/较大/重大/特别重大),
the tier that handles it (受理/处理/管理), its priority and deadlines, a
playbook, and the reasons for every point. Once closed, its improvement
effect. All grading is done by the ``complaint-triage`` Rust core; this
package converts Python values, frames and Spark batches for it.

>>> from complaint_triage import assess
>>> a = assess({"id": "T-7", "category": "basic_service", "channel": "social_media",
...             "affected_customers": 2500, "emotion": 8, "threats": ["media"]})
>>> a.priority, a.tier
(1, 'management')

Records are mappings of the record contract's fields (``record_fields()``),
every field optional. Missing values (None, NaN) count as absent;
list-valued fields accept lists or comma-separated strings. Bad values
raise ``RecordError`` (a ``ValueError``) naming the field and, for frames
and batches, the row.
"""

from __future__ import annotations

from ._compare import (
    DeadlineShare,
    MovedRow,
    MovedRows,
    PointChange,
    PolicyChange,
    PolicyComparison,
    Transitions,
    compare_policies,
    policy_changes,
)
from ._errors import (
    InputError,
    OutcomeError,
    PolicyError,
    RecordError,
    RecordTypeError,
)
from ._fit import Agreement, PolicyFit, fit_policy
from ._frame import EFFECT_COLUMNS, OUTPUT_COLUMNS, assess_frame, evaluate_frame
from ._native import (
    Assessment,
    Effect,
    Policy,
    assess,
    assess_json,
    assess_many,
    counterfactuals,
    evaluate_outcome,
    explain,
    outcome_fields,
    record_fields,
    scan_text,
    text_facts,
    to_record_json,
    vocabularies,
    vocabulary,
)
from ._record import RecordDict
from ._report import improvement_report
from ._types import (
    CodeInfo,
    CounterfactualDict,
    EffectReasonDict,
    PlaybookDict,
    RawScoresDict,
    ReasonDict,
    ScoresDict,
    TextCuesDict,
    TextFactsDict,
)
from .plots import (
    plot_impact_difficulty,
    plot_improvement_trend,
    plot_severity_distribution,
)

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "PolicyFit",
    "fit_policy",
    "Assessment",
    "CodeInfo",
    "CounterfactualDict",
    "DeadlineShare",
    "MovedRow",
    "MovedRows",
    "PointChange",
    "PolicyChange",
    "PolicyComparison",
    "Transitions",
    "EffectReasonDict",
    "PlaybookDict",
    "RawScoresDict",
    "ReasonDict",
    "RecordDict",
    "ScoresDict",
    "TextCuesDict",
    "TextFactsDict",
    "EFFECT_COLUMNS",
    "Effect",
    "InputError",
    "OUTPUT_COLUMNS",
    "OutcomeError",
    "Policy",
    "PolicyError",
    "RecordError",
    "RecordTypeError",
    "assess",
    "assess_frame",
    "assess_json",
    "assess_many",
    "compare_policies",
    "counterfactuals",
    "evaluate_frame",
    "evaluate_outcome",
    "explain",
    "improvement_report",
    "outcome_fields",
    "plot_impact_difficulty",
    "plot_improvement_trend",
    "plot_severity_distribution",
    "policy_changes",
    "record_fields",
    "scan_text",
    "text_facts",
    "to_record_json",
    "vocabularies",
    "vocabulary",
]
