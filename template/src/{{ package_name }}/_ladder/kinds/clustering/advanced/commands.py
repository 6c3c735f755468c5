"""The clustering advanced rung's commands: `train` grows the autoencoder; `evaluate`,
`predict` and `report` use it."""

from ....advanced.commands import add_train_options
from ....core.cli import Command
from ....core.commands import (
    print_filled,
    print_rescored,
    print_scores,
    run_saved,
)
from ....core.paths import Paths
from ....core.row_options import add_rows_to_predict as add_predict_options
from ....core.settings import Settings
from ....intermediate.commands import SEARCH


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    if metrics is None:  # a DDP process other than rank 0: rank 0 reports
        return
    classical = metrics["best_classical"]
    name = metrics["primary_metric"]
    print(f"best classical ({classical['candidate']}): {classical['scores'][name]:.3f}")
    print_scores(metrics, run_saved(metrics))


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from ....advanced.paths import NetworkPaths
    from .results import evaluate_saved

    print_rescored(paths, lambda: evaluate_saved(NetworkPaths(paths.root), settings))


def run_predict(paths: Paths, settings: Settings) -> None:
    from ....advanced.paths import NetworkPaths
    from ..predict import assign_rows as predict
    from .results import saved_clusterer

    clusterer = saved_clusterer(NetworkPaths(paths.root))
    output = predict(
        clusterer,
        settings.csv,
        settings.output or paths.predictions,
        score=clusterer.anomaly_scores,
    )
    print(f"clusters and reconstruction errors written to {output}")


def run_report(paths: Paths, settings: Settings) -> None:
    from ....advanced.paths import NetworkPaths
    from .results import report

    print_filled(report(NetworkPaths(paths.root), settings.project), settings.project)


COMMANDS = [
    SEARCH,  # the candidates' search, as at the intermediate tier
    Command(
        "train",
        "train the autoencoder and the best classical candidate; score, save",
        run_train,
        reads_config=True,
        add_options=add_train_options,
    ),
    Command(
        "evaluate",
        "re-score the saved autoencoder on the test rows",
        run_evaluate,
        reads_config=True,
    ),
    Command(
        "predict",
        "assign the rows of a CSV to the autoencoder's clusters, with their "
        "reconstruction error",
        run_predict,
        add_options=add_predict_options,
    ),
    Command(
        "report",
        "fill the results, autoencoder vs best classical model, into the draft",
        run_report,
    ),
]
