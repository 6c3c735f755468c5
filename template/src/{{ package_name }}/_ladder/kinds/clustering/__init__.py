"""The clustering kind: rows and columns without answers; find groups and unusual
rows. The labels, when the data has some, never reach the model: they only score its
groups."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonargparse.typing import PositiveInt

from ...core.kind import Kind, add_rows_to_predict
from ...core.settings import AddSection, dataclass_section, function_section


@dataclass(frozen=True)
class EvaluationSettings:
    """The `evaluation:` section: what the report shows of the clusters."""

    # The choice-of-k figure tries KMeans for every k from 2 to this.
    max_k: PositiveInt = 10
    # How many of the most unusual rows the draft lists.
    unusual_rows: PositiveInt = 5
    # How many columns the profile of each cluster shows: those telling them apart most.
    profile_columns: PositiveInt = 8


def sections() -> Mapping[str, AddSection]:
    """`model` holds the arguments of build_model but the two the engine gives; the
    steps (metrics, figures) are not imported: loading the settings stays light."""
    from ....features import build_preprocessor
    from ....model import build_model
    from .data import ClusterData

    return {
        "data": dataclass_section(ClusterData),
        "features": function_section(build_preprocessor),
        "model": function_section(build_model, skip={"preprocessor", "seed"}),
        "evaluation": dataclass_section(EvaluationSettings),
    }


def report_sections(metrics: dict) -> list[str]:
    from .profile import cluster_sections

    return cluster_sections(metrics)


def train_notes(settings: Any, metrics: dict) -> list[str]:
    from .profile import column_notes

    return column_notes(metrics)


KIND = Kind(
    name="clustering",
    sections=sections,
    predict_help="assign the rows of a CSV to clusters and score how unusual each is",
    add_predict_options=add_rows_to_predict,
    report_sections=report_sections,
    train_notes=train_notes,
    captions={"data_pairs": "Pairs of features, coloured by the hidden labels"},
)
