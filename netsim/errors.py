"""Exceptions raised by netsim.

Every error names the field, the value and what is allowed (DESIGN.md, Conventions).
"""

from __future__ import annotations

from typing import Any

__all__ = ["NetsimError", "ParameterError", "ValidityRangeError", "ScenarioError"]


class NetsimError(Exception):
    """Base class of every netsim error."""


class ParameterError(NetsimError, ValueError):
    """A parameter has a value that is not allowed.

    Parameters
    ----------
    field : str
        Name of the parameter (e.g. ``"rate_bps"`` or ``"links[2].delay_s"``).
    value : object
        The value that was given.
    allowed : str
        What is allowed, in words (e.g. ``"> 0"``, ``"one of 'UMa', 'UMi'"``).
    source : str, optional
        The document or table that sets the rule.
    """

    def __init__(self, field: str, value: Any, allowed: str, source: str | None = None):
        self.field = field
        self.value = value
        self.allowed = allowed
        self.source = source
        msg = f"{field}={value!r} is not allowed: expected {allowed}"
        if source:
            msg += f" ({source})"
        super().__init__(msg)


class ValidityRangeError(ParameterError):
    """A parameter lies outside the validity range of a model (e.g. a 3GPP table)."""


class ScenarioError(NetsimError, ValueError):
    """A scenario file is malformed or invalid; the message lists every problem."""
