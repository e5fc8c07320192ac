"""Fuzz targets: hostile input for the loaders, the number grammar and the extractor.

Each target is a pair: a hypothesis strategy that builds input (random Unicode, soups of
digits, blanks and punctuation, random Markdown, HTML and front matter, random JSON
Lines and raw bytes) and a ``check_*`` function that runs one stage on it and asserts
what the stage promises, whatever the input:

- it raises nothing but factcheck's own errors (``FactcheckError``: a clear one-line
  refusal of bad input);
- what it returns is valid: offsets inside the text and pointing at what they claim,
  values finite and within the range factcheck computes with, output that is valid JSON.

``tests/fuzz/test_fuzz.py`` runs every target for a few examples in ``make test``;
``scripts/fuzz.py`` runs them for 100,000 examples in all and reports timings
(``make fuzz``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.extract.numbers import MAX_MAGNITUDE, find_atoms, in_range

# ---------------------------------------------------------------- building blocks

DIGIT_SOUP = "0123456789 ,.:;/-+^%€$£e\u00a0\u202f\u2212\u200b\u00ad½¾\n\r\t'()"
MARKUP = "#*_[]()<>!`~|-+=:> \n\r\t\\&;\"'"
WORDS = [
    # numbers in words, approximate nouns, multipliers
    "un", "une", "deux", "trois", "dix", "vingt", "cent", "cents", "mille", "million", "millions", "milliard",
    "milliards", "demi", "demie", "quart", "tiers", "douzaine", "vingtaine", "centaine", "millier", "et",
    "one", "two", "twenty", "hundred", "thousand", "billion", "half", "quarter", "a", "dozen", "and",
    # units and money
    "kg", "g", "t", "tonnes", "km", "m", "mètres", "%", "pour", "€", "euros", "$", "dollars", "£", "M€", "Md",
    "heures", "h", "min", "ans", "an", "mois", "jours", "semaines", "years", "days", "hours", "km/h", "°C", "ha",
    # time
    "lundi", "mardi", "dimanche", "janvier", "mars", "décembre", "Monday", "March", "May", "hier", "demain",
    "dernier", "prochain", "il", "y", "a", "depuis", "pendant", "dans", "ago", "last", "next", "since", "le", "du",
    "au", "à", "vers", "l'an", "year", "the", "of", "de", "d'",
    # qualifiers, ranges, cues
    "plus", "moins", "environ", "près", "entre", "sur", "over", "about", "more", "than", "up", "to", "from",
    "dont", "soit", "total", "selon", "la", "police", "said", "nouveaux", "autres",
    # subjects, identifiers, punctuation
    "policiers", "personnes", "cocaïne", "habitants", "CRS", "A28", "Covid-19", "ligne", "n°", "iPhone",
    ".", ",", ";", ":", "!", "?", "«", "»", "(", ")", "-", "–", "/", "\n", "\n\n",
]


def _numbers() -> st.SearchStrategy[str]:
    digits = st.text(alphabet="0123456789", min_size=1, max_size=60)
    return st.one_of(
        digits,
        st.integers().map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.builds(lambda a, b: f"{a},{b}", digits, digits),
        st.builds(lambda a, sep, n: sep.join([a] * n), digits, st.sampled_from([" ", "\u202f", ".", ",", "\u00a0"]),
                  st.integers(1, 30)),
        st.builds(lambda a, e: f"{a}e{e}", digits, st.integers(-999, 999)),
        st.builds(lambda a, e: f"{a}^{e}", digits, st.integers(-9999, 9999)),
        st.sampled_from(["1e309", "1,5e400", "2e-400", "10^999", "9" * 400, "0,000", "½", "3/4", "13/12/2023"]),
    )


def _words_text(max_words: int = 40) -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(WORDS), _numbers())
    sep = st.sampled_from([" ", " ", " ", "", "-", "\u00a0", "\u202f", "\u200b", ", ", "\n", "\r", "\r\n"])
    return st.lists(st.tuples(token, sep), max_size=max_words).map(lambda xs: "".join(t + s for t, s in xs))


def _repeated(base: st.SearchStrategy[str], most: int = 400) -> st.SearchStrategy[str]:
    """A piece repeated many times: long adversarial input (up to tens of kilobytes)."""
    return st.builds(lambda s, n: s * n, base, st.integers(1, most))


def prose() -> st.SearchStrategy[str]:
    """Any text: random Unicode, soups of digits and punctuation, of words of the grammar, long repeats."""
    return st.one_of(
        st.text(max_size=200),
        st.text(alphabet=DIGIT_SOUP, max_size=300),
        _words_text(),
        _repeated(st.text(alphabet=DIGIT_SOUP, min_size=1, max_size=12)),
        _repeated(_words_text(6), most=200),
    )


def _dates() -> st.SearchStrategy[dt.date | None]:
    return st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 3),
                                                             dt.date(9999, 12, 28)]))


# ---------------------------------------------------------------- checks shared by the targets

def _check_value(value: float | None, what: str) -> None:
    if value is None:
        return
    assert isinstance(value, float) or isinstance(value, int), (what, value)
    assert math.isfinite(value) and in_range(value), (what, value)


def _check_claims(claims, articles) -> None:
    from factcheck.extract.invisible import strip_format_chars

    files = {a.key: a for a in articles}
    for c in claims:
        article = files.get(c.article_key)
        if article is not None:
            file_text = article.file_text
            assert 0 <= c.start < c.end <= len(file_text), (c.start, c.end, len(file_text))
            assert c.line >= 1 and c.column >= 1
            # the claim's text is the prose as read at its offsets in the file: the article's
            # text (markup blanked by the loader), invisible format characters aside
            prose = article.text[c.start - article.offset:c.end - article.offset]
            assert strip_format_chars(prose)[0] == c.text, (c.text, prose, file_text[c.start:c.end])
            if c.period_start is not None:
                assert 0 <= c.period_start <= c.period_end <= len(file_text)
        _check_value(c.value, "value")
        _check_value(c.high, "high")
        if c.period_days is not None:
            assert math.isfinite(c.period_days), c.period_days
        json.dumps(c.to_dict(), allow_nan=False)


# ---------------------------------------------------------------- targets

def check_atoms(args: tuple[str, str]) -> None:
    text, lang = args
    for a in find_atoms(text, lang):
        assert 0 <= a.start < a.end <= len(text) and not a.refused
        assert in_range(a.value), a


def check_scan(args: tuple[str, str]) -> None:
    from factcheck.extract.quantities import scan

    text, lang = args
    previous = -1
    for m in scan(text, lang):
        assert 0 <= m.start < m.end <= len(text) and m.start >= previous, m
        previous = m.start
        _check_value(m.value, "value")
        _check_value(m.high, "high")
        assert abs(m.value) <= MAX_MAGNITUDE


def check_times(args: tuple[str, str, dt.date | None, str]) -> None:
    from factcheck.extract.dates import blocked_spans, find_times

    text, lang, anchor, precision = args
    found = find_times(text, lang, anchor, precision)
    end = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and t.start >= end, t  # in order, no overlap
        end = t.end
        assert t.text == text[t.start:t.end]
        for day in (t.date, t.date_end):
            assert day is None or isinstance(day, dt.date)
        assert t.days is None or math.isfinite(t.days)
    for a, b in blocked_spans(found):
        assert 0 <= a <= b <= len(text)


def _check_article(article, source: str) -> None:
    assert article.file_text == source or article.meta.get("format") == "jsonl"
    assert 0 <= article.offset <= article.offset + len(article.text) <= len(article.file_text)
    piece = article.file_text[article.offset:article.offset + len(article.text)]
    for i, c in enumerate(article.text):  # every kept character is the file's, or an entity/escape's value
        assert c == " " or c == piece[i] or piece[i] in "&\\", (i, c, piece[i])
    json.dumps({k: v for k, v in article.meta.items() if k != "suppressions"}, default=str)


def check_markdown(source: str) -> None:
    from factcheck.load import load_text

    try:
        article = load_text(source, path="fuzz.md", fmt="md", lang="fr")
    except FactcheckError:
        return
    _check_article(article, source.removeprefix("\ufeff"))
    assert len(article.text) == len(article.file_text)


def check_text_file(source: str) -> None:
    from factcheck.load import load_text

    try:
        article = load_text(source, path="fuzz.txt", fmt="txt", lang="fr")
    except FactcheckError:
        return
    _check_article(article, source.removeprefix("\ufeff"))


def check_html(source: str) -> None:
    from factcheck.load import load_text

    try:
        article = load_text(source, path="fuzz.html", fmt="html", lang="fr")
    except FactcheckError:
        return
    _check_article(article, source.removeprefix("\ufeff"))


_TMP = tempfile.TemporaryDirectory(prefix="factcheck-fuzz-")


def _load_bytes(data: bytes, suffix: str, lang: str | None = "fr"):
    from factcheck.load import load_paths

    path = Path(_TMP.name) / f"fuzz{suffix}"
    path.write_bytes(data)
    return load_paths([path], lang=lang)


def check_jsonl(source: str) -> None:
    try:
        articles = _load_bytes(source.encode("utf-8", "surrogatepass"), ".jsonl")
    except FactcheckError:
        return
    for a in articles:
        _check_article(a, source)


def check_file_bytes(args: tuple[bytes, str]) -> None:
    data, suffix = args
    try:
        articles = _load_bytes(data, suffix)
    except FactcheckError:
        return
    for a in articles:
        assert 0 <= a.offset <= a.offset + len(a.text) <= len(a.file_text)


def check_extract(args: tuple[str, str, str, dt.date | None]) -> None:
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_text

    text, fmt, lang, date = args
    try:
        article = load_text(text, path=f"fuzz.{fmt}", fmt=fmt, lang=lang)
    except FactcheckError:
        return
    article.date = date
    _check_claims(extract_articles([article]), [article])


def check_check(args: tuple[str, str, str, dt.date | None, dt.date | None]) -> None:
    """Two articles of one story, extracted, aligned and put through every rule."""
    from factcheck.align import align
    from factcheck.extract.pipeline import extract_articles
    from factcheck.load import load_text
    from factcheck.models import Report
    from factcheck.report import json_report
    from factcheck.rules import apply_rules, load_rules

    a_text, b_text, lang, a_date, b_date = args
    try:
        articles = [load_text(a_text, path="story/a.txt", fmt="txt", lang=lang),
                    load_text(b_text, path="story/b.txt", fmt="txt", lang=lang)]
    except FactcheckError:
        return
    articles[0].date, articles[1].date = a_date, b_date
    claims = extract_articles(articles)
    _check_claims(claims, articles)
    findings = apply_rules(claims, _rules(), candidates=align(claims, articles), articles=articles)
    for f in findings:
        _check_claims(f.claims, articles)
        assert 0.0 <= f.confidence <= 1.0
    json.loads(json_report.render(Report(articles=articles, claims=claims, findings=findings)))


_RULES: list = []


def _rules():
    from factcheck.rules import load_rules

    if not _RULES:
        _RULES.extend(load_rules())
    return _RULES


# ---------------------------------------------------------------- strategies per target

LANGS = st.sampled_from(["fr", "en"])


def _front_matter() -> st.SearchStrategy[str]:
    value = st.one_of(
        st.text(max_size=30), _numbers(), st.dates().map(str),
        st.sampled_from(["0001-01-01", "9999-12-31", "9999-12", "0000", "2023-02-30", "1e309", ".inf", "~", "[a, b]",
                         "{x: 1}", "'quoted: text'", "|\n  block", "&a x", "*a", "!!binary aGk=", "2023-12-13T10:00:00Z",
                         "9" * 5000]),
    )
    key = st.sampled_from(["title", "date", "lang", "source", "id", "story", "x", "Date", "tags", "", "- a"])
    line = st.builds(lambda k, v: f"{k}: {v}", key, value)
    eol = st.sampled_from(["\n", "\r\n", "\r"])
    close = st.sampled_from(["---", "...", "--- ", "", "----"])
    return st.builds(lambda lines, e, c, body: e.join(["---", *lines, c]) + e + body,
                     st.lists(line, max_size=6), eol, close, prose())


def _markdown() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(alphabet=MARKUP + "ab1 ", max_size=300),
        _repeated(st.text(alphabet=MARKUP + "a1", min_size=1, max_size=8)),
        st.lists(st.one_of(st.sampled_from(["# ", "## ", "> ", "- ", "1. ", "```\n", "<!-- factcheck: ignore -->",
                                            "<!-- factcheck: off FC101 -->", "<!-- factcheck: on -->", "| a | b |\n",
                                            "|---|---|\n", "[lien](http://x.fr)", "![img](a.png)", "**", "_", "`",
                                            "\\", "<b>", "</b>", "&amp;", "\n\n"]), _words_text(8)),
                 max_size=30).map("".join),
        _front_matter(),
    )


def _html() -> st.SearchStrategy[str]:
    tag = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<script>", "</script>",
                           "<style>", "<!-- c -->", "<!--", "<a href=\"x\">", "</a>", "<", ">", "&amp;", "&#8239;",
                           "&nbsp;", "&#x200b;", "&#99999999;", "<meta name=\"date\" content=\"9999-12-31\">",
                           "<title>", "</title>", "<h1>", "</h1>", "<html lang=\"en\">", "<table><tr><td>",
                           "<article>", "</article>", "<?xml?>", "<!DOCTYPE html>"])
    return st.one_of(
        st.text(alphabet="<>/=\"'&;#ap 1", max_size=300),
        st.lists(st.one_of(tag, _words_text(6)), max_size=40).map("".join),
        _repeated(st.lists(st.one_of(tag, _words_text(3)), max_size=5).map("".join), most=200),
    )


def _jsonl() -> st.SearchStrategy[str]:
    record = st.dictionaries(
        st.sampled_from(["text", "date", "lang", "id", "source", "title", "story", "extra"]),
        st.one_of(prose(), st.integers(), st.floats(), st.none(), st.booleans(), st.lists(st.integers(), max_size=3),
                  st.sampled_from(["fr", "en", "de", "0001-01-01", "9999-12-31"])),
        max_size=6,
    )
    line = st.one_of(record.map(lambda r: json.dumps(r, ensure_ascii=False)),
                     record.map(json.dumps), st.text(max_size=40), st.sampled_from(["", "{", "[]", "null", '{"text": 1}']))
    eol = st.sampled_from(["\n", "\r\n", "\r"])
    return st.builds(lambda lines, e: e.join(lines), st.lists(line, max_size=8), eol)


def _bytes() -> st.SearchStrategy[tuple[bytes, str]]:
    data = st.one_of(
        st.binary(max_size=300),
        prose().map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.builds(lambda s, codec: s.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace"), prose(),
                  st.sampled_from(["utf-16", "utf-16-le", "utf-32", "utf-8-sig", "latin-1", "cp1252"])),
    )
    return st.tuples(data, st.sampled_from([".md", ".txt", ".html", ".jsonl"]))


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    examples: int  # share of the long run (make fuzz)
    warmups: tuple = ()  # inputs that go through the whole stage (lazy imports, caches) before timing

    def size(self, example: Any) -> int:
        """Characters (or bytes) of input in an example, for the time per 10 kB."""
        if isinstance(example, (str, bytes)):
            return len(example)
        return sum(len(x) for x in example if isinstance(x, (str, bytes)))


_WARM = ("Mercredi 13 décembre, selon la police, plus de 720 kg de cocaïne et 8 300 € ont été saisis à Caen, "
         "dont 5,4 kg d'héroïne et 12 % du stock. Depuis deux ans, 150 actions ont été menées.")
_WARM_B = _WARM.replace("720 kg", "720 g").replace("150", "250")
_WARM_EN = ("On Wednesday, December 13, police said more than 720 kg of cocaine and $8,300 were seized in "
            "Caen, including 5.4 kg of heroin and 12% of the stock. Over the past two years, 150 raids were made.")
_WARM_EN_B = _WARM_EN.replace("720 kg", "720 g").replace("150", "250")

TARGETS = [
    Target("numbers", st.tuples(prose(), LANGS), check_atoms, 20_000, ((_WARM, "fr"), (_WARM_EN, "en"))),
    Target("quantities", st.tuples(prose(), LANGS), check_scan, 20_000, ((_WARM, "fr"), (_WARM_EN, "en"))),
    Target("dates", st.tuples(prose(), LANGS, _dates(), st.sampled_from(["day", "month", "year"])), check_times, 14_000,
           ((_WARM, "fr", dt.date(2023, 12, 15), "day"), (_WARM_EN, "en", dt.date(2023, 12, 15), "day"))),
    Target("markdown", _markdown(), check_markdown, 10_000, ("# Titre\n\n> " + _WARM + " [lien](x.fr) **gras**\n",)),
    Target("front-matter", _front_matter(), check_markdown, 8_000, ("---\ntitle: T\ndate: 2023-12-13\n---\n" + _WARM,)),
    Target("txt", prose(), check_text_file, 4_000, (_WARM,)),
    Target("html", _html(), check_html, 5_000,
           (f"<html lang=fr><body><article><h1>T</h1><p>{_WARM}</p></article></body></html>",)),
    Target("jsonl", _jsonl(), check_jsonl, 5_000, (json.dumps({"text": _WARM, "date": "2023-12-13", "lang": "fr"}),)),
    Target("file-bytes", _bytes(), check_file_bytes, 5_000, ((_WARM.encode("utf-16"), ".html"),)),
    Target("extract", st.tuples(st.one_of(prose(), _markdown()), st.sampled_from(["md", "txt"]), LANGS, _dates()),
           check_extract, 7_000, ((_WARM, "md", "fr", dt.date(2023, 12, 15)), (_WARM_EN, "txt", "en", None))),
    Target("check", st.tuples(prose(), prose(), LANGS, _dates(), _dates()), check_check, 2_000,
           ((_WARM, _WARM_B, "fr", dt.date(2023, 12, 15), dt.date(2023, 12, 16)),
            (_WARM_EN, _WARM_EN_B, "en", dt.date(2023, 12, 15), None))),
]
assert sum(t.examples for t in TARGETS) == 100_000
