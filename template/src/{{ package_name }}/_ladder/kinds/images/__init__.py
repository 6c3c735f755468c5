"""The images kind: a folder of images, one subfolder per class, read as pixel rows.

Each image is resized to `project.image_size` pixels square in `project.color_mode`
and becomes one row of pixel values from 0 to 1, so every shared rung (the split, the
baseline, the search, the runs) works on images as it does on a table.
"""
