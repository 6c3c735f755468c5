"""Predict with a saved model for new rows in a CSV file."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from .artifacts import read_csv, require_columns, write_atomically
from .errors import ProjectError
from .evaluate import Predictor


def read_rows(
    model: Predictor, csv_path: Path, verb: str = "predict"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`csv_path`'s rows, and of them the columns `model` was fitted on; refuses a
    missing file, a CSV without rows, or one that lacks some of those columns."""
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
    """`score()`, with a value the model cannot read said in one line."""
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


def predict(model: Predictor, csv_path: Path, output: Path) -> Path:
    """Write `csv_path`'s rows plus a `prediction` column to `output`."""
    rows, inputs = read_rows(model, csv_path)
    predictions = scored(csv_path, "scored", lambda: model.predict(inputs))
    return write_rows(rows.assign(prediction=predictions), output)
