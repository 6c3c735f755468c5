"""Bad input is refused clearly and nothing is lost: one table, copy time and run time.

Each row is one mistake a learner makes.

- Copy time: answers given to `copier copy`. The copy must fail with a message that
  names the question and the rule, and leave the destination as it was: absent, or an
  empty folder that stays empty. (Validators run before Copier writes anything.)
- Run time: one thing broken in a trained project, then one command of its CLI run as
  a subprocess. It must exit 1 with a single `error: <cause>: <hint>` line on stderr, no
  traceback, and every file of the project as it was, byte for byte, mtime and mode.

Rows name the tiers they hold for, and run for those of them that are offered. A tier
adds rows for its own mistakes (the intermediate tier: a config with an unknown key; the
advanced tier: a file that is not a checkpoint) and widens `tiers` on the rows that hold
for it too.
"""

import pickle
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import copier
import pandas as pd
import pytest
from copier.errors import TaskError
from jinja2 import TemplateError
from PIL import Image

from harness import (
    BASE_ANSWERS,
    OFFERED_TIERS,
    REPO_ROOT,
    VARIANTS,
    Project,
    render,
)


@dataclass(frozen=True)
class CopyCase:
    """Answers `copier copy` must refuse, and what its message must say."""

    name: str
    question: str
    # The answers, or a function that writes the files they need into a work folder.
    answers: dict[str, Any] | Callable[[Path], dict[str, Any]]
    message: str
    # Questions every tier shares are checked once, with the beginner tier.
    tiers: tuple[str, ...] = ("beginner",)


@dataclass(frozen=True)
class RunCase:
    """A mistake made in a trained project, the command that meets it, the message."""

    name: str
    # the data of the trained project (harness.DATA_CHOICES), or a kind ("text")
    kind: str
    breaks: Callable[[Path], None]  # what the learner got wrong, in the project folder
    command: tuple[str, ...]
    message: str
    tiers: tuple[str, ...] = ("beginner",)


# --- copy time -----------------------------------------------------------------------


def csv_answers(content: bytes | None, name: str = "data.csv") -> Callable:
    """Answers choosing a CSV with `content` (None: a folder named like a CSV)."""

    def answers(workdir: Path) -> dict[str, Any]:
        path = workdir / name
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
        return {"dataset": "csv", "csv_path": str(path), "target_column": "y"}

    return answers


def image_answers(classes: dict[str, int] | None) -> Callable:
    """Answers choosing a folder of images: `classes` maps each subfolder to its
    number of images (None: a file where the folder should be)."""

    def answers(workdir: Path) -> dict[str, Any]:
        path = workdir / "photos"
        if classes is None:
            path.write_bytes(b"not a folder")
        for name, count in (classes or {}).items():
            (path / name).mkdir(parents=True)
            for number in range(count):
                Image.new("L", (8, 8)).save(path / name / f"{number}.png")
        return {"kind": "images", "dataset": "folder", "images_path": str(path)}

    return answers


