"""The time-series advanced commands: `train` grows a network; `evaluate` and
`predict` use it. `report` is the shared advanced rung's (network vs best classical
vs baseline), `compare` the intermediate's."""

from pathlib import Path
from typing import Any

from ....advanced.commands import add_train_options
from ....core.cli import Command
from ....core.commands import print_rescored, print_scores, run_saved
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.commands import SEARCH
from .. import add_predict_options, print_gaps


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    if metrics is None:  # a DDP process other than rank 0: rank 0 reports
        return
    classical = metrics["best_classical"]
    mase = classical["scores"]["mase"]
    print(f"best classical ({classical['candidate']}): mase {mase:.3f}")
    print_gaps(settings, metrics)
    print_scores(metrics, run_saved(metrics))


def load_forecaster(paths: Paths) -> tuple[Any, str]:
    """The network of models/model.ckpt as a forecaster, and the configuration it
    was trained with."""
    from ....advanced.checkpoints import load_network
    from ....advanced.paths import NetworkPaths
    from .windows import NetworkForecaster

    network, spec, checkpoint = load_network(NetworkPaths(paths.root).checkpoint)
    return NetworkForecaster(network, spec), checkpoint.get("config", "")


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from ....advanced.results import describe_network
    from ....core.artifacts import read_json, write_metrics
    from ....core.evaluate import write_evaluation
    from ..evaluate import evaluate
    from ..steps import prepare as prepare_series

    forecaster, config = load_forecaster(paths)

    def rescore() -> dict:
        previous = read_json(paths.metrics) if paths.metrics.is_file() else {}
        series = prepare_series(paths, settings)
        evaluation = evaluate(forecaster, series, settings.project)
        evaluation.metrics.update(describe_network(forecaster, config))
        write_evaluation(evaluation, paths)
        # What `train` recorded beside the scores (training, the best classical
        # forecaster, its figures) stays; the new figures replace their namesakes.
        fresh = read_json(paths.metrics)
        names = {Path(figure).name for figure in fresh["figures"]}
        kept = [f for f in previous.get("figures", []) if Path(f).name not in names]
        figures = [*fresh["figures"], *kept]
        write_metrics(paths.metrics, {**previous, **fresh, "figures": figures})
        return fresh

    print_rescored(paths, rescore)


def run_predict(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import write_atomically
    from ..predict import forecast_next

    forecaster, _ = load_forecaster(paths)
    table = forecast_next(paths, settings, forecaster, settings.csv)
    output = settings.output or paths.predictions
    write_atomically(output, lambda temporary: table.to_csv(temporary, index=False))
    print(
        f"forecast of the {len(table)} steps from {table['date'].iloc[0]:%Y-%m-%d} "
        f"written to {output}"
    )


COMMANDS = [
    SEARCH,  # the candidates' search, as at the intermediate tier
    Command(
        "train",
        "train the network and the best classical forecaster; score, save",
        run_train,
        reads_config=True,
        add_options=add_train_options,
    ),
    Command(
        "evaluate",
        "re-score the saved network on the test period",
        run_evaluate,
        reads_config=True,
    ),
    Command(
        "predict",
        "forecast the next horizon after the latest data, with the network",
        run_predict,
        reads_config=True,
        add_options=add_predict_options,
    ),
]
