"""The config sections of the beginner rung: `data` and `features`."""

from collections.abc import Mapping

from ...features import build_preprocessor
from ..core.data import DataSettings
from ..core.settings import AddSection, dataclass_section, function_section


def sections() -> Mapping[str, AddSection]:
    """`data` is a dataclass; `features` are the arguments of build_preprocessor."""
    return {
        "data": dataclass_section(DataSettings),
        "features": function_section(build_preprocessor),
    }
