"""The domain objects: what they promise to the report formats."""

from __future__ import annotations

import json
import math

import pytest

from factcheck.models import Claim, json_number


@pytest.mark.parametrize("value, shown", [(math.inf, "inf"), (-math.inf, "-inf"), (math.nan, "nan"), (1e308, 1e308)])
def test_models_json_number_is_valid_json(value, shown):
    assert json.loads(json.dumps(json_number(value), allow_nan=False)) == shown


def test_models_claim_to_dict_never_writes_infinity():
    claim = Claim(start=0, end=3, text="inf", value=math.inf, high=math.nan, period_days=-math.inf)
    data = json.loads(json.dumps(claim.to_dict(), allow_nan=False))
    assert (data["value"], data["high"], data["period_days"]) == ("inf", "nan", "-inf")


# ---------------------------------------------------------------- claims as values

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from factcheck.models import Article, ArticleInfo, Suppression  # noqa: E402

_text = st.text(max_size=40)
_floats = st.floats(allow_nan=True, allow_infinity=True)
_dates = st.one_of(st.none(), st.dates())
_ints = st.integers(min_value=-(2 ** 53), max_value=2 ** 53)

infos = st.builds(
    ArticleInfo, path=_text, id=_text, offset=st.integers(0, 10 ** 9), title=_text, source=_text, date=_dates,
    date_precision=st.sampled_from(["day", "month", "year"]), event_day=_dates, lang=st.sampled_from(["fr", "en"]),
    story=_text, place=_text, feed=st.booleans(), format=st.sampled_from(["", "markdown", "html", "text", "jsonl"]),
    suppressions=st.lists(st.builds(Suppression, _ints, _ints, st.lists(_text, max_size=3).map(tuple)),
                          max_size=3).map(tuple))

claims = st.builds(
    Claim, start=_ints, end=_ints, text=_text, value=_floats,
    unit=st.sampled_from(["", "kilogram", "EUR", "percent", "hour"]),
    qualifier=st.sampled_from(["exact", "approx", "min", "max", "range"]), high=st.one_of(st.none(), _floats),
    subject=_text, subject_full=_text, sentence=_text, sentence_start=_ints, line=_ints, column=_ints,
    predicate=_text, place=_text, period=_text, period_start=st.one_of(st.none(), _ints),
    period_end=st.one_of(st.none(), _ints), period_days=st.one_of(st.none(), _floats), when=_dates,
    attribution=_text, cues=st.lists(_text, max_size=4).map(tuple), path=_text, lang=st.sampled_from(["fr", "en"]),
    end_line=_ints, end_column=_ints, article=st.one_of(st.none(), infos))


@settings(max_examples=300, deadline=None)
@given(claims)
def test_models_claim_record_round_trip_is_lossless(claim):
    record = json.loads(json.dumps(claim.to_record(), allow_nan=False))
    back = Claim.from_record(record)
    assert back == claim and back.id == claim.id and hash(back) == hash(claim)
    assert back.to_record() == claim.to_record()


def test_models_claim_is_immutable_with_a_stable_id():
    info = ArticleInfo(path="story/a.md")
    claim = Claim(start=3, end=9, text="720 kg", value=720.0, unit="kilogram", article=info)
    with pytest.raises(AttributeError):
        claim.value = 1.0  # type: ignore[misc]
    twin = Claim(start=3, end=9, text="720 kg", value=720.0, unit="kilogram", article=ArticleInfo(path="story/a.md"))
    assert twin == claim and twin.id == claim.id and len(claim.id) == 16
    assert Claim(start=3, end=10, text="720 kg", value=720.0, article=info).id != claim.id
    assert Claim(start=3, end=9, text="720 kg", value=720.0, article=ArticleInfo(path="story/b.md")).id != claim.id


def test_models_nan_claims_equal_their_copies():
    a = Claim(start=0, end=1, text="x", value=float("nan"))
    assert a == Claim(start=0, end=1, text="x", value=float("nan")) == Claim.from_record(a.to_record())


def test_models_article_info_is_what_the_article_says():
    art = Article(path="feed.jsonl", text="x", file_text="{x}", offset=1, id="n1", story="s",
                  meta={"format": "jsonl", "feed": True, "place": "Lyon",
                        "suppressions": [{"start": 0, "end": 2, "rules": ["FC101"], "line": 1}]})
    info = art.info()
    assert (info.key, info.feed, info.place, info.format) == ("feed.jsonl#1", True, "Lyon", "jsonl")
    assert info.key == art.key and info.suppressions == (Suppression(0, 2, ("FC101",)),)
    assert ArticleInfo.from_record(json.loads(json.dumps(info.to_record()))) == info


def test_models_claim_json_keeps_its_keys_and_gains_the_id():
    claim = Claim(start=0, end=6, text="720 kg", value=720.0, unit="kilogram", path="a.md")
    assert list(claim.to_dict()) == ["id", "path", "start", "end", "line", "column", "text", "value", "unit",
                                     "qualifier", "subject"]
