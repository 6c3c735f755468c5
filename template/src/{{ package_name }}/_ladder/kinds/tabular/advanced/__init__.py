"""The tabular kind's advanced part: the rows' (advanced/rows.py), which the images
kind shares."""

from typing import Any

from ....advanced import rows


def __getattr__(name: str) -> Any:
    # Every name of the part (part.py's AdvancedPart) is the rows' own.
    return getattr(rows, name)
