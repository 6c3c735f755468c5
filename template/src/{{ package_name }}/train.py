"""Fit the model on the training rows, score it against the baseline, save everything.

This is the whole experiment in five steps; each step is a plain function you can call
from a notebook too.
"""

from typing import Any

from .artifacts import save_model
from .config import Paths
from .data import load_dataset, split_dataset
from .evaluate import evaluate, write_evaluation
from .model import build_model


def train(paths: Paths) -> dict[str, Any]:
    """Load, split, fit, evaluate, save; returns the metrics written to reports/."""
    X, y = load_dataset(paths)
    split = split_dataset(X, y)
    model = build_model().fit(split.X_train, split.y_train)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(model, split)
    save_model(model, paths.model)
    write_evaluation(evaluation, paths)
    return evaluation.metrics
