"""What a quantity counts or measures: "5,4 kg de résine" → résine, "trois policiers" → policier.

French uses the dependency parse of spaCy's French pipeline; English runs on a blank
pipeline (no trained English model is on PyPI), so it reads the words around the number.
Both return the head lemma (what the scorer and the aligner compare) and the compound
("résine de cannabis", "sapeur-pompier") for reports.
"""

from __future__ import annotations

import functools
import re
import sys

from spacy.tokens import Doc, Span, Token

from factcheck.units import lookup

# Nouns that follow a number without being what it counts ("50 km/h en moyenne").
_NOT_SUBJECTS = frozenset("""
moyenne total tout tour fois hausse baisse plus moins maximum minimum environ près an année mois jour
semaine heure minute rythme cours début fin moment partie
average total time times rise fall year month week day hour minute lot rest least most
""".split())


# Nouns that only hold a count of their complement ("le nombre de blessés s'élève à 12",
# "the number of missing rose to 40"): the complement is what the figure counts.
_CONTAINERS = frozenset("nombre total number count tally".split())
# Nouns for anyone, which a container's complement names more precisely ("the number of
# missing stood at 13 people", "le nombre de disparus s'élève à 13 personnes").
_GENERIC = frozenset("personne individu people person persons".split())


def _lemma(token: Token) -> str:
    lemma = token.lemma_ or token.text
    return lemma.lower() if not token.text.isupper() else token.text


def _compound(token: Token) -> tuple[str, str]:
    """The lemma, joined with a hyphenated continuation ("sapeurs-pompiers" → sapeur-pompier)."""
    token = _contained(token) or token  # "portant à six le nombre de blessés" counts blessés
    doc = token.doc
    lemma = _lemma(token)
    i = token.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 1].idx == doc[i].idx + len(doc[i].text) \
            and doc[i + 2].is_alpha and doc[i + 2].idx == doc[i + 1].idx + 1:
        lemma += "-" + _lemma(doc[i + 2])
        i += 2
    full = lemma
    after = doc[i + 1:i + 3]
    if len(after) == 2 and after[0].lower_ in ("de", "d'", "d’") and after[1].pos_ == "NOUN" and after[1].is_alpha \
            and not _is_measure_word(after[1].lower_):
        return lemma, f"{lemma} de {_lemma(after[1])}"  # "résine de cannabis", "arme de poing"
    for child in token.children:
        if child.dep_ == "nmod" and child.i > token.i and child.pos_ in ("NOUN", "PROPN"):
            cases = [c.text.lower() for c in child.children if c.dep_ == "case"]
            if cases and cases[0] in ("de", "d'", "d’") and not _is_measure_word(child.lower_):
                full = f"{lemma} de {_lemma(child)}"
                break
    return lemma, full


_MEASURE_WORDS = frozenset({"million", "millions", "milliard", "milliards", "mille", "billion", "billions"})


def _is_measure_word(word: str) -> bool:
    """"1,2 million d'euros": a multiplier or a unit is not part of what is counted."""
    return word in _MEASURE_WORDS or lookup(word, "fr") is not None


def _span_head(span: Span) -> Token:
    for tok in span:
        if tok.dep_ == "fixed" and len(span) > 1:
            continue  # "de 1 240" read as a fixed phrase: "1" hangs on "de", not on the number
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span.root


def _good_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.is_alpha and _lemma(token) not in _NOT_SUBJECTS \
        and not token.like_num and token.dep_ != "advmod"


_UNIT_LINKS = frozenset({"de", "d'", "d’", "des", "du"})
_MONEY_LINKS = _UNIT_LINKS | {"en"}
_AREA_UNITS = ("hectare", "acre", "meter ** 2", "kilometer ** 2", "are")


def _counted_by(token: Token, after: int = -1) -> Token | None:
    """What a number or a multiplier counts through "de" ("une centaine de sinistrés",
    "2,5 millions de manifestants"): its noun complement after position ``after``."""
    for child in token.children:
        if child.i > max(after - 1, token.i) and child.dep_ in ("nmod", "obl:arg", "obl:mod") and _good_noun(child):
            cases = [c.text.lower() for c in child.children if c.dep_ == "case"]
            if cases and cases[0] in _UNIT_LINKS:
                return child
    return None


