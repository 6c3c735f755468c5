"""Small folders of images the tests make: a learner's own data (dataset=folder).

One subfolder per class, PNG and JPEG files of mixed sizes and colour modes, as
photos gathered by hand come; offline and deterministic.
"""

from pathlib import Path

import numpy as np
from PIL import Image

# Three classes a model tells apart from the pixels: dark, bright, vertical stripes.
CLASSES = ("dark", "bright", "stripes")
MODES = ("L", "RGB", "RGBA", "P")
SIZES = (16, 24, 40)


def _pixels(kind: str, size: int, rng: np.random.Generator) -> np.ndarray:
    if kind == "dark":
        base = np.full((size, size), 60.0)
    elif kind == "bright":
        base = np.full((size, size), 190.0)
    else:
        base = np.where(np.arange(size) % 4 < 2, 230.0, 20.0)[None, :].repeat(size, 0)
    return np.clip(base + rng.normal(0, 25, (size, size)), 0, 255).astype(np.uint8)


def write_image_folder(folder: Path, per_class: int = 30, seed: int = 0) -> Path:
    """`folder`/<class>/<class>_NN.png|jpg for each class; returns `folder`."""
    rng = np.random.default_rng(seed)
    for kind in CLASSES:
        (folder / kind).mkdir(parents=True)
        for number in range(per_class):
            grey = Image.fromarray(_pixels(kind, SIZES[number % len(SIZES)], rng))
            image = grey.convert(MODES[number % len(MODES)])
            jpeg = number % 5 == 0 and image.mode in ("L", "RGB")
            image.save(
                folder / kind / f"{kind}_{number:02d}{'.jpg' if jpeg else '.png'}"
            )
    return folder
