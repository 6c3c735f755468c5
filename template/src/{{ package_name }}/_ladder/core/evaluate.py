"""Score a fitted model on held-out rows next to the baseline; save the evidence.

`evaluate` works in memory; `write_evaluation` writes reports/metrics.json and the
figures. Any model with a `predict(X)` method will do: a scikit-learn Pipeline, or
the advanced tier's network behind the same method.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import pandas as pd
from matplotlib.figure import Figure
from sklearn.base import BaseEstimator
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import (
    ConfusionMatrixDisplay,
    PredictionErrorDisplay,
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    mean_absolute_error,
    r2_score,
    root_mean_squared_error,
)

from .artifacts import require_columns, save_figures, write_metrics
from .data import Split, load_dataset, split_dataset
from .paths import Paths
from .project import Project

# The metric that decides whether a model beats the baseline; higher is better. Its
# name is also scikit-learn's scorer name, which cross-validation uses.
PRIMARY_METRIC = {"classification": "accuracy", "regression": "r2"}


class Predictor(Protocol):
    feature_names_in_: Any

    def predict(self, X: pd.DataFrame) -> Any: ...


@dataclass
class Evaluation:
    metrics: dict[str, Any]
    figures: dict[str, Figure] = field(default_factory=dict)


def build_baseline(task: str) -> BaseEstimator:
    """The bar every model must clear, a model that ignores the features: the most
    frequent class of the training rows, or their mean target."""
    if task == "classification":
        return DummyClassifier(strategy="most_frequent")
    return DummyRegressor(strategy="mean")


def score(task: str, y_true, y_pred) -> dict[str, float]:
    """Accuracy, balanced accuracy and macro F1 (every class counts the same); or R²
    (share of variance explained), RMSE and MAE (in the target's own units)."""
    if task == "classification":
        return {
            "accuracy": float(accuracy_score(y_true, y_pred)),
            "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred)),
            "f1_macro": float(f1_score(y_true, y_pred, average="macro")),
        }
    return {
        "r2": float(r2_score(y_true, y_pred)),
        "rmse": float(root_mean_squared_error(y_true, y_pred)),
        "mae": float(mean_absolute_error(y_true, y_pred)),
    }


def evaluation_figures(task: str, y_true, y_pred) -> dict[str, Figure]:
    """By file name, drawn with scikit-learn's display classes: which classes the
    model mixes up (rows are true classes), or where a regressor is off."""
    if task == "classification":
        figure = Figure(figsize=(6, 5), layout="constrained")
        axes = figure.subplots()
        ConfusionMatrixDisplay.from_predictions(
            y_true, y_pred, ax=axes, colorbar=False, xticks_rotation=45
        )
        axes.set_title("Confusion matrix on the test set")
        return {"confusion_matrix": figure}
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    actual_axes, residual_axes = figure.subplots(1, 2)
    PredictionErrorDisplay.from_predictions(
        y_true, y_pred, kind="actual_vs_predicted", ax=actual_axes
    )
    PredictionErrorDisplay.from_predictions(
        y_true, y_pred, kind="residual_vs_predicted", ax=residual_axes
    )
    actual_axes.set_title("Predicted vs actual (test set)")
    residual_axes.set_title("Residuals (test set)")
    return {"prediction_error": figure}


def describe(model: Any) -> dict[str, Any]:
    """The estimator's name and the parameters you set (those not at their default)."""
    estimator = model.steps[-1][1] if hasattr(model, "steps") else model
    if not hasattr(estimator, "get_params"):
        return {"estimator": type(estimator).__name__, "params": {}}
    defaults = type(estimator)().get_params(deep=False)
    params = {
        name: value
        for name, value in estimator.get_params(deep=False).items()
        if isinstance(value, (bool, int, float, str)) and value != defaults.get(name)
    }
    return {"estimator": type(estimator).__name__, "params": params}


def evaluate(model: Predictor, split: Split, project: Project) -> Evaluation:
    """Test-set metrics for `model` and for a baseline fitted on the same rows."""
    baseline = build_baseline(project.task).fit(split.X_train, split.y_train)
    y_pred = model.predict(split.X_test)
    metrics = {
        "primary_metric": PRIMARY_METRIC[project.task],
        "model": score(project.task, split.y_test, y_pred),
        "baseline": score(project.task, split.y_test, baseline.predict(split.X_test)),
        **describe(model),
        "n_train": len(split.X_train),
        "n_test": len(split.X_test),
    }
    figures = evaluation_figures(project.task, split.y_test, y_pred)
    return Evaluation(metrics_record(project, metrics), figures)


def metrics_record(project: Project, results: dict[str, Any]) -> dict[str, Any]:
    """metrics.json as every kind writes it: which project, data and task, then the
    results, then when they were measured."""
    return {
        "project": project.slug,
        "dataset": project.data_source,
        "task": project.task,
        **results,
        "evaluated_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def write_evaluation(evaluation: Evaluation, paths: Paths) -> None:
    saved = save_figures(evaluation.figures, paths.figures, paths.reports)
    write_metrics(paths.metrics, {**evaluation.metrics, "figures": saved})


def held_out_split(paths: Paths, project: Project, model: Predictor) -> Split:
    """The test rows `train` held out, with only the columns `model` was fitted on."""
    X, y = load_dataset(paths, project)
    hint = "run `train` again to fit it to this data"
    X = require_columns(model.feature_names_in_, X, "the data", hint)
    return split_dataset(X, y, project)
