"""The time-series commands: `train`, `evaluate` and `predict`.

They replace the tabular ones of the same name; `explore` (the notebook) and `report`
are core's, unchanged.
"""

from pathlib import Path

from jsonargparse import ArgumentParser

from ....core.cli import Command
from ....core.commands import print_rescored, print_scores
from ....core.paths import Paths
from ....core.settings import Settings


def print_gaps(settings: Settings, metrics: dict) -> None:
    """Say how many missing steps were filled: a gap is data you did not have."""
    if metrics.get("gaps_filled"):
        print(
            f"filled {metrics['gaps_filled']} missing steps of the "
            f"{metrics['frequency']} series (data.fill_gaps: {settings.data.fill_gaps})"
        )


def run_train(paths: Paths, settings: Settings) -> None:
    from .train import train

    metrics = train(paths, settings)
    print_gaps(settings, metrics)
    print_scores(metrics)


def run_evaluate(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import load_model
    from ....core.evaluate import write_evaluation
    from ..evaluate import evaluate
    from .train import prepare_series

    forecaster = load_model(paths.model)

    def rescore() -> dict:
        series = prepare_series(paths, settings)
        evaluation = evaluate(forecaster, series, settings.project)
        write_evaluation(evaluation, paths)
        return evaluation.metrics

    print_rescored(paths, rescore)


def add_predict_options(parser: ArgumentParser) -> None:
    parser.add_argument(
        "csv",
        type=Path | None,
        nargs="?",
        help="a CSV of the series up to now (default: the project's data)",
    )
    parser.add_argument("--output", type=Path, help="default: reports/predictions.csv")


def run_predict(paths: Paths, settings: Settings) -> None:
    from ....core.artifacts import load_model, write_atomically
    from .predict import forecast_next

    forecaster = load_model(paths.model)
    table = forecast_next(paths, settings, forecaster, settings.csv)
    output = settings.output or paths.predictions
    write_atomically(output, lambda temporary: table.to_csv(temporary, index=False))
    print(
        f"forecast of the {len(table)} steps from {table['date'].iloc[0]:%Y-%m-%d} "
        f"written to {output}"
    )


COMMANDS = [
    Command("train", "fit, evaluate and save the forecaster", run_train, True),
    Command(
        "evaluate",
        "re-score the saved forecaster on the test period",
        run_evaluate,
        reads_config=True,
    ),
    Command(
        "predict",
        "forecast the next horizon after the latest data",
        run_predict,
        reads_config=True,
        add_options=add_predict_options,
    ),
]
