"""A first look at data to cluster: what notebooks/01-explore.py adds for it.

Clusters are groups of rows that sit close together, so the notebook sets the
features against each other in pairs, where groups show as clouds of points. The
hidden labels, when the data has them, colour the points: a clustering cannot see
them, but where they sit apart, the groups are there for it to find.
"""

from matplotlib.figure import Figure

from ...core.explore import MAX_CLASS_COLOURS, Exploration, telling_features

# Features paired at most: four make sixteen small plots, more would be unreadable.
MAX_PAIRED = 4


def pair_figure(data: Exploration, limit: int = MAX_PAIRED) -> Figure | None:
    """The most telling numeric features against each other, a point per row,
    coloured by the hidden labels when the data has them (few enough to tell
    apart); each feature's histogram on the diagonal. None with fewer than two
    numeric features."""
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
