"""The clustering kind: rows and columns without answers; find groups and unusual
rows. The labels, when the data has some, never reach the model: they only score its
groups."""

from collections.abc import Mapping

from ...core.kind import Kind, add_rows_to_predict
from ...core.settings import AddSection, dataclass_section, function_section


def sections() -> Mapping[str, AddSection]:
    """`model` holds the arguments of build_model but the two the engine gives."""
    from ....features import build_preprocessor
    from ....model import build_model
    from .data import ClusterData
    from .steps import EvaluationSettings

    return {
        "data": dataclass_section(ClusterData),
        "features": function_section(build_preprocessor),
        "model": function_section(build_model, skip={"preprocessor", "seed"}),
        "evaluation": dataclass_section(EvaluationSettings),
    }


def report_sections(metrics: dict) -> list[str]:
    from .profile import cluster_sections

    return cluster_sections(metrics)


KIND = Kind(
    name="clustering",
    sections=sections,
    predict_help="assign the rows of a CSV to clusters and score how unusual each is",
    add_predict_options=add_rows_to_predict,
    report_sections=report_sections,
    captions={"data_pairs": "Pairs of features, coloured by the hidden labels"},
)
