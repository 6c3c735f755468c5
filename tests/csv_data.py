"""Small, messy CSV files the tests make: numbers, text, and missing values.

They stand in for a learner's own data (dataset=csv), offline and deterministic.
"""

from pathlib import Path

import numpy as np
import pandas as pd

CITIES = ["Lisbon", "Porto", "Braga", "Faro"]


def _customers(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "age": rng.integers(18, 80, rows).astype(float),
            "monthly spend": rng.gamma(2.0, 30.0, rows).round(2),
            "city": rng.choice(CITIES, rows),
            "plan": rng.choice(["basic", "plus", "pro"], rows),
        }
    )
    # Real exports have holes: a tenth of the ages and cities are missing.
    frame.loc[rng.random(rows) < 0.1, "age"] = np.nan
    frame.loc[rng.random(rows) < 0.1, "city"] = np.nan
    return frame


def write_classification_csv(path: Path, rows: int = 300, seed: int = 0) -> Path:
    """Customers who churned or stayed; churn depends on plan, spend and age."""
    frame = _customers(rows, seed)
    rng = np.random.default_rng(seed + 1)
    risk = (
        (frame["plan"] == "basic") * 1.5
        - frame["monthly spend"] / 40
        + frame["age"].fillna(50) / 40
        + rng.normal(0, 0.5, rows)
    )
    frame["churned"] = np.where(risk > risk.median(), "yes", "no")
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return path


def write_regression_csv(path: Path, rows: int = 300, seed: int = 0) -> Path:
    """Flat prices from area, rooms and city, with noise."""
    frame = _customers(rows, seed).rename(columns={"monthly spend": "area m2"})
    rng = np.random.default_rng(seed + 2)
    city_premium = frame["city"].map({"Lisbon": 900, "Porto": 500}).fillna(200)
    frame["price"] = (
        frame["area m2"] * 30 + city_premium * 10 + rng.normal(0, 300, rows)
    ).round(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return path


def write_series_csv(path: Path, months: int = 96, seed: int = 0) -> Path:
    """Monthly sales with a trend, a yearly season and noise, as a shop exports them:
    newest first, one month missing and one value left empty."""
    rng = np.random.default_rng(seed + 3)
    dates = pd.date_range("2016-01-01", periods=months, freq="MS")
    season = 40 * np.sin(2 * np.pi * (dates.month - 1) / 12)
    sales = 500 + 3 * np.arange(months) + season + rng.normal(0, 8, months)
    frame = pd.DataFrame({"month": dates.strftime("%Y-%m-%d"), "units sold": sales})
    frame["units sold"] = frame["units sold"].round(1)
    frame.loc[30, "units sold"] = np.nan
    frame = frame.drop(index=50).iloc[::-1]
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return path


def write_segments_csv(path: Path, rows: int = 240, seed: int = 0) -> Path:
    """Shoppers from three segments (bargain hunters, regulars, big spenders) that
    differ in spend, visits and basket size; no label column, as in real life."""
    rng = np.random.default_rng(seed)
    segment = rng.integers(0, 3, rows)

    def column(means: list[float], spreads: list[float]) -> np.ndarray:
        return rng.normal(np.array(means)[segment], np.array(spreads)[segment])

    frame = pd.DataFrame(
        {
            "monthly spend": column([40, 120, 400], [10, 25, 60]).round(2),
            "visits per month": column([2, 8, 4], [1, 2, 1]).round(1),
            "basket items": column([3, 6, 20], [1, 2, 4]).round(0),
            "city": rng.choice(CITIES, rows),
        }
    )
    # Real exports have holes: a twentieth of the visits and cities are missing.
    frame.loc[rng.random(rows) < 0.05, "visits per month"] = np.nan
    frame.loc[rng.random(rows) < 0.05, "city"] = np.nan
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return path


# Three topics, each with words of its own and a few every topic shares.
TOPIC_WORDS = {
    "sport": "goal match team coach league striker referee season stadium score",
    "cooking": "recipe oven garlic butter simmer flour sauce chef onion bake",
    "space": "orbit rocket planet nasa astronaut launch moon telescope galaxy probe",
}
COMMON_WORDS = ["the", "a", "today", "really", "new", "week", "people", "said"]


def write_text_csv(path: Path, rows: int = 240, seed: int = 0) -> Path:
    """Short labelled posts on three topics: a `label` column after a `review` one,
    with quotes, commas and accents a CSV writer must escape. One label in twenty is
    wrong, as in real data, so a model has mistakes to show."""
    rng = np.random.default_rng(seed)
    topics = rng.choice(sorted(TOPIC_WORDS), rows)
    noisy = rng.random(rows) < 0.05
    labels = np.where(noisy, rng.choice(sorted(TOPIC_WORDS), rows), topics)
    texts = []
    for label in topics:
        own = rng.choice(TOPIC_WORDS[label].split(), 5)
        shared = rng.choice(COMMON_WORDS, 5)
        words = list(rng.permutation(np.concatenate([own, shared])))
        texts.append(f'{" ".join(words[:5])}, "café" {" ".join(words[5:])}.')
    path.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"review": texts, "label": labels}).to_csv(path, index=False)
    return path