COPY_CASES = [
    CopyCase(
        "number-is-text",
        "project_number",
        {"project_number": "abc"},
        "must be a whole number from 1 to 999, got 'abc'",
    ),
    CopyCase(
        "number-is-decimal",
        "project_number",
        {"project_number": "4.5"},
        "must be a whole number from 1 to 999, got '4.5'",
    ),
    CopyCase(
        "number-is-negative",
        "project_number",
        {"project_number": "-7"},
        "must be a whole number from 1 to 999, got '-7'",
    ),
    CopyCase(
        "task-contradicts-the-dataset",
        "task",
        {"dataset": "iris", "task": "regression"},
        "task must be classification for the iris dataset",
    ),
    CopyCase(
        "task-not-of-the-kind",
        "task",
        {"kind": "clustering", "task": "regression"},
        "task must be one of clustering for the clustering kind, got 'regression'",
    ),
    CopyCase(
        "csv-is-a-folder",
        "csv_path",
        csv_answers(None),
        "data.csv' is a folder, not a file",
    ),
    CopyCase(
        "csv-is-empty",
        "csv_path",
        csv_answers(b""),
        "data.csv is empty: it needs a header row and data rows",
    ),
    CopyCase(
        "csv-has-no-rows",
        "csv_path",
        csv_answers(b"x,y\n"),
        "has a header row but no data rows",
    ),
    CopyCase(
        "csv-is-a-spreadsheet",
        "csv_path",
        csv_answers(b"PK\x03\x04\x14\x00\x06\x00"),
        "is not text (a spreadsheet? export it as CSV UTF-8)",
    ),
    CopyCase(
        "csv-is-latin-1",
        "csv_path",
        # The header decodes: only copying the whole file would have found the byte.
        csv_answers("x,y\n1,a\n2,café\n".encode("latin-1")),
        "is not UTF-8 text (byte 0xe9 at position 13): save it as CSV UTF-8",
    ),
    CopyCase(
        "csv-path-has-a-line-break",
        "csv_path",
        {"dataset": "csv", "csv_path": "data\n.csv", "target_column": "y"},
        "csv_path: the path holds line breaks, tabs or other control characters",
    ),
    CopyCase(
        "target-column-has-a-trailing-space",
        "target_column",
        lambda workdir: {
            **csv_answers(b"x,y\n1,a\n2,b\n")(workdir),
            "target_column": "y ",
        },
        "target_column 'y ' is not a column of",
    ),
    CopyCase(
        "text-column-is-not-a-column",
        "text_column",
        lambda workdir: {
            **csv_answers(b"review,y\nnice,a\nbad,b\n")(workdir),
            "kind": "text",
            "text_column": "body",
        },
        "text_column 'body' is not a column of",
    ),
    CopyCase(
        "text-labels-are-the-texts",
        "target_column",
        lambda workdir: {
            **csv_answers(b"review,y\nnice,a\nbad,b\n")(workdir),
            "kind": "text",
            "text_column": "review",
            "target_column": "review",
        },
        "target_column must differ from text_column",
    ),
    CopyCase(
        "title-has-a-line-break",
        "project_title",
        {"project_title": "Iris\nclassification"},
        "must be one line: no line breaks, tabs or other control characters",
    ),
    CopyCase(
        "author-has-a-tab",
        "author_name",
        {"author_name": "Ada\tLovelace"},
        "must be one line: no line breaks, tabs or other control characters",
    ),
    CopyCase(
        "email-has-a-control-character",
        "author_email",
        {"author_email": "ada@example.com\x00"},
        "must look like name@example.com",
    ),
    CopyCase(
        "slug-too-long",
        "project_slug",
        {"project_slug": "001-" + "a" * 57},
        "must be at most 60 characters, got 61",
    ),
    CopyCase(
        "package-too-long",
        "package_name",
        {"package_name": "p" * 31},
        "is longer than 30 characters",
    ),
    CopyCase(
        "horizon-is-text",
        "horizon",
        {"kind": "timeseries", "dataset": "co2", "horizon": "two years"},
        "horizon must be a whole number of time steps, got 'two years'",
    ),
    CopyCase(
        "horizon-is-zero",
        "horizon",
        {"kind": "timeseries", "dataset": "sunspots", "horizon": "0"},
        "horizon must be from 1 to 1000 steps, got 0",
    ),
    CopyCase(
        "date-column-not-in-csv",
        "date_column",
        lambda workdir: {
            **csv_answers(b"day,y\n2024-01-01,1\n")(workdir),
            "kind": "timeseries",
            "date_column": "when",
        },
        "date_column 'when' is not a column of",
    ),
    CopyCase(
        "package-shadows-an-indirect-dependency",
        "package_name",
        {"package_name": "packaging"},
        "'packaging' would shadow the dependency 'packaging'",
    ),
]


COPY_CASES += [
    CopyCase(
        "images-path-is-a-file",
        "images_path",
        image_answers(None),
        "photos' is a file, not a folder of class subfolders",
    ),
    CopyCase(
        "images-one-class",
        "images_path",
        image_answers({"cats": 3}),
        "photos has 1 class folder(s): a classifier needs at least two subfolders",
    ),
    CopyCase(
        "project-inside-images",
        "images_path",
        lambda workdir: {
            **image_answers({"cats": 3, "dogs": 3})(workdir),
            # The project is made in the work folder, under the folder of images.
            "images_path": str(workdir),
        },
        "the new project would be made inside this folder",
    ),
    CopyCase(
        "images-class-without-images",
        "images_path",
        image_answers({"cats": 3, "dogs": 0}),
        "dogs holds no images: add some, or remove the folder",
    ),
]


def offered(cases: list) -> list:
    """(case, tier) for each offered tier the case holds for, as pytest params."""
    return [
        pytest.param(case, tier, id=f"{tier}-{case.name}")
        for case in cases
        for tier in case.tiers
        if tier in OFFERED_TIERS
    ]


@pytest.mark.parametrize("destination", ["new folder", "empty folder"])
@pytest.mark.parametrize(("case", "tier"), offered(COPY_CASES))
def test_copy_refuses_bad_answers_and_writes_nothing(
    case: CopyCase, tier: str, destination: str, tmp_path: Path
) -> None:
    answers = case.answers(tmp_path) if callable(case.answers) else case.answers
    target = tmp_path / "project"
    if destination == "empty folder":
        target.mkdir()
    with pytest.raises(ValueError) as refused:
        render(target, {"tier": tier, **answers})
    message = str(refused.value)
    # Copier names the question; so does the message, then the rule.
    assert f"question '{case.question}': {case.question}" in message
    assert case.message in message
    if destination == "new folder":
        assert not target.exists(), "a refused copy leaves nothing behind"
    else:
        assert target.is_dir() and not any(target.iterdir()), "the folder stays empty"


