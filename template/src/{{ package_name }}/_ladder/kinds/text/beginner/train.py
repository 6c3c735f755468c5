"""Fit your text model on the training texts, score it against the baseline, save it.

The same plain steps as the tabular kind's `train`: each one is a function you can
call from a notebook too.
"""

from typing import Any

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline

from .....features import build_features
from .....model import build_model
from ....core.artifacts import save_model, write_text
from ....core.data import Split, load_dataset, split_dataset
from ....core.evaluate import write_evaluation
from ....core.paths import Paths
from ....core.settings import Settings
from ..evaluate import evaluate_texts


def prepare_split(paths: Paths, settings: Settings) -> Split:
    """Load the texts and labels, hold out the test texts (stratified, seeded)."""
    X, y = load_dataset(paths, settings.project)
    return split_dataset(X, y, settings.project)


def text_features(settings: Settings, **overrides: Any) -> ColumnTransformer:
    """features.py's TF-IDF with the `features:` settings (and any `overrides`)."""
    options = {**settings.features.as_dict(), **overrides}
    return build_features(settings.project.text_column, **options)


def fit_model(settings: Settings, X: pd.DataFrame, y: pd.Series) -> Pipeline:
    """model.py's Pipeline, with the `features:` settings, fitted on (X, y)."""
    model = build_model(text_features(settings), seed=settings.project.seed)
    return model.fit(X, y)


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Load, split, fit, evaluate, save; returns the metrics written to reports/."""
    split = prepare_split(paths, settings)
    model = fit_model(settings, split.X_train, split.y_train)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate_texts(model, split, settings.project)
    save_model(model, paths.model)
    write_evaluation(evaluation, paths)
    write_text(paths.resolved_config, settings.yaml)
    return evaluation.metrics
