"""The clustering kind's commands: `train`, `evaluate`, `predict` and `report`.

They replace the tabular ones of the same name: a clustering model is fitted without
labels, scored against random assignment, and `predict` gives each new row a cluster
and an anomaly score.
"""

from ....core.cli import Command
from ....core.commands import (
    add_predict_options,
    print_filled,
    print_rescored,
    print_scores,
)
from ....core.paths import Paths
from ....core.settings import Settings


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    print_scores(train(paths, settings))


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import load_model, read_json
    from ....core.evaluate import write_evaluation
    from ..data import prepare_rows
    from ..evaluate import evaluate

    model = load_model(paths.model)

    def rescore() -> dict:
        evaluation = evaluate(model, prepare_rows(paths, settings), settings)
        # Keep what `train` wrote besides the scores (a search's candidates, ...).
        if paths.metrics.is_file():
            evaluation.metrics = {**read_json(paths.metrics), **evaluation.metrics}
        write_evaluation(evaluation, paths)
        return evaluation.metrics

    print_rescored(paths, rescore)


def run_predict(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import load_model
    from ..predict import predict

    model = load_model(paths.model)
    output = predict(model, settings.csv, settings.output or paths.predictions)
    print(f"clusters and anomaly scores written to {output}")


def run_report(paths: Paths, settings: Settings) -> None:
    from ..report import report

    print_filled(report(paths, settings.project), settings.project)


COMMANDS = [
    Command(
        "train",
        "fit the clustering model, score it against chance, save it",
        run_train,
        reads_config=True,
    ),
    Command(
        "evaluate",
        "re-score the saved model on the test rows",
        run_evaluate,
        reads_config=True,
    ),
    Command(
        "predict",
        "assign the rows of a CSV to clusters and score how unusual each is",
        run_predict,
        add_options=add_predict_options,
    ),
    Command("report", "fill the clusters into the blog draft and README", run_report),
]
