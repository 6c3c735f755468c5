"""The few git commands the hub runs, each one a subprocess."""

import subprocess
from pathlib import Path

from .errors import HubError


def git(folder: Path, *args: str, check: bool = True) -> str:
    """Run `git args` in `folder` and return its output; a failure is a HubError."""
    result = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=False
    )
    if check and result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()
        raise HubError(f"git {args[0]} in {folder}: {reason[-1] if reason else '?'}")
    return result.stdout


def is_repository_root(folder: Path) -> bool:
    return (folder / ".git").exists()


def changed_paths(repository: Path, under: str = ".") -> list[str]:
    """Uncommitted changes (untracked files too) under `under`, from the repository's
    root, as `git status` lists them."""
    listing = git(repository, "status", "--porcelain", "-z", "--", under)
    entries = listing.split("\0")
    paths, skip = [], False
    for entry in entries:
        if skip or not entry:
            skip = False
            continue
        status, path = entry[:2], entry[3:]
        skip = "R" in status or "C" in status  # a rename is followed by its old name
        paths.append(path)
    return paths


def commit(repository: Path, message: str, *paths: str) -> None:
    """Stage `paths` (all when none) and commit only them."""
    git(repository, "add", "-A", "--", *(paths or (".",)))
    git(repository, "commit", "-q", "-m", message, "--", *(paths or (".",)))
