from factcheck.report import text


def test_text_grouped_by_story_with_summary(report):
    out = text.render(report, color=False)
    assert out.index("saisie") < out.index("FC101")
    assert out.rstrip().splitlines()[-1] == "2 articles, 2 claims, 2 findings (1 error, 0 warnings, 1 info)"


def test_text_no_colour_codes_unless_asked(report):
    assert "\x1b[" not in text.render(report, color=False)
    assert "\x1b[" in text.render(report, color=True)
