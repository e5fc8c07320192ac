"""Blocking keys: only claims sharing a key are compared, and the work stays linear."""

from __future__ import annotations

import pytest

from claims import make_claim
from synthetic import synthetic_claims

from factcheck.align import align
from factcheck.align.blocking import candidate_pairs, digit_key, digits_of
from factcheck.align.subjects import SubjectIndex


@pytest.mark.parametrize("value, digits", [(720, "72"), (0.72, "72"), (1.2e9, "12"), (6.12, "612"), (0, "0")])
def test_blocking_digits_of(value, digits):
    assert digits_of(value) == digits


def test_blocking_digit_key_matches_transpositions():
    assert digit_key(6.12) == digit_key(6.21)
    assert digit_key(62) == digit_key(26)


def test_blocking_pairs_only_within_a_story():
    a = make_claim("On a saisi 720 g d'héroïne.", "720 g", 720, "gram", subject="héroïne", path="s1/a.md")
    b = make_claim("On a saisi 720 kg d'héroïne.", "720 kg", 720, "kilogram", subject="héroïne", path="s2/a.md")
    assert candidate_pairs([a, b], SubjectIndex([a, b])) == []


def test_blocking_pairs_need_the_same_dimension():
    a = make_claim("On a saisi 720 g d'héroïne.", "720 g", 720, "gram", subject="héroïne")
    b = make_claim("On a saisi 720 € d'héroïne.", "720 €", 720, "EUR", subject="héroïne", path="story/b.md")
    assert align([a, b]) == []


def test_blocking_synthetic_work_grows_linearly():
    pairs1 = len(align(synthetic_claims(600)))
    pairs2 = len(align(synthetic_claims(6000)))  # ten times the claims
    assert pairs2 < 15 * max(pairs1, 1)


def test_blocking_a_figure_cut_instead_of_rounded_meets_the_exact_one():
    a = make_claim("The haul was worth $250 million.", "$250 million", 2.5e8, "USD", subject="haul")
    b = make_claim("The drugs, worth $258 million, were seized.", "$258 million", 2.58e8, "USD", subject="drug",
                   path="story/b.md")
    assert len(align([a, b])) == 1


# ---------------------------------------------------------------- feeds: lines of a JSON Lines file

def _feed(tmp_path, lines, name="feed.jsonl"):
    import json

    from factcheck.load import load_paths

    story = tmp_path / "story"
    story.mkdir(exist_ok=True)
    (story / name).write_text("".join(json.dumps({"lang": "fr", **line}) + "\n" for line in lines), encoding="utf-8")
    return story


def _pairs(paths):
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_paths

    claims = extract_articles(load_paths(paths))
    return claims, [(claims[i], claims[j]) for i, j in candidate_pairs(claims, SubjectIndex(claims))]


def test_blocking_feed_lines_are_not_paired_with_each_other(tmp_path):
    text = "Les pompiers ont secouru {} personnes à Caen."
    story = _feed(tmp_path, [{"text": text.format(n)} for n in (45, 45, 54, 450, 45)])
    claims, pairs = _pairs([story])
    assert len(claims) == 5 and pairs == []


def test_blocking_feed_lines_meet_the_story_articles(tmp_path):
    story = _feed(tmp_path, [{"text": "Les pompiers ont secouru 45 personnes à Caen."},
                             {"text": "Les pompiers ont secouru 54 personnes à Caen."}])
    (story / "a.md").write_text("---\nlang: fr\n---\n\nLes pompiers ont secouru 45 personnes à Caen.\n", encoding="utf-8")
    claims, pairs = _pairs([story])
    assert len(claims) == 3 and len(pairs) == 2
    assert all({a.path, b.path} == {str(story / "a.md"), str(story / "feed.jsonl")} for a, b in pairs)


def test_blocking_feed_lines_naming_one_story_are_one_story(tmp_path):
    text = "Les pompiers ont secouru {} personnes à Caen."
    story = _feed(tmp_path, [{"text": text.format(45), "story": "crue"}, {"text": text.format(54), "story": "crue"},
                             {"text": text.format(45), "story": "incendie"}, {"text": text.format(45)}])
    claims, pairs = _pairs([story])
    assert [c.article.story for c in claims][:3] == ["crue", "crue", "incendie"]
    assert claims[3].article.story.endswith("/story")  # the folder's path
    assert [(a.value, b.value) for a, b in pairs] == [(45, 54)]


def test_blocking_feed_pairs_grow_linearly(tmp_path):
    # thousands of lines with the same subject, place and digits: no pair among them
    text = "Les pompiers ont secouru {} personnes à Caen."
    story = _feed(tmp_path, [{"text": text.format(10 + n % 7)} for n in range(1500)])
    (story / "a.md").write_text("---\nlang: fr\n---\n\nLes pompiers ont secouru 12 personnes à Caen.\n", encoding="utf-8")
    claims, pairs = _pairs([story])
    assert len(claims) == 1501
    assert all("a.md" in a.path or "a.md" in b.path for a, b in pairs)


def test_blocking_feed_lines_are_distinct_articles(tmp_path):
    text = "Les pompiers ont secouru {} personnes à Caen."
    story = _feed(tmp_path, [{"text": text.format(45), "story": "crue"}, {"text": text.format(54), "story": "crue"}])
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_paths

    [cand] = align(extract_articles(load_paths([story])))
    assert not cand.same_article  # one file, two articles


# ---------------------------------------------------------------- large buckets stay linear

def _subject_claims(values, path):
    return [make_claim(f"{v} policiers ont été mobilisés.", str(v), v, "", subject="policier", path=path)
            for v in values]


def test_blocking_small_bucket_pairs_everything():
    claims = _subject_claims(range(1, 31), "story/a.md") + _subject_claims(range(100, 130), "story/b.md")
    pairs = set(candidate_pairs(claims, SubjectIndex(claims)))
    assert len(pairs) >= 60 * 59 // 2 - 1  # 60 claims of one subject: every pair


def test_blocking_large_bucket_pairs_grow_linearly():
    from factcheck.align.blocking import LARGE_BUCKET_WINDOW, _large_bucket_pairs
    from factcheck.align.features import article_key

    for n_articles, per_article in ((1, 400), (2, 200), (4, 100)):
        claims = [c for k in range(n_articles) for c in _subject_claims(range(1, per_article + 1), f"story/{k}.md")]
        pairs: set = set()
        _large_bucket_pairs(list(range(len(claims))), claims, [article_key(c) for c in claims], pairs)
        # each claim meets at most W claims of its own article and W of each other one
        assert len(pairs) <= len(claims) * LARGE_BUCKET_WINDOW * n_articles
        assert len(pairs) < len(claims) * (len(claims) - 1) // 8  # far from every pair


def test_blocking_large_bucket_keeps_the_nearest_figures_across_articles():
    a = _subject_claims(range(10, 1010, 10), "story/a.md")  # 100 figures: 10, 20, … 1000
    b = _subject_claims([503], "story/b.md")
    claims = a + b
    partners = {claims[i].value for i, j in candidate_pairs(claims, SubjectIndex(claims)) if j == len(claims) - 1}
    assert {490, 500, 510} <= partners  # the figures of article a closest to 503
