"""The commands every tier has: `explore`, `evaluate`, `predict` and `report`.

Each one calls one function of the modules beside this one. The advanced rung replaces
`evaluate` and `predict` with its own, which load the network instead.
"""

import json
from collections.abc import Callable
from pathlib import Path

from .cli import Command
from .kind import current_kind
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
    from .artifacts import load_model, read_json
    from .evaluate import write_evaluation

    model = load_model(paths.model)

    def rescore() -> dict:
        steps = current_kind().steps
        evaluation = steps.evaluate(model, steps.prepare(paths, settings), settings)
        # Keep what `train` wrote besides the scores (a search's candidates, ...).
        if paths.metrics.is_file():
            evaluation.metrics = {**read_json(paths.metrics), **evaluation.metrics}
        write_evaluation(evaluation, paths)
        return evaluation.metrics

    print_rescored(paths, rescore)


def run_predict(paths: Paths, settings: Settings) -> None:
    from .artifacts import load_model

    print(current_kind().steps.predict(load_model(paths.model), paths, settings))


def run_explore(paths: Paths, settings: Settings) -> None:
    from .notebook import execute_notebook

    output = execute_notebook(paths.explore_notebook, paths.explore_run)
    print(f"notebook run saved to {output}")
    print("data facts written to reports/data.json, figures to reports/figures/")


def run_report(paths: Paths, settings: Settings) -> None:
    from .report import report

    print_filled(report(paths, settings.project), settings.project)


def kind_commands() -> list[Command]:
    """These commands, with the help and options the project's kind gives them."""
    kind = current_kind()
    return [
        Command(
            "explore",
            "run notebooks/01-explore.py headless; keep the run in reports/",
            run_explore,
        ),
        Command("evaluate", kind.evaluate_help, run_evaluate, reads_config=True),
        Command(
            "predict",
            kind.predict_help,
            run_predict,
            reads_config=kind.predict_reads_config,
            add_options=kind.add_predict_options,
        ),
        Command(
            "report", "fill the results into the blog draft and README", run_report
        ),
        *kind.commands,
    ]


COMMANDS = kind_commands()
