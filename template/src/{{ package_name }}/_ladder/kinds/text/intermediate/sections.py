"""The config sections of the text kind's intermediate rung: the shared `search` and
`candidates`, and `feature_search`, the TF-IDF settings each trial tries."""

from collections.abc import Mapping
from typing import Any

from ....beginner.sections import sections as beginner_sections
from ....core.settings import AddSection, dataclass_section, value_section
from ....intermediate.sections import SearchSettings


def sections() -> Mapping[str, AddSection]:
    """`features`, then `search`, `candidates` and `feature_search`.

    `feature_search` maps an argument of build_features to a fixed value, a list of
    choices or a range {low, high, log}, written as a candidate's parameters are.
    """
    return {
        **beginner_sections(),
        "search": dataclass_section(SearchSettings),
        "candidates": value_section(dict[str, dict[str, Any]], {}),
        "feature_search": value_section(dict[str, Any], {}),
    }
