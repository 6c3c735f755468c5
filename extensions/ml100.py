"""Jinja filters, globals and derived context for the ml100 template.

Loaded by copier-template-extensions (see `_jinja_extensions` in copier.yml). Every
filter is a plain function so that tests/test_extensions.py can test it directly.
"""

from __future__ import annotations

import csv
import datetime
import json
import keyword
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

from copier_template_extensions import ContextHook
from jinja2 import Environment
from jinja2.ext import Extension

# Facts about the datasets scikit-learn ships, so rendering needs no sklearn import.
DATASETS: dict[str, dict[str, Any]] = {
    "iris": {
        "title": "Iris",
        "loader": "load_iris",
        "task": "classification",
        "target": "species",
        "classes": ["setosa", "versicolor", "virginica"],
        "n_samples": 150,
        "n_features": 4,
        "features": "4 numeric measurements in cm: sepal and petal length and width",
        "source": "R. A. Fisher (1936), via scikit-learn's `load_iris`",
    },
    "wine": {
        "title": "Wine",
        "loader": "load_wine",
        "task": "classification",
        "target": "cultivar",
        "classes": ["class_0", "class_1", "class_2"],
        "n_samples": 178,
        "n_features": 13,
        "features": "13 numeric results of a chemical analysis (alcohol, hue, ...)",
        "source": "UCI Machine Learning Repository, via scikit-learn's `load_wine`",
    },
    "breast_cancer": {
        "title": "Breast cancer",
        "loader": "load_breast_cancer",
        "task": "classification",
        "target": "diagnosis",
        "classes": ["malignant", "benign"],
        "n_samples": 569,
        "n_features": 30,
        "features": "30 numeric features computed from images of cell nuclei",
        "source": "Wisconsin Diagnostic Breast Cancer (UCI), via scikit-learn's "
        "`load_breast_cancer`",
    },
    "digits": {
        "title": "Digits",
        "loader": "load_digits",
        "task": "classification",
        "target": "digit",
        "classes": [str(digit) for digit in range(10)],
        "n_samples": 1797,
        "n_features": 64,
        "features": "64 pixel intensities (0-16) of an 8x8 handwritten digit",
        "source": "UCI Optical Recognition of Handwritten Digits, via scikit-learn's "
        "`load_digits`",
    },
    "diabetes": {
        "title": "Diabetes",
        "loader": "load_diabetes",
        "task": "regression",
        "target": "progression",
        "classes": [],
        "n_samples": 442,
        "n_features": 10,
        "features": "10 baseline variables (age, sex, BMI, blood pressure, 6 blood "
        "serum measurements), already mean-centred and scaled",
        "source": "Efron et al. (2004), via scikit-learn's `load_diabetes`",
    },
    # Series statsmodels ships: forecast the next `horizon` steps of one value.
    "co2": {
        "title": "Mauna Loa CO2",
        "loader": "co2",
        "task": "forecasting",
        "target": "co2",
        "classes": [],
        "n_samples": 526,
        "n_features": 0,
        "horizon": 24,
        "features": "CO2 readings (ppm) at Mauna Loa, 1958-2001, weekly, averaged by "
        "month",
        "source": "Scripps Institution of Oceanography, via statsmodels' `co2`",
    },
    "sunspots": {
        "title": "Sunspots",
        "loader": "sunspots",
        "task": "forecasting",
        "target": "sunactivity",
        "classes": [],
        "n_samples": 309,
        "n_features": 0,
        "horizon": 11,
        "features": "yearly sunspot numbers, 1700-2008",
        "source": "Royal Observatory of Belgium (SIDC), via statsmodels' `sunspots`",
    },
    # Texts: downloaded once (about 14 MB) into scikit-learn's cache, then offline.
    "newsgroups": {
        "title": "Newsgroups",
        "loader": "fetch_20newsgroups",
        "task": "classification",
        "target": "newsgroup",
        "text": "text",
        "classes": [
            "comp.graphics",
            "rec.sport.hockey",
            "sci.med",
            "talk.politics.mideast",
        ],
        "n_samples": 3902,
        "n_features": 1,
        "features": "the text of each post, its headers, signature and quoted "
        "replies removed",
        "source": "20 Newsgroups (Lang, 1995), 4 of its 20 groups, via scikit-learn's "
        "`fetch_20newsgroups`",
    },
}

