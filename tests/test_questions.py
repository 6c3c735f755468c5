"""Each question refuses a wrong answer with a message naming it, and writes nothing."""

import pytest
import yaml

from harness import render

BAD_ANSWERS = [
    ({"project_number": 0}, "project_number must be between 1 and 999"),
    ({"project_number": 1000}, "project_number must be between 1 and 999"),
    ({"tier": "expert"}, "'tier': 'expert' is not in"),
    ({"dataset": "mnist"}, "'dataset': 'mnist' is not in"),
    # Another kind's dataset: the refusal names the ones this kind offers.
    (
        {"kind": "text", "dataset": "iris"},
        "'dataset': 'iris' is not in ['newsgroups', 'csv']",
    ),
    (
        {"kind": "timeseries", "dataset": "digits"},
        "'digits' is not in ['co2', 'sunspots', 'csv']",
    ),
    # No default, so that the prompt shows an empty path: Copier names the question.
    ({"dataset": "csv"}, 'Question "csv_path" is required'),
    ({"dataset": "csv", "csv_path": " "}, "csv_path is required when dataset is csv"),
    ({"dataset": "csv", "csv_path": "data.xlsx"}, "csv_path must name a .csv file"),
    (
        {"dataset": "csv", "csv_path": "gone.csv", "target_column": " "},
        "target_column is required",
    ),
    ({"project_title": "   "}, "project_title must not be empty"),
    ({"project_slug": "My Project"}, "project_slug must be lowercase letters"),
    ({"project_slug": "a--b"}, "project_slug must be lowercase letters"),
    ({"package_name": "my-project"}, "package_name: 'my-project' is not a Python"),
    ({"package_name": "import"}, "package_name: 'import' is a Python keyword"),
    ({"package_name": "random"}, "shadow the standard library module 'random'"),
    ({"package_name": "sklearn"}, "shadow the dependency 'sklearn'"),
    ({"author_name": ""}, "author_name must not be empty"),
    ({"author_email": "ada.example.com"}, "author_email must look like"),
    ({"blog_platform": "wordpress"}, "'blog_platform': 'wordpress' is not in"),
    ({"repository_url": "github.com/ada/x"}, "repository_url must be an https address"),
    ({"repository_url": "http://github.com/ada/x"}, "repository_url must be an https"),
    ({"repository_url": "https://github.com/ada/x/"}, "no spaces, query or trailing"),
    ({"license": "GPL"}, "'license': 'GPL' is not in"),
    ({"python_version": "3.9"}, "'python_version': '3.9' is not in"),
]


@pytest.mark.parametrize(("answers", "message"), BAD_ANSWERS)
def test_bad_answer_is_refused_clearly(answers, message, tmp_path) -> None:
    destination = tmp_path / "project"
    with pytest.raises(ValueError) as refused:
        render(destination, answers)
    assert message in str(refused.value)
    assert not destination.exists(), "a refused copy leaves nothing behind"


def test_wrong_target_column_lists_the_real_ones(tmp_path) -> None:
    csv_path = tmp_path / "houses.csv"
    csv_path.write_text("area,rooms,price\n50,2,100\n", encoding="utf-8")
    answers = {"dataset": "csv", "csv_path": str(csv_path), "target_column": "cost"}
    with pytest.raises(ValueError, match="its columns are: area, rooms, price"):
        render(tmp_path / "project", answers)


def test_missing_csv_still_renders_and_says_where_to_put_it(tmp_path) -> None:
    answers = {"dataset": "csv", "csv_path": str(tmp_path / "later.csv")}
    project = render(tmp_path / "project", answers)
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert recorded["target_column"] == "target"  # a default the validator accepts
    assert not (project / "data/raw/later.csv").exists()
    facts = yaml.safe_load((project / "configs/project.yaml").read_text())["project"]
    assert facts["csv_file"] == "data/raw/later.csv"


@pytest.mark.parametrize(
    ("number", "tier", "slug"),
    [
        (1, "beginner", "001-iris-classification"),
        (30, "beginner", "030-iris-classification"),
        (31, "intermediate", "031-iris-classification"),
        (80, "advanced", "080-iris-classification"),
    ],
)
def test_defaults_follow_the_project_number(number, tier, slug, tmp_path) -> None:
    project = render(tmp_path / "project", {"project_number": number})
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert (answers["tier"], answers["project_slug"]) == (tier, slug)
    assert answers["package_name"] == "iris_classification"


def test_title_default_comes_from_dataset_and_task(tmp_path) -> None:
    project = render(tmp_path / "project", {"dataset": "diabetes"})
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["project_title"] == "Diabetes regression"
    assert answers["project_slug"] == "001-diabetes-regression"
