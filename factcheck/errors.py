"""The exceptions factcheck raises on purpose; the CLI maps each to exit code 2.

Messages are one line, say what is wrong and where, and what to do about it.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: anything the user can fix (input, rules, configuration)."""

    exit_code = 2


class InputError(FactcheckError):
    """An article cannot be read: missing, empty, binary, not UTF-8, too large, malformed."""


class LanguageError(InputError):
    """An article's language is not one factcheck supports."""


class RuleFileError(FactcheckError):
    """A rule file in ``rules/`` is not valid YAML or not a valid rule."""


class ConfigError(FactcheckError):
    """The configuration (``pyproject.toml``, ``.factcheck.toml`` or flags) is invalid."""


class ModelError(FactcheckError):
    """The spaCy pipeline for a language is not installed."""


class StoreError(FactcheckError):
    """The claim store cannot be used: missing, corrupt, of another version, or locked."""