# The problem kinds this template renders. For each: the datasets offered (csv is the
# learner's own file), the tasks a CSV of that kind can have (the first is the default),
# and the dataset a new project starts with.
KINDS: dict[str, dict[str, Any]] = {
    "tabular": {
        "datasets": ["iris", "wine", "breast_cancer", "digits", "diabetes", "csv"],
        "tasks": ["classification", "regression"],
        "default_dataset": "iris",
    },
    "text": {
        "datasets": ["newsgroups", "csv"],
        "tasks": ["classification"],
        "default_dataset": "newsgroups",
    },
    # The labelled sets with their labels hidden from the models (kept to score the
    # clusters against), or a CSV with or without a label column.
    "clustering": {
        "datasets": ["iris", "wine", "breast_cancer", "digits", "csv"],
        "tasks": ["clustering"],
        "default_dataset": "iris",
    },
    # Images: digits written out as a folder of PNGs, or the learner's own folder.
    "images": {
        "datasets": ["digits", "folder"],
        "tasks": ["classification"],
        "default_dataset": "digits",
    },
    # One value over time: a series statsmodels ships, or a CSV of dates and values.
    "timeseries": {
        "datasets": ["co2", "sunspots", "csv"],
        "tasks": ["forecasting"],
        "default_dataset": "co2",
    },
}


# The forecast horizon a CSV series starts with: a year of monthly data.
DEFAULT_HORIZON = 12
MAX_HORIZON = 1000


def horizon_problem(horizon: Any) -> str:
    """Why `horizon` is not a number of steps to forecast, or "" when it is."""
    if not is_whole_number(str(horizon)):
        return f"horizon must be a whole number of time steps, got '{horizon}'"
    if not 1 <= int(str(horizon).strip()) <= MAX_HORIZON:
        return f"horizon must be from 1 to {MAX_HORIZON} steps, got {int(horizon)}"
    return ""


def dataset_problem(dataset: str, kind: str) -> str:
    """Why `dataset` cannot serve a project of `kind`, or "" when it can."""
    offered = KINDS.get(kind, {}).get("datasets", [])
    if dataset in offered:
        return ""
    return (
        f"dataset must be one offered for the {kind} kind ({', '.join(offered)}), "
        f"got '{dataset}'"
    )


# Modules a generated project imports: a package named like one would shadow it.
DEPENDENCY_MODULES = frozenset(
    {
        "sklearn",
        "skops",
        "numpy",
        "pandas",
        "scipy",
        "matplotlib",
        "joblib",
        "jsonargparse",
        "pytest",
        "ruff",
        "uv",
        "optuna",
        "torch",
        "torchmetrics",
        "lightning",
        "pytorch_lightning",
        "yaml",
        "copier",
        "ipykernel",
        "jupytext",
        "nbclient",
    }
)
# Modules those dependencies and the dev tools pull in; shadowing one breaks them too.
# tests/test_dependencies.py checks this list against what a project installs.
INDIRECT_DEPENDENCY_MODULES = frozenset(
    {
        "alembic",
        "asttokens",
        "attr",
        "attrs",
        "cfgv",
        "cloudpickle",
        "colorlog",
        "comm",
        "contourpy",
        "cuda",
        "cycler",
        "dateutil",
        "debugpy",
        "distlib",
        "executing",
        "fastjsonschema",
        "filelock",
        "fsspec",
        "functorch",
        "identify",
        "iniconfig",
        "ipykernel_launcher",
        "ipython_pygments_lexers",
        "isympy",
        "jedi",
        "jinja2",
        "jsonschema",
        "jsonschema_specifications",
        "jupyter",
        "jupyter_client",
        "jupyter_core",
        "jupyterlab_jupytext",
        "jupytext_config",
        "kiwisolver",
        "lightning_fabric",
        "lightning_utilities",
        "mako",
        "markdown_it",
        "markupsafe",
        "matplotlib_inline",
        "mdit_py_plugins",
        "mdurl",
        "mpl_toolkits",
        "mpmath",
        "narwhals",
        "nbformat",
        "nest_asyncio2",
        "networkx",
        "nodeenv",
        "nvidia",
        "packaging",
        "parso",
        "pexpect",
        "platformdirs",
        "pluggy",
        "pre_commit",
        "prettytable",
        "prompt_toolkit",
        "psutil",
        "ptyprocess",
        "pure_eval",
        "py",
        "pygments",
        "pylab",
        "pyparsing",
        "python_discovery",
        "referencing",
        "rpds",
        "setuptools",
        "sqlalchemy",
        "stack_data",
        "sympy",
        "threadpoolctl",
        "torchgen",
        "tornado",
        "tqdm",
        "traitlets",
        "triton",
        "typing_extensions",
        "tzdata",
        "virtualenv",
        "wcwidth",
        "zmq",
    }
)

