"""The generated pre-commit hooks install from PyPI alone and pass on a new project,
and on what every run of it writes."""

import json
import re
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from uv import find_uv_bin

from harness import CLUSTERING_VARIANTS, VARIANTS

UV = find_uv_bin()
JUPYTEXT = version("jupytext")
# A jupytext other than this environment's (the one the notebook is paired with here):
# the version a project's lock may hold when a newer one is out.
OTHER_JUPYTEXT = "1.19.6" if JUPYTEXT != "1.19.6" else "1.19.5"

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Ada",
    "GIT_AUTHOR_EMAIL": "ada@example.com",
    "GIT_COMMITTER_NAME": "Ada",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
}


def install_project_tools(project, jupytext: str = JUPYTEXT) -> None:
    """The project's .venv with the tools its system hooks run (`make install` makes
    the whole of it from uv.lock; tests/test_locked_env.py runs that)."""
    venv = project.path / ".venv"
    if not venv.is_dir():
        assert project.run(UV, "venv", "-q", str(venv)).returncode == 0
    tools = [f"ruff=={version('ruff')}", f"jupytext=={jupytext}"]
    result = project.run(UV, "pip", "install", "-q", "--python", str(venv), *tools)
    assert result.returncode == 0, result.stderr


def hooks_of(project) -> list[dict]:
    config = yaml.safe_load(project.read(".pre-commit-config.yaml"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_every_hook_installs_from_pypi_or_runs_the_project_tools(rendered) -> None:
    project = rendered("beginner-iris", **VARIANTS["beginner-iris"])
    config = yaml.safe_load(project.read(".pre-commit-config.yaml"))
    # A `repo: local` hook with language python pip-installs its dependencies;
    # anything else would clone from GitHub, which a learner may not reach.
    assert all(repo["repo"] == "local" for repo in config["repos"])
    dependencies = project_dependencies(project)
    for hook in hooks_of(project):
        if hook["language"] == "system":
            # The project's own tool, from the environment uv.lock pins: a hook
            # pinned apart from the lock would format or pair files otherwise.
            tool = hook["entry"].split()[0]
            assert tool.startswith(".venv/bin/"), hook
            assert tool.removeprefix(".venv/bin/") in dependencies, hook
            assert "additional_dependencies" not in hook
        else:
            # `fail` hooks only print their message: nothing to install.
            assert hook["language"] in {"python", "fail"}
            pins = hook.get("additional_dependencies", [])
            assert all("==" in dependency for dependency in pins)
            # A tool the project also depends on runs from the project instead.
            assert not {pin.split("==")[0] for pin in pins} & dependencies, hook


def project_dependencies(project) -> set[str]:
    """The names of every package pyproject.toml asks for, dependency groups too."""
    pyproject = tomllib.loads(project.read("pyproject.toml"))
    requirements = [
        *pyproject["project"]["dependencies"],
        *(r for group in pyproject["dependency-groups"].values() for r in group),
    ]
    return {re.split(r"[\[<>=!~ ]", r, maxsplit=1)[0].lower() for r in requirements}


@pytest.mark.slow
def test_hooks_install_and_pass_on_a_fresh_project(rendered, copy_of, tmp_path):
    # Their refusal of conflict markers and .rej files: tests/test_update.py.
    project = copy_of(
        rendered("beginner-iris", **VARIANTS["beginner-iris"]), tmp_path / "p"
    )
    env = {**GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    install_project_tools(project)
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
    # The project's lock holds another jupytext than the one the learner pairs with
    # (JupyterLab's, or the project's own before `uv lock --upgrade`).
    install_project_tools(project, jupytext=OTHER_JUPYTEXT)

    def hooks() -> int:
        project.run("git", "add", "-A")
        command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
        result = project.run(*command, env=env)
        assert "inconsistent" not in result.stdout, result.stdout
        return result.returncode

    project.run("git", "init", "-q")
    # The learner pairs the percent script with an .ipynb (README), then runs a cell.
    script, notebook = "notebooks/01-explore.py", "notebooks/01-explore.ipynb"
    pair = ["--set-formats", "ipynb,py:percent", script]
    assert project.run(sys.executable, "-m", "jupytext", *pair).returncode == 0
    assert "jupytext_version: " not in project.read(script)
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
    project.run("git", "commit", "-q", "-m", "a cell", env=env)

    # The project's jupytext moves on (a newer lock): the pair stays in sync.
    install_project_tools(project, jupytext=JUPYTEXT)
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
