"""The spaCy pipeline component: ``nlp.add_pipe("factcheck_claims")`` puts claims on ``doc._.claims``.

The factory only builds the component; the work is in module-level functions
(``scan``, ``subject_fr``/``subject_en``, ``context``) that tests call without a model.
Claims made here carry offsets into ``doc.text`` and what needs the parse (subject,
predicate, place); ``factcheck.extract.pipeline`` adds what needs the whole article
(file offsets, the period and the day a claim refers to).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from factcheck.extract import context
from factcheck.extract.dates import blocked_spans, find_times
from factcheck.extract.invisible import strip_format_chars
from factcheck.extract.quantities import Mention, scan
from factcheck.extract.subjects import subject_en, subject_fr
from factcheck.models import Claim

DEFAULT_EXTENSION = "claims"


@Language.factory(
    "factcheck_claims",
    assigns=[f"doc._.{DEFAULT_EXTENSION}"],
    default_config={"extension": DEFAULT_EXTENSION, "lang": None},
)
def make_claim_extractor(nlp: Language, name: str, extension: str, lang: str | None) -> "ClaimExtractor":
    return ClaimExtractor(name, extension=extension, lang=lang or nlp.lang)


# Fields a claim has when the component makes it (the rest needs the whole article).
_RECORD_FIELDS = ("start", "end", "text", "value", "unit", "qualifier", "high", "subject", "subject_full",
                  "sentence", "sentence_start", "predicate", "place", "attribution", "cues", "lang")


def _user_data_key(extension: str) -> str:
    return f"factcheck:{extension}"


class ClaimExtractor:
    """Finds numeric claims in a Doc; ``doc._.<extension>`` returns them.

    The claims are kept in ``doc.user_data`` as plain records, because spaCy sends docs
    between processes with msgpack (``nlp.pipe(n_process=2)``), and the extension is a
    getter that turns the records back into ``Claim`` objects.
    """

    def __init__(self, name: str = "factcheck_claims", *, extension: str = DEFAULT_EXTENSION, lang: str = "fr") -> None:
        self.name = name
        self.extension = extension
        self.lang = lang
        if not Doc.has_extension(extension):
            key = _user_data_key(extension)
            Doc.set_extension(extension, getter=lambda doc: [
                Claim(**{**r, "cues": tuple(r["cues"])}) for r in doc.user_data.get(key, [])])

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[_user_data_key(self.extension)] = [
            {f: getattr(c, f) for f in _RECORD_FIELDS} for c in claims_in_doc(doc, self.lang)]
        return doc


_MENTIONS_KEY = "factcheck:mentions"


def with_mentions(doc: Doc, mentions: list[Mention]) -> Doc:
    """``doc``, given the quantities of its text found already (``factcheck.extract.pipeline``
    scans each article once): the component then does not scan it again. Plain values in
    ``doc.user_data``, so that they travel with the Doc to worker processes."""
    doc.user_data[_MENTIONS_KEY] = [(m.start, m.end, m.value, m.unit, m.qualifier, m.high, m.num_start, m.num_end,
                                     m.scale) for m in mentions]
    return doc


def claims_in_doc(doc: Doc, lang: str) -> list[Claim]:
    """Claims in one Doc, offsets into ``doc.text``.

    The grammar reads the text without invisible format characters (``invisible``), so
    "8\u200b300 €" is 8 300 €; offsets are mapped back into ``doc.text``.
    """
    parsed = doc.has_annotation("DEP")
    sents = _mended(doc, list(doc.sents)) if (parsed or doc.has_annotation("SENT_START")) else [doc[:]]
    given = doc.user_data.pop(_MENTIONS_KEY, None)
    mentions = [Mention(*row) for row in given] if given is not None else None
    return _claims(doc.text, lang, [(s.start_char, s.end_char, s) for s in sents], doc if parsed else None, mentions)


def _mended(doc: Doc, sents: list[Span]) -> list[Span]:
    """The parser's sentences, with its cuts beside a comma undone: "Vingt morts, deux
    disparus, | c'est donc le dernier bilan", "+ 120 inscrits, | - 41 en master" and "À
    Paris | , 800 000 manifestants" are one sentence each, and what one part says (the
    latest toll, a sign, the place) stays with it."""
    out: list[Span] = []
    for s in sents:
        prev = out[-1] if out else None
        if prev is not None and (prev.text.rstrip().endswith(",") or s.text.lstrip().startswith(",")):
            out[-1] = doc[prev.start:s.end]
        else:
            out.append(s)
    return out


def claims_in_text(text: str, lang: str, mentions: list[Mention] | None = None) -> list[Claim]:
    """Claims in a text no model needs to read, taken as one sentence: what the parse gives
    (subjects, predicates, places) needs words, and a run of figures and signs has none.
    ``mentions``: the quantities of ``text`` when they have been found already."""
    return _claims(text, lang, [(0, len(text), None)], None, mentions)


def _claims(raw: str, lang: str, sents: list[tuple[int, int, Span | None]], doc: Doc | None,
            mentions: list[Mention] | None = None) -> list[Claim]:
    """Claims in ``raw``, whose sentences are ``sents`` (start, end, Span or None), read with
    the parse of ``doc`` when there is one."""
    text = raw
    if mentions is None:
        text, offsets = strip_format_chars(raw)
        mentions = scan(text, lang, blocked_spans(find_times(text, lang, None)))
        if offsets is not None:
            mentions = [dataclasses.replace(m, start=offsets.start(m.start), end=offsets.end(m.end)) for m in mentions]
            text = raw
    if not mentions:
        return []
    sent_starts = [start for start, _, _ in sents]
    where = []  # the sentence of each mention
    for m in mentions:
        k = bisect.bisect_right(sent_starts, m.start) - 1
        where.append(k if k >= 0 and m.start < sents[k][1] else len(sents) - 1)
    figures = Counter(where)
    # what depends on the sentence only is read once per sentence, not once per figure
    per_sentence: dict[int, tuple[str, str, list]] = {}
    claims: list[Claim] = []
    for i, m in enumerate(mentions):
        k = where[i]
        sent_start, sent_end, sent = sents[k]
        if k not in per_sentence:
            sent_text = text[sent_start:sent_end]  # Span.text, without walking the tokens
            named = context.place(sent, sent_text, lang)
            if not named and k > 0 and context.continues(sent_text, lang) and not text[sents[k - 1][1]:sent_start].strip():
                # "Un rassemblement avait lieu à Dax. Il a réuni 2 500 personnes": at Dax
                prev_start, prev_end, prev = sents[k - 1]
                named = per_sentence[k - 1][1] if k - 1 in per_sentence else context.place(
                    prev, text[prev_start:prev_end], lang)
            per_sentence[k] = (sent_text, named, context.attributions(sent_text))
        sent_text, place, sources = per_sentence[k]
        if lang == "fr":  # French subjects come from the parse; an unparsed text gets none
            subject, full = subject_fr(doc, m.start, m.end, m.unit) if doc is not None else ("", "")
            predicate = context.predicate_fr(doc, m.start, m.end) if doc is not None else ""
        else:
            subject, full = subject_en(text, m.start, m.end, m.unit)
            predicate = ""
        if not subject and not m.unit and claims and not claims[-1].unit and claims[-1].sentence_start == sent_start:
            subject, full = claims[-1].subject, claims[-1].subject_full  # "dont quatre grièvement"
        lo, hi = max(sent_start, m.start - 60), min(sent_end, m.end + 60)
        if figures[k] > context.TABLE_FIGURES:  # a table: a figure's cues are in its cell
            lo = min(m.start, max(lo, mentions[i - 1].end if i else lo))
            hi = max(m.end, min(hi, mentions[i + 1].start if i + 1 < len(mentions) else hi))
        window = text[lo:hi]
        claims.append(Claim(
            start=m.start, end=m.end, text=text[m.start:m.end], value=m.value, unit=m.unit,
            qualifier=m.qualifier, high=m.high, subject=subject, subject_full=full,
            sentence=sent_text, sentence_start=sent_start, predicate=predicate,
            place=place, attribution=context.nearest_attribution(sources, m.start - sent_start),
            cues=context.cues(window, lang), lang=lang,
        ))
    return claims
