"""The time-series kind: one value over time; forecast its next steps from its past."""

from collections.abc import Mapping
from pathlib import Path

from ...core.kind import Kind, predict_options
from ...core.settings import AddSection, Settings, dataclass_section, function_section


def sections() -> Mapping[str, AddSection]:
    """`features` are lag_features' arguments but the two the data gives."""
    from ....features import lag_features
    from .series import SeriesSettings

    return {
        "data": dataclass_section(SeriesSettings),
        "features": function_section(lag_features, skip={"series", "season"}),
    }


def gaps_filled(settings: Settings, metrics: dict) -> list[str]:
    """How many missing steps were filled: a gap is data you did not have."""
    if not metrics.get("gaps_filled"):
        return []
    return [
        f"filled {metrics['gaps_filled']} missing steps of the "
        f"{metrics['frequency']} series (data.fill_gaps: {settings.data.fill_gaps})"
    ]


KIND = Kind(
    name="timeseries",
    sections=sections,
    predict_help="forecast the next horizon after the latest data",
    add_predict_options=predict_options(
        "csv",
        "a CSV of the series up to now (default: the project's data)",
        type=Path | None,
        nargs="?",
    ),
    predict_reads_config=True,
    evaluate_help="re-score the saved forecaster on the test period",
    examples="time steps",
    train_notes=gaps_filled,
    captions={
        "data_series": "The series over time",
        "data_decomposition": "Trend, season and the rest (training period)",
        "data_autocorrelation": "Autocorrelation of its step-to-step changes",
    },
)
