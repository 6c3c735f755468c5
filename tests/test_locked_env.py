"""Generated projects install from their uv.lock, and train in what it pins.

The beginner project goes the learner's way: `make install` on a machine without uv
installs uv from PyPI, locks and syncs; then the environment is made again from the
lock alone, offline, and `make train` runs in it. The advanced project's PyTorch
indexes are checked by locking against a stand-in for PyTorch's CPU index, so no
torch build is downloaded here. `make update` to a release that adds a dependency
leaves a lock that matches the new pyproject.toml and keeps every other pin.
"""

import json
import os
import shutil
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from uv import find_uv_bin

from harness import VARIANTS
from template_repo import VERSION, TemplateRepo, commit_all, later, run_in

UV = find_uv_bin()


def without_uv_on_path() -> str:
    """PATH without the folders that hold a `uv`: the learner who has none yet."""
    folders = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(f for f in folders if not (Path(f) / "uv").exists())


def locked(lock: Path) -> dict[str, list[dict]]:
    """The packages uv.lock pins, by name: one per version it may install (a lock
    for several Python versions may pin a library twice)."""
    pins: dict[str, list[dict]] = {}
    for package in tomllib.loads(lock.read_text())["package"]:
        pins.setdefault(package["name"], []).append(package)
    return pins


def recorded_versions(model_file: Path) -> dict[str, str]:
    """What the engine's save_model records in a model file (core/artifacts.py)."""
    with zipfile.ZipFile(model_file) as archive:
        return json.loads(archive.read("versions.json"))


def assert_hooks_agree_with_the_lock(project: Path, pins: dict[str, list]) -> None:
    """Each pre-commit hook runs the version uv.lock pins of a package the project
    has: a `system` hook runs the project's own tool from .venv, and a hook that
    installs its own copy pins the same version as the lock."""
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())
    for hook in (hook for repo in config["repos"] for hook in repo["hooks"]):
        if hook["language"] == "system":
            assert (project / hook["entry"].split()[0]).is_file(), hook["id"]
        for pin in hook.get("additional_dependencies", []):
            name, version = pin.split("==")
            for package in pins.get(name, []):
                assert package["version"] == version, f"{hook['id']}: {pin}"


