"""The config sections of the beginner rung: those of the project's kind (`data`,
`features`, ...)."""

from collections.abc import Mapping

from ..core.kind import current_kind
from ..core.settings import AddSection


def sections() -> Mapping[str, AddSection]:
    return current_kind().sections()
