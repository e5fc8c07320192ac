"""Blocking keys: only claims that share a key are ever compared.

Two kinds of key, both inside one story and one dimension (a mass is never compared
with a count, nor a story with another):

- the subject key (``SubjectIndex``: lemma, synonyms, typos); a duration that counts
  no noun ("il est tombé en six heures") is keyed by the event verb it times;
- the rounding keys: the value to one significant digit, rounded (8 300 and 8000 € meet)
  and cut (258 and 250 million meet), for figures of 100 or more;
- the digit key: the sorted non-zero digits of the written value. It brings together
  equal figures (150 / cent cinquante), the same digits in another unit (720 g / 720 kg,
  1,2 million / 1,2 milliard), transposed digits (6,12 / 6,21) and a zero too many
  (1 200 / 120), whatever their subjects. Buckets larger than ``max_bucket`` are
  dropped for this key (small numbers such as "2" are everywhere and say nothing).

The number of pairs is the sum of squared bucket sizes, not the square of the number of
claims. A bucket of more than ``max_bucket`` claims (only subject buckets go up to
``max_subject_bucket``) pairs each claim with a bounded number of others
(``_large_bucket_pairs``: the next ones of its article, the nearest in value of each other
article), so its pairs grow with its size, not its square. Lines of a JSON Lines feed that name no story (``meta["feed"]``) are paired with
the other articles of their story only, not with each other: a feed of 20,000 wire items
would otherwise put unrelated events in the same buckets. The figures of a table sentence
(more than ``TABLE_FIGURES``) are not paired at all, and a story forms at most
``PAIRS_PER_CHARACTER`` pairs a character of its articles (``pair_budgets``).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from typing import Collection, Iterable, Iterator

from factcheck.align.features import article_key, story_of
from factcheck.align.subjects import SubjectIndex, event_verb
from factcheck.extract.context import TABLE_FIGURES
from factcheck.models import Claim


def digits_of(value: float) -> str:
    """The significant digits of a value as written: 720 → "72", 0.72 → "72", 1.2e9 → "12"."""
    text = f"{abs(value):.12g}"
    if "e" in text:
        mant, _ = text.split("e")
        text = mant
    return text.replace(".", "").strip("0") or "0"


def digit_key(value: float) -> str:
    return "".join(sorted(digits_of(value).replace("0", ""))) or "0"




def _leading(value: float) -> str:
    """The first significant digit and the magnitude, cut rather than rounded: 258 million
    and 250 million meet (rounded, 258 million is 3e+08), as do 5 253 t and 5 200 t."""
    if not math.isfinite(value) or value == 0:
        return "0"
    exp = math.floor(math.log10(abs(value)))
    return f"{int(abs(value) / 10 ** exp)}e{exp}"


def keys(claim: Claim, index: SubjectIndex) -> Iterator[tuple[str, ...]]:
    story = story_of(claim)
    dim = claim.dimension
    subject = index.key(claim)
    if subject:
        yield ("s", story, dim, subject)
    elif claim.kind == "duration" and event_verb(claim):
        yield ("e", story, dim, event_verb(claim))  # "il est tombé en six heures": how long it took
    yield ("d", story, dim, digit_key(claim.value))
    if claim.kind == "money":  # one amount in two currencies (£450m / $450 million)
        yield ("c", story, "money", f"{claim.value:.9g}")
    if abs(claim.value) >= 100:
        yield ("r", story, dim, f"{claim.base_value:.0e}")
        yield ("t", story, dim, _leading(claim.base_value))


def in_table(claims: list[Claim]) -> list[bool]:
    """Which claims stand in a table sentence: one of more than ``TABLE_FIGURES`` claims
    (press prose has a handful a sentence; a line of hundreds of figures is a table
    flattened into one line, or garbage)."""
    where = [(article_key(c), c.sentence_start, c.sentence) if c.sentence else None for c in claims]
    per_sentence = Counter(where)
    return [w is not None and per_sentence[w] > TABLE_FIGURES for w in where]


def candidate_pairs(claims: list[Claim], index: SubjectIndex, max_bucket: int = 64,
                    max_subject_bucket: int = 400,
                    involving: Collection[str] | None = None) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j) of claims sharing at least one blocking key, in sorted order.

    ``involving`` (article keys: drafts checked against an archive) keeps only the pairs
    with a claim of one of those articles, bucket by bucket: the archive's own pairs are
    never formed, and a story's budget counts only the pairs kept.

    The figures of a table sentence (``in_table``) are not paired: a table is not
    cross-checked figure by figure (each pair costs features and every pairwise rule, and
    a table holds a figure every few characters), as ``sum_mismatch`` does not read a
    list of more than 12 figures as a breakdown."""
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    table = in_table(claims)
    for i, c in enumerate(claims):
        if table[i]:
            continue
        for k in keys(c, index):
            buckets[k].append(i)
    feed = [_feed_line(c) for c in claims]
    article = [article_key(c) for c in claims]
    drafted = None if involving is None else [a in involving for a in article]
    budgets = pair_budgets(claims)
    used: dict[str, int] = defaultdict(int)
    pairs: set[tuple[int, int]] = set()
    # the smallest buckets first: the most specific keys, kept when a story's budget runs out
    for k, members in sorted(buckets.items(), key=lambda kv: (len(kv[1]), kv[0])):
        limit = max_subject_bucket if k[0] == "s" else max_bucket
        lines = [m for m in members if feed[m]]
        others = [m for m in members if not feed[m]] if lines else members
        if len(others) > limit:
            continue
        found: set[tuple[int, int]] = set()
        if drafted is not None and len(others) <= max_bucket:  # a draft's claims with every other
            mine = [m for m in others if drafted[m]]
            found.update((m, o) if m < o else (o, m) for m in mine for o in others if o != m)
        elif len(others) <= max_bucket:
            for x in range(len(others)):
                for y in range(x + 1, len(others)):
                    found.add((others[x], others[y]))
        else:
            _large_bucket_pairs(others, claims, article, found)
        # lines of a feed meet the story's articles, never each other: a wire feed of
        # thousands of items about as many events is not one story to cross-check
        if others and len(lines) * len(others) <= limit * limit:
            for m in lines:
                found.update((o, m) if o < m else (m, o) for o in others)
        if drafted is not None:
            found = {(x, y) for x, y in found if drafted[x] or drafted[y]}
        found -= pairs
        story = k[1]
        if story in budgets and used[story] + len(found) > budgets[story]:
            continue
        used[story] += len(found)
        pairs |= found
    return sorted(pairs)


