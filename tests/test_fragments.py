"""The fragments of configs/default.yaml, README.md and MODEL_CARD.md: one per kind.

Those three files are skeletons that include what differs by kind from
template/fragments/<part>/<kind>.* (extensions/ml100_jinja/fragments.py). Rendering
a kind that lacks a fragment fails, but only for that kind; these tests hold every
kind of the catalogue to the whole set at once, without rendering: each part the
skeletons name has one file per kind and no other, each kind's README and model card
file defines every macro the skeletons call, and each kind's config file fills only
blocks its tier's layout has (Jinja ignores a block it has no place for). The rendered
files themselves are checked in test_render.py.
"""

import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from harness import REPO_ROOT
from ml100_jinja.catalogue import KINDS
from ml100_jinja.fragments import FRAGMENTS, fragment

TEMPLATE = REPO_ROOT / "template"
SKELETONS = [
    TEMPLATE / "configs/default.yaml.jinja",
    TEMPLATE / "README.md.jinja",
    TEMPLATE / "MODEL_CARD.md.jinja",
]
# What else includes a kind's parts: the tiers' sections of the README.
INCLUDERS = [*SKELETONS, *sorted((FRAGMENTS / "readme/tiers").glob("*.jinja"))]
ENV = Environment()


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def parts_named() -> list[str]:
    """Every part the skeletons pick a kind's file from: `fragment("<part>", kind)`."""
    found = re.findall(r'fragment\("([^"]+)", kind\)', "".join(map(source, SKELETONS)))
    return sorted(set(found))


def macros(path: Path) -> set[str]:
    return {macro.name for macro in ENV.parse(source(path)).find_all(nodes.Macro)}


def blocks(path: Path) -> set[str]:
    return {block.name for block in ENV.parse(source(path)).find_all(nodes.Block)}


def test_the_skeletons_name_the_parts():
    """Guards the tests below against a skeleton rewritten so the pattern misses."""
    assert parts_named() == [
        "configs/advanced",
        "configs/beginner",
        "configs/intermediate",
        "model_card",
        "readme",
    ]


@pytest.mark.parametrize("part", parts_named())
def test_each_part_has_one_file_per_kind_and_no_other(part):
    folder = FRAGMENTS / part
    for kind in KINDS:
        assert (REPO_ROOT / fragment(part, kind)).is_file()
    stems = {path.name.split(".")[0] for path in folder.iterdir() if path.is_file()}
    assert stems == set(KINDS), f"template/fragments/{part}/ holds {sorted(stems)}"


@pytest.mark.parametrize("part", ["readme", "model_card"])
def test_every_kind_defines_the_macros_the_skeletons_call(part):
    called = set()
    for path in INCLUDERS:
        text = source(path)
        if f'fragment("{part}", kind) as this_kind' in text or path.parent == (
            FRAGMENTS / part / "tiers"
        ):
            called |= set(re.findall(r"this_kind\.(\w+)\(", text))
    assert called
    for kind in KINDS:
        defined = macros(REPO_ROOT / fragment(part, kind))
        assert defined == called, (
            f"{kind}: lacks {called - defined}, has {defined - called}"
        )


@pytest.mark.parametrize("tier", ["intermediate", "advanced"])
def test_a_kinds_config_fills_only_blocks_of_its_tiers_layout(tier):
    layout = FRAGMENTS / f"configs/{tier}.yaml.jinja"
    extends = f'{{% extends "{layout.relative_to(REPO_ROOT).as_posix()}" %}}'
    for kind in KINDS:
        path = REPO_ROOT / fragment(f"configs/{tier}", kind)
        if extends in source(path):
            assert blocks(path) <= blocks(layout), kind
        else:  # a kind whose sections share nothing with the layout writes them whole
            assert not blocks(path), kind


def test_each_kinds_first_try_is_an_experiment_it_gets():
    """The config and README offer `--config configs/experiments/<first_try>.yaml`."""
    for kind, facts in KINDS.items():
        experiment = facts["first_try"]["experiment"]
        assert f"configs/experiments/{experiment}.yaml" in facts["paths"], kind
        assert list((TEMPLATE / "configs/experiments").glob(f"{experiment}.yaml*"))
        assert facts["first_try"]["override"].startswith("--features."), kind


def test_a_missing_fragment_is_named():
    with pytest.raises(
        FileNotFoundError, match=re.escape("template/fragments/readme/")
    ):
        fragment("readme", "no_such_kind")
