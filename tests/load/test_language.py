"""Language: declared codes normalised to fr/en, otherwise a stop-word guess."""

from __future__ import annotations

import pytest

from factcheck.errors import InputError, LanguageError
from factcheck.load import detect_language, load_text
from factcheck.load.language import normalize_lang

FRENCH = [
    "Plus de 80 policiers ont pris part à l'opération.",
    "Le maire a annoncé une hausse de 3 % du budget.",
    "L'hôpital n'a pas reçu les 3 millions promis par l'État.",
    "Selon la préfecture, 480 foyers sont toujours privés d'électricité dans la vallée.",
    "Il y a eu des blessés.",
    "LA CRUE DE LA SARTHE A ATTEINT SON PIC CE MATIN.",
]
ENGLISH = [
    "Police seized 720 g of heroin.",
    "The flood hit 1,200 homes, the prefecture said.",
    "It's been a record year for the port's customs officers.",
    "Five men were arrested in a coordinated operation across the region.",
    "THE MAYOR SAID TAXES WOULD NOT RISE.",
]
OTHERS = [
    ("El gobierno anunció que los precios de la energía bajarán en un 10 por ciento.", "es"),
    ("Il governo ha annunciato che i prezzi dell'energia scenderanno del 10 per cento.", "it"),
    ("Die Regierung hat angekündigt, dass die Preise um 10 Prozent sinken werden.", "de"),
    ("O governo anunciou que os preços da energia vão cair 10 por cento.", "pt"),
    ("De regering heeft aangekondigd dat de prijzen met 10 procent dalen.", "nl"),
]


@pytest.mark.parametrize("sentence", FRENCH)
def test_language_french_sentence(sentence):
    assert detect_language(sentence) == "fr"


@pytest.mark.parametrize("sentence", ENGLISH)
def test_language_english_sentence(sentence):
    assert detect_language(sentence) == "en"


def test_language_whole_article():
    article = " ".join(FRENCH * 50) + " The end, he said."
    assert detect_language(article) == "fr"


def test_language_english_article_quoting_french():
    article = " ".join(ENGLISH * 3) + " « Nous avons évacué 35 familles », a dit le maire."
    assert detect_language(article) == "en"


@pytest.mark.parametrize("sentence, code", OTHERS)
def test_language_other_language_refused(sentence, code):
    with pytest.raises(LanguageError, match=rf"^the text looks like '{code}', which is not supported \(supported: fr, en\)"):
        detect_language(sentence)


@pytest.mark.parametrize("text", ["12 345 678", "Kestlemouth", "???", " "])
def test_language_no_cue_refused(text):
    with pytest.raises(LanguageError, match="^cannot tell whether the text is French or English; declare it"):
        detect_language(text)


def test_language_deterministic():
    text = "Le port a saisi 1,2 tonne de cocaïne, the agency said."
    assert {detect_language(text) for _ in range(20)} == {detect_language(text)}


def test_language_big_input():
    # speed is measured by `make bench`, not asserted here
    text = "Le maire a dit que le budget est en hausse. " * 200_000
    assert detect_language(text) == "fr"


@pytest.mark.parametrize(
    "code, expected",
    [("fr", "fr"), ("FR", "fr"), ("fr-FR", "fr"), ("fr_CA", "fr"), (" en ", "en"), ("en_GB", "en"),
     ("en-US", "en"), ("French", "fr"), ("français", "fr"), ("english", "en")],
)
def test_language_normalize_code(code, expected):
    assert normalize_lang(code) == expected


@pytest.mark.parametrize("code", ["de", "es-ES", "x", "", None, 12])
def test_language_normalize_unsupported(code):
    with pytest.raises(LanguageError, match=r"language .* is not supported \(supported: fr, en\)$"):
        normalize_lang(code, "a.md")


def test_language_error_is_input_error():
    assert issubclass(LanguageError, InputError)


def test_language_front_matter_beats_argument():
    assert load_text("---\nlang: en\n---\nLe texte français.\n", lang="fr").lang == "en"


def test_language_argument_beats_detection():
    assert load_text("The English text.", lang="fr").lang == "fr"


def test_language_detected_when_undeclared():
    assert load_text("The mayor said the budget would rise.").lang == "en"


def test_language_detected_on_prose_not_markup():
    source = "---\ntitle: The English title of the English page\nsource: The Times\n---\nLe maire a parlé.\n"
    assert load_text(source).lang == "fr"


@pytest.mark.parametrize(
    "source, message",
    [
        ("---\nlang: de\n---\nDer Text.\n", r"^a/b\.md: language 'de' is not supported \(supported: fr, en\)$"),
        ("Der Bürgermeister hat gesagt, dass die Steuern nicht steigen werden.", r"^a/b\.md: the text looks like 'de'"),
        ("12 345", r"^a/b\.md: cannot tell whether the text is French or English"),
    ],
)
def test_language_error_names_file(source, message):
    with pytest.raises(LanguageError, match=message):
        load_text(source, path="a/b.md")


def test_language_unsupported_argument():
    with pytest.raises(LanguageError, match=r"^language 'de' is not supported \(supported: fr, en\)$"):
        load_text("Le texte.", lang="de")
