"""Load labelled texts, 20 Newsgroups through scikit-learn or your CSV, as a table:
`X` one column of texts (`text_column`) and `y` the labels, so the shared split,
baseline and metrics work on texts unchanged."""

from pathlib import Path

import pandas as pd
from filelock import FileLock

from ...core.data import read_checked_csv
from ...core.errors import ProjectError
from ...core.paths import Paths
from ...core.project import Project

# Four of the 20 groups, far enough apart for a first model to tell them apart.
NEWSGROUPS = ("comp.graphics", "rec.sport.hockey", "sci.med", "talk.politics.mideast")


def load_dataset(paths: Paths, project: Project) -> tuple[pd.DataFrame, pd.Series]:
    if project.dataset == "newsgroups":
        frame = load_newsgroups(project)
    else:
        frame = load_csv(paths.root / project.csv_file, project)
    frame = frame.reset_index(drop=True)
    return frame[[project.text_column]].astype(str), frame[project.target].astype(str)


def load_newsgroups(project: Project) -> pd.DataFrame:
    """Downloaded once (about 14 MB) into scikit-learn's cache, read from it after."""
    from sklearn.datasets import fetch_20newsgroups, get_data_home

    # `make all` explores and trains at once: one downloads, the other waits.
    try:
        with FileLock(Path(get_data_home()) / "20news.lock"):
            bunch = fetch_20newsgroups(
                subset="all",
                categories=list(NEWSGROUPS),
                # Headers name the group outright: a model would learn the answer key.
                remove=("headers", "footers", "quotes"),
                shuffle=True,
                random_state=project.seed,
            )
    except OSError as error:  # no connection, or the server did not answer
        raise ProjectError(
            f"20 Newsgroups could not be downloaded ({error}): connect once, and "
            "scikit-learn keeps it in its cache (SCIKIT_LEARN_DATA) for good"
        ) from None
    labels = [bunch.target_names[index] for index in bunch.target]
    frame = pd.DataFrame({project.text_column: bunch.data, project.target: labels})
    # Some posts are nothing but quotes and signatures: nothing is left to read.
    return frame[frame[project.text_column].str.strip().astype(bool)]


def load_csv(csv_path: Path, project: Project) -> pd.DataFrame:
    """Your CSV's texts and labels, once it passes the checks `copier copy` made on
    it too (read_checked_csv): no blank text, enough rows, two labels or more."""
    frame = read_checked_csv(csv_path, project)
    columns = [project.text_column, project.target]
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ProjectError(
            f"{csv_path} has no column {', '.join(map(repr, missing))} (columns: "
            f"{', '.join(map(str, frame.columns))}); fix text_column or target in "
            "configs/project.yaml"
        )
    # A row without a label teaches nothing.
    return frame[columns].dropna(subset=[project.target])
