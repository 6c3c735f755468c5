"""Figures of a clustering: the features in pairs (notebooks/01-explore.py), where
groups show as clouds of points coloured by the hidden labels; the clusters drawn in
2-D, how many to look for, and the candidates compared. Each returns a Figure.
"""

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score

if TYPE_CHECKING:
    from ...core.explore import Exploration

# Features paired at most: four make sixteen small plots, more would be unreadable.
MAX_PAIRED = 4


def projection_figure(
    features: np.ndarray,
    clusters: np.ndarray,
    labels: pd.Series | None,
    unusual: np.ndarray,
    seed: int,
) -> Figure:
    """Every row on its two principal components, coloured by cluster, the most
    unusual circled; beside it, coloured by the hidden labels, if any."""
    points = PCA(n_components=2, random_state=seed).fit_transform(features)
    panels = 1 if labels is None else 2
    figure = Figure(figsize=(6 * panels, 5), layout="constrained")
    axes = np.atleast_1d(figure.subplots(1, panels))
    colour_by(axes[0], points, clusters.astype(str), "Clusters found")
    axes[0].scatter(
        *points[unusual].T,
        s=120,
        facecolors="none",
        edgecolors="black",
        label="most unusual",
    )
    axes[0].legend(fontsize="small")
    if labels is not None:
        colour_by(axes[1], points, labels.astype(str).to_numpy(), "Hidden labels")
    figure.suptitle("Every row, projected on its two principal components")
    return figure


def colour_by(axes, points: np.ndarray, groups: np.ndarray, title: str) -> None:
    for group in np.unique(groups):
        members = points[groups == group]
        axes.scatter(*members.T, s=14, alpha=0.75, label=group)
    axes.set(title=title, xlabel="first component", ylabel="second component")
    axes.legend(fontsize="small")


def choice_of_k_figure(
    features: np.ndarray, ks: list[int], chosen: int, seed: int
) -> Figure:
    """KMeans for each k: the inertia (its elbow) and the silhouette, k in use."""
    inertias, silhouettes = [], []
    for k in ks:
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(features)
        inertias.append(model.inertia_)
        silhouettes.append(silhouette_score(features, model.labels_))
    figure = Figure(figsize=(11, 4), layout="constrained")
    elbow, silhouette = figure.subplots(1, 2)
    elbow.plot(ks, inertias, marker="o")
    elbow.set(title="Elbow: inertia against k", xlabel="k", ylabel="inertia")
    silhouette.plot(ks, silhouettes, marker="o")
    silhouette.set(title="Silhouette against k", xlabel="k", ylabel="silhouette")
    for axes in (elbow, silhouette):
        axes.axvline(chosen, color="grey", linestyle="--", label=f"k in use: {chosen}")
        axes.legend()
    figure.suptitle("How many clusters? KMeans on the training rows")
    return figure


def candidates_figure(candidates: list[dict]) -> Figure:
    """Each candidate's best trial: its silhouette over the seeds and its stability."""
    names = [candidate["name"] for candidate in candidates]
    figure = Figure(figsize=(11, 4), layout="constrained")
    score_axes, stability_axes = figure.subplots(1, 2)
    score_axes.barh(
        names,
        [candidate["mean"] for candidate in candidates],
        xerr=[candidate["std"] for candidate in candidates],
    )
    score_axes.set(title="Silhouette on the training rows", xlabel="silhouette")
    stability_axes.barh(names, [candidate["stability"] for candidate in candidates])
    stability_axes.set(
        title="Stability across seeds", xlabel="adjusted Rand index", xlim=(0, 1.05)
    )
    figure.suptitle("Each candidate's best trial")
    return figure


def pair_figure(data: "Exploration", limit: int = MAX_PAIRED) -> Figure | None:
    """The most telling numeric features against each other, coloured by the hidden
    labels (if few enough), histograms on the diagonal; None below two features."""
    # The notebook's alone: `train` draws no pairs, nor imports the exploration.
    from ...core.explore import MAX_CLASS_COLOURS, telling_features

    columns = telling_features(data, limit)
    if len(columns) < 2:
        return None
    X = data.X[columns]
    coloured = data.has_classes and data.y.nunique() <= MAX_CLASS_COLOURS
    if coloured:
        groups = [(str(name), X[data.y == name]) for name in sorted(data.y.unique())]
    else:
        groups = [("rows", X)]
    size = len(columns)
    figure = Figure(figsize=(2.4 * size, 2.4 * size), layout="constrained")
    grid = figure.subplots(size, size, squeeze=False)
    for row, across in enumerate(columns):
        for column, along in enumerate(columns):
            axes = grid[row, column]
            for name, rows in groups:
                if row == column:
                    axes.hist(rows[along].dropna(), bins=20, histtype="step")
                else:
                    axes.scatter(rows[along], rows[across], s=6, alpha=0.6, label=name)
            if row == size - 1:
                axes.set_xlabel(str(along))
            if column == 0:
                axes.set_ylabel(str(across))
    if coloured:
        handles, labels = grid[0, 1].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside upper center", ncols=10)
    return figure
