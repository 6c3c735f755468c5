"""The images kind: a folder of images, one subfolder per class. Each image becomes
one row of pixel values from 0 to 1 (data.py), so every shared rung (the split, the
baseline, the search, the runs) works on images as it does on a table."""

from ...core.kind import Kind, predict_options, row_sections

KIND = Kind(
    name="images",
    sections=row_sections,
    predict_help="predict the class of each image in a folder, or of image files",
    add_predict_options=predict_options(
        "images", "a folder of images, or image files", nargs="+"
    ),
    examples="images",
    captions={
        "data_samples": "A few images of each class",
        "data_class_means": "The average image of each class",
    },
)
