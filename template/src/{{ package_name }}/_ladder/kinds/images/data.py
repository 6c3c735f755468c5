"""Read a folder of images in torchvision's ImageFolder layout,
`data/raw/<set>/<class>/<image>`, into pixel rows and labels: any image Pillow reads,
converted to `project.color_mode` and resized to `project.image_size` pixels square.
The built-in digits are written out as such a folder when first needed."""

import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image, UnidentifiedImageError

from ...core import data_checks
from ...core.errors import ProjectError
from ...core.paths import Paths
from ...core.project import Project


def load_dataset(paths: Paths, project: Project) -> tuple[pd.DataFrame, pd.Series]:
    files, labels = list_images(images_folder(paths, project))
    X = pixel_frame(files, project)
    return X, pd.Series(labels, name=project.target, index=X.index)


def images_folder(paths: Paths, project: Project) -> Path:
    """The project's image folder; the built-in digits are written there if absent."""
    folder = paths.root / (project.images_dir or "data/raw/images")
    if project.dataset == "digits" and not folder.is_dir():
        write_digits(folder)
    if not folder.is_dir():
        raise ProjectError(
            f"{folder} not found: copy your images there, one subfolder per class"
        )
    return folder


def write_digits(folder: Path) -> None:
    """scikit-learn's 1797 8x8 digits as PNG files, one subfolder per digit."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    # Written beside the folder, then renamed: an interrupted run leaves no half set.
    # `make all` explores and trains at once, so two processes may write: each its
    # own copy, and the first rename wins.
    partial = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    for number, image in enumerate(digits.images):
        grey = (image * (255 / 16)).round().astype(np.uint8)
        target = partial / str(digits.target[number]) / f"{number:04d}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(grey, mode="L").save(target)
    try:
        partial.rename(folder)
    except OSError:
        if not folder.is_dir():
            raise
        shutil.rmtree(partial)  # the other process's copy is in place


def list_images(folder: Path) -> tuple[list[Path], list[str]]:
    """Every image file and its class (its subfolder's name), once the folder passes
    the checks `copier copy` made too (the same words in both places)."""
    problem = data_checks.images_problem(folder)
    if problem:
        raise ProjectError(problem)
    files, labels = [], []
    for class_folder in sorted(path for path in folder.iterdir() if path.is_dir()):
        images = data_checks.image_files(class_folder.iterdir())
        files += images
        labels += [class_folder.name] * len(images)
    return files, labels


def pixel_frame(files: list[Path], project: Project) -> pd.DataFrame:
    """One row per image: its pixels, resized and scaled to 0..1, one column each."""
    rows = np.stack([read_pixels(file, project) for file in files])
    channels, height, width = image_shape(project)
    columns = [
        f"pixel_{row}_{column}" + (f"_{channel}" if channels > 1 else "")
        for channel in range(channels)
        for row in range(height)
        for column in range(width)
    ]
    return pd.DataFrame(rows, columns=columns)


def read_pixels(file: Path, project: Project) -> np.ndarray:
    """One image's pixels as a flat row in PyTorch's order (channels, height, width)."""
    try:
        with Image.open(file) as image:
            size = (project.image_size, project.image_size)
            image = image.convert(project.color_mode).resize(size, Image.BILINEAR)
            pixels = np.asarray(image, dtype=np.float32) / 255.0
    except (UnidentifiedImageError, OSError) as error:
        raise ProjectError(
            f"{file} is not an image Pillow can read ({error}): remove or replace it"
        ) from None
    # Pillow gives (height, width) for grey images, (height, width, 3) for colour.
    return pixels.reshape(size[1], size[0], -1).transpose(2, 0, 1).reshape(-1)


def image_shape(project: Project) -> tuple[int, int, int]:
    """(channels, height, width) of the images as the rows hold them."""
    return len(project.color_mode), project.image_size, project.image_size


def to_images(X: pd.DataFrame, project: Project) -> np.ndarray:
    """Pixel rows back to images, (rows, height, width, channels), for figures."""
    images = np.asarray(X, dtype=np.float32).reshape(len(X), *image_shape(project))
    return images.transpose(0, 2, 3, 1)
