"""The config sections of the clustering beginner rung: `data`, `features`, `model`
and `evaluation`."""

from collections.abc import Mapping

from .....features import build_preprocessor
from .....model import build_model
from ....core.settings import AddSection, dataclass_section, function_section
from ..data import ClusterData
from ..evaluate import EvaluationSettings


def sections() -> Mapping[str, AddSection]:
    """`model` holds the arguments of build_model but the two the engine gives."""
    return {
        "data": dataclass_section(ClusterData),
        "features": function_section(build_preprocessor),
        "model": function_section(build_model, skip={"preprocessor", "seed"}),
        "evaluation": dataclass_section(EvaluationSettings),
    }
