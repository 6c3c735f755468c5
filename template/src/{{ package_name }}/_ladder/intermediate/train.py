"""One run of an experiment: search, compare, refit the best, evaluate, save.

`train` runs the experiment configs/default.yaml (plus any `--config` file and
overrides) describes, the same for every kind of data: each trial of the study
(search.py) is scored on the training part only, as the kind's search says; the best
is refitted and scored once on the test part. The advanced tier calls the same steps
to put its network beside the best classical model.
"""

from dataclasses import dataclass
from typing import Any

from ..core.artifacts import save_model
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings
from .choice import choose, selection_note
from .part import search_part
from .runs import save_run, write_latest
from .search import add_trials, candidate_results, default_storage, open_study


@dataclass(frozen=True)
class SearchOutcome:
    """What the study holds after a search: each candidate's best trial (search.py's
    candidate_results), the one chosen of them (choice.py), why where the scores were
    too close to tell apart, and the finished trials of every worker."""

    study_name: str
    candidates: list[dict[str, Any]]
    best: dict[str, Any]
    trials: int
    selection: str | None = None


def search_candidates(paths: Paths, settings: Settings, data: Any) -> SearchOutcome:
    """Add `search.n_trials` trials to the experiment's study; return its outcome,
    and print why the chosen candidate won when the scores were close."""
    search = search_part()
    objective = search.objective(settings, data)  # checks the config first
    study = open_study(settings, settings.search.storage or default_storage(paths))
    metric = search.score_name(settings)
    add_trials(study, objective, settings.search.n_trials, metric)
    results = candidate_results(study, search.TRIAL_FACTS)
    best = choose(results, list(settings.candidates))
    selection = selection_note(results, best, metric)
    if selection:
        print(f"note: {selection}")
    return SearchOutcome(
        study_name=study.study_name,
        candidates=results,
        best=best,
        trials=sum(candidate["trials"] for candidate in results),
        selection=selection,
    )


def search_metrics(settings: Settings, outcome: SearchOutcome) -> dict[str, Any]:
    """What a run's metrics.json says of its search: the chosen candidate, how it was
    scored (`cv`), why it was chosen where that was close, and every candidate's best
    trial."""
    counts = {"trials": outcome.trials, "new_trials": settings.search.n_trials}
    selection = {"selection": outcome.selection} if outcome.selection else {}
    return {
        "experiment": settings.experiment,
        "study": outcome.study_name,
        "candidate": outcome.best["name"],
        "cv": search_part().cv_facts(settings, outcome.best, counts),
        **selection,
        "candidates": outcome.candidates,
    }


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Search, refit the best, evaluate, save; returns the run's metrics."""
    steps, search = current_kind().steps, search_part()
    data = steps.prepare(paths, settings)
    outcome = search_candidates(paths, settings, data)
    print(search.refit_note(outcome.best))
    model = search.refit(settings, outcome.best, data)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = steps.evaluate(model, data, settings)
    figures = {
        **evaluation.figures,
        **search.run_figures(model, data, settings, outcome),
    }
    metrics = {**evaluation.metrics, **search_metrics(settings, outcome)}
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    save_model(model, paths.model)
    write_latest(paths, run)
    return run.metrics
