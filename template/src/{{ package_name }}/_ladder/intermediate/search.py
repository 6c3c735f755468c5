"""Cross-validation and the Optuna study: which candidate, with which settings?

Each trial picks a candidate and hyperparameters from the search space (space.py),
scores them on the training part only (by k-fold cross-validation for rows) and
records its scores in an Optuna study. The study lives in a database, by default the
SQLite file reports/optuna.db, so a stopped search resumes where it was. Give
`--search.storage` any database URL Optuna supports (PostgreSQL, MySQL, ...; for
PostgreSQL `uv sync --extra postgres` installs its driver) and run `search` on several
machines at once: they all add trials to one shared study.
"""

import hashlib
import json
import os
import re
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, is_dataclass
from typing import Any

import numpy as np
import optuna
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import KFold, StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sqlalchemy.exc import SQLAlchemyError

from ..core.errors import ProjectError
from ..core.evaluate import PRIMARY_METRIC
from ..core.paths import Paths
from ..core.settings import Settings
from .part import intermediate_part, reported_mean, reported_metric
from .space import Range, SearchSpace, candidates_source

# The sections that change what a trial measures, with the kind's own (part.py): only
# they start a new study (a higher tier's network does not).
TRIAL_SECTIONS = ("data", "features", "search", "candidates")
PROJECT_FACTS = ("dataset", "csv_file", "target", "task", "seed", "test_size")
# A kind's facts (a forecast's horizon): hashed only where set, so the other kinds'
# study names stay what they were.
KIND_FACTS = ("horizon", "date_column")
# The `search:` settings that budget a search but leave a trial's score as it is: they
# neither start a new study nor belong in metrics.json's `cv`.
BUDGET = ("n_trials", "storage")
# The extra of pyproject.toml that installs a database's driver, by the URL's scheme
# (SQLAlchemy 2.1 reads postgresql:// as postgresql+psycopg://, psycopg 3).
DRIVER_EXTRAS = {"postgresql": "postgres", "postgresql+psycopg": "postgres"}
# Which process ran a trial, recorded with it: workers may share a study.
WORKER = f"{socket.gethostname()}:{os.getpid()}"


def cv_splitter(task: str, folds: int, seed: int) -> KFold | StratifiedKFold:
    """Shuffled, seeded k-fold splits; for classification each fold keeps the class
    shares of the whole (StratifiedKFold), so a rare class is never left out."""
    if task == "classification":
        return StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return KFold(n_splits=folds, shuffle=True, random_state=seed)


def cross_validate_model(
    model: Pipeline, X: pd.DataFrame, y: pd.Series, task: str, folds: int, seed: int
) -> np.ndarray:
    """The model's primary metric on each held-out fold of (X, y)."""
    # error_score="raise": a model that fails to fit stops the search with the reason.
    splits = cv_splitter(task, folds, seed)
    result = cross_validate(
        model, X, y, cv=splits, scoring=PRIMARY_METRIC[task], error_score="raise"
    )
    return result["test_score"]


def check_folds(y: pd.Series, settings: Settings) -> None:
    """Each fold needs rows of every class: refuse more folds than the data allows."""
    folds = settings.search.folds
    if settings.project.is_classification:
        counts = y.value_counts()
        if counts.min() < folds:
            raise ProjectError(
                f"search.folds is {folds}, but class {counts.idxmin()!r} has only "
                f"{counts.min()} training rows: lower search.folds or gather more rows"
            )
    elif len(y) < 2 * folds:
        raise ProjectError(
            f"search.folds is {folds}, which needs at least {2 * folds} training "
            f"rows; the data has {len(y)}: lower search.folds"
        )


def default_storage(paths: Paths) -> str:
    """The SQLite file reports/optuna.db, as a database URL."""
    paths.reports.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(paths.reports / 'optuna.db').as_posix()}"


def hashed_name(prefix: str, measured: dict[str, Any], settings: Settings) -> str:
    """`prefix` plus a hash of what a trial measures and of the project's facts: edit
    the config and a fresh study starts; undo it, the old one resumes."""
    project = settings.project
    facts = {fact: getattr(project, fact) for fact in PROJECT_FACTS}
    for fact in KIND_FACTS:
        if getattr(project, fact, None) is not None:
            facts[fact] = getattr(project, fact)
    text = json.dumps({**measured, "project": facts}, sort_keys=True, default=str)
    return f"{prefix}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


