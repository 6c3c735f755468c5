"""Load a table's data and split it into training rows and held-out test rows."""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sklearn import datasets
from sklearn.model_selection import train_test_split

from .artifacts import read_csv
from .data_checks import csv_problem, split_problem
from .errors import ProjectError
from .kind import current_kind
from .paths import Paths
from .project import Project

# The datasets scikit-learn ships: no download needed.
BUILT_IN = {
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
    "breast_cancer": datasets.load_breast_cancer,
    "digits": datasets.load_digits,
    "diabetes": datasets.load_diabetes,
}


@dataclass(frozen=True)
class DataSettings:
    """The `data:` section of configs/default.yaml."""

    # Feature columns the models must not see, e.g. an ID, or a column that leaks the
    # answer. Try leaving out a column to see how much the model needs it.
    drop_columns: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Split:
    """Training and test rows; the test rows are only used for the final score."""

    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def load_dataset(
    paths: Paths, project: Project
) -> tuple[pd.DataFrame, pd.Series | None]:
    """The project's features and target (a clustering project's hidden labels,
    None when it has none), as its kind's steps `load` them."""
    return current_kind().steps.load(paths, project)


def load_table(paths: Paths, project: Project) -> tuple[pd.DataFrame, pd.Series]:
    """A table's features and target: a built-in dataset, or your CSV."""
    if project.dataset not in BUILT_IN:
        return load_csv(paths.root / project.csv_file, project)
    bunch = BUILT_IN[project.dataset](as_frame=True)
    if project.is_classification:
        # Class names read better than numbers in metrics and plots.
        names = bunch.target_names[bunch.target].astype(str)
        return bunch.data, pd.Series(names, name=project.target)
    return bunch.data, bunch.target.rename(project.target)


def read_checked_csv(csv_path: Path, project: Project) -> pd.DataFrame:
    """Your CSV, once it passes the checks `copier copy` made on it too, with the
    project's columns: the same words in both places."""
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: copy your CSV there, then run again")
    # Every column the project names: each kind's checks read those they need.
    facts = ("kind", "target", "task", "text_column", "test_size")
    problem = csv_problem(csv_path, **{key: getattr(project, key) for key in facts})
    if problem:
        raise ProjectError(problem)
    return read_csv(csv_path)


def load_csv(csv_path: Path, project: Project) -> tuple[pd.DataFrame, pd.Series]:
    """Your CSV: every column but the target is a feature."""
    frame = read_checked_csv(csv_path, project)
    target = project.target
    if target not in frame.columns:
        columns = ", ".join(map(str, frame.columns))
        raise ProjectError(
            f"target column {target!r} is not in {csv_path} (columns: {columns}); "
            "fix project.target in configs/project.yaml"
        )
    # A row without a target teaches nothing: drop it. Missing features get imputed.
    frame = frame.dropna(subset=[target])
    y = frame.pop(target)
    return frame, y.astype(str) if project.is_classification else y


def require_known(
    names: list[str], X: pd.DataFrame, key: str, source: str | Path
) -> None:
    unknown = [name for name in names if name not in X.columns]
    if unknown:
        raise ProjectError(
            f"{source}: {key} names {', '.join(unknown)}, not a column of the data "
            f"(columns: {', '.join(map(str, X.columns))})"
        )


def select_columns(
    X: pd.DataFrame, settings: DataSettings, source: str | Path
) -> pd.DataFrame:
    require_known(settings.drop_columns, X, "data.drop_columns", source)
    X = X.drop(columns=settings.drop_columns)
    if X.columns.empty:
        raise ProjectError(f"{source}: data.drop_columns drops every column")
    return X


def split_dataset(
    X: pd.DataFrame, y: pd.Series, project: Project, test_size: float | None = None
) -> Split:
    """A seeded split; for classification every class keeps its share. A network's
    validation rows are split off the training rows with a `test_size` of its own."""
    classification = project.is_classification
    share = project.test_size if test_size is None else test_size
    problem = split_problem(list(y) if classification else None, share)
    if problem:
        raise ProjectError(problem)
    stratify = y if classification and y.value_counts().min() >= 2 else None
    try:
        X_train, X_test, y_train, y_test = train_test_split(
            X,
            y,
            test_size=share,
            random_state=project.seed,
            stratify=stratify,
        )
    except ValueError as error:  # e.g. more classes than the test share has rows
        raise ProjectError(
            f"{len(y)} rows cannot be split into training and held-out rows ({error}): "
            "add rows or merge rare classes"
        ) from None
    if classification and y_train.nunique() < 2:
        raise ProjectError(
            "the training rows hold one class only: add rows of the other classes"
        )
    return Split(X_train, X_test, y_train, y_test)
