"""The text kind's intermediate `train` as a plain script: the bar `train` is timed
against.

The same work as `python -m <package> train` in an intermediate text project on the
benchmark corpus (common.write_text_corpus), done with the libraries directly: read,
split, 20 Optuna trials (seeded TPE, a first trial per candidate, 5-fold stratified
CV) in a SQLite study (search.py), each trial a candidate (logistic regression, linear
SVM, naive Bayes) with its hyperparameters and TF-IDF settings; refit the best, score
it and a Dummy baseline, draw the figures the run saves, save the model, write the
metrics. text_advanced.py runs the same search as its network's rival.
Usage: python benchmarks/baselines/text_intermediate.py OUTPUT_FOLDER CSV
"""

import sys
from pathlib import Path

import optuna
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_validate
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

import figures
import search
from common import against_dummy, save
from text_common import SEED, read_split, telling_words


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


def fit_best(output: Path, X_train: pd.DataFrame, y_train: pd.Series):
    """20 trials in a fresh SQLite study; the best trial's model, refitted."""

    def objective(trial: optuna.Trial) -> float:
        scores = cross_validate(
            build_model(trial), X_train, y_train, cv=search.CV, scoring="accuracy"
        )["test_score"]
        trial.set_user_attr("fold_scores", scores.tolist())
        return float(scores.mean())

    study = search.run(output, objective)
    best = optuna.trial.FixedTrial(study.best_trial.params)
    return build_model(best).fit(X_train, y_train), study


def search_figures(output: Path, model: Pipeline, study, X_train, y_train) -> None:
    """The candidates' CV scores, the learning curve, the most telling words."""
    candidates = search.best_of_each(study)
    figures.cross_validation(output, candidates, "accuracy on each held-out fold")
    figures.learning_curve(output, model, X_train, y_train, search.CV)
    telling_words(output, model)


if __name__ == "__main__":
    output, csv = Path(sys.argv[1]), Path(sys.argv[2])
    X_train, X_test, y_train, y_test = read_split(csv)
    model, study = fit_best(output, X_train, y_train)
    y_pred = model.predict(X_test)
    metrics = against_dummy(y_test, y_pred, X_train, y_train, X_test)
    metrics |= {
        "best": study.best_trial.params,
        "cv": study.best_trial.user_attrs["fold_scores"],
    }
    figures.confusion_matrix(output, y_test, y_pred, plain=True)
    search_figures(output, model, study, X_train, y_train)
    save(output, metrics, model)
    print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