PLACEHOLDER_AUTHOR = "Your Name"
PLACEHOLDER_EMAIL = "you@example.com"
PLACEHOLDER_GITHUB_USER = "your-github-name"
# An https address with a host and a path: what a repository's public page looks like.
HTTPS_URL_PATTERN = re.compile(
    r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[A-Za-z0-9_.~-]+)+$"
)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Names end up in file names, import lines and `python -m <package>`: keep them short
# enough that every generated line stays within ruff's 88 columns.
MAX_SLUG_LENGTH = 60
MAX_PACKAGE_LENGTH = 30
MAX_CSV_STEM_LENGTH = 40


def slugify(text: str, max_length: int = 0) -> str:
    """Lowercase ASCII words joined by dashes: "Café au lait!" -> "cafe-au-lait".

    With `max_length`, whole words are kept while they fit (a first word that is
    too long on its own is cut).
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore")
    words = re.findall(r"[a-z0-9]+", ascii_text.decode().lower())
    slug = "-".join(words)
    if max_length and len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug


def identifier_problem(name: str) -> str:
    """Why `name` cannot be the package name, or "" when it can."""
    if not name.isidentifier() or not name.isascii():
        return f"'{name}' is not a Python identifier (use lowercase letters, digits, _)"
    if name != name.lower():
        return f"'{name}' has capitals: package names are lowercase (PEP 8)"
    if len(name) > MAX_PACKAGE_LENGTH:
        return f"'{name}' is longer than {MAX_PACKAGE_LENGTH} characters"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"'{name}' is a Python keyword"
    if name in sys.stdlib_module_names:
        return f"'{name}' would shadow the standard library module '{name}'"
    if name in DEPENDENCY_MODULES | INDIRECT_DEPENDENCY_MODULES:
        return f"'{name}' would shadow the dependency '{name}'"
    return ""


def is_email(text: str) -> bool:
    """Whether `text` looks like an email address: name@host.tld."""
    return bool(EMAIL_PATTERN.match(str(text))) and not has_control_characters(text)


def is_slug(text: str) -> bool:
    """Whether `text` is lowercase letters and digits joined by single dashes."""
    return bool(SLUG_PATTERN.match(str(text)))


def slug_problem(text: str) -> str:
    """Why `text` cannot be the project slug, or "" when it can."""
    if not is_slug(text):
        return (
            "must be lowercase letters and digits joined by single dashes "
            f"(like 001-iris-classification), got '{text}'"
        )
    if len(text) > MAX_SLUG_LENGTH:
        return f"must be at most {MAX_SLUG_LENGTH} characters, got {len(text)}"
    return ""


def https_url_problem(text: str) -> str:
    """Why `text` cannot be the repository address, or "" when it can."""
    if not HTTPS_URL_PATTERN.match(str(text)):
        return (
            "must be an https address like https://github.com/you/001-iris, with no "
            f"spaces, query or trailing slash, got '{text}'"
        )
    return ""


def draft_path(project_slug: str, blog_platform: str, date: str) -> str:
    """Where the blog draft lies in the project, for each platform's site generator.

    The project's publish.py finds it the same way when `report` runs.
    """
    if blog_platform == "hugo":  # a page bundle: the post and its figures side by side
        return f"blog/{project_slug}/index.md"
    if blog_platform == "jekyll":  # Jekyll builds only _posts/YYYY-MM-DD-name.md
        return f"blog/_posts/{date}-{project_slug}.md"
    return f"blog/{project_slug}.md"


def has_control_characters(text: str) -> bool:
    """Whether `text` holds line breaks, tabs or other control characters."""
    return any(unicodedata.category(char) == "Cc" for char in str(text))


def is_whole_number(text: str) -> bool:
    """Whether `text` is digits with optional spaces around: " 042", not "4.5"."""
    return str(text).strip().isdecimal()


def to_identifier(text: str) -> str:
    """A valid package name from free text: "Iris data" -> "iris_data"."""
    # Room for the "project_" prefix or the "_project" suffix below.
    length = MAX_PACKAGE_LENGTH - len("_project")
    name = slugify(text, max_length=length).replace("-", "_") or "project"
    if name[0].isdigit():
        name = f"project_{name}"
    if identifier_problem(name):
        name = f"{name}_project"
    return name


def _escape_controls(text: str) -> str:
    """\\uXXXX for control characters, which TOML strings may not hold raw."""
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cc" else char
        for char in text
    )


def toml_str(text: str) -> str:
    """A TOML basic string holding `text` exactly."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{_escape_controls(escaped)}"'


