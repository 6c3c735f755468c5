"""The config sections of the text kind's beginner rung: `features`."""

from collections.abc import Mapping

from .....features import build_features
from ....core.settings import AddSection, function_section


def sections() -> Mapping[str, AddSection]:
    """`features` are the arguments of build_features; configs/project.yaml gives
    the text column."""
    return {"features": function_section(build_features, skip={"text_column"})}
