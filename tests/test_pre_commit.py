"""The generated pre-commit hooks install from PyPI alone and pass on a new project,
and on what every run of it writes."""

import json
import sys
from pathlib import Path

import pytest
import yaml

from harness import CLUSTERING_VARIANTS, VARIANTS

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Ada",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
}


def test_every_hook_installs_from_pypi(rendered) -> None:
    project = rendered("beginner-iris", **VARIANTS["beginner-iris"])
    config = yaml.safe_load(project.read(".pre-commit-config.yaml"))
    for repo in config["repos"]:
        # A `repo: local` hook with language python pip-installs its dependencies;
        # anything else would clone from GitHub, which a learner may not reach.
        assert repo["repo"] == "local"
        for hook in repo["hooks"]:
            # `fail` hooks only print their message: nothing to install.
            assert hook["language"] in {"python", "fail"}
            pins = hook.get("additional_dependencies", [])
            assert all("==" in dependency for dependency in pins)


@pytest.mark.slow
def test_hooks_install_and_pass_on_a_fresh_project(rendered, copy_of, tmp_path):
    # Their refusal of conflict markers and .rej files: tests/test_update.py.
    project = copy_of(
        rendered("beginner-iris", **VARIANTS["beginner-iris"]), tmp_path / "p"
    )
    env = {**GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    project.run("git", "init", "-q")
    project.run("git", "add", "-A")
    result = project.run(
        sys.executable, "-m", "pre_commit", "run", "--all-files", env=env
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Passed" in result.stdout


@pytest.mark.parametrize("git_repository", [True, False], ids=["git", "no-git"])
def test_make_install_installs_the_hook_or_says_why_not(
    git_repository, rendered, copy_of, tmp_path
):
    project = copy_of(
        rendered("beginner-iris", **VARIANTS["beginner-iris"]), tmp_path / "p"
    )
    # A stand-in for uv: `uv sync` is skipped (this environment has everything;
    # tests/test_locked_env.py runs the real one); the hook installs for real.
    uv = tmp_path / "uv"
    uv.write_text("#!/bin/sh\nexit 0\n")
    uv.chmod(0o755)
    if git_repository:
        project.run("git", "init", "-q")
    command = ["make", "install", f"UV={uv}", f"PYTHON={sys.executable}"]
    result = project.run(*command)
    assert result.returncode == 0, result.stdout + result.stderr
    hook = project.path / ".git" / "hooks" / "pre-commit"
    if git_repository:
        assert hook.is_file()
        assert "each commit now runs the checks" in result.stdout
    else:
        assert not hook.exists()
        assert "this folder is not a git repository yet (git init" in result.stdout


@pytest.mark.slow
def test_hooks_strip_notebook_outputs_and_keep_the_pair_in_sync(
    rendered, copy_of, tmp_path
):
    project = copy_of(
        rendered("beginner-iris", **VARIANTS["beginner-iris"]), tmp_path / "p"
    )
    env = {**GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def hooks() -> int:
        project.run("git", "add", "-A")
        command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
        return project.run(*command, env=env).returncode

    project.run("git", "init", "-q")
    # The learner pairs the percent script with an .ipynb (README), then runs a cell.
    script, notebook = "notebooks/01-explore.py", "notebooks/01-explore.ipynb"
    pair = ["--set-formats", "ipynb,py:percent", script]
    assert project.run(sys.executable, "-m", "jupytext", *pair).returncode == 0
    cells = json.loads(project.read(notebook))
    code = next(cell for cell in cells["cells"] if cell["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["ran\n"]}]
    (project.path / notebook).write_text(json.dumps(cells), encoding="utf-8")
    assert hooks() == 1, "the outputs were not stripped"
    assert '"ran\\n"' not in project.read(notebook)
    assert hooks() == 0
    project.run("git", "commit", "-q", "-m", "paired", env=env)

    # A cell added to the script reaches the .ipynb at the next commit.
    with (project.path / script).open("a", encoding="utf-8") as file:
        file.write("\n# %%\nanswer = 42\n")
    assert hooks() == 1, "the .ipynb was not brought in line"
    assert "answer = 42" in project.read(notebook)
    assert hooks() == 0


# A beginner project of each problem kind: what a run writes is the same in each tier.
DAILY_LOOP = ["beginner-iris", "beginner-text", "beginner-images", "beginner-co2"]


@pytest.fixture(scope="session")
def hook_cache(tmp_path_factory) -> str:
    """One PRE_COMMIT_HOME per test process: the hooks install from PyPI once."""
    return str(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.mark.slow
@pytest.mark.parametrize("name", [*DAILY_LOOP, "beginner-clustering"])
def test_a_run_commits_at_the_first_try_and_a_rerun_changes_nothing(
    name, rendered, copy_of, tmp_path, hook_cache
):
    answers = {**VARIANTS, **CLUSTERING_VARIANTS}[name]
    project = copy_of(rendered(name, **answers), tmp_path / "p")
    env = {**GIT_IDENTITY, "PRE_COMMIT_HOME": hook_cache}
    # The project's .venv is this environment (hooks may run its tools from
    # .venv/bin/); `uv sync` is a stand-in: tests/test_locked_env.py runs the real one.
    (project.path / ".venv").mkdir()
    (project.path / ".venv" / "bin").symlink_to(Path(sys.prefix) / "bin")
    uv = tmp_path / "uv"
    uv.write_text("#!/bin/sh\nexit 0\n")
    uv.chmod(0o755)
    project.run("git", "init", "-q")
    make = ["make", "--no-print-directory", f"UV={uv}", f"PYTHON={sys.executable}"]
    for target in ("install", "all"):
        result = project.run(*make, target, env=env)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    project.run("git", "add", "-A")
    result = project.run("git", "commit", "-q", "-m", "First run", env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    # Nothing changed: the run writes the same files, byte for byte.
    result = project.run(*make, "all", env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    status = project.run("git", "status", "--porcelain").stdout
    assert status == "", status
