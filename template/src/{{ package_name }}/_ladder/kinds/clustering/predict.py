"""Assign new rows to clusters, and score how unusual each one is."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from ...core.rows import read_rows, scored, write_rows
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
    rows, inputs = read_rows(model, csv_path, "assign")
    clusters = scored(csv_path, "assigned", lambda: model.predict(inputs))
    scores = scored(
        csv_path,
        "assigned",
        lambda: score(inputs) if score else anomaly_scores(model, inputs),
    )
    return write_rows(rows.assign(cluster=clusters, anomaly_score=scores), output)
