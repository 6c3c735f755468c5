"""The text kind: labelled texts (reviews, posts, ...); predict each text's label."""

from collections.abc import Mapping

from ...core.kind import Kind, predict_options
from ...core.settings import AddSection, function_section


def sections() -> Mapping[str, AddSection]:
    """`features`: build_features' arguments but the text column (project.yaml's)."""
    from ....features import build_features

    return {"features": function_section(build_features, skip={"text_column"})}


KIND = Kind(
    name="text",
    sections=sections,
    predict_help="predict the label of each text of a CSV",
    add_predict_options=predict_options("csv", "CSV with a column of texts"),
    evaluate_help="re-score the saved model on the test texts",
    examples="texts",
    captions={
        "data_lengths": "How long the texts are, by label",
        "data_words": "The words each label uses most",
    },
)