def study_name(settings: Settings) -> str:
    """The candidates' study: the experiment's name, hashed with its sections."""
    measured = {}
    for key in [*TRIAL_SECTIONS, *intermediate_part().sections()]:
        if key in settings.sections:
            section = settings.sections[key]  # a dataclass or a Namespace: as data
            if is_dataclass(section):
                section = asdict(section)
            elif hasattr(section, "as_dict"):
                section = section.as_dict()
            measured[key] = section
    for budget in BUDGET:
        measured["search"].pop(budget)
    return hashed_name(settings.experiment, measured, settings)


def connect(url: str) -> optuna.storages.RDBStorage:
    """Optuna's storage at `url`; retried because workers starting at the same moment
    may race to create the tables of a new database."""
    # SQLite allows one writer at a time: wait up to 30 s for the lock, not 5.
    options = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {}
    for attempt in range(3):
        try:
            return optuna.storages.RDBStorage(url, engine_kwargs=options)
        except SQLAlchemyError as error:
            problem = error
            time.sleep(1 + attempt)
        except ImportError as error:  # the database's driver is not installed
            problem = error
            extra = DRIVER_EXTRAS.get(url.split(":", 1)[0])
            if extra:
                install = f"`uv sync --extra {extra}` installs it"
                problem = f"its driver is not installed: {install}"
            break
        except ValueError as error:  # a malformed URL
            problem = error
            break
    first_line = str(problem).strip().splitlines()[0]
    shown = re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)  # hide a password
    raise ProjectError(f"cannot open Optuna storage {shown}: {first_line}")


class EachCandidateFirst(optuna.samplers.TPESampler):
    """TPE, except that the study's first trials try each candidate once, in order.

    The trial number decides, and the storage hands every number out once, so any
    number of workers can share the study. (Enqueued trials would do the same, but
    two workers may pop one queued trial at once and both run it.)
    """

    def sample_independent(
        self,
        study: optuna.Study,
        trial: optuna.trial.FrozenTrial,
        param_name: str,
        param_distribution: optuna.distributions.BaseDistribution,
    ) -> Any:
        choices = getattr(param_distribution, "choices", ())
        if param_name == "candidate" and trial.number < len(choices):
            return choices[trial.number]
        return super().sample_independent(study, trial, param_name, param_distribution)


def open_study(
    settings: Settings,
    storage: str,
    name: str | None = None,
    direction: str = "maximize",
    pruner: optuna.pruners.BasePruner | None = None,
    sampler: type[optuna.samplers.TPESampler] = EachCandidateFirst,
) -> optuna.Study:
    """A study in `storage` (by default the candidates'): created on first use,
    resumed after."""
    # Quiet: the progress lines report trials, and a failed trial raises an error.
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    study = optuna.create_study(
        storage=connect(storage),
        study_name=name or study_name(settings),
        direction=direction,
        pruner=pruner,
        load_if_exists=True,
    )
    # Seeded, so the same study gives the same trials; offset by the trials already
    # there, so a resumed search does not redraw the trials it has.
    study.sampler = sampler(seed=settings.project.seed + len(study.trials))
    return study


def suggest_params(
    trial: optuna.Trial, candidate: str, settings: Mapping[str, Any]
) -> dict[str, Any]:
    """The candidate's hyperparameters for this trial: fixed values as they are,
    ranges and lists of choices suggested by Optuna."""
    params = {}
    for key, setting in settings.items():
        name = f"{candidate}.{key}"  # candidates may share parameter names
        if isinstance(setting, Range):
            whole = isinstance(setting.low, int)
            suggest = trial.suggest_int if whole else trial.suggest_float
            params[key] = suggest(name, setting.low, setting.high, log=setting.log)
        elif isinstance(setting, list):
            params[key] = trial.suggest_categorical(name, setting)
        else:
            params[key] = setting
    return params


def with_params(candidate: Pipeline, params: Mapping[str, Any]) -> Pipeline:
    """A fresh copy of `candidate` with `params` set on its estimator step."""
    estimator_params = {f"estimator__{key}": value for key, value in params.items()}
    return clone(candidate).set_params(**estimator_params)


