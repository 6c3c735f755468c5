"""A workspace: the folder that holds the projects, and how git holds them.

Two layouts, told apart by git: a folder of sibling project repositories (each project
its own `git init`), or one git repository (`.git` at the workspace's root) with a
folder per project. A project folder is a subfolder holding `.copier-answers.yml` or
`configs/project.yaml`, or named like one (`042-...`), so a folder that lost its
answers file is still listed, with the reason it cannot be read.
"""

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .errors import HubError
from .gitutil import changed_paths, is_repository_root

NUMBERED = re.compile(r"^\d{1,3}-")
ANSWERS_FILE = ".copier-answers.yml"
PROJECT_CONFIG = "configs/project.yaml"


class Layout(Enum):
    FOLDERS = "a folder of project repositories"
    REPOSITORY = "one repository, a folder per project"


def looks_like_project(folder: Path) -> bool:
    return (
        (folder / ANSWERS_FILE).is_file()
        or (folder / PROJECT_CONFIG).is_file()
        or bool(NUMBERED.match(folder.name))
    )


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def at(cls, root: Path) -> "Workspace":
        """The workspace at `root`; refuses a project folder given for its workspace."""
        root = root.resolve()
        if not root.is_dir():
            raise HubError(f"{root} is not a folder: give the folder of your projects")
        if (root / ANSWERS_FILE).is_file() and (root / PROJECT_CONFIG).is_file():
            raise HubError(
                f"{root} is a project, not a workspace: run ml100 in the folder "
                f"that holds your projects ({root.parent})"
            )
        return cls(root)

    @property
    def layout(self) -> Layout:
        return Layout.REPOSITORY if is_repository_root(self.root) else Layout.FOLDERS

    def project_folders(self) -> list[Path]:
        """Every project folder, in name order (so by number)."""
        return sorted(
            child
            for child in self.root.iterdir()
            if child.is_dir()
            and not child.name.startswith(".")
            and looks_like_project(child)
        )

    def require_projects(self) -> list[Path]:
        folders = self.project_folders()
        if not folders:
            raise HubError(
                f"{self.root} holds no ml100 projects (folders with "
                f"{ANSWERS_FILE}): start one with `ml100 new`, or give the folder "
                "that holds them with --workspace"
            )
        return folders

    def uncommitted(self) -> dict[Path, list[str] | None]:
        """Each project folder's uncommitted paths; None where git does not track it."""
        folders = self.project_folders()
        if self.layout is Layout.REPOSITORY:
            found: dict[Path, list[str] | None] = {folder: [] for folder in folders}
            for path in changed_paths(self.root):
                top = self.root / path.split("/", 1)[0]
                if top in found:
                    found[top].append(path)
            return found
        return {folder: own_changes(folder) for folder in folders}


def own_changes(folder: Path) -> list[str] | None:
    """A project repository's uncommitted paths; None if git cannot read it."""
    if not is_repository_root(folder):
        return None
    try:
        return changed_paths(folder)
    except HubError:
        return None
