"""The time-series intermediate commands: `train` and `search`.

They replace the tabular ones; `compare` and `report` are the shared intermediate
rung's, and `evaluate` and `predict` the time-series beginner's.
"""

from ....core.cli import Command
from ....core.commands import print_scores, run_saved
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.commands import INTERRUPTED
from .. import print_gaps


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    cv = metrics["cv"]
    # The search maximises the negated MASE: shown as MASE, lower is better.
    print(
        f"best of {cv['trials']} trials: {metrics['candidate']}, "
        f"CV mase {-cv['mean']:.3f} ± {cv['std']:.3f}"
    )
    print_gaps(settings, metrics)
    print_scores(metrics, run_saved(metrics))


def run_search(paths: Paths, settings: Settings) -> None:
    from ..steps import prepare as prepare_series
    from .train import search_candidates

    outcome = search_candidates(paths, settings, prepare_series(paths, settings))
    for candidate in outcome.candidates:
        print(
            f"{candidate['name']:<24} {candidate['trials']:>4} trials, "
            f"best CV mase {-candidate['mean']:.3f} ± {candidate['std']:.3f}"
        )
    print(f"study {outcome.study_name}: {outcome.trials} finished trials")


COMMANDS = [
    Command(
        "train",
        "search the forecasters, refit the best, evaluate, save a run",
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
]
