"""Fit the clustering model on the training rows, score it against chance, save it.

The whole experiment in a few plain steps, each a function you can call from a
notebook too. The labels, when the data has some, never reach the model.
"""

from typing import Any

import pandas as pd
from sklearn.pipeline import Pipeline

from .....features import build_preprocessor
from .....model import build_model
from ....core.artifacts import save_model, write_text
from ....core.errors import ProjectError
from ....core.evaluate import write_evaluation
from ....core.paths import Paths
from ....core.settings import Settings
from ..data import prepare_rows
from ..evaluate import evaluate


def fit_model(settings: Settings, X: pd.DataFrame) -> Pipeline:
    """model.py's Pipeline, with the `features:` and `model:` settings, fitted on X
    alone: no labels."""
    preprocessor = build_preprocessor(**settings.features.as_dict())
    model = build_model(
        preprocessor, seed=settings.project.seed, **settings.model.as_dict()
    )
    return fit(model, X)


def fit(model: Pipeline, X: pd.DataFrame) -> Pipeline:
    try:
        return model.fit(X)
    except ValueError as error:  # e.g. more clusters than rows
        raise ProjectError(f"the model could not be fitted: {error}") from None


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Load, split, fit, evaluate, save; returns the metrics written to reports/."""
    rows = prepare_rows(paths, settings)
    model = fit_model(settings, rows.X_train)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(model, rows, settings)
    save_model(model, paths.model)
    write_evaluation(evaluation, paths)
    write_text(paths.resolved_config, settings.yaml)
    return evaluation.metrics
