"""The text kind's intermediate commands: `train` and `search` over texts.

They replace the shared ones of the same name; `compare` and `report` are the shared
intermediate ones, and `evaluate` and `predict` the text beginner's.
"""

from ...core.cli import Command
from ...core.commands import print_scores, run_saved
from ...core.paths import Paths
from ...core.settings import Settings
from ...intermediate.commands import INTERRUPTED


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    name, cv = metrics["primary_metric"], metrics["cv"]
    print(
        f"best of {cv['trials']} trials: {metrics['candidate']}, "
        f"CV {name} {cv['mean']:.3f} ± {cv['std']:.3f}"
    )
    print_scores(metrics, run_saved(metrics))


def run_search(paths: Paths, settings: Settings) -> None:
    from ..beginner.train import prepare_split
    from .search import search_candidates

    outcome = search_candidates(paths, settings, prepare_split(paths, settings))
    for candidate in outcome.candidates:
        print(
            f"{candidate['name']:<24} {candidate['trials']:>4} trials, "
            f"best CV {candidate['mean']:.3f} ± {candidate['std']:.3f}"
        )
    print(f"study {outcome.study_name}: {outcome.trials} finished trials")


COMMANDS = [
    Command(
        "train",
        "search the candidates and TF-IDF settings, refit the best, evaluate, save",
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
