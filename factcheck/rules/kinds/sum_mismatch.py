"""sum_mismatch: a stated total that its stated parts do not add up to.

What it checks
    A figure followed by a colon, "dont"/"including", or a next sentence that starts
    "Dans le détail" / "Of this", and then two or more parts in the same unit: the parts
    must add up to the total (a partition), or at most to it (after "dont", a subset).
    Singular items without a number ("et le chauffeur") count as one; the list ends at the
    first item after its last figure that is neither, so a trailing clause ("…, transférés
    vers l'hôpital et une maison de retraite") adds nothing. The message lists exactly the
    terms added, singular items by their words ("25 + 11 + le guide").

    Not added up, as a reader would not: a figure set against the one before it ("dont 17
    identifiées, pour une trentaine de disparus"), one count per source ("550 000 selon
    la CGT et 112 000 selon la police"), parts after an earlier total recalled ("la CGT
    avait alors compté…"), and a list that runs into the end of a text cut short.

Why it matters
    When the parts and the total disagree, one of the figures is wrong, and readers who
    do the sum notice.

Example
    "Le car transportait 52 personnes : 44 collégiens, cinq accompagnateurs et le
    chauffeur" (44 + 5 + 1 = 50).

Use instead
    Check each figure; give the total the parts add up to, or name the missing part.

Parameters
    approx_tol: relative tolerance when the total or a part is approximate.
    round_from: counts written with this many trailing zeros or more (780 000, 1 200) are
        rounded, each by up to half the finest step among them: parts and total rounded to
        the thousand may be a few thousand apart ("780 000 foyers : 286 000, 220 000,
        195 000 et 78 000"). Counts written to the unit ("38 randonneurs : 25 adultes, 11
        enfants") must add up exactly.
    detail_openers: sentence openers that introduce a breakdown of the previous total.
    subset_openers: sentence openers that pick some of the previous total ("Parmi eux, 62
        en soins intensifs et 32 au centre des brûlés" leaves others out): like "dont",
        the parts may add up to less.
    max_parts: a breakdown of more parts than this is a table, not a sum stated in prose;
        it is not checked (and a sentence of hundreds of figures costs no more than a few).
"""

from __future__ import annotations

import re
from typing import Iterable

from factcheck.align import claim_features
from factcheck.align.features import article_key, lexicon, locate
from factcheck.align.subjects import subject_forms, synonyms
from factcheck.models import Claim, Finding
from factcheck.rules.kinds.base import CheckContext, Kind
from factcheck.rules.values import fmt_number, half_unit, last_digit

_SINGULAR_ITEM = re.compile(r"^\s*(?:et\s+|and\s+)?(?:le|la|l['’]|un|une|the|a|an|son|sa|leur|his|her|their)\s*\w",
                            re.IGNORECASE)
