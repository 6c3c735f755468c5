"""The clustering intermediate rung's commands: `train`, `search`, `compare` and a
`report` with the table of runs. `evaluate` and `predict` are the beginner rung's."""

from ....core.cli import Command
from ....core.commands import print_filled, print_scores, run_saved
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.commands import INTERRUPTED


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    cv = metrics["cv"]
    print(
        f"best of {cv['trials']} trials: {metrics['candidate']}, silhouette "
        f"{cv['mean']:.3f} ± {cv['std']:.3f}, stability {cv['stability']:.3f}"
    )
    print_scores(metrics, run_saved(metrics))


def run_search(paths: Paths, settings: Settings) -> None:
    from ..data import prepare_rows
    from .train import search_candidates

    outcome = search_candidates(paths, settings, prepare_rows(paths, settings))
    for candidate in outcome.candidates:
        print(
            f"{candidate['name']:<24} {candidate['trials']:>4} trials, best "
            f"silhouette {candidate['mean']:.3f} ± {candidate['std']:.3f}, "
            f"stability {candidate['stability']:.3f}"
        )
    print(f"study {outcome.study_name}: {outcome.trials} finished trials")


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
