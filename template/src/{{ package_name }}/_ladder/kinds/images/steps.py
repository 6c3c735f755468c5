"""The steps of an experiment on images (core/kind.py's `Steps`): each image is a row
of pixels, so the steps on rows (core/rows.py) serve; `evaluate` adds figures of the
test images, and `predict` reads a folder or image files."""

from pathlib import Path
from typing import Any

from ...core import data_checks
from ...core.data import Split
from ...core.errors import ProjectError
from ...core.evaluate import Evaluation
from ...core.paths import Paths
from ...core.predict import write_rows
from ...core.rows import evaluate as evaluate_rows
from ...core.rows import fit, prepare
from ...core.settings import Settings
from .data import load_dataset as load
from .data import pixel_frame
from .figures import evaluation_figures

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


def gather_images(inputs: list[Path]) -> list[Path]:
    """The image files named, and those inside each folder named (subfolders too);
    hidden files (.DS_Store) are skipped, any other that is not an image refused."""
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
