"""The learner's own data at the prompt: a CSV file or a folder of images, read where
it lies before it is copied in, for its columns (offered as defaults) and for the
problems that would stop the project (refused at once, with one line).
"""

from __future__ import annotations

import csv
from pathlib import Path

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
