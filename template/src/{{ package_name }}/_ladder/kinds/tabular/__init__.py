"""The tabular kind: rows and columns; predict one column from the others."""
