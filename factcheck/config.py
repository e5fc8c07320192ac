"""Project configuration: ``[tool.factcheck]`` in ``pyproject.toml`` or ``.factcheck.toml``.

The file is found by walking up from the working directory (in each folder
``.factcheck.toml`` wins over a ``pyproject.toml`` that has a ``[tool.factcheck]`` table);
``--config FILE`` names it instead. Flags override the file, the file overrides the
defaults, and ``Config.sources`` records where each value came from, so that
``factcheck config`` can show it.

Keys (``.factcheck.toml`` has them at the top level)::

    lang = "fr"                      # language of articles that do not declare one
    select = ["FC1"]                 # rule ids, id prefixes or names to run (default: all)
    ignore = ["rounding"]            # rule ids, id prefixes or names to skip
    fail-on = "error"                # error | warning | info
    rule-dirs = ["house-rules"]      # extra rule folders, relative to the config file
    include = ["articles/**"]        # glob patterns of article paths to check
    exclude = ["**/drafts/*"]        # … and to skip
    max-bytes = 20000000             # larger article files are refused
    store = ".factcheck/store.sqlite"  # the claim store ``factcheck index`` writes, relative to the config file
    [rules.FC105]                    # or [rules.rounding]; [tool.factcheck.rules.FC105] in pyproject.toml
    severity = "warning"
    approx_tol = 0.02                # any parameter of the rule's kind

A bad file is a ``ConfigError`` naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from factcheck.errors import ConfigError
from factcheck.load.reader import DEFAULT_MAX_BYTES
from factcheck.models import SEVERITIES, Rule

KEYS = ("lang", "select", "ignore", "fail-on", "rule-dirs", "include", "exclude", "max-bytes", "store", "rules")
DEFAULT_STORE = os.path.join(".factcheck", "store.sqlite")

LANGS = ("fr", "en")


@dataclass(slots=True)
class Config:
    lang: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    rule_dirs: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    max_bytes: int = DEFAULT_MAX_BYTES
    store: str | None = None  # absolute when set by the file; None: DEFAULT_STORE under the config's folder or the cwd
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    path: str | None = None
    root: str | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def source(self, key: str) -> str:
        return self.sources.get(key, "default")

    def store_path(self) -> str:
        """The claim store's file: the ``store`` key (or ``--store``), else ``.factcheck/store.sqlite``
        next to the configuration file, else in the working directory."""
        if self.store:
            return self.store
        return os.path.join(self.root or os.getcwd(), DEFAULT_STORE)


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``.factcheck.toml``, or ``pyproject.toml`` with ``[tool.factcheck]``, upwards.

    A ``pyproject.toml`` on the way that cannot be read as TOML is a ``ConfigError``: it
    may hold the ``[tool.factcheck]`` table, and running on defaults instead of the
    project's settings would be a silent change of behaviour.
    """
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        dot = folder / ".factcheck.toml"
        if dot.is_file():
            return dot
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            if isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]:
                return pyproject
    return None


_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$|\s*\(at end of document\)\s*$")


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; an unreadable file is a ``ConfigError`` naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8; save the configuration as UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_WHERE.search(msg)
        if m and m.group(1):
            where = f"{path}:{m.group(1)}:{m.group(2)}"
        elif m:
            where = f"{path}:{text.rstrip().count(chr(10)) + 1}"  # the last line that holds something
        else:
            where = str(path)
        problem = _TOML_WHERE.sub("", msg) if m else msg
        raise ConfigError(f"{where}: invalid TOML ({problem}); fix the file") from None


def _table(path: Path) -> tuple[dict[str, Any], str]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck", {}) if isinstance(data.get("tool"), dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.factcheck] must be a table")
        return table, "tool.factcheck."
    return data, ""


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return [v.strip() for v in value]


def _rule_ids(value: Any, where: str) -> list[str]:
    """Rule ids or prefixes (upper-cased) and rule names, checked for their form;
    ``configure_rules`` checks that each names a rule."""
    from factcheck.rules.names import ID_OR_PREFIX, REFERENCE

    refs = []
    for ref in _strings(value, where):
        if not REFERENCE.fullmatch(ref):
            raise ConfigError(f"{where}: '{ref}' is not a rule id, prefix or name (write e.g. FC101, FC1 or unit-slip)")
        refs.append(ref.upper() if ID_OR_PREFIX.fullmatch(ref) else ref)
    return refs


