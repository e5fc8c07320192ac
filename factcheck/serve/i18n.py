"""The desk's words in French and English: the article's language on a result page, else
the browser's ``Accept-Language``, else English."""

from __future__ import annotations

LANGS = ("en", "fr")

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "check": "Check a draft", "archive": "Archive", "decisions": "Decisions", "api": "API",
        "paste": "Paste the draft", "or_upload": "or upload a file (.md, .txt, .html, .docx) — or drop it on the text",
        "file_name": "File name (what a baseline matches)", "lang": "Language", "detect": "detect",
        "date": "Publication date", "title": "Title", "source": "Outlet", "run": "Check against the archive",
        "findings": "findings", "no_findings": "No contradiction with the archive.", "draft": "Draft",
        "archived": "Archive", "why": "Why the same fact", "confidence": "confidence", "rule": "Rule",
        "accept": "Accept (waiver)", "fixed": "Mark as fixed", "note": "Note", "reviewer": "Reviewer",
        "undo": "Undo", "accepted": "accepted", "fixed_done": "fixed", "by": "by",
        "stories": "Stories", "articles": "articles", "claims": "Claims", "value": "Value", "unit": "Unit",
        "subject": "Subject", "place": "Place", "time": "Time", "search": "Search claims", "min": "from",
        "max": "to", "index": "Index a folder", "folder": "Folder under the archive roots", "start": "Index",
        "baseline": "Export as baseline (YAML)", "baseline_json": "JSON", "recent": "Recent checks",
        "keyboard": "Keys: j / k next / previous finding", "login": "Log in", "token": "Access token",
        "checked_in": "checked in", "compared": "compared with", "no_story": "no story", "status": "Status",
        "when": "When", "message": "Finding", "error": "Error", "results": "results", "path": "Path",
        "jobs": "Index runs", "api_docs": "HTTP API",
    },
    "fr": {
        "check": "Vérifier un texte", "archive": "Archives", "decisions": "Décisions", "api": "API",
        "paste": "Collez le texte", "or_upload": "ou envoyez un fichier (.md, .txt, .html, .docx) — ou déposez-le sur le texte",
        "file_name": "Nom du fichier (ce que la liste d'exceptions reconnaît)", "lang": "Langue",
        "detect": "détecter", "date": "Date de publication", "title": "Titre", "source": "Média",
        "run": "Comparer aux archives", "findings": "alertes", "no_findings": "Aucune contradiction avec les archives.",
        "draft": "Texte", "archived": "Archives", "why": "Pourquoi le même fait", "confidence": "confiance",
        "rule": "Règle", "accept": "Accepter (exception)", "fixed": "Marquer corrigé", "note": "Note",
        "reviewer": "Relecteur", "undo": "Annuler", "accepted": "acceptée", "fixed_done": "corrigée", "by": "par",
        "stories": "Sujets", "articles": "articles", "claims": "Chiffres", "value": "Valeur", "unit": "Unité",
        "subject": "Sujet", "place": "Lieu", "time": "Date", "search": "Chercher des chiffres", "min": "de",
        "max": "à", "index": "Indexer un dossier", "folder": "Dossier sous les racines des archives",
        "start": "Indexer", "baseline": "Exporter les exceptions (YAML)", "baseline_json": "JSON",
        "recent": "Vérifications récentes", "keyboard": "Touches : j / k alerte suivante / précédente",
        "login": "Connexion", "token": "Jeton d'accès", "checked_in": "vérifié en", "compared": "comparé à",
        "no_story": "aucun sujet", "status": "État", "when": "Quand", "message": "Alerte", "error": "Erreur",
        "results": "résultats", "path": "Chemin", "jobs": "Indexations", "api_docs": "API HTTP",
    },
}


def pick(accept_language: str | None, article_lang: str | None = None) -> str:
    """The interface language: the article's when the desk speaks it, else the browser's first
    supported preference (by q-value), else English."""
    if article_lang in LANGS:
        return article_lang
    prefs = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        prefs.append((-q, i, tag.strip().lower()[:2]))
    for _, _, code in sorted(prefs):
        if code in LANGS:
            return code
    return "en"


def words(lang: str) -> dict[str, str]:
    return STRINGS.get(lang, STRINGS["en"])
