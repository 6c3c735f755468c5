"""Data `train` would refuse is refused when the project is made, in the same words.

One row per mistake in the learner's own data (a CSV, a folder of images). Each row
is given to `copier copy` while the file exists: the copy stops with the one line
`train` prints for that data, and nothing is written (a file that is no CSV, or a
folder of no images, is refused by its path's question, which asks again).
The same data put into a made project (where nothing checked it) is refused by
`train` with that line too: both run the engine's one set of checks,
`_ladder/core/data_checks.py`. The copier CLI and `ml100 new` are each driven on a
row as a learner meets them (the prompt in a terminal: tests/test_prompts.py).
"""

import io
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from copier.errors import UserMessageError
from PIL import Image

from harness import BASE_ANSWERS, REPO_ROOT, Project, render
from ml100_jinja.catalogue import KINDS
from template_repo import GIT_ENV

# The learner's data is named like this where it lies, and in data/raw/ once copied.
CSV_NAME = "data.csv"
IMAGES_NAME = "photos"


def rows(header: str, lines: list[str]) -> bytes:
    return (header + "\n" + "\n".join(lines) + "\n").encode()


def months(count: int, start: int = 2020) -> list[str]:
    return [f"{start + month // 12}-{month % 12 + 1:02d}-01" for month in range(count)]


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass(frozen=True)
class DataCase:
    """Data a learner brings, the answers naming it, and what is said of it.

    `message` holds `{path}` where the line names the file (or the folder of images):
    the learner's own at the prompt, the project's copy at `train`.
    """

    name: str
    question: str
    answers: dict[str, Any]
    message: str
    csv: bytes | None = None
    # A folder of images: each file's path (class/file) and its bytes.
    images: dict[str, bytes] = field(default_factory=dict)


CHURN = {"kind": "tabular", "dataset": "csv", "target_column": "y"}
TEXTS = {
    "kind": "text",
    "dataset": "csv",
    "text_column": "review",
    "target_column": "label",
}
SHOPPERS = {"kind": "clustering", "dataset": "csv", "target_column": ""}
SALES = {
    "kind": "timeseries",
    "dataset": "csv",
    "date_column": "month",
    "target_column": "sales",
    "horizon": "3",
}
PHOTOS = {"kind": "images", "dataset": "folder"}
GOOD = [f"{number},{'ab'[number % 2]}" for number in range(20)]

