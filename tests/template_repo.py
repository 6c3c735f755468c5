"""Releases of this template as a learner sees them, for the tests of `copier update`.

A `TemplateRepo` is this working tree (uncommitted changes included) copied into a git
repository of its own as the release pyproject.toml gives: its version there, its
CHANGELOG entry, and a git tag where `tagged` (a fresh clone or a fork has none, and
releases are then found by commit). A test edits it and makes newer releases.
`TemplateRepo.from_history` puts the last release before the additive ladder (commit
4e48fec, 0.1.0) underneath, and `from_commit` any commit of this repository, so
projects made with those can be updated to this working tree. The projects made
from it are git repositories too, as a learner's are. Git runs with a fixed identity
and ignores the machine's global and system config, so the tests behave the same on a
laptop and on a CI runner without a git identity.
"""

import os
import re
import shutil
import subprocess
import tarfile
import tomllib
from io import BytesIO
from pathlib import Path
from typing import Any

import copier

from harness import BASE_ANSWERS, REPO_ROOT

GIT_ENV = {
    "GIT_AUTHOR_NAME": "ml100 tests",
    "GIT_AUTHOR_EMAIL": "tests@ml100.invalid",
    "GIT_COMMITTER_NAME": "ml100 tests",
    "GIT_COMMITTER_EMAIL": "tests@ml100.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
# Release 0.1.0, the template before the additive ladder (tiers that replaced each
# other's files): projects made with it are updated to this working tree's release.
RELEASE_0_1_0 = "4e48fec"
# This working tree's release.
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def later(version: str, steps: int = 1) -> str:
    """A release `steps` minor versions after `version`: later("0.2.0") == "0.3.0"."""
    major, minor, _ = (int(part) for part in version.split("."))
    return f"{major}.{minor + steps}.0"


# A line Copier (or git) leaves where two changes met.
CONFLICT_MARKER = re.compile(r"^(<<<<<<<|=======|>>>>>>>)( |$)", re.MULTILINE)


def run_in(
    folder: Path, *command: str, timeout: int = 300
) -> subprocess.CompletedProcess:
    """Run `command` in `folder` as the tests' git user, with no user git config."""
    return subprocess.run(
        command,
        cwd=folder,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def git(folder: Path, *args: str) -> str:
    result = run_in(folder, "git", *args)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def commit_all(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "--allow-empty", "-m", message)


class TemplateRepo:
    """A git repository of the template whose releases are PEP 440 tags."""

    def __init__(self, path: Path, tagged: bool = True) -> None:
        self.path = path
        # Without tags, as a fresh clone or a fork: releases are then found by commit.
        self.tagged = tagged
        self.refs: dict[str, str] = {}

    @classmethod
    def from_worktree(cls, path: Path, tagged: bool = True) -> "TemplateRepo":
        """This working tree as release VERSION."""
        path.mkdir(parents=True, exist_ok=True)
        git(path, "init", "-q", "-b", "main")
        repo = cls(path, tagged)
        repo.copy_worktree()
        repo.release(VERSION)
        return repo

    @classmethod
    def from_history(cls, path: Path, tagged: bool = True) -> "TemplateRepo":
        """Commit 4e48fec as release 0.1.0, then this working tree as VERSION."""
        return cls.from_commit(path, RELEASE_0_1_0, "0.1.0", VERSION, tagged)

    @classmethod
    def from_commit(
        cls,
        path: Path,
        commit: str,
        old: str,
        new: str = VERSION,
        tagged: bool = True,
    ) -> "TemplateRepo":
        """Commit `commit` of this repository as release `old`, then this working
        tree as release `new`."""
        found = run_in(REPO_ROOT, "git", "cat-file", "-e", f"{commit}^{{tree}}")
        assert found.returncode == 0, (
            f"commit {commit} (release {old}) is not in this clone: fetch the "
            "whole history (git fetch --unshallow) to test updates from it"
        )
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit],
            cwd=REPO_ROOT,
            capture_output=True,
            check=True,
        ).stdout
        path.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(path, filter="data")
        git(path, "init", "-q", "-b", "main")
        repo = cls(path, tagged)
        repo.release(old)
        repo.copy_worktree()
        repo.release(new)
        return repo

    def copy_worktree(self) -> None:
        """Replace the files with this working tree's (uncommitted changes included)."""
        for old in self.path.iterdir():
            if old.name != ".git":
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        listed = git(
            REPO_ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"
        )
        for relative in filter(None, listed.split("\0")):
            source = REPO_ROOT / relative
            if source.is_file():  # a tracked file deleted in the working tree is gone
                (self.path / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, self.path / relative)

    def file(self, relative: str) -> Path:
        return self.path / relative

    def replace(self, relative: str, old: str, new: str) -> None:
        """Change the template: `old` must occur in the file, and is replaced once."""
        path = self.file(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}: adapt this test's release"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, relative: str, addition: str) -> None:
        path = self.file(relative)
        path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")

    def release(self, version: str) -> None:
        """Commit the changes as release `version`, as the maintainer makes one: its
        version in pyproject.toml, its CHANGELOG entry, and a tag where tagged."""
        self.set_version(version)
        commit_all(self.path, f"Release {version}")
        if self.tagged:
            git(self.path, "tag", version)
        self.refs[version] = version if self.tagged else self.head()

    def set_version(self, version: str) -> None:
        """pyproject.toml's version, and a CHANGELOG entry under Unreleased's."""
        pyproject = self.file("pyproject.toml")
        text = pyproject.read_text(encoding="utf-8")
        current = tomllib.loads(text)["project"]["version"]
        if current == version:
            return
        pyproject.write_text(
            text.replace(f'version = "{current}"', f'version = "{version}"', 1),
            encoding="utf-8",
        )
        changelog = self.file("CHANGELOG.md")
        text = changelog.read_text(encoding="utf-8")
        entry = f"## {version}\n\n- Release {version} of the tests' template.\n\n"
        changelog.write_text(
            text.replace(f"## {current}\n", f"{entry}## {current}\n", 1),
            encoding="utf-8",
        )

    def head(self) -> str:
        return git(self.path, "rev-parse", "HEAD").strip()

    def ref(self, version: str) -> str:
        """What names release `version` in this repository: its tag, or its commit."""
        return self.refs[version]

    def copy(self, destination: Path, version: str, **answers: Any) -> Path:
        """`copier copy` of a release, committed as a learner's first commit."""
        copier.run_copy(
            str(self.path),
            destination,
            data={**BASE_ANSWERS, **answers},
            vcs_ref=self.refs.get(version, version),
            defaults=True,
            unsafe=True,
            quiet=True,
        )
        git(destination, "init", "-q", "-b", "main")
        commit_all(destination, f"Start from ml100 {version}")
        return destination


def update(project: Path, **options: Any) -> None:
    """`copier update --trust --defaults` of a committed project."""
    copier.run_update(
        project, defaults=True, overwrite=True, unsafe=True, quiet=True, **options
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but git's own, by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(folder).parts
    }


def leftovers(folder: Path) -> list[str]:
    """Files an update must not leave: conflict markers, or .rej rejects."""
    found = []
    for relative, content in tree(folder).items():
        text = content.decode("utf-8", errors="replace")
        if relative.endswith(".rej") or CONFLICT_MARKER.search(text):
            found.append(relative)
    return found
