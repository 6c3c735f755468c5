"""The config sections of the time-series beginner rung: `data` and `features`."""

from collections.abc import Mapping

from .....features import lag_features
from ....core.settings import AddSection, dataclass_section, function_section
from ..series import SeriesSettings


def sections() -> Mapping[str, AddSection]:
    """`data` is a dataclass; `features` are the arguments of lag_features, but the
    series and its season, which the data gives."""
    return {
        "data": dataclass_section(SeriesSettings),
        "features": function_section(lag_features, skip={"series", "season"}),
    }
