"""The tabular kind: rows and columns; predict one column from the others."""

from ...core.kind import Kind, add_rows_to_predict, row_sections

KIND = Kind(
    name="tabular",
    sections=row_sections,
    predict_help="predict for the rows of a CSV",
    add_predict_options=add_rows_to_predict,
)
