"""A first look at a folder of images for notebooks/01-explore.py: a pixel alone says
little, so a few images of each class, each class's average image, and the sizes the
images came in. core/explore.py loads the data and counts the classes."""

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from ...core.explore import Exploration, data_facts, panel_grid
from .data import images_folder, list_images, to_images
from .steps import draw

# Images shown per class, and classes shown at most (the first, by name).
PER_CLASS = 6
MAX_CLASSES = 10


def image_facts(data: Exploration) -> dict[str, Any]:
    """core's facts, with the images' stored sizes and the size the model sees."""
    facts = data_facts(data)
    # Every column is a pixel value: "64 numeric, 0 text" would say nothing.
    del facts["numeric"], facts["categorical"]
    facts["features"] = f"{facts['features']} pixel values"
    project = data.project
    files, _ = list_images(images_folder(data.paths, project))
    mode = "grey" if project.color_mode == "L" else "colour (RGB)"
    facts["more"] = {
        "images folder": project.images_dir,
        "sizes as stored": stored_sizes(files),
        "size the model sees": f"{project.image_size}x{project.image_size}, {mode}",
    }
    return facts


def stored_sizes(files: list[Path]) -> str:
    """The sizes the files are stored in: one, or the range and the most common."""
    sizes: Counter[tuple[int, int]] = Counter()
    for file in files:
        with Image.open(file) as image:  # Pillow reads only the header for its size
            sizes[image.size] += 1
    (width, height), most = sizes.most_common(1)[0]
    if len(sizes) == 1:
        return f"{width}x{height} (all {most})"
    areas = sorted(sizes, key=lambda size: size[0] * size[1])
    (small_w, small_h), (large_w, large_h) = areas[0], areas[-1]
    return (
        f"{len(sizes)} sizes, from {small_w}x{small_h} to {large_w}x{large_h}; "
        f"most common {width}x{height} ({most} images)"
    )


def images_by_class(data: Exploration) -> dict[str, np.ndarray]:
    """The images (height, width, channels) of the first MAX_CLASSES classes."""
    labels = data.y.astype(str).to_numpy()
    images = to_images(data.X, data.project)
    return {name: images[labels == name] for name in sorted(set(labels))[:MAX_CLASSES]}


def samples_figure(data: Exploration) -> Figure:
    """The first images of each class, a class a row, as the model sees them."""
    shown = images_by_class(data)
    figure = Figure(
        figsize=(1.3 * PER_CLASS + 1, 1.3 * len(shown) + 0.5), layout="constrained"
    )
    grid = figure.subplots(len(shown), PER_CLASS, squeeze=False)
    for row, (name, images) in zip(grid, shown.items(), strict=True):
        for axes in row:
            axes.set_axis_off()
        for axes, image in zip(row, images[:PER_CLASS], strict=False):
            axes.set_axis_on()
            draw(axes, image)
        row[0].set_ylabel(name, rotation=0, ha="right", va="center")
    figure.suptitle("A few images of each class")
    return figure


def class_means_figure(data: Exploration) -> Figure:
    """Each class's average image: what its images share (a shape, a colour, a
    background; a background that tells the classes apart is a shortcut)."""
    shown = images_by_class(data)
    figure, grid = panel_grid(len(shown), (1.8, 2), extra=0.5, across=5)
    for axes, (name, images) in zip(grid, shown.items(), strict=True):
        draw(axes, images.mean(axis=0))
        axes.set_title(name, fontsize="medium")
    figure.suptitle("The average image of each class")
    return figure
