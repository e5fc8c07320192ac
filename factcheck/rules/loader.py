"""Load and validate rule files (``rules/FC1xx-name.yaml``).

Each file is one rule. The loader fills in defaults in one place and reports every
problem as one line, ``path:line: what is wrong``, using the YAML node marks, so that a
bad rule file is an error the user can fix without reading a traceback.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import os
import re
import string
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from factcheck import yamlfile
from factcheck.errors import RuleFileError
from factcheck.models import SEVERITIES, Example, Rule
from factcheck.rules.kinds import KINDS

_ID = re.compile(r"^FC\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
REQUIRED = ("id", "name", "kind", "severity", "message", "doc")
OPTIONAL = ("params", "examples", "enabled")
LANGS = ("fr", "en")


def default_rule_dirs() -> list[Path]:
    """The rules shipped with factcheck (``factcheck/rules/builtin``; ``rules/`` links to it)."""
    return [Path(str(resources.files("factcheck") / "rules" / "builtin"))]


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class _Checker:
    def __init__(self, path: Path) -> None:
        self.shown = _display(path)

    def fail(self, node: yaml.Node | None, message: str) -> RuleFileError:
        line = node.start_mark.line + 1 if node is not None else 1
        return RuleFileError(f"{self.shown}:{line}: {message}")

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for k, v in node.value:
            key = str(k.value)
            if key in out:
                raise self.fail(k, f"duplicate key '{key}' in {what}")
            out[key] = (k, v)
        return out

    def string(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.fail(node, f"'{what}' must be a non-empty string")
        return str(node.value)


def _py(node: yaml.Node) -> Any:
    return yamlfile.load(yaml.serialize(node))


def _examples(chk: _Checker, node: yaml.Node) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    fields = chk.mapping(node, "'examples'")
    for key, (knode, _) in fields.items():
        if key not in ("bad", "good"):
            raise chk.fail(knode, f"unknown key '{key}' in 'examples' (expected bad, good)")
    out: dict[str, tuple[Example, ...]] = {"bad": (), "good": ()}
    for key in ("bad", "good"):
        if key not in fields:
            continue
        lst = fields[key][1]
        if not isinstance(lst, yaml.SequenceNode):
            raise chk.fail(lst, f"'examples.{key}' must be a list of examples")
        items = []
        for item in lst.value:
            lang = "fr"
            passages_node = item
            if isinstance(item, yaml.MappingNode):
                sub = chk.mapping(item, f"an example in 'examples.{key}'")
                for k, (kn, _) in sub.items():
                    if k not in ("passages", "lang"):
                        raise chk.fail(kn, f"unknown key '{k}' in an example (expected passages, lang)")
                if "passages" not in sub:
                    raise chk.fail(item, "an example needs 'passages'")
                if "lang" in sub:
                    lang = chk.string(sub["lang"][1], "lang")
                    if lang not in LANGS:
                        raise chk.fail(sub["lang"][1], f"'lang' must be one of {', '.join(LANGS)}")
                passages_node = sub["passages"][1]
            if isinstance(passages_node, yaml.ScalarNode):
                passages = (chk.string(passages_node, f"examples.{key}"),)
            elif isinstance(passages_node, yaml.SequenceNode) and passages_node.value:
                passages = tuple(chk.string(p, f"examples.{key}") for p in passages_node.value)
            else:
                raise chk.fail(passages_node, f"an example in 'examples.{key}' must be a list of passages")
            items.append(Example(passages, lang))
        out[key] = tuple(items)
    return out["bad"], out["good"]


def load_rule_file(path: str | os.PathLike[str]) -> Rule:
    """One rule from one YAML file, validated; raises ``RuleFileError`` naming file and line."""
    path = Path(path)
    chk = _Checker(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{chk.shown}:1: cannot read rule file ({exc})") from None
    try:
        root = yamlfile.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleFileError(f"{chk.shown}:{line}: invalid YAML: {problem}") from None
    if root is None:
        raise RuleFileError(f"{chk.shown}:1: empty rule file")
    fields = chk.mapping(root, "a rule file")
    for key in REQUIRED:
        if key not in fields:
            raise chk.fail(root, f"missing required field '{key}'")
    for key, (knode, _) in fields.items():
        if key not in REQUIRED and key not in OPTIONAL:
            raise chk.fail(knode, f"unknown field '{key}' (expected one of {', '.join(REQUIRED + OPTIONAL)})")

    rid = chk.string(fields["id"][1], "id")
    if not _ID.match(rid):
        raise chk.fail(fields["id"][1], f"'id' must look like FC101, not '{rid}'")
    if not path.name.startswith(rid + "-") and path.stem != rid:
        raise chk.fail(fields["id"][1], f"file name must start with the rule id '{rid}-'")
    name = chk.string(fields["name"][1], "name")
    if not _NAME.match(name):
        raise chk.fail(fields["name"][1], f"'name' must be lowercase words joined by '-', not '{name}'")
    kind = chk.string(fields["kind"][1], "kind")
    if kind not in KINDS:
        raise chk.fail(fields["kind"][1], f"unknown kind '{kind}' (expected one of {', '.join(sorted(KINDS))})")
    severity = chk.string(fields["severity"][1], "severity")
    if severity not in SEVERITIES:
        raise chk.fail(fields["severity"][1], "'severity' must be one of error, warning, info")
    doc = chk.string(fields["doc"][1], "doc")
    cls = KINDS[kind]

    messages = chk.mapping(fields["message"][1], "'message'")
    message: dict[str, str] = {}
    for lang in LANGS:
        if lang not in messages:
            raise chk.fail(fields["message"][0], f"'message' needs a '{lang}' template")
    for lang, (knode, vnode) in messages.items():
        if lang not in LANGS:
            raise chk.fail(knode, f"unknown message language '{lang}' (expected fr, en)")
        template = chk.string(vnode, f"message.{lang}")
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        except ValueError as exc:
            raise chk.fail(vnode, f"bad message template: {exc}") from None
        unknown = sorted(n for n in names if n not in cls.PLACEHOLDERS)
        if unknown:
            raise chk.fail(vnode, f"unknown placeholder {{{unknown[0]}}} in message.{lang} "
                                  f"(kind {kind} provides {', '.join(sorted(cls.PLACEHOLDERS))})")
        message[lang] = template

    params: dict[str, Any] = {}
    if "params" in fields:
        pnode = fields["params"][1]
        if not (isinstance(pnode, yaml.ScalarNode) and pnode.value in ("", "null", "~")):
            for key, (knode, vnode) in chk.mapping(pnode, "'params'").items():
                if key not in cls.PARAMS:
                    known = ", ".join(sorted(cls.PARAMS)) or "none"
                    raise chk.fail(knode, f"unknown parameter '{key}' for kind {kind} (known: {known})")
                value = _py(vnode)
                default = cls.PARAMS[key]
                ok = (isinstance(value, (int, float)) and not isinstance(value, bool)) if isinstance(default, (int, float)) \
                    and not isinstance(default, bool) else isinstance(value, type(default))
                if not ok:
                    raise chk.fail(vnode, f"parameter '{key}' must be a {type(default).__name__}")
                if isinstance(value, float) and not math.isfinite(value):
                    raise chk.fail(vnode, f"parameter '{key}' must be a finite number, not {value}")
                if key.endswith("severity") and value not in SEVERITIES:
                    raise chk.fail(vnode, f"parameter '{key}' must be one of error, warning, info")
                params[key] = value
    enabled = True
    if "enabled" in fields:
        enabled = _py(fields["enabled"][1])
        if not isinstance(enabled, bool):
            raise chk.fail(fields["enabled"][1], "'enabled' must be true or false")
    bad, good = _examples(chk, fields["examples"][1]) if "examples" in fields else ((), ())
    return Rule(id=rid, name=name, kind=kind, severity=severity, message=message, doc=" ".join(doc.split()),
                params=params, bad=bad, good=good, path=str(path), enabled=enabled)


_PARSED: dict[tuple[str, int, int], Rule] = {}


def _cached_rule_file(path: Path) -> Rule:
    """``load_rule_file``, parsed once per file version: a long-running process (a server, a
    library caller checking draft after draft) does not parse the YAML again on every check.
    Each call gets its own copy of what may be changed (the rule, its params and messages),
    so a caller may change a rule (its severity, a param) freely; the examples are shared."""
    try:
        st = path.stat()
        key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        return load_rule_file(path)  # its own error message
    if key not in _PARSED:
        _PARSED[key] = load_rule_file(path)
    rule = _PARSED[key]
    return dataclasses.replace(rule, params=copy.deepcopy(rule.params), message=dict(rule.message))


def load_rules(dirs: Iterable[str | os.PathLike[str]] | None = None) -> list[Rule]:
    """Every ``*.yaml``/``*.yml`` rule in ``dirs`` (default: the built-in rules), sorted by id.

    A later directory may override a rule by id (a project's ``rules/FC104-….yaml`` with
    other params replaces the built-in one); the same id twice in one directory is an error.
    """
    by_id: dict[str, Rule] = {}
    for d in (default_rule_dirs() if dirs is None else dirs):
        d = Path(d)
        if d.is_file():
            files = [d]
        elif d.is_dir():
            files = sorted(p for p in d.iterdir() if p.suffix in (".yaml", ".yml"))
        else:
            raise RuleFileError(f"{d}: no such rule directory")
        seen_here: dict[str, str] = {}
        for f in files:
            rule = _cached_rule_file(f)
            if rule.id in seen_here:
                raise RuleFileError(f"{_display(f)}:1: duplicate rule id {rule.id} (also in {seen_here[rule.id]})")
            seen_here[rule.id] = _display(f)
            by_id[rule.id] = rule
    return [by_id[k] for k in sorted(by_id)]
