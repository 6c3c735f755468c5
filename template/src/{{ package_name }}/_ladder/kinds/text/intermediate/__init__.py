"""The text kind's part of the intermediate tier (intermediate/part.py): candidates
and TF-IDF settings searched together by Optuna under stratified cross-validation
(search.py), the TF-IDF settings each trial tries under `feature_search:`."""

from typing import Any

from ....core.settings import value_section
from ....intermediate.part import Part

PART = Part(
    # `feature_search` maps an argument of build_features to a fixed value, a list of
    # choices or a range {low, high, log}, written as a candidate's parameters are.
    sections=lambda: {"feature_search": value_section(dict[str, Any], {})},
    train_help="search the candidates and TF-IDF settings, refit the best, evaluate, "
    "save",
)