_SPLIT = re.compile(r",|;|\bet\b|\band\b", re.IGNORECASE)
_SUBSET = re.compile(r"^[^.;:]{0,40}?\b(?:dont|including|of whom|of which|parmi lesquel\w+)\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\b(?:quatre|cinq|six|sept|huit|neuf|dix|onze|douze|deux|trois|"
                          r"two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
_STOP = re.compile(r"[.;!?]")
_COLON = re.compile(r"^[^.;\d]{0,60}?:\s", re.IGNORECASE)


# What joins the items of a list ("dont cinq enfants, deux adolescents et trois adultes"):
# the separators of singular items, and the words of an alternative or an addition.
_LIST_JOIN = re.compile(_SPLIT.pattern + r"|\+|\b(?:ou|or|plus)\b", re.IGNORECASE)


def _listed_after(sentence: str, previous: Claim, claim: Claim) -> bool:
    """``claim`` follows ``previous`` as the next item of one list: only a few words
    between them, or a separator right before it ("cinq enfants, deux adolescents")."""
    _, a = locate(previous)
    _, b = locate(claim)
    if a < 0 or b < 0:
        return True
    between = sentence[a + len(previous.text):b]
    joins = list(_LIST_JOIN.finditer(between))
    if _COMPARED.search(between):
        return False  # "dont 17 identifiées, pour une trentaine de disparus": set against, not added
    return len(between) <= 12 or bool(joins and len(between) - joins[-1].end() <= 15)


# A figure set against the one before it rather than listed after it ("17 identifiés pour une
# trentaine de disparus", "12 hommes contre 9 l'an dernier", "three against five").
_COMPARED = re.compile(r"\b(?:pour|contre|face\s+à|versus|vs\.?|against|compared\s+(?:with|to)|out\s+of)"
                       r"\s*[«\"“]?\s*$", re.IGNORECASE)


def _head(claim: Claim) -> str:
    """What a figure counts, as a canonical noun; "" for a generic one ("personnes")."""
    head, _ = subject_forms(claim)
    generic = lexicon()["generic"].get(claim.lang or "fr", frozenset())
    return "" if head in generic else synonyms().get(head, head)


# The most words of a numbered item ("cinq accompagnateurs") after which an item without a
# number ("et le chauffeur") is one more part of the list: after a longer one (a clause:
# "douze qui n'ont plus donné de nouvelles depuis vendredi"), "et le …" goes on with the clause.
_ITEM_WORDS = 5

# An item that starts with a preposition goes on with the item before it ("une est à cheval
# sur la voie et sur le quai et une est restée debout").
_CONTINUES = re.compile(r"^\s*(?:sur|dans|à|au|aux|en|de|du|des|vers|par|on|in|at|to|into|from|of)\b", re.IGNORECASE)


# the last item of a list is joined by "et" / "and" ("15 civils et 3 soldats")
_LAST_ITEM = re.compile(r"\b(?:et|and)\b[^,;]*$", re.IGNORECASE)


def _closes_list(sentence: str, previous: Claim, claim: Claim) -> bool:
    """``claim`` is joined to ``previous`` by "et" / "and": the last item of their list."""
    _, a = locate(previous)
    _, b = locate(claim)
    return 0 <= a < b and bool(_LAST_ITEM.search(sentence[a + len(previous.text):b]))


def _unread_figure(sentence: str, parts: list[Claim]) -> bool:
    """A figure written among the parts that is none of them ("les Écologistes 33", read as
    no count): the breakdown as read misses an item, so its sum says nothing."""
    spans = sorted((o, o + len(p.text)) for p in parts if (o := locate(p)[1]) >= 0)
    if len(spans) < len(parts):
        return True
    return any(re.search(r"\d", sentence[e:s]) for (_, e), (s, _) in zip(spans, spans[1:]))


_TERMINAL = re.compile(r"[.!?…»\"”)\]]\s*$")


def _cut_off(last: Claim, text_end: int | None) -> bool:
    """The list runs into the end of a text cut short (a page excerpt that stops in the
    middle of a sentence, "…, une à Lantosqu"): its last items are missing, so its parts
    cannot be added up."""
    if text_end is None or not last.sentence:
        return False
    sentence = last.sentence.rstrip()
    return last.sentence_start + len(sentence) >= text_end and not _TERMINAL.search(sentence)


class SumMismatch(Kind):
    name = "sum_mismatch"
    PARAMS = {"approx_tol": 0.05, "max_parts": 12, "round_from": 2,
              "detail_openers": ["dans le détail", "en détail", "broken down", "ce montant se répartit",
                                 "cette somme se répartit", "ils se répartissent", "elles se répartissent"],
              "subset_openers": ["parmi eux", "parmi elles", "among them", "of them", "of this", "of these",
                                 "of the total", "of whom", "this includes"]}
    PLACEHOLDERS = frozenset({"total", "sum", "parts"})

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        by_article: dict[str, list[Claim]] = {}
        for c in ctx.claims:
            by_article.setdefault(article_key(c), []).append(c)
        openers = {o.lower(): False for o in self.params["detail_openers"]}
        openers.update({o.lower(): True for o in self.params["subset_openers"]})
        max_parts = int(self.params["max_parts"])
        ends = {a.key: a.offset + len(a.text.rstrip()) for a in ctx.articles}
        for key, claims in by_article.items():
            claims.sort(key=lambda c: c.start)
            # runs of claims of one sentence, in text order: a total's parts are the rest of
            # its run, or the next run (so an article of many claims is read once)
            runs: list[list[Claim]] = []
            for c in claims:
                if runs and (runs[-1][0].sentence_start, runs[-1][0].sentence) == (c.sentence_start, c.sentence):
                    runs[-1].append(c)
                else:
                    runs.append([c])
            for r, run in enumerate(runs):
                following = runs[r + 1] if r + 1 < len(runs) else []
                for k, total in enumerate(run):
                    if total.unit == "percent" or total.dimension == "[time]":
                        continue
                    # one part more than allowed is enough to tell a table from a breakdown
                    found = self._parts_after(total, run[k + 1:k + 2 + max_parts], following, openers)
                    if found is None:
                        continue
                    parts, items, subset = found
                    if not self._parts_of(total, parts) or _cut_off(parts[-1], ends.get(key)):
                        continue
                    finding = self._judge(total, parts, items, subset)
                    if finding is not None:
                        yield finding

    def _parts_after(self, total: Claim, same: list[Claim], following: list[Claim], openers: dict[str, bool]):
        """The parts stated after ``total``: later claims of its sentence (``same``), or the
        claims of the next sentence holding any (``following``) when it opens a breakdown."""
        # where the figures stand is all this needs (``locate``): their features are read
        # only for a list that makes a breakdown (``_parts_of``)
        sentence, offset = locate(total)
        if offset < 0:
            return None
        tail = sentence[offset + len(total.text):]
        gap_text = tail
        if same:
            _, next_offset = locate(same[0])
            if next_offset >= 0:
                gap_text = sentence[offset + len(total.text):next_offset]
        colon, sub = _COLON.match(gap_text + " "), _SUBSET.match(gap_text)
        if same and (colon or sub):
            subset = bool(sub) and not colon
            # stop at the first claim of another dimension (the list is over), and after
            # "dont" at a figure larger than the total or with parts of its own ("entre 757 000,
            # dont 57 000 à Paris, et deux millions, dont 400 000"): another total, not a part
            cut = []
            for i, c in enumerate(same):
                if c.dimension != total.dimension:
                    break
                if subset and (c.base_value > total.base_value or self._opens_parts(sentence, c, same[i + 1:])):
                    break
                if subset and cut and not _listed_after(sentence, cut[-1], c):
                    break  # "dix morts dont cinq enfants dans l'incendie d'un immeuble de sept étages"
                if len(cut) >= 2 and _closes_list(sentence, cut[-2], cut[-1]) and not _closes_list(sentence, cut[-1], c):
                    break  # "dont 15 civils et 3 soldats, 3 assaillants abattus": the list ended at "et"
                cut.append(c)
            parts = cut
            if len(parts) + (0 if subset else 1) < 2 or not parts or len(parts) > self.params["max_parts"]:
                return None
            if not subset and _unread_figure(sentence, parts):
                return None
            items: list[str] = []
            if not subset and total.dimension == "count":
                items = self._singular_items(sentence, parts)
            if len(parts) + len(items) < 2:
                return None
            return parts, items, subset
        # a breakdown in the next sentence
        if tail.strip(" »\"”)").rstrip(".") and not re.match(r"^[^.]{0,80}\.?\s*$", tail):
            return None
        nxt = [c for c in following if c.sentence_start > total.sentence_start]
        if not nxt:
            return None
        first_next = nxt[0].sentence_start
        opening = locate(nxt[0])[0].lower().lstrip(" «\"")
        subset = next((sub for o, sub in openers.items() if opening.startswith(o)), None)
        if subset is None:
            return None
        parts = [c for c in nxt if c.sentence_start == first_next and c.dimension == total.dimension]
        if len(parts) < 2 or len(parts) > self.params["max_parts"]:
            return None
        if not subset and _unread_figure(locate(parts[0])[0], parts):
            return None
        return parts, [], subset

    @staticmethod
    def _opens_parts(sentence: str, claim: Claim, after: list[Claim]) -> bool:
        """The claim is followed, before the next figure, by "dont" / "including"."""
        _, offset = locate(claim)
        if offset < 0 or not after:
            return False
        _, next_offset = locate(after[0])
        return next_offset > offset and bool(_SUBSET.match(sentence[offset + len(claim.text):next_offset]))

    @staticmethod
    def _parts_of(total: Claim, parts: list[Claim]) -> bool:
        """Whether the figures after a total can be its parts. Not when they all count one
        other thing ("deux pays : la France (90 000 morts) et l'Italie (80 000 morts)"
        gives a figure for each item, not items), nor when a part comes from another
        source than the total ("757 000 selon le ministère … deux millions selon la CGT")."""
        heads = {_head(p) for p in parts}
        total_head = _head(total)
        if total_head and len(parts) >= 2 and len(heads) == 1 and "" not in heads and total_head not in heads:
            return False
        frame = claim_features(total)
        frames = [claim_features(p) for p in parts]
        if frame.attribute or any(f.attribute for f in frames):
            return False  # a multiplier, a ratio, an average or an age is no part of a count
        if frame.role == "previous" and not any(f.role == "previous" for f in frames):
            return False  # an earlier figure recalled ("la CGT avait alors compté…"), then today's
        sources = {f.attribution for f in frames} - {""}
        if len(sources) >= 2:
            return False  # one count per source ("550 000 selon la CGT et 112 000 selon la police")
        return not (frame.attribution and sources - {frame.attribution})

    @staticmethod
    def _singular_items(sentence: str, parts: list[Claim]) -> list[str]:
        """The list's items without a number ("le guide", "the driver"), each counted as one.

        The list is read item by item (split on commas, "et", "and") from its first part to
        the end of the clause. Before the last numbered part, an item that is neither a part
        nor a singular item continues the part before it ("… de la Gare et des Noues"); after
        it, such an item ends the list, so the words of a trailing clause ("…, transférés
        vers l'hôpital et une maison de retraite") are not taken for one more part.
        """
        spans = []
        for p in parts:
            _, offset = locate(p)
            if offset < 0:
                return []
            spans.append((offset, offset + len(p.text)))
        first, last_end = spans[0][0], spans[-1][1]
        stop = _STOP.search(sentence, first)
        end = stop.start() if stop else len(sentence)
        found: list[str] = []
        pos = first
        numbered_words = 0
        for sep in [*_SPLIT.finditer(sentence, first, end), None]:
            a, b = pos, (sep.start() if sep is not None else end)
            pos = sep.end() if sep is not None else end
            item = sentence[a:b]
            if not item.strip():
                continue
            if any(s < b and a < e for s, e in spans):
                numbered_words = len(item.split())  # a numbered part
                continue
            if (not re.search(r"\d", item) and _SINGULAR_ITEM.match(item)
                    and not _NUMBER_WORD.search(item)):
                if a >= last_end and numbered_words > _ITEM_WORDS:
                    break  # "douze qui n'ont plus donné de nouvelles depuis vendredi et le début de…": a clause goes on
                found.append(" ".join(item.split()))
            elif a >= last_end and not _CONTINUES.match(item):
                break  # past the last numbered part, the list is over ("sur le quai" only goes on)
        return found

    def _judge(self, total: Claim, parts: list[Claim], items: list[str], subset: bool) -> Finding | None:
        approx = total.qualifier != "exact" or any(p.qualifier != "exact" for p in parts)
        s = sum(p.base_value for p in parts) + len(items)
        t = total.base_value
        if total.dimension == "count" and not approx:
            # the round figures of one breakdown are written to one step, the finest among
            # them (780 000 beside 286 000 is 780 thousand): each may be off by half of it
            rounded = [d for c in (total, *parts) if (d := last_digit(c.value)) >= self.params["round_from"]]
            tol = 1e-9 + (len(rounded) * 0.5 * 10 ** min(rounded) if rounded else 0.0)
        else:
            tol = sum(half_unit(p.value) * (p.base_value / p.value if p.value else 1) for p in parts)
            tol += half_unit(total.value) * (total.base_value / total.value if total.value else 1)
        if approx:
            tol += self.params["approx_tol"] * abs(t)
        if subset:
            if s <= t + tol:
                return None
        elif abs(s - t) <= tol:
            return None
        lang = total.lang or "fr"
        # exactly what was added: each numbered part as written, each singular item by its words
        names = " + ".join([*(p.text for p in parts), *items])
        scale = total.base_value / total.value if total.value else 1
        shown = s / scale if scale else s
        return self.finding([total, *parts], lang, total=total.text, sum=fmt_number(round(shown, 2), lang),
                            parts=names)
