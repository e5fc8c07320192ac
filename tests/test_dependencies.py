"""Every module factcheck imports at run time comes from the standard library, factcheck
itself, or a distribution listed in the core ``dependencies`` of ``pyproject.toml``.

A plain ``pip install factcheck`` installs only those. An import satisfied by a ``dev``
extra (or by a dependency of a dependency) passes the test suite and then fails for users,
so the scan looks at every ``import`` in ``factcheck/``, including those inside functions.

The modules of an optional engine or of the desk (``EXTRA_MODULES``) may also import what their extra
installs; the core reaches them only when that engine is asked for, and they say then
which extra to install.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "factcheck"
# folder of the package → the extra whose distributions its modules may import
EXTRA_MODULES = {"engines": "ray", "serve": "serve"}
# what the scan must see in each extra's folder (so a moved import does not empty the check)
EXTRA_SENTINELS = {"engines": ("ray", "pyarrow"), "serve": ("fastapi", "starlette", "jinja2")}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _names(requirements: list[str]) -> set[str]:
    names = set()
    for req in requirements:
        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
        assert m, req
        names.add(_canonical(m.group(1)))
    return names


def core_distributions() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _names(project["dependencies"])


def extra_distributions(extra: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _names(project["optional-dependencies"][extra])


def imported_modules(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Top-level module name → the places (file:line) that import it (absolute imports only),
    leaving out the sub-folders named in ``skip``."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        if path.relative_to(folder).parts[0] in skip:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], []).append(f"{path.relative_to(folder.parent).as_posix()}:{node.lineno}")
    return found


def undeclared(modules: dict[str, list[str]], declared: set[str],
               providers: dict[str, list[str]]) -> list[str]:
    problems = []
    for module, where in sorted(modules.items()):
        if module in sys.stdlib_module_names or module == "factcheck" or module == "__future__":
            continue
        dists = {_canonical(d) for d in providers.get(module, [])}
        if not dists:
            problems.append(f"{module} (imported at {where[0]}) is provided by no installed distribution")
        elif not dists & declared:
            problems.append(f"{module} (imported at {where[0]}) comes from {', '.join(sorted(dists))}, "
                            "which is not a core dependency in pyproject.toml")
    return problems


def test_every_runtime_import_is_a_core_dependency():
    modules = imported_modules(PACKAGE, skip=tuple(EXTRA_MODULES))
    assert "spacy" in modules and "yaml" in modules  # the scan sees the package's imports
    problems = undeclared(modules, core_distributions(), importlib.metadata.packages_distributions())
    assert not problems, "\n".join(problems)


def test_an_extra_package_imports_only_the_core_and_its_extra():
    providers = importlib.metadata.packages_distributions()
    for folder, extra in EXTRA_MODULES.items():
        modules = imported_modules(PACKAGE / folder)
        assert all(m in modules for m in EXTRA_SENTINELS[folder])  # the scan sees the extra's imports
        problems = undeclared(modules, core_distributions() | extra_distributions(extra), providers)
        assert not problems, "\n".join(problems)


def test_the_scan_catches_an_import_only_an_extra_provides(tmp_path):
    """The check itself: a module imported inside a function, from a dev-only distribution."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "mod.py").write_text("import os\nfrom yaml import safe_load\n\ndef f():\n    import pytest\n")
    modules = imported_modules(pkg)
    assert set(modules) == {"os", "yaml", "pytest"}
    problems = undeclared(modules, core_distributions(), importlib.metadata.packages_distributions())
    assert len(problems) == 1 and problems[0].startswith("pytest ") and "not a core dependency" in problems[0]
