"""The text kind's intermediate `train` as a plain script: the bar `train` is timed
against.

The same work as `python -m <package> train` in an intermediate text project on the
benchmark corpus (common.write_text_corpus), done with the libraries directly: read,
split, 20 Optuna trials (seeded TPE, a first trial per candidate, 5-fold stratified
CV) in a SQLite study, each trial a candidate (logistic regression, linear SVM, naive
Bayes) with its hyperparameters and TF-IDF settings; refit the best, score it and a
Dummy baseline, draw the figures the run saves, save the model, write the metrics.
Usage: python benchmarks/baselines/text_intermediate.py OUTPUT_FOLDER CSV
"""

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import optuna
import pandas as pd
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import (
    LearningCurveDisplay,
    StratifiedKFold,
    cross_validate,
    train_test_split,
)
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from common import score

SEED = 42
N_TRIALS = 20
CV = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)


class EachCandidateFirst(optuna.samplers.TPESampler):
    """TPE, but trial k < the number of candidates tries the k-th candidate."""

    def sample_independent(self, study, trial, param_name, param_distribution):
        choices = getattr(param_distribution, "choices", ())
        if param_name == "candidate" and trial.number < len(choices):
            return choices[trial.number]
        return super().sample_independent(study, trial, param_name, param_distribution)


def estimator(candidate: str, trial: optuna.Trial):
    """The search spaces of configs/default.yaml, under its names."""
    if candidate == "model":
        C = trial.suggest_float("model.C", 0.1, 100.0, log=True)
        return LogisticRegression(C=C, max_iter=1000, random_state=SEED)
    if candidate == "linear_svm":
        C = trial.suggest_float("linear_svm.C", 0.01, 10.0, log=True)
        return LinearSVC(C=C, random_state=SEED)
    return ComplementNB(
        alpha=trial.suggest_float("naive_bayes.alpha", 0.01, 1.0, log=True)
    )


def build_model(trial: optuna.Trial) -> Pipeline:
    candidate = trial.suggest_categorical(
        "candidate", ["linear_svm", "model", "naive_bayes"]
    )
    tfidf = TfidfVectorizer(
        ngram_range=(1, trial.suggest_categorical("features.ngram_max", [1, 2])),
        min_df=trial.suggest_int("features.min_df", 1, 5),
        sublinear_tf=trial.suggest_categorical("features.sublinear_tf", [True, False]),
        max_features=50_000,
        strip_accents="unicode",
    )
    features = ColumnTransformer(
        [("tfidf", tfidf, "review")], verbose_feature_names_out=False
    )
    return Pipeline(
        [("features", features), ("estimator", estimator(candidate, trial))]
    )


def search(output: Path, X_train: pd.DataFrame, y_train: pd.Series):
    """20 trials in a fresh SQLite study; the best trial's model, refitted."""

    def objective(trial: optuna.Trial) -> float:
        scores = cross_validate(
            build_model(trial), X_train, y_train, cv=CV, scoring="accuracy"
        )["test_score"]
        trial.set_user_attr("fold_scores", scores.tolist())
        return float(scores.mean())

    (output / "optuna.db").unlink(missing_ok=True)
    study = optuna.create_study(
        storage=f"sqlite:///{(output / 'optuna.db').as_posix()}",
        study_name="default",
        direction="maximize",
        sampler=EachCandidateFirst(seed=SEED),
    )
    study.optimize(objective, n_trials=N_TRIALS)
    best = optuna.trial.FixedTrial(study.best_trial.params)
    return build_model(best).fit(X_train, y_train), study


def search_figures(output: Path, model: Pipeline, study, X_train, y_train) -> None:
    """The candidates' CV scores, the learning curve, the most telling words."""
    finished = study.get_trials(states=[optuna.trial.TrialState.COMPLETE])
    names = sorted({trial.params["candidate"] for trial in finished})
    best_scores = [
        max(
            (t for t in finished if t.params["candidate"] == name),
            key=lambda t: t.value,
        ).user_attrs["fold_scores"]
        for name in names
    ]
    figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
    axes.boxplot(best_scores)
    axes.set_xticks(np.arange(1, len(names) + 1), names)
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
        ax=axes,
    )
    figure.savefig(output / "learning_curve.png", dpi=120)
    estimator_ = model[-1]
    weights = getattr(estimator_, "coef_", None)
    if weights is None:
        log_prob = estimator_.feature_log_prob_
        weights = log_prob - log_prob.mean(axis=0)
    words = model[:-1].get_feature_names_out()
    figure, axes = plt.subplots(1, len(estimator_.classes_), figsize=(13, 4))
    for ax, name, row in zip(axes, estimator_.classes_, weights, strict=True):
        top = np.argsort(row)[::-1][:10][::-1]
        ax.barh(words[top], row[top])
        ax.set_title(name)
    figure.savefig(output / "telling_words.png", dpi=120)


def read_split(csv: Path):
    frame = pd.read_csv(csv)
    X, y = frame[["review"]], frame["label"].astype(str)
    return train_test_split(X, y, test_size=0.2, random_state=SEED, stratify=y)


if __name__ == "__main__":
    output, csv = Path(sys.argv[1]), Path(sys.argv[2])
    X_train, X_test, y_train, y_test = read_split(csv)
    model, study = search(output, X_train, y_train)
    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    y_pred = model.predict(X_test)
    metrics = {
        "model": score(y_test, y_pred),
        "baseline": score(y_test, baseline.predict(X_test)),
        "best": study.best_trial.params,
        "cv": study.best_trial.user_attrs["fold_scores"],
    }
    ConfusionMatrixDisplay.from_predictions(y_test, y_pred)
    plt.savefig(output / "confusion_matrix.png", dpi=120)
    search_figures(output, model, study, X_train, y_train)
    sio.dump(model, output / "model.skops")
    (output / "metrics.json").write_text(json.dumps(metrics, indent=2))
    print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
