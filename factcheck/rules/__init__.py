"""Rules: YAML data (``rules/FC1xx-*.yaml``) configuring Python rule kinds.

``load_rules(dirs)`` reads and validates rule files; ``apply_rules(claims, rules)``
aligns the claims (unless candidates are given) and returns findings.
"""

from factcheck.rules.engine import apply_rules
from factcheck.rules.kinds import KINDS
from factcheck.rules.loader import default_rule_dirs, load_rule_file, load_rules

__all__ = ["apply_rules", "default_rule_dirs", "load_rule_file", "load_rules", "KINDS"]
