"""The text kind's beginner commands: `train`, and `evaluate` and `predict` that know
texts. They replace the shared ones of the same name; `report` is core's."""

from pathlib import Path

from jsonargparse import ArgumentParser

from ....core.cli import Command
from ....core.commands import print_rescored, print_scores
from ....core.paths import Paths
from ....core.settings import Settings


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    print_scores(train(paths, settings))


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import load_model
    from ..evaluate import evaluate_saved_model

    model = load_model(paths.model)
    print_rescored(paths, lambda: evaluate_saved_model(paths, settings.project, model))


def add_predict_options(parser: ArgumentParser) -> None:
    parser.add_argument("csv", type=Path, help="CSV with a column of texts")
    parser.add_argument("--output", type=Path, help="default: reports/predictions.csv")


def run_predict(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import load_model
    from ..predict import predict

    model = load_model(paths.model)
    output = settings.output or paths.predictions
    column = settings.project.text_column
    print(f"predictions written to {predict(model, settings.csv, output, column)}")


COMMANDS = [
    Command("train", "fit, evaluate and save the model", run_train, reads_config=True),
    Command("evaluate", "re-score the saved model on the test texts", run_evaluate),
    Command(
        "predict",
        "predict the label of each text of a CSV",
        run_predict,
        add_options=add_predict_options,
    ),
]
