"""A first look at the data: the facts and figures notebooks/01-explore.py shows.

The notebook loads the data as `train` does, then calls one function per cell: the
facts, the target's balance or spread, the features that tell it apart most, their
correlations. A clustering project's hidden labels take the target's place. Each
figure is returned, never drawn on screen: a notebook shows it inline, and
`save_exploration` writes reports/figures/ and reports/data.json for `report`.
"""

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from sklearn.feature_selection import f_classif

from .artifacts import save_figures, write_json
from .data import load_dataset
from .errors import ProjectError
from .paths import Paths
from .project import Project
from .settings import load_settings

# At most this many features get a plot: the ones that tell the target apart most.
MAX_FEATURES = 12
# More classes than this and per-class histograms turn into noise: one histogram.
MAX_CLASS_COLOURS = 10
# Categories shown per text column; the rarer ones are summed into "other".
MAX_CATEGORIES = 8
# Data figures are named apart from the evaluation's, since both go to reports/figures/.
FIGURE_PREFIX = "data_"


@dataclass(frozen=True)
class Exploration:
    """The data as `train` sees it, before any column is dropped or split off."""

    paths: Paths
    project: Project
    X: pd.DataFrame
    # The target; a clustering project's hidden labels, None when the data has none.
    y: pd.Series | None

    @property
    def has_classes(self) -> bool:
        """Whether `y` holds classes: a classification target, or hidden labels."""
        return self.y is not None and (
            self.project.is_classification or self.project.task == "clustering"
        )


def project_root(start: Path | None = None) -> Path:
    """The folder holding configs/project.yaml, the current one or one above it: a
    notebook runs in notebooks/, a script from the project's root."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if Paths(folder).project_config.is_file():
            return folder
    raise ProjectError(f"no configs/project.yaml in {start} or above it")


def load(root: Path | None = None) -> Exploration:
    paths = Paths(project_root(root))
    project = load_settings(paths).project
    X, y = load_dataset(paths, project)
    return Exploration(paths, project, X, y)


def data_facts(data: Exploration) -> dict[str, Any]:
    """What the post's table shows (a kind adds its own under "more")."""
    X, y, project = data.X, data.y, data.project
    missing = X.isna().sum()
    facts: dict[str, Any] = {
        "dataset": project.dataset,
        "task": project.task,
        "rows": len(X),
        "features": X.shape[1],
        "numeric": X.select_dtypes("number").shape[1],
        "categorical": X.select_dtypes(exclude="number").shape[1],
        "missing_cells": int(missing.sum()),
        # Worst first: the column to look at before any other.
        "missing": {
            str(name): int(count)
            for name, count in missing[missing > 0].sort_values(ascending=False).items()
        },
        "duplicate_rows": int(
            (X if y is None else pd.concat([X, y], axis=1)).duplicated().sum()
        ),
        "target": project.target,
    }
    if data.has_classes:
        counts = y.value_counts()
        facts["classes"] = {str(name): int(count) for name, count in counts.items()}
    elif y is not None:
        facts["target_summary"] = {
            name: float(value)
            for name, value in y.agg(["mean", "std", "min", "max"]).items()
        }
    return facts


def telling_features(data: Exploration, limit: int = MAX_FEATURES) -> list[str]:
    """The numeric features most tied to the target, best first: by the ANOVA
    F-score for classes (how far apart their means are, for their spread), else by
    the absolute correlation; without a target, in their order."""
    numeric = data.X.select_dtypes("number")
    # A constant column tells nothing (and has no score): it is left out.
    numeric = numeric.loc[:, numeric.nunique() > 1]
    if numeric.empty:
        return []
    if data.y is None:
        return list(numeric.columns[:limit])
    filled = numeric.fillna(numeric.median())
    if data.has_classes:
        with np.errstate(divide="ignore", invalid="ignore"):
            scores = pd.Series(f_classif(filled, data.y)[0], index=numeric.columns)
    else:
        scores = filled.corrwith(data.y.astype(float)).abs()
    return list(scores.fillna(0).sort_values(ascending=False).index[:limit])


def target_figure(data: Exploration) -> Figure | None:
    """How many rows each class has, or how the target's values spread; None
    without a target."""
    y = data.y
    if y is None:
        return None
    figure = Figure(figsize=(6, 3.5), layout="constrained")
    axes = figure.subplots()
    if data.has_classes:
        counts = y.value_counts().sort_index()
        axes.bar(counts.index.astype(str), counts.to_numpy())
        axes.set_ylabel("rows")
        axes.tick_params(axis="x", labelrotation=45 if len(counts) > 6 else 0)
        axes.set_title(f"Rows per class of {y.name!s}")
    else:
        axes.hist(y.dropna(), bins=30)
        axes.set_xlabel(str(y.name))
        axes.set_ylabel("rows")
        axes.set_title(f"Distribution of {y.name!s}")
    return figure


