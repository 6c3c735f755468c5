"""The beginner rung's command: `train`."""

from ..core.cli import Command
from ..core.commands import print_scores
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    for note in current_kind().train_notes(settings, metrics):
        print(note)
    print_scores(metrics)


COMMANDS = [
    Command("train", "fit, evaluate and save the model", run_train, reads_config=True)
]
