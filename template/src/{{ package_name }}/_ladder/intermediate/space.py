"""The search space: the `candidates:` section, checked against candidates.py.

Each key under `candidates.<name>` is a parameter of that candidate's estimator, set
one of three ways:

    n_estimators: 100                         fixed
    max_features: [sqrt, log2]                Optuna tries these choices
    max_depth: {low: 2, high: 16}             whole numbers in a range
    C: {low: 0.01, high: 10.0, log: true}     numbers, on a log scale

jsonargparse has checked the section's shape; what only the estimators know is
checked here, before any trial starts, naming the file and the key of a mistake.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sklearn.base import BaseEstimator
from sklearn.pipeline import Pipeline

from ..core.errors import ProjectError
from ..core.settings import Settings

RANGE_EXAMPLE = "{low: 0.01, high: 10.0, log: true}"
# What Optuna can store as a choice.
PLAIN = (bool, int, float, str, type(None))


@dataclass(frozen=True)
class Range:
    """A hyperparameter Optuna searches between `low` and `high`: whole numbers where
    both are written as integers (parse_setting makes them floats otherwise)."""

    low: int | float
    high: int | float
    # Search on a log scale: as many tries between 0.01 and 0.1 as between 1 and 10.
    log: bool = False


# candidate -> parameter -> a fixed value, a list of choices, or a Range
SearchSpace = dict[str, dict[str, Any]]


def search_space(
    settings: Settings,
    candidates: Mapping[str, Any],
    target_of: Callable[[Any, str], Any] | None = None,
    fixed: Collection[str] = (),
) -> SearchSpace:
    """The `candidates:` section as a search space; refuses what no estimator takes.

    `target_of(candidate, name)` is what the parameters set (by default the
    Pipeline's "estimator" step); `fixed` names parameters the data sets, which the
    config may not.
    """
    target_of = target_of or estimator_of
    configured: dict[str, dict[str, Any]] = settings.candidates
    if not configured:
        raise ProjectError(
            f"{candidates_source(settings)}: candidates is empty: give at least one "
            f"`candidates.<name>:` table (candidates.py has {', '.join(candidates)})"
        )
    space = {}
    for name, params in configured.items():
        source = candidates_source(settings, name)
        if name not in candidates:
            raise ProjectError(
                f"{source}: candidates.{name}: unknown candidate {name!r}; the names "
                f"build_candidates in candidates.py returns: {', '.join(candidates)}"
            )
        target = target_of(candidates[name], name)
        known = set(target.get_params(deep=False)) - set(fixed)
        for key in params:
            if key not in known:
                raise ProjectError(
                    f"{source}: candidates.{name}.{key}: {type(target).__name__} "
                    f"has no parameter {key!r} (it has: {', '.join(sorted(known))})"
                )
        space[name] = {
            key: parse_setting(value, f"{source}: candidates.{name}.{key}")
            for key, value in params.items()
        }
    return space


def estimator_of(candidate: Any, name: str) -> BaseEstimator:
    """The step the config's parameters go to: the Pipeline's "estimator" step."""
    if not isinstance(candidate, Pipeline) or "estimator" not in candidate.named_steps:
        raise ProjectError(
            f"candidates.py: build_candidates()[{name!r}] must be a Pipeline with a "
            "step named 'estimator', so the config's parameters can reach it"
        )
    return candidate.named_steps["estimator"]


def parse_setting(value: Any, where: str) -> Any:
    """A fixed value, a list of choices, or a {low, high, log} table (a Range)."""
    if isinstance(value, list):
        if not value or not all(isinstance(one, PLAIN) for one in value):
            raise ProjectError(
                f"{where} must list one or more plain values (numbers, text, true, "
                f"false, null), got {value!r}"
            )
        return value
    if not isinstance(value, dict):
        return value
    if not {"low", "high"} <= value.keys() <= {"low", "high", "log"}:
        raise ProjectError(
            f"{where} must be a value, a list of choices or a range like "
            f"{RANGE_EXAMPLE}, got {value!r}"
        )
    low, high, log = value["low"], value["high"], value.get("log", False)
    if not (is_number(low) and is_number(high)):
        raise ProjectError(f"{where}: low and high must be numbers, got {value!r}")
    if not isinstance(log, bool):
        raise ProjectError(f"{where}: log must be true or false, got {log!r}")
    if low >= high or (log and low <= 0):
        needs = "low < high" + (" and low > 0 on a log scale" if log else "")
        raise ProjectError(f"{where} needs {needs}, got low {low}, high {high}")
    if isinstance(low, int) and isinstance(high, int):
        return Range(low, high, log)
    return Range(float(low), float(high), log)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def candidates_source(settings: Settings, name: str | None = None) -> str:
    """Where `candidates` (or `candidates.<name>`) was set: a config file, or the
    command line. A file's `candidates:` table replaces the one of the files read
    before it, so the last file that has one is where the values come from."""
    resolved = settings.candidates
    for path in reversed(settings.files[1:]):
        written = read_yaml(path).get("candidates")
        if written is not None:
            if name is not None:
                written, resolved = written.get(name), resolved.get(name)
            return str(path) if written == resolved else "command line"
    return "command line"


def read_yaml(path: Path) -> dict[str, Any]:
    """A config file jsonargparse has already read and checked, as plain data."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}
