"""The intermediate tier's search as the plain scripts run it: a seeded Optuna study
in SQLite that tries each candidate once first, each candidate's best trial, and the
refit, scores, figures and files that follow. A script keeps its own candidates,
search spaces and model; what every script does alike is written once, here.
"""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import optuna
from sklearn.model_selection import StratifiedKFold, cross_validate

import figures
from common import against_dummy, save

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


def run(
    output: Path,
    objective: Callable[[optuna.Trial], float],
    n_trials: int = N_TRIALS,
    sampler: optuna.samplers.BaseSampler | None = None,
    name: str | None = "default",
) -> optuna.Study:
    """`n_trials` of `objective` in a new study, reports/optuna.db's stand-in.

    The project adds its trials to the study of its earlier runs; the script deletes
    its optuna.db first, and benchmarks/run.py takes the project back to as rendered
    before each round, so both always time a *first* `train`.
    """
    (output / "optuna.db").unlink(missing_ok=True)
    study = optuna.create_study(
        storage=f"sqlite:///{(output / 'optuna.db').as_posix()}",
        study_name=name,
        direction="maximize",
        sampler=sampler or EachCandidateFirst(seed=SEED),
    )
    # Optuna's own log line per trial stands in for the project's progress line.
    study.optimize(objective, n_trials=n_trials)
    return study


def cross_validated(candidates, suggest, build_model, X_train, y_train):
    """The objective: a candidate, its parameters, its mean 5-fold CV accuracy."""

    def objective(trial: optuna.Trial) -> float:
        candidate = trial.suggest_categorical("candidate", sorted(candidates))
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

    return objective


def refit_best(output: Path, candidates, suggest, build_model, X_train, y_train):
    """Search (see `run`, `cross_validated`), then refit the best candidate on the
    training rows: that model, and each candidate's best trial."""
    objective = cross_validated(candidates, suggest, build_model, X_train, y_train)
    found = best_of_each(run(output, objective))
    best = best_candidate(found)
    return build_model(best["name"], best["params"]).fit(X_train, y_train), found


def best_of_each(study: optuna.Study) -> list[dict]:
    """Each candidate's best trial, by name: its fold scores and parameters."""
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
                "params": best_trial.user_attrs.get("params", {}),
            }
        )
    return candidates


def best_candidate(candidates: list[dict]) -> dict:
    return max(candidates, key=lambda candidate: candidate["mean"])


def report(output: Path, model, candidates, X_train, y_train, X_test, y_test):
    """Score `model` (the best candidate, refitted) and a Dummy baseline on the test
    rows, draw the confusion matrix, the candidates' CV scores and the learning
    curve, save the model, metrics and configuration. The test predictions, for
    the script's own figure."""
    best = best_candidate(candidates)
    y_pred = model.predict(X_test)
    metrics = against_dummy(y_test, y_pred, X_train, y_train, X_test)
    metrics |= {
        "candidate": best["name"],
        "cv": {
            "folds": CV.get_n_splits(),
            "mean": best["mean"],
            "std": best["std"],
            "fold_scores": best["fold_scores"],
            "trials": sum(candidate["trials"] for candidate in candidates),
        },
        "candidates": candidates,
    }
    figures.confusion_matrix(output, y_test, y_pred)
    figures.cross_validation(output, candidates, "accuracy on each held-out fold")
    figures.learning_curve(output, model, X_train, y_train, CV)
    save(output, metrics, model, {"candidate": best["name"], "params": best["params"]})
    trials = metrics["cv"]["trials"]
    print(f"best of {trials} trials: {best['name']}, CV accuracy {best['mean']:.3f}")
    print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
    return y_pred
