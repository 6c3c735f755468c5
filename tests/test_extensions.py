"""Unit tests of the Jinja filters and the context hook in extensions/ml100.py."""

import json
import subprocess
import tomllib

import pytest
import yaml

import ml100

NASTY = [
    "plain",
    'Dogs "vs" Cats',
    "it's",
    "back\\slash",
    "{{ jinja }} {% if %}",
    "<script>alert(1)</script>",
    "# not a comment: colon",
    "tab\there\nnewline",
    "日本語 and emoji 🐱",
    "",
    "\x7f\x00 controls",
]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Iris classification", "iris-classification"),
        ("Café au lait!", "cafe-au-lait"),
        ("  Many   spaces -- and dashes ", "many-spaces-and-dashes"),
        ("日本 🐱", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert ml100.slugify(text) == slug
    assert ml100.is_slug(slug) or slug == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iris classification", "iris_classification"),
        ("3D shapes", "project_3d_shapes"),
        ("Random", "random_project"),
        ("sklearn", "sklearn_project"),
        ("class", "class_project"),
        ("🐱", "project"),
    ],
)
def test_to_identifier_always_gives_a_valid_package(text: str, name: str) -> None:
    assert ml100.to_identifier(text) == name
    assert ml100.identifier_problem(name) == ""


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("iris", ""),
        ("my-pkg", "not a Python identifier"),
        ("Iris", "has capitals"),
        ("lambda", "keyword"),
        ("match", "keyword"),
        ("json", "standard library module 'json'"),
        ("torch", "shadow the dependency 'torch'"),
        ("café", "not a Python identifier"),
    ],
)
def test_identifier_problem_names_the_rule(name: str, problem: str) -> None:
    found = ml100.identifier_problem(name)
    assert (problem in found) if problem else found == ""


@pytest.mark.parametrize("text", NASTY)
def test_toml_str_round_trips(text: str) -> None:
    assert tomllib.loads(f"value = {ml100.toml_str(text)}")["value"] == text


@pytest.mark.parametrize("text", NASTY)
def test_yaml_str_round_trips(text: str) -> None:
    assert yaml.safe_load(f"value: {ml100.yaml_str(text)}")["value"] == text


@pytest.mark.parametrize("text", NASTY)
def test_py_str_round_trips(text: str) -> None:
    namespace: dict = {}
    exec(f"value = {ml100.py_str(text)}", namespace)
    assert namespace["value"] == text


@pytest.mark.parametrize("text", NASTY)
def test_json_str_round_trips(text: str) -> None:
    assert json.loads(ml100.json_str(text)) == text


def test_py_str_prefers_double_quotes_like_ruff() -> None:
    assert ml100.py_str("it's") == '"it\'s"'
    assert ml100.py_str('say "hi"') == "'say \"hi\"'"


def test_md_text_shows_markup_as_typed() -> None:
    assert ml100.md_text("<b>#1</b> *x*") == "\\<b\\>\\#1\\</b\\> \\*x\\*"
    assert ml100.md_text("two\nlines") == "two lines"


def test_is_email() -> None:
    assert ml100.is_email("ada@example.com")
    for wrong in ["", "ada", "ada@", "ada@example", "a b@example.com"]:
        assert not ml100.is_email(wrong)


def test_default_tier_only_offers_what_exists() -> None:
    for number in (1, 30, 31, 70, 71, 999):
        assert ml100.default_tier(number) in ml100.OFFERED_TIERS
    assert ml100.default_tier(1) == "beginner"
    assert ml100.default_tier(30) == "beginner"
    assert ml100.default_tier(31) == "intermediate"
    assert ml100.default_tier(70) == "intermediate"
    assert ml100.default_tier(71) == "advanced"


def test_csv_helpers(tmp_path) -> None:
    csv_path = tmp_path / "My Data (v2).csv"
    csv_path.write_text("a,b,target\n1,x,yes\n", encoding="utf-8")
    assert ml100.csv_exists(str(csv_path))
    assert ml100.csv_columns(str(csv_path)) == ["a", "b", "target"]
    assert ml100.csv_file_name(str(csv_path)) == "my-data-v2.csv"
    assert ml100.read_text(str(csv_path)).startswith("a,b,target")
    assert not ml100.csv_exists(str(tmp_path / "missing.csv"))
    assert ml100.csv_columns(str(tmp_path / "missing.csv")) == []


def test_git_config_falls_back(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert ml100.git_config("user.name", "fallback") == "fallback"
    subprocess.run(["git", "config", "--global", "user.name", "Ada"], check=True)
    assert ml100.git_config("user.name", "fallback") == "Ada"


def test_dataset_facts() -> None:
    assert ml100.dataset_facts("iris", "classification")["classes"] == [
        "setosa",
        "versicolor",
        "virginica",
    ]
    assert ml100.dataset_facts("diabetes", "regression")["task"] == "regression"
    own = ml100.dataset_facts("csv", "regression", "price")
    assert (own["builtin"], own["task"], own["target"]) == (
        False,
        "regression",
        "price",
    )


def test_context_hook_derives_number_and_facts() -> None:
    hook = ml100.DatasetContext.hook
    context = {"dataset": "wine", "task": "classification", "project_number": 7}
    hook(None, context)
    assert context["number"] == "#007"
    assert context["facts"]["target"] == "cultivar"
    assert context["is_classification"] is True


@pytest.mark.parametrize(
    "source",
    [
        "https://github.com/someone/ml100.git",
        "git@github.com:someone/ml100.git",
        "gh:someone/ml100",
        "~/ml100",
        "/already/absolute",
        "no-such-folder",
    ],
)
def test_absolute_src_path_keeps_urls_and_absolute_paths(source, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = {"_commit": "0.1.0", "_src_path": source, "tier": "beginner"}
    assert ml100.absolute_src_path(answers) == answers


def test_absolute_src_path_anchors_a_relative_path(tmp_path, monkeypatch) -> None:
    (tmp_path / "ml100").mkdir()
    monkeypatch.chdir(tmp_path / "ml100")
    answers = {"_src_path": ".", "tier": "beginner"}
    fixed = ml100.absolute_src_path(answers)
    assert fixed == {"_src_path": str(tmp_path / "ml100"), "tier": "beginner"}
    monkeypatch.chdir(tmp_path)
    assert ml100.absolute_src_path({"_src_path": "ml100/../ml100"}) == {
        "_src_path": str(tmp_path / "ml100")
    }
    assert answers["_src_path"] == ".", "the answers given are not changed"
