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
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Project]:
    """`rendered(name, **answers)`: render once per name in this run, then reuse.

    Under pytest-xdist each worker is a session of its own: the workers share one
    folder of renders, and a lock per name, so each variant is still rendered once.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    cache: dict[str, Project] = {}

    def get(name: str, **answers: Any) -> Project:
        if name not in cache:
            workdir = shared / "rendered" / name
            workdir.mkdir(parents=True, exist_ok=True)
            with FileLock(workdir.parent / f"{name}.lock"):
                record = workdir / "answers.json"
                if not record.is_file():
                    kind = answers.pop("kind", None)
                    if kind:
                        answers = {**dataset_answers(kind, workdir), **answers}
                    render(workdir / "project", answers)
                    record.write_text(json.dumps(answers), encoding="utf-8")
            cache[name] = Project(workdir / "project", json.loads(record.read_text()))
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
