"""The config sections of the clustering intermediate rung: `search` and
`candidates`, on top of the beginner's."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonargparse.typing import NonNegativeInt, restricted_number_type

from ....beginner.sections import sections as beginner_sections
from ....core.settings import AddSection, dataclass_section, value_section

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


def sections() -> Mapping[str, AddSection]:
    return {
        **beginner_sections(),
        "search": dataclass_section(ClusterSearch),
        "candidates": value_section(dict[str, dict[str, Any]], {}),
    }