CASES = [
    DataCase(
        "tabular-one-class",
        "task",
        {**CHURN, "task": "classification"},
        "target column 'y' holds one class only ('yes'): a classifier needs rows of "
        "at least two classes",
        csv=rows("x,y", [f"{number},yes" for number in range(20)]),
    ),
    DataCase(
        "tabular-regression-target-is-text",
        "task",
        {**CHURN, "task": "regression"},
        "target column 'y' holds text, not numbers: regression needs a numeric "
        "target (or choose task=classification)",
        csv=rows("x,y", GOOD),
    ),
    DataCase(
        "tabular-too-few-rows",
        "target_column",
        CHURN,
        "{path} has 4 rows with a value in 'y': a train/test split needs at least 10",
        csv=rows("x,y", [*GOOD[:4], "5,", "6,NA"]),
    ),
    DataCase(
        "tabular-more-classes-than-test-rows",
        "task",
        {**CHURN, "task": "classification"},
        "40 rows cannot be split into training and held-out rows (The test_size = 8 "
        "should be greater or equal to the number of classes = 20): add rows or "
        "merge rare classes",
        csv=rows("x,y", [f"{number},c{number // 2}" for number in range(40)]),
    ),
    DataCase(
        "tabular-infinite-feature",
        "target_column",
        CHURN,
        "{path} has infinite values in x: fix or drop those rows",
        csv=rows("x,y", [*GOOD, "inf,a"]),
    ),
    DataCase(
        "tabular-row-with-extra-fields",
        "csv_path",
        CHURN,
        "{path}, line 4: 3 fields where the header has 2: check its commas and quotes",
        csv=rows("x,y", [*GOOD[:2], "3,a,extra", *GOOD[3:]]),
    ),
    DataCase(
        "text-one-class",
        "target_column",
        TEXTS,
        "label column 'label' holds one class only ('sport'): a classifier needs "
        "texts of at least two classes",
        csv=rows("review,label", [f"match {number},sport" for number in range(20)]),
    ),
    DataCase(
        "text-empty-text",
        "target_column",
        TEXTS,
        "{path} has 1 empty text(s) in column 'review' (row 3 under the header): "
        "write a text there or delete those rows",
        csv=rows(
            "review,label",
            [
                f'"{" " if number == 2 else "post"}",{"ab"[number % 2]}'
                for number in range(20)
            ],
        ),
    ),
    DataCase(
        "text-too-few-texts",
        "target_column",
        TEXTS,
        "{path} has 3 labelled texts: a train/test split needs at least 10",
        csv=rows("review,label", ["good,a", "bad,b", "fine,a", "odd,"]),
    ),
    DataCase(
        "clustering-too-few-rows",
        "target_column",
        SHOPPERS,
        "{path} has 4 rows: clustering and scoring new rows needs at least 10",
        csv=rows("spend,visits", ["1,2", "3,4", "5,6", "7,8"]),
    ),
    DataCase(
        "clustering-label-has-empty-cells",
        "target_column",
        {**SHOPPERS, "target_column": "segment"},
        "{path} has 2 empty cell(s) in label column 'segment': fill them in or delete "
        "those rows, or name no label column",
        # One label empty, one that pandas reads as missing.
        csv=rows(
            "spend,segment",
            [f"{number},{'ab'[number % 2]}" for number in range(10)] + ["7,", "8,NA"],
        ),
    ),
    DataCase(
        "clustering-infinite-value",
        "target_column",
        SHOPPERS,
        "{path} has infinite values in visits: fix or drop those rows",
        csv=rows(
            "spend,visits",
            [f"{number},{number % 3}" for number in range(19)] + ["1,-inf"],
        ),
    ),
    DataCase(
        "series-date-unparseable",
        "date_column",
        SALES,
        "{path}, line 3: 'soon' in column 'month' is not a date: write dates like "
        "2024-01-31",
        csv=rows(
            "month,sales",
            [f"{'soon' if n == 1 else day},{n}" for n, day in enumerate(months(40))],
        ),
    ),
    DataCase(
        "series-date-twice",
        "date_column",
        SALES,
        "{path}: the date 2020-01-01 appears more than once in column 'month' (lines "
        "2 and 4): keep one value per date, or set data.resample to average them",
        csv=rows(
            "month,sales",
            [f"{months(40)[0 if n == 2 else n]},{n}" for n in range(40)],
        ),
    ),
    DataCase(
        "series-value-is-text",
        "target_column",
        SALES,
        "{path}, line 6: 'lots' in value column 'sales' is not a number",
        csv=rows(
            "month,sales",
            [f"{day},{'lots' if n == 4 else n}" for n, day in enumerate(months(40))],
        ),
    ),
    DataCase(
        "series-shorter-than-season-and-horizon",
        "horizon",
        SALES,
        "the series has 24 time steps, shorter than its season (12) plus the horizon "
        "(3) plus 10 to learn from: give at least 25 steps, or lower project.horizon",
        # Monthly, one month missing: still 24 steps once the gap is filled.
        csv=rows(
            "month,sales", [f"{day},{n}" for n, day in enumerate(months(24)) if n != 7]
        ),
    ),
    DataCase(
        "series-one-value",
        "target_column",
        SALES,
        "the series holds one value only: there is nothing to learn",
        csv=rows("month,sales", [f"{day},7" for day in months(40)]),
    ),
    DataCase(
        "images-one-class",
        "images_path",
        PHOTOS,
        "{path} has 1 class folder(s): a classifier needs at least two subfolders of "
        "images, one per class",
        images={"cats/1.png": png(), "cats/2.png": png()},
    ),
    DataCase(
        "images-class-without-images",
        "images_path",
        PHOTOS,
        "{path}/dogs holds no images: add some, or remove the folder",
        images={"cats/1.png": png(), "dogs/.DS_Store": b"finder"},
    ),
    DataCase(
        "images-file-not-an-image",
        "images_path",
        PHOTOS,
        "{path}/dogs/notes.txt is not an image (expected one of .bmp, .gif, .jpeg, "
        ".jpg, .png, .tif, .tiff, .webp): move it out of the folder",
        images={"cats/1.png": png(), "dogs/1.png": png(), "dogs/notes.txt": b"hi"},
    ),
    DataCase(
        "images-unreadable",
        "images_path",
        PHOTOS,
        "{path}/dogs/2.png is not an image Pillow can read (its bytes are not those "
        "of a PNG, JPEG, GIF, BMP, TIFF or WebP file): remove or replace it",
        images={"cats/1.png": png(), "dogs/1.png": png(), "dogs/2.png": b"no PNG"},
    ),
]


