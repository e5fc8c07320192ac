"""Format characters out, offsets back: the map between the stripped text and the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.invisible import strip_format_chars


def test_invisible_none_is_the_text_itself():
    text = "8 300 € saisis"
    assert strip_format_chars(text) == (text, None)


@given(st.lists(st.tuples(st.text(alphabet="ab1 ", max_size=4), st.text(alphabet="\u200b\u00ad\u2060\ufeff", max_size=3)),
                max_size=8))
def test_invisible_map_points_at_the_same_characters(parts):
    text = "".join(a + b for a, b in parts)
    clean, offsets = strip_format_chars(text)
    assert clean == "".join(a for a, _ in parts)
    for i, c in enumerate(clean):
        pos = offsets.start(i) if offsets else i
        assert text[pos] == c
        end = offsets.end(i + 1) if offsets else i + 1
        assert text[end - 1] == c  # an end offset never grows over the invisible run after it


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\u202e", "\ufeff", "\U000e0041"])
def test_invisible_characters_removed(char):
    assert strip_format_chars(f"1{char}2")[0] == "12"


def test_format_table_covers_every_format_character_of_this_python():
    import sys
    import unicodedata

    from factcheck.extract.invisible import FORMAT_RANGES, strip_format_chars

    table = {c for a, b in FORMAT_RANGES for c in range(a, b + 1)}
    missing = [hex(c) for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) == "Cf" and not 0xD800 <= c < 0xE000 and c not in table]
    assert missing == [], f"Unicode {unicodedata.unidata_version} has format characters the table lacks"
    assert strip_format_chars("8\U000E0020300\u2064 €")[0] == "8300 €"
