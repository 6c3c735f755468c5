"""Figures that show the images themselves: a sample with its labels, and the errors.

core's `evaluate` adds these to the confusion matrix for a project of the images
kind. Each function returns a matplotlib Figure and saves nothing.
"""

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ...core.data import Split
from ...core.project import Project
from .data import to_images

# Images per figure: a grid small enough to read at a glance.
GRID = 16


def evaluation_figures(
    model: Any, split: Split, y_pred: Any, project: Project
) -> dict[str, Figure]:
    """A sample of test images, and the test images the model got most surely wrong."""
    y_true = split.y_test.astype(str).to_numpy()
    y_pred = np.asarray(y_pred).astype(str)
    images = to_images(split.X_test, project)
    sample = np.random.default_rng(project.seed).permutation(len(images))[:GRID]
    wrong = most_confidently_wrong(model, split.X_test, y_true, y_pred)
    return {
        "sample_predictions": image_grid(
            images[sample],
            y_true[sample],
            y_pred[sample],
            "Test images: true / predicted",
        ),
        "confidently_wrong": image_grid(
            images[wrong],
            y_true[wrong],
            y_pred[wrong],
            "Most confidently wrong: true / predicted"
            if len(wrong)
            else "No test image was misclassified",
        ),
    }


def most_confidently_wrong(
    model: Any, X: pd.DataFrame, y_true: np.ndarray, y_pred: np.ndarray
) -> np.ndarray:
    """Positions of the misclassified images, the most confident mistakes first."""
    wrong = np.flatnonzero(y_true != y_pred)
    # How sure the model was of its (wrong) answer: its probability, or for a model
    # without probabilities (an SVM) its highest decision score.
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
    """Images in a grid of four columns, each titled "true / predicted"."""
    columns = 4
    rows = max(1, -(-len(images) // columns))
    figure = Figure(figsize=(2 * columns, 2.2 * rows), layout="constrained")
    grid = figure.subplots(rows, columns, squeeze=False).ravel()
    for axes in grid:
        axes.set_axis_off()
    # The grid may have more cells than images: zip stops at the last image.
    for axes, image, label, guess in zip(grid, images, true, predicted, strict=False):
        draw(axes, image, vmin=0, vmax=1)
        colour = "tab:green" if label == guess else "tab:red"
        axes.set_title(f"{label} / {guess}", color=colour, fontsize=10)
    figure.suptitle(title)
    return figure
