"""Bad input: always an InputError with one line naming the file and what to do."""

from __future__ import annotations

import os

import pytest

from factcheck.errors import InputError
from factcheck.load import load_file, load_paths, load_text, reader


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Work in tmp_path so that messages show short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def error_of(call) -> str:
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert "\n" not in message and message.strip() == message
    return message


FILE_CASES = [
    ("empty.md", b"", "empty.md: file is empty; add the article text or remove the file"),
    ("blank.txt", b"  \n\t\r\n", "blank.txt: file contains only whitespace; add the article text or remove the file"),
    ("bin.md", b"Le texte\x00\x01\x02", "bin.md: looks like a binary file (NUL byte at byte offset 8); factcheck reads UTF-8 text"),
    ("u16.txt", "Le texte".encode("utf-16-le"),
     "u16.txt: looks like UTF-16 without a byte order mark (NUL bytes between the letters); convert it to UTF-8"),
    (
        "latin.md",
        "Ligne un\nCafé".encode("latin-1"),
        "latin.md: not valid UTF-8 (byte 0xe9 at byte offset 12, line 2); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
    ),
    (
        "bom-latin.md",
        b"\xef\xbb\xbfAbc\xff",
        "bom-latin.md: not valid UTF-8 (byte 0xff at byte offset 6, line 1); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
    ),
    ("doc.pdf", b"%PDF-1.4", "doc.pdf: unsupported file type '.pdf'; use one of .md, .markdown, .txt, .html, .htm, .jsonl"),
    ("only-fm.md", b"---\ntitle: T\n---\n\n", "only-fm.md: no article text (only front matter and markup); add the article text or remove the file"),
    ("vide.jsonl", b"\n\n \n", "vide.jsonl: file contains only whitespace; add the article text or remove the file"),
    (
        "page.html",
        b"<html><head><title>T</title></head><body><img src=x></body></html>",
        "page.html: no article text (no visible text in the page); add the article text or remove the file",
    ),
]


