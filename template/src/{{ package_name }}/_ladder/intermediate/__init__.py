"""The intermediate rung: candidates compared by cross-validation in an Optuna study,
one folder per run, `search` (a worker) and `compare`."""
