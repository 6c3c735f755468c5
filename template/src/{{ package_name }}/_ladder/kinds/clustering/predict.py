"""Assign new rows to clusters, and score how unusual each one is."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from ...core.artifacts import read_csv, require_columns, write_atomically
from ...core.errors import ProjectError
from .anomaly import anomaly_scores


def assign_rows(
    model: Pipeline,
    csv_path: Path,
    output: Path,
    score: Callable[[pd.DataFrame], np.ndarray] | None = None,
) -> Path:
    """Write `csv_path`'s rows plus `cluster` and `anomaly_score` columns to `output`.

    `score` gives the anomaly scores when the model has its own (the advanced tier's
    reconstruction error); else the distance to the nearest cluster centre.
    """
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with rows to assign")
    rows = read_csv(csv_path)
    if rows.empty:
        raise ProjectError(f"{csv_path} has a header but no rows to assign")
    # The model needs the columns it was fitted on; extra columns are ignored.
    inputs = require_columns(
        model.feature_names_in_, rows, csv_path, "add them to the CSV"
    )
    try:
        clusters = model.predict(inputs)
        scores = score(inputs) if score else anomaly_scores(model, inputs)
    except ValueError as error:  # e.g. text in a column that held numbers in training
        raise ProjectError(
            f"{csv_path} could not be assigned ({error}): give each column the same "
            "kind of values as in the training data"
        ) from None
    assigned = rows.assign(cluster=clusters, anomaly_score=scores)
    write_atomically(output, lambda temporary: assigned.to_csv(temporary, index=False))
    return output
