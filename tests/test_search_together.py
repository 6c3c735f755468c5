"""Searching together: several `search` workers share one Optuna study on a real
PostgreSQL server, with the driver the project's `postgres` extra installs.

The server is Debian's `postgresql` package (README command 2), started by the test
in a folder of its own, listening on 127.0.0.1 only; the test skips where there is
none. PostgreSQL refuses to run as root: as root, its commands run as the `postgres`
user the package creates.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import optuna
import pytest
from packaging.requirements import Requirement

from harness import VARIANTS, Project

WORKERS, TRIALS_EACH = 3, 8
# The error of a worker that has no driver for the URL it was given.
NO_DRIVER = "its driver is not installed: `uv sync --extra postgres` installs it"


def postgres_bin() -> Path | None:
    """The folder of Debian's PostgreSQL programs (not on PATH), the newest one."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server of this test's own, its URL (user ml100, no password)."""
    programs = postgres_bin()
    if programs is None:
        pytest.skip("no PostgreSQL here: apt-get install postgresql (README command 2)")
    # Outside pytest's own temporary folder, which only root may enter.
    folder = Path(tempfile.mkdtemp(prefix="ml100-postgres-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()

    def postgres(program: str, *arguments: str) -> None:
        command = [*as_owner, str(programs / program), *arguments]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr

    postgres("initdb", "-D", str(data), "-U", "ml100", "--auth=trust", "--no-sync")
    server = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off"
    log = str(folder / "log")
    postgres("pg_ctl", "-D", str(data), "-l", log, "-w", "-o", server, "start")
    try:
        yield f"postgresql://ml100@127.0.0.1:{port}/postgres"
    finally:
        postgres("pg_ctl", "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def worker_env(project: Project, *first: Path) -> dict[str, str]:
    """What this session imports (the driver included), the project's source, and
    `first` ahead of both; one thread each, so the workers do not fight."""
    path = [*map(str, first), str(project.path / "src"), *sys.path]
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(path),
        "OMP_NUM_THREADS": "1",
        "MPLBACKEND": "Agg",
    }


@pytest.mark.slow
def test_three_workers_share_one_study_on_postgresql(
    postgres_url, rendered, copy_of, tmp_path
) -> None:
    name = "intermediate-iris"
    project = copy_of(rendered(name, **VARIANTS[name]), tmp_path / "p")
    # The workers run with what the project's `postgres` extra asks for.
    extra = tomllib.loads(project.read("pyproject.toml"))["project"]
    for wanted in map(Requirement, extra["optional-dependencies"]["postgres"]):
        assert wanted.specifier.contains(version(wanted.name)), wanted
    shared = ["--search.folds=3", f"--search.storage={postgres_url}"]
    search = [sys.executable, "-m", project.package, "search", *shared]
    search.append(f"--search.n_trials={TRIALS_EACH}")
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    env = worker_env(project)
    workers = [
        subprocess.Popen(search, cwd=project.path, env=env, **pipes)
        for _ in range(WORKERS)
    ]
    for worker in workers:
        _, errors = worker.communicate(timeout=600)
        assert worker.returncode == 0, errors[-3000:]

    (summary,) = optuna.get_all_study_summaries(storage=postgres_url)
    study = optuna.load_study(study_name=summary.study_name, storage=postgres_url)
    trials = study.trials
    finished = [t for t in trials if t.state == optuna.trial.TrialState.COMPLETE]
    assert len(finished) == len(trials) == WORKERS * TRIALS_EACH
    assert sorted(trial.number for trial in trials) == list(range(len(trials)))
    assert len({trial.user_attrs["worker"] for trial in trials}) == WORKERS

    # Then train on what they found, adding no trial (README, "More workers").
    train = [sys.executable, "-m", project.package, "train", *shared]
    train.append("--search.n_trials=0")
    result = subprocess.run(train, cwd=project.path, env=env, **pipes, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(study.get_trials()) == WORKERS * TRIALS_EACH


def test_a_worker_without_the_driver_names_the_extra(
    rendered, copy_of, tmp_path
) -> None:
    name = "intermediate-iris"
    project = copy_of(rendered(name, **VARIANTS[name]), tmp_path / "p")
    pyproject = tomllib.loads(project.read("pyproject.toml"))
    assert (
        "psycopg[binary]>=3.1"
        in pyproject["project"]["optional-dependencies"]["postgres"]
    )
    readme = " ".join(project.read("README.md").split())
    assert "`uv sync --extra postgres` installs it" in readme
    assert "psycopg2" not in readme

    # A psycopg that is not there: what a project synced without the extra has.
    missing = tmp_path / "without-psycopg" / "psycopg"
    missing.mkdir(parents=True)
    (missing / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n"
    )
    url = "postgresql://ada:secret@127.0.0.1:9/optuna"
    command = [sys.executable, "-m", project.package, "search", "--search.n_trials=1"]
    result = subprocess.run(
        [*command, f"--search.storage={url}"],
        cwd=project.path,
        env=worker_env(project, missing.parent),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        "error: cannot open Optuna storage postgresql://ada:***@127.0.0.1:9/optuna: "
        + NO_DRIVER
    ]
