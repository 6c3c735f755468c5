"""The clustering kind's intermediate rung: candidates searched with Optuna on the
silhouette, their stability across seeds, one folder per run, and `compare`."""
