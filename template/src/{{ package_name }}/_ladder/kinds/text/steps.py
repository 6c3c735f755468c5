"""The steps of an experiment on labelled texts (core/kind.py's `Steps`): the
tabular kind's, with texts for rows and TF-IDF for features."""

from typing import Any

from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline

from ...core.data import Split, split_dataset
from ...core.evaluate import Evaluation
from ...core.paths import Paths
from ...core.settings import Settings
from .data import load_dataset as load
from .evaluate import evaluate_texts
from .predict import predict_texts


def prepare(paths: Paths, settings: Settings) -> Split:
    """Load the texts and labels, hold out the test texts (stratified, seeded)."""
    X, y = load(paths, settings.project)
    return split_dataset(X, y, settings.project)


def text_features(settings: Settings, **overrides: Any) -> ColumnTransformer:
    """features.py's TF-IDF with the `features:` settings (and any `overrides`)."""
    from ....features import build_features

    options = {**settings.features.as_dict(), **overrides}
    return build_features(settings.project.text_column, **options)


def fit(settings: Settings, split: Split) -> Pipeline:
    """model.py's Pipeline, with the `features:` settings, fitted on the training
    texts."""
    from ....model import build_model

    model = build_model(text_features(settings), seed=settings.project.seed)
    return model.fit(split.X_train, split.y_train)


def evaluate(model: Any, split: Split, settings: Settings) -> Evaluation:
    return evaluate_texts(model, split, settings.project)


def predict(model: Any, paths: Paths, settings: Settings) -> str:
    output = settings.output or paths.predictions
    column = settings.project.text_column
    return (
        f"predictions written to {predict_texts(model, settings.csv, output, column)}"
    )
