"""Exceptions for input the core rejects.

Every error the core's parser reports becomes one of these, with the
core's error kind (see ``vocabulary("error_kind")``), the field (or policy
key) concerned, the position within a list field, the byte offset into the
JSON the core read and, for a row of a frame or an item of a batch, the
row. The message is the core's, prefixed with ``row N:`` for rows.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "InputError",
    "RecordError",
    "RecordTypeError",
    "OutcomeError",
    "PolicyError",
]


class InputError(ValueError):
    """An input (record, outcome or policy) that the core rejects.

    Attributes:
        kind: the core's error kind code, e.g. ``"unknown_value"``.
        field: the field or policy key concerned, or None for the whole input.
        index: the position within a list field, or None.
        offset: byte offset into the JSON the core parsed (for a mapping or
            a frame row, its record JSON; see ``to_record_json``).
        row: the row of a frame or the item of a batch (0-based), or None.
    """

    kind: str
    field: str | None
    index: int | None
    offset: int
    row: int | None

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        field: str | None = None,
        index: int | None = None,
        offset: int = 0,
        row: int | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.field = field
        self.index = index
        self.offset = offset
        self.row = row

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (
                type(self),
                str(self),
                {
                    "kind": self.kind,
                    "field": self.field,
                    "index": self.index,
                    "offset": self.offset,
                    "row": self.row,
                },
            ),
        )


def _rebuild(cls: type[InputError], message: str, attrs: dict[str, Any]) -> InputError:
    return cls(message, **attrs)


class RecordError(InputError):
    """A complaint record the core rejects (unknown field or value, out of
    range, too long, ...)."""


class RecordTypeError(RecordError, TypeError):
    """A record value of the wrong type (kind ``wrong_type``); both a
    ``ValueError`` and a ``TypeError``."""


class OutcomeError(InputError):
    """An outcome of a closed complaint that the core rejects."""


class PolicyError(InputError):
    """A policy the core rejects: bad JSON, an unknown key, or an incoherent
    policy (kind ``invalid_policy``)."""
