"""The questions as a person answers them: the real `copier copy` in a terminal.

Every other test passes its answers with `--data`; these type them at Copier's prompt,
in a pseudo-terminal driven by pexpect (as Copier's own tests do), so a default that its
own validator refuses, or a help cut short by YAML, shows up here.
"""

import io
import os
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pexpect
import pytest
import yaml
from PIL import Image

from harness import REPO_ROOT

# What prompt_toolkit reads as these keys.
ENTER = "\r"
DOWN = "\x1b[B"
BACKSPACE = "\x08"

# Each question's help as the prompt shows it, up to where a cut one would stop.
HELP = {
    "project_number": "Which project of the challenge is this (1-999)? "
    "7 is shown as #007.",
    "tier": "Difficulty tier; each adds to the one below.",
    "kind": "What kind of problem?",
    "dataset": "Which data for the",
    "csv_path": "Path to your CSV file.",
    "date_column": "The column of your CSV that holds each row's date",
    "images_path": "Path to your folder of images: one subfolder per class",
    "text_column": "The column of your CSV that holds the texts",
    "horizon": "How many steps ahead to forecast",
    "target_column": "The column of your CSV to predict",
    "task": "Predict a category (classification) or a number (regression)?",
    "project_title": "The project's title",
    "project_slug": "The post's name",
    "package_name": "The Python package's name",
    "author_name": "Your name",
    "author_email": "Your email address.",
    "blog_platform": "Where the post goes",
    "repository_url": "The project's public repository",
    "license": "The license of your code.",
    "python_version": "The lowest Python version the project supports.",
    "github_actions": "Add a GitHub Actions workflow",
}
# Between two words on screen: spaces, or the escape codes a redrawn line moves by.
GAP = r"(?:\s|\x1b\[[0-9;?]*[A-Za-z])+"


def on_screen(text: str) -> re.Pattern:
    """`text` as the terminal shows it, redrawn or not."""
    return re.compile(GAP.join(re.escape(word) for word in text.split()))


# Small files of each kind that `train` would take (copy checks the data as it does).
HOUSES = "area,rooms,price\n" + "".join(
    f"{50 + n},{n % 4 + 1},{100 + 7 * n}\n" for n in range(12)
)
VISITS = "day,visits\n" + "".join(
    f"{date(2024, 1, 1) + timedelta(days=n)},{5 + n % 9}\n" for n in range(60)
)
REVIEWS = "review,label\n" + "".join(
    f"{'great' if n % 2 else 'awful'} film {n},{'good' if n % 2 else 'bad'}\n"
    for n in range(12)
)
SHOPPERS = "spend,visits\n" + "".join(f"{40 * n},{n % 5}\n" for n in range(12))

# The dataset menu lists the kind's own datasets: csv is the last one for tables.
CSV_CHOICE = DOWN * 5
# The kind menu: images after tabular, text and clustering. For images the dataset
# menu is digits, then folder.
IMAGES_CHOICE = DOWN * 3
FOLDER_CHOICE = DOWN


class Prompt:
    """`copier copy` of this working tree, waiting in a terminal for its questions."""

    def __init__(
        self, destination: Path, home: Path, columns: int = 400, cwd: Path | None = None
    ) -> None:
        # An empty git config, so the author defaults are the template's placeholders.
        (home / ".gitconfig").write_text("")
        env = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
            "GIT_CONFIG_NOSYSTEM": "1",
            # A pseudo-terminal answers no cursor-position requests: don't wait for one.
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm",
        }
        command = ["-m", "copier", "copy", "--trust", "--vcs-ref", "HEAD"]
        self.child = pexpect.spawn(
            sys.executable,
            [*command, str(REPO_ROOT), str(destination)],
            env=env,
            encoding="utf-8",
            timeout=20,
            # By default wide enough that a message naming a long temporary path is
            # not wrapped mid-word.
            dimensions=(40, columns),
            cwd=cwd,
        )
        # Everything the terminal was sent, from the first question on.
        self.transcript = io.StringIO()
        self.child.logfile_read = self.transcript
        self.destination = destination

    def answer(self, question: str, keys: str = "") -> None:
        """Wait for `question`'s help, type `keys`, then Enter (""; the default)."""
        self.expect(HELP[question])
        self.child.send(keys + ENTER)

    def expect(self, text: str) -> None:
        self.child.expect(on_screen(text))

    def finish(self, questions: list[str]) -> dict:
        """Keep the default of each of `questions`, then the answers Copier recorded."""
        for question in questions:
            self.answer(question)
        self.child.expect(pexpect.EOF)
        self.output = self.child.before
        self.child.close()
        assert self.child.exitstatus == 0, self.output
        answers = self.destination / ".copier-answers.yml"
        return yaml.safe_load(answers.read_text(encoding="utf-8"))


