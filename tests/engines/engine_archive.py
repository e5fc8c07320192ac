"""A small archive for the engine tests (sentences written for the tests), and store comparison."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

FR_EVENTS = [
    ("crue-de-l-orne", "Crue de l'Orne", "Les pompiers ont évacué {n} habitants à Argentan. La rivière est montée "
     "de {m} mètres en deux jours. Selon la préfecture, {k} maisons ont été inondées mardi."),
    ("budget-de-laval", "Budget de Laval", "Le conseil municipal de Laval a voté un budget de {n} millions d'euros. "
     "La dette baisse de {m} % sur un an, a indiqué l'adjointe aux finances. {k} agents seront recrutés."),
    ("saisie-au-havre", "Saisie au Havre", "Les douaniers ont saisi {n} kg de cocaïne dans un conteneur de bananes "
     "au Havre. {m} dockers ont été interpellés jeudi. La drogue est estimée à {k} millions d'euros."),
]
EN_EVENTS = [
    ("harbour-fire", "Fire at Fairhaven harbour", "Firefighters fought a blaze at Fairhaven harbour for {m} hours on "
     "Monday. About {n} people were evacuated and {k} boats were damaged, the coastguard said."),
    ("school-budget", "Riverton school budget", "Riverton council approved a school budget of {n} million dollars. "
     "Class sizes will fall by {m} % and {k} teachers will be hired, officials said."),
]


def write_archive(root: Path) -> list[Path]:
    """18 Markdown articles in 5 story folders, a JSON Lines feed of 3 records and a note with a
    suppression comment: 22 articles in 20 files, French and English."""
    files = []
    for events, lang in ((FR_EVENTS, "fr"), (EN_EVENTS, "en")):
        for e, (folder, title, body) in enumerate(events):
            for i in range(4 if lang == "fr" else 3):
                path = root / folder / f"{folder}-{i}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                text = body.format(n=120 + 10 * e + (i == 2), m=3 + i % 2, k=40 + e)
                path.write_text(f"---\ntitle: {title} ({i})\nsource: Outlet {i}\ndate: 2024-03-{10 + i:02d}\n"
                                f"lang: {lang}\n---\n\n{text}\n", encoding="utf-8")
                files.append(path)
    feed = root / "feeds" / "wire.jsonl"
    feed.parent.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": "w1", "title": "Crue de l'Orne", "date": "2024-03-12", "lang": "fr", "story": "crue-de-l-orne",
         "text": "À Argentan, 125 habitants ont été évacués et 41 maisons inondées."},
        {"id": "w2", "date": "2024-03-12", "lang": "en", "text": "A 12 km traffic jam formed near Riverton."},
        {"id": "w3", "date": "2024-03-13", "lang": "fr", "text": "Le prix du gazole a atteint 1,89 euro le litre."},
    ]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    files.append(feed)
    note = root / "crue-de-l-orne" / "note.md"
    note.write_text("---\ntitle: Crue de l'Orne, le point\ndate: 2024-03-14\nlang: fr\n---\n\n"
                    "<!-- factcheck: ignore rounding -->\nEnviron 130 personnes ont été relogées.\n\n"
                    "Les dégâts sont estimés à 2,5 millions d'euros.\n", encoding="utf-8")
    files.append(note)
    return files


def dump(store_path: Path) -> dict[str, list[tuple]]:
    """Every row the store holds, in order, but the time each file was indexed."""
    conn = sqlite3.connect(store_path)
    try:
        return {
            "files": conn.execute("SELECT path, label, hash, size, fingerprint, lang_option, articles, source "
                                  "FROM files ORDER BY rowid").fetchall(),
            "articles": conn.execute("SELECT * FROM articles ORDER BY rowid").fetchall(),
            "claims": conn.execute("SELECT * FROM claims ORDER BY article, seq").fetchall(),
        }
    finally:
        conn.close()


def assert_same_store(a: Path, b: Path) -> None:
    """Same files, articles (stories included) and claims, as rows and as the values the store gives back."""
    from factcheck.store import ClaimStore

    rows_a, rows_b = dump(a), dump(b)
    for table in rows_a:
        assert len(rows_a[table]) == len(rows_b[table]), table
        for x, y in zip(rows_a[table], rows_b[table]):
            assert x == y, table
    with ClaimStore.open(a, readonly=True) as sa, ClaimStore.open(b, readonly=True) as sb:
        assert sa.articles() == sb.articles()
        assert sa.claims() == sb.claims()
        assert sa.stories() == sb.stories()
        assert [c.id for c in sa.claims()] == [c.id for c in sb.claims()]
