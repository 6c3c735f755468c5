"""Predict the class of new images with a saved model: a folder or a list of files."""

from pathlib import Path

from ...core.artifacts import write_atomically
from ...core.errors import ProjectError
from ...core.evaluate import Predictor
from ...core.project import Project
from .data import image_files, pixel_frame


def gather_images(inputs: list[Path]) -> list[Path]:
    """The image files named, and those inside each folder named (subfolders too)."""
    if not inputs:
        raise ProjectError("give a folder of images, or image files, to predict")
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = image_files(path.rglob("*"))
            if not found:
                raise ProjectError(f"{path} holds no images to predict")
            files += found
        elif path.is_file():
            files += image_files([path])
        else:
            raise ProjectError(f"{path} not found: give a folder or image files")
    return files


def predict_images(
    model: Predictor, inputs: list[Path], output: Path, project: Project
) -> Path:
    """Write each image's path and predicted class to the CSV `output`."""
    files = gather_images(inputs)
    X = pixel_frame(files, project)
    predictions = X[[]].assign(
        file=[str(file) for file in files], prediction=model.predict(X)
    )
    write_atomically(
        output, lambda temporary: predictions.to_csv(temporary, index=False)
    )
    return output