def write_data(case: DataCase, where: Path) -> Path:
    """The case's CSV or folder of images at `where`/<name>; its path."""
    if case.csv is not None:
        path = where / CSV_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.csv)
        return path
    path = where / IMAGES_NAME
    for name, content in case.images.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_bytes(content)
    return path


def answers_for(case: DataCase, data: Path) -> dict[str, Any]:
    key = "csv_path" if case.csv is not None else "images_path"
    return {**case.answers, key: str(data)}


@pytest.mark.parametrize("destination", ["new folder", "empty folder"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_copy_refuses_the_data_train_would_refuse(
    case: DataCase, destination: str, tmp_path: Path
) -> None:
    data = write_data(case, tmp_path / "mine")
    target = tmp_path / "project"
    if destination == "empty folder":
        target.mkdir()
    with pytest.raises((ValueError, UserMessageError)) as refused:
        render(target, answers_for(case, data))
    message = case.message.format(path=data)
    if case.question.endswith("_path"):
        # A path's own question refuses it and asks again, naming itself first.
        assert str(refused.value) == (
            f"Validation error for question '{case.question}': {case.question}: "
            f"{message}"
        )
    else:
        # Once every answer is in, the copy stops with train's line alone.
        assert isinstance(refused.value, UserMessageError)
        assert str(refused.value) == message
    if destination == "new folder":
        assert not target.exists(), "a refused copy leaves nothing behind"
    else:
        assert not any(target.iterdir()), "the folder stays empty"


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_train_refuses_the_same_data_in_the_same_words(
    case: DataCase, tmp_path: Path
) -> None:
    # Made before the data was there (nothing to check yet), then copied in by hand.
    missing = tmp_path / "later" / (CSV_NAME if case.csv is not None else IMAGES_NAME)
    project = Project(tmp_path / "project", {})
    render(project.path, answers_for(case, missing))
    data = write_data(case, project.path / "data" / "raw")

    result = project.run(sys.executable, "-m", project.package, "train")

    assert result.returncode == 1, result.stdout + result.stderr
    shown = data.relative_to(project.path)  # the engine names its files from its root
    assert result.stderr == f"error: {case.message.format(path=shown)}\n"


def copier_command() -> list[str]:
    return [str(Path(sys.executable).with_name("copier"))]


def case_named(name: str) -> DataCase:
    return next(case for case in CASES if case.name == name)


@pytest.mark.parametrize("name", ["text-one-class", "series-date-unparseable"])
def test_copier_cli_prints_the_line_and_makes_nothing(
    name: str, tmp_path: Path
) -> None:
    case = case_named(name)
    data = write_data(case, tmp_path / "mine")
    answers = {**BASE_ANSWERS, **answers_for(case, data)}
    arguments = [f"--data={key}={value}" for key, value in answers.items()]
    result = subprocess.run(
        [
            *copier_command(),
            "copy",
            "--trust",
            "--defaults",
            "--vcs-ref=HEAD",
            *arguments,
            str(REPO_ROOT),
            str(tmp_path / "project"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == case.message.format(path=data)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "project").exists()


def hub(workspace: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`ml100 arguments` run in `workspace`, as the tests' git user."""
    return subprocess.run(
        [sys.executable, "-m", "ml100", *arguments],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, **GIT_ENV, "PYTHONPATH": str(REPO_ROOT / "src")},
    )


def test_ml100_new_refuses_the_data_and_commits_nothing(tmp_path: Path) -> None:
    case = case_named("series-date-unparseable")
    data = write_data(case, tmp_path / "mine")
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    answers = {**BASE_ANSWERS, **answers_for(case, data)}
    arguments = [f"--data={key}={value}" for key, value in answers.items()]

    result = hub(
        workspace,
        "new",
        "--defaults",
        "--template",
        str(REPO_ROOT),
        "--vcs-ref",
        "HEAD",
        *arguments,
    )

    assert result.returncode == 2, result.stderr  # the hub's status for a refusal
    # (the last line: Copier warns above it when the template has uncommitted changes)
    assert result.stderr.splitlines()[-1] == (
        f"ml100 new: copier did not make project #001: {case.message.format(path=data)}"
    )
    assert not list(workspace.iterdir()), "nothing is left in the workspace"


def test_every_kind_has_its_rows() -> None:
    assert {case.answers["kind"] for case in CASES} == set(KINDS)
