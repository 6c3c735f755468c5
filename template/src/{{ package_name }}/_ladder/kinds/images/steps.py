"""The steps of an experiment on images (core/kind.py's `Steps`): each image is a row
of pixels, so the steps on rows (core/rows.py) serve; `predict` reads image files."""

from typing import Any

from ...core.paths import Paths
from ...core.rows import evaluate, fit, prepare
from ...core.settings import Settings
from .data import load_dataset as load
from .predict import predict_images

__all__ = ["load", "prepare", "fit", "evaluate", "predict"]


def predict(model: Any, paths: Paths, settings: Settings) -> str:
    output = settings.output or paths.predictions
    written = predict_images(model, settings.images, output, settings.project)
    return f"predictions written to {written}"
