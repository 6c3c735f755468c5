"""The clustering kind's part of the intermediate tier (intermediate/part.py):
candidates searched with Optuna on the silhouette over several seeds, their stability
(search.py), and the runs' tables with both (runs.py)."""

from dataclasses import dataclass
from typing import Any

from jsonargparse.typing import NonNegativeInt, restricted_number_type

from ....intermediate.part import Part
from .runs import candidates_table, experiments_table, silhouette_account

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


PART = Part(
    search_settings=ClusterSearch,
    describe_scores=silhouette,
    runs_table=experiments_table,
    candidates_table=candidates_table,
    search_account=silhouette_account,
)
