"""Each tier x dataset kind trains: its tests pass and `make all` fills the draft."""

import json
import re
import sys

import pytest
import yaml

from harness import DATASET_KINDS, OFFERED_TIERS, VARIANTS

# The bar each built-in dataset's default model clears on its test split.
MINIMUM_SCORES = {
    "iris": 0.9,
    "wine": 0.9,
    "breast_cancer": 0.9,
    "digits": 0.9,
    "diabetes": 0.3,
}

# `make all` with the small experiment the generated tests run, for the tiers that
# search; test_intermediate.py runs the default experiment once.
MAKE_ARGS = {"intermediate": ["CONFIG=tests/fast.toml"]}
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")

pytestmark = pytest.mark.slow


@pytest.fixture(
    params=[f"{tier}-{kind}" for tier in OFFERED_TIERS for kind in DATASET_KINDS]
)
def project(request, rendered, copy_of, tmp_path):
    # A private copy: running the project writes models/ and reports/ into it.
    return copy_of(rendered(request.param, **VARIANTS[request.param]), tmp_path / "p")


def test_generated_suite_passes(project) -> None:
    result = project.run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout


def test_make_all_beats_the_baseline_and_fills_the_draft(project) -> None:
    tier = yaml.safe_load(project.read(".copier-answers.yml"))["tier"]
    result = project.run(
        "make", "all", f"PYTHON={sys.executable}", *MAKE_ARGS.get(tier, [])
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    metrics = json.loads(project.read("reports/metrics.json"))
    primary = metrics["primary_metric"]
    model, baseline = metrics["model"][primary], metrics["baseline"][primary]
    assert model > baseline
    dataset = yaml.safe_load(project.read(".copier-answers.yml"))["dataset"]
    if dataset in MINIMUM_SCORES:
        assert model >= MINIMUM_SCORES[dataset]
    for figure in metrics["figures"]:
        assert (project.path / "reports" / figure).stat().st_size > 1000
    assert (project.path / "models" / "model.skops").stat().st_size > 0

    slug = yaml.safe_load(project.read(".copier-answers.yml"))["project_slug"]
    for document in [f"blog/{slug}.md", "README.md"]:
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