def subject_fr(doc: Doc, start: int, end: int, unit: str) -> tuple[str, str]:
    """Subject of the quantity at character span [start, end) of a parsed French doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "", ""
    head = _span_head(span)
    nxt = doc[span.end] if span.end < len(doc) else None
    if not unit:
        contained = _container_complement_fr(head)
        # 1. the noun the number counts: "trois nouveaux policiers", "mille deux cents adhérents"
        i = span.end
        while i < len(doc) and i - span.end < 2 and doc[i].pos_ == "ADJ" and i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN":
            i += 1
        if i < len(doc) and (_good_noun(doc[i]) or (i == span.end and doc[i].pos_ == "ADJ" and doc[i].is_alpha
                                                   and _lemma(doc[i]) not in _NOT_SUBJECTS and len(doc[i]) > 3
                                                   and not doc[i].text.endswith("ment"))):
            if contained is not None and _lemma(doc[i]) in _GENERIC:
                return _compound(contained)
            return _compound(doc[i])
        if contained is not None and (nxt is None or nxt.pos_ in ("ADP", "PUNCT", "ADV", "CCONJ")):
            return _compound(contained)
        if head.head.i >= span.end and not _parenthesised(head.head) and (
                head.dep_ in ("nummod", "det") and _good_noun(head.head)
                or _contained(head.head) is not None):  # "portant à 28 le nombre de blessés"
            if _is_measure_word(head.head.text.lower()):  # "de 1,27 à 2,5 millions de manifestants"
                counted = _counted_by(head.head)
                return _compound(counted) if counted is not None else ("", "")
            return _compound(head.head)
        if nxt is not None and nxt.text.endswith("ment") and (span.end + 1 == len(doc) or doc[span.end + 1].is_punct):
            return "", ""  # "dont quatre grièvement": an adverb the tagger took for a noun
        if nxt is None or nxt.pos_ in ("ADP", "PUNCT", "ADV", "CCONJ") or nxt.pos_ == "VERB":
            # an approximate noun or multiplier: "une centaine de sinistrés", "1,2 million d'habitants"
            # (in a range, the multiplier of its second bound: "entre 1,2 et 2,8 millions de manifestants")
            for tok in (head, *(t for t in span if t.i != head.i and _is_measure_word(t.text.lower()))):
                counted = _counted_by(tok, span.end)
                if counted is not None:
                    return _compound(counted)
            return "", ""  # elliptic ("dont quatre grièvement"): the caller may inherit a subject
    else:
        # 2. the complement right after a unit: "5,4 kg de résine", "8 300€ en liquide", "62 % des conducteurs"
        links = _MONEY_LINKS if unit.isupper() else _UNIT_LINKS
        if unit not in _AREA_UNITS and nxt is not None and nxt.text.lower() in links:
            j = span.end + 1
            while j < len(doc) and doc[j].pos_ == "DET":
                j += 1
            if j < len(doc) and _good_noun(doc[j]):
                return _compound(doc[j])
    # 3. the noun the quantity qualifies: "un budget de 412 M€", "une chute d'une quinzaine de mètres"
    gov = head.head
    if gov.i != head.i and _good_noun(gov) and head.dep_ in ("nmod", "appos", "nummod", "amod") and gov.i < span.start:
        return _compound(gov)
    # 4. a verb or an adjective: its subject ("La dose se vend 10 euros", "le chauffeur, âgé de 58 ans")
    for _ in range(6):
        if gov.pos_ == "ADJ" and gov.head.i != gov.i and _good_noun(gov.head):
            return _compound(gov.head)
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            subj = [c for c in gov.children if c.dep_ in ("nsubj", "nsubj:pass") and _good_noun(c)]
            if subj:
                return _compound(subj[0])
            objs = [c for c in gov.children if c.dep_ == "obj" and c.i < span.start and _good_noun(c)]
            if objs:
                return _compound(objs[0])
            if gov.dep_ in ("acl", "acl:relcl") and _good_noun(gov.head):
                return _compound(gov.head)
        if gov.head.i == gov.i:
            break
        gov = gov.head
    return "", ""


def _parenthesised(token: Token) -> bool:
    """A word in parentheses of its own ("18 000 (police) et 60 000 (syndicats)"): a note
    on the figure, its source most often, not what it counts."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == "(" and token.i + 1 < len(doc)
            and doc[token.i + 1].text == ")")


