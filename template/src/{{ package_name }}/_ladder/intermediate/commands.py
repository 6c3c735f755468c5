"""The intermediate rung's commands: `train`, `search`, `compare`, and a `report`
that adds the table of runs.

`train` and `report` replace the lower rungs' commands of the same name; `evaluate`
and `predict` are core's, unchanged.
"""

from ..core.cli import Command
from ..core.commands import print_filled, print_scores, run_saved
from ..core.paths import Paths
from ..core.settings import Settings

INTERRUPTED = "stopped: finished trials stay in the study; run again to carry on"


def print_trained(metrics: dict) -> None:
    """The best candidate and its CV score, then the test scores and the run."""
    name, cv = metrics["primary_metric"], metrics["cv"]
    print(
        f"best of {cv['trials']} trials: {metrics['candidate']}, "
        f"CV {name} {cv['mean']:.3f} ± {cv['std']:.3f}"
    )
    print_scores(metrics, run_saved(metrics))


def print_searched(outcome) -> None:
    """Each candidate's trials and best CV score, then the study."""
    for candidate in outcome.candidates:
        print(
            f"{candidate['name']:<24} {candidate['trials']:>4} trials, "
            f"best CV {candidate['mean']:.3f} ± {candidate['std']:.3f}"
        )
    print(f"study {outcome.study_name}: {outcome.trials} finished trials")


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    print_trained(train(paths, settings))


def run_search(paths: Paths, settings: Settings) -> None:
    from ..core.rows import prepare as prepare_split
    from .train import search_candidates

    print_searched(search_candidates(paths, settings, prepare_split(paths, settings)))


def run_compare(paths: Paths, settings: Settings) -> None:
    from .runs import compare

    print(compare(paths))


def run_report(paths: Paths, settings: Settings) -> None:
    from .runs import report

    print_filled(report(paths, settings.project), settings.project)


COMMANDS = [
    Command(
        "train",
        "search the candidates, refit the best, evaluate, save a run",
        run_train,
        reads_config=True,
        on_interrupt=INTERRUPTED,
    ),
    Command(
        "search",
        "only add trials to the experiment's study (a worker)",
        run_search,
        reads_config=True,
        on_interrupt=INTERRUPTED,
    ),
    Command("compare", "a table of every run in reports/runs/", run_compare),
    Command("report", "fill the best run and all runs into the blog draft", run_report),
]