def _yaml_escape(char: str) -> str:
    """`char` itself when YAML may hold it raw, else its \\u or \\U escape."""
    code = ord(char)
    printable = (  # YAML's printable set (YAML 1.1, 5.1), without control characters
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    # U+2028 and U+2029 are line breaks to YAML: raw, they would fold into a space.
    if printable and char not in "\u2028\u2029":
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly (front matter included)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(map(_yaml_escape, escaped)) + '"'


def py_str(text: str) -> str:
    """A Python string literal for `text`, quoted the way `ruff format` keeps it."""
    text = str(text)
    quote = "'" if text.count('"') > text.count("'") else '"'
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote)
    escaped = "".join(
        repr(char)[1:-1] if unicodedata.category(char) == "Cc" else char
        for char in escaped
    )
    return f"{quote}{escaped}{quote}"


def json_str(text: str) -> str:
    """A JSON string literal for `text`."""
    return json.dumps(str(text), ensure_ascii=False)


# Markdown's syntax characters, plus & (entities) and % (with {, Liquid's `{%`, which
# Jekyll and DEV run on a post's body).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&%])")


def md_text(text: str) -> str:
    """`text` as literal Markdown on one line: HTML and Markdown show as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_code(text: str, table: bool = False) -> str:
    """`text` as a Markdown code span, backticks inside included; `table` escapes |."""
    text = " ".join(str(text).splitlines())
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    # CommonMark strips one space from each end of a span; add them where needed.
    if text.startswith(("`", " ")) or text.endswith(("`", " ")):
        text = f" {text} "
    span = f"{fence}{text}{fence}"
    return span.replace("|", "\\|") if table else span


def line_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide East Asian characters and emoji take 2.

    The way ruff measures line length, near enough to decide on a `# noqa: E501`.
    """
    width = 0
    for char in str(text):
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue  # combining marks and joiners take no column of their own
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def csv_file_name(path: str) -> str:
    """The name a CSV gets under data/raw/: "My Data (v2).CSV" -> "my-data-v2.csv"."""
    stem = slugify(Path(str(path)).stem, max_length=MAX_CSV_STEM_LENGTH)
    return f"{stem or 'data'}.csv"


def csv_columns(path: str) -> list[str]:
    """The header of the CSV at `path`, or [] when there is no readable file there."""
    try:
        # utf-8-sig: spreadsheets often start a "CSV UTF-8" file with a byte-order mark.
        file_path = Path(str(path)).expanduser()
        with file_path.open(newline="", encoding="utf-8-sig") as file:
            return next(csv.reader(file), [])
    except (OSError, UnicodeDecodeError, ValueError, csv.Error):
        return []


