"""What a kind gives the advanced tier: its part, `kinds/<kind>/advanced/`.

The tier's `train`, commands and sections are written once; what differs by kind of
data is asked of the part (how its data becomes batches, how the trained network
becomes a model that predicts, what a run records and draws, what `report` fills
in). rows.py, the part of the kinds on rows, lists every name a part has: a kind's
part defines those that differ. Every command imports it, `report` too: it imports
PyTorch and Lightning inside its functions only.
"""

from types import SimpleNamespace
from typing import Any

from ..core.kind import current_kind


def advanced_part() -> Any:
    """This project's kind's advanced part, with rows.py's names where it has none."""
    from . import rows

    return SimpleNamespace(**{**vars(rows), **vars(current_kind().part("advanced"))})
