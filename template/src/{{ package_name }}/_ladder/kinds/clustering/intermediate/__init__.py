"""The clustering kind's part of the intermediate tier (intermediate/part.py):
candidates searched with Optuna on the silhouette over several seeds, and their
stability (search.py); the runs' tables with both. The best run is the one with the
best silhouette on its training rows, never the best test score."""

from dataclasses import dataclass
from typing import Any

from jsonargparse.typing import NonNegativeInt, restricted_number_type

from ....intermediate.part import Part
from ....intermediate.runs import Run, best_run

# Stability compares the clusters of two fits at least. (An upper bound too, so the
# type differs from the tabular search's Folds, which jsonargparse holds already.)
Seeds = restricted_number_type("Seeds", int, [(">=", 2), ("<=", 100)])


@dataclass(frozen=True)
class ClusterSearch:
    """The `search:` section: how many Optuna trials to add, and how each is scored."""

    # Trials each `train` or `search` adds to the experiment's study; 0 uses the
    # study as it is.
    n_trials: NonNegativeInt = 30
    # Each trial fits its candidate with this many seeds: its score is the mean
    # silhouette, and its stability how alike the clusters of the fits are.
    seeds: Seeds = 3
    # Where the study lives: None is reports/optuna.db (SQLite); any database URL
    # Optuna supports lets many machines share it.
    storage: str | None = None


def silhouette(scores: dict[str, Any], metric: str) -> str:
    """A search's score as printed: the silhouette, and how stable it is."""
    return (
        f"silhouette {scores['mean']:.3f} ± {scores['std']:.3f}, "
        f"stability {scores['stability']:.3f}"
    )


def experiments_table(runs: list[Run]) -> str:
    """Every run (`compare`'s table); the best one (by silhouette) in bold."""
    metric = runs[0].metrics["primary_metric"]
    best = best_run(runs)
    rows = [
        f"| run | candidate | clusters | train silhouette | stability | test {metric} "
        "| baseline | trials |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        cv, chosen = run.metrics["cv"], run.metrics["candidate"]
        # How many clusters the run's best candidate found in its search.
        found = next(c for c in run.metrics["candidates"] if c["name"] == chosen)
        name = f"**{run.name}**" if run is best else run.name
        rows.append(
            f"| {name} | {chosen} | {found['clusters']} "
            f"| {cv['mean']:.3f} ± {cv['std']:.3f} | {cv['stability']:.3f} "
            f"| {run.classical_scores[metric]:.3f} "
            f"| {run.metrics['baseline'][metric]:.3f} | {cv['trials']} |"
        )
    return "\n".join(rows)


def candidates_table(metrics: dict[str, Any]) -> str:
    """The run's candidates side by side: the best trial of each."""
    rows = [
        "| candidate | trials | clusters | silhouette (mean ± std) | stability |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for candidate in metrics["candidates"]:
        rows.append(
            f"| {candidate['name']} | {candidate['trials']} | {candidate['clusters']} "
            f"| {candidate['mean']:.3f} ± {candidate['std']:.3f} "
            f"| {candidate['stability']:.3f} |"
        )
    return "\n".join(rows)


PART = Part(
    search_settings=ClusterSearch,
    describe_scores=silhouette,
    runs_table=experiments_table,
    candidates_table=candidates_table,
    search_account=(
        "The candidates were compared by their silhouette on the training rows, each "
        "fitted with {seeds} seeds, over {trials} Optuna trials (stability: the "
        "adjusted Rand index between the seeds' clusters); the best was refitted and "
        "scored once on the test rows."
    ),
)
