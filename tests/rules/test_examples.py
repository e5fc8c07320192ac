"""Every rule's documented examples are its tests: bad ones fire the rule, good ones stay quiet.

Each example is a list of passages; each passage becomes one article of the same story and
goes through the real pipeline (load → extract → align → rules).
"""

from __future__ import annotations

import pytest

from factcheck.extract.pipeline import extract_articles
from factcheck.load import load_text
from factcheck.rules import apply_rules, load_rules

RULES = load_rules()
CASES = [pytest.param(rule, which, ex, id=f"{rule.id}-{which}-{i}")
         for rule in RULES for which in ("bad", "good")
         for i, ex in enumerate(rule.bad if which == "bad" else rule.good)]


def test_examples_every_rule_documents_both_sides():
    for rule in RULES:
        assert rule.bad and rule.good, f"{rule.id} needs bad and good examples"


@pytest.mark.parametrize("rule, which, example", CASES)
def test_examples_rule_behaviour_matches_docs(rule, which, example):
    articles = [load_text(p, path=f"example/example-{i}.md", lang=example.lang)
                for i, p in enumerate(example.passages)]
    claims = extract_articles(articles)
    findings = [f for f in apply_rules(claims, [rule], articles=articles) if f.rule_id == rule.id]
    if which == "bad":
        assert findings, f"{rule.id} should fire on {example.passages}"
        assert all(f.message for f in findings)
    else:
        assert not findings, f"{rule.id} should stay quiet on {example.passages}: {[f.message for f in findings]}"