def _severity(value: Any, where: str) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where} must be one of error, warning, info, not {value!r}")
    return value


def _positive_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where} must be a whole number of bytes, 1 or more, not {value!r}")
    return value


def load_config(path: str | os.PathLike[str] | None = None, start: str | os.PathLike[str] | None = None) -> Config:
    """The configuration from ``path`` (or the file found from ``start``), defaults filled in."""
    cfg = Config()
    explicit = path is not None
    if path is None:
        found = find_config(start)
        if found is None:
            return cfg
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    table, prefix = _table(path)
    shown = str(path)
    cfg.path, cfg.root = shown, str(path.resolve().parent)
    cfg.sources["config"] = "--config" if explicit else f"found from {os.getcwd() if start is None else start}"

    def where(key: str) -> str:
        return f"{shown}: '{prefix}{key}'"

    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{shown}: unknown key '{prefix}{key}' (expected one of {', '.join(KEYS)})")
        if key == "lang":
            if value not in LANGS:
                raise ConfigError(f"{where(key)} must be one of {', '.join(LANGS)}, not {value!r}")
            cfg.lang = value
        elif key in ("select", "ignore"):
            setattr(cfg, key, _rule_ids(value, where(key)))
        elif key == "fail-on":
            cfg.fail_on = _severity(value, where(key))
        elif key == "rule-dirs":
            cfg.rule_dirs = [str((path.resolve().parent / d).resolve()) for d in _strings(value, where(key))]
        elif key in ("include", "exclude"):
            setattr(cfg, key, _strings(value, where(key)))
        elif key == "max-bytes":
            cfg.max_bytes = _positive_int(value, where(key))
        elif key == "store":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where(key)} must be a file path")
            cfg.store = str(path.resolve().parent / value.strip())
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where(key)} must be a table of rule ids")
            for rid, settings in value.items():
                rkey = f"rules.{rid}"
                if not (re.fullmatch(r"FC\d{3}", rid) or re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", rid)):
                    raise ConfigError(f"{where(rkey)}: not a rule id or name (write e.g. FC105 or rounding)")
                if not isinstance(settings, dict):
                    raise ConfigError(f"{where(rkey)} must be a table (severity, parameters)")
                if "severity" in settings:
                    _severity(settings["severity"], where(f"{rkey}.severity"))
                cfg.rules[rid] = dict(settings)
                cfg.sources[rkey] = shown
        key_attr = key.replace("-", "_")
        if key != "rules":
            cfg.sources[key_attr] = shown
    return cfg


def override(cfg: Config, **flags: Any) -> Config:
    """Flags win over the file: each non-None flag replaces the value and records ``--flag``."""
    for name, value in flags.items():
        if value is None or value == []:
            continue
        flag = "--" + name.replace("_", "-")
        if name == "rule_dirs":
            value = cfg.rule_dirs + [str(Path(d).resolve()) for d in value]
            flag = "--rule-dir"
        elif name in ("select", "ignore"):
            value = _rule_ids([v for item in value for v in item.split(",") if v.strip()], flag)
        elif name == "fail_on":
            _severity(value, flag)
        elif name == "max_bytes":
            _positive_int(value, flag)
        elif name == "store":
            value = os.path.abspath(value)
        setattr(cfg, name, value)
        cfg.sources[name] = flag
    return cfg


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id.startswith(p) for p in patterns)


