"""The checks your data must pass before a model can learn from it, one line each.

The standard library only: Copier runs these same functions on your CSV or folder of
images when it makes the project (the template's extensions load this file), and
`train` runs them again, so data is refused at both in the same words. Each
`*_problem` function returns that line, or "" when the data passes. A CSV is read as
pandas reads it: blank lines skipped, the cells pandas takes for missing ("", NA,
null, ...) missing, a column numeric when every cell it has is a number.
"""

import csv
import datetime
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

# Fewer rows than this cannot give both a model to fit and a test set to score.
MIN_ROWS = 10
# Steps a forecaster needs to learn from, besides one season and the horizon.
MIN_HISTORY = 10
# The cells pandas reads as missing (read_csv's default na_values).
NA_VALUES = frozenset(
    ("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND")
    + ("1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null")
)
NUMBER = re.compile(
    r"[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf|infinity)", re.IGNORECASE
)
# A date is written year first: 2024, 2024-01, 2024-01-31, 2024/01/31, with an
# optional time (2024-01-31 08:30 or 2024-01-31T08:30:15.5). Never 01/02/2024,
# which is the 1st of February in one country and the 2nd of January in another.
DATE = re.compile(
    r"(?P<year>\d{4})(?:(?P<sep>[-/.])(?P<month>\d{1,2})(?:(?P=sep)(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})"
    r"(?:\.(?P<fraction>\d{1,6}))?)?)?)?)?"
)
# Files named like this are read as images; hidden ones (.DS_Store) are skipped.
IMAGE_SUFFIXES = (".bmp", ".gif", ".jpeg", ".jpg", ".png", ".tif", ".tiff", ".webp")
# How each of those formats begins: a file that begins otherwise is not one.
IMAGE_SIGNATURES = (
    *(b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM"),
    *(b"II*\x00", b"MM\x00*"),
)


class DataProblem(ValueError):
    """Data no model can learn from; its message is the one line that says why."""


@dataclass(frozen=True)
class Table:
    """A CSV's header and its data rows, each cell a string or None (missing)."""

    header: list[str]
    rows: list[list[str | None]]

    def column(self, name: str) -> list[str | None]:
        index = self.header.index(name)
        return [row[index] for row in self.rows]


def is_missing(cell: str | None) -> bool:
    return cell is None or cell in NA_VALUES


def is_number(cell: str) -> bool:
    return bool(NUMBER.fullmatch(cell.strip()))


def is_numeric(cells: list[str | None]) -> bool:
    """Whether pandas reads these cells as a column of numbers."""
    return all(is_missing(cell) or is_number(cell) for cell in cells)


def read_table(path: Path | str) -> Table:
    """The CSV at `path`; raises DataProblem when it is not one a model can read."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DataProblem(f"{path} cannot be read: {error.strerror or error}") from None
    if not data.strip():
        raise DataProblem(f"{path} is empty: it needs a header row and data rows")
    if b"\0" in data:
        raise DataProblem(f"{path} is not text (a spreadsheet? export it as CSV UTF-8)")
    try:
        # utf-8-sig: spreadsheets often start a "CSV UTF-8" file with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataProblem(
            f"{path} is not UTF-8 text (byte {data[error.start]:#04x} at position "
            f"{error.start}): save it as CSV UTF-8"
        ) from None
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        lines = [(reader.line_num, row) for row in reader if row]
    except csv.Error as error:
        raise DataProblem(
            f"{path} is not a readable CSV (line {reader.line_num}: {error}): check "
            "its commas and quotes"
        ) from None
    (_, header), *body = lines
    rows = []
    for line, row in body:
        if len(row) > len(header):
            raise DataProblem(
                f"{path}, line {line}: {len(row)} fields where the header has "
                f"{len(header)}: check its commas and quotes"
            )
        # pandas fills a short row's last cells with missing values.
        cells = row + [""] * (len(header) - len(row))
        rows.append([None if is_missing(cell) else cell for cell in cells])
    if not rows:
        raise DataProblem(f"{path} has a header row but no data rows")
    return Table(header, rows)


def class_key(cells: list[str]) -> list[object]:
    """Labels as pandas tells them apart: numbers by value (1 and 1.0 are one class),
    anything else by its text."""
    if all(is_number(cell) for cell in cells):
        return [float(cell) for cell in cells]
    return list(cells)


def infinite_problem(table: Table, path: Path | str, columns: list[str]) -> str:
    found = []
    for name in columns:
        cells = [cell for cell in table.column(name) if cell is not None]
        if is_numeric(cells) and any(math.isinf(float(cell)) for cell in cells):
            found.append(name)
    if found:
        return (
            f"{path} has infinite values in {', '.join(found)}: fix or drop those rows"
        )
    return ""


def too_few_problem(path: Path | str, count: int, rows: str, purpose: str) -> str:
    """Why `count` rows are too few for `purpose`, or "" when there are enough."""
    if count < MIN_ROWS:
        return f"{path} has {count} {rows}: {purpose} needs at least {MIN_ROWS}"
    return ""


def one_class_problem(labels: list[str], what: str, target: str, rows: str) -> str:
    if len(set(class_key(labels))) < 2:
        return (
            f"{what} {target!r} holds one class only ({labels[0]!r}): a classifier "
            f"needs {rows} of at least two classes"
        )
    return ""


def split_problem(labels: list[str] | None, test_size: float) -> str:
    """Why these rows cannot be split into training and test rows, or "". With
    `labels` (classification), a split that keeps each class's share needs a row
    per class on each side."""
    if not labels:
        return ""
    counts = Counter(class_key(labels))
    if min(counts.values()) < 2:
        return ""
    n_test = math.ceil(test_size * len(labels))
    for side, size in (("train_size", len(labels) - n_test), ("test_size", n_test)):
        if size < len(counts):
            return (
                f"{len(labels)} rows cannot be split into training and held-out rows "
                f"(The {side} = {size} should be greater or equal to the number of "
                f"classes = {len(counts)}): add rows or merge rare classes"
            )
    return ""


def tabular_problem(
    table: Table, path: Path | str, target: str, task: str | None, test_size: float
) -> str:
    # The rows with a value in `target`: a row without one teaches nothing.
    index = table.header.index(target)
    rows = Table(table.header, [row for row in table.rows if row[index] is not None])
    many = f"rows with a value in {target!r}"
    if problem := too_few_problem(path, len(rows.rows), many, "a train/test split"):
        return problem
    if set(table.header) <= {target}:
        return f"{path} has no feature columns besides {target!r}"
    if infinite := infinite_problem(rows, path, table.header):
        return infinite
    labels = rows.column(target)
    if task == "classification":
        return one_class_problem(labels, "target column", target, "rows") or (
            split_problem(labels, test_size)
        )
    if task == "regression" and not is_numeric(labels):
        return (
            f"target column {target!r} holds text, not numbers: regression needs a "
            "numeric target (or choose task=classification)"
        )
    return ""


def blank_text_problem(
    texts: list[tuple[int, str | None]], path: Path | str, column: str
) -> str:
    """Why some texts cannot be read, naming their rows (numbered from 1 under the
    header)."""
    blank = [number for number, text in texts if text is None or not text.strip()]
    if not blank:
        return ""
    lines = ", ".join(map(str, blank[:5])) + (", ..." if len(blank) > 5 else "")
    return (
        f"{path} has {len(blank)} empty text(s) in column {column!r} (row {lines} "
        "under the header): write a text there or delete those rows"
    )


def text_problem(
    table: Table, path: Path | str, text_column: str, target: str, test_size: float
) -> str:
    """Labelled texts: a row without a label is dropped, a blank text refused."""
    text_index = table.header.index(text_column)
    label_index = table.header.index(target)
    rows = [
        (number, row)
        for number, row in enumerate(table.rows, start=1)
        if row[label_index] is not None
    ]
    texts = [(number, row[text_index]) for number, row in rows]
    if problem := blank_text_problem(texts, path, text_column) or too_few_problem(
        path, len(rows), "labelled texts", "a train/test split"
    ):
        return problem
    labels = [row[label_index] for _, row in rows]
    return one_class_problem(labels, "label column", target, "texts") or (
        split_problem(labels, test_size)
    )


def clustering_problem(table: Table, path: Path | str, label: str) -> str:
    """Rows to cluster: every column but the label, if one is named. The labels
    score the clusters, so every row needs one: a score on some rows only would
    not be the score of the clusters."""
    purpose = "clustering and scoring new rows"
    if problem := too_few_problem(path, len(table.rows), "rows", purpose):
        return problem
    features = [name for name in table.header if name != label]
    if not features:
        return f"{path} has no columns to cluster besides {label!r}"
    if label and (empty := table.column(label).count(None)):
        return (
            f"{path} has {empty} empty cell(s) in label column {label!r}: fill them "
            "in or delete those rows, or name no label column"
        )
    return infinite_problem(table, path, features)


def parse_date(text: str) -> datetime.datetime | None:
    found = DATE.fullmatch(text.strip())
    if not found:
        return None
    parts = found.groupdict()
    try:
        return datetime.datetime(
            int(parts["year"]),
            int(parts["month"] or 1),
            int(parts["day"] or 1),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
            int((parts["fraction"] or "0").ljust(6, "0")),
        )
    except ValueError:  # 2024-02-30, or a 13th month
        return None


def read_series(
    table: Table, path: Path | str, date_column: str, value_column: str | None
) -> tuple[list[datetime.datetime], list[float]]:
    """Each row's date and value (NaN where the cell is empty), in the file's order;
    without `value_column`, only the dates."""
    dates, lines = [], {}
    for line, cell in enumerate(table.column(date_column), start=2):
        date = parse_date(cell or "")
        if date is None:
            raise DataProblem(
                f"{path}, line {line}: {(cell or '').strip()!r} in column "
                f"{date_column!r} is not a date: write dates like 2024-01-31"
            )
        dates.append(date)
        lines.setdefault(date, []).append(line)
    twice = next((seen for seen in lines.values() if len(seen) > 1), None)
    if twice:
        raise DataProblem(
            f"{path}: the date {dates[twice[0] - 2].date()} appears more than once in "
            f"column {date_column!r} (lines {twice[0]} and {twice[1]}): keep one "
            "value per date, or set data.resample to average them"
        )
    if value_column is None:
        return dates, []
    values = []
    for line, cell in enumerate(table.column(value_column), start=2):
        if cell is not None and not is_number(cell):
            raise DataProblem(
                f"{path}, line {line}: {cell!r} in value column {value_column!r} is "
                "not a number"
            )
        values.append(float("nan") if cell is None else float(cell))
    if any(math.isinf(value) for value in values):
        raise DataProblem(
            f"{path}: value column {value_column!r} holds an infinite value"
        )
    return dates, values


def series_length_problem(steps: int, season: int, horizon: int) -> str:
    needed = season + horizon + MIN_HISTORY
    if steps < needed:
        return (
            f"the series has {steps} time steps, shorter than its season ({season}) "
            f"plus the horizon ({horizon}) plus {MIN_HISTORY} to learn from: give at "
            f"least {needed} steps, or lower project.horizon"
        )
    return ""


def one_value_problem(values: list[float]) -> str:
    if len({value for value in values if not math.isnan(value)}) < 2:
        return "the series holds one value only: there is nothing to learn"
    return ""


DAY, HOUR = datetime.timedelta(days=1), datetime.timedelta(hours=1)


def plain_steps(dates: list[datetime.datetime]) -> tuple[int, int] | None:
    """(steps, season) of a series with these dates where they are plain to see
    without pandas (which `train` infers them with, and agrees): days or hours with
    none missing; weeks, months, quarters or years (months on their first or last
    day) with most steps there. None on other dates."""
    dates = sorted(dates)
    if len(dates) < 3:
        return None
    gaps = [later - earlier for earlier, later in pairwise(dates)]
    # Days or hours: only with none missing (weekdays alone are business days).
    for step, season in ((DAY, 7), (HOUR, 24)):
        if all(gap == step for gap in gaps):
            return len(dates), season
    if any(date.time() != datetime.time() for date in dates):
        return None
    if all(gap.days % 7 == 0 for gap in gaps) and mostly([gap.days for gap in gaps], 7):
        return (dates[-1] - dates[0]).days // 7 + 1, 52
    month_ends = all((date + datetime.timedelta(days=1)).day == 1 for date in dates)
    if not month_ends and any(date.day != 1 for date in dates):
        return None
    months = [date.year * 12 + date.month for date in dates]
    spans = [later - earlier for earlier, later in pairwise(months)]
    for step, season in ((1, 12), (3, 4), (12, 1)):
        if all(span % step == 0 for span in spans) and mostly(spans, step):
            return (months[-1] - months[0]) // step + 1, season
    return None


def mostly(spans: list[int], step: int) -> bool:
    """Whether most runs of three dates are `step` apart: pandas, finding no
    frequency for the whole series, takes the one most runs of three agree on."""
    runs = list(pairwise(spans))
    return sum(run == (step, step) for run in runs) * 2 > len(runs)


def csv_problem(
    path: Path | str,
    *,
    kind: str,
    target: str | None = None,
    task: str | None = None,
    text_column: str | None = None,
    date_column: str | None = None,
    horizon: int | None = None,
    test_size: float = 0.2,
) -> str:
    """Why the CSV at `path` cannot be a `kind` project's data, or "". A column not
    given yet (None: its question is still to come) or not in the file (the engine
    and the questions each name it their own way) is not checked."""
    try:
        table = read_table(path)
    except DataProblem as problem:
        return str(problem)
    known = [name for name in (target, text_column, date_column) if name]
    if any(name not in table.header for name in known):
        return ""
    if kind == "timeseries" and date_column:
        try:
            dates, values = read_series(table, path, date_column, target)
        except DataProblem as problem:
            return str(problem)
        steps = plain_steps(dates) if target and horizon else None
        if steps:
            return series_length_problem(*steps, horizon) or one_value_problem(values)
    if kind == "clustering" and target is not None:
        return clustering_problem(table, path, target)
    if kind == "text" and text_column and target:
        return text_problem(table, path, text_column, target, test_size)
    if kind == "tabular" and target:
        return tabular_problem(table, path, target, task, test_size)
    return ""


def images_problem(folder: Path | str) -> str:
    """Why the folder (a subfolder of images per class) cannot be learned from."""
    folder = Path(folder)
    try:
        classes = sorted(path for path in folder.iterdir() if path.is_dir())
        if len(classes) < 2:
            return (
                f"{folder} has {len(classes)} class folder(s): a classifier needs at "
                "least two subfolders of images, one per class"
            )
        for class_folder in classes:
            files = image_files(class_folder.iterdir())
            if not files:
                return f"{class_folder} holds no images: add some, or remove the folder"
            for file in files:
                problem = image_file_problem(file)
                if problem:
                    return problem
    except OSError as error:
        return f"{folder} cannot be read: {error.strerror or error}"
    return ""


def image_files(candidates: Iterable[Path]) -> list[Path]:
    return sorted(
        path for path in candidates if path.is_file() and not path.name.startswith(".")
    )


def image_file_problem(file: Path) -> str:
    if file.suffix.lower() not in IMAGE_SUFFIXES:
        return (
            f"{file} is not an image (expected one of {', '.join(IMAGE_SUFFIXES)}): "
            "move it out of the folder"
        )
    with file.open("rb") as opened:
        start = opened.read(12)
    webp = start[:4] == b"RIFF" and start[8:12] == b"WEBP"
    if not webp and not start.startswith(IMAGE_SIGNATURES):
        return (
            f"{file} is not an image Pillow can read (its bytes are not those of a "
            "PNG, JPEG, GIF, BMP, TIFF or WebP file): remove or replace it"
        )
    return ""
