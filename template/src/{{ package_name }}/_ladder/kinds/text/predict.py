"""Predict the labels of new texts: a CSV with the text column, one text a row."""

from pathlib import Path
from typing import Any

from ...core.artifacts import read_csv, write_atomically
from ...core.errors import ProjectError
from .data import require_texts


def predict_texts(model: Any, csv_path: Path, output: Path, column: str) -> Path:
    """Write `csv_path`'s rows plus a `prediction` column to `output`; refuses a
    CSV without the text column or with empty texts before anything is written."""
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with texts to predict")
    rows = read_csv(csv_path)
    if column not in rows.columns:
        raise ProjectError(
            f"{csv_path} has no column {column!r} (columns: "
            f"{', '.join(map(str, rows.columns))}): put the texts in a column "
            f"named {column}"
        )
    if rows.empty:
        raise ProjectError(f"{csv_path} has a header but no texts to predict")
    # As text, even where pandas read a column of numbers ("42"): the model reads text.
    texts = require_texts(rows[column], csv_path, column).to_frame(column)
    predictions = rows.assign(prediction=model.predict(texts))
    write_atomically(
        output, lambda temporary: predictions.to_csv(temporary, index=False)
    )
    return output