# How a copy can fail after Copier has begun to write, and the error each raises.
LATE_FAILURES = {
    "task fails after every file is written": TaskError,
    "a file fails to render": TemplateError,
}


def template_failing(how: str, workdir: Path) -> Path:
    """A copy of this template that fails late, in one of the LATE_FAILURES ways."""
    copy = workdir / "failing-template"
    copy.mkdir()
    for name in ["copier.yml", "catalogue.yml", "pyproject.toml", "CHANGELOG.md"]:
        shutil.copy(REPO_ROOT / name, copy)
    for folder in ["extensions", "template"]:
        shutil.copytree(REPO_ROOT / folder, copy / folder)
    if how.startswith("task"):
        # A task that fails, run after every file is written (before the template's
        # own tasks: one `_tasks` list holds them all).
        config = copy / "copier.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("_tasks:\n", '_tasks:\n  - "exit 3"\n', 1))
    else:
        (copy / "template" / "late.txt.jinja").write_text("{{ 1 | no_such_filter }}")
    return copy


def copy_from(template: Path, destination: Path) -> None:
    copier.run_copy(
        str(template),
        destination,
        data=BASE_ANSWERS,
        defaults=True,
        unsafe=True,
        quiet=True,
    )


@pytest.mark.parametrize("how", LATE_FAILURES)
def test_late_failure_removes_the_folder_copier_made(how: str, tmp_path: Path) -> None:
    destination = tmp_path / "project"
    with pytest.raises(LATE_FAILURES[how]):
        copy_from(template_failing(how, tmp_path), destination)
    assert not destination.exists(), "copier's cleanup_on_error removes it"


