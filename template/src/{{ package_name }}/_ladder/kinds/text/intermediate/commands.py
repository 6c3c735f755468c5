"""The text kind's intermediate commands: `train` and `search` over texts.

They replace the shared ones of the same name; `compare` and `report` are the shared
intermediate ones, and `evaluate` and `predict` the text beginner's.
"""

from ....core.cli import Command
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.commands import INTERRUPTED, print_searched, print_trained


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    print_trained(train(paths, settings))


def run_search(paths: Paths, settings: Settings) -> None:
    from ..steps import prepare as prepare_split
    from .search import search_candidates

    print_searched(search_candidates(paths, settings, prepare_split(paths, settings)))


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
