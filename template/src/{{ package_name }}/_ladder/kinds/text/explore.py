"""A first look at labelled texts for notebooks/01-explore.py: a few texts of each
label, how long they are, and the words each label uses most (per-column views would
say nothing of one column of strings). core/explore.py loads and counts the labels."""

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.feature_extraction.text import CountVectorizer

from ...core.explore import Exploration, data_facts, panel_grid

# Texts shown per label, and the characters shown of each.
PER_CLASS = 3
SHOWN_CHARACTERS = 160
# Words listed per label, and labels drawn at most (the most frequent).
TOP_WORDS = 10
MAX_CLASSES = 8


def texts(data: Exploration) -> pd.Series:
    return data.X[data.project.text_column]


def word_counts(data: Exploration) -> pd.Series:
    """Words per text, as a reader counts them: runs of letters and digits."""
    return texts(data).str.count(r"\w+")


def text_facts(data: Exploration) -> dict[str, Any]:
    """core's facts, with the texts' length, vocabulary and repeats as extra rows."""
    facts = data_facts(data)
    # One text column: "1 numeric, 1 text" would say nothing.
    del facts["numeric"], facts["categorical"]
    facts["features"] = f"1 text column, `{data.project.text_column}`"
    column, words = texts(data), word_counts(data)
    low, median, high = np.percentile(words, [10, 50, 90])
    facts["more"] = {
        "words per text": (
            f"median {median:.0f}; 80% between {low:.0f} and {high:.0f}; "
            f"longest {words.max():,}"
        ),
        "distinct words": f"{len(CountVectorizer().fit(column).vocabulary_):,}",
        "texts seen twice or more": int(column.duplicated().sum()),
    }
    return facts


def examples(data: Exploration, per_class: int = PER_CLASS) -> pd.DataFrame:
    """The first few texts of each label, cut to a line or two."""
    shown = texts(data).str.replace(r"\s+", " ", regex=True).str.strip()
    cut = shown.str.len() > SHOWN_CHARACTERS
    shown[cut] = shown[cut].str.slice(0, SHOWN_CHARACTERS - 3) + "..."
    frame = pd.DataFrame({"label": data.y.astype(str), "text": shown})
    return frame.groupby("label", sort=True).head(per_class).sort_values("label")


def shown_classes(data: Exploration) -> list[str]:
    return list(data.y.astype(str).value_counts().index[:MAX_CLASSES])


def length_figure(data: Exploration) -> Figure:
    """How many words the texts have, one outline per label: a label whose texts are
    much longer or shorter lets a model guess from the length alone."""
    words, labels = word_counts(data), data.y.astype(str)
    # Word counts run from a handful to thousands: logarithmic bins show both ends.
    edges = np.unique(np.geomspace(words.min() + 1, words.max() + 2, 30).round())
    figure = Figure(figsize=(7, 3.5), layout="constrained")
    axes = figure.subplots()
    for label in shown_classes(data):
        axes.hist(
            words[labels == label] + 1,
            bins=edges,
            histtype="step",
            linewidth=1.5,
            label=label,
        )
    axes.set_xscale("log")
    axes.set_xlabel("words per text (+1, log scale)")
    axes.set_ylabel("texts")
    axes.set_title("How long the texts are, by label")
    axes.legend(fontsize="small")
    return figure


def word_totals(data: Exploration) -> pd.DataFrame:
    """How often each shown label (a column) uses each word (a row), common English
    words ("the", "and") left out."""
    vectorizer = CountVectorizer(stop_words="english")
    counts = vectorizer.fit_transform(texts(data))
    labels = data.y.astype(str).to_numpy()
    return pd.DataFrame(
        {
            label: np.asarray(counts[labels == label].sum(axis=0)).ravel()
            for label in shown_classes(data)
        },
        index=vectorizer.get_feature_names_out(),
    )


def most_used(totals: pd.Series, limit: int) -> pd.Series:
    return totals[totals > 0].sort_values(ascending=False, kind="stable")[:limit]


def top_words(totals: pd.DataFrame, limit: int = TOP_WORDS) -> pd.DataFrame:
    """Each label's most used words (of `word_totals`), most used first."""
    return pd.DataFrame(
        {label: pd.Series(most_used(totals[label], limit).index) for label in totals}
    )


def word_bars(
    bars: Mapping[str, pd.Series], size: tuple[float, float], extra: float = 0
) -> Figure:
    """A panel of bars per label, first word at the top, four panels across at most;
    each panel `size` inches, plus `extra` inches of height."""
    figure, grid = panel_grid(len(bars), size, extra)
    for axes, (label, values) in zip(grid, bars.items(), strict=True):
        axes.barh(values.index[::-1], values.to_numpy()[::-1])  # barh draws bottom up
        axes.set_title(label, fontsize="medium")
    return figure


def top_words_figure(totals: pd.DataFrame, limit: int = TOP_WORDS) -> Figure:
    """Bars of each label's most used words: those a first model will lean on."""
    bars = {label: most_used(totals[label], limit) for label in totals}
    figure = word_bars(bars, (3.4, 3))
    for axes in figure.axes:
        axes.set_xlabel("times used")
    return figure
