"""Tiny generated articles for the claim store tests (sentences written for the tests)."""

from __future__ import annotations

from pathlib import Path


def article_text(story: int, i: int, version: int = 0) -> str:
    """A short dated French article with four claims (two counts, a length, a duration)."""
    return (f"---\ntitle: Crue numéro {story}\ndate: 2024-01-{1 + i % 28:02d}\nlang: fr\n---\n\n"
            f"Les pompiers ont évacué {20 + story + version} habitants de la commune. "
            f"La rivière est montée de {3 + i % 5} mètres en deux jours.\n\n"
            f"Selon la préfecture, {100 + i} maisons ont été inondées.\n")


def write_articles(root: Path, stories: int, per_story: int) -> list[Path]:
    files = []
    for s in range(stories):
        folder = root / f"crue-{s:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per_story):
            path = folder / f"a{i}.md"
            path.write_text(article_text(s, i), encoding="utf-8")
            files.append(path)
    return files
