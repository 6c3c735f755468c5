"""The intermediate rung: candidates compared by cross-validation, an Optuna search,
one folder per run, and `compare`.

`train` grows from "fit model.py's Pipeline" to "search every candidate of
candidates.py, refit the best, save the run"; `search` only adds trials (a worker),
`compare` lists the runs, and `report` puts the table of runs in the draft.
"""
