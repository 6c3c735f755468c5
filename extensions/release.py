"""The template's release, `template_release`, for the record each project keeps.

A release is the version in this repository's pyproject.toml (and its CHANGELOG
heading); a git tag is optional. Each project records the release it was made or last
updated from in `_ladder/RELEASE`, so migrations can tell where it stands from any
clone: tagged, untagged, a fork, any commit (see extensions/migrations/releases.py).

Copier loads this module from the template at the commit it renders, old or new, so
the pyproject.toml beside it is that commit's.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from jinja2 import Environment
from jinja2.ext import Extension

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def template_release(pyproject: Path = PYPROJECT) -> str:
    """The version pyproject.toml gives, e.g. "0.2.0"."""
    with pyproject.open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


class Release(Extension):
    """Registers the global `template_release`."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.globals["template_release"] = template_release()
