"""The intermediate rung's commands: `train` (with the search) and `report` (with the
table of runs) replace the lower rungs' of the same name; `search` and `compare` are
new; `evaluate` and `predict` are core's, unchanged.
"""

from ..core.cli import Command
from ..core.commands import print_filled, print_scores, run_saved
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings
from .part import intermediate_part

INTERRUPTED = "stopped: finished trials stay in the study; run again to carry on"


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    cv = metrics["cv"]
    scores = intermediate_part().describe_scores(cv, metrics["primary_metric"])
    print(f"best of {cv['trials']} trials: {metrics['candidate']}, {scores}")
    for note in current_kind().train_notes(settings, metrics):
        print(note)
    print_scores(metrics, run_saved(metrics))


def run_search(paths: Paths, settings: Settings) -> None:
    from .train import search_candidates

    data = current_kind().steps.prepare(paths, settings)
    outcome = search_candidates(paths, settings, data)
    describe = intermediate_part().describe_scores
    for candidate in outcome.candidates:
        print(
            f"{candidate['name']:<24} {candidate['trials']:>4} trials, "
            f"best {describe(candidate, '')}"
        )
    print(f"study {outcome.study_name}: {outcome.trials} finished trials")


def run_compare(paths: Paths, settings: Settings) -> None:
    from .runs import compare

    print(compare(paths))


def run_report(paths: Paths, settings: Settings) -> None:
    from .runs import report

    print_filled(report(paths, settings.project), settings.project)


# `train` and `search` add trials: Ctrl-C keeps the finished ones.
SEARCHING = {"reads_config": True, "on_interrupt": INTERRUPTED}
COMMANDS = [
    Command("train", intermediate_part().train_help, run_train, **SEARCHING),
    Command(
        "search",
        "only add trials to the experiment's study (a worker)",
        run_search,
        **SEARCHING,
    ),
    Command("compare", "a table of every run in reports/runs/", run_compare),
    Command("report", "fill the best run and all runs into the blog draft", run_report),
]
