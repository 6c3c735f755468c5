"""Session fixtures: each answer set is rendered once and shared by the tests."""

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harness import Project, dataset_answers, render


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Project]:
    """`rendered(name, **answers)`: render once per name in this session, then reuse."""
    cache: dict[str, Project] = {}

    def get(name: str, **answers: Any) -> Project:
        if name not in cache:
            workdir = tmp_path_factory.mktemp(name)
            kind = answers.pop("kind", None)
            if kind:
                answers = {**dataset_answers(kind, workdir), **answers}
            cache[name] = Project(render(workdir / "project", answers), answers)
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
