"""The rows to cluster, split into training and test rows, with their labels (a
built-in dataset's classes, a CSV's `project.target`) kept aside from every model:
they only score the clusters.
"""

from dataclasses import dataclass, field

import pandas as pd
from sklearn.model_selection import train_test_split

from ...core.data import (
    BUILT_IN,
    DataSettings,
    read_checked_csv,
    require_known,
    select_columns,
)
from ...core.errors import ProjectError
from ...core.paths import Paths
from ...core.project import Project
from ...core.settings import Settings
from .columns import left_out


@dataclass(frozen=True)
class ClusterData(DataSettings):
    """The `data:` section: which columns the clusters are found in."""

    # The columns to cluster on; empty: every column but the label, less those no
    # group is found in (constant, an identifier, dates or years). Clusters follow
    # the columns you give them: pick those that describe what you want to group by.
    columns: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rows:
    """Training and test rows, with their hidden labels (None when there are none),
    and the columns left out of them by default, each with why (columns.py)."""

    X_train: pd.DataFrame
    X_test: pd.DataFrame
    labels_train: pd.Series | None
    labels_test: pd.Series | None
    left_out: dict[str, str] = field(default_factory=dict)

    @property
    def X(self) -> pd.DataFrame:  # training rows first
        return pd.concat([self.X_train, self.X_test])

    @property
    def labels(self) -> pd.Series | None:
        if self.labels_train is None:
            return None
        return pd.concat([self.labels_train, self.labels_test])


def load(paths: Paths, project: Project) -> tuple[pd.DataFrame, pd.Series | None]:
    """The features and the hidden labels (None for a CSV without a label column)."""
    label = project.target
    if project.dataset in BUILT_IN:
        bunch = BUILT_IN[project.dataset](as_frame=True)
        names = bunch.target_names[bunch.target].astype(str)
        return bunch.data, pd.Series(names, index=bunch.data.index, name=label)
    csv_path = paths.root / project.csv_file
    frame = read_checked_csv(csv_path, project)
    if not label:
        return frame, None
    if label not in frame.columns:
        raise ProjectError(
            f"label column {label!r} is not in {csv_path} (columns: "
            f"{', '.join(map(str, frame.columns))}); fix project.target in "
            'configs/project.yaml, or set it to "" if the data has no labels'
        )
    labels = frame.pop(label).astype(str)
    return frame, labels


def prepare(paths: Paths, settings: Settings) -> Rows:
    """The data's `data.columns` (when empty, those a group can be found in) less
    `data.drop_columns`, split."""
    X, labels = load(paths, settings.project)
    source, chosen = paths.default_config, settings.data.columns
    require_known(chosen, X, "data.columns", source)
    X = select_columns(X[chosen] if chosen else X, settings.data, source)
    unused = {} if chosen else left_out(X)
    if len(unused) == len(X.columns):
        held = "; ".join(f"{name}: {why}" for name, why in unused.items())
        raise ProjectError(
            f"no column to cluster on, none holds groups ({held}): name the columns "
            f"to use in data.columns of {source}"
        )
    X = X.drop(columns=list(unused))
    project = settings.project
    # Positions, so that the labels, when there are some, split as the rows do.
    train, test = train_test_split(
        range(len(X)), test_size=project.test_size, random_state=project.seed
    )
    hidden = (None, None) if labels is None else (labels.iloc[train], labels.iloc[test])
    return Rows(X.iloc[train], X.iloc[test], *hidden, left_out=unused)
