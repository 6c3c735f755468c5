"""`ml100 update-all`: every clean project to a template release, in parallel.

Each project goes through Copier's own update (`copier.run_update`), as
`copier update --trust --defaults` would, and is left uncommitted so the learner reviews
`git diff HEAD` before committing; `git checkout HEAD -- . && git clean -fd .` in the
project drops it. A project with uncommitted changes is skipped and not touched. The
template's last update step fails where the update met the learner's edits (conflict
markers, .rej files): that project's outcome is "conflicts", with the files named.

One repository with a folder per project: Copier scopes its "repository is dirty"
check to the project's folder (since 9.11, copier-org/copier#2362), but its conflict
pass reads `git status` of the whole repository and takes every `.rej` file there for
its own, so two updates at once in one repository would merge each other's files.
There the projects are updated one after another; separate repositories in parallel.
"""

import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import copier
from copier.errors import CopierError, TaskError

from .errors import HubError
from .gitutil import changed_paths
from .project import Project
from .releases import Recorded, Releases, as_version
from .table import text_table
from .workspace import Layout, Workspace

# The lines Copier writes where the learner's edit and the template's change meet.
CONFLICT_LINES = (b"<<<<<<< before updating", b">>>>>>> after updating")
# What to do with a project whose update met the learner's edits.
RESOLVE = (
    "conflicts: in each project listed, keep what you want between the <<<<<<< and "
    ">>>>>>> lines and delete the markers (a .rej file holds a change to make by "
    "hand), then commit; or drop its update, in its folder: "
    "git checkout HEAD -- . && git clean -fd ."
)
# Outcomes that make the command fail.
FAILING = ("conflicts", "failed", "tests failed")


@dataclass(frozen=True)
class Outcome:
    name: str
    state: str  # updated, current, skipped, conflicts, failed, tests failed
    detail: str


def conflicted_files(folder: Path, changed: list[str], prefix: str) -> list[str]:
    """The changed files holding Copier's conflict lines, or left as .rej rejects."""
    found = []
    for path in changed:
        relative = path.removeprefix(prefix)
        file = folder / relative
        if relative.endswith(".rej"):
            found.append(relative)
        elif file.is_file():
            lines = (line.rstrip() for line in file.read_bytes().splitlines())
            if any(line in CONFLICT_LINES for line in lines):
                found.append(relative)
    return found


def run_fast_tests(folder: Path) -> str | None:
    """The project's tests but the slow ones: None if they pass, else the last line."""
    venv_python = folder / ".venv" / "bin" / "python"
    python = str(venv_python) if venv_python.is_file() else sys.executable
    result = subprocess.run(
        [python, "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider"],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(folder / "src"), "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return None
    lines = (result.stdout + result.stderr).strip().splitlines()
    return lines[-1] if lines else f"pytest exited with {result.returncode}"


def update_one(folder: Path, repository: Path, to: str | None, test: bool) -> Outcome:
    """Update one committed project (this runs in a worker process)."""
    name = folder.name
    prefix = "" if repository == folder else f"{folder.name}/"
    try:
        before = Recorded.parse(Project.read(folder).release)
        try:
            copier.run_update(
                folder,
                vcs_ref=to,
                defaults=True,
                overwrite=True,
                skip_answered=True,
                unsafe=True,
                quiet=True,
            )
        except TaskError:
            # The template's last step fails on a conflict: then it is this outcome.
            changed = changed_paths(repository, folder.name if prefix else ".")
            conflicts = conflicted_files(folder, changed, prefix)
            if not conflicts:
                raise
            return Outcome(name, "conflicts", "conflicts in " + ", ".join(conflicts))
        changed = changed_paths(repository, folder.name if prefix else ".")
        after = Recorded.parse(Project.read(folder).release)
    except Exception as error:  # noqa: BLE001 - one project's failure is its outcome
        reason = " ".join(str(error).split()) or type(error).__name__
        if not isinstance(error, CopierError | HubError):
            reason = f"{type(error).__name__}: {reason}"
        return Outcome(name, "failed", reason)
    if not changed:
        return Outcome(name, "current", f"already at {after.label}")
    conflicts = conflicted_files(folder, changed, prefix)
    if conflicts:
        return Outcome(name, "conflicts", "conflicts in " + ", ".join(conflicts))
    detail = f"{before.label} -> {after.label}"
    if test:
        failure = run_fast_tests(folder)
        if failure:
            return Outcome(name, "tests failed", f"{detail}; tests: {failure}")
        detail += "; tests pass"
    return Outcome(name, "updated", detail)


def check_release(project: Project, to: str, releases: Releases) -> None:
    versions = releases.of(project.template)
    if versions is None:
        raise HubError(f"cannot list the releases of {project.template}")
    if as_version(to) not in versions:
        listed = ", ".join(map(str, versions)) or "none"
        raise HubError(f"{to} is not a release of {project.template} ({listed})")


def run(workspace: Workspace, *, to: str | None, jobs: int, test: bool) -> int:
    folders = workspace.require_projects()
    changes = workspace.uncommitted()
    repository = workspace.root if workspace.layout is Layout.REPOSITORY else None
    releases = Releases()
    outcomes: list[Outcome] = []
    todo: list[Path] = []
    for folder in folders:
        try:
            project = Project.read(folder)
            if to is not None:
                check_release(project, to, releases)
        except HubError as error:
            outcomes.append(Outcome(folder.name, "failed", str(error)))
            continue
        uncommitted = changes.get(folder)
        if uncommitted is None:
            outcomes.append(Outcome(folder.name, "failed", "not a git repository"))
        elif uncommitted:
            shown = uncommitted[0] + (" ..." if len(uncommitted) > 1 else "")
            detail = f"{len(uncommitted)} uncommitted changes ({shown}): commit first"
            outcomes.append(Outcome(folder.name, "skipped", detail))
        else:
            todo.append(folder)
    for outcome in outcomes:
        print(f"{outcome.name}: {outcome.state}: {outcome.detail}", file=sys.stderr)
    workers = 1 if repository else max(1, min(jobs, len(todo)))
    print(
        f"updating {len(todo)} project(s), {workers} at a time...",
        file=sys.stderr,
        flush=True,
    )
    done = 0

    def report(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        outcomes.append(outcome)
        print(f"[{done}/{len(todo)}] {outcome.name}: {outcome.detail}", file=sys.stderr)

    if workers == 1:
        for folder in todo:
            report(update_one(folder, repository or folder, to, test))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(update_one, folder, folder, to, test) for folder in todo
            ]
            for future in as_completed(futures):
                report(future.result())
    outcomes.sort(key=lambda outcome: outcome.name)
    rows = [[o.name, o.state, o.detail] for o in outcomes]
    print(text_table(["project", "outcome", "detail"], rows))
    if any(o.state == "conflicts" for o in outcomes):
        print(RESOLVE, file=sys.stderr)
    return 1 if any(o.state in FAILING for o in outcomes) else 0
