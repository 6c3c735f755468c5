"""The images kind's `predict`, which replaces the one for CSV rows."""

from pathlib import Path

from jsonargparse import ArgumentParser

from ....core.cli import Command
from ....core.paths import Paths
from ....core.settings import Settings


def add_predict_options(parser: ArgumentParser) -> None:
    parser.add_argument(
        "images", type=Path, nargs="+", help="a folder of images, or image files"
    )
    parser.add_argument("--output", type=Path, help="default: reports/predictions.csv")


def load_predictor(paths: Paths):
    """The network at the advanced tier, else the scikit-learn model."""
    from ....core.cli import present_rungs

    if "advanced" in present_rungs():
        from ....advanced.checkpoints import load_predictor as load_network
        from ....advanced.paths import NetworkPaths

        return load_network(NetworkPaths(paths.root))
    from ....core.artifacts import load_model

    return load_model(paths.model)


def run_predict(paths: Paths, settings: Settings) -> None:
    from ..predict import predict

    model = load_predictor(paths)
    output = predict(
        model, settings.images, settings.output or paths.predictions, settings.project
    )
    print(f"predictions written to {output}")


COMMANDS = [
    Command(
        "predict",
        "predict the class of each image in a folder, or of image files",
        run_predict,
        add_options=add_predict_options,
    ),
]
