"""The learner's own data at the prompt: a CSV file or a folder of images, read where
it lies before it is copied in, for its columns (offered as defaults) and for the
problems that would stop the project (refused at once, with one line).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from copier.errors import UserMessageError

from .engine import data_checks
from .validators import MAX_CSV_STEM_LENGTH, has_control_characters, slugify


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
    except OSError as error:
        return f"'{path}' cannot be read ({error.strerror or error})"
    return data_checks.csv_problem(file, kind="")


# The suffixes the engine reads as images.
IMAGE_SUFFIXES = data_checks.IMAGE_SUFFIXES


def csv_data_problem(path: str, kind: str, **columns: Any) -> str:
    """Why the CSV at `path` cannot be the data of a `kind` project with these
    answers (target, task, text_column, date_column, horizon), in the words `train`
    would use, or "" (also when there is no file yet)."""
    if not csv_exists(path):
        return ""
    given = {name: value for name, value in columns.items() if value is not None}
    return data_checks.csv_problem(Path(str(path)).expanduser(), kind=kind, **given)


def data_problem(answers: Mapping[str, Any]) -> str:
    """Why the learner's data chosen in `answers` cannot be the project's, in the
    words `train` would use, or "" when it can (or is not there yet)."""
    if answers.get("dataset") == "folder":
        return images_problem(answers.get("images_path", ""))
    if answers.get("dataset") != "csv":
        return ""
    return csv_data_problem(
        answers.get("csv_path", ""),
        answers["kind"],
        target=answers.get("target_column"),
        task=answers.get("task"),
        text_column=answers.get("text_column"),
        date_column=answers.get("date_column"),
        horizon=int(answers["horizon"]) if "horizon" in answers else None,
    )


def refuse_bad_data(answers: Mapping[str, Any]) -> str:
    """Stops `copier copy` with data_problem's line (Copier prints it alone, and
    writes nothing); "" when there is none."""
    problem = data_problem(answers)
    if problem:
        raise UserMessageError(problem)
    return ""


def images_folder_name(path: str) -> str:
    """The name a folder of images gets under data/raw/: "My Photos/" -> "my-photos"."""
    name = Path(str(path).strip().rstrip("/\\")).expanduser().name
    return slugify(name, max_length=MAX_CSV_STEM_LENGTH) or "images"


def images_hold_project(path: str, destination: str) -> bool:
    """Whether the new project at `destination` would lie inside the folder of images
    at `path`: copying the folder in would then copy the copy, without end."""
    try:
        folder = Path(str(path)).expanduser().resolve()
        project = Path(str(destination)).resolve()
        return folder.is_dir() and project.is_relative_to(folder)
    except (OSError, ValueError):
        return False


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
    except OSError as error:
        return f"'{path}' cannot be read ({error.strerror or error})"
    return data_checks.images_problem(folder)


def read_text(path: str) -> str:
    """The UTF-8 text of the file at `path`."""
    return Path(str(path)).expanduser().read_text(encoding="utf-8")
