"""The intermediate tier's `train` as a plain script: the bar `train` is timed against.

The same work as `python -m <package> train` in a default intermediate project (iris,
configs/default.yaml), done with the libraries directly: load, split, 20 Optuna trials
(seeded TPE, a first trial per candidate, 5-fold stratified CV) in a SQLite study,
refit the best on the training rows, score it and a Dummy baseline on the test rows,
draw the four figures the run saves, save the model with skops, write the metrics and
the configuration. The trials are the project's own: same sampler seed, parameter names
and order. The search, the figures and the files are search.py's and figures.py's.
Usage: python benchmarks/baselines/intermediate.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import optuna
import pandas as pd
from sklearn.base import clone
from sklearn.datasets import load_iris
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

import search
from common import build_preprocessor

SEED = 42
ESTIMATORS = {
    "model": LogisticRegression(C=1.0, max_iter=1000, random_state=SEED),
    "random_forest": RandomForestClassifier(random_state=SEED),
    "hist_gradient_boosting": HistGradientBoostingClassifier(random_state=SEED),
}


def suggest(trial: optuna.Trial, candidate: str) -> dict:
    """The search spaces of configs/default.yaml, in its order and under its names."""
    if candidate == "model":
        return {"C": trial.suggest_float("model.C", 0.01, 10.0, log=True)}
    if candidate == "random_forest":
        return {
            "n_estimators": 100,
            "max_depth": trial.suggest_int("random_forest.max_depth", 2, 16),
            "min_samples_leaf": trial.suggest_int(
                "random_forest.min_samples_leaf", 1, 8
            ),
            "max_features": trial.suggest_categorical(
                "random_forest.max_features", ["sqrt", "log2"]
            ),
        }
    return {
        "max_iter": 100,
        "learning_rate": trial.suggest_float(
            "hist_gradient_boosting.learning_rate", 0.02, 0.3, log=True
        ),
        "max_leaf_nodes": trial.suggest_int(
            "hist_gradient_boosting.max_leaf_nodes", 8, 48, log=True
        ),
        "l2_regularization": trial.suggest_float(
            "hist_gradient_boosting.l2_regularization", 0.0001, 10.0, log=True
        ),
    }


def build_model(candidate: str, params: dict) -> Pipeline:
    features = build_preprocessor(sparse_threshold=0.0)
    estimator = clone(ESTIMATORS[candidate]).set_params(**params)
    return Pipeline([("features", features), ("estimator", estimator)])


output = Path(sys.argv[1])
iris = load_iris(as_frame=True)
X = iris.data
y = pd.Series(iris.target_names[iris.target].astype(str), name="species")
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)

model, candidates = search.refit_best(
    output, ESTIMATORS, suggest, build_model, X_train, y_train
)
search.report(output, model, candidates, X_train, y_train, X_test, y_test)

importance = permutation_importance(
    model, X_test, y_test, scoring="accuracy", n_repeats=5, random_state=SEED
)
order = np.argsort(importance.importances_mean)[-15:]
figure, axes = plt.subplots(figsize=(7, 1.5 + 0.3 * len(order)), layout="constrained")
axes.barh(
    [str(X.columns[index]) for index in order],
    importance.importances_mean[order],
    xerr=importance.importances_std[order],
)
axes.axvline(0, color="grey", linewidth=0.8)
axes.set_xlabel("drop in accuracy when the column is shuffled")
axes.set_title("Permutation importance on the test set")
figure.savefig(output / "permutation_importance.png", dpi=120)
