"""The images kind's part of the intermediate tier (intermediate/part.py): an image is
a row of pixels, so it is the tabular kind's, the search on rows, less the figure of
each column's importance (a pixel alone means nothing)."""

from ....intermediate.part import ROWS, Part

PART = Part(search=ROWS, per_column_figures=False)