def record_trial(
    trial: optuna.Trial, params: dict[str, Any], scores: list[float], **facts: Any
) -> float:
    """Keep the trial's params, its scores (one per fold, or per seed), the kind's
    facts and the worker that ran it in the study; returns the trial's score."""
    attributes = {"params": params, "fold_scores": list(scores), **facts}
    for name, value in {**attributes, "worker": WORKER}.items():
        trial.set_user_attr(name, value)
    return float(np.mean(scores))


def candidate_objective(
    settings: Settings,
    space: SearchSpace,
    score: Callable[[str, dict[str, Any]], tuple[list[float], dict[str, Any]]],
    errors: tuple[type[Exception], ...] = (ValueError, TypeError),
) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: each trial picks a candidate and its parameters from
    `space`, and `score(candidate, params)` gives its scores (one per fold, or per
    seed) and the kind's facts of it. A candidate that fails with one of `errors`
    stops the search, naming the file that set it."""
    names = sorted(space)  # the same choices, in the same order, every trial

    def objective(trial: optuna.Trial) -> float:
        candidate = trial.suggest_categorical("candidate", names)
        params = suggest_params(trial, candidate, space[candidate])
        try:
            scores, facts = score(candidate, params)
        except errors as error:
            raise ProjectError(
                f"{candidates_source(settings, candidate)}: candidates.{candidate} "
                f"with {params} failed: {error}"
            ) from None
        return record_trial(trial, params, scores, **facts)

    return objective


def add_trials(
    study: optuna.Study,
    objective: Callable[[optuna.Trial], float],
    n_trials: int,
    metric: str,
) -> None:
    """Run `n_trials` more trials in this process, one line each with the best so
    far; Ctrl-C stops after the current one, and the finished ones stay."""

    def progress(study: optuna.Study, trial: optuna.trial.FrozenTrial) -> None:
        if trial.state != optuna.trial.TrialState.COMPLETE:
            return
        scores, best = trial.user_attrs["fold_scores"], study.best_trial
        # An error searched negated (neg_mase) is shown as the error, as the tables do.
        mean = reported_mean(metric, float(np.mean(scores)))
        best_mean = reported_mean(metric, best.value)
        print(
            f"trial {trial.number:>3}  {trial.params['candidate']:<24} "
            f"{reported_metric(metric)} {mean:.3f} ± {np.std(scores):.3f}   "
            f"best {best_mean:.3f} (trial {best.number})",
            flush=True,
        )

    if n_trials > 0:
        study.optimize(objective, n_trials=n_trials, callbacks=[progress])


def candidate_results(
    study: optuna.Study, facts: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Each candidate's best finished trial: its fold scores, params and trial count,
    and the user attributes `facts` names (a kind's own, e.g. its stability)."""
    finished = study.get_trials(states=[optuna.trial.TrialState.COMPLETE])
    if not finished:
        raise ProjectError(
            f"study {study.study_name} has no finished trials yet: run `search` or "
            "`train` with search.n_trials above 0"
        )
    results = []
    for candidate in sorted({trial.params["candidate"] for trial in finished}):
        trials = [trial for trial in finished if trial.params["candidate"] == candidate]
        best = max(trials, key=lambda trial: trial.value)
        scores = best.user_attrs["fold_scores"]
        results.append(
            {
                "name": candidate,
                "trials": len(trials),
                "best_trial": best.number,
                "mean": float(np.mean(scores)),
                "std": float(np.std(scores)),
                "fold_scores": scores,
                "params": best.user_attrs["params"],
                **{fact: best.user_attrs[fact] for fact in facts},
            }
        )
    return results


def cv_facts(
    settings: Settings,
    best: dict[str, Any],
    counts: dict[str, int],
    facts: tuple[str, ...] = (),
    **named: Any,
) -> dict[str, Any]:
    """metrics.json's `cv`: what the scores are (`named`, where not the primary
    metric), how each trial was scored (`search:` less its budget: the folds, or a
    clustering's seeds), the best trial's scores and `facts`, and `counts`."""
    scoring = {k: v for k, v in asdict(settings.search).items() if k not in BUDGET}
    scores = {key: best[key] for key in ("mean", "std", "fold_scores", *facts)}
    return {**named, **scoring, **scores, **counts}