def configure_rules(rules: Sequence[Rule], cfg: Config) -> list[Rule]:
    """The rules to run: select/ignore applied, per-rule severity and parameters set.

    Parameters are checked against the rule's kind, so a typo in a tolerance is an error,
    not a silently ignored key.
    """
    from factcheck.rules.kinds import KINDS

    from factcheck.rules.names import ID_OR_PREFIX, did_you_mean, find_rule

    where = cfg.path or "configuration"
    settings_by_id: dict[str, dict[str, Any]] = {}
    for ref, settings in cfg.rules.items():
        rule = find_rule(ref, rules)
        if rule is None:
            raise ConfigError(f"{where}: 'rules.{ref}': no such rule{did_you_mean(ref, rules)}")
        if rule.id in settings_by_id:
            raise ConfigError(f"{where}: 'rules.{ref}': {rule.id} ({rule.name}) is configured twice")
        settings_by_id[rule.id] = settings
    chosen: dict[str, list[str]] = {}
    for key in ("select", "ignore"):
        ids = []
        for ref in getattr(cfg, key):
            if ID_OR_PREFIX.fullmatch(ref):
                if not any(r.id.startswith(ref) for r in rules):
                    raise ConfigError(f"{cfg.source(key)}: '{key}': no rule matches '{ref}'{did_you_mean(ref, rules)}")
                ids.append(ref)
                continue
            rule = find_rule(ref, rules)
            if rule is None:
                raise ConfigError(f"{cfg.source(key)}: '{key}': no rule named '{ref}'{did_you_mean(ref, rules)}")
            ids.append(rule.id)
        chosen[key] = ids
    out = []
    for rule in rules:
        if chosen["select"] and not _matches(rule.id, chosen["select"]):
            continue
        if _matches(rule.id, chosen["ignore"]):
            continue
        settings = settings_by_id.get(rule.id)
        if settings:
            params = dict(rule.params)
            known = KINDS[rule.kind].PARAMS if rule.kind in KINDS else {}
            for name, value in settings.items():
                if name == "severity":
                    continue
                if name not in known:
                    names = ", ".join(sorted(known)) or "none"
                    raise ConfigError(f"{where}: 'rules.{rule.id}.{name}': unknown parameter for kind "
                                      f"{rule.kind} (known: {names})")
                default = known[name]
                numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
                ok = (isinstance(value, (int, float)) and not isinstance(value, bool)) if numeric \
                    else isinstance(value, type(default))
                if not ok:
                    raise ConfigError(f"{where}: 'rules.{rule.id}.{name}' must be a {type(default).__name__}")
                if numeric and not math.isfinite(value):
                    raise ConfigError(f"{where}: 'rules.{rule.id}.{name}' must be a finite number, not {value}")
                params[name] = value
            rule = dataclasses.replace(rule, params=params, severity=settings.get("severity", rule.severity))
        out.append(rule)
    return out


def path_selected(path: str, cfg: Config) -> bool:
    """True when ``path`` passes ``include`` (if any) and no ``exclude`` pattern.

    Patterns are matched against the path as given, its absolute form, the path relative
    to the configuration file's folder, and the file name (``*`` also crosses ``/``).
    """
    p = Path(path)
    forms = {p.as_posix(), p.resolve().as_posix(), p.name}
    if cfg.root:
        try:
            forms.add(p.resolve().relative_to(cfg.root).as_posix())
        except ValueError:
            pass

    def hit(patterns: list[str]) -> bool:
        return any(fnmatch.fnmatchcase(f, pat) for f in forms for pat in patterns)

    if cfg.include and not hit(cfg.include):
        return False
    return not hit(cfg.exclude)


def describe(cfg: Config) -> list[tuple[str, str, str]]:
    """(key, value, source) rows for ``factcheck config``."""
    def show(v: Any) -> str:
        if v is None:
            return "(articles declare it; else fr)"
        if isinstance(v, list):
            return ", ".join(v) if v else "[]"
        return str(v)

    rows = [("config file", cfg.path or "(none found)", cfg.source("config"))]
    for key in ("lang", "select", "ignore", "fail_on", "rule_dirs", "include", "exclude", "max_bytes"):
        rows.append((key.replace("_", "-"), show(getattr(cfg, key)), cfg.source(key)))
    rows.append(("store", cfg.store_path(), cfg.source("store")))
    for rid, settings in sorted(cfg.rules.items()):
        for name, value in settings.items():
            rows.append((f"rules.{rid}.{name}", str(value), cfg.source(f"rules.{rid}")))
    return rows