PAIRS_PER_CHARACTER = 0.3


def pair_budgets(claims: list[Claim]) -> dict[str, float]:
    """The most pairs each story's claims may form: ``PAIRS_PER_CHARACTER`` per character of
    its articles. Press stories form a seventh of a pair a character at most (the real-press
    texts); a flood of figures that would form more (lines of a few characters, each with a
    figure that repeats) keeps the pairs of its smallest buckets, so that the pairs, and
    the features and rules each one costs, grow with the text, not the square of its
    figures. An article counts as long as the text up to its last figure. A story with
    claims of no article has no budget."""
    sizes: dict[str, dict[str, int]] = defaultdict(dict)
    unknown: set[str] = set()
    for c in claims:
        story = story_of(c)
        if c.article is None:
            unknown.add(story)
        else:  # an article's text runs at least to its last figure
            key, reach = c.article_key, c.end - c.article.offset
            sizes[story][key] = max(sizes[story].get(key, 0), reach)
    return {story: PAIRS_PER_CHARACTER * sum(size.values()) for story, size in sizes.items() if story not in unknown}


LARGE_BUCKET_WINDOW = 6


def _large_bucket_pairs(members: list[int], claims: list[Claim], article: list[str],
                        pairs: set[tuple[int, int]]) -> None:
    """Pairs of a bucket of more than ``max_bucket`` claims (a subject many claims share),
    in proportion to its size rather than its square: inside one article, each claim meets
    its ``LARGE_BUCKET_WINDOW`` next claims in reading order; across articles, each claim
    meets the ``LARGE_BUCKET_WINDOW`` claims of the other article nearest to it in value
    (all of them when the other article has no more). Conflicts are between close figures
    (3 / 5 policiers, 8 300 / 8 000 €); same digits far apart in value (720 g / 720 kg) meet
    in their digit bucket."""
    groups: dict[str, list[int]] = {}
    for m in members:
        groups.setdefault(article[m], []).append(m)
    w = LARGE_BUCKET_WINDOW
    by_value = {key: sorted(group, key=lambda m: claims[m].base_value) for key, group in groups.items()}
    values = {key: [claims[m].base_value for m in group] for key, group in by_value.items()}
    for key, group in groups.items():
        for x in range(len(group)):
            for y in range(x + 1, min(len(group), x + 1 + w)):
                pairs.add((group[x], group[y]) if group[x] < group[y] else (group[y], group[x]))
        for other, sorted_members in by_value.items():
            if other == key:
                continue
            for a in group:
                if len(sorted_members) <= w:
                    near = sorted_members
                else:
                    k = bisect.bisect_left(values[other], claims[a].base_value)
                    lo = max(0, min(k - w // 2, len(sorted_members) - w))
                    near = sorted_members[lo:lo + w]
                pairs.update((a, b) if a < b else (b, a) for b in near)


def _feed_line(claim: Claim) -> bool:
    return claim.article is not None and claim.article.feed
