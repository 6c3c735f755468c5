"""Old projects of every kind and tier move to this release with the learner's edits.

A project made from LAYOUT (the last commit before the engine was rearranged into
kinds as plug-ins), with the learner's own lines in each of their Python files and in
configs/default.yaml, is updated to this working tree: no conflict, the edits kept,
and every other file exactly what a fresh copy of this release holds, so the updated
project is the fresh one (whose generated suite runs in test_generated.py) plus the
learner's lines. An engine file the release moved or dropped is gone from it too.
"""

import itertools
from pathlib import Path

import pytest

from harness import OFFERED_TIERS
from ml100_jinja.catalogue import KINDS
from template_repo import (
    VERSION,
    TemplateRepo,
    commit_all,
    later,
    leftovers,
    tree,
    update,
)

# The template with kinds, before their engine became plug-ins: plain folder names,
# the catalogue, and releases recorded in _ladder/RELEASE.
LAYOUT = "5f22c88"
NEXT = later(VERSION)
LEARNER_FILES = ("model.py", "features.py", "candidates.py", "network.py")
MY_PYTHON = (
    '\n\ndef my_helper() -> str:\n    """Mine, kept by updates."""\n    return "mine"\n'
)
MY_CONFIG = "\n# My note: kept by updates.\n"
# What an update leaves as the learner had it: their draft and their raw data.
NOT_UPDATED = ("blog/", "data/raw/")


@pytest.fixture(scope="module")
def layout(tmp_path_factory) -> TemplateRepo:
    folder = tmp_path_factory.mktemp("layout") / "ml100"
    return TemplateRepo.from_commit(folder, LAYOUT, VERSION, NEXT)


def add_my_lines(project: Path) -> dict[str, str]:
    """The learner's lines at the end of each of their files; committed. Returns
    what each file gained, by its path in the project."""
    package = next(path for path in (project / "src").iterdir() if path.is_dir())
    added = {}
    for name in LEARNER_FILES:
        if (package / name).is_file():
            added[(package / name).relative_to(project).as_posix()] = MY_PYTHON
    added["configs/default.yaml"] = MY_CONFIG
    for relative, lines in added.items():
        path = project / relative
        path.write_text(path.read_text(encoding="utf-8") + lines, encoding="utf-8")
    commit_all(project, "My lines")
    return added


@pytest.mark.slow
@pytest.mark.parametrize("kind, tier", list(itertools.product(KINDS, OFFERED_TIERS)))
def test_a_project_of_the_old_layout_updates_with_its_edits(
    layout, kind, tier, tmp_path
):
    answers = {"kind": kind, "tier": tier}
    project = layout.copy(tmp_path / "project", VERSION, **answers)
    added = add_my_lines(project)

    update(project)

    assert leftovers(project) == []
    fresh = tree(layout.copy(tmp_path / "fresh", NEXT, **answers))
    updated = tree(project)
    for relative, lines in added.items():
        assert updated[relative].decode() == fresh[relative].decode() + lines, relative
    kept = {
        relative: content
        for relative, content in updated.items()
        if relative not in added and not relative.startswith(NOT_UPDATED)
    }
    expected = {
        relative: content
        for relative, content in fresh.items()
        if relative not in added and not relative.startswith(NOT_UPDATED)
    }
    assert sorted(kept) == sorted(expected)
    changed = [path for path in kept if kept[path] != expected[path]]
    assert changed == []