def _contained(token: Token) -> Token | None:
    """What a container noun holds: "nombre de blessés" → blessés (None for any other noun)."""
    if _lemma(token) not in _CONTAINERS:
        return None
    for child in token.children:
        cases = [c.text.lower() for c in child.children if c.dep_ == "case"]
        if (child.dep_ == "nmod" and child.i > token.i and child.is_alpha and child.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
                and cases and cases[0] in _UNIT_LINKS):
            return child
    return None


def _container_complement_fr(number: Token) -> Token | None:
    """The complement of the container noun the number is the value of: "le nombre de
    blessés s'élève à 12", "le nombre de morts est de 14", "le total des dons atteint
    3 000" → blessés, morts, dons."""
    if number.dep_ == "nummod":
        number = number.head  # "s'élève à 13 personnes": the noun phrase is the verb's complement
    verb = number.head
    if verb.i != number.i and verb.pos_ in ("VERB", "AUX") and number.dep_ in ("obj", "obl:mod", "obl:arg", "obl"):
        holders = verb.children
    elif any(c.dep_ == "cop" for c in number.children):
        holders = number.children  # "est de 14": the number heads its copula clause
    else:
        return None
    for subj in holders:
        if subj.dep_ in ("nsubj", "nsubj:pass") and subj.i < number.i:
            return _contained(subj)
    return None


_EN_STOP = frozenset("""
a an the of in on at to for by from with and or but per each every this that these those its their his her
is are was were be been has have had will would could should may might more than less about around over under
some any all other such same new additional extra just only also as its our your
when where which who whom whose while because if then there here just it they we he she
""".split())
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@functools.lru_cache(maxsize=1)
def _inflect():
    """inflect's engine, made on the first English subject.

    inflect wraps its functions in typeguard's ``typechecked``, which re-reads and
    recompiles each one as the module is imported (two seconds, paid by the first English
    article); factcheck passes it plain strings, so it is imported with that decorator
    left out, when no one has imported it before.
    """
    if "inflect" not in sys.modules:
        try:
            import typeguard
        except ImportError:
            typeguard = None
        checked = getattr(typeguard, "typechecked", None)
        if checked is not None:
            typeguard.typechecked = _unchecked
        try:
            import inflect  # noqa: F401
        finally:
            if checked is not None:
                typeguard.typechecked = checked
    import inflect

    return inflect.engine()


def _unchecked(target=None, **_options):
    """``typeguard.typechecked`` that checks nothing, used as ``@typechecked`` or ``@typechecked(...)``."""
    return target if target is not None else (lambda function: function)


@functools.lru_cache(maxsize=8192)
def singular_en(word: str) -> str:
    """English singular ("men" → "man", "holdalls" → "holdall")."""
    lower = word.lower()
    if lower.endswith("ss") or len(lower) < 4 and not lower.endswith("en"):
        return lower
    single = _inflect().singular_noun(lower)
    return single or lower


_EN_ADJ_SUFFIX = re.compile(r"(?:al|ive|ous|ful|less|ic|ed|ing|ary|ible|able|ish)$")