# The questions after the dataset's, in the order Copier asks them.
LATER = [
    "project_title",
    "project_slug",
    "package_name",
    "author_name",
    "author_email",
    "blog_platform",
    "repository_url",
    "license",
    "python_version",
    "github_actions",
]


@pytest.fixture
def prompt(tmp_path: Path) -> Iterator[Prompt]:
    home = tmp_path / "home"
    home.mkdir()
    session = Prompt(tmp_path / "project", home)
    yield session
    session.child.close(force=True)


def test_enter_everywhere_gives_the_default_project(prompt) -> None:
    answers = prompt.finish(["project_number", "tier", "kind", "dataset", *LATER])
    assert answers["project_number"] == 1
    assert answers["tier"] == "beginner"
    assert answers["dataset"] == "iris"
    assert answers["project_slug"] == "001-iris-classification"
    assert answers["author_name"] == "Your Name"
    assert answers["repository_url"] == (
        "https://github.com/your-github-name/001-iris-classification"
    )
    assert (prompt.destination / "blog" / "001-iris-classification.md").is_file()


def test_a_csv_that_exists_is_copied_in_and_offers_its_columns(prompt, tmp_path):
    csv_path = tmp_path / "House Prices.csv"
    csv_path.write_text(HOUSES, encoding="utf-8")
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind")
    prompt.answer("dataset", CSV_CHOICE)
    prompt.answer("csv_path", str(csv_path))
    prompt.answer("target_column")  # Enter: the last column, offered as the default
    prompt.answer("task", DOWN)
    answers = prompt.finish(LATER)
    assert (answers["dataset"], answers["target_column"]) == ("csv", "price")
    assert answers["task"] == "regression"
    assert answers["project_slug"] == "001-house-prices-regression"
    copied = prompt.destination / "data" / "raw" / "house-prices.csv"
    assert copied.read_bytes() == csv_path.read_bytes()


def test_a_series_csv_offers_its_columns_and_asks_the_horizon(prompt, tmp_path):
    csv_path = tmp_path / "Daily Visits.csv"
    csv_path.write_text(VISITS, encoding="utf-8")
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind", DOWN * 4)  # timeseries, the last kind
    prompt.answer("dataset", DOWN * 2)  # co2, sunspots, csv
    prompt.answer("csv_path", str(csv_path))
    prompt.answer("date_column")  # Enter: the first column, offered as the default
    prompt.answer("target_column")  # Enter: the last column
    prompt.answer("horizon", BACKSPACE * 2 + "x")
    prompt.expect("horizon must be a whole number of time steps, got 'x'")
    prompt.child.send(BACKSPACE + "14" + ENTER)
    answers = prompt.finish(LATER)
    assert answers["kind"] == "timeseries"
    assert (answers["date_column"], answers["target_column"]) == ("day", "visits")
    assert int(answers["horizon"]) == 14
    assert answers["project_slug"] == "001-daily-visits-forecasting"
    project_yaml = prompt.destination / "configs" / "project.yaml"
    facts = yaml.safe_load(project_yaml.read_text(encoding="utf-8"))
    assert facts["project"]["horizon"] == 14
    assert facts["project"]["task"] == "forecasting"
    assert facts["project"]["date_column"] == "day"


def test_data_train_would_refuse_stops_the_copy_in_trains_words(prompt, tmp_path):
    """A text CSV of one class: once the questions are answered, the copy stops
    with the line `train` would print, and nothing is written."""
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(
        "review,label\n" + "".join(f"match {n},sport\n" for n in range(12)),
        encoding="utf-8",
    )
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind", DOWN)  # text
    prompt.answer("dataset", DOWN)  # csv
    prompt.answer("csv_path", str(csv_path))
    prompt.answer("text_column")
    prompt.answer("target_column")  # Enter: label, the last column
    for question in LATER:
        prompt.answer(question)
    prompt.child.expect(pexpect.EOF)
    prompt.child.close()
    shown = prompt.transcript.getvalue()
    assert prompt.child.exitstatus == 1
    assert (
        "label column 'label' holds one class only ('sport'): a classifier needs "
        "texts of at least two classes"
    ) in shown
    assert "Traceback" not in shown
    assert not prompt.destination.exists()


