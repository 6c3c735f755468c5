"""The images kind's intermediate `train` as a plain script: its bar.

The same work as `python -m <package> train` in a default intermediate images project
(digits as a folder, configs/default.yaml), done with the libraries directly: write the
digits out as PNG files and read them back into pixel rows, split, 20 Optuna trials
(seeded TPE, a first trial per candidate, 5-fold stratified CV) in a SQLite study,
refit the best on the training rows, score it and a Dummy baseline on the test rows,
draw the five figures the run saves, save the model with skops, write the metrics and
the configuration. The trials are the project's own: same sampler seed, parameter names
and order. The search, the figures and the files are search.py's and figures.py's; the
folder of images is images_common.py's.
Usage: python benchmarks/baselines/images_intermediate.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

import optuna
import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

import search
from images_common import digits_folder, image_grids, read_images

SEED = 42
ESTIMATORS = {
    "model": LogisticRegression(C=0.1, max_iter=1000, random_state=SEED),
    "svm": SVC(random_state=SEED),
    "random_forest": RandomForestClassifier(random_state=SEED),
}


def suggest(trial: optuna.Trial, candidate: str) -> dict:
    """The search spaces of configs/default.yaml, in its order and under its names."""
    if candidate == "model":
        return {"C": trial.suggest_float("model.C", 0.001, 10.0, log=True)}
    if candidate == "svm":
        return {
            "C": trial.suggest_float("svm.C", 0.1, 100.0, log=True),
            "gamma": trial.suggest_categorical("svm.gamma", ["scale"]),
        }
    return {
        "n_estimators": 100,
        "max_depth": trial.suggest_int("random_forest.max_depth", 4, 24),
        "max_features": trial.suggest_categorical(
            "random_forest.max_features", ["sqrt", "log2"]
        ),
    }


def build_model(candidate: str, params: dict) -> Pipeline:
    features = StandardScaler()
    estimator = clone(ESTIMATORS[candidate]).set_params(**params)
    return Pipeline([("features", features), ("estimator", estimator)])


output = Path(sys.argv[1])
pixels, labels = read_images(digits_folder(output))
X, y = pd.DataFrame(pixels), pd.Series(labels, name="digit")
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)

model, candidates = search.refit_best(
    output, ESTIMATORS, suggest, build_model, X_train, y_train
)
y_pred = search.report(output, model, candidates, X_train, y_train, X_test, y_test)
# The images kind draws test images with their true and predicted classes instead of
# a per-pixel importance: a sample, and the mistakes.
image_grids(output, X_test, y_test, y_pred)
