"""The clustering kind's part of the intermediate tier (intermediate/part.py):
candidates searched with Optuna on the silhouette over several seeds, and their
stability (search.py); the runs' tables with both. The best run is the one with the
best silhouette on its training rows, never the best test score."""

from dataclasses import dataclass
from typing import Any

from jsonargparse.typing import NonNegativeInt, restricted_number_type

from ....intermediate.part import Part

# Stability compares the clusters of two fits at least. (An upper bound too, so the
# type differs from the tabular search's Folds, which jsonargparse holds already.)
Seeds = restricted_number_type("Seeds", int, [(">=", 2), ("<=", 100)])


@dataclass(frozen=True)
class ClusterSearch:
    """The `search:` section: how many Optuna trials to add, and how each is scored."""

    # As in the shared SearchSettings (intermediate/sections.py), but 30 trials.
    n_trials: NonNegativeInt = 30
    # Each trial fits its candidate with this many seeds: its score is the mean
    # silhouette, and its stability how alike the clusters of the fits are.
    seeds: Seeds = 3
    storage: str | None = None


def silhouette(scores: dict[str, Any], metric: str) -> str:
    """A search's score as printed: the silhouette, and how stable it is."""
    return (
        f"silhouette {scores['mean']:.3f} ± {scores['std']:.3f}, "
        f"stability {scores['stability']:.3f}"
    )


def columns(
    scores: dict[str, Any], clusters: int, silhouette: str = "silhouette (mean ± std)"
) -> dict[str, str]:
    """A candidate's score columns in the draft (a run's in `compare`, its silhouette
    named "train silhouette"): clusters found, silhouette and stability."""
    return {
        "clusters": str(clusters),
        silhouette: f"{scores['mean']:.3f} ± {scores['std']:.3f}",
        "stability": f"{scores['stability']:.3f}",
    }


def run_scores(metrics: dict[str, Any]) -> dict[str, str]:
    chosen = metrics["candidate"]
    found = next(c for c in metrics["candidates"] if c["name"] == chosen)
    return columns(metrics["cv"], found["clusters"], "train silhouette")


PART = Part(
    search_settings=ClusterSearch,
    describe_scores=silhouette,
    run_scores=run_scores,
    candidate_scores=lambda candidate, _: columns(candidate, candidate["clusters"]),
    search_account=(
        "The candidates were compared by their silhouette on the training rows, each "
        "fitted with {seeds} seeds, over {trials} Optuna trials (stability: the "
        "adjusted Rand index between the seeds' clusters); the best was refitted and "
        "scored once on the test rows."
    ),
)
