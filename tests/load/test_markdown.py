"""Markdown: front matter, markup blanked in place, suppression comments."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.load import load_file, load_text

from .conftest import FIXTURES, assert_lines_kept, assert_offsets_true


def md(source: str, **kw):
    return load_text(source, path="essais/article.md", fmt="md", lang=kw.pop("lang", "fr"), **kw)


def kept(source: str) -> str:
    """The text with runs of blanks collapsed: what the prose reads like."""
    return " ".join(md(source).text.split())


def test_markdown_front_matter_fields():
    a = md("---\ntitle: Le titre\nsource: La Gazette\ndate: 2024-03-01\nlang: en\nid: g-12\nauteur: Moi\n---\nThe text.\n")
    assert (a.title, a.source, a.date, a.lang, a.id) == ("Le titre", "La Gazette", dt.date(2024, 3, 1), "en", "g-12")
    assert a.meta["auteur"] == "Moi"


def test_markdown_front_matter_blanked_same_length():
    source = "---\ntitle: T\n---\nLe texte.\n"
    a = md(source)
    assert len(a.text) == len(source) and a.offset == 0
    assert a.text == "   \n        \n   \nLe texte.\n"


@pytest.mark.parametrize(
    "value, expected",
    [("2024-03-01", dt.date(2024, 3, 1)), ("'2024-03-01'", dt.date(2024, 3, 1)),
     ("2024-03-01T10:00:00+01:00", dt.date(2024, 3, 1)), ("", None)],
)
def test_markdown_front_matter_date_forms(value, expected):
    assert md(f"---\ndate: {value}\n---\nTexte.\n").date == expected


def test_markdown_front_matter_empty_block():
    assert md("---\n---\nTexte.\n").title == ""


def test_markdown_id_defaults_to_stem():
    assert md("Texte.").id == "article"


@pytest.mark.parametrize(
    "source, expected",
    [
        ("# Titre 2024\n", "Titre 2024"),
        ("### Titre ###\n", "Titre"),
        ("#5 mondial\n", "#5 mondial"),
        ("> Citation de 12 mots.\n", "Citation de 12 mots."),
        ("> > Imbriquée 3.\n", "Imbriquée 3."),
        ("Titre\n=====\n", "Titre"),
        ("Avant\n\n---\n\nAprès\n", "Avant Après"),
    ],
)
def test_markdown_block_marks_blanked(source, expected):
    assert kept(source) == expected


def test_markdown_title_from_first_heading_without_front_matter():
    assert md("Intro.\n\n# Le **grand** titre\n\n## Sous-titre\n").title == "Le grand titre"


def test_markdown_front_matter_title_wins_over_heading():
    assert md("---\ntitle: Déclaré\n---\n# Rubrique\n").title == "Déclaré"


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Un *mot* et un **autre** et ***trois***.", "Un mot et un autre et trois ."),
        ("Un _mot_ et __deux__.", "Un mot et deux ."),
        ("Le ~~faux~~ vrai.", "Le faux vrai."),
        ("Soit 5 * 3 = 15.", "Soit 5 * 3 = 15."),
        ("La variable snake_case_name reste.", "La variable snake_case_name reste."),
        ("Environ ~5 % des votes.", "Environ ~5 % des votes."),
        (r"Un \*littéral\* et \_ aussi.", "Un *littéral * et _ aussi."),
    ],
)
def test_markdown_emphasis_runs(source, expected):
    assert kept(source) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        ("- un\n- deux\n", "un deux"),
        ("* un\n+ deux\n", "un deux"),
        ("1. un\n2) deux\n", "un deux"),
        ("- [ ] tâche\n- [x] faite\n", "tâche faite"),
        ("- liste\n  1. imbriquée\n", "liste imbriquée"),
        ("2023. Une année record.\n", "2023. Une année record."),
        ("La hausse atteint\n+ 5 % en un an.\n", "La hausse atteint + 5 % en un an."),
        ("Le score\n- 3 points.\n", "Le score - 3 points."),
    ],
)
def test_markdown_list_markers(source, expected):
    assert kept(source) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Voir [le rapport](https://ex.fr/r).", "Voir le rapport ."),
        ('Voir [le rapport](https://ex.fr/a_(b)_c "Titre (2024)").', "Voir le rapport ."),
        ("Voir [le [vrai] rapport](<https://ex.fr/a b>).", "Voir le [vrai] rapport ."),
        ("Voir [le rapport][r].\n\n[r]: https://ex.fr/r\n", "Voir le rapport ."),
        ("Voir [le rapport].\n\n[Le  Rapport]: https://ex.fr/r\n", "Voir le rapport ."),
        ("Une image ![20 bateaux](img.png) ici.", "Une image ici."),
        ("Lien image [![logo](l.png)](https://ex.fr) fin.", "Lien image fin."),
        ("Voir <https://ex.fr/12> ou <moi@ex.fr>.", "Voir ou ."),
        ("Un fait[^1] sourcé.\n\n[^1]: La source 2.\n", "Un fait sourcé. La source 2."),
        ("Un [sic] reste.", "Un [sic] reste."),
        ("Un [lien cassé](https://ex.fr reste.", "Un [lien cassé](https://ex.fr reste."),
    ],
)
def test_markdown_links_keep_text_only(source, expected):
    assert kept(source) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Un `code 42` ici.", "Un ici."),
        ("Un ``code ` 42`` ici.", "Un ici."),
        ("Avant\n\n```python\nx = 99\n```\n\nAprès\n", "Avant Après"),
        ("Avant\n\n~~~~\n~~~\n99\n~~~~\nAprès\n", "Avant Après"),
        ("Avant\n\n```\n99 jamais fermé\n", "Avant"),
        ("Avant <!-- 12 caché --> après.", "Avant après."),
        ("Avant\n<!--\n12 caché\n-->\naprès.", "Avant après."),
        ('Un <span class="x">mot</span> et <b>gras</b><br/>.', "Un mot et gras ."),
        ("Avant <script>var n = 12;</script> après.", "Avant après."),
        ("Si x<y et y>z, alors 2 < 3 et <bateau>.", "Si x<y et y>z, alors 2 < 3 et <bateau>."),
    ],
)
def test_markdown_code_and_html_blanked(source, expected):
    assert kept(source) == expected


def test_markdown_table_pipes_blanked():
    source = "| Ville | Maisons |\n|-------|--------:|\n| Le Mans | 1 200 |\n\nSécurité | saisies : 5 kg.\n"
    assert kept(source) == "Ville Maisons Le Mans 1 200 Sécurité | saisies : 5 kg."


def test_markdown_crlf_kept():
    source = "---\r\ntitle: T\r\n---\r\n# Titre\r\n\r\nUn *mot*.\r\n"
    a = md(source)
    assert a.title == "T"
    assert a.text.endswith("\r\n\r\nUn  mot .\r\n")
    assert_lines_kept(a)


def test_markdown_bom_dropped():
    a = md("\ufeff---\ntitle: T\n---\nTexte.\n")
    assert a.title == "T" and a.file_text.startswith("---") and a.meta["bom"] is True


def test_markdown_offsets_point_into_file():
    a = md("---\ntitle: T\n---\n# Le **budget** atteint [12 M€](https://x.fr).\n")
    i = a.text.index("12 M€")
    assert a.file_text[a.offset + i : a.offset + i + 5] == "12 M€"


# ---------------------------------------------------------------- suppressions


def sup(source: str) -> list[tuple[str, list[str]]]:
    a = md(source)
    return [(a.file_text[s["start"] : s["end"]], s["rules"]) for s in a.meta["suppressions"]]


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<!-- factcheck: ignore FC101 fc102 -->\nUn 10.\nDeux 11.\n\nTrois 12.\n", [("Un 10.\nDeux 11.", ["FC101", "FC102"])]),
        ("<!-- factcheck: ignore -->\n\nUn 10.\n", [("Un 10.", [])]),
        ("<!-- factcheck: ignore FC101, FC102 -->\nUn 10.\n", [("Un 10.", ["FC101", "FC102"])]),
        ("<!-- factcheck: ignore FC101 -->\n# Titre 3\nTexte 4.\n", [("Titre 3", ["FC101"])]),
        ("<!-- factcheck: ignore FC101 -->\n<!-- factcheck: ignore FC102 -->\nUn 10.\n", [("Un 10.", ["FC101"]), ("Un 10.", ["FC102"])]),
        ("Avant.\n<!-- factcheck: off -->\nUn 10.\n<!-- factcheck: on -->\nAprès.\n", [("\nUn 10.\n", [])]),
        ("Avant.\n<!-- factcheck: off FC201 -->\nUn 10.\n", [("\nUn 10.\n", ["FC201"])]),
        ("<!--factcheck:ignore FC101-->Un 10.", [("Un 10.", ["FC101"])]),
        ("<!-- factcheck: on -->\nUn 10.\n", []),
        ("Un 10.\n<!-- factcheck: ignore FC101 -->\n", []),
        ("<!-- une note -->\nUn 10.\n", []),
        ("```\n<!-- factcheck: off -->\n```\nUn 10.\n", []),
        ("Voir `<!-- factcheck: off -->`.\nUn 10.\n", []),
    ],
)
def test_markdown_suppression_ranges(source, expected):
    assert sup(source) == expected


def test_markdown_suppressed_prose_kept_comment_blanked():
    a = md("<!-- factcheck: ignore FC101 -->\nUn 10.\n")
    assert a.text == " " * 32 + "\nUn 10.\n"


def test_markdown_suppression_ignores_code_inside_comment():
    assert sup("<!-- factcheck: ignore `FC101` -->\nUn 10.\n") == [("Un 10.", ["FC101"])]


@pytest.mark.parametrize(
    "source, fragment",
    [
        ("Un.\n\n<!-- factcheck: ignroe FC101 -->\nDeux.\n", "essais/article.md:3: unknown factcheck command 'ignroe'"),
        ("<!-- factcheck: -->\nDeux.\n", "essais/article.md:1: empty factcheck comment"),
        ("<!-- factcheck: ignore FC1!01 -->\nDeux.\n", "bad rule id 'FC1!01'"),
        ("<!-- factcheck: on FC101 -->\nDeux.\n", "'factcheck: on' takes no rule ids"),
    ],
)
def test_markdown_suppression_bad_comment_is_input_error(source, fragment):
    with pytest.raises(InputError, match=None) as info:
        md(source)
    assert fragment in str(info.value)


def test_markdown_fixture_file():
    (a,) = load_file(FIXTURES / "inondation" / "a-alerte.md")
    assert a.title.startswith("Inondations") and a.meta["tags"] == ["crue", "météo"]
    assert "évacué 35 familles" in a.text and "vigicrues.gouv" not in a.text and "carte.png" not in a.text
    assert a.meta["suppressions"][0]["rules"] == ["FC101"]
    assert_offsets_true(a)
    assert_lines_kept(a)


# ---------------------------------------------------------------- property

MD_TOKENS = [
    "a", "é", "1", " ", "\n", "\r\n", "\t", "*", "**", "_", "~~", "~", "`", "```", "#", "# ", ">", "- ", "+ ",
    "1. ", "[", "]", "(", ")", "](", "![", "<", ">", "<!--", "-->", "<b>", "</span>", "\\", "|", "---",
    "&amp;", "http://x.fr/a_b", "[^1]", "[x]: y", ":", "\"", "<!-- factcheck: ignore FC1 -->",
    "<!-- factcheck: off -->", "<!-- factcheck: on -->", "\ufeff",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MD_TOKENS), min_size=1, max_size=60).map("".join))
def test_markdown_offsets_property(source):
    try:
        a = md(source)
    except InputError:
        reject()
    assert len(a.text) == len(a.file_text)
    assert_offsets_true(a)
    assert_lines_kept(a)
    for s in a.meta["suppressions"]:
        assert 0 <= s["start"] <= s["end"] <= len(a.file_text)