def feature_figure(data: Exploration) -> Figure:
    """Histograms of the telling numeric features, bars of the text columns; each
    class in its colour: a feature whose classes sit apart is one to lean on."""
    numeric = telling_features(data)
    room = max(MAX_FEATURES - len(numeric), 0)
    columns = numeric + list(data.X.select_dtypes(exclude="number").columns)[:room]
    if not columns:
        raise ProjectError("the data has no feature columns to plot")
    per_class = data.has_classes and data.y.nunique() <= MAX_CLASS_COLOURS
    figure, grid = panel_grid(len(columns), (3.2, 2.6), extra=0.6)
    for axes, column in zip(grid, columns, strict=True):
        values = data.X[column]
        if column in numeric:
            draw_histogram(axes, values, data.y if per_class else None)
        else:
            draw_categories(axes, values, data.y if per_class else None)
        axes.set_title(str(column), fontsize="medium")
    if per_class:
        handles, labels = grid[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside upper center", ncols=10)
    return figure


def panel_grid(
    count: int, size: tuple[float, float], extra: float = 0, across: int = 4
) -> tuple[Figure, list[Axes]]:
    """A figure of `count` panels, `across` to a row at most, each `size` inches wide
    and high, plus `extra` inches of height (titles, a legend); the grid's cells past
    `count` are hidden."""
    across = min(count, across)
    down = math.ceil(count / across)
    figure = Figure(
        figsize=(size[0] * across, size[1] * down + extra), layout="constrained"
    )
    grid = figure.subplots(down, across, squeeze=False).ravel()
    for axes in grid[count:]:
        axes.set_visible(False)
    return figure, list(grid[:count])


def draw_histogram(axes, values: pd.Series, classes: pd.Series | None) -> None:
    present = values.dropna()
    bins = np.histogram_bin_edges(present, bins=20)
    if classes is None:
        axes.hist(present, bins=bins)
        return
    for name in sorted(classes.unique()):
        axes.hist(
            present[classes[present.index] == name],
            bins=bins,
            histtype="step",
            linewidth=1.5,
            label=str(name),
        )


def draw_categories(axes, values: pd.Series, classes: pd.Series | None) -> None:
    """Rows per category (missing ones too), stacked by class when given."""
    labels = values.astype("string").fillna("(missing)")
    top = labels.value_counts().index[:MAX_CATEGORIES]
    labels = labels.where(labels.isin(top), "other")
    groups = classes if classes is not None else pd.Series("rows", index=labels.index)
    table = pd.crosstab(labels, groups)
    bottom = np.zeros(len(table))
    for name in table.columns:
        axes.bar(table.index, table[name], bottom=bottom, label=str(name))
        bottom += table[name].to_numpy()
    axes.tick_params(axis="x", labelrotation=45)


def correlation_figure(data: Exploration) -> Figure | None:
    """Correlations between the telling numeric features (and a numeric target);
    None with fewer than two numeric columns."""
    frame = data.X[telling_features(data)]
    if data.y is not None and not data.has_classes:
        frame = frame.assign(**{str(data.y.name): data.y})
    if frame.shape[1] < 2:
        return None
    matrix = frame.corr()
    size = 2.5 + 0.45 * len(matrix)
    figure = Figure(figsize=(size + 1, size), layout="constrained")
    axes = figure.subplots()
    image = axes.imshow(matrix, vmin=-1, vmax=1, cmap="RdBu_r")
    names = [str(name) for name in matrix.columns]
    axes.set_xticks(range(len(names)), names, rotation=45, ha="right")
    axes.set_yticks(range(len(names)), names)
    for (row, column), value in np.ndenumerate(matrix.to_numpy()):
        if not np.isnan(value):
            colour = "white" if abs(value) > 0.6 else "black"  # readable on dark red
            axes.text(
                column, row, f"{value:.2f}", ha="center", va="center", size=7, c=colour
            )
    figure.colorbar(image, ax=axes, shrink=0.8)
    axes.set_title("Correlations (Pearson)")
    return figure


def save_exploration(
    data: Exploration, facts: dict[str, Any], figures: dict[str, Figure | None]
) -> list[Path]:
    """Write each figure to reports/figures/data_<name>.png and the facts, with the
    figures' paths, to reports/data.json; returns the files written."""
    paths = data.paths
    saved = save_figures(figures, paths.figures, paths.reports, FIGURE_PREFIX)
    write_json(paths.data_facts, {**facts, "figures": saved})
    return [*(paths.reports / path for path in saved), paths.data_facts]
