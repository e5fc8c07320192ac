"""Subject keys: folding, synonyms (data), typo tolerance."""

from __future__ import annotations

import pytest

from claims import make_claim
from factcheck.align.subjects import SubjectIndex, fold, fold_word, within_one_edit


@pytest.mark.parametrize("word, folded", [
    ("Policiers", "policier"), ("héroïne", "heroine"), ("journaux", "journal"), ("bateaux", "bateau"),
    ("policemen", "policeman"), ("bodies", "body"), ("bus", "bus"),
])
def test_subjects_fold_word(word, folded):
    assert fold_word(word) == folded


def test_subjects_fold_phrase_keeps_hyphen():
    assert fold("Sapeurs-Pompiers") == "sapeur-pompier"


@pytest.mark.parametrize("a, b, ok", [
    ("crack", "ccrack", True), ("policier", "policer", True), ("abcde", "abdce", False), ("agent", "argent", True),
])
def test_subjects_within_one_edit(a, b, ok):
    assert within_one_edit(a, b) is ok


def _c(subject, full=""):
    return make_claim(f"On compte 5 {subject}.", "5", 5, subject=subject, subject_full=full or subject)


@pytest.mark.parametrize("a, b, full_b", [
    ("policier", "fonctionnaire", "fonctionnaire de police"),
    ("policier", "agent", ""),
    ("pompier", "sapeur-pompier", ""),
    ("vacancier", "campeur", ""),
    ("vacancier", "estivant", ""),
    ("détenu", "prisonnier", ""),
])
def test_subjects_synonyms_share_a_key(a, b, full_b):
    ca, cb = _c(a), _c(b, full_b)
    index = SubjectIndex([ca, cb])
    assert index.key(ca) == index.key(cb)
    assert index.kind_of_match(ca, cb) == "synonym"


def test_subjects_typo_joins_the_common_spelling():
    claims = [_c("crack"), _c("crack"), _c("ccrack")]
    index = SubjectIndex(claims)
    assert {index.key(c) for c in claims} == {"crack"}
    assert index.kind_of_match(claims[0], claims[2]) == "typo"


def test_subjects_short_words_are_not_merged():
    a, b = _c("bus"), _c("bas")
    index = SubjectIndex([a, b])
    assert index.key(a) != index.key(b)


def test_subjects_bare_fonctionnaire_is_not_a_policeman():
    a, b = _c("policier"), _c("fonctionnaire")
    index = SubjectIndex([a, b])
    assert index.key(a) != index.key(b)


def test_subjects_time_words_are_not_subjects():
    c = _c("année")
    assert SubjectIndex([c]).key(c) == ""
