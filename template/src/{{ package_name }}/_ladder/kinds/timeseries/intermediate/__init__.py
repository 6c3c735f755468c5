"""The time-series intermediate rung: forecasters compared by expanding-window
cross-validation in an Optuna search, one folder per run."""
