"""Score a fitted model on held-out rows next to the baseline; save the evidence.

`evaluate` works in memory; `write_evaluation` writes reports/metrics.json and the
figures. `train` calls both, and the `evaluate` command re-scores the saved model.
Any model with a `predict(X)` method will do: a scikit-learn Pipeline, or the
advanced tier's network behind the same method.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

import pandas as pd

from .artifacts import require_columns, save_figure, write_metrics
from .baseline import build_baseline
from .data import Split, load_dataset, split_dataset
from .figures import evaluation_figures
from .metrics import PRIMARY_METRIC, score
from .paths import Paths
from .project import Project

if TYPE_CHECKING:  # matplotlib is heavy: imported by figures.py only when drawing
    from matplotlib.figure import Figure


class Predictor(Protocol):
    """What every tier's model offers: the columns it was fitted on, and predictions."""

    feature_names_in_: Any

    def predict(self, X: pd.DataFrame) -> Any: ...


@dataclass
class Evaluation:
    """What one evaluation found: the metrics file's content and the figures to save."""

    metrics: dict[str, Any]
    figures: dict[str, "Figure"] = field(default_factory=dict)


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
        "project": project.slug,
        "dataset": project.dataset,
        "task": project.task,
        "primary_metric": PRIMARY_METRIC[project.task],
        "model": score(project.task, split.y_test, y_pred),
        "baseline": score(project.task, split.y_test, baseline.predict(split.X_test)),
        **describe(model),
        "n_train": len(split.X_train),
        "n_test": len(split.X_test),
        "evaluated_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    figures = evaluation_figures(project.task, split.y_test, y_pred)
    return Evaluation(metrics, figures)


def write_evaluation(evaluation: Evaluation, paths: Paths) -> None:
    """Save each figure as PNG under reports/figures/, then reports/metrics.json."""
    saved = []
    for name, figure in evaluation.figures.items():
        path = paths.figures / f"{name}.png"
        save_figure(figure, path)
        saved.append(path.relative_to(paths.reports).as_posix())
    write_metrics(paths.metrics, {**evaluation.metrics, "figures": saved})


def held_out_split(paths: Paths, project: Project, model: Predictor) -> Split:
    """The test rows `train` held out, with only the columns `model` was fitted on."""
    X, y = load_dataset(paths, project)
    # A run may have left columns out; a model fitted before the data changed may not
    # find its columns: say so plainly.
    hint = "run `train` again to fit it to this data"
    X = require_columns(model.feature_names_in_, X, "the data", hint)
    return split_dataset(X, y, project)


def evaluate_saved_model(
    paths: Paths, project: Project, model: Predictor
) -> dict[str, Any]:
    """Re-score a saved model on the same test rows `train` held out."""
    evaluation = evaluate(model, held_out_split(paths, project, model), project)
    write_evaluation(evaluation, paths)
    return evaluation.metrics
