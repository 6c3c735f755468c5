"""The clustering runs side by side: `compare`'s table and the draft's.

The run folders are the shared ones (intermediate/runs.py); the best run is the one
with the best silhouette on its training rows, never the best test score.
"""

from typing import Any

from ....intermediate.runs import Run, best_run


def experiments_table(runs: list[Run]) -> str:
    """Every run as a Markdown table row; the best one (by silhouette) in bold."""
    metric = runs[0].metrics["primary_metric"]
    best = best_run(runs)
    rows = [
        f"| run | candidate | clusters | train silhouette | stability | test {metric} "
        "| baseline | trials |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        cv, test = run.metrics["cv"], run.classical_scores[metric]
        name = f"**{run.name}**" if run is best else run.name
        rows.append(
            f"| {name} | {run.metrics['candidate']} | {candidate_clusters(run)} "
            f"| {cv['mean']:.3f} ± {cv['std']:.3f} | {cv['stability']:.3f} "
            f"| {test:.3f} | {run.metrics['baseline'][metric]:.3f} | {cv['trials']} |"
        )
    return "\n".join(rows)


def candidate_clusters(run: Run) -> int:
    """How many clusters the run's best candidate found (in its search)."""
    chosen = run.metrics["candidate"]
    return next(c for c in run.metrics["candidates"] if c["name"] == chosen)["clusters"]


def candidates_table(metrics: dict[str, Any]) -> str:
    """The run's candidates side by side: the best trial of each."""
    rows = [
        "| candidate | trials | clusters | silhouette (mean ± std) | stability |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for candidate in metrics["candidates"]:
        rows.append(
            f"| {candidate['name']} | {candidate['trials']} | {candidate['clusters']} "
            f"| {candidate['mean']:.3f} ± {candidate['std']:.3f} "
            f"| {candidate['stability']:.3f} |"
        )
    return "\n".join(rows)


def silhouette_account(best: Run) -> str:
    """The draft's sentence on how the best run's candidates were compared."""
    cv = best.metrics["cv"]
    return (
        f"Best run: `{best.name}`. The candidates were compared by their silhouette "
        f"on the training rows, each fitted with {cv['seeds']} seeds, over "
        f"{cv['trials']} Optuna trials (stability: the adjusted Rand index between "
        "the seeds' clusters); the best was refitted and scored once on the test rows."
    )
