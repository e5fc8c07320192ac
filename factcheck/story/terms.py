"""What an article says that tells its event apart: names, distinctive words, figures, days.

Three kinds of terms, each a column of the search index (``index.py``) so that each
weighs on its own:

- **names**: proper nouns and acronyms — places, people, organisations, named events
  (Perseigne, Lubrizol, CGT, Grenfell). A capitalised word is a name when the article
  never writes it in lower case, which needs no trained model and works the same in
  French and English (English has no trained spaCy pipeline here; title-case headlines
  are handled because their words also occur in lower case in the body).
- **words**: the other content words (not spaCy's stop words, not the calendar and the
  words of telling listed in ``lang/<code>/story.yaml``), which say what happened
  (crue, incendie, saisie).
- **figures**: the article's numeric claims as value and unit in base units, so that
  "492 kg" and "492 kilos" are one term and 18 kg is not 18 %.

Terms are folded (lower case, no accents, a final plural ``s``/``x`` dropped) so that
"Incendies" and "incendie" meet. The day range (``days``) is the publication date at
its precision, widened to the day the article reports on (``Article.event_day``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.models import Article, Claim

#: A word: letters, with inner hyphens or apostrophes (Saint-Amand, aujourd'hui).
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: French elisions dropped before a word: l'incendie → incendie.
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
MIN_WORD = 4  # letters: shorter lower-case words are function words or abbreviations
MIN_NAME = 2  # letters: "UE", "PS" are names; a one-letter capital is an initial
MIN_FIGURE = 10  # a bare count below this ("deux blessés") is in too many unrelated articles


@dataclass(frozen=True, slots=True)
class StoryTerms:
    """The searchable description of one article (index document and query alike)."""

    names: tuple[str, ...]     # folded, in text order, repeated as often as written
    words: tuple[str, ...]
    figures: tuple[str, ...]
    days: tuple[int, int] | None  # first and last day (date ordinals) it may report on

    def is_empty(self) -> bool:
        return not (self.names or self.words or self.figures)


def fold(word: str) -> str:
    """Lower case, accents removed, a final plural letter dropped: the form terms are kept in."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'")
    if len(plain) > MIN_WORD and plain[-1] in "sx" and plain[-2] not in "sux":
        plain = plain[:-1]
    return plain


def token(term: str) -> str:
    """A term as one index token: letters, digits and ``_`` only."""
    return re.sub(r"[^0-9a-z]+", "_", term).strip("_")


@functools.lru_cache(maxsize=None)
def _ignored(lang: str) -> frozenset[str]:
    """Stop words (spaCy's, both languages: quotes and names cross languages) and the
    language's generic news words, folded."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from factcheck.lang import language_tables

    generic = {w for tables in language_tables("story.yaml").values() for w in tables.get("generic", ())}
    return frozenset(token(fold(w)) for w in (*EN, *FR, *generic))


def terms_of(article: Article, claims: Iterable[Claim] = ()) -> StoryTerms:
    """The names, words and figures of an article (title and text) and its day range."""
    text = f"{article.title}\n{article.text}" if article.title else article.text
    ignored = _ignored(article.lang)
    raw = [_ELISION.sub("", m.group()) for m in _WORD.finditer(text)]
    lower = {w for w in raw if w and w.islower()}
    names: list[str] = []
    words: list[str] = []
    for w in raw:
        if not w:
            continue
        if w[0].isupper() and w.lower() not in lower:
            for part in re.split(r"[-'’]", w):  # Saint-Julien-des-Aiguilles: each part a name
                t = token(fold(part))
                if len(t) >= MIN_NAME and t not in ignored:
                    names.append(t)
        else:
            t = token(fold(w))
            if len(t) >= MIN_WORD and t not in ignored:
                words.append(t)
    return StoryTerms(tuple(names), tuple(words), tuple(figure_terms(claims)), day_range(article))


def figure_terms(claims: Iterable[Claim]) -> list[str]:
    """One term per distinct figure: dimension and value (3 significant digits) in base units."""
    out: dict[str, None] = {}
    for c in claims:
        try:
            value = c.base_value
        except Exception:  # a unit pint cannot convert: the figure as written
            value = c.value
        if not math.isfinite(value) or (not c.unit and abs(value) < MIN_FIGURE) or value == 0:
            continue
        dim = token(c.dimension.lower().replace("**", "p")) or "n"
        number = f"{value:.3g}".replace("+", "").replace("-", "m").replace(".", "p")
        out[f"x{dim}_{number}"] = None
    return list(out)


def day_range(article: Article) -> tuple[int, int] | None:
    """The days an article may report on, as date ordinals: its publication date (a month or
    a year when that is all it gives), widened to its ``event_day``; None when undated."""
    d = article.date
    if d is None:
        return None
    if article.date_precision == "year":
        lo, hi = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    elif article.date_precision == "month":
        lo, hi = dt.date(d.year, d.month, 1), dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    else:
        lo = hi = d
    if article.event_day is not None:
        lo, hi = min(lo, article.event_day), max(hi, article.event_day)
    return lo.toordinal(), hi.toordinal()


def most_common(terms: Iterable[str], n: int) -> list[str]:
    """The ``n`` most frequent distinct terms (first written first on a tie)."""
    return [t for t, _ in Counter(terms).most_common(n)]
