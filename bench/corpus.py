"""A synthetic French press corpus for benchmarks, deterministic for a given seed.

Stories (one event, several outlets) made of articles of about 300–500 words, built by
recombining sentence templates: numbers in press formats (``26 000``, ``26.000``,
``5,4 kg``, ``8 300 €``, ``12 %``, ``1,5 million``), number words (``cinquante``,
``une vingtaine``), dates, names, places. Roughly 40–45 % of sentences carry a number,
the rest do not, as in real reporting.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

PLACES = ["Alençon", "Le Mans", "Laval", "Caen", "Rouen", "Rennes", "Nantes", "Angers", "Tours", "Brest",
          "Lorient", "Vannes", "Cherbourg", "Lisieux", "Évreux", "Chartres", "Dreux", "Argentan", "Flers",
          "Saint-Lô", "Granville", "Mayenne", "Sablé-sur-Sarthe", "La Flèche", "Quimper", "Morlaix"]
REGIONS = ["l'Orne", "la Sarthe", "la Mayenne", "le Calvados", "la Manche", "l'Eure", "le Finistère",
           "le Morbihan", "l'Ille-et-Vilaine", "la Loire-Atlantique", "le Maine-et-Loire"]
FIRST = ["Jean", "Marie", "Pierre", "Sophie", "Luc", "Claire", "Nicolas", "Isabelle", "Thomas", "Camille",
         "Julien", "Nathalie", "Antoine", "Élodie", "François", "Aurélie", "Mathieu", "Hélène", "Karim", "Leïla"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"]
ROLES = ["le préfet", "la procureure de la République", "le maire", "la directrice de l'hôpital",
         "le commandant de gendarmerie", "le président du conseil départemental", "la porte-parole des pompiers",
         "le directeur départemental de la sécurité publique", "l'adjointe aux finances", "le syndicaliste"]
OUTLETS = ["Ouest-Éclair", "Le Courrier du Bocage", "Télé Bocage Info", "La Gazette de l'Ouest",
           "Radio Sarthe", "Le Petit Normand", "L'Écho de la Mayenne", "France Région", "Le Quotidien du Maine",
           "Breizh Actu"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_ELISION = re.compile(r"\bde (?=[AEIOUÉÈÀaeioué]\w)")
WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix",
         12: "douze", 15: "quinze", 20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante",
         80: "quatre-vingts", 100: "cent", 150: "cent cinquante", 200: "deux cents", 300: "trois cents",
         1000: "mille", 3000: "trois mille"}
ABOUT = {10: "une dizaine", 12: "une douzaine", 15: "une quinzaine", 20: "une vingtaine", 30: "une trentaine",
         40: "une quarantaine", 50: "une cinquantaine", 100: "une centaine", 1000: "un millier"}

# Sentences without any number: context, quotes, background. {P} place, {R} region, {N} name, {F} role.
PLAIN = [
    "Les habitants du quartier disent leur inquiétude face à une situation qui ne cesse de se dégrader.",
    "Interrogé par nos soins, {N} n'a pas souhaité s'exprimer davantage sur le sujet.",
    "« Nous faisons tout ce qui est en notre pouvoir », assure {F}, qui appelle chacun au calme.",
    "L'enquête a été confiée à la brigade de recherches de {P}, qui devra établir les responsabilités.",
    "Les associations locales réclament depuis longtemps des moyens supplémentaires pour le territoire.",
    "La situation reste tendue dans plusieurs communes du département, selon les élus de l'opposition.",
    "Sur place, les commerçants ont préféré baisser le rideau en attendant le retour au calme.",
    "Le dossier devrait être examiné lors du prochain conseil municipal, a indiqué {F}.",
    "Des riverains évoquent un sentiment d'abandon, loin des grandes métropoles.",
    "Les syndicats dénoncent un manque de concertation et promettent de rester mobilisés.",
    "La préfecture a rappelé que les consignes de sécurité devaient être strictement respectées.",
    "Selon une source proche du dossier, les investigations pourraient prendre encore plusieurs semaines.",
    "L'opposition municipale demande que toute la lumière soit faite sur cette affaire.",
    "« C'est du jamais-vu ici », confie {N}, qui habite le centre-ville de {P} depuis son enfance.",
    "Les services de l'État assurent suivre la situation de très près.",
    "Plusieurs témoins ont décrit une scène d'une grande violence, sans pouvoir identifier les auteurs.",
    "Le parquet n'a pas encore communiqué sur les suites judiciaires qui seront données.",
    "Les élus du département se disent prêts à travailler ensemble pour trouver des solutions durables.",
    "Pour beaucoup, cet épisode révèle des fragilités anciennes que personne n'a voulu voir.",
    "Les pompiers sont restés sur place une bonne partie de la nuit pour sécuriser les lieux.",
    "Dans les rues de {P}, la nouvelle a suscité une vive émotion.",
    "{N}, responsable associatif, regrette que les alertes répétées n'aient pas été entendues plus tôt.",
    "La ministre a promis de se rendre sur place dans les prochains jours, sans préciser de date.",
    "Les enquêteurs privilégient pour l'instant la piste d'un règlement de comptes.",
    "Rien ne permet à ce stade de relier ces faits à d'autres affaires, insiste {F}.",
    "La réunion publique organisée à la salle des fêtes a attiré un public nombreux et inquiet.",
]

# Sentences with numbers. Slots: {A}..{E} are numbers of the story's facts, rendered in varied formats.
NUMERIC = [
    "Les gendarmes ont saisi {Dkg} de cocaïne et {Eg} d'héroïne lors de la perquisition.",
    "Au total, {Apers} policiers ont été mobilisés pour l'opération, selon {F}.",
    "La commune de {P} compte environ {Chab} habitants, d'après le dernier recensement.",
    "Le budget de l'opération atteint {Beur}, dont {Epct} financés par l'État.",
    "Les manifestants étaient {Apers} selon les organisateurs, {Aalt} selon la police.",
    "Le chômage a reculé de {Epct} sur un an dans {R}, contre {Epct2} au niveau national.",
    "Quelque {Apers} personnes ont dû être évacuées et {Emin} d'entre elles ont été relogées.",
    "Le montant du préjudice est estimé à {Beur} par les assureurs.",
    "Les pluies ont atteint {Emm} en {Edays}, un record depuis {Yr}.",
    "La crue a touché {Chab} foyers répartis sur {Ekm} de berges.",
    "{N} a été condamné le {DATE} à {Emois} de prison, dont {Emin} avec sursis.",
    "L'hôpital de {P} affiche un déficit de {Beur} pour l'exercice {Yr}.",
    "Plus de {Apers} actions de police ont été menées depuis le début de l'année.",
    "Le {DATE}, {Apers} pompiers ont lutté contre l'incendie qui a détruit {Eha} de forêt.",
    "Le cargo transportait {Dt} de marchandises et {Emin} conteneurs ont été inspectés.",
    "La dose se négocie autour de {Eeur}, soit {Ewfois} fois moins qu'à Paris.",
    "Les travaux, estimés à {Beur}, doivent s'achever en {MONTH} {Yr}.",
    "Près de {Epct} des élèves de {P} sont concernés, soit {Chab} enfants.",
    "L'entreprise emploie {Apers} salariés sur son site de {P} et réalise un chiffre d'affaires de {Beur}.",
    "{Aabout} de véhicules ont été incendiés dans la nuit de {DAY} à {DAY2}.",
    "Le suspect, âgé de {Eage} ans, a été placé en garde à vue {DAY}.",
    "Le tronçon de {Ekm} restera fermé jusqu'au {DATE}.",
    "Entre {Yr} et {Yr2}, le nombre de cambriolages a augmenté de {Epct}.",
    "Les secours ont pris en charge {Ewsmall} blessés, dont un dans un état grave.",
    "La vitesse du vent a dépassé {Ekmh} sur le littoral, et {Chab} foyers ont été privés d'électricité.",
    "Une enveloppe de {Beur} a été débloquée, contre {Beur2} l'an dernier.",
    "Le prévenu transportait {Dkg} de résine de cannabis dans le coffre de sa voiture.",
    "Le centre d'hébergement de {P} accueille {Aabout} de personnes chaque soir pour {Ewsmall} agents.",
]


@dataclass
class Article:
    story: str
    name: str
    title: str
    source: str
    date: dt.date
    text: str

    def markdown(self) -> str:
        title = self.title.replace('"', "'")
        return (f"---\ntitle: \"{title}\"\nsource: \"{self.source}\"\ndate: {self.date.isoformat()}\nlang: fr\n---\n\n"
                f"{self.text}\n")


@dataclass
class Story:
    name: str
    articles: list[Article] = field(default_factory=list)


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _count(rng: random.Random, n: int) -> str:
    """A count of things in one of the press formats."""
    if n in ABOUT and rng.random() < 0.25:
        return ABOUT[n]
    if n in WORDS and rng.random() < 0.4:
        return WORDS[n]
    if n >= 1_000_000 and n % 100_000 == 0:
        return f"{n / 1e6:.1f}".replace(".", ",").replace(",0", "") + " millions"
    if n >= 1000:
        return _group(n, rng.choice([" ", " ", "\u202f", ".", ""]))
    return str(n)


def _money(rng: random.Random, n: int) -> str:
    if n >= 1_000_000 and rng.random() < 0.6:
        m = n / 1e6
        text = (f"{m:.1f}".replace(".", ",").rstrip("0").rstrip(","))
        return f"{text} million{'s' if m >= 2 else ''} d'euros" if rng.random() < 0.7 else f"{text} M€"
    body = _group(n, rng.choice([" ", "\u202f", "."]))
    return rng.choice([f"{body} euros", f"{body} €", f"{body}€", f"{body} EUR"])


def _decimal(x: float) -> str:
    return f"{x:g}".replace(".", ",")


class _Facts:
    """The facts of one story; articles quote them, sometimes with a different value."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.A = rng.choice([rng.randrange(12, 400), rng.choice([20, 30, 40, 50, 100, 150, 200, 300])])
        self.B = rng.choice([rng.randrange(2, 90) * 100_000, rng.randrange(5, 900) * 1000, rng.randrange(200, 9000)])
        self.C = rng.randrange(800, 120_000)
        self.D = rng.choice([rng.randrange(2, 900), rng.randrange(11, 99) / 10])
        self.E = rng.randrange(2, 60)
        self.year = rng.randrange(2015, 2025)

    def vary(self, x):
        """The same figure, as another outlet may report it: mostly equal, sometimes not."""
        r = self.rng.random()
        if r < 0.7:
            return x
        if isinstance(x, float):
            return round(x * self.rng.choice([0.9, 1.1, 1.5]), 1)
        return max(1, int(x * self.rng.choice([0.8, 0.9, 1.1, 1.25, 2])))


