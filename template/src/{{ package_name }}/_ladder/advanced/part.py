"""What a kind gives the advanced tier: its part, `kinds/<kind>/advanced/`.

The tier's `train`, commands and config sections are written once (train.py,
commands.py, sections.py); what differs by kind of data is asked of the part: how its
data becomes batches and the network's spec, how the trained network becomes a model
that predicts (saved beside the checkpoint, loaded again by `evaluate` and
`predict`), what a run records and draws, and what `report` fills in. rows.py is the
part of the kinds on rows (tabular, images), and lists every name a part has: a
kind's part defines those that differ, and rows.py's stand for the others. A part is
imported by every command, `report` too: it imports PyTorch and Lightning inside its
functions only.
"""

from types import SimpleNamespace
from typing import Any

from ..core.kind import current_kind


def advanced_part() -> Any:
    """This project's kind's advanced part, with rows.py's names where it has none."""
    from . import rows

    return SimpleNamespace(**{**vars(rows), **vars(current_kind().part("advanced"))})
