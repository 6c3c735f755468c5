"""Each tier x dataset kind trains: its tests pass and `make all` explores the data and
fills the draft."""

import json
import re
import sys

import pytest
import yaml

from harness import (
    CLUSTERING_VARIANTS,
    DATA_CHOICES,
    OFFERED_TIERS,
    SERIES_CHOICES,
    VARIANTS,
)

# The bar each built-in dataset's default model clears on its test split.
MINIMUM_SCORES = {
    "iris": 0.9,
    "wine": 0.9,
    "breast_cancer": 0.9,
    "digits": 0.9,
    "diabetes": 0.3,
}
# The bar of each problem kind's variants (their data is the tests' own).
KIND_MINIMUM_SCORES = {"text": 0.8}
# Variants whose `make all` trains the network for the epochs the configs give, and the
# bar they clear: the advanced tier's CNN on digits is the one trained in full.
FULL_RUNS = {"advanced-digits": 0.97, "advanced-images": 0.97}
# The generated suites run for the datasets below at each tier (every dataset at the
# beginner tier, where a suite takes seconds), each tier's for a built-in
# classification set, a regression set and a CSV; `make all` runs for the default
# project (iris) at every tier and for each tier x dataset whose suite does not run:
# each tier x dataset is run one way or the other, never both.
SUITE_KINDS = {
    "beginner": DATA_CHOICES,
    "intermediate": ["iris", "diabetes", "csv-classification"],
    "advanced": ["iris", "diabetes", "csv-regression"],
}
TABULAR_MAKE_ALL = [
    f"{tier}-{data}"
    for tier in OFFERED_TIERS
    for data in DATA_CHOICES
    if data == "iris" or data not in SUITE_KINDS[tier]
]
# The images kind: each tier's suite once, for the digits at the beginner tier and a
# folder of images at the next (the generated tests make a folder of their own too);
# `make all` for the other pairing, so those tiers meet both.
# The advanced tier trains its network in full on the digits (the generated tests train
# it on a made folder too).
IMAGE_SUITES = {
    "beginner": "images",
    "intermediate": "images-folder",
    "advanced": "images",
}
IMAGE_MAKE_ALL = {
    "beginner": "images-folder",
    "intermediate": "images",
    "advanced": "images",
}
# The clustering kind: its suite and `make all` run for each of its variants. On iris
# (labels hidden) every tier's clusters agree with the species this well (adjusted
# Rand index) and beat random assignment by this margin.
CLUSTERING_MINIMUM = {"iris": 0.5}
CLUSTERING_MARGIN = 0.3
# The time-series kind: at each tier, `make all` on a built-in series and on a CSV, and
# the generated suite once, on the series `make all` does not run.
SERIES_MAKE_ALL = [
    f"{tier}-{data}" for tier in OFFERED_TIERS for data in ("co2", "csv-series")
]
SERIES_SUITES = [f"{tier}-sunspots" for tier in OFFERED_TIERS]
assert set(SERIES_CHOICES) == {"co2", "csv-series", "sunspots"}
# Metrics where lower is better (errors); the others are scores, higher is better.
LOWER_IS_BETTER = {"mase"}
# Generated tests marked slow (the advanced tier's 2-process DDP run and two-worker
# search) run for these variants only; the others run their suites with -m "not slow".
SLOW_SUITES = {"advanced-iris"}
# The trained model each tier saves.
MODEL_FILES = {"advanced": "models/model.ckpt"}

# What shrinks a tier's `make all` outside FULL_RUNS, as command-line overrides: a small
# search (test_intermediate.py runs the default one once), fewer epochs than the
# configs allow (still enough to clear MINIMUM_SCORES).
SMALL_SEARCH = "--search.n_trials=4 --search.folds=3"
MAKE_ARGS = {
    "intermediate": [f"TRAIN_ARGS={SMALL_SEARCH}"],
    "advanced": [f"TRAIN_ARGS={SMALL_SEARCH} --trainer.max_epochs=30"],
}
# A clustering search fits each trial with several seeds instead of folds.
SMALL_CLUSTER_SEARCH = "--search.n_trials=6 --search.seeds=2"
CLUSTERING_MAKE_ARGS = {
    "intermediate": [f"TRAIN_ARGS={SMALL_CLUSTER_SEARCH}"],
    "advanced": [f"TRAIN_ARGS={SMALL_CLUSTER_SEARCH} --trainer.max_epochs=40"],
}
# FULL_RUNS train the network in full, beside a small search all the same.
FULL_RUN_ARGS = [f"TRAIN_ARGS={SMALL_SEARCH}"]
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")

pytestmark = pytest.mark.slow


def variant_project(name: str, rendered, copy_of, tmp_path):
    # A private copy: running the project writes models/ and reports/ into it.
    shared = rendered(name, **VARIANTS[name])
    project = copy_of(shared, tmp_path / "p")
    project.variant = name
    return project