@pytest.mark.parametrize("name, content, message", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_errors_bad_file(here, write, name, content, message):
    write(name, content)
    assert error_of(lambda: load_paths([name], lang="fr")) == message


FRONT_MATTER_CASES = [
    ("---\ntitle: T\nTexte sans fin.\n", "a.md:1: front matter opened with '---' is never closed; add a line '---' after it"),
    ("---\ntitle: T\nsource: [non fermé\n---\nTexte.\n", "a.md:4: invalid YAML in front matter"),
    ("---\ntitle: T\n  mauvais: retrait\n---\nTexte.\n", "a.md:3: invalid YAML in front matter (mapping values are not allowed"),
    ("---\n- un\n- deux\n---\nTexte.\n", "a.md: front matter is a list, not a mapping; write 'key: value' lines"),
    ("---\nsimple texte\n---\nTexte.\n", "a.md: front matter is a str, not a mapping; write 'key: value' lines"),
    ("---\ndate: 15/12/2023\n---\nTexte.\n", "a.md: bad date '15/12/2023' in front matter; use YYYY-MM-DD, YYYY-MM or YYYY"),
    ("---\ndate: 2023-02-30\n---\nTexte.\n", "a.md: bad date in front matter (day is out of range for month); use YYYY-MM-DD"),
    ("---\ndate: 2023-13\n---\nTexte.\n", "a.md: bad date '2023-13' in front matter; use YYYY-MM-DD, YYYY-MM or YYYY"),
    ("---\ntitle: [a, b]\n---\nTexte.\n", "a.md: 'title' in front matter must be text, not list"),
    ("---\nlang: de\n---\nTexte.\n", "a.md: language 'de' is not supported (supported: fr, en)"),
]


@pytest.mark.parametrize("content, message", FRONT_MATTER_CASES)
def test_errors_bad_front_matter(here, write, content, message):
    write("a.md", content)
    assert error_of(lambda: load_file("a.md", lang="fr")).startswith(message)


def test_errors_not_found(here):
    assert error_of(lambda: load_paths(["nulle/part.md"])) == "nulle/part.md: no such file or folder; check the path"


def test_errors_not_found_load_file(here):
    assert error_of(lambda: load_file("absent.md")) == "absent.md: no such file or folder; check the path"


def test_errors_not_found_unknown_suffix(here):
    assert error_of(lambda: load_file("absent.doc")) == "absent.doc: no such file or folder; check the path"


@pytest.mark.parametrize("files", [[], [".cache/a.md", ".cachée.md", "notes.pdf", "image.png"]])
def test_errors_folder_without_articles(here, write, files):
    (here / "vide").mkdir()
    for name in files:
        write(f"vide/{name}", "Texte.")
    assert error_of(lambda: load_paths(["vide"])) == (
        "vide: no articles found (looked for .md, .markdown, .txt, .html, .htm, .jsonl files); "
        "add articles or pass another folder"
    )


def test_errors_no_paths():
    assert error_of(lambda: load_paths([])) == "no input given; pass article files or folders"


def test_errors_load_file_on_folder(here):
    (here / "dossier").mkdir()
    assert error_of(lambda: load_file("dossier")) == "dossier: is a folder; use load_paths to read a folder"


def test_errors_too_large_names_size_and_limit(here, write):
    write("gros.md", "Le texte. " * 300)
    assert error_of(lambda: load_paths(["gros.md"], max_bytes=1000)) == (
        "gros.md: file is 3 KB (3000 bytes), over the 1000-byte limit; "
        "split it or raise the limit (--max-bytes N, or max-bytes in the configuration)"
    )


def test_errors_too_large_checked_before_reading(here, monkeypatch):
    with open("enorme.txt", "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50_000_000)

    def no_read(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(reader, "open", no_read, raising=False)
    assert error_of(lambda: load_file("enorme.txt")) == (
        "enorme.txt: file is 50.0 MB (50000000 bytes), over the 20000000-byte limit; "
        "split it or raise the limit (--max-bytes N, or max-bytes in the configuration)"
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads everything")
def test_errors_permission_denied(here, write):
    path = write("secret.md", "Texte.")
    path.chmod(0)
    try:
        assert error_of(lambda: load_file("secret.md")) == (
            "secret.md: cannot read (permission denied); check the file's permissions"
        )
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "<string>: file is empty; add the article text or remove the file"),
        ("\n \n", "<string>: file contains only whitespace; add the article text or remove the file"),
        ("a\x00b", "<string>: looks like binary data (NUL character at offset 1); pass UTF-8 text"),
    ],
)
def test_errors_in_memory_text(text, message):
    assert error_of(lambda: load_text(text, lang="fr")) == message


def test_errors_first_bad_file_stops_the_run(here, write):
    write("dossier/a.md", "Le texte.")
    write("dossier/b.md", "")
    assert error_of(lambda: load_paths(["dossier"], lang="fr")).startswith("dossier/b.md: file is empty")


def test_errors_list_collects_every_bad_file_and_loads_the_rest(here, write):
    """Each kind of bad file is one entry (its own message, naming it); the good files load."""
    write("dossier/a-bon.md", "---\nlang: fr\n---\nLes pompiers sont intervenus 12 fois.\n")
    write("dossier/zz-bon.txt", "Three fire crews were called 12 times.")
    # .pdf files are not picked up in a folder; named, they are refused like the others
    bad = [(n, c, m) for n, c, m in FILE_CASES if not n.endswith(".pdf")]
    for name, content, _ in bad:
        write(f"dossier/{name}", content)
    write("doc.pdf", b"%PDF-1.4")
    errors: list[InputError] = []
    articles = load_paths(["dossier", "absent.md", "doc.pdf"], lang="fr", errors=errors)
    assert [a.path for a in articles] == ["dossier/a-bon.md", "dossier/zz-bon.txt"]
    got = sorted(str(e) for e in errors)
    want = sorted([f"dossier/{m}" for _, _, m in bad] +
                  ["absent.md: no such file or folder; check the path",
                   "doc.pdf: unsupported file type '.pdf'; use one of .md, .markdown, .txt, .html, .htm, .jsonl"])
    assert got == want
    assert all("\n" not in e for e in got)


def test_errors_list_takes_oversized_files_and_empty_folders(here, write):
    write("grand/long.md", "Le texte. " * 300)
    write("grand/court.md", "Le texte court de 12 mots.")
    (here / "vide").mkdir()
    errors: list[InputError] = []
    articles = load_paths(["grand", "vide"], lang="fr", max_bytes=1000, errors=errors)
    assert [a.path for a in articles] == ["grand/court.md"]
    assert [str(e).split(":")[0] for e in errors] == ["grand/long.md", "vide"]
    assert "--max-bytes" in str(errors[0]) and "no articles found" in str(errors[1])
