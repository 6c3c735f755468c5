"""The text kind's intermediate rung: candidates and TF-IDF settings searched
together by Optuna under stratified cross-validation, one folder per run."""
