"""What the kinds whose data is rows of a table declare alike: the config sections of
the steps on rows (core/rows.py), and `predict`'s CSV of rows. Light: KIND is read
by every command."""

from collections.abc import Mapping
from pathlib import Path

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


def add_rows_to_predict(parser: ArgumentParser) -> None:
    parser.add_argument("csv", type=Path, help="CSV with the training feature columns")
    parser.add_argument("--output", type=Path, help="default: reports/predictions.csv")
