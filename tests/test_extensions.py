"""Unit tests of the Jinja filters, the catalogue and the context hook in
extensions/ml100_jinja/."""

import json
import subprocess
import tomllib

import pytest
import yaml

from ml100_jinja import catalogue, data_inspection, escaping, extension, validators

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
    "\ufffe\uffff non-characters, \u2028 separator, \x85 next line",
    "  spaces around  ",
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
    assert validators.slugify(text) == slug
    assert validators.is_slug(slug) or slug == ""


@pytest.mark.parametrize(
    ("text", "length", "slug"),
    [
        ("one two three", 9, "one-two"),
        ("one two three", 7, "one-two"),
        ("one two three", 6, "one"),
        ("abcdefgh ij", 4, "abcd"),
        ("short", 40, "short"),
    ],
)
def test_slugify_keeps_whole_words_within_max_length(text, length, slug) -> None:
    assert validators.slugify(text, max_length=length) == slug


def test_slug_problem_names_the_rule() -> None:
    assert validators.slug_problem("001-iris") == ""
    assert "lowercase letters and digits" in validators.slug_problem("001_Iris")
    longest = "0" * validators.MAX_SLUG_LENGTH
    assert validators.slug_problem(longest) == ""
    assert "at most 60 characters, got 61" in validators.slug_problem(longest + "1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iris classification", "iris_classification"),
        ("3D shapes", "project_3d_shapes"),
        ("Random", "random_project"),
        ("sklearn", "sklearn_project"),
        ("class", "class_project"),
        ("🐱", "project"),
        ("packaging", "packaging_project"),
        ("A " * 40, "a_a_a_a_a_a_a_a_a_a_a"),
        ("1 " + "word " * 20, "project_1_word_word_word_word"),
        ("x" * 50, "x" * 22),
    ],
)
def test_to_identifier_always_gives_a_valid_package(text: str, name: str) -> None:
    assert validators.to_identifier(text) == name
    assert validators.identifier_problem(name) == ""


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
        ("a" * 30, ""),
        ("a" * 31, "longer than 30 characters"),
        ("packaging", "shadow the dependency 'packaging'"),
        ("pluggy", "shadow the dependency 'pluggy'"),
    ],
)
def test_identifier_problem_names_the_rule(name: str, problem: str) -> None:
    found = validators.identifier_problem(name)
    assert (problem in found) if problem else found == ""


@pytest.mark.parametrize("text", NASTY)
def test_toml_str_round_trips(text: str) -> None:
    assert tomllib.loads(f"value = {escaping.toml_str(text)}")["value"] == text


@pytest.mark.parametrize("text", NASTY)
def test_yaml_str_round_trips(text: str) -> None:
    assert yaml.safe_load(f"value: {escaping.yaml_str(text)}")["value"] == text


@pytest.mark.parametrize("text", NASTY)
def test_py_str_round_trips(text: str) -> None:
    namespace: dict = {}
    exec(f"value = {escaping.py_str(text)}", namespace)
    assert namespace["value"] == text


@pytest.mark.parametrize("text", NASTY)
def test_json_str_round_trips(text: str) -> None:
    assert json.loads(escaping.json_str(text)) == text


def test_py_str_prefers_double_quotes_like_ruff() -> None:
    assert escaping.py_str("it's") == '"it\'s"'
    assert escaping.py_str('say "hi"') == "'say \"hi\"'"


def test_md_text_shows_markup_as_typed() -> None:
    assert escaping.md_text("<b>#1</b> *x*") == "\\<b\\>\\#1\\</b\\> \\*x\\*"
    assert escaping.md_text("two\nlines") == "two lines"
    # No entity, and no Liquid tag for Jekyll or DEV to run.
    assert escaping.md_text("&copy; {% if %}") == "\\&copy; \\{\\% if \\%\\}"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("price", "`price`"),
        ("a `b` c", "``a `b` c``"),
        ("`edge`", "`` `edge` ``"),
        ("two\nlines", "`two lines`"),
    ],
)
def test_md_code_holds_any_text(text: str, span: str) -> None:
    assert escaping.md_code(text) == span


def test_md_code_escapes_pipes_in_tables_only() -> None:
    assert escaping.md_code("a|b") == "`a|b`"
    assert escaping.md_code("a|b", table=True) == "`a\\|b`"


@pytest.mark.parametrize(
    ("text", "width"), [("abc", 3), ("日本", 4), ("🐱", 2), ("e\u0301", 1), ("", 0)]
)
def test_line_width_counts_columns(text: str, width: int) -> None:
    assert escaping.line_width(text) == width


