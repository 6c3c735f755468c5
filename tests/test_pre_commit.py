"""The generated pre-commit hooks install from PyPI alone and pass on a new project."""

import os
import subprocess
import sys

import pytest
import yaml

from harness import VARIANTS

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
def test_hooks_pass_on_a_fresh_project_and_refuse_conflict_markers(
    rendered, copy_of, tmp_path
) -> None:
    project = copy_of(
        rendered("beginner-iris", **VARIANTS["beginner-iris"]), tmp_path / "p"
    )
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def run(*command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            command,
            cwd=project.path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    run("git", "init", "-q")
    run("git", "add", "-A")
    hooks = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    result = run(*hooks)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    model = project.path / "src" / project.package / "model.py"
    model.write_text(model.read_text() + "<<<<<<< HEAD\n=======\n>>>>>>> template\n")
    run("git", "add", "-A")
    result = run(*hooks)
    assert result.returncode != 0
    assert "Merge conflict string" in result.stdout
