"""An uploaded draft file → its text and the loader format that reads it.

``.md``, ``.txt`` and ``.html`` are decoded as UTF-8 (a byte order mark dropped);
``.docx`` is read with python-docx: paragraphs in order, a heading becoming a Markdown
heading, so the loader takes the first as the title. Nothing is written to disk.
"""

from __future__ import annotations

import io
from pathlib import PurePath

from factcheck.errors import InputError

FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html", ".docx": "docx"}


def upload_format(filename: str) -> str:
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{PurePath(filename or '?').name}: unsupported file type; "
                         f"upload {', '.join(sorted(set(FORMATS) - {'.markdown', '.htm'}))}")
    return FORMATS[suffix]


def read_upload(filename: str, data: bytes) -> tuple[str, str]:
    """(text, loader format) of an uploaded file; ``InputError`` when it cannot be read."""
    fmt = upload_format(filename)
    name = PurePath(filename).name
    if fmt == "docx":
        return docx_markdown(data, name), "md"
    try:
        return data.decode("utf-8-sig"), fmt
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text; save it as UTF-8 and upload it again") from None


def docx_markdown(data: bytes, name: str = "draft.docx") -> str:
    """The paragraphs of a Word document as Markdown (headings as ``#``)."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - the serve extra installs it
        raise InputError("reading .docx needs python-docx: pip install 'factcheck[serve]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    except Exception as exc:  # zipfile.BadZipFile, lxml errors: a damaged upload is the user's to fix
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    lines = []
    for p in document.paragraphs:
        text = p.text.strip()
        if not text:
            continue
        style = (p.style.name if p.style is not None else "").lower()
        if style == "title" or style.startswith("heading"):
            level = 1 if style == "title" else min(6, int(style.rsplit(" ", 1)[-1]) if style[-1:].isdigit() else 1)
            lines.append("#" * level + " " + text)
        else:
            lines.append(text)
    if not lines:
        raise InputError(f"{name}: the document has no text")
    return "\n\n".join(lines) + "\n"