def csv_exists(path: str) -> bool:
    """Whether `path` names a file that can be copied into data/raw/."""
    try:
        return bool(str(path).strip()) and Path(str(path)).expanduser().is_file()
    except (OSError, ValueError):  # a path with a NUL byte, or one too long
        return False


def csv_problem(path: str) -> str:
    """Why the file at `path` cannot be copied in as the data, or "" when it can.

    A path where nothing is yet is fine: the learner may copy the file in later.
    """
    if has_control_characters(path):
        return "the path holds line breaks, tabs or other control characters"
    file = Path(str(path)).expanduser()
    try:
        if not file.exists():
            return ""
        if not file.is_file():
            return f"'{path}' is a folder, not a file"
        data = file.read_bytes()
    except OSError as error:
        return f"'{path}' cannot be read ({error.strerror or error})"
    if not data.strip():
        return f"'{path}' is empty: a CSV needs a header row and data rows"
    if b"\0" in data:
        return f"'{path}' is not text (a spreadsheet? export it as CSV UTF-8)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return (
            f"'{path}' is not UTF-8 text (byte {data[error.start]:#04x} at position "
            f"{error.start}): save it as CSV UTF-8"
        )
    if len(text.strip().splitlines()) < 2:
        return f"'{path}' has a header row but no data rows"
    return ""


# What Pillow reads: the suffixes the engine takes as images (its data.py agrees).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp")


def images_folder_name(path: str) -> str:
    """The name a folder of images gets under data/raw/: "My Photos/" -> "my-photos"."""
    name = Path(str(path).strip().rstrip("/\\")).expanduser().name
    return slugify(name, max_length=MAX_CSV_STEM_LENGTH) or "images"


def images_exist(path: str) -> bool:
    """Whether `path` names a folder that can be copied into data/raw/."""
    try:
        return bool(str(path).strip()) and Path(str(path)).expanduser().is_dir()
    except (OSError, ValueError):
        return False


def images_problem(path: str) -> str:
    """Why the folder at `path` cannot serve as the images, or "" when it can.

    A path where nothing is yet is fine: the learner may copy the folder in later.
    """
    if has_control_characters(path):
        return "the path holds line breaks, tabs or other control characters"
    folder = Path(str(path)).expanduser()
    try:
        if not folder.exists():
            return ""
        if not folder.is_dir():
            return f"'{path}' is a file, not a folder of class subfolders"
        classes = [sub for sub in folder.iterdir() if sub.is_dir()]
        if len(classes) < 2:
            return (
                f"'{path}' has {len(classes)} subfolder(s): give one subfolder of "
                "images per class, at least two"
            )
        for sub in sorted(classes):
            if not any(f.suffix.lower() in IMAGE_SUFFIXES for f in sub.iterdir()):
                return f"'{sub}' holds no images ({', '.join(IMAGE_SUFFIXES)})"
    except OSError as error:
        return f"'{path}' cannot be read ({error.strerror or error})"
    return ""


def read_text(path: str) -> str:
    """The UTF-8 text of the file at `path`."""
    return Path(str(path)).expanduser().read_text(encoding="utf-8")