_EN_VERBS = frozenset("""
is are was were be been has have had will would can could should may might must do does did
fell rose rise rises risen grew grow grows cost costs spent spend spends reached reach reaches hit hits
approved approve seized seize burned burn covers cover covered accounts account totalled totaled
gusting knocked reported said says says carried carrying holds held handles handled
lost lose loses remain remains remained hidden taken given made
""".split())
_EN_PREPS = frozenset("of in on at to for by from with and or but than as into over under after before during".split())
_EN_AFTER_ADJ = frozenset("long wide high tall deep old away ago later earlier more less each apiece".split())
_EN_NOUN_AFTER_VERB_SUFFIX = re.compile(r"(?:ed)$")


def _plural_head_en(word: str, following: str) -> bool:
    """``word`` modifies the plural noun that follows it, the head of the compound a count
    counts ("four passenger carriages", "three police officers"): a count above one takes a
    plural head, so a singular noun before a plural one is its modifier."""
    lf = following.lower()
    return (word.islower() and following.isalpha() and following.islower() and singular_en(word) == word.lower()
            and lf not in _EN_STOP and lf not in _EN_PREPS and lf not in _EN_VERBS and lf not in _EN_AFTER_ADJ
            and not lf.endswith(("ed", "ing")) and singular_en(lf) != lf)


def _is_modifier_en(word: str) -> bool:
    lw = word.lower()
    return "-" in lw or lw.endswith(("ed", "ing")) or bool(_EN_ADJ_SUFFIX.search(lw)) and not lw.endswith("s")


def _sentence_subject_en(text: str, start: int) -> str:
    """Head of the sentence's first noun phrase: "Property taxes on a home will rise" → tax."""
    dot = text.rfind(". ", 0, start)
    sent_start = dot + 2 if dot >= 0 else 0
    head = None
    for w in _EN_WORD.finditer(text, sent_start, start):
        lw = w.group().lower()
        if lw in _EN_VERBS or lw in _EN_PREPS or _EN_NOUN_AFTER_VERB_SUFFIX.search(lw) and head:
            break
        if lw in _EN_STOP or lw.endswith("'s"):
            continue
        head = w
    if head is None:
        return ""
    if head.group().lower() in _CONTAINERS:  # "The number of missing ..." counts the missing
        return _contained_en(text[:start], head.end()) or singular_en(head.group())
    return singular_en(head.group())


# "turnout was 84.6 percent", "the death toll rose to 12", "unemployment stood at 5.2%"
_EN_COPULA_BEFORE = re.compile(
    r"([A-Za-z][A-Za-z'-]*)\s+(?:was|is|were|are|stood\s+at|stands\s+at|reached|rose\s+to|fell\s+to|"
    r"climbed\s+to|dropped\s+to|totall?ed|came\s+to|amounted\s+to|"
    r"(?:has|have|had)\s+(?:now\s+|since\s+|already\s+)?(?:risen|climbed|fallen|dropped|grown|jumped|reached|"
    r"increased|decreased)(?:\s+to)?)\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+(?:under|over)\s+|some\s+|roughly\s+|"
    r"more\s+than\s+|less\s+than\s+|at\s+least\s+)?[$£€]?\s*$")
_EN_HEAD_OF_PP = re.compile(r"([A-Za-z][A-Za-z'-]*)\s+(?:of|in|for|at|among)\s+(?:the\s+|a\s+|an\s+)?(?:[A-Za-z][A-Za-z'-]*\s+){0,2}$")


_EN_CONTAINER_OF = re.compile(r"\b(?:" + "|".join(sorted(_CONTAINERS)) + r")\s+of\b", re.IGNORECASE)
_EN_CONTAINED = re.compile(r"\s+of\s+(?:the\s+)?([A-Za-z][A-Za-z'-]*)(?:\s+([A-Za-z][A-Za-z'-]*))?")


def _contained_en(text: str, end: int) -> str:
    """What the container noun ending at ``end`` holds: "number of missing" → missing,
    "number of people injured" → injured ("" when no "of" follows)."""
    m = _EN_CONTAINED.match(text, end)
    if not m:
        return ""
    word, nxt = m.group(1).lower(), (m.group(2) or "").lower()
    if word in _GENERIC and nxt and nxt not in _EN_VERBS | _EN_PREPS | _EN_STOP:
        word = nxt
    return "" if word in _EN_STOP | _EN_VERBS | _EN_PREPS else singular_en(word)


