"""A fresh install works: every import is declared, every dependency capped, constraints.txt pins what CI tests."""
from __future__ import annotations

import ast
import re
import sys
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO

tomllib = pytest.importorskip("tomllib")

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: Calendar-versioned: their version says when they were released, not what breaks (see pyproject.toml).
CALENDAR_VERSIONED = {"dask", "distributed", "pycountry"}


def declared(extras=None) -> list[Requirement]:
    """The runtime requirements and those of ``extras`` (default: every extra)."""
    groups = PROJECT["optional-dependencies"]
    chosen = [r for name in (groups if extras is None else extras) for r in groups[name]]
    return [Requirement(r) for r in PROJECT["dependencies"] + chosen]


def constraints() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_every_dependency_is_capped_below_its_next_major_release():
    uncapped = [str(r) for r in declared() if canonicalize_name(r.name) not in CALENDAR_VERSIONED
                and not any(s.operator in ("<", "<=", "==", "~=") for s in r.specifier)]
    assert not uncapped, f"add an upper bound to: {uncapped}"


def test_constraints_pin_every_dependency_ci_installs_within_its_bounds():
    pins = constraints()
    for requirement in declared(extras=["dev"]):
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": "dev"}):
            continue  # for another Python (tomli before 3.11)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (str(requirement), pins[name])


def kg_imports() -> set[str]:
    """Top-level names of every module kg's code imports (also inside functions), minus the standard library."""
    names = set()
    for path in (REPO / "kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"kg", "__future__"}


def test_every_package_kg_imports_is_declared():
    """Relying on a dependency's dependency breaks when it changes what it pulls in: name what you import."""
    owners = metadata.packages_distributions()
    names = {canonicalize_name(r.name) for r in declared()}
    # A module not installed here (tomli, for Python < 3.11) is looked for under its own name.
    undeclared = {module: owners.get(module) for module in kg_imports()
                  if not names & {canonicalize_name(d) for d in owners.get(module, [module])}}
    assert not undeclared, f"imported but not in pyproject.toml: {undeclared}"


def test_the_html_reader_imports_in_this_install():
    """trafilatura -> jusText imports lxml.html.clean, which lxml >= 5.2 no longer carries (lxml-html-clean does)."""
    import justext  # noqa: F401
    import lxml.html.clean  # noqa: F401
    import trafilatura  # noqa: F401


def test_ci_installs_as_the_readme_says_with_nothing_upgraded():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in commands if re.search(r"pip install .*(-U\b|--upgrade)", line)]
    assert any("python3 -m venv" in line for line in commands)
    assert commands[-1] == 'pip install -c constraints.txt -e ".[dev]" && python -m pytest -q'