def git_config(key: str, fallback: str = "") -> str:
    """`git config --get key`, or `fallback` when git or the setting is missing."""
    try:
        result = subprocess.run(
            ["git", "config", "--get", key],
            capture_output=True,
            text=True,
            check=False,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return fallback
    return result.stdout.strip() or fallback


# Template sources Copier reads as URLs or shortcuts, never as paths on this machine.
REMOTE_SOURCE = re.compile(r"^([a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:|gh:|gl:)", re.I)


def absolute_src_path(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with a relative `_src_path` made absolute.

    Copier records the template path as typed (`copier copy . ../001-x` records "."),
    and `copier update` reads it from inside the project, where "." is the project
    itself. A local path that exists is therefore recorded absolute; URLs, `~` paths
    and absolute paths stay as they are.
    """
    source = str(answers.get("_src_path") or "")
    if (
        not source
        or source.startswith("~")
        or REMOTE_SOURCE.match(source)
        or os.path.isabs(source)
        or not os.path.isdir(source)
    ):
        return dict(answers)
    return {**answers, "_src_path": os.path.abspath(source)}


# The ladder, lowest first: (tier, first project number that starts at it).
TIER_LADDER = (("beginner", 1), ("intermediate", 31), ("advanced", 71))
# The tiers this template version can render; copier.yml offers the same ones.
OFFERED_TIERS = ("beginner", "intermediate", "advanced")


def default_tier(project_number: int) -> str:
    """The highest offered tier that project number has reached on the ladder."""
    reached = [tier for tier, first in TIER_LADDER if int(project_number) >= first]
    return [tier for tier in reached if tier in OFFERED_TIERS][-1]


def dataset_facts(dataset: str, task: str, target_column: str = "") -> dict[str, Any]:
    """What the templates need to know about the chosen dataset."""
    if dataset in DATASETS:
        return {"builtin": True, **DATASETS[dataset]}
    if dataset == "folder":
        return {
            "builtin": False,
            "title": "",
            "loader": "",
            "task": "classification",
            "target": "label",
            "classes": [],
            "n_samples": None,
            "n_features": None,
            "features": "the pixels of your images, resized to one size",
            "source": "your own folder of images, one subfolder per class",
        }
    return {
        "builtin": False,
        "title": "",
        "loader": "",
        "task": task,
        "target": target_column,
        "classes": [],
        "n_samples": None,
        "n_features": None,
        "features": "the columns of your CSV other than the target",
        "source": "your own CSV file",
    }


class Ml100Extension(Extension):
    """Registers the filters and globals above."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters.update(
            slugify=slugify,
            to_identifier=to_identifier,
            identifier_problem=identifier_problem,
            toml_str=toml_str,
            yaml_str=yaml_str,
            py_str=py_str,
            json_str=json_str,
            md_text=md_text,
            csv_file_name=csv_file_name,
            csv_columns=csv_columns,
            csv_exists=csv_exists,
            csv_problem=csv_problem,
            md_code=md_code,
            line_width=line_width,
            has_control_characters=has_control_characters,
            is_whole_number=is_whole_number,
            read_text=read_text,
            default_tier=default_tier,
            is_email=is_email,
            absolute_src_path=absolute_src_path,
            slug_problem=slug_problem,
            https_url_problem=https_url_problem,
            dataset_problem=dataset_problem,
            images_problem=images_problem,
            images_exist=images_exist,
            images_folder_name=images_folder_name,
            horizon_problem=horizon_problem,
        )
        environment.globals.update(
            git_config=git_config,
            today=lambda: datetime.date.today().isoformat(),
            datasets=DATASETS,
            kinds=KINDS,
            default_horizon=DEFAULT_HORIZON,
            placeholder_author=PLACEHOLDER_AUTHOR,
            placeholder_email=PLACEHOLDER_EMAIL,
            placeholder_github_user=PLACEHOLDER_GITHUB_USER,
            max_slug_length=MAX_SLUG_LENGTH,
        )


class DatasetContext(ContextHook):
    """Adds `facts` (the dataset), `number` ("#007"), `is_classification` and
    `draft_path` (where the blog draft lies)."""

    def hook(self, context: dict[str, Any]) -> None:
        # Copier also renders questions one by one; derive only once the answers exist.
        if "dataset" in context and "task" in context:
            facts = dataset_facts(
                context["dataset"], context["task"], context.get("target_column", "")
            )
            context["facts"] = facts
            context["is_classification"] = facts["task"] == "classification"
        # Validators render this hook too, before project_number is known to be valid.
        if is_whole_number(context.get("project_number", "")):
            context["number"] = f"#{int(context['project_number']):03d}"
        if "blog_platform" in context and "project_slug" in context:
            context["draft_path"] = draft_path(
                context["project_slug"],
                context["blog_platform"],
                datetime.date.today().isoformat(),
            )
