"""The steps of an experiment on rows and columns (core/kind.py's `Steps`): the
tabular kind's, and the images kind's, whose images are rows of pixels; and the
reading of new rows from a CSV to predict for, which the clustering kind shares."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from .artifacts import read_csv, require_columns, write_atomically
from .data import Split, load_dataset, load_table, select_columns, split_dataset
from .errors import ProjectError
from .evaluate import Evaluation, Predictor
from .evaluate import evaluate as evaluate_rows
from .paths import Paths
from .settings import Settings

load = load_table


def prepare(paths: Paths, settings: Settings) -> Split:
    """Load the data, leave out `data.drop_columns`, hold out the test rows."""
    X, y = load_dataset(paths, settings.project)
    X = select_columns(X, settings.data, paths.default_config)
    return split_dataset(X, y, settings.project)


def fit(settings: Settings, split: Split):
    """model.py's Pipeline, with the `features:` settings, fitted."""
    from ...features import build_preprocessor
    from ...model import build_model

    preprocessor = build_preprocessor(**settings.features.as_dict())
    model = build_model(preprocessor, seed=settings.project.seed)
    return model.fit(split.X_train, split.y_train)


def evaluate(model: Predictor, split: Split, settings: Settings) -> Evaluation:
    """Test-set metrics next to the baseline's; a saved model meets the columns it
    was fitted on, or a line that says the data changed."""
    hint = "run `train` again to fit it to this data"
    X_test = require_columns(model.feature_names_in_, split.X_test, "the data", hint)
    X_train = split.X_train[X_test.columns]
    split = Split(X_train, X_test, split.y_train, split.y_test)
    return evaluate_rows(model, split, settings.project)


def read_rows(
    model: Predictor, csv_path: Path, verb: str = "predict"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`csv_path`'s rows, and of them the columns `model` was fitted on."""
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with rows to {verb}")
    rows = read_csv(csv_path)
    if rows.empty:
        raise ProjectError(f"{csv_path} has a header but no rows to {verb}")
    # The model needs the columns it was trained on; extra columns are ignored.
    inputs = require_columns(
        model.feature_names_in_, rows, csv_path, "add them to the CSV"
    )
    return rows, inputs


def scored(csv_path: Path, verb: str, score: Callable[[], Any]) -> Any:
    try:
        return score()
    except ValueError as error:  # e.g. text in a column that held numbers in training
        raise ProjectError(
            f"{csv_path} could not be {verb} ({error}): give each column the same "
            "kind of values as in the training data"
        ) from None


def write_rows(table: pd.DataFrame, output: Path) -> Path:
    write_atomically(output, lambda temporary: table.to_csv(temporary, index=False))
    return output


def predict(model: Predictor, paths: Paths, settings: Settings) -> str:
    rows, inputs = read_rows(model, settings.csv)
    predictions = scored(settings.csv, "scored", lambda: model.predict(inputs))
    output = settings.output or paths.predictions
    write_rows(rows.assign(prediction=predictions), output)
    return f"predictions written to {output}"
