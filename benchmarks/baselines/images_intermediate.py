"""The images kind's intermediate `train` as a plain script: its bar.

The same work as `python -m <package> train` in a default intermediate images project
(digits as a folder, configs/default.yaml), done with the libraries directly: write the
digits out as PNG files and read them back into pixel rows, split, 20 Optuna trials
(seeded TPE, a first trial per candidate, 5-fold stratified CV) in a SQLite study,
refit the best on the training rows, score it and a Dummy baseline on the test rows,
draw the five figures the run saves, save the model with skops, write the metrics and
the configuration. The trials are the project's own: same sampler seed, parameter names
and order.

The project keeps its study in reports/optuna.db and each `train` adds 20 trials to
it; this script deletes its optuna.db first, and benchmarks/run.py takes the project
back to as rendered before each round, so both always time a *first* `train`.
Usage: python benchmarks/baselines/images_intermediate.py OUTPUT_FOLDER
"""

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import optuna
import pandas as pd
import skops.io as sio
from PIL import Image
from sklearn.base import clone
from sklearn.datasets import load_digits
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    ConfusionMatrixDisplay,
)
from sklearn.model_selection import (
    LearningCurveDisplay,
    StratifiedKFold,
    cross_validate,
    train_test_split,
)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from common import score

SEED = 42
N_TRIALS = 20
CV = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
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


class EachCandidateFirst(optuna.samplers.TPESampler):
    """TPE, but trial k < the number of candidates tries the k-th candidate."""

    def sample_independent(self, study, trial, param_name, param_distribution):
        choices = getattr(param_distribution, "choices", ())
        if param_name == "candidate" and trial.number < len(choices):
            return choices[trial.number]
        return super().sample_independent(study, trial, param_name, param_distribution)


def build_model(candidate: str, params: dict) -> Pipeline:
    features = StandardScaler()
    estimator = clone(ESTIMATORS[candidate]).set_params(**params)
    return Pipeline([("features", features), ("estimator", estimator)])


def objective(trial: optuna.Trial) -> float:
    candidate = trial.suggest_categorical("candidate", sorted(ESTIMATORS))
    params = suggest(trial, candidate)
    scores = cross_validate(
        build_model(candidate, params),
        X_train,
        y_train,
        cv=CV,
        scoring="accuracy",
        error_score="raise",
    )["test_score"]
    trial.set_user_attr("params", params)
    trial.set_user_attr("fold_scores", scores.tolist())
    return float(scores.mean())


output = Path(sys.argv[1])
folder = output / "digits"
digits = load_digits()
for number, (image, digit) in enumerate(zip(digits.images, digits.target, strict=True)):
    (folder / str(digit)).mkdir(parents=True, exist_ok=True)
    grey = (image * (255 / 16)).round().astype(np.uint8)
    Image.fromarray(grey, mode="L").save(folder / str(digit) / f"{number:04d}.png")
files = sorted(folder.glob("*/*.png"))
X = np.stack([np.asarray(Image.open(f).convert("L"), dtype=np.float32) for f in files])
X = pd.DataFrame(X.reshape(len(files), -1) / 255.0)
y = pd.Series([f.parent.name for f in files], name="digit")
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)

(output / "optuna.db").unlink(missing_ok=True)
study = optuna.create_study(
    storage=f"sqlite:///{(output / 'optuna.db').as_posix()}",
    study_name="default",
    direction="maximize",
    sampler=EachCandidateFirst(seed=SEED),
)
# Optuna's own log line per trial stands in for the project's progress line.
study.optimize(objective, n_trials=N_TRIALS)

# Each candidate's best trial; the best of those is refitted.
finished = study.get_trials(states=[optuna.trial.TrialState.COMPLETE])
candidates = []
for name in sorted({trial.params["candidate"] for trial in finished}):
    trials = [trial for trial in finished if trial.params["candidate"] == name]
    best_trial = max(trials, key=lambda trial: trial.value)
    fold_scores = best_trial.user_attrs["fold_scores"]
    candidates.append(
        {
            "name": name,
            "trials": len(trials),
            "best_trial": best_trial.number,
            "mean": float(np.mean(fold_scores)),
            "std": float(np.std(fold_scores)),
            "fold_scores": fold_scores,
            "params": best_trial.user_attrs["params"],
        }
    )
best = max(candidates, key=lambda candidate: candidate["mean"])

model = build_model(best["name"], best["params"]).fit(X_train, y_train)
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
y_pred = model.predict(X_test)
metrics = {
    "model": score(y_test, y_pred),
    "baseline": score(y_test, baseline.predict(X_test)),
    "candidate": best["name"],
    "cv": {
        "folds": 5,
        "mean": best["mean"],
        "std": best["std"],
        "fold_scores": best["fold_scores"],
        "trials": len(finished),
    },
    "candidates": candidates,
}
config = {"candidate": best["name"], "params": best["params"]}

figure, axes = plt.subplots(figsize=(6, 5), layout="constrained")
ConfusionMatrixDisplay.from_predictions(
    y_test, y_pred, ax=axes, colorbar=False, xticks_rotation=45
)
axes.set_title("Confusion matrix on the test set")
figure.savefig(output / "confusion_matrix.png", dpi=120)

figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
positions = np.arange(1, len(candidates) + 1)
axes.boxplot([candidate["fold_scores"] for candidate in candidates])
for position, candidate in zip(positions, candidates, strict=True):
    fold_scores = candidate["fold_scores"]
    axes.scatter(np.full(len(fold_scores), position), fold_scores, alpha=0.6, zorder=3)
axes.set_xticks(positions, [f"{c['name']}\n({c['trials']} trials)" for c in candidates])
axes.set_ylabel("accuracy on each held-out fold")
axes.set_title("Cross-validation: each candidate's best trial")
figure.savefig(output / "cross_validation.png", dpi=120)

figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
LearningCurveDisplay.from_estimator(
    model,
    X_train,
    y_train,
    cv=CV,
    scoring="accuracy",
    train_sizes=np.linspace(0.3, 1.0, 5),
    shuffle=True,
    random_state=SEED,
    score_name="accuracy",
    ax=axes,
)
axes.set_title("Learning curve of the chosen model")
figure.savefig(output / "learning_curve.png", dpi=120)

# The images kind draws test images with their true and predicted classes instead of
# a per-pixel importance: a sample, and the mistakes.
images = X_test.to_numpy().reshape(-1, 8, 8)
wrong = np.flatnonzero(y_test.to_numpy() != y_pred)
grids = {"sample_predictions": np.arange(16), "confidently_wrong": wrong}
for name, shown in grids.items():
    figure, grid = plt.subplots(4, 4, figsize=(8, 8.8), layout="constrained")
    for axes in grid.ravel():
        axes.set_axis_off()
    for axes, index in zip(grid.ravel(), shown[:16], strict=False):
        axes.imshow(images[index], cmap="gray", vmin=0, vmax=1)
        axes.set_title(f"{y_test.iloc[index]} / {y_pred[index]}")
    figure.savefig(output / f"{name}.png", dpi=120)

sio.dump(model, output / "model.skops")
(output / "metrics.json").write_text(json.dumps(metrics, indent=2))
(output / "config.yaml").write_text(json.dumps(config, indent=2))
print(f"best of {len(finished)} trials: {best['name']}, CV accuracy {best['mean']:.3f}")
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