def test_text_checks() -> None:
    assert validators.has_control_characters("a\tb")
    assert validators.has_control_characters("a\x00")
    assert not validators.has_control_characters("Zoë 🐱 \u200d")
    assert validators.is_whole_number(" 042 ")
    for wrong in ["", "abc", "4.5", "-3", "1e3"]:
        assert not validators.is_whole_number(wrong)


def test_is_email() -> None:
    assert validators.is_email("ada@example.com")
    for wrong in ["", "ada", "ada@", "ada@example", "a b@example.com", "a\x00@b.co"]:
        assert not validators.is_email(wrong)


def test_default_tier_only_offers_what_exists() -> None:
    for number in (1, 30, 31, 70, 71, 999):
        assert catalogue.default_tier(number) in catalogue.OFFERED_TIERS
    assert catalogue.default_tier(1) == "beginner"
    assert catalogue.default_tier(30) == "beginner"
    assert catalogue.default_tier(31) == "intermediate"
    assert catalogue.default_tier(70) == "intermediate"
    assert catalogue.default_tier(71) == "advanced"


def test_csv_helpers(tmp_path) -> None:
    csv_path = tmp_path / "My Data (v2).csv"
    csv_path.write_text("a,b,target\n1,x,yes\n", encoding="utf-8")
    assert data_inspection.csv_exists(str(csv_path))
    assert data_inspection.csv_columns(str(csv_path)) == ["a", "b", "target"]
    assert data_inspection.csv_file_name(str(csv_path)) == "my-data-v2.csv"
    assert data_inspection.read_text(str(csv_path)).startswith("a,b,target")
    assert not data_inspection.csv_exists(str(tmp_path / "missing.csv"))
    assert data_inspection.csv_columns(str(tmp_path / "missing.csv")) == []
    assert not data_inspection.csv_exists("nul\x00.csv")
    assert data_inspection.csv_file_name("x" * 50 + ".csv") == "x" * 40 + ".csv"


def test_csv_columns_skip_a_byte_order_mark(tmp_path) -> None:
    csv_path = tmp_path / "excel.csv"
    csv_path.write_bytes("\ufefftarget,b\n1,2\n".encode())
    assert data_inspection.csv_columns(str(csv_path)) == ["target", "b"]
    assert data_inspection.csv_problem(str(csv_path)) == ""


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, ""),
        (b"a,b\n1,2\n", ""),
        (b"", "is empty"),
        (b" \n", "is empty"),
        (b"a,b\n", "header row but no data rows"),
        (b"PK\x03\x04\x00\x00", "is not text"),
        ("a,b\ncafé,1\n".encode("latin-1"), "is not UTF-8 text (byte 0xe9 at position"),
    ],
)
def test_csv_problem(tmp_path, content: bytes | None, problem: str) -> None:
    csv_path = tmp_path / "data.csv"
    if content is not None:
        csv_path.write_bytes(content)
    found = data_inspection.csv_problem(str(csv_path))
    assert (problem in found) if problem else found == ""


def test_csv_problem_refuses_folders_and_control_characters(tmp_path) -> None:
    assert "is a folder" in data_inspection.csv_problem(str(tmp_path))
    assert "control characters" in data_inspection.csv_problem("data\n.csv")


