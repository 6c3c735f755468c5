"""The catalogue (catalogue.yml, at the template's root) as Python: the tiers, the
problem kinds and the datasets, and what the questions make of them.

copier.yml builds the tier, kind and dataset questions' choices and help from the
functions below; the tests and the benchmarks import the same names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path(__file__).resolve().parents[2] / "catalogue.yml"
_CATALOGUE: dict[str, Any] = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))

TIERS: dict[str, dict[str, Any]] = _CATALOGUE["tiers"]
KINDS: dict[str, dict[str, Any]] = _CATALOGUE["kinds"]
# Every dataset's facts; csv and folder (the learner's own) have only their `size`.
DATASETS: dict[str, dict[str, Any]] = {
    name: facts for name, facts in _CATALOGUE["datasets"].items() if "task" in facts
}
# The tiers this template renders, lowest first, and the project number each starts at.
OFFERED_TIERS = tuple(TIERS)
TIER_LADDER = tuple((tier, facts["first_project"]) for tier, facts in TIERS.items())
# Every task a project can have, in the order the task question lists them.
TASKS = tuple(dict.fromkeys(task for kind in KINDS.values() for task in kind["tasks"]))


def default_tier(project_number: int) -> str:
    """The highest tier that project number has reached on the ladder."""
    return [tier for tier, first in TIER_LADDER if int(project_number) >= first][-1]


def dataset_task(dataset: str, kind: str) -> str:
    """The task a project of `kind` on `dataset` has (iris is clustered for the
    clustering kind); for the learner's own data, the kind's tasks joined by "or"."""
    task = DATASETS.get(dataset, {}).get("task")
    return task if task in KINDS[kind]["tasks"] else " or ".join(KINDS[kind]["tasks"])


def dataset_facts(dataset: str, task: str, target_column: str = "") -> dict[str, Any]:
    """What the templates need to know about the chosen dataset."""
    if dataset in DATASETS:
        return {"builtin": True, **{k: v for k, v in DATASETS[dataset].items()}}
    if dataset == "folder":
        return {
            "builtin": False,
            "title": "",
            "loader": "",
            "task": "classification",
            "target": "label",
            "classes": [],
            "n_samples": None,
            "n_features": None,
            "features": "the pixels of your images, resized to one size",
            "source": "your own folder of images, one subfolder per class",
        }
    return {
        "builtin": False,
        "title": "",
        "loader": "",
        "task": task,
        "target": target_column,
        "classes": [],
        "n_samples": None,
        "n_features": None,
        "features": "the columns of your CSV other than the target",
        "source": "your own CSV file",
    }


# The questions' choices and help. Copier reads a question's `choices` given as a
# string as YAML once rendered: these give it JSON, which is YAML.


def tier_choices() -> str:
    return json.dumps({tier: tier for tier in TIERS})


def tier_help() -> str:
    """Each tier's lines, after its name and indented to the same column."""
    lines = ["Difficulty tier; each adds to the one below."]
    width = max(map(len, TIERS)) + 2
    for tier, facts in TIERS.items():
        first, *others = facts["help"].splitlines()
        lines.append(f"  {tier + ':':<{width}}{first}")
        lines.extend(" " * (width + 2) + line for line in others)
    return "\n".join(lines)


def kind_choices() -> str:
    return json.dumps(
        {f"{kind} ({facts['label']})": kind for kind, facts in KINDS.items()}
    )


def kind_help() -> str:
    lines = ["What kind of problem? Every kind comes at every tier."]
    lines.extend(f"  {kind}: {facts['help']}" for kind, facts in KINDS.items())
    return "\n".join(lines)


def dataset_choices(kind: str) -> str:
    """The kind's datasets, each with its task and size. Only those: another kind's
    dataset given with --data is refused by Copier, naming the ones offered."""
    choices = {}
    for dataset in KINDS[kind]["datasets"]:
        size = _CATALOGUE["datasets"][dataset]["size"]
        if dataset in DATASETS:
            size = f"{dataset_task(dataset, kind)}, {size}"
        choices[f"{dataset} ({size})"] = dataset
    return json.dumps(choices)


def dataset_help(kind: str) -> str:
    """What the kind's datasets are, in lines that fit an 80-column terminal (the
    menu below it names them)."""
    offered = KINDS[kind]["datasets"]
    lines = [f"Which data for the {kind} kind?"]
    libraries = [DATASETS[name].get("library") for name in offered if name in DATASETS]
    shipped = " and ".join(dict.fromkeys(filter(None, libraries)))
    if shipped:
        lines.append(f"  The named datasets come with {shipped}: no download.")
    if any(DATASETS.get(name, {}).get("download") for name in offered):
        lines.append(
            "  newsgroups is downloaded once (14 MB) into scikit-learn's cache."
        )
    if "csv" in offered:
        lines.append("  csv: your own file, its path asked next.")
    if "folder" in offered:
        lines.append("  folder: your own images, one subfolder per class, asked next.")
    return "\n".join(lines)


# Which files a project gets (catalogue.yml's `paths`): copier.yml excludes the rest.


def excluded_paths(kind: str, tier: str) -> str:
    """The patterns of the paths a `kind` project at `tier` does not get, one a line
    (Copier splits an `_exclude` entry at its line breaks)."""
    above = list(TIERS)[list(TIERS).index(tier) + 1 :]
    kept = set(KINDS[kind].get("paths", []))
    excluded = [path for higher in above for path in TIERS[higher].get("paths", [])]
    excluded += [
        path
        for other, facts in KINDS.items()
        if other != kind
        for path in facts.get("paths", [])
        if path not in kept
    ]
    # Without its final slash a folder's pattern matches the folder itself, so Copier
    # does not leave it behind empty.
    return "\n".join(f"/{path.rstrip('/')}" for path in dict.fromkeys(excluded))


def learner_file(kind: str, name: str) -> str:
    """The template file, from the template's root, that a `kind` project's own
    `name` (model.py, features.py, ...) is rendered from."""
    owner = KINDS[kind].get("learner_files_from", {}).get(name, kind)
    folder = CATALOGUE.parent / "template" / "learner" / owner
    for source in (folder / name, folder / f"{name}.jinja"):
        if source.is_file():
            return source.relative_to(CATALOGUE.parent).as_posix()
    raise FileNotFoundError(f"no template/learner/{owner}/{name}[.jinja]")
