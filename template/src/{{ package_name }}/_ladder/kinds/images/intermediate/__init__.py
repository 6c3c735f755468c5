"""The images kind's part of the intermediate tier (intermediate/part.py): an image is
a row of pixels, so it is the tabular kind's, the search on rows; that search leaves
out the per-column figure (kinds/images/figures.py's PER_COLUMN_FIGURES)."""

from ....intermediate.part import ROWS, Part

PART = Part(search=ROWS)
