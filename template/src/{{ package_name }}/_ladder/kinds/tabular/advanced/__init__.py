"""The tabular kind's advanced part: the rows' (advanced/rows.py), which the images
kind shares."""
