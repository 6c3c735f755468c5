"""The images kind's advanced part: the rows' (advanced/rows.py), with images shaped
as tensors and augmented (tensors.py), and pretrained weights fetched before
training starts (pretrained.py)."""

from typing import Any

from ....advanced import rows
from ....core.data import Split
from ....core.settings import Settings


def __getattr__(name: str) -> Any:
    # The part's other names (part.py's AdvancedPart) are the rows' own.
    return getattr(rows, name)


def check(settings: Settings) -> None:
    """The pretrained weights the `network:` section asks for, on this machine: a
    download that cannot happen stops the run here, in one line."""
    from .pretrained import fetch

    fetch(settings.network.as_dict())


def data_module(settings: Settings, split: Split) -> Any:
    """The rows' batches, each image shaped (channels, height, width), the training
    ones augmented."""
    from . import tensors

    return rows.data_module(settings, split, tensors)