def _fill(rng: random.Random, template: str, facts: _Facts, pub: dt.date) -> str:
    def date(days_back: int) -> str:
        d = pub - dt.timedelta(days=days_back)
        day = "1er" if d.day == 1 else str(d.day)
        return f"{day} {MONTHS[d.month - 1]}" + (f" {d.year}" if rng.random() < 0.5 else "")

    small = rng.randrange(2, 12)
    values = {
        "P": rng.choice(PLACES), "R": rng.choice(REGIONS), "F": rng.choice(ROLES),
        "N": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "Apers": _count(rng, facts.vary(facts.A)), "Aalt": _count(rng, max(1, facts.A // rng.choice([2, 3]))),
        "Aabout": rng.choice(["Une vingtaine", "Une trentaine", "Une cinquantaine", "Une centaine",
                              "Une dizaine"]) if template.startswith("{Aabout}") else
        rng.choice(["une vingtaine", "une trentaine", "une centaine"]),
        "Beur": _money(rng, facts.vary(facts.B)), "Beur2": _money(rng, int(facts.B * rng.choice([0.5, 0.8, 1.2]))),
        "Chab": _count(rng, facts.vary(facts.C)),
        "Dkg": (_decimal(facts.vary(facts.D)) if isinstance(facts.D, float) else str(facts.vary(facts.D)))
        + rng.choice([" kg", " kilos", "kg", " kilogrammes"]),
        "Dt": _decimal(facts.vary(facts.D)) + rng.choice([" tonnes", " t"]) if isinstance(facts.D, float)
        else f"{facts.vary(facts.D)} tonnes",
        "Eg": f"{facts.E * 10} g" if rng.random() < 0.5 else f"{facts.E * 10} grammes",
        "Epct": rng.choice([f"{facts.E} %", f"{facts.E}%", f"{_decimal(facts.E + 0.5)} %",
                            f"{facts.E} pour cent"]),
        "Epct2": f"{_decimal(rng.randrange(10, 90) / 10)} %",
        "Emin": str(small) if rng.random() < 0.5 else WORDS.get(small, str(small)),
        "Emm": f"{facts.E * 3} mm" if rng.random() < 0.5 else f"{facts.E * 3} millimètres",
        "Edays": rng.choice(["48 heures", "24 heures", "trois jours", "une semaine", "deux jours"]),
        "Ekm": rng.choice([f"{facts.E} km", f"{facts.E} kilomètres", f"{_decimal(facts.E / 10)} km"]),
        "Ekmh": f"{facts.E + 90} km/h",
        "Emois": rng.choice([f"{facts.E % 36 + 2} mois", f"{facts.E % 8 + 1} ans", "un an et demi"]),
        "Eha": rng.choice([f"{facts.E * 10} hectares", f"{facts.E * 10} ha"]),
        "Eeur": rng.choice([f"{facts.E} euros", f"{facts.E} €", f"{facts.E}€"]),
        "Ewfois": WORDS.get(small, "quatre"),
        "Ewsmall": WORDS.get(small, str(small)),
        "Eage": str(rng.randrange(16, 70)),
        "Yr": str(facts.year), "Yr2": str(facts.year + rng.randrange(1, 6)),
        "DATE": date(rng.randrange(0, 40)), "DAY": rng.choice(DAYS), "DAY2": rng.choice(DAYS),
        "MONTH": rng.choice(MONTHS),
    }
    return _ELISION.sub("d'", template.format(**values))


def _paragraphs(rng: random.Random, sentences: list[str]) -> str:
    out, para = [], []
    for s in sentences:
        para.append(s)
        if len(para) >= rng.randrange(3, 6):
            out.append(" ".join(para))
            para = []
    if para:
        out.append(" ".join(para))
    if len(out) > 3:  # a Markdown subheading, as press sites have
        out.insert(len(out) // 2, "## " + rng.choice(["Une situation inédite", "Des moyens en hausse",
                                                       "Les habitants inquiets", "Un dossier sensible"]))
    return "\n\n".join(out)