def test_git_config_falls_back(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert extension.git_config("user.name", "fallback") == "fallback"
    subprocess.run(["git", "config", "--global", "user.name", "Ada"], check=True)
    assert extension.git_config("user.name", "fallback") == "Ada"


def test_dataset_facts() -> None:
    assert catalogue.dataset_facts("iris", "classification")["classes"] == [
        "setosa",
        "versicolor",
        "virginica",
    ]
    assert catalogue.dataset_facts("diabetes", "regression")["task"] == "regression"
    own = catalogue.dataset_facts("csv", "regression", "price")
    assert (own["builtin"], own["task"], own["target"]) == (
        False,
        "regression",
        "price",
    )


def test_context_hook_derives_number_and_facts() -> None:
    hook = extension.DatasetContext.hook
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
    assert extension.absolute_src_path(answers) == answers


def test_absolute_src_path_anchors_a_relative_path(tmp_path, monkeypatch) -> None:
    (tmp_path / "ml100").mkdir()
    monkeypatch.chdir(tmp_path / "ml100")
    answers = {"_src_path": ".", "tier": "beginner"}
    fixed = extension.absolute_src_path(answers)
    assert fixed == {"_src_path": str(tmp_path / "ml100"), "tier": "beginner"}
    monkeypatch.chdir(tmp_path)
    assert extension.absolute_src_path({"_src_path": "ml100/../ml100"}) == {
        "_src_path": str(tmp_path / "ml100")
    }
    assert answers["_src_path"] == ".", "the answers given are not changed"


@pytest.mark.parametrize(("text", "number"), [(" 042 ", "#042"), ("abc", None)])
def test_context_hook_accepts_any_project_number_text(text, number) -> None:
    # project_number is a str question: its validator renders with any text in it.
    context = {"project_number": text}
    extension.DatasetContext.hook(None, context)
    assert context.get("number") == number


def test_each_kind_is_offered_its_own_datasets_labelled_with_its_task() -> None:
    for kind, facts in catalogue.KINDS.items():
        assert facts["default_dataset"] in facts["datasets"], kind
        choices = json.loads(catalogue.dataset_choices(kind))
        assert list(choices.values()) == facts["datasets"], kind
    clustering = json.loads(catalogue.dataset_choices("clustering"))
    assert "iris (clustering, 150 flowers)" in clustering
    tabular = json.loads(catalogue.dataset_choices("tabular"))
    assert "diabetes (regression, 442 patients)" in tabular


def test_every_dataset_of_the_catalogue_serves_a_kind() -> None:
    offered = {data for kind in catalogue.KINDS.values() for data in kind["datasets"]}
    assert offered == {*catalogue.DATASETS, "csv", "folder"}
    for kind, facts in catalogue.KINDS.items():
        for dataset in facts["datasets"]:
            assert catalogue.dataset_task(dataset, kind) in " or ".join(facts["tasks"])


@pytest.mark.parametrize(
    ("horizon", "problem"),
    [
        ("12", ""),
        (" 24 ", ""),
        (1000, ""),
        ("0", "horizon must be from 1 to 1000 steps, got 0"),
        ("1001", "horizon must be from 1 to 1000 steps, got 1001"),
        ("1.5", "horizon must be a whole number of time steps, got '1.5'"),
        ("", "horizon must be a whole number of time steps, got ''"),
    ],
)
def test_horizon_problem_takes_a_whole_number_of_steps(horizon, problem) -> None:
    assert validators.horizon_problem(horizon) == problem


def test_every_forecasting_dataset_has_a_horizon_and_a_target() -> None:
    for dataset in catalogue.KINDS["timeseries"]["datasets"]:
        if dataset != "csv":
            facts = catalogue.DATASETS[dataset]
            assert facts["task"] == "forecasting" and facts["target"], dataset
            assert validators.horizon_problem(facts["horizon"]) == "", dataset


def test_images_problem_explains_what_a_folder_of_images_lacks(tmp_path) -> None:
    photos = tmp_path / "photos"
    problem = data_inspection.images_problem
    assert problem(str(photos)) == ""  # not there yet: copied in later
    (photos / "cats").mkdir(parents=True)
    (photos / "cats" / "tom.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert "has 1 class folder(s)" in problem(str(photos))
    (photos / "dogs").mkdir()
    (photos / "dogs" / ".DS_Store").write_text("hidden")
    assert problem(str(photos)) == (
        f"{photos / 'dogs'} holds no images: add some, or remove the folder"
    )
    (photos / "dogs" / "rex.JPG").write_bytes(b"")
    assert problem(str(photos)).startswith(
        f"{photos / 'dogs' / 'rex.JPG'} is not an image Pillow can read"
    )
    (photos / "dogs" / "rex.JPG").write_bytes(b"\xff\xd8\xff\xe0")
    assert problem(str(photos)) == ""
    (photos / "dogs" / "notes.txt").write_text("no pictures")
    suffixes = ", ".join(data_inspection.IMAGE_SUFFIXES)
    assert problem(str(photos)) == (
        f"{photos / 'dogs' / 'notes.txt'} is not an image (expected one of "
        f"{suffixes}): move it out of the folder"
    )
    assert "is a file" in problem(str(photos / "cats" / "tom.png"))
    assert "control characters" in data_inspection.images_problem("photos\n")


def test_images_folder_name_is_a_short_slug() -> None:
    assert data_inspection.images_folder_name("~/My Photos (2024)/") == "my-photos-2024"
    assert data_inspection.images_folder_name("/") == "images"
