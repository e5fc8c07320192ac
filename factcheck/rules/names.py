"""Naming a rule: by id (``FC101``), id prefix (``FC1``, where a list is meant) or name
(``unit-slip``), in any case. One lookup for the ``rules`` command, the configuration's
``select``/``ignore``/``rules.*`` and suppression comments, with a suggestion for a typo."""

from __future__ import annotations

import difflib
import re
from typing import Sequence

from factcheck.models import Rule

ID_OR_PREFIX = re.compile(r"FC\d{0,3}", re.IGNORECASE)
# what may name a rule at all: an id, a prefix, or lowercase words joined by '-'
REFERENCE = re.compile(r"(?:FC\d{0,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)", re.IGNORECASE)


_LOOKALIKE_DIGITS = str.maketrans("OQDILZSB", "00011258")


def find_rule(ref: str, rules: Sequence[Rule]) -> Rule | None:
    """The rule whose id or name is ``ref`` (case ignored), else None."""
    key = ref.strip().upper()
    for rule in rules:
        if rule.id.upper() == key or rule.name.upper() == key:
            return rule
    return None


def did_you_mean(ref: str, rules: Sequence[Rule]) -> str:
    """"; did you mean FC101 (unit-slip)?" for a near miss, else a pointer to the list."""
    labels = {r.id.upper(): r for r in rules} | {r.name.upper(): r for r in rules}
    key = ref.strip().upper()
    # letters typed for the digits they look like: FC1O1, FCl05
    digits = key[:2] + key[2:].translate(_LOOKALIKE_DIGITS) if key.startswith("FC") else key
    close = [digits] if digits in labels else difflib.get_close_matches(key, list(labels), n=1, cutoff=0.6)
    if close:
        rule = labels[close[0]]
        return f"; did you mean {rule.id} ({rule.name})?"
    return "; 'factcheck rules' lists the ids and names"
