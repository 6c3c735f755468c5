"""How each tier scores on the same data: every built-in dataset of every kind, trained
at every tier, its test scores side by side (issue 30: a higher tier never does worse
than the one below by more than the validation's standard error, or the README says
why for that dataset).

Each project is rendered from a snapshot of this working tree with the dataset's
defaults and trained once with `python -m <package> train`, as a learner's first
`make train` does. The standard error is the intermediate search's, of the candidate
it kept (its fold scores' spread over the root of their count), where the search
scores the test metric (a clustering's search scores the silhouette, not the adjusted
Rand index: none there). A dataset downloaded on first use (newsgroups) cannot be
fetched here, so the text kind is scored on benchmarks/baselines/common.py's corpus.

    .venv/bin/python benchmarks/tiers.py                # every kind, about 25 minutes
    .venv/bin/python benchmarks/tiers.py --kinds tabular --jobs 2 --readme
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from baselines.common import write_text_corpus
from run import RESULTS, TEXT_ANSWERS, answer, render, snapshot, write_readme

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "extensions"))
from ml100_jinja.catalogue import DATASETS, KINDS, OFFERED_TIERS  # noqa: E402

README_START = "<!-- tiers:start -->"
README_END = "<!-- tiers:end -->"
# Errors: lower is better (as the engine's core/caveats.py has it).
ERRORS = frozenset({"mase", "rmse", "mae", "davies_bouldin"})
# What stands in for a dataset that is downloaded on first use.
STAND_INS = {"newsgroups": "common.py's corpus (2,000 posts)"}


@dataclass(frozen=True)
class Score:
    """One project's test score, and what the table shows beside it."""

    kind: str
    dataset: str
    tier: str
    metric: str
    model: float
    baseline: float
    standard_error: float | None = None
    classical: float | None = None


def datasets_of(kind: str) -> list[str]:
    """The kind's built-in datasets (not the learner's own csv or folder)."""
    return [name for name in KINDS[kind]["datasets"] if name in DATASETS]


def answers(kind: str, dataset: str, tier: str, folder: Path) -> dict[str, str]:
    data = {"kind": kind, "tier": tier, "dataset": dataset}
    if DATASETS[dataset].get("download"):
        corpus = write_text_corpus(folder / "posts.csv")
        data.update(TEXT_ANSWERS, csv_path=str(corpus))
    return data


def standard_error(metrics: dict) -> float | None:
    """The kept candidate's standard error, where its folds score the test metric
    (as the engine's intermediate/choice.py computes it)."""
    cv, primary = metrics.get("cv") or {}, metrics["primary_metric"]
    searched = cv.get("metric") or cv.get("score") or primary
    scores = cv.get("fold_scores") or []
    if searched not in (primary, f"neg_{primary}") or len(scores) < 2:
        return None
    return statistics.stdev(scores) / math.sqrt(len(scores))


def train(template: Path, work: Path, kind: str, dataset: str, tier: str) -> Score:
    folder = work / f"{kind}-{dataset}-{tier}"
    folder.mkdir()
    data = answers(kind, dataset, tier, folder)
    project = render(template, folder / "project", data)
    package = answer(project, "package_name")
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "MPLBACKEND": "Agg"}
    command = [sys.executable, "-m", package, "train"]
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"{folder.name}: train failed\n{result.stderr[-2000:]}")
    metrics = json.loads((project / "reports" / "metrics.json").read_text())
    metric = metrics["primary_metric"]
    classical = (metrics.get("best_classical") or {}).get("scores", {}).get(metric)
    # An advanced run's search is its classical rival's: the network has no folds.
    error = standard_error(metrics) if classical is None else None
    return Score(
        kind,
        dataset,
        tier,
        metric,
        metrics["model"][metric],
        metrics["baseline"][metric],
        error,
        classical,
    )


def worse(metric: str, score: float, below: float, margin: float) -> bool:
    """Whether `score` is worse than the lower tier's `below` by more than `margin`."""
    if metric in ERRORS:
        return score > below + margin
    return score < below - margin


def row(scores: dict[str, Score]) -> str:
    """One dataset: each tier's test score, and whether each holds the tier below."""
    first = next(iter(scores.values()))
    error = next(
        (s.standard_error for s in scores.values() if s.standard_error is not None),
        None,
    )
    margin = error or 0.0
    cells, verdicts, below = [], [], None
    for tier in OFFERED_TIERS:
        score = scores[tier]
        cell = f"{score.model:.3f}"
        if score.standard_error is not None:
            cell += f" ± {score.standard_error:.3f}"
        if score.classical is not None:
            cell += f" (classical {score.classical:.3f})"
        if below is not None and worse(first.metric, score.model, below, margin):
            cell = f"**{cell}**"
            verdicts.append(tier)
        cells.append(cell)
        below = score.model
    held = "yes" if not verdicts else f"no: {', '.join(verdicts)}"
    dataset = STAND_INS.get(first.dataset, first.dataset)
    direction = "lower" if first.metric in ERRORS else "higher"
    shown = f"{first.metric} ({direction} is better)"
    return (
        f"| {first.kind} | {dataset} | {shown} | {first.baseline:.3f} | "
        f"{' | '.join(cells)} | {held} |"
    )


def table(rows: list[str]) -> str:
    tiers = " | ".join(OFFERED_TIERS)
    header = f"| kind | dataset | test metric | baseline | {tiers} | each tier holds |"
    rule = "| --- | --- | --- | ---: | " + " | ".join("---:" for _ in OFFERED_TIERS)
    return "\n".join([header, rule + " | --- |", *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", nargs="+", choices=list(KINDS), default=list(KINDS))
    parser.add_argument("--jobs", type=int, default=1, help="projects trained at once")
    parser.add_argument("--readme", action="store_true", help="write the table there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ml100-tiers-") as scratch:
        work = Path(scratch)
        template = snapshot(Path(__file__).resolve().parents[1], work / "template")
        runs = [
            (kind, dataset, tier)
            for kind in args.kinds
            for dataset in datasets_of(kind)
            for tier in OFFERED_TIERS
        ]
        with ThreadPoolExecutor(args.jobs) as pool:
            scores = list(pool.map(lambda run: train(template, work, *run), runs))
    by_dataset: dict[tuple[str, str], dict[str, Score]] = {}
    for score in scores:
        by_dataset.setdefault((score.kind, score.dataset), {})[score.tier] = score
    text = table([row(tiers) for tiers in by_dataset.values()])
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "tiers.json").write_text(json.dumps([vars(s) for s in scores], indent=1))
    if args.readme:
        write_readme(text, README_START, README_END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
