"""The steps of an experiment on images (core/kind.py's `Steps`): each image is a row
of pixels, so the steps on rows (core/rows.py) serve; `predict` reads image files."""

from typing import Any

from ...core.data import Split
from ...core.evaluate import Evaluation
from ...core.paths import Paths
from ...core.rows import evaluate as evaluate_rows
from ...core.rows import fit, prepare
from ...core.settings import Settings
from .data import load_dataset as load
from .figures import evaluation_figures
from .predict import predict_images

__all__ = ["load", "prepare", "fit", "evaluate", "predict"]


def evaluate(model: Any, split: Split, settings: Settings) -> Evaluation:
    """The steps on rows' evaluation, with test images shown beside their predicted
    classes."""
    evaluation = evaluate_rows(model, split, settings)
    y_pred = model.predict(split.X_test)
    evaluation.figures.update(
        evaluation_figures(model, split, y_pred, settings.project)
    )
    return evaluation


def predict(model: Any, paths: Paths, settings: Settings) -> str:
    output = settings.output or paths.predictions
    written = predict_images(model, settings.images, output, settings.project)
    return f"predictions written to {written}"
