"""The load stage: files and folders → ``Article`` objects whose text keeps file offsets.

Public API: ``load_paths``, ``load_file``, ``load_text``, ``detect_language``. Anything
wrong with the input raises ``factcheck.errors.InputError`` (``LanguageError`` for an
unsupported language) with a one-line message naming the file.

Offsets are Python ``str`` indices into the file decoded as UTF-8 (or UTF-16/32 when a
byte order mark says so), line endings kept as they are; a byte order mark is dropped
before offset 0 (``meta["bom"]`` is then ``True``). Every article has ``meta["format"]``
and ``meta["suppressions"]`` (a list of ``{"start", "end", "rules"}`` file-offset ranges;
only Markdown comments create them).

Stories: an article belongs to the story of its folder, unless its front matter or JSON
object names one (``story``; then ``meta["story_declared"]`` is ``True``). The folder's
story is its path — relative to the working directory when inside it, else absolute —
so that two folders of the same name in different places are two stories. With the
configuration's ``story = "auto"``, ``factcheck.story`` regroups the articles that
declare no story by what they say. A JSON Lines line that names no story is a line of a
feed (``meta["feed"]``): the aligner compares it with the other articles of its story,
not with the other lines of feeds, which are as a rule about other events.

``load_paths(..., errors=[])`` goes on past a bad path: each problem is appended to the
list as an ``InputError`` (one per file or named path) and the rest is loaded, as a linter
reports every unreadable file and checks the others. Without ``errors`` the first problem
is raised.

Language: the file's own declaration (front matter ``lang``, the jsonl ``lang`` key) wins,
then the ``lang`` argument, then (HTML only) ``<html lang>``, then ``detect_language``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from factcheck.errors import InputError, LanguageError
from factcheck.load import frontmatter, html, jsonl, markdown
from factcheck.load import text as plain
from factcheck.load.language import detect_language, normalize_lang
from factcheck.load.reader import DEFAULT_MAX_BYTES, check_text, display_path, read_text, replace_surrogates
from factcheck.models import Article, LineIndex

__all__ = ["load_paths", "load_file", "load_text", "article_files", "SourceFile", "detect_language", "folder_story",
           "SUFFIXES", "DEFAULT_MAX_BYTES"]

SUFFIXES: dict[str, str] = {
    ".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
}
_FORMAT_ALIASES = {"md": "md", "markdown": "md", "txt": "txt", "text": "txt", "html": "html", "htm": "html"}
_SUFFIX_LIST = ", ".join(SUFFIXES)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article's text came from, as the user named it."""

    path: str  # Article.path: as given, forward slashes
    story: str  # the folder the file lives in, as a path (see ``folder_story``)
    stem: str  # file name without suffix: the default id
    bom: bool = False


@dataclass(frozen=True, slots=True)
class SourceFile:
    """An article file found under the paths the user gave."""

    file: Path       # the file to open
    label: PurePath  # the path as the user named it (``Article.path``)
    real: str        # its real path: a file reached twice is one file


def article_files(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    errors: list[InputError] | None = None,
) -> Iterator[SourceFile]:
    """The article files of files and folders (folders recursively, sorted, hidden entries
    skipped), in order, each once; lazily, so problems come in the order files are met.

    With an ``errors`` list, a path that cannot be walked is appended to it and skipped;
    without one, the first such problem is raised.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not paths:
        raise InputError("no input given; pass article files or folders")

    def problem(exc: InputError) -> None:
        if errors is None:
            raise exc
        errors.append(exc)

    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        label = display_path(given)
        if path.is_dir():
            try:
                files = _walk(path, problem)
            except InputError as exc:
                problem(exc)
                continue
            if not files:
                problem(InputError(
                    f"{label}: no articles found (looked for {_SUFFIX_LIST} files); "
                    "add articles or pass another folder"
                ))
                continue
        elif path.exists() or path.is_symlink():
            files = [PurePath()]
        else:
            problem(InputError(f"{label}: no such file or folder; check the path"))
            continue
        for rel in files:
            file = path / rel
            key = os.path.realpath(file)
            if key in seen:
                continue
            seen.add(key)
            yield SourceFile(file, PurePath(given) / rel, key)


def load_paths(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: list[InputError] | None = None,
) -> list[Article]:
    """Load files and folders (folders recursively, sorted, hidden entries skipped), in order.

    A file reached twice (named, and inside a named folder) is loaded once. With an
    ``errors`` list, a path or file that cannot be loaded is appended to it and skipped;
    without one, the first such problem is raised.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not paths:
        raise InputError("no input given; pass article files or folders")
    default = normalize_lang(lang) if lang else None
    articles: list[Article] = []
    for source in article_files(paths, errors):
        try:
            articles.extend(_load(source.file, source.label, default, max_bytes))
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return articles


