import io

from factcheck.progress import stage_progress


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_silent_when_not_a_tty():
    stream = io.StringIO()
    with stage_progress(stream) as progress:
        assert progress is None
    assert stream.getvalue() == ""


def test_progress_silent_for_short_runs_on_a_tty():
    stream = _Tty()
    with stage_progress(stream, min_articles=20) as progress:
        for stage in ("extract", "align", "rules", "report"):
            progress(stage, 3)
    assert stream.getvalue() == ""


def test_progress_shown_for_long_runs_on_a_tty():
    stream = _Tty()
    with stage_progress(stream, min_articles=20) as progress:
        for stage in ("extract", "align", "rules", "report"):
            progress(stage, 50)
    assert "50 articles" in stream.getvalue()
