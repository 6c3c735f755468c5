"""The config sections of the time-series intermediate rung: the beginner's `data`
and `features`, then the shared `search` and `candidates`."""

from collections.abc import Mapping
from typing import Any

from ....beginner.sections import sections as beginner_sections
from ....core.settings import AddSection, dataclass_section, value_section
from ....intermediate.sections import SearchSettings


def sections() -> Mapping[str, AddSection]:
    """`candidates` maps a name from candidates.py to its parameters: a fixed value,
    a list of choices, or a range {low, high, log}, as for tables."""
    return {
        **beginner_sections(),
        "search": dataclass_section(SearchSettings),
        "candidates": value_section(dict[str, dict[str, Any]], {}),
    }