def _copula_subject_en(before: str) -> str:
    """The noun a linking verb ties to the figure, whatever opens the sentence ("After a
    long campaign, turnout was 84.6 percent" → turnout)."""
    m = _EN_COPULA_BEFORE.search(before)
    if not m:
        return ""
    word = m.group(1).lower()
    head = _EN_HEAD_OF_PP.search(before, 0, m.start(1))  # "turnout in the referendum was"
    if head and head.group(1).lower() in _CONTAINERS:  # "the number of missing has risen to"
        return _contained_en(before, head.end(1)) or singular_en(head.group(1))
    if head and head.group(1).lower() not in _EN_STOP | _EN_VERBS | _EN_PREPS:
        word = head.group(1).lower()
    if word in _EN_STOP or word in _EN_VERBS or word in _EN_PREPS or word.endswith("'s") or _is_modifier_en(word):
        return ""
    return singular_en(word)


def subject_en(text: str, start: int, end: int, unit: str) -> tuple[str, str]:
    """Subject of an English quantity from the words around it (no parse available)."""
    after = text[end:end + 60]
    words = _EN_WORD.findall(after)[:5]
    # "nine-member board", "52-year-old driver"
    if text[end:end + 1] == "-" and words:
        return singular_en(words[0]), singular_en(words[0])
    before = text[max(0, start - 40):start]
    if re.match(r"\s*[,.;:)]", after):  # "turnout was 84.6 percent, a record": the linking verb's noun
        linked = _copula_subject_en(before)
        if linked:
            return linked, linked
    i = 0
    if words and words[0].lower() == "of":
        i = 1  # "1.2 tonnes of cocaine"
    while i < len(words) and words[i].lower() in _EN_STOP - {"of"} - _EN_PREPS:
        i += 1
    # "1,000 vacuum-packed blocks", "eleven injured passengers": skip modifiers before the noun
    while not unit and i + 1 < len(words) and _is_modifier_en(words[i]) and words[i + 1].lower() not in _EN_PREPS:
        i += 1
    if i < len(words) and (i > 0 or not re.match(r"\s*[,.;:)]", after)):
        # the noun right after, or the last of a compound: "$1.84 billion operating budget on"
        j = i
        first = words[i].lower()
        while unit and i == 0 and first not in _EN_PREPS and first not in _EN_STOP and j + 1 < len(words) and words[j + 1].lower() not in _EN_STOP and words[j + 1].lower() not in _EN_PREPS \
                and words[j + 1].lower() not in _EN_VERBS and not _EN_NOUN_AFTER_VERB_SUFFIX.search(words[j + 1].lower()) \
                and j - i < 2:
            j += 1
        cand = words[j]
        lc = cand.lower()
        if not unit and j == i and j + 1 < len(words) and _plural_head_en(cand, words[j + 1]):
            head = singular_en(words[j + 1])
            return head, f"{lc} {head}"  # "four passenger carriages" count carriages
        if lc not in _EN_STOP and lc not in _EN_PREPS and lc not in _EN_VERBS and lc not in _EN_AFTER_ADJ \
                and not _EN_NOUN_AFTER_VERB_SUFFIX.search(lc) and (cand[0].islower() or i == 0 and not unit):
            if singular_en(cand) in _GENERIC and _EN_CONTAINER_OF.search(before):
                linked = _copula_subject_en(before)  # "the number of missing stood at 13 people"
                if linked and linked not in _GENERIC:
                    return linked, linked
            return singular_en(cand), singular_en(cand)
    # "a street value of £96 million", "the tax rate by 4.5%"
    m = re.search(r"([A-Za-z]+)\s+(?:of|by|totalling|totaling)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", before)
    if m and m.group(1).lower() not in _EN_STOP and m.group(1).lower() not in _EN_VERBS:
        return singular_en(m.group(1)), singular_en(m.group(1))
    head = _copula_subject_en(before) or _sentence_subject_en(text, start)
    return head, head
