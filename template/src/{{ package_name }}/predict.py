"""Predict with the saved model for new rows in a CSV file."""

from pathlib import Path

from .artifacts import load_model, read_csv, require_columns, write_atomically
from .config import Paths
from .errors import ProjectError


def predict(csv_path: Path, paths: Paths, output: Path | None = None) -> Path:
    """Write `csv_path`'s rows plus a `prediction` column; returns where they went."""
    model = load_model(paths.model)
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with rows to predict")
    rows = read_csv(csv_path)
    if rows.empty:
        raise ProjectError(f"{csv_path} has a header but no rows to predict")
    # The model needs the columns it was trained on; extra columns are ignored.
    inputs = require_columns(model, rows, csv_path, "add them to the CSV")
    try:
        predictions = rows.assign(prediction=model.predict(inputs))
    except ValueError as error:  # e.g. text in a column that held numbers in training
        raise ProjectError(
            f"{csv_path} could not be scored ({error}): give each column the same "
            "kind of values as in the training data"
        ) from None
    output = output or paths.predictions
    write_atomically(
        output, lambda temporary: predictions.to_csv(temporary, index=False)
    )
    return output
