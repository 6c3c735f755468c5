"""Predict with a saved model for new rows in a CSV file."""

from pathlib import Path

from .artifacts import read_csv, require_columns, write_atomically
from .errors import ProjectError
from .evaluate import Predictor


def predict(model: Predictor, csv_path: Path, output: Path) -> Path:
    """Write `csv_path`'s rows plus a `prediction` column to `output`."""
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with rows to predict")
    rows = read_csv(csv_path)
    if rows.empty:
        raise ProjectError(f"{csv_path} has a header but no rows to predict")
    # The model needs the columns it was trained on; extra columns are ignored.
    inputs = require_columns(
        model.feature_names_in_, rows, csv_path, "add them to the CSV"
    )
    try:
        predictions = rows.assign(prediction=model.predict(inputs))
    except ValueError as error:  # e.g. text in a column that held numbers in training
        raise ProjectError(
            f"{csv_path} could not be scored ({error}): give each column the same "
            "kind of values as in the training data"
        ) from None
    write_atomically(
        output, lambda temporary: predictions.to_csv(temporary, index=False)
    )
    return output