def test_a_series_whose_dates_do_not_parse_stops_the_copy(prompt, tmp_path):
    csv_path = tmp_path / "visits.csv"
    csv_path.write_text(VISITS.replace("2024-01-03", "Jan 3rd"), encoding="utf-8")
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind", DOWN * 4)  # timeseries
    prompt.answer("dataset", DOWN * 2)  # csv
    prompt.answer("csv_path", str(csv_path))
    prompt.answer("date_column")  # Enter: day, the first column
    prompt.answer("target_column")
    prompt.answer("horizon")
    for question in LATER:
        prompt.answer(question)
    prompt.child.expect(pexpect.EOF)
    prompt.child.close()
    assert prompt.child.exitstatus == 1
    assert re.search(
        on_screen(
            f"{csv_path}, line 4: 'Jan 3rd' in column 'day' is not a date: write "
            "dates like 2024-01-31"
        ),
        prompt.transcript.getvalue(),
    )
    assert not prompt.destination.exists()


def test_a_text_csv_offers_its_columns_for_texts_and_labels(prompt, tmp_path):
    csv_path = tmp_path / "Movie Reviews.csv"
    csv_path.write_text(
        'review,stars,label\n"great, really",5,good\n'
        + "".join(f"awful film {n},1,bad\ngood film {n},4,good\n" for n in range(6)),
        encoding="utf-8",
    )
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind", DOWN)  # text
    prompt.answer("dataset", DOWN)  # newsgroups comes first for text, then csv
    prompt.answer("csv_path", str(csv_path))
    prompt.answer("text_column")  # Enter: the first column, offered as the default
    prompt.answer("target_column")  # Enter: the last column
    answers = prompt.finish(LATER)  # no task question: texts are classified
    assert (answers["kind"], answers["dataset"]) == ("text", "csv")
    assert (answers["text_column"], answers["target_column"]) == ("review", "label")
    assert answers["project_slug"] == "001-movie-reviews-classification"
    project = yaml.safe_load(
        (prompt.destination / "configs" / "project.yaml").read_text(encoding="utf-8")
    )["project"]
    assert (project["text_column"], project["target"]) == ("review", "label")
    assert project["task"] == "classification"


def test_a_csv_not_there_yet_is_accepted_and_the_copy_says_where(prompt, tmp_path):
    later = tmp_path / "later.csv"
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind")
    prompt.answer("dataset", CSV_CHOICE)
    prompt.answer("csv_path", str(later))
    prompt.answer("target_column", BACKSPACE * len("target") + "label")
    answers = prompt.finish(["task", *LATER])
    assert (answers["csv_path"], answers["target_column"]) == (str(later), "label")
    assert not later.exists()
    assert "copy it to data/raw/later.csv before training" in prompt.output
    assert "its column to predict named label" in prompt.output


def test_a_wrong_answer_is_explained_and_asked_again(prompt) -> None:
    prompt.answer("project_number", BACKSPACE + "abc")
    prompt.expect("project_number must be a whole number from 1 to 999, got 'abc'")
    prompt.child.send(BACKSPACE * 3 + "42" + ENTER)
    prompt.answer("tier")  # the default follows the corrected number
    prompt.answer("kind")
    prompt.answer("dataset", CSV_CHOICE)
    prompt.answer("csv_path")  # an empty path is refused too, and asked again
    prompt.expect("csv_path is required when dataset is csv")
    prompt.child.send("mine.xlsx" + ENTER)
    # The terminal redraws only what changed: the message's start is already there.
    prompt.expect("must name a .csv file, got 'mine.xlsx'")
    prompt.child.send(BACKSPACE * len("xlsx") + "csv" + ENTER)
    prompt.answer("target_column")
    answers = prompt.finish(["task", *LATER])
    assert answers["project_number"] == 42
    assert answers["tier"] == "intermediate"
    assert answers["csv_path"] == "mine.csv"
    assert answers["project_slug"] == "042-mine-classification"


def test_a_folder_of_images_is_checked_then_copied_in(prompt, tmp_path) -> None:
    photos = tmp_path / "Holiday Photos"
    for name in ("beach", "city"):
        (photos / name).mkdir(parents=True)
        Image.new("L", (8, 8)).save(photos / name / f"{name}.png")
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind", IMAGES_CHOICE)
    prompt.answer("dataset", FOLDER_CHOICE)
    prompt.answer("images_path", str(photos / "beach" / "beach.png"))
    prompt.expect("is a file, not a folder of class subfolders")
    prompt.child.send(BACKSPACE * len("/beach/beach.png") + ENTER)
    answers = prompt.finish(LATER)
    assert (answers["kind"], answers["dataset"]) == ("images", "folder")
    assert answers["project_slug"] == "001-holiday-photos-images"
    copied = prompt.destination / "data" / "raw" / "holiday-photos"
    assert (copied / "city" / "city.png").read_bytes() == (
        photos / "city" / "city.png"
    ).read_bytes()
    assert "images_dir: data/raw/holiday-photos" in (
        prompt.destination / "configs" / "project.yaml"
    ).read_text(encoding="utf-8").replace('"', "")


