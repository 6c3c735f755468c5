"""Predict with the saved model for new rows in a CSV file."""

from pathlib import Path

from .artifacts import load_model, read_csv, write_atomically
from .config import Paths
from .errors import ProjectError


def predict(csv_path: Path, paths: Paths, output: Path | None = None) -> Path:
    """Write `csv_path`'s rows plus a `prediction` column; returns where they went."""
    model = load_model(paths.model)
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with rows to predict")
    rows = read_csv(csv_path)
    # The model needs exactly the columns it was trained on; extra columns are ignored.
    expected = [str(column) for column in model.feature_names_in_]
    missing = [column for column in expected if column not in rows.columns]
    if missing:
        raise ProjectError(
            f"{csv_path} lacks {len(missing)} column(s) the model was trained on: "
            f"{', '.join(missing)}"
        )
    predictions = rows.assign(prediction=model.predict(rows[expected]))
    output = output or paths.predictions
    write_atomically(
        output, lambda temporary: predictions.to_csv(temporary, index=False)
    )
    return output
