"""The search on rows and columns (part.py's `Search`): the tabular kind's, and the
images kind's, whose images are rows of pixels.

Each trial is a candidate of candidates.py after features.py's preprocessing, with
hyperparameters from `candidates:`, scored by k-fold cross-validation on the training
rows (search.py); the best is refitted on all of them. Its figures are scikit-learn's
own: `LearningCurveDisplay` and `permutation_importance`.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import optuna
from matplotlib.figure import Figure
from sklearn.inspection import permutation_importance
from sklearn.model_selection import LearningCurveDisplay
from sklearn.pipeline import Pipeline

from ..core.data import Split
from ..core.evaluate import PRIMARY_METRIC
from ..core.settings import Settings
from . import search
from .part import intermediate_part, reported_mean
from .search import (
    candidate_objective,
    check_folds,
    cross_validate_model,
    cv_splitter,
    with_params,
)
from .space import search_space

if TYPE_CHECKING:
    from .train import SearchOutcome

TRIAL_FACTS: tuple[str, ...] = ()
# metrics.json's `cv`: the folds, the best trial's scores on them, the trial counts.
cv_facts = search.cv_facts
# Columns shown in the permutation importance figure, the most important first.
TOP_COLUMNS = 15


def candidate_pipelines(settings: Settings) -> dict[str, Pipeline]:
    """candidates.py's Pipelines, after the preprocessing `features:` sets."""
    from ...candidates import build_candidates
    from ...features import build_preprocessor

    preprocessor = build_preprocessor(**settings.features.as_dict())
    return build_candidates(preprocessor, seed=settings.project.seed)


def score_name(settings: Settings) -> str:
    return PRIMARY_METRIC[settings.project.task]


def objective(settings: Settings, split: Split) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: the mean cross-validation score of one trial's model."""
    candidates = candidate_pipelines(settings)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    check_folds(split.y_train, settings)
    project, folds = settings.project, settings.search.folds

    def score(candidate: str, params: dict[str, Any]) -> tuple[list[float], dict]:
        model = with_params(candidates[candidate], params)
        scores = cross_validate_model(
            model, split.X_train, split.y_train, project.task, folds, project.seed
        )
        return scores.tolist(), {}

    return candidate_objective(settings, space, score)


def refit_note(best: dict[str, Any]) -> str:
    return f"refitting {best['name']} (trial {best['best_trial']}) on the training rows"


def refit(settings: Settings, best: dict[str, Any], split: Split) -> Pipeline:
    model = with_params(candidate_pipelines(settings)[best["name"]], best["params"])
    return model.fit(split.X_train, split.y_train)


def search_figures(
    model: Pipeline,
    split: Split,
    settings: Settings,
    outcome: "SearchOutcome",
    per_column: bool = False,
) -> dict[str, Figure]:
    """The candidates side by side, the chosen model's learning curve and, with
    `per_column`, the columns it relies on."""
    task, seed = settings.project.task, settings.project.seed
    metric = PRIMARY_METRIC[task]
    ylabel = f"{metric} on each held-out fold"
    folds = cross_validation_figure(outcome.candidates, metric, ylabel)
    # Scores as the training set grows: if the validation curve still rises at the
    # right, more rows would help; a wide gap to the training curve means overfitting.
    curve = Figure(figsize=(7, 4.5), layout="constrained")
    axes = curve.subplots()
    LearningCurveDisplay.from_estimator(
        model,
        split.X_train,
        split.y_train,
        cv=cv_splitter(task, settings.search.folds, seed),
        scoring=metric,
        train_sizes=np.linspace(0.3, 1.0, 5),
        shuffle=True,
        random_state=seed,
        score_name=metric,
        ax=axes,
    )
    axes.set_title("Learning curve of the chosen model")
    figures = {"cross_validation": folds, "learning_curve": curve}
    if per_column:
        figures["permutation_importance"] = importance_figure(
            model, split, metric, seed
        )
    return figures


def cross_validation_figure(
    candidates: list[dict[str, Any]], metric: str, ylabel: str
) -> Figure:
    """Each candidate's best trial, one dot per fold: which model wins, and by how
    much more than the fold-to-fold noise? (An error searched negated is drawn as the
    error.)"""
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.subplots()
    folds = [[reported_mean(metric, s) for s in c["fold_scores"]] for c in candidates]
    axes.boxplot(folds)
    for position, scores in enumerate(folds, start=1):
        axes.scatter(np.full(len(scores), position), scores, alpha=0.6, zorder=3)
    labels = [f"{c['name']}\n({c['trials']} trials)" for c in candidates]
    axes.set_xticks(np.arange(1, len(candidates) + 1), labels)
    axes.set_ylabel(ylabel)
    axes.set_title("Cross-validation: each candidate's best trial")
    return figure


def importance_figure(model: Pipeline, split: Split, metric: str, seed: int) -> Figure:
    """How much the score drops when one column is shuffled, on the test rows: the
    columns the model really relies on (unlike impurity-based importances, this
    works for every model and is not fooled by columns with many distinct values)."""
    X, y = split.X_test, split.y_test
    result = permutation_importance(
        model, X, y, scoring=metric, n_repeats=5, random_state=seed
    )
    order = np.argsort(result.importances_mean)[-TOP_COLUMNS:]
    figure = Figure(figsize=(7, 1.5 + 0.3 * len(order)), layout="constrained")
    axes = figure.subplots()
    axes.barh(
        [str(X.columns[index]) for index in order],
        result.importances_mean[order],
        xerr=result.importances_std[order],
    )
    axes.axvline(0, color="grey", linewidth=0.8)
    axes.set_xlabel(f"drop in {metric} when the column is shuffled")
    axes.set_title("Permutation importance on the test set")
    return figure


def run_figures(
    model: Pipeline, split: Split, settings: Settings, outcome: "SearchOutcome"
) -> dict[str, Figure]:
    print("drawing the figures: learning curve, permutation importance, ...")
    per_column = intermediate_part().per_column_figures
    return search_figures(model, split, settings, outcome, per_column)
