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
}

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
        "pytest",
        "ruff",
        "optuna",
        "torch",
        "torchmetrics",
        "lightning",
        "pytorch_lightning",
        "yaml",
        "copier",
    }
)

PLACEHOLDER_AUTHOR = "Your Name"
PLACEHOLDER_EMAIL = "you@example.com"
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes: "Café au lait!" -> "cafe-au-lait"."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore")
    words = re.findall(r"[a-z0-9]+", ascii_text.decode().lower())
    return "-".join(words)


def identifier_problem(name: str) -> str:
    """Why `name` cannot be the package name, or "" when it can."""
    if not name.isidentifier() or not name.isascii():
        return f"'{name}' is not a Python identifier (use lowercase letters, digits, _)"
    if name != name.lower():
        return f"'{name}' has capitals: package names are lowercase (PEP 8)"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"'{name}' is a Python keyword"
    if name in sys.stdlib_module_names:
        return f"'{name}' would shadow the standard library module '{name}'"
    if name in DEPENDENCY_MODULES:
        return f"'{name}' would shadow the dependency '{name}'"
    return ""


def is_email(text: str) -> bool:
    """Whether `text` looks like an email address: name@host.tld."""
    return bool(EMAIL_PATTERN.match(str(text)))


def is_slug(text: str) -> bool:
    """Whether `text` is lowercase letters and digits joined by single dashes."""
    return bool(SLUG_PATTERN.match(str(text)))


def to_identifier(text: str) -> str:
    """A valid package name from free text: "Iris data" -> "iris_data"."""
    name = slugify(text).replace("-", "_") or "project"
    if name[0].isdigit():
        name = f"project_{name}"
    if identifier_problem(name):
        name = f"{name}_project"
    return name


def _escape_controls(text: str) -> str:
    """\\uXXXX for control characters, which TOML and YAML strings may not hold raw."""
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cc" else char
        for char in text
    )


def toml_str(text: str) -> str:
    """A TOML basic string holding `text` exactly."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{_escape_controls(escaped)}"'


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly (front matter included)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{_escape_controls(escaped)}"'


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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_text(text: str) -> str:
    """`text` as literal Markdown: HTML and Markdown syntax show as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def csv_file_name(path: str) -> str:
    """The name a CSV gets under data/raw/: "My Data (v2).CSV" -> "my-data-v2.csv"."""
    return f"{slugify(Path(str(path)).stem) or 'data'}.csv"


def csv_columns(path: str) -> list[str]:
    """The header of the CSV at `path`, or [] when there is no readable file there."""
    try:
        with Path(str(path)).expanduser().open(newline="", encoding="utf-8") as file:
            return next(csv.reader(file), [])
    except (OSError, UnicodeDecodeError):
        return []


def csv_exists(path: str) -> bool:
    """Whether `path` names a file that can be copied into data/raw/."""
    return bool(str(path).strip()) and Path(str(path)).expanduser().is_file()


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
            read_text=read_text,
            default_tier=default_tier,
            is_email=is_email,
            is_slug=is_slug,
            absolute_src_path=absolute_src_path,
        )
        environment.globals.update(
            git_config=git_config,
            today=lambda: datetime.date.today().isoformat(),
            datasets=DATASETS,
            placeholder_author=PLACEHOLDER_AUTHOR,
            placeholder_email=PLACEHOLDER_EMAIL,
        )


class DatasetContext(ContextHook):
    """Adds `facts` (the dataset), `number` ("#007") and `is_classification`."""

    def hook(self, context: dict[str, Any]) -> None:
        # Copier also renders questions one by one; derive only once the answers exist.
        if "dataset" in context and "task" in context:
            facts = dataset_facts(
                context["dataset"], context["task"], context.get("target_column", "")
            )
            context["facts"] = facts
            context["is_classification"] = facts["task"] == "classification"
        if "project_number" in context:
            context["number"] = f"#{int(context['project_number']):03d}"
