"""The commands every tier has: `explore`, `evaluate`, `predict` and `report` (the
advanced rung's `evaluate` and `predict` load the network instead).

`explore` runs notebooks/01-explore.py headless, as `make explore` does: jupytext
reads the percent script (plain Python, so it diffs and merges like code), nbclient
runs it in a fresh kernel, and the run is saved as an .ipynb that GitHub shows, the
same text for the same run, so a run that changed nothing leaves `git status` clean.
"""

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

from .artifacts import load_model, read_json, write_text
from .caveats import caveats
from .cli import Command
from .errors import ProjectError
from .kind import current_kind
from .paths import Paths
from .project import Project
from .settings import Settings

# The kernel every Python environment with ipykernel has: it runs this interpreter.
KERNEL = "python3"
# A notebook that runs longer than this, in seconds per cell, is stuck.
CELL_TIMEOUT = 600
# Where `train` and `evaluate` leave their results, unless a run folder holds them.
WRITTEN = "metrics written to reports/metrics.json, figures to reports/figures/"


def print_scores(metrics: dict, written: str = WRITTEN) -> None:
    name, model, baseline = headline(metrics)
    print(f"test {name}: model {model:.3f}, baseline {baseline:.3f}")
    for line in caveats(metrics, current_kind().examples):
        print(f"warning: {line}")
    print(written)


def headline(metrics: dict) -> tuple:
    """The deciding metric's name, the model's score and the baseline's."""
    name = metrics["primary_metric"]
    return name, metrics["model"][name], metrics["baseline"][name]


def print_rescored(paths: Paths, rescore: Callable[[], dict]) -> None:
    """The scores `rescore()` gives the saved model, or one line when they are those
    reports/metrics.json holds already (`make all` evaluates right after `train`)."""
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
    from .publish import placeholder_note

    for document in documents:
        print(f"results filled into {document}")
    note = placeholder_note(project)
    if note:
        print(note)


def run_saved(metrics: dict) -> str:
    return f"run saved to reports/runs/{metrics['run']}/"


def run_evaluate(paths: Paths, settings: Settings) -> None:
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
    print(current_kind().steps.predict(load_model(paths.model), paths, settings))


def not_installed(name: str | None) -> str:
    return (
        f"{name} is not installed: `make install` installs this project with what "
        "runs its notebooks"
    )


def run_explore(paths: Paths, settings: Settings) -> None:
    script, output = paths.explore_notebook, paths.explore_run
    try:
        import jupytext
        from nbclient import NotebookClient
        from nbclient.exceptions import (
            CellExecutionError,
            CellTimeoutError,
            DeadKernelError,
        )
    except ModuleNotFoundError as error:
        raise ProjectError(not_installed(error.name)) from None
    if importlib.util.find_spec("ipykernel") is None:  # the kernel nbclient starts
        raise ProjectError(not_installed("ipykernel"))
    if not script.is_file():
        raise ProjectError(f"{script} not found")
    notebook = jupytext.read(script)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(script.parent)}},
        # Each cell's start and end times would change the file at every run.
        record_timing=False,
        # The kernel's warning about its local TCP channels is noise here.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute()
    except CellExecutionError as error:
        # The engine's own errors say the cause and the fix; an error in code of
        # yours needs its type, and the cell it stopped in.
        if error.ename == ProjectError.__name__:
            raise ProjectError(f"{script} stopped: {error.evalue}") from None
        raise ProjectError(
            f"{script} stopped: {error.ename}: {error.evalue} "
            "(`make notebook` opens it, to see the cell)"
        ) from None
    except CellTimeoutError:
        raise ProjectError(
            f"{script}: a cell ran longer than {CELL_TIMEOUT} s; run it in "
            "`make notebook` to see which"
        ) from None
    except DeadKernelError:
        raise ProjectError(
            f"{script}: the kernel died (out of memory?); run it in `make notebook`"
        ) from None
    # jupytext gives each cell a random id, and nbformat's text lacks the final
    # newline that the end-of-file hook asks for: the same run, the same text.
    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cell-{number}"
    write_text(output, jupytext.writes(notebook, fmt="ipynb").rstrip("\n") + "\n")
    print(f"notebook run saved to {output}")
    print("data facts written to reports/data.json, figures to reports/figures/")


def run_report(paths: Paths, settings: Settings) -> None:
    from .report import report

    print_filled(report(paths, settings.project), settings.project)


# These commands, with the help and options the project's kind gives them.
KIND = current_kind()
COMMANDS = [
    Command(
        "explore",
        "run notebooks/01-explore.py headless; keep the run in reports/",
        run_explore,
    ),
    Command("evaluate", KIND.evaluate_help, run_evaluate, reads_config=True),
    Command(
        "predict",
        KIND.predict_help,
        run_predict,
        reads_config=KIND.predict_reads_config,
        add_options=KIND.add_predict_options,
    ),
    Command("report", "fill the results into the blog draft and README", run_report),
    *KIND.commands,
]