@pytest.mark.slow
def test_beginner_project_installs_from_its_lock_and_trains(
    rendered, copy_of, tmp_path
) -> None:
    project = copy_of(
        rendered("beginner-iris", **VARIANTS["beginner-iris"]), tmp_path / "p"
    )
    # The project's own environment, not this one: no PYTHONPATH, no active venv.
    env = {"PATH": without_uv_on_path(), "PYTHONPATH": "", "VIRTUAL_ENV": ""}
    project.run("git", "init", "-q")

    result = project.run("make", "install", env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "uv not found: installing it from PyPI into .venv" in result.stdout
    assert "uv.lock pins the version of every package: commit it" in result.stdout
    assert (project.path / ".git" / "hooks" / "pre-commit").is_file()
    pins = locked(project.path / "uv.lock")
    assert {"scikit-learn", "skops", "pytest", "uv", "copier"} <= pins.keys()
    assert_hooks_agree_with_the_lock(project.path, pins)

    # The lock alone remakes the environment, offline, from uv's cache. The uv that
    # `make install` bootstrapped came from pip, outside that cache: put it there
    # (else this passed only after another test had synced a project online).
    reinstall = [UV, "sync", "--frozen", "--reinstall-package", "uv"]
    assert project.run(*reinstall, env=env).returncode == 0
    shutil.rmtree(project.path / ".venv")
    offline = [UV, "sync", "--frozen", "--offline"]
    result = project.run(*offline, env=env)
    assert result.returncode == 0, result.stderr[-3000:]

    # Every target runs through `uv run` in that environment (the uv it installed).
    result = project.run("make", "train", env={**env, "UV_OFFLINE": "1"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert ".venv/bin/uv run python -m" in result.stdout
    made_with = recorded_versions(project.path / "models" / "model.skops")
    for library in ("scikit-learn", "skops", "numpy"):
        assert made_with[library] in {pin["version"] for pin in pins[library]}


def fake_torch_index(folder: Path, version: str) -> str:
    """A PEP 503 index serving one tiny wheel named torch: its metadata is all that
    `uv lock` reads."""
    name = f"torch-{version}-py3-none-any.whl"
    wheel = folder / "files" / name
    wheel.parent.mkdir(parents=True)
    dist_info = f"torch-{version}.dist-info"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("torch/__init__.py", "")
        archive.writestr(
            f"{dist_info}/METADATA",
            f"Metadata-Version: 2.1\nName: torch\nVersion: {version}\n",
        )
        archive.writestr(
            f"{dist_info}/WHEEL",
            "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        archive.writestr(f"{dist_info}/RECORD", "")
    page = folder / "simple" / "torch" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<a href="{wheel.as_uri()}">{name}</a>\n')
    return (folder / "simple").as_uri()


@pytest.mark.slow
def test_advanced_project_locks_torch_from_the_pytorch_index(
    rendered, copy_of, tmp_path
) -> None:
    project = copy_of(
        rendered("advanced-iris", **VARIANTS["advanced-iris"]), tmp_path / "p"
    )
    pyproject = project.path / "pyproject.toml"
    uv_config = tomllib.loads(pyproject.read_text())["tool"]["uv"]
    indexes = {index["name"]: index for index in uv_config["index"]}
    assert uv_config["sources"]["torch"] == {"index": "pytorch-cpu"}
    assert all(index["explicit"] for index in indexes.values())
    assert {"pytorch-cpu", "pytorch-cu126", "pytorch-cu128"} <= indexes.keys()

    cpu_index = indexes["pytorch-cpu"]["url"]
    stand_in = fake_torch_index(tmp_path / "index", "2.13.0+cpu")
    pyproject.write_text(pyproject.read_text().replace(cpu_index, stand_in))
    result = project.run(UV, "lock", env={"VIRTUAL_ENV": ""})
    assert result.returncode == 0, result.stderr[-3000:]

    pins = locked(project.path / "uv.lock")
    [torch] = pins["torch"]
    assert torch["version"] == "2.13.0+cpu"
    registry = torch["source"]["registry"]
    assert Path(registry.removeprefix("file://")) == tmp_path / "index" / "simple"
    # explicit = true: the other packages still come from PyPI.
    for pin in pins["lightning"]:
        assert pin["source"] == {"registry": "https://pypi.org/simple"}


# A dependency a later release adds; already a dependency of a dependency, so the
# new lock needs no download.
ADDED_DEPENDENCY = "packaging>=23"


@pytest.mark.slow
def test_make_update_locks_again_keeping_every_pin(tmp_path) -> None:
    repo = TemplateRepo.from_worktree(tmp_path / "ml100")
    project = repo.copy(tmp_path / "project", VERSION)
    result = run_in(project, UV, "lock")
    assert result.returncode == 0, result.stderr[-3000:]
    commit_all(project, "The lock")
    before = locked(project / "uv.lock")

    after = later(VERSION)
    repo.replace(
        "template/pyproject.toml.jinja",
        '    "pyyaml>=6",',
        f'    "{ADDED_DEPENDENCY}",\n    "pyyaml>=6",',
    )
    repo.release(after)
    make_update = ["make", "--no-print-directory", "update", f"UV={UV}"]
    result = run_in(
        project, *make_update, f"PYTHON={sys.executable}", f"TEMPLATE_VERSION={after}"
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    # The lock matches the updated pyproject.toml: `uv sync --locked` would accept it.
    check = run_in(project, UV, "lock", "--check")
    assert check.returncode == 0, check.stderr[-3000:]
    pins = locked(project / "uv.lock")
    slug = tomllib.loads((project / "pyproject.toml").read_text())["project"]["name"]
    [root] = pins[slug]
    assert "packaging" in {d["name"] for d in root["dependencies"]}
    # Every version the old lock pinned, the new one keeps.
    for name, old_pins in before.items():
        versions = {pin["version"] for pin in pins[name]}
        assert versions == {pin["version"] for pin in old_pins}, name