def generate(n_stories: int, per_story: int, seed: int = 1234) -> list[Story]:
    """``n_stories`` stories of ``per_story`` articles each (deterministic for a seed)."""
    rng = random.Random(seed)
    stories = []
    for si in range(n_stories):
        facts = _Facts(rng)
        base = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 5 * 365))
        place = rng.choice(PLACES)
        story = Story(name=f"story-{si:04d}")
        for ai in range(per_story):
            pub = base + dt.timedelta(days=rng.randrange(0, 5))
            target_words = rng.randrange(300, 501)
            sentences, words = [], 0
            while words < target_words:
                numeric = rng.random() < 0.42
                template = rng.choice(NUMERIC if numeric else PLAIN)
                s = _fill(rng, template, facts, pub)
                s = s[0].upper() + s[1:]
                sentences.append(s)
                words += len(s.split())
            title = f"À {place}, " + rng.choice(["l'enquête se poursuit", "la colère monte", "un bilan lourd",
                                                   "les chiffres qui inquiètent", "l'État promet des moyens"])
            story.articles.append(Article(story=story.name, name=f"{chr(97 + ai % 26)}{ai // 26 or ''}-article.md",
                                          title=title, source=rng.choice(OUTLETS), date=pub,
                                          text=_paragraphs(rng, sentences)))
        stories.append(story)
    return stories


def articles(n: int, seed: int = 1234, per_story: int = 10) -> list[Article]:
    """``n`` articles (the first ``n`` of ``ceil(n / per_story)`` stories)."""
    stories = generate(-(-n // per_story), per_story, seed)
    return [a for s in stories for a in s.articles][:n]


def write(stories: list[Story], root) -> list[str]:
    """Write stories as ``root/<story>/<article>.md``; returns the story folders."""
    import pathlib

    root = pathlib.Path(root)
    dirs = []
    for story in stories:
        d = root / story.name
        d.mkdir(parents=True, exist_ok=True)
        for a in story.articles:
            (d / a.name).write_text(a.markdown(), encoding="utf-8")
        dirs.append(str(d))
    return dirs


def feed(n: int, seed: int = 1234) -> list[dict]:
    """A wire feed of ``n`` one-sentence items about as many events (JSON Lines records)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        facts = _Facts(rng)
        pub = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 5 * 365))
        text = _fill(rng, rng.choice(NUMERIC), facts, pub)
        out.append({"id": f"wire-{i:05d}", "text": text[0].upper() + text[1:], "date": pub.isoformat(),
                    "source": rng.choice(OUTLETS), "lang": "fr"})
    return out
