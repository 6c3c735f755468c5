"""Times the hub on a workspace of many projects: `ml100 status`, and `ml100 update-all`
next to the same updates run one `copier update` after another.

The template is this working tree, tagged as its release in a temporary repository, and
a next release that changes one engine file (tests/template_repo.py builds both). One
default project is rendered and copied into N project repositories (same answers, so
every update does the same work). Each update round starts from the committed projects.

    .venv/bin/python benchmarks/hub.py              # 100 projects, a few minutes
    .venv/bin/python benchmarks/hub.py --projects 10 --jobs 2
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the tests import (pyproject.toml's pytest pythonpath): the template's release
# helpers, and the Jinja extension (`ml100_jinja`); the hub runs as a command.
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "extensions")]

from template_repo import GIT_ENV, VERSION, TemplateRepo, later  # noqa: E402

NEXT = later(VERSION)
ENV = {**os.environ, **GIT_ENV, "PYTHONPATH": str(ROOT / "src")}
COPIER = str(Path(sys.executable).parent / "copier")


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode not in (0, 1):  # ml100 status: 1 if a project is unreadable
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def git(folder: Path, *args: str) -> None:
    run(["git", *args], folder)


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    run(command, cwd)
    return time.perf_counter() - start


def workspace_of(folder: Path, template: TemplateRepo, count: int) -> list[Path]:
    first = template.copy(folder / "001-iris-classification", VERSION)
    projects = [first]
    for number in range(2, count + 1):
        project = folder / f"{number:03d}-iris-classification"
        shutil.copytree(first, project, symlinks=True)
        projects.append(project)
    return projects


def reset(projects: list[Path]) -> None:
    for project in projects:
        git(project, "reset", "-q", "--hard")
        git(project, "clean", "-qfd")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ml100-hub-bench-") as temporary:
        folder = Path(temporary)
        template = TemplateRepo.from_worktree(folder / "ml100")
        template.append(
            "template/src/{{ package_name }}/_ladder/core/report.py",
            f"\n# Release {NEXT}.\n",
        )
        template.release(NEXT)
        workspace = folder / "workspace"
        workspace.mkdir()
        projects = workspace_of(workspace, template, options.projects)
        hub = [sys.executable, "-m", "ml100"]

        status = [timed([*hub, "status"], workspace) for _ in range(3)]

        reset(projects)
        start = time.perf_counter()
        for project in projects:
            run([COPIER, "update", "--trust", "--defaults", "-r", NEXT, "-q"], project)
        sequential = time.perf_counter() - start

        reset(projects)
        jobs = str(options.jobs)
        together = timed([*hub, "update-all", "--to", NEXT, "--jobs", jobs], workspace)

    count = options.projects
    print(f"| `ml100 status`, {count} projects | {statistics.median(status):.2f} s |")
    print(f"| {count} sequential `copier update` | {sequential:.1f} s |")
    print(
        f"| `ml100 update-all --jobs {jobs}`, {count} projects | {together:.1f} s "
        f"| {together / sequential:.2f}x |"
    )
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} cores, load average {load:.1f} at the end")


if __name__ == "__main__":
    main()
