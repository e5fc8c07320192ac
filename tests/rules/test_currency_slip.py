"""FC114: one amount in two currencies across the articles of a story."""

from factcheck.api import check


def _story(tmp_path, *bodies):
    story = tmp_path / "story"
    story.mkdir()
    for i, body in enumerate(bodies):
        (story / f"{chr(97 + i)}.md").write_text(
            f'---\ntitle: "Article {i}"\ndate: 2024-02-23\nlang: en\n---\n\n{body}\n', encoding="utf-8")
    return check([story])


def test_the_same_amount_in_two_currencies_is_one_finding_listing_every_mention(tmp_path):
    r = _story(tmp_path,
               "Officers seized cocaine with an estimated street value of £450m at the port.",
               "The cocaine seized at the port was worth more than £450 million, the agency said.",
               "Officials valued the cocaine seized at the port at more than $450 million.")
    slips = [f for f in r.findings if f.rule_id == "FC114"]
    assert len(slips) == 1
    assert sorted(c.text for c in slips[0].claims) == ["$450 million", "£450 million", "£450m"]


def test_a_conversion_in_another_currency_is_no_slip(tmp_path):
    r = _story(tmp_path,
               "Officers seized cocaine with an estimated street value of £450m ($568 million) at the port.",
               "Officials valued the cocaine seized at the port at £450 million.")
    assert [f for f in r.findings if f.rule_id == "FC114"] == []


def test_two_conversions_of_one_amount_do_not_conflict(tmp_path):
    # both dollar figures convert the same £450m, at two days' rates
    r = _story(tmp_path,
               "The cocaine had an estimated value in excess of $570 million (£450 million), the agency said.",
               "It had an estimated value of £450 million ($568 million) based on street prices.")
    assert r.findings == []


def test_a_dollar_of_no_named_country_is_any_dollar(tmp_path):
    # "$2.4 billion" in an article on a Canadian seizure may be the C$2.4 billion
    r = _story(tmp_path,
               "Police in Toronto seized fentanyl with a street value of C$2.4 billion on Monday.",
               "The fentanyl seized in Toronto had a street value of $2.4 billion, police said.")
    assert [f for f in r.findings if f.rule_id == "FC114"] == []
    # a dollar named on both sides is a slip
    (tmp_path / "named").mkdir()
    story = tmp_path / "named"
    r = _story(story,
               "Police in Toronto seized fentanyl with a street value of C$2.4 billion on Monday.",
               "The fentanyl seized in Toronto had a street value of US$2.4 billion, police said.")
    assert [f.rule_id for f in r.findings] == ["FC114"]


def test_dollars_of_no_named_country_in_a_story_of_two_dollars_are_not_compared(tmp_path):
    # one outlet gives the Canadian figure with "$", another the US-dollar conversion with "$"
    r = _story(tmp_path,
               "Police in Toronto seized cocaine worth C$31 million (US$23 million) on Monday.",
               "The cocaine seized in Toronto was worth $31 million, police said on Monday.",
               "Police in Toronto seized cocaine worth about $23 million on Monday.")
    assert [f for f in r.findings if f.severity != "info"] == []
    # in a story of one dollar, two amounts conflict
    (tmp_path / "one").mkdir()
    r = _story(tmp_path / "one",
               "The cocaine seized in Toronto was worth $31 million, police said on Monday.",
               "The cocaine seized in Toronto was worth $23 million, police said on Monday.")
    assert [f.rule_id for f in r.findings] == ["FC104"]
