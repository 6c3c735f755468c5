"""The beginner rung: one scikit-learn Pipeline, fitted, scored and saved by `train`."""
