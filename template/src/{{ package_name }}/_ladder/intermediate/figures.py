"""Figures that compare the candidates and explain the chosen model.

Like core/evaluate.py's, each function returns a matplotlib Figure and saves nothing:
`train` puts them in the run's folder. The heavy lifting is scikit-learn's own:
`LearningCurveDisplay` and `permutation_importance`.
"""

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.inspection import permutation_importance
from sklearn.model_selection import LearningCurveDisplay
from sklearn.pipeline import Pipeline

from ..core.evaluate import PRIMARY_METRIC
from .search import cv_splitter

# Columns shown in the permutation importance figure, the most important first.
TOP_COLUMNS = 15


def cross_validation_figure(candidates: list[dict[str, Any]], task: str) -> Figure:
    """Each candidate's best trial, one dot per fold: which model wins, and by how
    much more than the fold-to-fold noise?"""
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.subplots()
    positions = np.arange(1, len(candidates) + 1)
    axes.boxplot([candidate["fold_scores"] for candidate in candidates])
    for position, candidate in zip(positions, candidates, strict=True):
        scores = candidate["fold_scores"]
        axes.scatter(np.full(len(scores), position), scores, alpha=0.6, zorder=3)
    labels = [f"{c['name']}\n({c['trials']} trials)" for c in candidates]
    axes.set_xticks(positions, labels)
    axes.set_ylabel(f"{PRIMARY_METRIC[task]} on each held-out fold")
    axes.set_title("Cross-validation: each candidate's best trial")
    return figure


def learning_curve_figure(
    model: Pipeline, X: pd.DataFrame, y: pd.Series, task: str, folds: int, seed: int
) -> Figure:
    """Scores as the training set grows: if the validation curve still rises at the
    right, more rows would help; a wide gap to the training curve means overfitting."""
    metric = PRIMARY_METRIC[task]
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.subplots()
    LearningCurveDisplay.from_estimator(
        model,
        X,
        y,
        cv=cv_splitter(task, folds, seed),
        scoring=metric,
        train_sizes=np.linspace(0.3, 1.0, 5),
        shuffle=True,
        random_state=seed,
        score_name=metric,
        ax=axes,
    )
    axes.set_title("Learning curve of the chosen model")
    return figure


def permutation_importance_figure(
    model: Pipeline, X: pd.DataFrame, y: pd.Series, task: str, seed: int
) -> Figure:
    """How much the score drops when one column is shuffled, on held-out rows: the
    columns the model really relies on (unlike impurity-based importances, this
    works for every model and is not fooled by columns with many distinct values)."""
    metric = PRIMARY_METRIC[task]
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
