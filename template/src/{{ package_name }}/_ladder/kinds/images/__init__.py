"""The images kind: a folder of images, one subfolder per class, read as pixel rows.

Each image is resized to `project.image_size` pixels square in `project.color_mode`
and becomes one row of pixel values from 0 to 1, so every shared rung (the split, the
baseline, the search, the runs) works on images as it does on a table.
"""

from pathlib import Path

from jsonargparse import ArgumentParser

from ...core.kind import Kind
from ...core.row_options import row_sections


def add_predict_options(parser: ArgumentParser) -> None:
    parser.add_argument(
        "images", type=Path, nargs="+", help="a folder of images, or image files"
    )
    parser.add_argument("--output", type=Path, help="default: reports/predictions.csv")


KIND = Kind(
    name="images",
    sections=row_sections,
    predict_help="predict the class of each image in a folder, or of image files",
    add_predict_options=add_predict_options,
    captions={
        "data_samples": "A few images of each class",
        "data_class_means": "The average image of each class",
    },
)
