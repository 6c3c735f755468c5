"""Which files a project gets: plain template paths, chosen by the catalogue's table.

catalogue.yml lists the paths each tier and kind brings; copier.yml's `_exclude` leaves
out the others through `excluded_paths`. The rendered projects are checked in
test_render.py; these tests keep the table itself true to the template's files.
"""

import itertools
import re
from pathlib import Path

import pytest
from pathspec import PathSpec

from harness import REPO_ROOT
from ml100_jinja.catalogue import KINDS, TIERS, excluded_paths, learner_file

TEMPLATE = REPO_ROOT / "template"
LEARNER = TEMPLATE / "learner"
FRAGMENTS = TEMPLATE / "fragments"
LEARNER_FILES = ("model.py", "features.py", "candidates.py", "network.py")


def project_paths() -> list[str]:
    """Every file the template can render, by the name it gets in a project (with
    `{{ package_name }}` as one path part, which `src/*/` matches). The learner's
    files and the fragments are only ever included (copier.yml excludes them)."""
    return sorted(
        path.relative_to(TEMPLATE).as_posix().removesuffix(".jinja")
        for path in TEMPLATE.rglob("*")
        if path.is_file() and not {LEARNER, FRAGMENTS} & set(path.parents)
    )


def excluded_from(kind: str, tier: str) -> PathSpec:
    return PathSpec.from_lines("gitignore", excluded_paths(kind, tier).splitlines())


def test_only_the_learners_csv_has_a_condition_in_its_path():
    conditional = [
        path.relative_to(TEMPLATE).as_posix()
        for path in TEMPLATE.rglob("*")
        if "{%" in path.name
    ]
    assert conditional == [
        'data/raw/{% if dataset == "csv" and csv_path | csv_exists %}'
        "{{ csv_path | csv_file_name }}{% endif %}.jinja"
    ]


@pytest.mark.parametrize(
    "owner, pattern",
    [
        (owner, pattern)
        for owner, facts in itertools.chain(TIERS.items(), KINDS.items())
        for pattern in facts.get("paths", [])
    ],
)
def test_every_pattern_of_the_table_names_template_files(owner, pattern):
    """A pattern that matches nothing is a file renamed without its table entry."""
    spec = PathSpec.from_lines("gitignore", [f"/{pattern.rstrip('/')}"])
    assert list(spec.match_files(project_paths())), f"{owner}: {pattern}"


def test_every_template_file_reaches_some_project():
    reached = set()
    for kind, tier in itertools.product(KINDS, TIERS):
        excluded = excluded_from(kind, tier)
        reached |= {path for path in project_paths() if not excluded.match_file(path)}
    assert set(project_paths()) - reached == set()


def test_a_kind_gets_no_other_kinds_engine_and_no_higher_tier():
    """The table, read as the ladder: the engine's folders are named after their kind
    and their tier, and a project has its own kind's and its tiers' up to its own."""
    tiers = list(TIERS)
    engine = [path for path in project_paths() if "/_ladder/" in path]
    for kind, tier in itertools.product(KINDS, TIERS):
        excluded = excluded_from(kind, tier)
        others = (set(KINDS) - {kind}) | set(tiers[tiers.index(tier) + 1 :])
        for path in engine:
            folders = set(path.split("/_ladder/")[1].split("/")[:-1])
            assert excluded.match_file(path) == bool(folders & others), (
                kind,
                tier,
                path,
            )


def test_the_learners_files_come_from_their_kind():
    for kind, name in itertools.product(KINDS, LEARNER_FILES):
        source = Path(learner_file(kind, name))
        assert (REPO_ROOT / source).is_file()
        assert source.parts[:2] == ("template", "learner")
        assert source.name.removesuffix(".jinja") == name
    # No kind's folder holds a file no project includes.
    included = {
        learner_file(kind, name)
        for kind, name in itertools.product(KINDS, LEARNER_FILES)
    }
    on_disk = {
        path.relative_to(REPO_ROOT).as_posix()
        for path in LEARNER.rglob("*")
        if path.is_file()
    }
    assert on_disk == included


def test_a_missing_learner_file_is_named():
    with pytest.raises(FileNotFoundError, match=re.escape("template/learner/text/")):
        learner_file("text", "no_such_file.py")
