"""What kinds declare alike: `predict`'s options, and for the kinds whose data is rows
of a table the config sections of the steps on rows (core/rows.py). Light: KIND is
read by every command."""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jsonargparse import ArgumentParser

from .settings import AddSection, dataclass_section, function_section


def row_sections() -> Mapping[str, AddSection]:
    """`data` is a dataclass; `features` are the arguments of build_preprocessor."""
    from ...features import build_preprocessor
    from .data import DataSettings

    return {
        "data": dataclass_section(DataSettings),
        "features": function_section(build_preprocessor),
    }


def predict_options(
    inputs: str, help: str, **argument: Any
) -> Callable[[ArgumentParser], None]:
    """What adds `predict`'s options: its inputs (named `inputs`, a path unless
    `argument` says otherwise) and --output."""

    def add(parser: ArgumentParser) -> None:
        parser.add_argument(inputs, help=help, **{"type": Path, **argument})
        parser.add_argument(
            "--output", type=Path, help="default: reports/predictions.csv"
        )

    return add


add_rows_to_predict = predict_options("csv", "CSV with the training feature columns")
