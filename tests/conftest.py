"""Session fixtures: each answer set is rendered once and shared by the tests."""

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from harness import Project, dataset_answers, render


@pytest.fixture(scope="session")
def build_once(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str, Callable[[Path], None]], Path]:
    """`build_once(name, build)`: a folder that `build(folder)` filled, once per run.

    Under pytest-xdist each worker is a session of its own: the workers share one
    folder of builds, and a lock per name, so each is still built once.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def get(name: str, build: Callable[[Path], None]) -> Path:
        folder = shared / "built" / name
        folder.mkdir(parents=True, exist_ok=True)
        done = folder.parent / f"{name}.done"
        with FileLock(folder.parent / f"{name}.lock"):
            if not done.is_file():
                build(folder)
                done.touch()
        return folder

    return get


@pytest.fixture(scope="session")
def rendered(build_once) -> Callable[..., Project]:
    """`rendered(name, **answers)`: render once per name in this run, then reuse."""
    cache: dict[str, Project] = {}

    def get(name: str, **answers: Any) -> Project:
        if name not in cache:

            def build(workdir: Path) -> None:
                data = answers.pop("data", None)
                full = (
                    {**dataset_answers(data, workdir), **answers} if data else answers
                )
                render(workdir / "project", full)
                (workdir / "answers.json").write_text(json.dumps(full), "utf-8")

            workdir = build_once(f"rendered-{name}", build)
            recorded = json.loads((workdir / "answers.json").read_text("utf-8"))
            cache[name] = Project(workdir / "project", recorded)
        return cache[name]

    return get


@pytest.fixture
def copy_of() -> Callable[[Project, Path], Project]:
    """A private copy of a shared render, for tests that change files."""

    def make(project: Project, destination: Path) -> Project:
        shutil.copytree(project.path, destination)
        return Project(destination, project.answers)

    return make


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs generated projects end to end")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: pytest-xdist hands tests out in this order, so the
    minutes-long ones start at once and the quick ones fill the gaps, instead of a
    long one starting last while the other workers sit idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
