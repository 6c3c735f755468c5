"""The network's search space: the `network_search:` section, checked against the
configuration it changes.

`network_search.space` names, section by section, the keys of configs/default.yaml
a trial changes, in the syntax of the `candidates:` section (space.py):

    network:
      hidden_sizes: [[32], [64, 32], [128, 64]]   choices, here each one a list
      dropout: {low: 0.0, high: 0.5}              numbers in a range
    optimizer:
      lr: {low: 0.0003, high: 0.03, log: true}    numbers, on a log scale

A key of `optimizer` or `scheduler` is one of its `init_args`. A trial's values are
set into the resolved configuration and checked by jsonargparse, as a `--config`
file's would be, so each trial trains exactly as `train` would with those values.
Every key, and both ends of every range, is checked before the first trial starts.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import optuna
from jsonargparse import Namespace

from ..core.errors import ProjectError
from ..core.paths import Paths
from ..core.settings import Settings, build_parser
from ..intermediate.search import suggest_params
from ..intermediate.space import Range, parse_setting, read_yaml
from .sections import sections

# Sections a trial may not change: what the data is, and how the searches run.
FIXED_SECTIONS = ("project", "data", "search", "candidates", "network_search")


@dataclass(frozen=True)
class ListChoices:
    """Choices that are lists, e.g. hidden_sizes [[32], [64, 32]]: Optuna stores
    plain values only, so each choice is kept as its JSON text."""

    texts: tuple[str, ...]


@dataclass(frozen=True)
class Knob:
    """One key a trial sets: `name` as the space and the study write it
    (optimizer.lr), `config_key` where it goes (optimizer.init_args.lr), and its
    setting (a fixed value, a list of choices, a Range or ListChoices)."""

    name: str
    config_key: str
    setting: Any

    def suggest(self, trial: optuna.Trial) -> Any:
        """This trial's value: suggested by Optuna, or the fixed value."""
        if isinstance(self.setting, ListChoices):
            return json.loads(trial.suggest_categorical(self.name, self.setting.texts))
        section, key = self.name.split(".", 1)
        return suggest_params(trial, section, {key: self.setting})[key]

    def examples(self) -> list[Any]:
        """Values that show whether the key takes this kind of value at all."""
        if isinstance(self.setting, ListChoices):
            return [json.loads(text) for text in self.setting.texts]
        if isinstance(self.setting, Range):
            return [self.setting.low, self.setting.high]
        return self.setting if isinstance(self.setting, list) else [self.setting]


class TrialSettings:
    """The resolved configuration of `search`, ready to take each trial's values."""

    def __init__(self, paths: Paths, settings: Settings) -> None:
        self.parser = build_parser(paths, sections(lightning=True))
        self.base = self.parser.parse_string(settings.yaml)
        self.files = settings.files

    def checked(self, values: Mapping[str, Any]) -> Namespace:
        """The configuration with `values` (config key -> value) set; a value of the
        wrong type raises jsonargparse's error."""
        namespace = self.base.clone()
        for key, value in values.items():
            namespace[key] = value
        self.parser.validate(namespace)
        return namespace

    def with_values(self, values: Mapping[str, Any]) -> Settings:
        """The settings a trial with `values` trains with."""
        namespace = self.checked(values)
        sections = self.parser.instantiate(namespace)
        sections.pop("config", None)
        return Settings(sections, self.parser.dump(namespace), self.files)


def network_space(settings: Settings, trials: TrialSettings) -> list[Knob]:
    """`network_search.space` as knobs; refuses a key the configuration lacks or a
    value it does not take, naming where the space was written."""
    configured: dict[str, dict[str, Any]] = settings.network_search.space
    source = space_source(settings)
    if not configured:
        raise ProjectError(
            f"{source}: network_search.space is empty: give the keys to search, e.g. "
            "`network: {dropout: {low: 0.0, high: 0.5}}`, or set "
            "network_search.n_trials to 0"
        )
    knobs = []
    for section, keys in configured.items():
        for key, value in keys.items():
            where = f"{source}: network_search.space.{section}.{key}"
            choices = value if isinstance(value, list) else []
            if choices and all(isinstance(choice, list) for choice in choices):
                setting = ListChoices(tuple(json.dumps(one) for one in value))
            else:  # a fixed value, a list of choices or a range, as in `candidates`
                setting = parse_setting(value, where)
            knob = Knob(
                f"{section}.{key}",
                config_key(trials.base, section, key, where),
                setting,
            )
            check_examples(trials, knob, where)
            knobs.append(knob)
    return knobs


def config_key(base: Namespace, section: str, key: str, where: str) -> str:
    """Where `section.key` of the space lives in the configuration."""
    if section in FIXED_SECTIONS or not isinstance(base.get(section), Namespace):
        allowed = [
            name
            for name, table in vars(base).items()
            if isinstance(table, Namespace) and name not in FIXED_SECTIONS
        ]
        raise ProjectError(
            f"{where}: a trial cannot change {section!r}; it can change the keys "
            f"of {', '.join(allowed)}"
        )
    table, owner = base[section], section
    if "class_path" in table:
        # optimizer, scheduler: the keys are the arguments of the named class.
        owner = table.class_path
        table, section = table.get("init_args") or Namespace(), f"{section}.init_args"
    if key not in vars(table):
        raise ProjectError(
            f"{where}: {owner} has no key {key!r} (it has: "
            f"{', '.join(sorted(vars(table)))})"
        )
    return f"{section}.{key}"


def check_examples(trials: TrialSettings, knob: Knob, where: str) -> None:
    """Each choice, or both ends of a range, must be a value the key takes."""
    for example in knob.examples():
        try:
            trials.checked({knob.config_key: example})
        except (TypeError, ValueError) as error:
            reason = " ".join(str(error).split("Got value")[0].split())
            raise ProjectError(f"{where}: {example!r} does not fit: {reason}") from None


def space_source(settings: Settings) -> str:
    """The last config file that writes `network_search.space`, or the command line:
    a file's `space:` table replaces those of the files read before it."""
    resolved = settings.network_search.space
    for path in reversed(settings.files[1:]):
        written = (read_yaml(path).get("network_search") or {}).get("space")
        if written is not None:
            return str(path) if written == resolved else "command line"
    return "command line"


def overrides(
    knobs: list[Knob], values: Mapping[str, Any], base: Namespace
) -> dict[str, Any]:
    """A trial's values as a config file holds them, ready for `--config`, e.g.
    {"optimizer": {"class_path": "torch.optim.AdamW", "init_args": {"lr": 0.003}}}.
    The class is named too: a file is checked on its own, and init_args alone do
    not say which class they are for."""
    nested: dict[str, Any] = {}
    for knob in knobs:
        section, *parents, leaf = knob.config_key.split(".")
        table = nested.setdefault(section, {})
        if parents == ["init_args"]:
            table.setdefault("class_path", base[section].class_path)
        for parent in parents:
            table = table.setdefault(parent, {})
        table[leaf] = values[knob.name]
    return nested
