"""What the images plain scripts share: the digits written out as a folder of PNG
files (one folder per class, as a learner's own images come) and read back with
Pillow, and the grids of test images every tier draws.
"""

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image
from sklearn.datasets import load_digits


def digits_folder(output: Path) -> Path:
    """scikit-learn's 8×8 digits as <output>/digits/<digit>/<number>.png."""
    folder = output / "digits"
    digits = load_digits()
    pairs = zip(digits.images, digits.target, strict=True)
    for number, (image, digit) in enumerate(pairs):
        (folder / str(digit)).mkdir(parents=True, exist_ok=True)
        grey = (image * (255 / 16)).round().astype(np.uint8)
        Image.fromarray(grey, mode="L").save(folder / str(digit) / f"{number:04d}.png")
    return folder


def read_images(folder: Path) -> tuple[np.ndarray, np.ndarray]:
    """Each image's pixels in [0, 1] as one row, and its folder's name as label."""
    files = sorted(folder.glob("*/*.png"))
    images = [np.asarray(Image.open(f).convert("L"), dtype=np.float32) for f in files]
    pixels = np.stack(images).reshape(len(files), -1) / 255.0
    return pixels, np.array([f.parent.name for f in files])


def image_grids(output: Path, X_test, y_test, y_pred) -> None:
    """Test images with their true and predicted classes: a sample, the mistakes."""
    images = np.asarray(X_test).reshape(-1, 8, 8)
    y_test = np.asarray(y_test)
    wrong = np.flatnonzero(y_test != y_pred)
    grids = {"sample_predictions": np.arange(16), "confidently_wrong": wrong}
    for name, shown in grids.items():
        figure, grid = plt.subplots(4, 4, figsize=(8, 8.8), layout="constrained")
        for axes in grid.ravel():
            axes.set_axis_off()
        for axes, index in zip(grid.ravel(), shown[:16], strict=False):
            axes.imshow(images[index], cmap="gray", vmin=0, vmax=1)
            axes.set_title(f"{y_test[index]} / {y_pred[index]}")
        figure.savefig(output / f"{name}.png", dpi=120)