def test_a_clustering_csv_needs_no_label_column(prompt, tmp_path):
    csv_path = tmp_path / "Shoppers.csv"
    csv_path.write_text(SHOPPERS, encoding="utf-8")
    prompt.answer("project_number")
    prompt.answer("tier")
    prompt.answer("kind", DOWN * 2)  # clustering, after text
    prompt.answer("dataset", DOWN * 4)  # iris, wine, breast_cancer, digits, csv
    prompt.answer("csv_path", str(csv_path))
    prompt.expect("A column of known groups to score the clusters against")
    prompt.child.send(ENTER)  # none: the default
    answers = prompt.finish(LATER)  # no task question: clustering is the only one
    assert (answers["kind"], answers["dataset"]) == ("clustering", "csv")
    assert answers["target_column"] == ""
    assert answers["project_slug"] == "001-shoppers-clustering"
    project = yaml.safe_load(
        (prompt.destination / "configs" / "project.yaml").read_text()
    )
    assert project["project"]["task"] == "clustering"
    assert project["project"]["target"] == ""


# --- an 80-column terminal --------------------------------------------------------

# prompt_toolkit does not wrap a question's help or a menu entry: a line as wide as the
# terminal is cut there, its last column drawn by moving the cursor to it. At 80
# columns that move is this one; a prompt whose lines all fit never sends it.
LAST_COLUMN = "\x1b[79C"


def write_files(folder: Path) -> None:
    """A CSV for each kind that asks for one, and a folder of images."""
    (folder / "sales.csv").write_text(HOUSES)
    (folder / "visits.csv").write_text(VISITS)
    (folder / "reviews.csv").write_text(REVIEWS)
    (folder / "shoppers.csv").write_text(SHOPPERS)
    for name in ("beach", "city"):
        (folder / "photos" / name).mkdir(parents=True)
        Image.new("L", (8, 8)).save(folder / "photos" / name / "a.png")


# Each kind's way through the questions to its own last one: (question or the start
# of its help, keys typed).
NARROW_PATHS = {
    "tabular": [
        ("kind", ""),
        ("dataset", CSV_CHOICE),
        ("csv_path", "sales.csv"),
        ("target_column", ""),
        ("task", ""),
    ],
    "text": [
        ("kind", DOWN),
        ("dataset", DOWN),
        ("csv_path", "reviews.csv"),
        ("text_column", ""),
        ("target_column", ""),
    ],
    "clustering": [
        ("kind", DOWN * 2),
        ("dataset", DOWN * 4),
        ("csv_path", "shoppers.csv"),
        ("A column of known groups", ""),
    ],
    "images": [
        ("kind", IMAGES_CHOICE),
        ("dataset", FOLDER_CHOICE),
        ("images_path", "photos"),
    ],
    "timeseries": [
        ("kind", DOWN * 4),
        ("dataset", DOWN * 2),
        ("csv_path", "visits.csv"),
        ("date_column", ""),
        ("target_column", ""),
        ("horizon", ""),
    ],
}
# What a learner must read whole there, the words as the terminal shows them.
NARROW_SCREENS = {
    "tabular": [
        "7 is shown as #007.",
        "intermediate: + candidates compared by k-fold CV",
        "The named datasets come with scikit-learn: no download.",
        "diabetes (regression, 442 patients)",
    ],
    "text": ["newsgroups is downloaded once (14 MB) into scikit-learn's cache."],
    "clustering": [
        "iris (clustering, 150 flowers)",
        "(leave empty if there is none).",
    ],
    "images": ["folder: your own images, one subfolder per class, asked next."],
    "timeseries": [
        "The named datasets come with statsmodels: no download.",
        "the last this many steps.",
    ],
}


@pytest.mark.parametrize("kind", NARROW_PATHS)
def test_every_question_reads_whole_at_80_columns(kind, tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    write_files(tmp_path)
    prompt = Prompt(tmp_path / "project", home, columns=80, cwd=tmp_path)
    try:
        prompt.answer("project_number")
        prompt.answer("tier")
        for question, keys in NARROW_PATHS[kind]:
            prompt.expect(HELP.get(question, question))
            prompt.child.send(keys + ENTER)
        # The questions every kind shares, once: the tabular way goes to the end.
        if kind == "tabular":
            prompt.finish(LATER)
        else:
            prompt.expect(HELP["project_title"])
    finally:
        prompt.child.close(force=True)
    screen = prompt.transcript.getvalue()
    for text in NARROW_SCREENS[kind]:
        assert on_screen(text).search(screen), text
    if kind == "clustering":
        assert "(classification" not in screen, "clustering hides the classes"
    assert LAST_COLUMN not in screen, "a line of the prompt is cut at 80 columns"