@pytest.fixture(
    params=TABULAR_MAKE_ALL
    + [f"{tier}-{IMAGE_MAKE_ALL[tier]}" for tier in OFFERED_TIERS]
    + [f"{tier}-text" for tier in OFFERED_TIERS]
    + sorted(CLUSTERING_VARIANTS)
    + SERIES_MAKE_ALL
)
def project(request, rendered, copy_of, tmp_path):
    return variant_project(request.param, rendered, copy_of, tmp_path)


@pytest.mark.parametrize(
    "name",
    [f"{tier}-{kind}" for tier in OFFERED_TIERS for kind in SUITE_KINDS[tier]]
    + [f"{tier}-{IMAGE_SUITES[tier]}" for tier in OFFERED_TIERS]
    + [f"{tier}-text" for tier in OFFERED_TIERS]
    # The text kind's default data once, read from the cache its tests make.
    + ["beginner-newsgroups"]
    + SERIES_SUITES
    # Each tier's clustering suite once, on iris; the CSV runs `make all` only.
    + [f"{tier}-clustering" for tier in OFFERED_TIERS],
)
def test_generated_suite_passes(name, rendered, copy_of, tmp_path) -> None:
    project = variant_project(name, rendered, copy_of, tmp_path)
    options = [] if project.variant in SLOW_SUITES else ["-m", "not slow"]
    project.run_suite(*options)


def test_make_all_beats_the_baseline_and_fills_the_draft(project) -> None:
    answers = yaml.safe_load(project.read(".copier-answers.yml"))
    command = ["make", "all", f"PYTHON={sys.executable}"]
    clustering = answers["kind"] == "clustering"
    if project.variant in FULL_RUNS:
        command += FULL_RUN_ARGS
    elif clustering:
        command += CLUSTERING_MAKE_ARGS.get(answers["tier"], [])
    else:
        command += MAKE_ARGS.get(answers["tier"], [])
    result = project.run(*command)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    metrics = json.loads(project.read("reports/metrics.json"))
    primary = metrics["primary_metric"]
    model, baseline = metrics["model"][primary], metrics["baseline"][primary]
    assert model < baseline if primary in LOWER_IS_BETTER else model > baseline
    if primary == "mase" and answers["dataset"] != "csv":
        assert model < 1  # a built-in series: better than the naive rule in training
    if clustering:
        assert model >= baseline + CLUSTERING_MARGIN
        if answers["dataset"] in CLUSTERING_MINIMUM:
            assert model >= CLUSTERING_MINIMUM[answers["dataset"]]
        assert "clusters.png" in " ".join(metrics["figures"])
    elif answers["dataset"] in MINIMUM_SCORES:
        assert model >= MINIMUM_SCORES[answers["dataset"]]
    if answers["kind"] in KIND_MINIMUM_SCORES:
        assert model >= KIND_MINIMUM_SCORES[answers["kind"]]
    if project.variant in FULL_RUNS:
        assert model >= FULL_RUNS[project.variant]
    for figure in metrics["figures"]:
        assert (project.path / "reports" / figure).stat().st_size > 1000
    model_file = MODEL_FILES.get(answers["tier"], "models/model.skops")
    assert (project.path / model_file).stat().st_size > 0

    draft = f"blog/{answers['project_slug']}.md"
    assert_explored(project, draft)
    documents = [draft, "README.md"]
    if project.has_file("MODEL_CARD.md"):
        documents.append("MODEL_CARD.md")
    for document in documents:
        text = project.read(document)
        block = text[
            text.index("<!-- results:start -->") : text.index("<!-- results:end -->")
        ]
        assert f"{model:.3f}" in block
        assert f"{baseline:.3f}" in block
        links = IMAGE_LINK.findall(block)
        assert links, f"no figures in the results block of {document}"
        for link in links:
            assert (project.path / document).parent.joinpath(link).is_file(), link


def assert_explored(project, draft: str) -> None:
    """`make all` ran the notebook in a kernel, kept its run, filled the data block."""
    data = json.loads(project.read("reports/data.json"))
    assert len(data["figures"]) >= 2
    run = json.loads(project.read("reports/01-explore.ipynb"))
    shown = [
        output
        for cell in run["cells"]
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(shown) == len(data["figures"])
    for figure in data["figures"]:
        assert (project.path / "reports" / figure).stat().st_size > 1000

    text = project.read(draft)
    block = text[text.index("<!-- data:start -->") : text.index("<!-- data:end -->")]
    assert f"| rows | {data['rows']} |" in block
    links = IMAGE_LINK.findall(block)
    assert len(links) == len(data["figures"])
    for link in links:
        assert (project.path / draft).parent.joinpath(link).is_file(), link