@pytest.mark.parametrize("how", LATE_FAILURES)
def test_late_failure_keeps_an_existing_folder_and_its_files(
    how: str, tmp_path: Path
) -> None:
    destination = tmp_path / "project"
    destination.mkdir()
    (destination / "notes.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(LATE_FAILURES[how]):
        copy_from(template_failing(how, tmp_path), destination)
    assert (destination / "notes.md").read_text(encoding="utf-8") == "mine\n"
    # The limit README.md documents: Copier never deletes a folder it did not create,
    # so what it wrote there before failing stays (here, with a task, every file).
    if how.startswith("task"):
        assert (destination / "pyproject.toml").is_file()


# --- run time ------------------------------------------------------------------------


def data_csv(project: Path) -> Path:
    return next((project / "data" / "raw").glob("*.csv"))


def draft(project: Path) -> Path:
    return next((project / "blog").glob("*.md"))


def model_file(project: Path) -> Path:
    return project / "models" / "model.skops"


def metrics(project: Path) -> Path:
    return project / "reports" / "metrics.json"


def data_facts(project: Path) -> Path:
    return project / "reports" / "data.json"


def edit_csv(change: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[Path], None]:
    """A break that rewrites the project's CSV through `change`."""

    def breaks(project: Path) -> None:
        path = data_csv(project)
        change(pd.read_csv(path)).to_csv(path, index=False)

    return breaks


def one_value(column: pd.Series, value: str) -> pd.Series:
    """`column` with its fourth value replaced by `value`, as text."""
    return column.astype(str).where(column.index != 3, value)


def latin_1(project: Path) -> None:
    path = data_csv(project)
    text = path.read_text(encoding="utf-8").replace("Lisbon", "Lisboa café")
    path.write_bytes(text.encode("latin-1"))


def png_as_csv(project: Path) -> None:
    figure = next((project / "reports" / "figures").glob("*.png"))
    data_csv(project).write_bytes(figure.read_bytes())


def ragged_row(project: Path) -> None:
    with data_csv(project).open("a", encoding="utf-8") as file:
        file.write("1,2,3,4,5,6,7\n")


def predict_rows(change: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable:
    """A break that writes rows.csv for `predict`: the data through `change`."""

    def breaks(project: Path) -> None:
        change(pd.read_csv(data_csv(project))).to_csv(project / "rows.csv", index=False)

    return breaks


def project_config(project: Path) -> Path:
    return project / "configs" / "project.yaml"


def shopper_rows(project: Path) -> None:
    """rows.csv for `predict`, without the column `basket items`."""
    rows = pd.read_csv(data_csv(project)).drop(columns="basket items")
    rows.to_csv(project / "rows.csv", index=False)


def labels_with_gaps(project: Path) -> None:
    """The shoppers with a label column, `segment`, whose first 5 cells are empty."""
    rewrite(project_config, lambda text: text.replace('target: ""', "target: segment"))(
        project
    )
    edit_csv(
        lambda frame: frame.assign(
            segment=[None if n < 5 else "ab"[n % 2] for n in range(len(frame))]
        )
    )(project)


def untrusted_model(project: Path) -> None:
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    sio.dump(make_pipeline(FunctionTransformer(print)), model_file(project))


def array_as_model(project: Path) -> None:
    import numpy as np
    import skops.io as sio

    sio.dump(np.arange(3), model_file(project))


def config(project: Path) -> Path:
    return project / "configs" / "default.yaml"


def checkpoint(project: Path) -> Path:
    return project / "models" / "model.ckpt"


def write_bytes(path: Callable[[Path], Path], content: bytes) -> Callable:
    def breaks(project: Path) -> None:
        path(project).write_bytes(content)

    return breaks


def rewrite(document: Callable[[Path], Path], change: Callable[[str], str]):
    def breaks(project: Path) -> None:
        path = document(project)
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    return breaks


def remove(path: Callable[[Path], Path]) -> Callable[[Path], None]:
    def breaks(project: Path) -> None:
        path(project).unlink()

    return breaks


def readme(project: Path) -> Path:
    return project / "README.md"


def without_markers(text: str) -> str:
    return text.replace("<!-- results:start -->", "").replace(
        "<!-- results:end -->", ""
    )


CHURN = "csv-classification"
SALES = "csv-series"
PHOTOS = "images-folder"  # a folder of images copied in as data/raw/my-photos/
PRICES = "csv-regression"
CSV_NOT_FOUND = "customer-churn.csv not found: copy your CSV there, then run again"
MODEL_NOT_SAVED = "model.skops is not a model saved by `train`"
ALL_TIERS = ("beginner", "intermediate", "advanced")
# Rows whose code every tier shares (a draft's markers, a missing model) run for one
# tier; one row of each kind runs for every tier that has it, through its own CLI.
SKOPS_TIERS = ("beginner", "intermediate")  # the advanced tier saves a checkpoint
# `report` reads reports/metrics.json; the intermediate one reads reports/runs/ instead.
METRICS_TIERS = ("beginner", "advanced")
SHOPPERS = "clustering-csv"
TEXTS = "text"
RUN_CASES = [
    # The clustering kind: its own data, settings and predictions.
    RunCase(
        "clustering-label-not-in-csv",
        SHOPPERS,
        rewrite(project_config, lambda text: text.replace('target: ""', "target: x")),
        ("train",),
        "label column 'x' is not in data/raw/shoppers.csv",
        tiers=("intermediate",),
    ),
    RunCase(
        "clustering-csv-too-few-rows",
        SHOPPERS,
        edit_csv(lambda frame: frame.head(4)),
        ("train",),
        "has 4 rows: clustering and scoring new rows needs at least 10",
        tiers=("intermediate",),
    ),
    *(
        RunCase(
            f"clustering-label-has-empty-cells-{command}",
            SHOPPERS,
            labels_with_gaps,
            (command,),
            "shoppers.csv has 5 empty cell(s) in label column 'segment': fill them in",
            tiers=("intermediate",),
        )
        for command in ("train", "explore")
    ),
    RunCase(
        "clustering-column-unknown",
        "clustering",
        lambda project: None,
        ("train", "--data.columns", '["petal size"]'),
        "data.columns names petal size, not a column of the data",
    ),
    RunCase(
        "clustering-more-clusters-than-rows",
        "clustering",
        lambda project: None,
        ("train", "--model.n_clusters", "500"),
        "the model could not be fitted: n_samples=120 should be >= n_clusters=500",
    ),
    RunCase(
        "clustering-predict-lacks-a-column",
        SHOPPERS,
        shopper_rows,
        ("predict", "rows.csv"),
        "rows.csv lacks 1 column(s) the model was trained on (basket items)",
        tiers=("intermediate",),
    ),
    # The text kind's CSV of labelled texts, and texts to predict.
    RunCase(
        "text-empty",
        TEXTS,
        edit_csv(lambda frame: frame.assign(review=one_value(frame["review"], " "))),
        ("train",),
        "topic-posts.csv has 1 empty text(s) in column 'review' (row 4 under the "
        "header): write a text there or delete those rows",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "text-one-class-only",
        TEXTS,
        edit_csv(lambda frame: frame.assign(label="sport")),
        ("train",),
        "label column 'label' holds one class only ('sport')",
    ),
    RunCase(
        "text-column-missing",
        TEXTS,
        edit_csv(lambda frame: frame.rename(columns={"review": "body"})),
        ("train",),
        "topic-posts.csv has no column 'review' (columns: body, label)",
    ),
    RunCase(
        "text-csv-is-latin-1",
        TEXTS,
        lambda project: data_csv(project).write_bytes(
            data_csv(project).read_text(encoding="utf-8").encode("latin-1")
        ),
        ("train",),
        "topic-posts.csv is not UTF-8 text (byte 0x",
    ),
    RunCase(
        "predict-texts-lack-the-column",
        TEXTS,
        predict_rows(lambda frame: frame.drop(columns=["review"])),
        ("predict", "rows.csv"),
        "rows.csv has no column 'review' (columns: label): put the texts in a column",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "predict-texts-empty",
        TEXTS,
        predict_rows(lambda frame: frame.assign(review=one_value(frame["review"], ""))),
        ("predict", "rows.csv"),
        "rows.csv has 1 empty text(s) in column 'review' (row 4 under the header)",
        tiers=ALL_TIERS,
    ),
    # The learner's CSV, when training.
    RunCase(
        "csv-missing",
        CHURN,
        remove(data_csv),
        ("train",),
        CSV_NOT_FOUND,
        tiers=ALL_TIERS,
    ),
    # The exploration notebook stops at the cell that meets the mistake, with its
    # message: `error: notebooks/01-explore.py stopped: .../customer-churn.csv ...`.
    RunCase(
        "csv-missing-explore",
        CHURN,
        remove(data_csv),
        ("explore",),
        CSV_NOT_FOUND,
    ),
    RunCase(
        "csv-empty",
        CHURN,
        write_bytes(data_csv, b""),
        ("train",),
        "customer-churn.csv is empty: it needs a header row and data",
    ),
    RunCase(
        "csv-header-only",
        CHURN,
        edit_csv(lambda frame: frame.head(0)),
        ("train",),
        "customer-churn.csv has a header row but no data rows",
    ),
    RunCase(
        "csv-too-few-rows",
        CHURN,
        edit_csv(lambda frame: frame.head(4)),
        ("train",),
        "has 4 rows with a value in 'churned': a train/test split needs at least 10",
    ),
    RunCase(
        "csv-is-a-png",
        CHURN,
        png_as_csv,
        ("train",),
        "customer-churn.csv is not text (a spreadsheet? export it as CSV UTF-8)",
    ),
    RunCase(
        "csv-is-latin-1",
        CHURN,
        latin_1,
        ("train",),
        "customer-churn.csv is not UTF-8 text (byte 0x",
    ),
    RunCase(
        "csv-row-with-extra-fields",
        CHURN,
        ragged_row,
        ("train",),
        "customer-churn.csv, line 302: 7 fields where the header has 5: check its "
        "commas and quotes",
    ),
    RunCase(
        "csv-target-column-renamed",
        CHURN,
        edit_csv(lambda frame: frame.rename(columns={"churned": "churn"})),
        ("train",),
        "target column 'churned' is not in data/raw/customer-churn.csv (columns: "
        "age, monthly spend, city, plan, churn); fix project.target in "
        "configs/project.yaml",
    ),
    RunCase(
        "csv-one-class",
        CHURN,
        edit_csv(lambda frame: frame.assign(churned="yes")),
        ("train",),
        "target column 'churned' holds one class only ('yes'): a classifier needs "
        "rows of at least two classes",
    ),
    RunCase(
        "csv-more-classes-than-test-rows",
        CHURN,
        edit_csv(
            lambda frame: frame.head(40).assign(
                churned=[f"c{i // 2}" for i in range(40)]
            )
        ),
        ("train",),
        "40 rows cannot be split into training and held-out rows (The test_size = 8 "
        "should "
        "be greater or equal to the number of classes = 20): add rows or merge rare",
    ),
    RunCase(
        "csv-target-only",
        CHURN,
        edit_csv(lambda frame: frame[["churned"]]),
        ("train",),
        "customer-churn.csv has no feature columns besides 'churned'",
    ),
    RunCase(
        "regression-target-is-text",
        PRICES,
        edit_csv(
            lambda frame: frame.assign(price=one_value(frame["price"], "unknown"))
        ),
        ("train",),
        "target column 'price' holds text, not numbers: regression needs a numeric "
        "target (or choose task=classification)",
    ),
    RunCase(
        "regression-infinite-value",
        PRICES,
        edit_csv(lambda frame: frame.assign(price=one_value(frame["price"], "inf"))),
        ("train",),
        "flat-prices.csv has infinite values in price: fix or drop those rows",
    ),
    # The data changed after training.
    RunCase(
        "evaluate-after-a-column-was-dropped",
        CHURN,
        edit_csv(lambda frame: frame.drop(columns=["plan"])),
        ("evaluate",),
        "the data lacks 1 column(s) the model was trained on (plan): run `train` "
        "again to fit it to this data",
    ),
    # Rows to predict.
    RunCase(
        "predict-csv-lacks-columns",
        CHURN,
        predict_rows(lambda frame: frame.drop(columns=["age", "plan"])),
        ("predict", "rows.csv"),
        "rows.csv lacks 2 column(s) the model was trained on (age, plan): add them "
        "to the CSV",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "predict-csv-missing",
        CHURN,
        lambda project: None,
        ("predict", "rows.csv"),
        "rows.csv not found: give a CSV with rows to predict",
    ),
    RunCase(
        "predict-csv-header-only",
        CHURN,
        predict_rows(lambda frame: frame.head(0)),
        ("predict", "rows.csv"),
        "rows.csv has a header but no rows to predict",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "predict-text-in-a-number-column",
        CHURN,
        predict_rows(lambda frame: frame.head(3).assign(age="old")),
        ("predict", "rows.csv"),
        "could not convert string to float: 'old'): give each column the same kind "
        "of values as in the training data",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "predict-without-a-model",
        CHURN,
        remove(model_file),
        ("predict", "data/raw/customer-churn.csv"),
        "models/model.skops not found: run `train` first",
    ),
    # The saved model.
    RunCase(
        "model-missing",
        "iris",
        remove(model_file),
        ("evaluate",),
        "models/model.skops not found: run `train` first",
    ),
    RunCase(
        "model-is-garbage",
        "iris",
        write_bytes(model_file, b"not a model"),
        ("evaluate",),
        f"{MODEL_NOT_SAVED} (BadZipFile): delete it and run `train` again",
        tiers=SKOPS_TIERS,
    ),
    RunCase(
        "model-is-a-renamed-pickle",
        "iris",
        write_bytes(model_file, pickle.dumps({"weights": [1, 2, 3]})),
        ("evaluate",),
        f"{MODEL_NOT_SAVED} (BadZipFile): delete it and run `train` again",
    ),
    RunCase(
        "model-holds-an-untrusted-type",
        "iris",
        untrusted_model,
        ("evaluate",),
        "model.skops holds types this project does not trust (builtins.print): only "
        "load model files you made with `train`",
        tiers=SKOPS_TIERS,
    ),
    RunCase(
        "model-is-not-a-pipeline",
        "iris",
        array_as_model,
        ("evaluate",),
        "model.skops holds a ndarray, not the estimator `train` saves: run `train` "
        "again",
    ),
    # What `report` reads and writes.
    RunCase(
        "metrics-missing",
        "iris",
        remove(metrics),
        ("report",),
        "reports/metrics.json not found: run `train` first",
    ),
    RunCase(
        "metrics-not-json",
        "iris",
        write_bytes(metrics, b'{"model": '),
        ("report",),
        "reports/metrics.json is not valid JSON (Expecting value: line 1 column 11 "
        "(char 10)): run `train` again",
        tiers=METRICS_TIERS,
    ),
    RunCase(
        "metrics-of-another-shape",
        "iris",
        write_bytes(metrics, b'{"accuracy": 0.9}'),
        ("report",),
        "reports/metrics.json is not the metrics file `train` writes (it lacks "
        "primary_metric, model, baseline, estimator, params, n_train, n_test, "
        "dataset): run `train` again",
    ),
    RunCase(
        "draft-without-markers",
        "iris",
        rewrite(draft, without_markers),
        ("report",),
        "001-iris-classification.md has no results block: put one "
        "<!-- results:start --> line and one <!-- results:end --> line where",
    ),
    RunCase(
        "readme-without-markers",  # the draft is fine, and must not be written either
        "iris",
        rewrite(readme, without_markers),
        ("report",),
        "error: README.md has no results block",
    ),
    RunCase(
        "draft-with-markers-inline-only",
        "iris",
        rewrite(
            draft,
            lambda text: (
                without_markers(text)
                + "\nI keep `<!-- results:start -->` and `<!-- results:end -->` here.\n"
            ),
        ),
        ("report",),
        "001-iris-classification.md has no results block",
    ),
    RunCase(
        "draft-with-two-blocks",
        "iris",
        rewrite(
            draft,
            lambda text: text + "\n<!-- results:start -->\n<!-- results:end -->\n",
        ),
        ("report",),
        "001-iris-classification.md has 2 results blocks",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "data-facts-of-another-shape",
        "iris",
        write_bytes(data_facts, b'{"rows": 150}'),
        ("report",),
        "data.json is not the facts file notebooks/01-explore.py writes (it lacks "
        "features, missing, duplicate_rows, target, figures): run `make explore` "
        "again",
    ),
    RunCase(
        "draft-missing",
        "iris",
        remove(draft),
        ("report",),
        "001-iris-classification.md not found: `report` fills its results block",
    ),
    # Each tier's own files.
    # The configuration, for every tier: one system, so one row of each kind.
    RunCase(
        "config-with-an-unknown-key",
        "iris",
        rewrite(config, lambda text: text.replace("scale_numeric:", "scale_numerc:")),
        ("train",),
        "configs/default.yaml: Group 'features' does not accept option 'scale_numerc'",
        tiers=ALL_TIERS,
    ),
    RunCase(
        "config-with-a-wrong-type",
        "iris",
        rewrite(
            config,
            lambda text: text.replace("max_categories: 20", "max_categories: many"),
        ),
        ("train",),
        'configs/default.yaml: Parser key "features.max_categories": Expected a',
    ),
    RunCase(
        "config-not-yaml",
        "iris",
        write_bytes(config, b"features: [\n"),
        ("train",),
        "configs/default.yaml: Problems parsing config",
    ),
    RunCase(
        "override-of-an-unknown-key",
        "iris",
        lambda project: None,
        ("train", "--features.scale_numerc=false"),
        "command line: unrecognized arguments: --features.scale_numerc=false",
    ),
    RunCase(
        "search-key-misspelt",
        "iris",
        rewrite(config, lambda text: text.replace("n_trials:", "n_trails:")),
        ("train",),
        "configs/default.yaml: Group 'search' does not accept option 'n_trails'",
        tiers=("intermediate",),
    ),
    # A time series CSV: its dates and values, when training and predicting.
    RunCase(
        "series-date-unparseable",
        SALES,
        edit_csv(lambda frame: frame.assign(month=one_value(frame["month"], "soon"))),
        ("train",),
        "data/raw/shop-sales.csv, line 5: 'soon' in column 'month' is not a date",
        tiers=("beginner", "intermediate"),
    ),
    RunCase(
        "series-date-twice",
        SALES,
        edit_csv(
            lambda frame: frame.assign(
                month=one_value(frame["month"], frame["month"][4])
            )
        ),
        ("train",),
        "appears more than once in column 'month' (lines 5 and 6)",
    ),
    RunCase(
        "series-value-is-text",
        SALES,
        edit_csv(
            lambda frame: frame.assign(
                **{"units sold": one_value(frame["units sold"], "lots")}
            )
        ),
        ("train",),
        "line 5: 'lots' in value column 'units sold' is not a number",
    ),
    RunCase(
        "series-shorter-than-season-and-horizon",
        SALES,
        edit_csv(lambda frame: frame.head(20)),
        ("train",),
        "the series has 20 time steps, shorter than its season (12) plus the "
        "horizon (12) plus 10 to learn from",
    ),
    RunCase(
        "series-predict-date-unparseable",
        SALES,
        predict_rows(
            lambda frame: frame.assign(month=one_value(frame["month"], "soon"))
        ),
        ("predict", "rows.csv"),
        "rows.csv, line 5: 'soon' in column 'month' is not a date",
    ),
    RunCase(
        "network-space-key-misspelt",
        "iris",
        rewrite(
            config, lambda text: text.replace("  dropout: {low", "  dropuot: {low")
        ),
        ("search",),
        "configs/default.yaml: network_search.space.network.dropuot: network has no "
        "key 'dropuot'",
        tiers=("advanced",),
    ),
    RunCase(
        "checkpoint-is-garbage",
        "iris",
        write_bytes(checkpoint, b"not a checkpoint"),
        ("evaluate",),
        "models/model.ckpt is not a checkpoint saved by `train` (",
        tiers=("advanced",),
    ),
]


# Training just long enough to write every file a run writes.
QUICK_TRAIN = {
    "intermediate": ["--search.n_trials=4", "--search.folds=3"],
    "advanced": ["--search.n_trials=4", "--search.folds=3", "--trainer.max_epochs=3"],
}


CLUSTERING_QUICK_TRAIN = {
    "intermediate": ["--search.n_trials=4", "--search.seeds=2"],
    "advanced": ["--search.n_trials=4", "--search.seeds=2", "--trainer.max_epochs=3"],
}


@pytest.fixture(scope="session")
def trained(rendered, build_once) -> Callable[[str, str], Project]:
    """`trained(tier, kind)`: a project after train, report and (csv) predict, once."""
    cache: dict[tuple[str, str], Project] = {}

    def get(tier: str, kind: str) -> Project:
        if (tier, kind) not in cache:
            name = f"{tier}-{kind}"
            source = rendered(name, **VARIANTS[name])

            def build(folder: Path) -> None:
                project = Project(folder / "p", source.answers)
                shutil.copytree(source.path, project.path)
                quick = CLUSTERING_QUICK_TRAIN if "clustering" in kind else QUICK_TRAIN
                commands = [["train", *quick.get(tier, [])], ["report"]]
                if kind.startswith("csv"):
                    csv = data_csv(project.path).relative_to(project.path).as_posix()
                    commands.append(["predict", csv])
                # One interpreter for the commands: imports are most of their time.
                script = f"from {project.package}.__main__ import main\n" + "".join(
                    f"assert main({command!r}) == 0\n" for command in commands
                )
                result = project.run(sys.executable, "-c", script)
                assert result.returncode == 0, result.stderr

            folder = build_once(f"trained-{name}", build)
            cache[(tier, kind)] = Project(folder / "p", source.answers)
        return cache[(tier, kind)]

    return get


def photos(project: Path) -> Path:
    return project / "data" / "raw" / "my-photos"


def add_file(where: Callable[[Path], Path], content: bytes) -> Callable[[Path], None]:
    """A break that writes `content` at `where(project)`, folders and all."""

    def breaks(project: Path) -> None:
        where(project).parent.mkdir(parents=True, exist_ok=True)
        where(project).write_bytes(content)

    return breaks


def one_class_left(project: Path) -> None:
    for name in ("bright", "stripes"):
        shutil.rmtree(photos(project) / name)


RUN_CASES += [
    # The images kind: the learner's folder of class subfolders, and predict's input.
    RunCase(
        "images-empty-class-folder",
        PHOTOS,
        lambda project: (photos(project) / "cloudy").mkdir(),
        ("train",),
        "my-photos/cloudy holds no images: add some, or remove the folder",
        tiers=OFFERED_TIERS,
    ),
    RunCase(
        "images-file-not-an-image",
        PHOTOS,
        add_file(lambda project: photos(project) / "dark" / "notes.txt", b"notes"),
        ("train",),
        "dark/notes.txt is not an image (expected one of .bmp, .gif, .jpeg",
    ),
    RunCase(
        "images-broken-png",
        PHOTOS,
        add_file(lambda project: photos(project) / "dark" / "x.png", b"no PNG"),
        ("train",),
        "dark/x.png is not an image Pillow can read",
    ),
    RunCase(
        "images-one-class",
        PHOTOS,
        one_class_left,
        ("train",),
        "my-photos has 1 class folder(s): a classifier needs at least two",
    ),
    RunCase(
        "images-predict-not-an-image",
        PHOTOS,
        add_file(lambda project: project / "new" / "cat.gif.txt", b"text"),
        ("predict", "new"),
        "new/cat.gif.txt is not an image",
        tiers=OFFERED_TIERS,
    ),
    RunCase(
        "images-predict-nothing-there",
        PHOTOS,
        lambda project: None,
        ("predict", "new-photos"),
        "new-photos not found: give a folder or image files",
    ),
]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under `folder`: its bytes, mtime and mode."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            status = path.stat()
            files[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                status.st_mtime_ns,
                status.st_mode,
            )
    return files


@pytest.mark.slow
@pytest.mark.parametrize(("case", "tier"), offered(RUN_CASES))
def test_run_refuses_bad_input_and_loses_nothing(
    case: RunCase, tier: str, trained, tmp_path: Path
) -> None:
    source = trained(tier, case.kind)
    project = Project(tmp_path / "p", source.answers)
    shutil.copytree(source.path, project.path)
    case.breaks(project.path)
    before = snapshot(project.path)

    result = project.run(sys.executable, "-m", project.package, *case.command)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert case.message in lines[0]
    assert result.stdout == ""
    after = snapshot(project.path)
    changed = sorted(
        name
        for name in before.keys() | after.keys()
        if before.get(name) != after.get(name)
    )
    assert not changed, f"a failed run changed, added or removed {changed}"


@pytest.mark.slow
def test_explore_without_the_newsgroups_names_the_cause_only(
    rendered, copy_of, tmp_path: Path
) -> None:
    name = "beginner-newsgroups"
    project = copy_of(rendered(name, **VARIANTS[name]), tmp_path / "p")
    # An empty cache, and no way out: every download goes to a proxy on a closed port.
    closed = "http://127.0.0.1:9"
    offline = {
        "SCIKIT_LEARN_DATA": str(tmp_path / "empty-cache"),
        **{variable: closed for variable in ("http_proxy", "https_proxy")},
        **{variable: closed for variable in ("HTTP_PROXY", "HTTPS_PROXY")},
        "no_proxy": "",
        "NO_PROXY": "",
    }

    result = project.run(sys.executable, "-m", project.package, "explore", env=offline)

    assert result.returncode == 1, result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    stopped = "error: notebooks/01-explore.py stopped: "
    assert line.startswith(f"{stopped}20 Newsgroups could not be downloaded ("), line
    assert line.endswith("keeps it in its cache (SCIKIT_LEARN_DATA) for good"), line
