"""Fit your model on the training rows, score it against the baseline, save it all.

This is the whole experiment in a few plain steps; each one is a function you can
call from a notebook too.
"""

from typing import Any

import pandas as pd

from ..core.artifacts import save_model, write_text
from ..core.data import Split, load_dataset, select_columns, split_dataset
from ..core.evaluate import evaluate, write_evaluation
from ..core.paths import Paths
from ..core.settings import Settings


def prepare_split(paths: Paths, settings: Settings) -> Split:
    """Load the data, leave out `data.drop_columns`, hold out the test rows."""
    X, y = load_dataset(paths, settings.project)
    X = select_columns(X, settings.data, paths.default_config)
    return split_dataset(X, y, settings.project)


def fit_model(settings: Settings, X: pd.DataFrame, y: pd.Series):
    """model.py's Pipeline, with the `features:` settings, fitted on (X, y)."""
    # Your files are imported where they are used: a problem kind with files of its
    # own (text, ...) reuses this module's neighbours.
    from ...features import build_preprocessor
    from ...model import build_model

    preprocessor = build_preprocessor(**settings.features.as_dict())
    model = build_model(preprocessor, seed=settings.project.seed)
    return model.fit(X, y)


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Load, split, fit, evaluate, save; returns the metrics written to reports/."""
    split = prepare_split(paths, settings)
    model = fit_model(settings, split.X_train, split.y_train)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(model, split, settings.project)
    save_model(model, paths.model)
    write_evaluation(evaluation, paths)
    write_text(paths.resolved_config, settings.yaml)
    return evaluation.metrics
