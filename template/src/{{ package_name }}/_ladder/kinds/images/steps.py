"""The steps of an experiment on images (core/kind.py's `Steps`): core/rows.py's, an
image being a row of pixels; `evaluate` adds figures of test images (a sample, and
the errors), and `predict` reads a folder or image files."""

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ...core import data_checks
from ...core.data import Split
from ...core.errors import ProjectError
from ...core.evaluate import Evaluation
from ...core.paths import Paths
from ...core.rows import evaluate as evaluate_rows
from ...core.rows import fit, prepare, write_rows
from ...core.settings import Settings
from .data import load_dataset as load
from .data import pixel_frame, to_images

__all__ = ["load", "prepare", "fit", "evaluate", "predict"]

# Images per figure: a grid small enough to read at a glance.
GRID = 16


def evaluate(model: Any, split: Split, settings: Settings) -> Evaluation:
    """The steps on rows' evaluation, with grids of a sample of test images and of
    the ones the model got most surely wrong."""
    evaluation = evaluate_rows(model, split, settings)
    y_true = split.y_test.astype(str).to_numpy()
    y_pred = np.asarray(model.predict(split.X_test)).astype(str)
    images = to_images(split.X_test, settings.project)
    sample = np.random.default_rng(settings.project.seed).permutation(len(images))
    wrong = most_confidently_wrong(model, split.X_test, y_true, y_pred)
    shown = {
        "sample_predictions": (sample[:GRID], "Test images: true / predicted"),
        "confidently_wrong": (
            wrong,
            "Most confidently wrong: true / predicted"
            if len(wrong)
            else "No test image was misclassified",
        ),
    }
    for name, (chosen, title) in shown.items():
        grid = image_grid(images[chosen], y_true[chosen], y_pred[chosen], title)
        evaluation.figures[name] = grid
    return evaluation


def most_confidently_wrong(
    model: Any, X: pd.DataFrame, y_true: np.ndarray, y_pred: np.ndarray
) -> np.ndarray:
    """Positions of the misclassified images, the most confident mistakes first:
    by probability, or for a model without (an SVM) by its highest decision score."""
    wrong = np.flatnonzero(y_true != y_pred)
    for method in ("predict_proba", "decision_function"):
        if hasattr(model, method) and len(wrong):
            scores = np.asarray(getattr(model, method)(X.iloc[wrong]))
            confidence = scores.max(axis=1) if scores.ndim > 1 else np.abs(scores)
            return wrong[np.argsort(-confidence, kind="stable")][:GRID]
    return wrong[:GRID]


def draw(axes, image: np.ndarray, **limits: float) -> None:
    """One image (height, width, channels), grey or colour, without axes."""
    grey = image.shape[-1] == 1
    axes.imshow(
        image[..., 0] if grey else image, cmap="gray" if grey else None, **limits
    )
    axes.set_xticks([])
    axes.set_yticks([])


def image_grid(
    images: np.ndarray, true: np.ndarray, predicted: np.ndarray, title: str
) -> Figure:
    """Images in a grid of four columns, each titled "true / predicted" (red when
    wrong)."""
    columns = 4
    rows = max(1, -(-len(images) // columns))
    figure = Figure(figsize=(2 * columns, 2.2 * rows), layout="constrained")
    grid = figure.subplots(rows, columns, squeeze=False).ravel()
    for axes in grid:
        axes.set_axis_off()
    for axes, image, label, guess in zip(grid, images, true, predicted, strict=False):
        draw(axes, image, vmin=0, vmax=1)
        colour = "tab:green" if label == guess else "tab:red"
        axes.set_title(f"{label} / {guess}", color=colour, fontsize=10)
    figure.suptitle(title)
    return figure


def gather_images(inputs: list[Path]) -> list[Path]:
    """The image files named and those in the folders named (subfolders too): hidden
    files (.DS_Store) skipped, any other that is not an image refused."""
    if not inputs:
        raise ProjectError("give a folder of images, or image files, to predict")
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = data_checks.image_files(path.rglob("*"))
            if not found:
                raise ProjectError(f"{path} holds no images to predict")
        elif path.is_file():
            found = data_checks.image_files([path])
        else:
            raise ProjectError(f"{path} not found: give a folder or image files")
        for file in found:
            problem = data_checks.image_file_problem(file)
            if problem:
                raise ProjectError(problem)
        files += found
    return files


def predict(model: Any, paths: Paths, settings: Settings) -> str:
    """Write each image's path and predicted class to a CSV."""
    files = gather_images(settings.images)
    X = pixel_frame(files, settings.project)
    predictions = X[[]].assign(
        file=[str(file) for file in files], prediction=model.predict(X)
    )
    output = write_rows(predictions, settings.output or paths.predictions)
    return f"predictions written to {output}"
