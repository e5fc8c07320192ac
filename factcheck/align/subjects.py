"""Subject keys: which claims talk about the same thing.

``fold`` normalises a word (lowercase, no accents, singular); ``SubjectIndex`` maps every
subject of a batch of claims to one canonical key, through the synonyms table
(``factcheck/data/synonyms.yaml``) and typo tolerance (edit distance 1 on words of five
letters or more, so "ccrack" joins "crack"). Typo merging uses a deletion index
(SymSpell style): each word is indexed under itself and its one-letter deletions, so the
work grows with the vocabulary, never with its square.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from importlib import resources
from typing import Iterable, Mapping

from factcheck import yamlfile
from factcheck.models import Claim

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Lowercase, accents removed, apostrophes unified, crude singular ("policiers" → "policier")."""
    w = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    w = "".join(ch for ch in w if not unicodedata.combining(ch)).strip(" -'")
    if len(w) > 4 and w.endswith("aux") and not w.endswith("eaux"):
        return w[:-3] + "al"
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("men") and len(w) >= 3:
        return w[:-3] + "man"
    if len(w) > 3 and w[-1] in "sx" and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def fold(text: str) -> str:
    """Fold every word of a phrase: "Fonctionnaires de Police" → "fonctionnaire de police"."""
    return " ".join("-".join(fold_word(p) for p in w.split("-")) for w in _WORD.findall(text))


def content_words(text: str, min_len: int = 4) -> frozenset[str]:
    """The folded words of a sentence that carry meaning (for context similarity)."""
    return frozenset(w for w in (fold_word(t) for t in _WORD.findall(text))
                     if len(w) >= min_len and w not in _STOPWORDS)


_STOPWORDS = frozenset(fold_word(w) for w in """
dans pour avec sans sous chez vers entre selon depuis avant apres après pendant contre plus moins
cette ces ceux celle celles leur leurs elle elles nous vous ils sont était étaient avait avaient
sera seront été être avoir fait faire comme aussi mais donc alors encore déjà très tout tous toute
toutes autre autres même quel quelle dont soit près environ about with from that this these those
have been were will would their there which what when where while than into over under after
before also just more most some such only other
""".split())


def _load_synonyms() -> dict[str, str]:
    path = resources.files("factcheck") / "data" / "synonyms.yaml"
    data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    table: dict[str, str] = {}
    for canon, words in data.items():
        key = fold(str(canon))
        table[key] = key
        for w in words or ():
            table.setdefault(fold(str(w)), key)
    return table


@functools.lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Folded word or compound → folded canonical word."""
    return _load_synonyms()


def event_verb(claim: Claim) -> str:
    """The verb a duration without a subject times ("il est tombé en six heures" → tomber),
    folded; "" for any other claim, or a verb that names no event (être, avoir, …)."""
    if claim.subject or not claim.predicate:
        return ""
    from factcheck.align.features import lexicon  # features imports this module

    verb = fold(claim.predicate)
    return "" if verb in lexicon()["light"] else verb


def subject_forms(claim: Claim) -> tuple[str, str]:
    """(head, full) of a claim's subject, folded."""
    return _subject_forms(claim.subject or "", claim.subject_full or "", claim.lang == "en")


@functools.lru_cache(maxsize=16384)
def _subject_forms(subject: str, subject_full: str, english: bool) -> tuple[str, str]:
    """``subject_forms`` once per subject: every pair a claim is in asks again."""
    head, full = fold(subject), fold(subject_full)
    if " " in head:  # a compound in the head field: French heads come first, English ones last
        words = head.split()
        full = full or head
        head = words[-1] if english else words[0]
    return head, full


_NOT_SUBJECTS = frozenset(fold_word(w) for w in """
an annee mois jour semaine heure minute seconde fois total moyenne part partie cent pourcent
year month week day hour minute second time times total average share percent
euro dollar livre pound million milliard billion thousand mille point
""".split())


def base_key(claim: Claim) -> str:
    """The subject key before typo merging: synonyms applied to the compound, then the head."""
    head, full = subject_forms(claim)
    if head in _NOT_SUBJECTS:
        return ""
    table = synonyms()
    from factcheck.align.features import generic_measure  # features builds on this module

    measure = generic_measure(claim, head)
    if measure:  # "onze personnes ont trouvé la mort" counts the dead
        return table.get(measure, measure)
    if full and full in table:
        return table[full]
    return table.get(head, head)


def _deletions(word: str) -> Iterable[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance ≤ 1 (substitution, insertion or deletion)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


class SubjectIndex:
    """Canonical subject keys for a batch of claims, typos merged into the commoner spelling."""

    def __init__(self, claims: Iterable[Claim], min_typo_len: int = 5, known: Mapping[str, str] | None = None) -> None:
        """``known``: claim id → ``base_key`` of claims whose key was computed before (at index time)."""
        counts: dict[str, int] = defaultdict(int)
        self._base: dict[str, tuple[Claim, str]] = {}  # claim.id → (claim, base key)
        known = known or {}
        for c in claims:
            key = known.get(c.id)
            if key is None:
                key = base_key(c)
            self._base[c.id] = (c, key)
            if key:
                counts[key] += 1
        self._canon = self._merge_typos(counts, min_typo_len)

    @staticmethod
    def _merge_typos(counts: dict[str, int], min_len: int) -> dict[str, str]:
        known = set(synonyms().values())
        parent = {w: w for w in counts}

        def find(w: str) -> str:
            while parent[w] != w:
                parent[w] = parent[parent[w]]
                w = parent[w]
            return w

        buckets: dict[str, list[str]] = defaultdict(list)
        for w in counts:
            if len(w) >= min_len and " " not in w:
                for d in set(_deletions(w)):
                    buckets[d].append(w)
        for words in buckets.values():
            for other in words[1:]:
                a, b = words[0], other
                if a[0] != b[0] or (a in known and b in known) or not within_one_edit(a, b):
                    continue
                ra, rb = find(a), find(b)
                if ra != rb:
                    # the commoner (then the shorter, then the first in order) spelling wins
                    keep, drop = sorted((ra, rb), key=lambda w: (-counts[w], 0 if w in known else 1, len(w), w))
                    parent[drop] = keep
        return {w: find(w) for w in counts}

    def _base_of(self, claim: Claim) -> str:
        """The claim's base key, as computed for the batch (or now, for a claim not in it)."""
        hit = self._base.get(claim.id)
        if hit is not None and (hit[0] is claim or hit[0] == claim):
            return hit[1]
        return base_key(claim)

    def key(self, claim: Claim) -> str:
        base = self._base_of(claim)
        return self._canon.get(base, base)

    def kind_of_match(self, a: Claim, b: Claim) -> str:
        """"same", "synonym", "typo" or "" (no match) between two claims' subjects."""
        ka, kb = self.key(a), self.key(b)
        if not ka or ka != kb:
            return ""
        ha, _ = subject_forms(a)
        hb, _ = subject_forms(b)
        if ha == hb:
            return "same"
        ba, bb = self._base_of(a), self._base_of(b)
        return "synonym" if ba == bb else "typo"
