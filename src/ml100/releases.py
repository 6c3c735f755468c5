"""The template's releases: git tags named by PEP 440 versions.

A project records the template commit it came from as `_commit` in its answers file,
as `git describe --tags` names it: a release (`0.2.0`), a commit after one
(`0.2.0-3-gabc1234`), or a bare commit where the template had no tag yet. The hub lists
each template's tags once per run (`git ls-remote`, which reads local clones and remote
addresses alike) and compares.
"""

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import InvalidVersion, Version

DESCRIBED = re.compile(r"^(?P<tag>.+?)-(?P<distance>\d+)-g(?P<sha>[0-9a-f]+)$")
# Copier's shorthands for the two big forges.
SHORTHANDS = {"gh:": "https://github.com/", "gl:": "https://gitlab.com/"}


def as_version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def git_address(source: str) -> str:
    """The address git itself reads for a template source Copier reads."""
    for prefix, base in SHORTHANDS.items():
        if source.startswith(prefix):
            return base + source.removeprefix(prefix).removesuffix(".git") + ".git"
    return source.removeprefix("git+")


@dataclass(frozen=True)
class Recorded:
    """What `_commit` says of a project's release."""

    base: Version | None  # the release it is at or after, None if none
    exact: bool  # exactly that release, not commits after it
    text: str

    @classmethod
    def parse(cls, commit: str | None) -> "Recorded":
        if not commit:
            return cls(None, False, "?")
        described = DESCRIBED.match(commit)
        if described:
            return cls(as_version(described["tag"]), False, commit)
        version = as_version(commit)
        return cls(version, version is not None, commit)

    @property
    def label(self) -> str:
        if self.base is None:
            return f"unreleased {self.text}"
        return str(self.base) if self.exact else f"{self.base}+ ({self.text})"


@dataclass
class Releases:
    """The releases of every template source met, listed once each."""

    _cache: dict[str, list[Version] | None] = field(default_factory=dict)

    def of(self, source: str | None) -> list[Version] | None:
        """The final releases of `source`, oldest first; None if it cannot be read."""
        if source is None:
            return None
        if source not in self._cache:
            self._cache[source] = self._list(source)
        return self._cache[source]

    @staticmethod
    def _list(source: str) -> list[Version] | None:
        address = git_address(source)
        if "://" not in address and "@" not in address and not Path(address).exists():
            return None
        try:
            result = subprocess.run(
                ["git", "ls-remote", "--tags", "--refs", address],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        if result.returncode != 0:
            return None
        versions = (
            as_version(line.rsplit("refs/tags/", 1)[-1])
            for line in result.stdout.splitlines()
        )
        return sorted(v for v in versions if v is not None and not v.is_prerelease)

    def newest(self, source: str | None) -> Version | None:
        found = self.of(source)
        return found[-1] if found else None

    def newer_than(self, source: str | None, recorded: Recorded) -> Version | None:
        """The newest release if the project is behind it, else None."""
        newest = self.newest(source)
        if newest is None:
            return None
        if recorded.base is None or newest > recorded.base:
            return newest
        return None
