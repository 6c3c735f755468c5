"""Every project of a workspace read into one row, or into a one-line problem."""

from dataclasses import dataclass
from pathlib import Path

from packaging.version import Version

from .errors import HubError
from .project import Post, Project, Result
from .releases import Recorded, Releases
from .workspace import Workspace


@dataclass(frozen=True)
class Row:
    project: Project
    result: Result | None
    post: Post | None
    recorded: Recorded
    newer: Version | None
    uncommitted: list[str] | None  # None: git does not track the project

    @property
    def result_text(self) -> str:
        if self.result is None:
            return "not trained"
        r = self.result
        return f"{r.metric} {r.model:.3f} (baseline {r.baseline:.3f})"

    @property
    def post_text(self) -> str:
        return self.post.status if self.post else "no draft"

    @property
    def release_text(self) -> str:
        label = self.recorded.label
        return f"{label} -> {self.newer} available" if self.newer else label

    @property
    def changes_text(self) -> str:
        if self.uncommitted is None:
            return "not in git"
        count = len(self.uncommitted)
        return f"{count} uncommitted" if count else "clean"


@dataclass(frozen=True)
class Problem:
    folder: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.folder.name}: {self.reason}"


def read_row(
    folder: Path,
    releases: Releases,
    uncommitted: list[str] | None,
) -> Row:
    project = Project.read(folder)
    recorded = Recorded.parse(project.release)
    return Row(
        project=project,
        result=project.result(),
        post=project.post(),
        recorded=recorded,
        newer=releases.newer_than(project.template, recorded),
        uncommitted=uncommitted,
    )


def survey(
    workspace: Workspace, releases: Releases | None = None
) -> tuple[list[Row], list[Problem]]:
    """Every readable project's row, by number, and a problem for each other one."""
    releases = releases or Releases()
    folders = workspace.require_projects()
    changes = workspace.uncommitted()
    rows, problems = [], []
    for folder in folders:
        try:
            rows.append(read_row(folder, releases, changes.get(folder)))
        except HubError as error:
            problems.append(Problem(folder, str(error)))
    rows.sort(key=lambda row: (row.project.number, row.project.name))
    return rows, problems
