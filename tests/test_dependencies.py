"""Each generated pyproject declares every third-party module its code imports."""

import ast
import sys
import tomllib
from importlib.metadata import (
    PackageNotFoundError,
    distribution,
    packages_distributions,
)

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from harness import (
    CLUSTERING_VARIANTS,
    DATA_CHOICES,
    KIND_VARIANTS,
    OFFERED_TIERS,
    SERIES_CHOICES,
    VARIANTS,
)
from ml100_jinja.validators import identifier_problem

# Module name -> the distributions that provide it, from this (test) environment.
PROVIDERS = packages_distributions()


def imported_modules(folder) -> set[str]:
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


def third_party(modules: set[str], package: str) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m != package}


def declared(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(line).name) for line in requirements}


def providers(module: str) -> set[str]:
    found = {canonicalize_name(name) for name in PROVIDERS.get(module, [])}
    assert found, f"no installed distribution provides {module}"
    return found


@pytest.mark.parametrize(
    "name",
    [f"{t}-{k}" for t in OFFERED_TIERS for k in DATA_CHOICES + SERIES_CHOICES]
    + KIND_VARIANTS
    + sorted(CLUSTERING_VARIANTS),
)
def test_pyproject_declares_what_the_code_imports(name, rendered) -> None:
    project = rendered(name, **VARIANTS[name])
    pyproject = tomllib.loads(project.read("pyproject.toml"))
    runtime = declared(pyproject["project"]["dependencies"])
    dev = runtime | declared(pyproject["dependency-groups"]["dev"])

    source = third_party(imported_modules(project.path / "src"), project.package)
    for module in source:
        assert providers(module) & runtime, f"src imports {module}, not in dependencies"
    tests = third_party(imported_modules(project.path / "tests"), project.package)
    for module in tests:
        assert providers(module) & dev, f"tests import {module}, not declared"
    # `explore` runs the notebooks with what the project installs.
    notebooks = imported_modules(project.path / "notebooks")
    for module in third_party(notebooks, project.package):
        assert providers(module) & runtime, f"notebooks import {module}, not declared"


def installed_closure(requirements: list[str]) -> set[str]:
    """The distributions `requirements` install, as far as this environment knows."""
    todo = [Requirement(line) for line in requirements]
    seen: set[str] = set()
    while todo:
        name = canonicalize_name(todo.pop().name)
        if name in seen:
            continue
        seen.add(name)
        try:
            found = distribution(name)
        except PackageNotFoundError:
            continue
        for line in found.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement)
    return seen


@pytest.mark.parametrize("tier", OFFERED_TIERS)
def test_package_name_may_not_shadow_any_installed_module(tier, rendered) -> None:
    # A package named like a module its environment installs would hide that module.
    project = rendered(f"{tier}-iris", **VARIANTS[f"{tier}-iris"])
    pyproject = tomllib.loads(project.read("pyproject.toml"))
    closure = installed_closure(
        pyproject["project"]["dependencies"] + pyproject["dependency-groups"]["dev"]
    )
    modules = {
        module
        for module, names in PROVIDERS.items()
        if closure & {canonicalize_name(name) for name in names}
    }
    allowed = sorted(
        module
        for module in modules
        if module.isidentifier() and module.islower() and not module.startswith("_")
        if not identifier_problem(module)
    )
    assert not allowed, f"add {allowed} to validators.INDIRECT_DEPENDENCY_MODULES"
