"""The commands every tier has: `explore`, `evaluate`, `predict` and `report`.

Each one calls one function of the modules beside this one. The advanced rung replaces
`evaluate` and `predict` with its own, which load the network instead.
"""

import json
from collections.abc import Callable
from pathlib import Path

from jsonargparse import ArgumentParser

from .cli import Command
from .paths import Paths
from .project import Project
from .settings import Settings

# Where `train` and `evaluate` leave their results, unless a run folder holds them.
WRITTEN = "metrics written to reports/metrics.json, figures to reports/figures/"


def print_scores(metrics: dict, written: str = WRITTEN) -> None:
    """The test score next to the baseline's, then where the results are."""
    name = metrics["primary_metric"]
    model, baseline = metrics["model"][name], metrics["baseline"][name]
    print(f"test {name}: model {model:.3f}, baseline {baseline:.3f}")
    print(written)


def headline(metrics: dict) -> tuple:
    name = metrics["primary_metric"]
    return name, metrics["model"][name], metrics["baseline"][name]


def print_rescored(paths: Paths, rescore: Callable[[], dict]) -> None:
    """`evaluate`'s output: the scores `rescore()` gives the saved model, or, when
    they are those reports/metrics.json holds already (`make all` evaluates right
    after `train`, which printed them), one line that says so."""
    try:
        before = headline(json.loads(paths.metrics.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):  # none yet, or not readable
        before = None
    metrics = rescore()
    if headline(metrics) == before:
        print("the saved model, loaded again, gives the same test scores")
    else:
        print_scores(metrics)


def print_filled(documents: list[Path], project: Project) -> None:
    """`report`'s output: the files it filled, and what keeps the figures away."""
    from .publish import placeholder_note

    for document in documents:
        print(f"results filled into {document}")
    note = placeholder_note(project)
    if note:
        print(note)


def run_saved(metrics: dict) -> str:
    """Where a tier with run folders saved this run."""
    return f"run saved to reports/runs/{metrics['run']}/"


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from .artifacts import load_model
    from .evaluate import evaluate_saved_model

    model = load_model(paths.model)
    print_rescored(paths, lambda: evaluate_saved_model(paths, settings.project, model))


def add_predict_options(parser: ArgumentParser) -> None:
    parser.add_argument("csv", type=Path, help="CSV with the training feature columns")
    parser.add_argument("--output", type=Path, help="default: reports/predictions.csv")


def run_predict(paths: Paths, settings: Settings) -> None:
    from .artifacts import load_model
    from .predict import predict

    model = load_model(paths.model)
    output = predict(model, settings.csv, settings.output or paths.predictions)
    print(f"predictions written to {output}")


def run_explore(paths: Paths, settings: Settings) -> None:
    from .notebook import execute_notebook

    output = execute_notebook(paths.explore_notebook, paths.explore_run)
    print(f"notebook run saved to {output}")
    print("data facts written to reports/data.json, figures to reports/figures/")


def run_report(paths: Paths, settings: Settings) -> None:
    from .report import report

    print_filled(report(paths, settings.project), settings.project)


COMMANDS = [
    Command(
        "explore",
        "run notebooks/01-explore.py headless; keep the run in reports/",
        run_explore,
    ),
    Command("evaluate", "re-score the saved model on the test rows", run_evaluate),
    Command(
        "predict",
        "predict for the rows of a CSV",
        run_predict,
        add_options=add_predict_options,
    ),
    Command("report", "fill the results into the blog draft and README", run_report),
]
