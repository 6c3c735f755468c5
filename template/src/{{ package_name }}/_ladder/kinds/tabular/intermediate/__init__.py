"""The tabular kind's part of the intermediate tier (intermediate/part.py): the search
on rows (intermediate/rows.py), and the shared settings, tables and commands."""

from ....intermediate.part import ROWS, Part

PART = Part(search=ROWS)
