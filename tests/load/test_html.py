"""HTML: trafilatura's main text kept at its file offsets, everything else blanked."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.load import html as html_format
from factcheck.load import folder_story, load_file, load_text

from .conftest import FIXTURES, assert_lines_kept, assert_offsets_true

PARAGRAPHS = (
    "<p>Le conseil municipal a voté mardi un budget de 48 millions d'euros, en hausse de 3 % sur un an.</p>\n"
    "<p>La dette de la commune atteint désormais 112 millions d'euros, selon le rapport de la chambre régionale.</p>\n"
    "<p>Le maire a promis que les impôts locaux n'augmenteraient pas avant 2026, malgré l'inflation.</p>\n"
)


def page(body: str, head: str = "<title>Budget</title>", lang: str = "fr") -> str:
    return f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>{head}</head>\n<body>\n{body}\n</body>\n</html>\n"


def load(source: str, **kw):
    return load_text(source, path="site/page.html", fmt="html", **kw)


def words(article) -> str:
    return " ".join(article.text.split())


@pytest.fixture(scope="module")
def fixture_page():
    (a,) = load_file(FIXTURES / "inondation" / "b-page.html")
    return a


def test_html_main_text_kept(fixture_page):
    assert "480 foyers de la vall" in fixture_page.text
    assert "intervenus 62 fois depuis lundi" in fixture_page.text
    assert fixture_page.meta["main_text"] == "trafilatura"


@pytest.mark.parametrize("boilerplate", ["Accueil", "Sport", "15 000 visiteurs", "Tous droits", "123456", "300px"])
def test_html_boilerplate_blanked(fixture_page, boilerplate):
    assert boilerplate not in fixture_page.text


def test_html_metadata(fixture_page):
    a = fixture_page
    assert (a.title, a.source, a.date, a.lang, a.id, a.story) == (
        "Crue de l'Orvane : 480 foyers sans courant", "Orvane Matin", dt.date(2024, 2, 7), "fr", "b-page", folder_story(FIXTURES / "inondation" / "b-page.html"),
    )


def test_html_offsets_true(fixture_page):
    assert len(fixture_page.text) == len(fixture_page.file_text)
    assert_offsets_true(fixture_page, escapes="&")
    assert_lines_kept(fixture_page)


def test_html_claim_offset_points_into_file(fixture_page):
    i = fixture_page.text.index("62 fois")
    assert fixture_page.file_text[i : i + 7] == "62 fois"


@pytest.mark.parametrize(
    "entity, decoded",
    [("&eacute;", "é"), ("&#233;", "é"), ("&#xE9;", "é"), ("&#XE9;", "é"), ("&nbsp;", "\xa0"),
     ("&rsquo;", "’"), ("&amp;", "&"), ("&eacute", "é"), ("&#39;", "'")],
)
def test_html_entity_decoded_in_place(entity, decoded):
    source = page(f"<p>Un caf{entity}x de 12 euros.</p>")
    (a,) = [load(source, lang="fr")]
    i = source.index(entity)
    assert a.text[i : i + len(entity)] == decoded + " " * (len(entity) - len(decoded))


@pytest.mark.parametrize("text", ["&unknown; reste", "AT&T reste", "a & b reste"])
def test_html_non_entity_ampersand_kept(text):
    a = load(page(f"<p>{text}</p>"), lang="fr")
    assert text in a.text


def test_html_tags_and_attributes_blanked():
    a = load(page('<p class="x" data-n="99">Texte <b>gras</b> de <a href="/a?b=7">12 mots</a>.</p>'), lang="fr")
    assert words(a) == "Texte gras de 12 mots ."


@pytest.mark.parametrize(
    "hidden",
    ["<script>var n = 99;</script>", "<style>p { width: 99px }</style>", "<!-- 99 caché -->",
     "<noscript>Activez 99</noscript>", "<template><p>99 gabarit</p></template>", "<svg><text>99</text></svg>"],
)
def test_html_non_text_content_blanked(hidden):
    a = load(page(hidden + PARAGRAPHS), lang="fr")
    assert "99" not in a.text and "48 millions" in a.text


def test_html_head_blanked():
    a = load(page(PARAGRAPHS, head="<title>Titre 77</title><meta name='x' content='88'>"), lang="fr")
    assert "77" not in a.text and "88" not in a.text


def test_html_title_from_title_tag():
    assert load(page(PARAGRAPHS, head="<title> Le  budget &amp; la dette </title>")).title == "Le budget & la dette"


def test_html_title_from_h1_without_title_tag():
    assert load(page("<h1>Le <em>vrai</em> titre</h1>" + PARAGRAPHS, head="")).title == "Le vrai titre"


@pytest.mark.parametrize(
    "meta, expected",
    [
        ('<meta property="article:published_time" content="2024-03-05T09:00:00Z">', dt.date(2024, 3, 5)),
        ('<meta name="date" content="2024-03-06">', dt.date(2024, 3, 6)),
        ('<meta name="DC.date.issued" content="2024-03-07">', dt.date(2024, 3, 7)),
        ("", None),
    ],
)
def test_html_date_from_meta(meta, expected):
    assert load(page(PARAGRAPHS, head=f"<title>T</title>{meta}")).date == expected


def test_html_invalid_meta_date_is_not_an_error():
    a = load(page(PARAGRAPHS, head='<title>T</title><meta name="date" content="2024-02-30">'))
    assert a.date is None or isinstance(a.date, dt.date)  # ignored here; trafilatura may offer its own guess


@pytest.mark.parametrize("declared, expected", [("fr", "fr"), ("en-GB", "en"), ("fr_FR", "fr")])
def test_html_lang_attribute(declared, expected):
    assert load(page(PARAGRAPHS, lang=declared)).lang == expected


def test_html_lang_attribute_unsupported_is_language_error():
    with pytest.raises(InputError, match=r"^site/page\.html: language 'de' is not supported \(supported: fr, en\)$"):
        load(page(PARAGRAPHS, lang="de"))


def test_html_lang_argument_overrides_attribute():
    assert load(page(PARAGRAPHS, lang="en"), lang="fr").lang == "fr"


def test_html_falls_back_to_all_visible_text(monkeypatch):
    monkeypatch.setattr(html_format, "_trafilatura", lambda source: {})
    a = load(page("<nav>Menu 5</nav>" + PARAGRAPHS), lang="fr")
    assert "Menu 5" in a.text and "48 millions" in a.text and a.meta["main_text"] == "all"


def test_html_trafilatura_failure_falls_back(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("parser crashed")

    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    a = load(page(PARAGRAPHS), lang="fr")
    assert a.meta["main_text"] == "all" and "48 millions" in a.text


def test_html_unlocatable_main_text_falls_back(monkeypatch):
    monkeypatch.setattr(html_format, "_trafilatura", lambda source: {"text": "Rien de tout cela."})
    assert load(page(PARAGRAPHS), lang="fr").meta["main_text"] == "all"


def test_html_list_items_and_cells_located(monkeypatch):
    monkeypatch.setattr(
        html_format, "_trafilatura", lambda source: {"text": "- Premier point : 30 routes\n| Ville | 1 200 |"}
    )
    a = load(page("<nav>Menu</nav><ul><li>Premier point : 30 routes</li></ul><table><tr><td>Ville</td><td>1 200</td></tr></table>"), lang="fr")
    assert words(a) == "Premier point : 30 routes Ville 1 200"


def test_html_whitespace_insensitive_mapping(monkeypatch):
    monkeypatch.setattr(html_format, "_trafilatura", lambda source: {"text": "Un texte coupé sur deux lignes."})
    a = load(page("<nav>Menu</nav>\n<p>Un texte\n   coupé sur <i>deux</i>\n lignes.</p>"), lang="fr")
    assert words(a) == "Un texte coupé sur deux lignes."
    assert_lines_kept(a)


def test_html_crlf_kept():
    source = page(PARAGRAPHS).replace("\n", "\r\n")
    a = load(source, lang="fr")
    assert_lines_kept(a)
    assert_offsets_true(a, escapes="&")


def test_html_no_visible_text_is_input_error():
    with pytest.raises(InputError, match=r"^site/page\.html: no article text \(no visible text in the page\)"):
        load(page("<script>var a = 1;</script><img src='x.png'>"), lang="fr")


def test_html_unclosed_tags_and_lone_brackets():
    a = load("<p>Un score de 3 < 5 et 7 > 2 <b", lang="fr")
    assert "3 < 5 et 7 > 2" in a.text


# ---------------------------------------------------------------- property

HTML_TOKENS = [
    "a", "é", "9", " ", "\n", "\r\n", "<p>", "</p>", "<b>", "<br/>", '<a href="x>y">', "</a>", "<", ">", "&",
    "&amp;", "&eacute;", "&eacute", "&#233;", "&#x1F600;", "&#0;", "&#99999999;", "&notit;", "<!--", "-->",
    "<script>", "</script>", "<style>", "<head>", "</head>", "<body>", "<title>", "</title>", "<!DOCTYPE html>",
    "<?xml?>", "'", '"', "<h1>", "</h1>", "<html lang=\"fr\">", "Le budget atteint 12 millions d'euros.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(HTML_TOKENS), min_size=1, max_size=40).map("".join))
def test_html_offsets_property(source):
    try:
        a = load(source, lang="fr")
    except InputError:
        reject()
    assert len(a.text) == len(a.file_text)
    assert_offsets_true(a, escapes="&")
    assert_lines_kept(a)
