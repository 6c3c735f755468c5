"""A problem kind as the tiers see it: one object, `KIND`, that the kind's package
(`_ladder/kinds/<kind>/__init__.py`) exports.

Each tier's pipeline (`train`, its commands, its config sections) is written once,
against this object; the kind says how its data is loaded, split, fitted, scored and
predicted for. Its data travels between these steps as the kind's own object (a
`Split` of rows, a time series, ...), which the tiers only hand on.

A tier above the beginner's asks the kind for its part of that tier: `kind.part(tier)`
is the `PART` of `kinds/<kind>/<tier>/`, an object whose shape that tier defines.
A project holds its own kind's package only, so core names no kind.
"""

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .paths import Paths
from .settings import AddSection, Settings

if TYPE_CHECKING:
    from jsonargparse import ArgumentParser

    from .cli import Command
    from .evaluate import Evaluation

KINDS = f"{__package__.rsplit('.', 1)[0]}.kinds"


@dataclass(frozen=True)
class Predict:
    """The `predict` command of a kind: its help, its options, and what it does."""

    help: str
    add_options: Callable[["ArgumentParser"], None]
    # (model, paths, settings) -> the file written.
    run: Callable[[Any, Paths, Settings], Any]


@dataclass(frozen=True)
class Kind:
    """What a problem kind gives the tiers."""

    name: str
    # (paths, settings) -> the data, loaded and split: training rows and test rows.
    prepare: Callable[[Paths, Settings], Any]
    # (settings, data) -> your model.py's model, with the config's settings, fitted
    # on the training rows.
    fit: Callable[[Settings, Any], Any]
    # (model, data, settings) -> the test scores next to the baseline's, and figures.
    evaluate: Callable[[Any, Any, Settings], "Evaluation"]
    # The config sections the kind adds at every tier: `features`, ...
    sections: Callable[[], Mapping[str, AddSection]]
    predict: Predict
    # What `evaluate` re-scores: "the test rows", "the test texts", ...
    held_out: str = "the test rows"
    # Commands of the kind's own, at every tier (e.g. `forecast`).
    commands: Sequence["Command"] = field(default_factory=tuple)

    @property
    def package(self) -> str:
        return f"{KINDS}.{self.name}"

    def part(self, tier: str) -> Any:
        """This kind's part of a tier above the beginner's: `kinds/<kind>/<tier>/`'s
        PART."""
        return importlib.import_module(f"{self.package}.{tier}").PART


@cache
def current_kind() -> Kind:
    """The kind of this project: the one package under `_ladder/kinds/`."""
    kinds = importlib.import_module(KINDS)
    (name,) = [m.name for m in pkgutil.iter_modules(kinds.__path__) if m.ispkg]
    return importlib.import_module(f"{KINDS}.{name}").KIND
