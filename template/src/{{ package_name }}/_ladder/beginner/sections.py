"""The config sections of the beginner rung: `data` and `features`."""

from collections.abc import Mapping

from ..core.data import DataSettings
from ..core.settings import AddSection, dataclass_section, function_section


def sections() -> Mapping[str, AddSection]:
    """`data` is a dataclass; `features` are the arguments of build_preprocessor."""
    # Imported here: a problem kind with a features.py of its own (text, ...) imports
    # this rung's neighbours without it.
    from ...features import build_preprocessor

    return {
        "data": dataclass_section(DataSettings),
        "features": function_section(build_preprocessor),
    }