def load_source(source: SourceFile, lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Load one file ``article_files`` found: one article, or one per line for ``.jsonl``."""
    return _load(source.file, source.label, normalize_lang(lang) if lang else None, max_bytes)


def load_file(
    path: str | os.PathLike[str], lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article]:
    """Load one file: one article, or one per line for ``.jsonl``."""
    default = normalize_lang(lang) if lang else None
    if Path(path).is_dir():
        raise InputError(f"{display_path(path)}: is a folder; use load_paths to read a folder")
    return _load(Path(path), PurePath(path), default, max_bytes)


def load_text(text: str, path: str = "<string>", fmt: str = "md", lang: str | None = None) -> Article:
    """Load an in-memory article (``fmt``: md, txt or html); same rules and errors as files."""
    kind = _FORMAT_ALIASES.get(fmt.lower().lstrip(".")) if isinstance(fmt, str) else None
    if kind is None:
        raise InputError(f"{path}: unknown format {fmt!r}; use md, txt or html (load_file reads .jsonl)")
    default = normalize_lang(lang) if lang else None
    label = display_path(path) if path != "<string>" else path
    source, bom = check_text(replace_surrogates(text), label)
    pure = PurePath(path)
    story = folder_story(Path(path)) if path != "<string>" else ""
    origin = Origin(path=label, story=story, stem=pure.stem if path != "<string>" else path, bom=bom)
    return _build(source, kind, origin, default)[0]


# ---------------------------------------------------------------- internals


def _walk(folder: Path, problem: Callable[[InputError], None]) -> list[PurePath]:
    """Article files under ``folder`` as relative paths, sorted; hidden entries and READMEs skipped.

    A sub-folder that cannot be read is passed to ``problem`` (which raises or records it).
    """
    found: list[PurePath] = []
    for root, dirs, files in os.walk(folder, onerror=lambda exc: problem(_walk_error(exc))):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = PurePath(os.path.relpath(root, folder))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES and not _is_project_doc(name):
                found.append(rel_root / name)
    return sorted(found, key=lambda p: p.parts)


_PROJECT_DOCS = ("readme", "changelog", "license", "licence", "contributing", "code_of_conduct")


def _is_project_doc(name: str) -> bool:
    """README.md and friends describe a folder; they are not articles (named explicitly, they are read)."""
    return Path(name).stem.lower() in _PROJECT_DOCS


def _walk_error(exc: OSError) -> InputError:
    where = PurePath(exc.filename).as_posix() if exc.filename else "folder"
    return InputError(f"{where}: cannot read folder ({exc.strerror or exc}); check its permissions")


def folder_story(path: Path) -> str:
    """The story of a file by its folder: the folder's path relative to the working
    directory when it is inside it (``corpus/crue``), else its absolute path (the working
    directory itself included), forward slashes. A path, not a name: ``a/crue`` and
    ``b/crue`` are two stories; ``.`` and ``..`` are resolved."""
    folder = Path(os.path.abspath(path)).parent
    try:
        rel = folder.relative_to(os.path.abspath(os.getcwd()))
    except ValueError:
        return folder.as_posix()
    return rel.as_posix() if rel.parts else folder.as_posix()


def _load(file: Path, shown: PurePath, default: str | None, max_bytes: int) -> list[Article]:
    label = shown.as_posix()
    kind = SUFFIXES.get(file.suffix.lower())
    if kind is None:
        if not file.exists():
            raise InputError(f"{label}: no such file or folder; check the path")
        raise InputError(f"{label}: unsupported file type '{file.suffix}'; use one of {_SUFFIX_LIST}")
    source, bom = read_text(file, label, max_bytes)
    origin = Origin(path=label, story=folder_story(file), stem=file.stem, bom=bom)
    return _build(source, kind, origin, default)


def _meta(kind: str, origin: Origin, extra: dict[str, Any] | None = None, suppressions: list | None = None,
          declared: bool = False) -> dict[str, Any]:
    meta: dict[str, Any] = dict(extra or {})
    meta["format"] = kind
    meta["suppressions"] = suppressions or []
    if declared:  # the file names its story: story = "auto" keeps it
        meta["story_declared"] = True
    if origin.bom:
        meta["bom"] = True
    return meta


def _language(declared: str, default: str | None, prose: str, label: str) -> str:
    if declared:
        return normalize_lang(declared, label)
    if default:
        return default
    try:
        return detect_language(prose)
    except LanguageError as exc:
        raise LanguageError(f"{label}: {exc}") from None


def _no_text(label: str, what: str) -> InputError:
    return InputError(f"{label}: no article text ({what}); add the article text or remove the file")


def _build(source: str, kind: str, origin: Origin, default: str | None) -> list[Article]:
    label = origin.path
    if kind == "md":
        md = markdown.parse(source, label)
        if not md.text.strip():
            raise _no_text(label, "only front matter and markup")
        fm = md.front
        return [
            Article(
                path=label, text=md.text, file_text=source, offset=0, id=fm.id or origin.stem,
                title=fm.title or md.title, source=fm.source, date=fm.date, date_precision=fm.date_precision,
                lang=_language(fm.lang, default, md.text, label), story=fm.story or origin.story,
                meta=_meta(kind, origin, fm.meta, md.suppressions, declared=bool(fm.story)),
            )
        ]
    if kind == "html":
        page = html.parse(source)
        if not page.text.strip():
            raise _no_text(label, "no visible text in the page")
        declared = "" if default else page.lang
        meta = _meta(kind, origin, {"main_text": page.main_text})
        return [
            Article(
                path=label, text=page.text, file_text=source, offset=0, id=origin.stem,
                title=page.title, source=page.source, date=page.date,
                lang=_language(declared, default, page.text, label), story=origin.story, meta=meta,
            )
        ]
    if kind == "txt":
        prose = plain.parse(source)
        return [
            Article(
                path=label, text=prose, file_text=source, offset=0, id=origin.stem,
                lang=_language("", default, prose, label), story=origin.story, meta=_meta(kind, origin),
            )
        ]
    return _build_jsonl(source, origin, default)


def _build_jsonl(source: str, origin: Origin, default: str | None) -> list[Article]:
    label = origin.path
    lines = LineIndex(source)  # one index for the whole file, shared by its articles
    articles = []
    for rec in jsonl.records(source, label):
        where = f"{label}:{rec.line}"
        data = {k: v for k, v in rec.data.items() if k != "text"}
        fm = frontmatter.fields(data, where, where="the JSON object")
        prose = jsonl.decode_in_place(source[rec.text_start : rec.text_end])
        extra = {**fm.meta, "line": rec.line}
        if not fm.story:
            extra["feed"] = True  # compared with its story's other articles, not with other such lines
        articles.append(
            Article(
                path=label, text=prose, file_text=source, offset=rec.text_start,
                id=fm.id or f"{origin.stem}:{rec.line}", title=fm.title, source=fm.source, date=fm.date, date_precision=fm.date_precision,
                lang=_language(fm.lang, default, prose, where), story=fm.story or origin.story,
                meta=_meta("jsonl", origin, extra, declared=bool(fm.story)), _lines=lines,
            )
        )
    if not articles:
        raise InputError(f"{label}: no articles (every line is blank); write one JSON object per line")
    return articles
