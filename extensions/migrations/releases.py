"""Where a project stands: the release it records, and the CHANGELOG entries since.

Each project made or updated from release 0.2.0 on holds its release in
`src/<package>/_ladder/RELEASE` (rendered from the template's pyproject.toml version:
see extensions/release.py). Migrations read it from the learner's last commit, which
still holds the project as it was before the update, and not from Copier's `_commit`:
that names a git tag only where the template clone had one, and a fresh clone or a fork
has none. A project made before the record existed is told by its files: the ladder's
engine folder (`_ladder/`) came with 0.2.0.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml
from packaging.version import InvalidVersion, Version

ANSWERS_FILE = ".copier-answers.yml"
RECORD = "src/{package}/_ladder/RELEASE"
LADDER = "src/{package}/_ladder"
# What a project without a record is, by whether it holds the ladder's engine.
WITH_LADDER, WITHOUT_LADDER = Version("0.2.0"), Version("0.1.0")
HEADING = re.compile(r"^## +(.+?) *$", re.MULTILINE)
UNRELEASED = "Unreleased"


class ReleaseError(Exception):
    """The record cannot be read; the message says which file and why."""


def at_head(project: Path, relative: str) -> str | None:
    """The file as the learner last committed it, or None when it was not there."""
    result = subprocess.run(
        ["git", "show", f"HEAD:./{relative}"],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def parse_record(text: str, where: str) -> Version:
    """The version on the record's last line that is not a comment."""
    lines = [line.strip() for line in text.splitlines()]
    values = [line for line in lines if line and not line.startswith("#")]
    try:
        return Version(values[-1])
    except (IndexError, InvalidVersion):
        raise ReleaseError(
            f"{where} holds no release (a version such as 0.2.0): restore it with "
            f"git checkout HEAD -- {where}"
        ) from None


def project_release(project: Path) -> Version:
    """The release the project was made or last updated from, at its last commit."""
    answers = yaml.safe_load(at_head(project, ANSWERS_FILE) or "") or {}
    package = answers.get("package_name") if isinstance(answers, dict) else None
    if not package:
        raise ReleaseError(f"{ANSWERS_FILE} at HEAD names no package_name")
    record = RECORD.format(package=package)
    text = at_head(project, record)
    if text is not None:
        return parse_record(text, record)
    ladder = subprocess.run(
        [
            "git",
            "ls-tree",
            "--name-only",
            "HEAD",
            f"./{LADDER.format(package=package)}",
        ],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    return WITH_LADDER if ladder.stdout.strip() else WITHOUT_LADDER


def changelog_entries(
    changelog: str, after: Version, upto: Version, unreleased: bool
) -> list[tuple[str, str]]:
    """(heading, body) of each release in (after, upto], newest first; with the
    Unreleased entry first when `unreleased` (the update goes past `upto`)."""
    found = []
    parts = HEADING.split(changelog)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body.strip()
        if heading == UNRELEASED:
            if unreleased and body:
                found.append((heading, body))
            continue
        try:
            version = Version(heading)
        except InvalidVersion:
            continue
        if after < version <= upto:
            found.append((heading, body))
    return found
